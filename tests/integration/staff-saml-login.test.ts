import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  auditEvent,
  municipality,
  roleAssignment,
  session,
  staffSsoLink,
  staffSsoProvider,
  staffUser,
} from "../../db/schema/index";
import { csrfToken } from "~/auth/csrf.server";
import { getSsoProvider, saveSsoProvider, SsoInputError } from "~/auth/staff-sso/providers.server";
import {
  beginStaffSamlLogin,
  samlAcsUrl,
  samlSpEntityId,
  staffSamlLogoutUrl,
} from "~/auth/staff-sso/saml-login.server";
import { selfSignedCertificate } from "~/auth/staff-sso/self-signed-certificate.server";
import { createTestSamlIdp } from "~/auth/staff-sso/test-saml-idp.server";
import { createTestSamlRouter, testSamlEntityId } from "~/auth/staff-sso/test-saml.server";
import { db, prepareDatabase } from "~/db.server";
import { resetEnvForTests } from "~/env.server";
import { isSamlAssertionConsumerPost } from "~/http/middleware.server";
import { action as acsAction } from "~/routes/personal.logga-in.sso.saml.$provider.acs";
import { loader as metadataLoader } from "~/routes/personal.logga-in.sso.saml.$provider.metadata";
import { action as startAction } from "~/routes/personal.logga-in.sso._index";

/**
 * Staff sign-on through a SAML provider, end to end over HTTP (issue 21, decision 073): the
 * portal's AuthnRequest (HTTP-Redirect) goes to the local Test-SAML page, the tester's choice comes
 * back as a Response signed with xml-crypto (OASIS saml-core-2.0-os, saml-bindings-2.0-os §3.5),
 * and is posted to the provider's ACS route, which checks it (node-saml, decision 065) and hands it
 * to the one SSO login service (decision 064). The provider and its mappings are the demo seed's
 * (Mellerud: MEL-Handlaggare-Allmant → officer × allmänt, MEL-Handlaggare-Bygglov → officer × bygglov).
 */
let server: Server;
let base = "";
let providerId = 0;
let mellerudId = 0;

beforeAll(async () => {
  const app = express();
  let router: express.Router | null = null;
  app.use("/test-sso/saml", (req, res, next) => (router ? router(req, res, next) : next()));
  server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, resolve));
  base = `http://localhost:${(server.address() as AddressInfo).port}`;
  process.env.PUBLIC_URL = base;
  process.env.TEST_SSO = "on";
  resetEnvForTests();
  prepareDatabase();
  router = createTestSamlRouter()!.router;
  providerId = db().select().from(staffSsoProvider).where(eq(staffSsoProvider.protocol, "saml")).get()!.id;
  mellerudId = db().select().from(municipality).where(eq(municipality.slug, "mellerud")).get()!.id;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const pair = (setCookie: string) => setCookie.split(";")[0]!;

/** The value of the hidden input `name` in an HTML page (no regular expression, see regex-audit). */
function hidden(html: string, name: string): string {
  const marker = `name="${name}" value="`;
  const start = html.indexOf(marker);
  expect(start).toBeGreaterThan(-1);
  const from = start + marker.length;
  return html.slice(from, html.indexOf('"', from)).replaceAll("&amp;", "&").replaceAll("&quot;", '"');
}

interface Person {
  subject: string;
  groups: string[];
  mfa: boolean;
}

/** What the browser carries to the ACS after choosing `who` at Test-SAML. */
async function atTestSaml(who: Person): Promise<{ samlResponse: string; flowCookie: string }> {
  const begun = (await beginStaffSamlLogin(providerId, "/personal"))!;
  expect(begun.url.startsWith(`${base}/test-sso/saml/sso?SAMLRequest=`)).toBe(true);
  const page = await fetch(begun.url);
  expect(page.status).toBe(200);
  const html = await page.text();
  const chosen = await fetch(`${base}/test-sso/saml/sso`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      lang: "sv",
      SAMLRequest: hidden(html, "SAMLRequest"),
      RelayState: hidden(html, "RelayState"),
      preset: "",
      subject: who.subject,
      name: who.subject,
      email: `${who.subject}@mellerud.example.se`,
      groups: who.groups.join("\n"),
      mfa: who.mfa ? "yes" : "no",
    }).toString(),
  });
  expect(chosen.status).toBe(200);
  const posting = await chosen.text();
  // The HTTP-POST binding's page: a form to this provider's ACS, sent by script or by its button.
  expect(posting).toContain(`action="${samlAcsUrl(providerId)}"`);
  expect(posting).toContain("document.getElementById(");
  return { samlResponse: hidden(posting, "SAMLResponse"), flowCookie: pair(begun.setCookie) };
}

