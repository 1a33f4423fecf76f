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
import {
  addSsoMapping,
  disableInactiveSsoAccounts,
  listSsoProviders,
  localLoginRefusedBySso,
  saveSsoProvider,
  setSsoRequired,
  SsoInputError,
} from "~/auth/staff-sso/providers.server";
import { beginStaffSsoLogin, staffProviderLogoutUrl } from "~/auth/staff-sso/oidc.server";
import { createTestSsoProvider } from "~/auth/staff-sso/test-sso.server";
import { addRoleAssignment } from "~/auth/staff.server";
import { db, prepareDatabase } from "~/db.server";
import { resetEnvForTests } from "~/env.server";
import { csrfToken } from "~/auth/csrf.server";
import { DEV_STAFF_PASSWORD } from "../../db/seed/content/staff";
import { action as logoutAction } from "~/routes/logga-ut";
import { action as localLoginAction } from "~/routes/personal.logga-in._index";
import { loader as callbackLoader } from "~/routes/personal.logga-in.sso.callback";

/**
 * Staff single sign-on over the real OpenID Connect protocol (issue 21, decision 064): the
 * portal talks to the local Test-SSO (oidc-provider, signed ID tokens, PKCE, state, nonce) over
 * HTTP exactly as it would to a municipality's directory. The provider and its mappings are the
 * demo seed's (Åmål, AML-Handlaggare-Allmant → officer × allmänt).
 */
let server: Server;
let base = "";
let providerId = 0;
let amalId = 0;

beforeAll(async () => {
  const app = express();
  let router: express.Router | null = null;
  app.use("/test-sso", (req, res, next) => (router ? router(req, res, next) : next()));
  server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, resolve));
  base = `http://localhost:${(server.address() as AddressInfo).port}`;
  process.env.PUBLIC_URL = base;
  process.env.TEST_SSO = "on";
  resetEnvForTests();
  prepareDatabase();
  router = createTestSsoProvider()!.router;
  providerId = db().select().from(staffSsoProvider).get()!.id;
  amalId = db().select().from(municipality).where(eq(municipality.slug, "amal")).get()!.id;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const pair = (setCookie: string) => setCookie.split(";")[0]!;
const CSRF_SEED = `csrf=${"d".repeat(43)}`;

interface Person {
  subject: string;
  name?: string;
  email?: string;
  groups: string[];
  mfa: boolean;
}

