import { createVerify } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { promisify } from "node:util";
import { inflateRaw } from "node:zlib";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { samlRequest } from "../../db/schema/index";
import type { SsoAssertion } from "~/auth/staff-sso/assertion";
import {
  consumeSamlResponse,
  samlLoginUrl,
  samlLogoutUrl,
  serviceProviderMetadata,
  type SamlProviderSettings,
  type SamlRefusal,
  SamlRefusedError,
} from "~/auth/staff-sso/saml.server";
import { selfSignedCertificate } from "~/auth/staff-sso/self-signed-certificate.server";
import {
  createTestSamlIdp,
  TEST_SAML_ATTRIBUTES,
  TEST_SAML_MFA_CONTEXT,
  TEST_SAML_PASSWORD_CONTEXT,
  type ResponseOptions,
  type TestSamlIdp,
  type TestSamlPerson,
} from "~/auth/staff-sso/test-saml-idp.server";
import { db } from "~/db.server";

/**
 * Issue 21, the SAML part (docs/decisions/065): the portal as service provider (node-saml) against
 * a local identity provider that signs real samlp:Response messages (xml-crypto). Both hops go
 * over HTTP: the browser's GET of the AuthnRequest (HTTP-Redirect binding) at the provider, and its
 * POST of the Response (HTTP-POST binding, saml-bindings-2.0-os §3.5) to the portal's ACS, here a
 * small handler that calls consumeSamlResponse as the login route does.
 */
const IDP_ENTITY = "https://idp.test.dalsland.example/saml";
const SP_ENTITY = "https://portal.test.dalsland.example/saml/sp";

let server: Server;
let base = "";
let idp: TestSamlIdp;
let settings: SamlProviderSettings;
/** What the person picks at the provider, and how the provider misbehaves, for the next GET. */
let atIdp: { person: TestSamlPerson; options?: ResponseOptions } | null = null;

const officer: TestSamlPerson = {
  subject: "amal-7f3c2e",
  email: "anna.officer@amal.example.se",
  displayName: "Anna Handläggare",
  groups: ["GRP-Amal-Socialtjanst-Handlaggare", "GRP-Amal-Alla"],
  mfa: true,
};

async function body(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

const attr = (s: string) => s.replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("<", "&lt;");

beforeAll(async () => {
  server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", base);
      if (req.method === "GET" && url.pathname === "/idp/sso" && atIdp) {
        // The provider after its own login: an auto-posting form to the ACS, as real IdPs answer.
        const request = await idp.parseAuthnRequest(url.searchParams);
        const SAMLResponse = idp.buildResponse({
          inResponseTo: request.id,
          acsUrl: request.acsUrl ?? "",
          audience: request.issuer ?? "",
          person: atIdp.person,
          options: atIdp.options,
        });
        res.setHeader("Content-Type", "text/html; charset=utf-8");
        res.end(
          `<!doctype html><form method="post" action="${attr(request.acsUrl ?? "")}">` +
            `<input type="hidden" name="SAMLResponse" value="${attr(SAMLResponse)}">` +
            `<input type="hidden" name="RelayState" value="${attr(request.relayState ?? "")}">` +
            `<button>Continue</button></form>`,
        );
        return;
      }
      if (req.method === "POST" && url.pathname === "/acs") {
        const form = new URLSearchParams(await body(req));
        try {
          const assertion = await consumeSamlResponse(settings, {
            SAMLResponse: form.get("SAMLResponse") ?? "",
            RelayState: form.get("RelayState") ?? undefined,
          });
          res.setHeader("Content-Type", "application/json");
          res.end(JSON.stringify({ assertion, relayState: form.get("RelayState") }));
        } catch (err) {
          if (!(err instanceof SamlRefusedError)) throw err;
          res.statusCode = 403;
          res.setHeader("Content-Type", "application/json");
          res.end(JSON.stringify({ reason: err.reason }));
        }
        return;
      }
      res.statusCode = 404;
      res.end();
    })().catch((err: unknown) => {
      res.statusCode = 500;
      res.end(String(err));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  idp = createTestSamlIdp({ entityId: IDP_ENTITY });
  settings = {
    idpEntityId: IDP_ENTITY,
    idpSsoUrl: `${base}/idp/sso`,
    idpSloUrl: `${base}/idp/slo`,
    idpCertificatePem: idp.certificatePem,
    spEntityId: SP_ENTITY,
    acsUrl: `${base}/acs`,
    groupsAttribute: TEST_SAML_ATTRIBUTES.groups,
    emailAttribute: TEST_SAML_ATTRIBUTES.email,
    nameAttribute: TEST_SAML_ATTRIBUTES.name,
    requestedAuthnContext: [TEST_SAML_MFA_CONTEXT],
  };
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** The value of a hidden input in the provider's page (read without a regular expression). */
function hidden(html: string, name: string): string {
  const marker = `name="${name}" value="`;
  const start = html.indexOf(marker);
  if (start < 0) throw new Error(`no ${name} in the provider's answer`);
  const value = html.slice(start + marker.length, html.indexOf('"', start + marker.length));
  return value.replaceAll("&quot;", '"').replaceAll("&lt;", "<").replaceAll("&amp;", "&");
}

type AcsAnswer = { status: number; assertion?: SsoAssertion; reason?: SamlRefusal; relayState?: string };

async function postToAcs(SAMLResponse: string, RelayState = "/personal"): Promise<AcsAnswer> {
  const res = await fetch(`${base}/acs`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ SAMLResponse, RelayState }).toString(),
  });
  const json = (await res.json()) as Omit<AcsAnswer, "status">;
  return { status: res.status, ...json };
}