async function postToAcs(samlResponse: string, cookie: string, id = providerId): Promise<Response> {
  const request = new Request(samlAcsUrl(id), {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie, Origin: "https://idp.example" },
    body: new URLSearchParams({ SAMLResponse: samlResponse, RelayState: "staff" }).toString(),
  });
  return (await acsAction({ request, params: { provider: String(id) }, context: {} } as never)) as Response;
}

async function samlLogin(who: Person): Promise<Response> {
  const { samlResponse, flowCookie } = await atTestSaml(who);
  return postToAcs(samlResponse, flowCookie);
}

const accountOf = (subject: string) => {
  const link = db()
    .select()
    .from(staffSsoLink)
    .where(and(eq(staffSsoLink.providerId, providerId), eq(staffSsoLink.subject, subject)))
    .get();
  return link ? db().select().from(staffUser).where(eq(staffUser.id, link.staffUserId)).get() : undefined;
};
const rolesOf = (staffUserId: number) =>
  db().select().from(roleAssignment).where(eq(roleAssignment.staffUserId, staffUserId)).all();
const audits = (action: string) => db().select().from(auditEvent).where(eq(auditEvent.action, action)).all();
const hasSessionCookie = (res: Response) => res.headers.getSetCookie().some((c) => /^(__Host-)?session=[^;]/.test(c));