/** Signs `who` in at Test-SSO through a real browser-like round trip; returns the portal's callback answer. */
async function ssoLogin(who: Person): Promise<Response> {
  const jar = new Map<string, string>();
  const go = async (url: string, init: RequestInit = {}) => {
    const res = await fetch(url, {
      ...init,
      redirect: "manual",
      headers: { ...(init.headers ?? {}), Cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; ") },
    });
    for (const c of res.headers.getSetCookie()) {
      const [name, ...rest] = pair(c).split("=");
      jar.set(name!, rest.join("="));
    }
    return res;
  };
  const begun = (await beginStaffSsoLogin(providerId, "/personal", "sv"))!;
  const authorize = new URL(begun.url);
  expect(authorize.searchParams.get("code_challenge_method")).toBe("S256");
  expect(authorize.searchParams.get("state")).toBeTruthy();
  expect(authorize.searchParams.get("nonce")).toBeTruthy();
  const interaction = (await go(begun.url)).headers.get("location")!;
  const uid = /\/interaction\/([^/?]+)/.exec(interaction)![1];
  const body = new URLSearchParams({
    preset: "",
    subject: who.subject,
    name: who.name ?? who.subject,
    email: who.email ?? `${who.subject}@amal.example.se`,
    groups: who.groups.join("\n"),
    mfa: who.mfa ? "yes" : "no",
  }).toString();
  let location = (
    await go(`${base}/test-sso/interaction/${uid}/login`, {
      method: "POST",
      body,
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    })
  ).headers.get("location")!;
  for (let hops = 0; hops < 5 && !location.includes("/personal/logga-in/sso/callback"); hops++)
    location = (await go(new URL(location, base).href)).headers.get("location")!;
  const request = new Request(new URL(location, base).href, { headers: { Cookie: pair(begun.setCookie) } });
  try {
    return (await callbackLoader({ request, params: {}, context: {} } as never)) as Response;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
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

describe("staff single sign-on through the municipality's OpenID Connect provider", () => {
  it("a login with MFA creates the account with exactly the mapped roles and a staff session linked to the provider", async () => {
    const answer = await ssoLogin({ subject: "sso-anna", groups: ["AML-Handlaggare-Allmant", "Unmapped"], mfa: true });
    expect(answer.status).toBe(302);
    expect(answer.headers.get("location")).toBe("/personal");
    const cookie = answer.headers.getSetCookie().find((c) => /^(__Host-)?session=[^;]/.test(c));
    expect(cookie).toBeDefined();
    const staff = accountOf("sso-anna")!;
    expect(staff.municipalityId).toBe(amalId);
    const roles = rolesOf(staff.id);
    expect(roles.map((r) => [r.role, r.municipalityId, r.area, r.ssoMappingId !== null])).toEqual([
      ["officer", amalId, "allmant", true],
    ]);
    const row = db().select().from(session).where(eq(session.staffUserId, staff.id)).get()!;
    expect(row).toMatchObject({ kind: "staff", stage: "active", ssoProviderId: providerId, idToken: null });
    const login = audits("login").find((a) => a.actorId === staff.id)!;
    expect(JSON.stringify(login.details)).toContain("sso-oidc");
    expect(audits("role.granted").filter((a) => a.subjectId === String(staff.id))).toHaveLength(1);
  });

  it("a login without MFA is refused with a translated message, no session and an audit event with the reason", async () => {
    const before = db().select().from(session).all().length;
    const answer = await ssoLogin({ subject: "sso-nomfa", groups: ["AML-Handlaggare-Allmant"], mfa: false });
    expect(answer.status).toBe(403);
    const data = (await answer.json()) as { reason: string; title: string };
    expect(data).toEqual({ reason: "mfa", title: "Inloggningen nekades" });
    expect(answer.headers.getSetCookie().some((c) => /^(__Host-)?session=[^;]/.test(c))).toBe(false);
    expect(db().select().from(session).all().length).toBe(before);
    expect(accountOf("sso-nomfa")).toBeUndefined();
    const refused = audits("login.refused").filter((a) => JSON.stringify(a.details).includes("sso-nomfa"));
    expect(refused).toHaveLength(1);
    expect(JSON.stringify(refused[0]!.details)).toContain('"reason":"mfa"');
  });

  it("a group no longer asserted loses its role at the next login, while a role an admin granted locally stays", async () => {
    await ssoLogin({ subject: "sso-bo", groups: ["AML-Handlaggare-Allmant", "AML-Handlaggare-Bygglov"], mfa: true });
    const staff = accountOf("sso-bo")!;
    expect(
      rolesOf(staff.id)
        .map((r) => r.area)
        .sort(),
    ).toEqual(["allmant", "bygglov"]);
    const localId = addRoleAssignment({
      staffUserId: staff.id,
      role: "officer",
      municipalityId: amalId,
      area: "skola",
      administrationId: null,
      createdBy: 1,
    })!;

    const again = await ssoLogin({ subject: "sso-bo", groups: ["AML-Handlaggare-Bygglov"], mfa: true });
    expect(again.status).toBe(302);
    const roles = rolesOf(staff.id);
    expect(roles.map((r) => r.area).sort()).toEqual(["bygglov", "skola"]);
    expect(roles.find((r) => r.id === localId)?.ssoMappingId).toBeNull();
    const removed = audits("role.removed").filter((a) => a.subjectId === String(staff.id));
    expect(removed).toHaveLength(1);
    expect(JSON.stringify(removed[0]!.details)).toContain("AML-Handlaggare-Allmant");
  });

  it("a new mapping gives its role at the person's first login", async () => {
    const admin = { kind: "staff" as const, staffUserId: 1, name: "Admin", roles: [] };
    const administrationId = firstAdministration(amalId);
    addSsoMapping(admin, [amalId], {
      providerId,
      groupName: "AML-Redaktorer",
      role: "editor",
      municipalityId: amalId,
      area: "",
      administrationId,
    });
    await ssoLogin({ subject: "sso-editor", groups: ["AML-Redaktorer"], mfa: true });
    const staff = accountOf("sso-editor")!;
    expect(rolesOf(staff.id).map((r) => [r.role, r.administrationId])).toEqual([["editor", administrationId]]);
  });

  it("a person whose groups map to nothing gets no account and is told to ask their admin", async () => {
    const answer = await ssoLogin({ subject: "sso-nobody", groups: ["AML-Alla-Anstallda"], mfa: true });
    expect(answer.status).toBe(403);
    expect(((await answer.json()) as { reason: string }).reason).toBe("noRoles");
    expect(accountOf("sso-nobody")).toBeUndefined();
  });

  it("an account not seen for STAFF_SSO_DISABLE_AFTER_DAYS is disabled with its sessions, and cannot sign in again", async () => {
    await ssoLogin({ subject: "sso-leaver", groups: ["AML-Handlaggare-Allmant"], mfa: true });
    const staff = accountOf("sso-leaver")!;
    const last = new Date(staff.lastLoginAt!).getTime();
    expect(disableInactiveSsoAccounts(new Date(last + 89 * 86_400_000))).toBe(0);
    expect(accountOf("sso-leaver")!.disabledAt).toBeNull();
    expect(disableInactiveSsoAccounts(new Date(last + 91 * 86_400_000))).toBeGreaterThanOrEqual(1);
    expect(accountOf("sso-leaver")!.disabledAt).not.toBeNull();
    const live = db()
      .select()
      .from(session)
      .where(eq(session.staffUserId, staff.id))
      .all()
      .filter((s) => s.revokedAt === null);
    expect(live).toHaveLength(0);
    expect(audits("sso.account.disabled").some((a) => a.subjectId === String(staff.id))).toBe(true);
    const answer = await ssoLogin({ subject: "sso-leaver", groups: ["AML-Handlaggare-Allmant"], mfa: true });
    expect(((await answer.json()) as { reason: string }).reason).toBe("disabled");
  });

  it("SSO required for Åmål refuses local login for its staff but keeps break-glass for portal-wide admins", () => {
    const admin = { kind: "staff" as const, staffUserId: 1, name: "Admin", roles: [] };
    const officer = db().select().from(staffUser).where(eq(staffUser.username, "handlaggare.amal")).get()!;
    const portalAdmin = db().select().from(staffUser).where(eq(staffUser.username, "admin.portal")).get()!;
    expect(localLoginRefusedBySso(officer.id)).toBe(false);
    setSsoRequired(admin, [amalId], amalId, true);
    expect(localLoginRefusedBySso(officer.id)).toBe(true);
    expect(localLoginRefusedBySso(portalAdmin.id)).toBe(false);
    setSsoRequired(admin, null, amalId, false);
    expect(localLoginRefusedBySso(officer.id)).toBe(false);
    expect(() => setSsoRequired(admin, [amalId + 1000], amalId, true)).toThrow();
  });

  it("logging out of an SSO session ends it here and sends the browser to the provider's end_session_endpoint", async () => {
    const answer = await ssoLogin({ subject: "sso-logout", groups: ["AML-Handlaggare-Allmant"], mfa: true });
    const sessionCookie = pair(answer.headers.getSetCookie().find((c) => /^(__Host-)?session=[^;]/.test(c))!);
    const cookie = `${CSRF_SEED}; ${sessionCookie}`;
    const token = await csrfToken(new Request(`${base}/logga-ut`, { headers: { Cookie: cookie } }));
    const logout = (await logoutAction({
      request: new Request(`${base}/logga-ut`, {
        method: "POST",
        headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ _csrf: token }).toString(),
      }),
      params: {},
      context: {},
    } as never)) as Response;
    const to = new URL(logout.headers.get("location")!);
    expect(to.pathname).toBe("/test-sso/session/end");
    expect(to.searchParams.has("id_token_hint")).toBe(false);
    expect(to.searchParams.get("client_id")).toBe("dalsland-portal-staff-test");
    const staff = accountOf("sso-logout")!;
    expect(db().select().from(session).where(eq(session.staffUserId, staff.id)).get()!.revokedAt).not.toBeNull();
    // The provider accepts the request (a wrong client or redirect shows its error page instead).
    const page = await fetch(to, { redirect: "manual" });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("/test-sso/session/end/confirm");
  });

  it("the password login of an Åmål officer is refused with a clear message once Åmål requires SSO", async () => {
    const admin = { kind: "staff" as const, staffUserId: 1, name: "Admin", roles: [] };
    setSsoRequired(admin, [amalId], amalId, true);
    try {
      const login = async (username: string) => {
        const token = await csrfToken(new Request(`${base}/personal/logga-in`, { headers: { Cookie: CSRF_SEED } }));
        return (await localLoginAction({
          request: new Request(`${base}/personal/logga-in`, {
            method: "POST",
            headers: { Cookie: CSRF_SEED, "Content-Type": "application/x-www-form-urlencoded" },
            body: new URLSearchParams({ _csrf: token, username, password: DEV_STAFF_PASSWORD }).toString(),
          }),
          params: {},
          context: {},
        } as never)) as Response;
      };
      const refused = await login("handlaggare.amal");
      expect(refused.status).toBe(400);
      expect(await refused.json()).toMatchObject({ errors: { username: "sso:ssoRequired" } });
      expect(audits("login.refused").some((a) => JSON.stringify(a.details).includes("sso-required"))).toBe(true);
      // Break-glass: the portal-wide admin still reaches the second factor.
      const breakGlass = await login("admin.portal");
      expect(breakGlass.status).toBe(302);
      // Another municipality's officer is not affected.
      expect((await login("handlaggare.bengtsfors")).status).toBe(302);
    } finally {
      setSsoRequired(admin, null, amalId, false);
    }
  });

  it("logout at the provider names the client and the provider's session, never an ID token", async () => {
    const url = new URL((await staffProviderLogoutUrl(providerId, "sid-123", "sv"))!);
    expect(url.href.startsWith(`${base}/test-sso/`)).toBe(true);
    expect(url.searchParams.get("client_id")).toBe("dalsland-portal-staff-test");
    expect(url.searchParams.get("logout_hint")).toBe("sid-123");
    expect(url.searchParams.has("id_token_hint")).toBe(false);
  });
});

function firstAdministration(municipalityId: number): number {
  const row = db()
    .$client.prepare("select id from administration where municipality_id = ? order by id")
    .get(municipalityId) as {
    id: number;
  };
  return row.id;
}

describe("the staff SSO configuration", () => {
  const admin = { kind: "staff" as const, staffUserId: 1, name: "Admin", roles: [] };
  const input = {
    name: "Dalslands gemensamma katalog",
    protocol: "oidc",
    enabled: true,
    municipalityIds: [] as number[],
    oidcIssuer: "https://idp.dalsland.example.se",
    oidcClientId: "portal",
    oidcClientSecret: "a-very-secret-client-secret",
    samlIdpEntityId: "",
    samlSsoUrl: "",
    samlSloUrl: "",
    samlIdpCertificate: "",
    groupsAttribute: "groups",
    mfaValues: "mfa\nhwk",
  };

  it("keeps the client secret encrypted, never returns it, and keeps it when an edit leaves it empty", () => {
    const id = saveSsoProvider(admin, null, null, { ...input, municipalityIds: [amalId] });
    const row = db().select().from(staffSsoProvider).where(eq(staffSsoProvider.id, id)).get()!;
    expect(row.oidcClientSecretEncrypted).toBeTruthy();
    expect(JSON.stringify(row)).not.toContain("a-very-secret-client-secret");
    const listed = listSsoProviders(null).find((p) => p.id === id)!;
    expect(JSON.stringify(listed)).not.toContain(row.oidcClientSecretEncrypted!);
    expect(listed).toMatchObject({ hasClientSecret: true, mfaValues: ["mfa", "hwk"] });
    saveSsoProvider(admin, null, id, { ...input, municipalityIds: [amalId], oidcClientSecret: "" });
    expect(
      db().select().from(staffSsoProvider).where(eq(staffSsoProvider.id, id)).get()!.oidcClientSecretEncrypted,
    ).toBe(row.oidcClientSecretEncrypted);
    const audit = audits("sso.provider.created").find((a) => a.subjectId === String(id))!;
    expect(JSON.stringify(audit.details)).not.toContain("a-very-secret-client-secret");
  });

  it("refuses a municipal admin's provider change, a provider without MFA values and a plain-http issuer of another host", () => {
    expect(() => saveSsoProvider(admin, [amalId], null, { ...input, municipalityIds: [amalId] })).toThrow(Response);
    const field = (f: () => unknown) => {
      try {
        f();
      } catch (error) {
        return error instanceof SsoInputError ? error.field : "other";
      }
      return null;
    };
    expect(
      field(() => saveSsoProvider(admin, null, null, { ...input, municipalityIds: [amalId], mfaValues: " \n " })),
    ).toBe("mfaValues");
    expect(field(() => saveSsoProvider(admin, null, null, { ...input, municipalityIds: [] }))).toBe("municipalities");
    expect(
      field(() =>
        saveSsoProvider(admin, null, null, { ...input, municipalityIds: [amalId], oidcIssuer: "javascript:x" }),
      ),
    ).toBe("oidcIssuer");
  });

  it("lets a municipal admin map groups only in their own municipality, through a provider that serves it", () => {
    const other = db().select().from(municipality).where(eq(municipality.slug, "bengtsfors")).get()!.id;
    const mapping = {
      providerId,
      groupName: "G",
      role: "officer",
      municipalityId: other,
      area: "skola",
      administrationId: null,
    };
    expect(() => addSsoMapping(admin, [amalId], mapping)).toThrow(Response);
    // The seeded provider serves Åmål only: a portal-wide admin cannot map Bengtsfors through it either.
    expect(() => addSsoMapping(admin, null, mapping)).toThrow(SsoInputError);
    expect(() => addSsoMapping(admin, [amalId], { ...mapping, municipalityId: amalId, area: "" })).toThrow(
      SsoInputError,
    );
  });
});