/** The whole round: portal → provider (GET, redirect binding) → ACS (POST binding). */
async function signIn(person: TestSamlPerson, options?: ResponseOptions) {
  atIdp = { person, options };
  const loginUrl = await samlLoginUrl(settings, "/personal");
  const page = await (await fetch(loginUrl)).text();
  const SAMLResponse = hidden(page, "SAMLResponse");
  return { SAMLResponse, answer: await postToAcs(SAMLResponse, hidden(page, "RelayState")), loginUrl };
}

/** A request id the portal really issued, for responses built by hand. */
async function issuedRequestId(): Promise<string> {
  return (await idp.parseAuthnRequest(new URL(await samlLoginUrl(settings, "/personal")).searchParams)).id;
}

async function handMade(options: ResponseOptions & { inResponseTo?: string | null } = {}) {
  const inResponseTo = options.inResponseTo === undefined ? await issuedRequestId() : options.inResponseTo;
  return idp.buildResponse({ inResponseTo, acsUrl: settings.acsUrl, audience: SP_ENTITY, person: officer, options });
}

const decode = (b64: string) => Buffer.from(b64, "base64").toString("utf8");
const encode = (xml: string) => Buffer.from(xml, "utf8").toString("base64");

describe("staff SAML sign-on: what passes", () => {
  it("asks for the configured AuthnContext and remembers the request id in the database", async () => {
    const url = new URL(await samlLoginUrl(settings, "/personal"));
    expect(url.origin + url.pathname).toBe(settings.idpSsoUrl);
    expect(url.searchParams.get("RelayState")).toBe("/personal");
    const xml = (await promisify(inflateRaw)(Buffer.from(url.searchParams.get("SAMLRequest")!, "base64"))).toString();
    expect(xml).toContain(TEST_SAML_MFA_CONTEXT);
    expect(xml).toContain(`AssertionConsumerServiceURL="${settings.acsUrl}"`);
    const parsed = await idp.parseAuthnRequest(url.searchParams);
    expect(parsed.issuer).toBe(SP_ENTITY);
    expect(parsed.requestedAuthnContext).toEqual([TEST_SAML_MFA_CONTEXT]);
    const row = db().select().from(samlRequest).where(eq(samlRequest.id, parsed.id)).get();
    expect(row).toMatchObject({ idpEntityId: IDP_ENTITY, spEntityId: SP_ENTITY, usedAt: null });
  });

  it("a signed response with MFA yields the person, the groups and the AuthnContextClassRef", async () => {
    const { answer } = await signIn(officer);
    expect(answer.status).toBe(200);
    expect(answer.relayState).toBe("/personal");
    expect(answer.assertion).toMatchObject({
      subject: "amal-7f3c2e",
      email: "anna.officer@amal.example.se",
      displayName: "Anna Handläggare",
      groups: ["GRP-Amal-Socialtjanst-Handlaggare", "GRP-Amal-Alla"],
      authnContext: [TEST_SAML_MFA_CONTEXT],
    });
    expect(answer.assertion?.sessionIndex).toMatch(/^_[0-9a-f]{40}$/);
  });

  it("a login without a second factor passes the protocol and says so in authnContext", async () => {
    const { answer } = await signIn({ ...officer, mfa: false, groups: [] });
    expect(answer.status).toBe(200);
    expect(answer.assertion?.authnContext).toEqual([TEST_SAML_PASSWORD_CONTEXT]);
    expect(answer.assertion?.groups).toEqual([]);
  });

  it("a response whose Response and assertion are both signed passes", async () => {
    expect((await signIn(officer, { sign: "both" })).answer.status).toBe(200);
  });

  it("tolerates the documented clock skew: 30 s past NotOnOrAfter passes, 90 s does not", async () => {
    const past = (s: number) => new Date(Date.now() - s * 1000);
    const ok = await signIn(officer, { issueInstant: past(60), notBefore: past(61), notOnOrAfter: past(30) });
    expect(ok.answer.status).toBe(200);
    const late = await signIn(officer, { issueInstant: past(120), notBefore: past(121), notOnOrAfter: past(90) });
    expect(late.answer).toMatchObject({ status: 403, reason: "expired" });
  });
});