describe("staff sign-on through the municipality's SAML provider", () => {
  it("the login button starts a SAML login at a SAML provider: an AuthnRequest by HTTP-Redirect and a browser-binding cookie", async () => {
    const seed = `csrf=${"s".repeat(43)}`;
    const token = await csrfToken(new Request(`${base}/`, { headers: { Cookie: seed } }));
    const request = new Request(`${base}/personal/logga-in/sso`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: seed },
      body: new URLSearchParams({ _csrf: token, provider: String(providerId), redirectTo: "/personal" }).toString(),
    });
    const answer = (await startAction({ request, params: {}, context: {} } as never)) as Response;
    expect(answer.status).toBe(302);
    const location = new URL(answer.headers.get("location")!);
    expect(`${location.origin}${location.pathname}`).toBe(`${testSamlEntityId()}/sso`);
    expect(location.searchParams.get("SAMLRequest")).toBeTruthy();
    expect(answer.headers.get("set-cookie")).toContain("staff-saml=");
  });

  it("a login with MFA creates the account with exactly the mapped roles and a session linked to the provider", async () => {
    const answer = await samlLogin({
      subject: "saml-dora",
      groups: ["MEL-Handlaggare-Allmant", "MEL-Okand-Grupp"],
      mfa: true,
    });
    expect(answer.status).toBe(302);
    expect(answer.headers.get("location")).toBe("/personal");
    expect(hasSessionCookie(answer)).toBe(true);
    const staff = accountOf("saml-dora")!;
    expect(staff.municipalityId).toBe(mellerudId);
    expect(rolesOf(staff.id).map((r) => [r.role, r.municipalityId, r.area, r.ssoMappingId !== null])).toEqual([
      ["officer", mellerudId, "allmant", true],
    ]);
    const row = db().select().from(session).where(eq(session.staffUserId, staff.id)).get()!;
    expect(row).toMatchObject({ kind: "staff", ssoProviderId: providerId });
    expect(row.ssoSessionIndex).toBeTruthy();
    const login = audits("login").find((a) => a.actorId === staff.id)!;
    expect(JSON.stringify(login.details)).toContain("sso-saml");
  });

  it("a login without MFA is refused with the translated refusal and an audit row, and no session", async () => {
    const answer = await samlLogin({ subject: "saml-nomfa", groups: ["MEL-Handlaggare-Allmant"], mfa: false });
    expect(answer.status).toBe(403);
    expect(await answer.json()).toEqual({ reason: "mfa", title: "Inloggningen nekades" });
    expect(hasSessionCookie(answer)).toBe(false);
    expect(accountOf("saml-nomfa")).toBeUndefined();
    const refused = audits("login.refused").filter((a) => JSON.stringify(a.details).includes("saml-nomfa"));
    expect(refused).toHaveLength(1);
    expect(JSON.stringify(refused[0]!.details)).toContain('"reason":"mfa"');
  });

  it("a group the directory no longer lists loses its role at the next login", async () => {
    await samlLogin({
      subject: "saml-erik",
      groups: ["MEL-Handlaggare-Allmant", "MEL-Handlaggare-Bygglov"],
      mfa: true,
    });
    const staff = accountOf("saml-erik")!;
    expect(
      rolesOf(staff.id)
        .map((r) => r.area)
        .sort(),
    ).toEqual(["allmant", "bygglov"]);
    const again = await samlLogin({ subject: "saml-erik", groups: ["MEL-Handlaggare-Bygglov"], mfa: true });
    expect(again.status).toBe(302);
    expect(rolesOf(staff.id).map((r) => r.area)).toEqual(["bygglov"]);
    expect(
      audits("role.removed").filter(
        (a) => a.subjectId === String(staff.id) && JSON.stringify(a.details).includes("MEL-Handlaggare-Allmant"),
      ),
    ).toHaveLength(1);
  });

  it("a forged response (signed with another key) at the ACS is refused and audited with the reason, and the real login still works", async () => {
    const { samlResponse, flowCookie } = await atTestSaml({
      subject: "saml-forged",
      groups: ["MEL-Handlaggare-Allmant"],
      mfa: true,
    });
    const inResponseTo = Buffer.from(samlResponse, "base64")
      .toString("utf8")
      .split('InResponseTo="')[1]!
      .split('"')[0]!;
    const forger = createTestSamlIdp({ entityId: testSamlEntityId(), key: selfSignedCertificate("Mallory") });
    const forged = forger.buildResponse({
      inResponseTo,
      acsUrl: samlAcsUrl(providerId),
      audience: samlSpEntityId(providerId),
      person: {
        subject: "saml-forged",
        email: null,
        displayName: "Mallory",
        groups: ["MEL-Handlaggare-Allmant"],
        mfa: true,
      },
    });
    const answer = await postToAcs(forged, flowCookie);
    expect(answer.status).toBe(400);
    expect(await answer.json()).toMatchObject({ reason: "failed" });
    expect(hasSessionCookie(answer)).toBe(false);
    expect(accountOf("saml-forged")).toBeUndefined();
    const failed = audits("login.failed").filter((a) => a.subjectId === String(providerId));
    expect(JSON.stringify(failed.at(-1)!.details)).toContain('"reason":"bad-signature"');
    expect(JSON.stringify(failed.at(-1)!.details)).toContain("sso-saml");
    // The forgery did not use up the request: the genuine answer to it is still accepted, once.
    expect((await postToAcs(samlResponse, flowCookie)).status).toBe(302);
    const replay = await postToAcs(samlResponse, flowCookie);
    expect(replay.status).toBe(400);
    expect(JSON.stringify(audits("login.failed").at(-1)!.details)).toContain('"reason":"replay"');
  });

  it("a valid response posted into a browser that did not start that login is refused (login CSRF)", async () => {
    const { samlResponse } = await atTestSaml({
      subject: "saml-mallory",
      groups: ["MEL-Handlaggare-Allmant"],
      mfa: true,
    });
    const victim = await beginStaffSamlLogin(providerId, "/personal");
    const answer = await postToAcs(samlResponse, pair(victim!.setCookie));
    expect(answer.status).toBe(400);
    expect(hasSessionCookie(answer)).toBe(false);
    expect(accountOf("saml-mallory")).toBeUndefined();
    expect(JSON.stringify(audits("login.failed").at(-1)!.details)).toContain('"reason":"browser"');
    expect((await postToAcs(samlResponse, "")).status).toBe(400);
  });

  it("only a POST to a SAML ACS passes the global cross-origin refusal", () => {
    expect(isSamlAssertionConsumerPost("POST", `/personal/logga-in/sso/saml/${providerId}/acs`)).toBe(true);
    expect(isSamlAssertionConsumerPost("GET", `/personal/logga-in/sso/saml/${providerId}/acs`)).toBe(false);
    expect(isSamlAssertionConsumerPost("POST", "/personal/logga-in/sso")).toBe(false);
    expect(isSamlAssertionConsumerPost("POST", `/personal/logga-in/sso/saml/${providerId}/acs/x`)).toBe(false);
    expect(isSamlAssertionConsumerPost("POST", "/personal/logga-in/sso/saml/x/acs")).toBe(false);
    expect(isSamlAssertionConsumerPost("POST", "/admin/inloggning")).toBe(false);
  });

  it("publishes SP metadata with the entity id, the ACS (HTTP-POST) and the signing certificate; 404 for an OIDC provider", async () => {
    const res = await metadataLoader({
      params: { provider: String(providerId) },
      request: new Request(base),
      context: {} as never,
    });
    expect(res.headers.get("content-type")).toContain("application/samlmetadata+xml");
    const xml = await res.text();
    expect(xml).toContain(`entityID="${samlSpEntityId(providerId)}"`);
    expect(xml).toContain(`Location="${samlAcsUrl(providerId)}"`);
    expect(xml).toContain("X509Certificate");
    const oidc = db().select().from(staffSsoProvider).where(eq(staffSsoProvider.protocol, "oidc")).get()!;
    let status = 0;
    try {
      await metadataLoader({ params: { provider: String(oidc.id) }, request: new Request(base), context: {} as never });
    } catch (thrown) {
      status = (thrown as Response).status;
    }
    expect(status).toBe(404);
  });

  it("logout sends a signed LogoutRequest only when the provider has an SLO URL", async () => {
    await samlLogin({ subject: "saml-slo", groups: ["MEL-Handlaggare-Allmant"], mfa: true });
    const staff = accountOf("saml-slo")!;
    expect(await staffSamlLogoutUrl(providerId, staff.id, "_idx")).toBeNull();
    db()
      .update(staffSsoProvider)
      .set({ samlSloUrl: `${testSamlEntityId()}/slo` })
      .where(eq(staffSsoProvider.id, providerId))
      .run();
    try {
      const url = new URL((await staffSamlLogoutUrl(providerId, staff.id, "_idx"))!);
      expect(`${url.origin}${url.pathname}`).toBe(`${testSamlEntityId()}/slo`);
      expect(url.searchParams.get("SAMLRequest")).toBeTruthy();
      expect(url.searchParams.get("Signature")).toBeTruthy();
      expect(url.searchParams.get("SigAlg")).toContain("rsa-sha256");
    } finally {
      db().update(staffSsoProvider).set({ samlSloUrl: null }).where(eq(staffSsoProvider.id, providerId)).run();
    }
  });

  it("an IdP certificate that does not parse is a field error when a SAML provider is saved", () => {
    const admin = { kind: "staff" as const, staffUserId: 1, name: "Admin", roles: [] };
    const provider = getSsoProvider(providerId)!;
    const input = {
      name: "Mellerud SAML",
      protocol: "saml",
      enabled: true,
      municipalityIds: [mellerudId],
      oidcIssuer: "",
      oidcClientId: "",
      oidcClientSecret: "",
      samlIdpEntityId: provider.samlIdpEntityId!,
      samlSsoUrl: provider.samlSsoUrl!,
      samlSloUrl: "",
      samlIdpCertificate: "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n",
      groupsAttribute: "groups",
      mfaValues: "https://refeds.org/profile/mfa",
    };
    let error: unknown;
    try {
      saveSsoProvider(admin, null, null, input);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SsoInputError);
    expect((error as SsoInputError).field).toBe("samlIdpCertificate");
    const id = saveSsoProvider(admin, null, null, { ...input, samlIdpCertificate: provider.samlIdpCertificate! });
    expect(getSsoProvider(id)?.samlIdpCertificate).toContain("BEGIN CERTIFICATE");
  });
});