describe("staff SAML sign-on: what is refused, each with its reason", () => {
  it("a response signed with another key (forged)", async () => {
    const other = selfSignedCertificate("Forger");
    expect((await signIn(officer, { signingKey: other })).answer).toMatchObject({
      status: 403,
      reason: "bad-signature",
    });
  });

  it("an unsigned response", async () => {
    expect((await signIn(officer, { sign: "none" })).answer).toMatchObject({ status: 403, reason: "unsigned" });
  });

  it("a response where only the Response is signed, not the assertion", async () => {
    expect((await signIn(officer, { sign: "response" })).answer).toMatchObject({ status: 403, reason: "unsigned" });
  });

  it("a signature-wrapping attempt: a forged assertion beside the signed one hidden in Extensions", async () => {
    const xml = decode(await handMade());
    const start = xml.indexOf("<saml:Assertion");
    const end = xml.indexOf("</saml:Assertion>") + "</saml:Assertion>".length;
    const signed = xml.slice(start, end);
    const evil = (signed.slice(0, signed.indexOf("<Signature")) + signed.slice(signed.indexOf("</Signature>") + 12))
      .replace('ID="', 'ID="_evil')
      .replace("amal-7f3c2e", "portal-admin");
    const wrapped = xml.slice(0, start) + `<samlp:Extensions>${signed}</samlp:Extensions>` + evil + xml.slice(end);
    expect(await postToAcs(encode(wrapped))).toMatchObject({ status: 403, reason: "bad-signature" });
    // …and the other classic: both assertions side by side in the Response.
    const twin = xml.slice(0, start) + evil + signed + xml.slice(end);
    expect(await postToAcs(encode(twin))).toMatchObject({ status: 403, reason: "bad-signature" });
  });

  it("an assertion for another audience", async () => {
    const answer = (await signIn(officer, { audience: "https://other-portal.example/sp" })).answer;
    expect(answer).toMatchObject({ status: 403, reason: "audience" });
  });

  it("an assertion meant for another ACS (Recipient)", async () => {
    const answer = (await signIn(officer, { recipient: "https://other-portal.example/acs" })).answer;
    expect(answer).toMatchObject({ status: 403, reason: "audience" });
    const without = (await signIn(officer, { recipient: null })).answer;
    expect(without).toMatchObject({ status: 403, reason: "audience" });
    const noBearer = (await signIn(officer, { bearer: false })).answer;
    expect(noBearer).toMatchObject({ status: 403, reason: "audience" });
  });

  it("an assertion from another issuer, though signed with the trusted key", async () => {
    const answer = (await signIn(officer, { issuer: "https://another-idp.example/saml" })).answer;
    expect(answer).toMatchObject({ status: 403, reason: "issuer" });
  });

  it("a replayed assertion, and a second answer to the same request", async () => {
    const { SAMLResponse, answer } = await signIn(officer);
    expect(answer.status).toBe(200);
    expect(await postToAcs(SAMLResponse)).toMatchObject({ status: 403, reason: "replay" });

    const requestId = await issuedRequestId();
    const first = await handMade({ inResponseTo: requestId });
    const second = await handMade({ inResponseTo: requestId });
    expect((await postToAcs(first)).status).toBe(200);
    expect(await postToAcs(second)).toMatchObject({ status: 403, reason: "replay" });
  });

  it("an assertion id seen before, even in an answer to a new request", async () => {
    const assertionId = "_a-once-only-assertion-id";
    expect((await postToAcs(await handMade({ assertionId }))).status).toBe(200);
    expect(await postToAcs(await handMade({ assertionId }))).toMatchObject({ status: 403, reason: "replay" });
  });

  it("an expired assertion (NotOnOrAfter past)", async () => {
    const past = (m: number) => new Date(Date.now() - m * 60_000);
    const answer = (await signIn(officer, { issueInstant: past(15), notBefore: past(16), notOnOrAfter: past(10) }))
      .answer;
    expect(answer).toMatchObject({ status: 403, reason: "expired" });
  });

  it("an assertion older than the maximum age, whatever its NotOnOrAfter says", async () => {
    const answer = (
      await signIn(officer, {
        issueInstant: new Date(Date.now() - 10 * 60_000),
        notBefore: new Date(Date.now() - 10 * 60_000),
        notOnOrAfter: new Date(Date.now() + 60 * 60_000),
      })
    ).answer;
    expect(answer).toMatchObject({ status: 403, reason: "expired" });
  });

  it("an assertion not yet valid (NotBefore in the future)", async () => {
    const answer = (await signIn(officer, { notBefore: new Date(Date.now() + 10 * 60_000) })).answer;
    expect(answer).toMatchObject({ status: 403, reason: "not-yet-valid" });
  });

  it("a response to a request this portal never made, and one to no request at all", async () => {
    expect(await postToAcs(await handMade({ inResponseTo: "_0123456789abcdef" }))).toMatchObject({
      status: 403,
      reason: "in-response-to",
    });
    expect(await postToAcs(await handMade({ inResponseTo: null }))).toMatchObject({
      status: 403,
      reason: "in-response-to",
    });
  });

  it("a request id issued for one identity provider does not answer for another", async () => {
    const requestId = await issuedRequestId();
    const otherIdp = createTestSamlIdp({ entityId: "https://other-idp.example/saml" });
    const otherSettings = { ...settings, idpEntityId: otherIdp.entityId, idpCertificatePem: otherIdp.certificatePem };
    const response = otherIdp.buildResponse({
      inResponseTo: requestId,
      acsUrl: settings.acsUrl,
      audience: SP_ENTITY,
      person: officer,
    });
    await expect(consumeSamlResponse(otherSettings, { SAMLResponse: response })).rejects.toMatchObject({
      reason: "in-response-to",
    });
  });

  it("something that is not a SAML response", async () => {
    expect(await postToAcs(encode("<html>hello</html>"))).toMatchObject({ status: 403, reason: "malformed" });
    expect(await postToAcs("%%%not base64")).toMatchObject({ status: 403, reason: "malformed" });
  });
});

describe("staff SAML sign-on: logout and metadata", () => {
  it("sends no LogoutRequest without the portal's own signing key or without an SLO endpoint", async () => {
    expect(await samlLogoutUrl(settings, { subject: "amal-7f3c2e", sessionIndex: "_s1" }, "/")).toBeNull();
    const spKey = selfSignedCertificate("portal sp");
    const withKey = { ...settings, spPrivateKeyPem: spKey.privateKeyPem, spCertificatePem: spKey.certificatePem };
    expect(await samlLogoutUrl({ ...withKey, idpSloUrl: null }, { subject: "x", sessionIndex: null }, "/")).toBeNull();
  });

  it("signs the LogoutRequest (HTTP-Redirect) with the portal's key, naming the subject and session", async () => {
    const spKey = selfSignedCertificate("portal sp");
    const withKey = { ...settings, spPrivateKeyPem: spKey.privateKeyPem, spCertificatePem: spKey.certificatePem };
    const url = new URL((await samlLogoutUrl(withKey, { subject: "amal-7f3c2e", sessionIndex: "_s1" }, "/"))!);
    expect(url.origin + url.pathname).toBe(settings.idpSloUrl);
    const xml = (await promisify(inflateRaw)(Buffer.from(url.searchParams.get("SAMLRequest")!, "base64"))).toString();
    expect(xml).toContain("amal-7f3c2e");
    expect(xml).toContain("_s1");
    // saml-bindings-2.0-os §3.4.4.1: the signature covers SAMLRequest, RelayState and SigAlg in that order.
    const signed = ["SAMLRequest", "RelayState", "SigAlg"]
      .map((k) => `${k}=${encodeURIComponent(url.searchParams.get(k)!)}`)
      .join("&");
    const verifier = createVerify("RSA-SHA256").update(signed);
    expect(verifier.verify(spKey.certificatePem, url.searchParams.get("Signature")!, "base64")).toBe(true);
  });

  it("publishes SP metadata with the entity id, the ACS and WantAssertionsSigned", async () => {
    const xml = await serviceProviderMetadata(settings);
    expect(xml).toContain(`entityID="${SP_ENTITY}"`);
    expect(xml).toContain(`Location="${settings.acsUrl}"`);
    expect(xml).toContain('WantAssertionsSigned="true"');
  });
});
