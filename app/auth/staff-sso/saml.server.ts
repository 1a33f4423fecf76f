import type { CacheProvider, Profile, SAML } from "@node-saml/node-saml";
import { and, eq, gt, isNull, lte } from "drizzle-orm";
import { samlRequest, samlSeenAssertion } from "../../../db/schema/index";
import type { SsoAssertion } from "./assertion";
import { db } from "~/db.server";
import { xmlReader } from "~/platform/xml.server";

/**
 * The portal as a SAML 2.0 service provider for staff sign-on (issue 21, docs/decisions/065).
 * node-saml does the protocol and the XML signature checks (never hand-written); this module adds
 * what node-saml leaves to its caller: the request ids kept in the database (so a response is
 * accepted by whichever process receives it, once), the replay store for assertion ids, the
 * issuer and recipient checks, and one refusal reason per kind of failure.
 *
 * Bindings: the AuthnRequest goes out by HTTP-Redirect, the Response comes back by HTTP-POST to
 * the ACS (SAML 2.0 Bindings §3.4 and §3.5; Web Browser SSO Profile, saml-profiles-2.0-os §4.1).
 */
export interface SamlProviderSettings {
  idpEntityId: string;
  idpSsoUrl: string;
  idpSloUrl: string | null;
  idpCertificatePem: string;
  spEntityId: string;
  acsUrl: string;
  groupsAttribute: string;
  emailAttribute: string;
  nameAttribute: string;
  requestedAuthnContext: string[];
  /**
   * Optional: the portal's own signing key and certificate. Without them AuthnRequests go out
   * unsigned (allowed by the Web Browser SSO profile) and no LogoutRequest is sent, because
   * identity providers refuse unsigned ones (saml-profiles-2.0-os §4.4.3.1).
   */
  spPrivateKeyPem?: string | null;
  spCertificatePem?: string | null;
}

export type SamlRefusal =
  | "unsigned"
  | "bad-signature"
  | "audience"
  | "expired"
  | "not-yet-valid"
  | "replay"
  | "issuer"
  | "in-response-to"
  | "malformed";

/** A response the portal does not accept; `reason` is for the audit log and the user's message. */
export class SamlRefusedError extends Error {
  constructor(
    readonly reason: SamlRefusal,
    detail: string,
  ) {
    super(`SAML response refused (${reason}): ${detail}`);
    this.name = "SamlRefusedError";
  }
}

/** Clocks of the portal and the identity provider may differ this much (decision 065). */
export const SAML_CLOCK_SKEW_MS = 60_000;
/** An AuthnRequest must be answered within this time. */
export const SAML_REQUEST_LIFETIME_MS = 10 * 60_000;
/** An assertion is refused this long after its IssueInstant, whatever its NotOnOrAfter says. */
export const SAML_MAX_ASSERTION_AGE_MS = 5 * 60_000;
/** Larger than any real Response; refused before parsing. */
const MAX_RESPONSE_CHARS = 200_000;

const PERSISTENT = "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent";

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * node-saml's store of request ids, in the database. `removeAsync` does nothing: a request is
 * used up by our own atomic claim after the whole response has been checked, so that a second
 * presentation is told apart as a replay and a failed forgery does not burn a real login.
 */
function requestStore(settings: SamlProviderSettings): CacheProvider {
  return {
    saveAsync: (key, value) => {
      const now = Date.now();
      const database = db();
      database
        .delete(samlRequest)
        .where(lte(samlRequest.expiresAt, iso(now)))
        .run();
      database
        .insert(samlRequest)
        .values({
          id: key,
          idpEntityId: settings.idpEntityId,
          spEntityId: settings.spEntityId,
          createdAt: iso(now),
          expiresAt: iso(now + SAML_REQUEST_LIFETIME_MS),
        })
        .run();
      return Promise.resolve({ value, createdAt: now });
    },
    getAsync: (key) => {
      const row = db()
        .select({ createdAt: samlRequest.createdAt })
        .from(samlRequest)
        .where(
          and(
            eq(samlRequest.id, key),
            eq(samlRequest.idpEntityId, settings.idpEntityId),
            eq(samlRequest.spEntityId, settings.spEntityId),
            gt(samlRequest.expiresAt, iso(Date.now())),
          ),
        )
        .get();
      return Promise.resolve(row?.createdAt ?? null);
    },
    removeAsync: () => Promise.resolve(null),
  };
}

/**
 * node-saml with its XML, signature and encryption libraries: the costliest import left at start
 * (decision 127), loaded at the first SAML request instead.
 */
const samlLibrary = () => import("@node-saml/node-saml");

async function serviceProvider(settings: SamlProviderSettings): Promise<SAML> {
  const { SAML, ValidateInResponseTo } = await samlLibrary();
  const signing = settings.spPrivateKeyPem ? { privateKey: settings.spPrivateKeyPem } : {};
  return new SAML({
    ...signing,
    entryPoint: settings.idpSsoUrl,
    issuer: settings.spEntityId,
    callbackUrl: settings.acsUrl,
    audience: settings.spEntityId,
    idpCert: settings.idpCertificatePem,
    idpIssuer: settings.idpEntityId,
    logoutUrl: settings.idpSloUrl ?? undefined,
    identifierFormat: PERSISTENT,
    // Identity providers sign the assertion, the response or both; the assertion must be signed.
    wantAssertionsSigned: true,
    wantAuthnResponseSigned: false,
    signatureAlgorithm: "sha256",
    digestAlgorithm: "sha256",
    acceptedClockSkewMs: SAML_CLOCK_SKEW_MS,
    maxAssertionAgeMs: SAML_MAX_ASSERTION_AGE_MS,
    validateInResponseTo: ValidateInResponseTo.always,
    requestIdExpirationPeriodMs: SAML_REQUEST_LIFETIME_MS,
    cacheProvider: requestStore(settings),
    authnContext: settings.requestedAuthnContext,
    disableRequestedAuthnContext: settings.requestedAuthnContext.length === 0,
    racComparison: "exact",
  });
}

/** The URL to send the browser to: an AuthnRequest by HTTP-Redirect, its id kept for InResponseTo. */
export async function samlLoginUrl(settings: SamlProviderSettings, relayState: string): Promise<string> {
  return (await serviceProvider(settings)).getAuthorizeUrlAsync(relayState, undefined, {});
}

/** The portal's SP metadata for the identity provider's administrators. */
export async function serviceProviderMetadata(settings: SamlProviderSettings): Promise<string> {
  return (await serviceProvider(settings)).generateServiceProviderMetadata(null, settings.spCertificatePem ?? null);
}

/**
 * The IdP's logout URL (a signed LogoutRequest by HTTP-Redirect), or null when the provider has
 * no SLO endpoint or the portal has no signing key (the portal session is ended either way).
 */
export async function samlLogoutUrl(
  settings: SamlProviderSettings,
  who: { subject: string; sessionIndex: string | null },
  relayState: string,
): Promise<string | null> {
  if (!settings.idpSloUrl || !settings.spPrivateKeyPem) return null;
  const profile: Profile = {
    issuer: settings.idpEntityId,
    nameID: who.subject,
    nameIDFormat: PERSISTENT,
    ...(who.sessionIndex ? { sessionIndex: who.sessionIndex } : {}),
  };
  return (await serviceProvider(settings)).getLogoutUrlAsync(profile, relayState, {});
}

const parseXml = xmlReader({ removeNSPrefix: true, ignoreAttributes: false, attributeNamePrefix: "@_" });

type Node = Record<string, unknown>;
const isNode = (v: unknown): v is Node => typeof v === "object" && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

/** Every element named `name` anywhere below `node` (a parsed document). */
function elements(node: unknown, name: string, out: Node[] = []): Node[] {
  for (const item of list(node)) {
    if (!isNode(item)) continue;
    for (const [key, value] of Object.entries(item)) {
      if (key.startsWith("@_") || key === "$") continue;
      if (key === name) out.push(...list(value).filter(isNode));
      elements(value, name, out);
    }
  }
  return out;
}

const text = (v: unknown): string | null => {
  if (typeof v === "string") return v;
  if (typeof v === "number") return String(v);
  if (isNode(v) && typeof v["#text"] === "string") return v["#text"];
  if (isNode(v) && typeof v._ === "string") return v._;
  return null;
};

/** Why node-saml refused, in our words. */
async function reasonFor(err: unknown, parsed: Node): Promise<SamlRefusal> {
  if (err instanceof (await samlLibrary()).SamlStatusError) return "malformed";
  const message = err instanceof Error ? err.message : String(err);
  if (message.includes("InResponseTo")) return "in-response-to";
  if (message.includes("audience") || message.includes("AudienceRestriction")) return "audience";
  // "Unsigned" when no assertion carries a signature of its own (a signed Response is not enough).
  if (message.toLowerCase().includes("signature"))
    return elements(parsed, "Assertion").some((a) => "Signature" in a) ? "bad-signature" : "unsigned";
  if (message.includes("not yet valid")) return "not-yet-valid";
  if (message.includes("expired")) return "expired";
  if (message.includes("subject confirmation")) {
    // node-saml checks the SubjectConfirmationData times first and does not say which one failed.
    const early = elements(parsed, "SubjectConfirmationData").some((d) => {
      const notBefore = typeof d["@_NotBefore"] === "string" ? Date.parse(d["@_NotBefore"]) : NaN;
      return notBefore > Date.now() + SAML_CLOCK_SKEW_MS;
    });
    return early ? "not-yet-valid" : "expired";
  }
  return "malformed";
}

function stringValues(v: unknown): string[] {
  return list(v)
    .map(text)
    .filter((s): s is string => s !== null && s.trim() !== "");
}

/** The first value of an attribute from node-saml's profile (a string, a list, or absent). */
const firstValue = (v: unknown): string | null => stringValues(v)[0]?.trim() ?? null;

/**
 * Checks a Response posted to the ACS and returns what it asserts; throws SamlRefusedError when it
 * is unsigned, badly signed, for another audience or recipient, outside its validity (± the clock
 * skew), from another issuer, not an answer to a request this portal made, or seen before.
 */
export async function consumeSamlResponse(
  settings: SamlProviderSettings,
  form: { SAMLResponse: string; RelayState?: string },
): Promise<SsoAssertion> {
  if (form.SAMLResponse.length > MAX_RESPONSE_CHARS) throw new SamlRefusedError("malformed", "too large");
  let parsed: Node;
  try {
    const parsedValue: unknown = parseXml(Buffer.from(form.SAMLResponse, "base64").toString("utf8"));
    if (!isNode(parsedValue) || !isNode(parsedValue.Response)) throw new Error("not a samlp:Response");
    parsed = parsedValue;
  } catch (err) {
    throw new SamlRefusedError("malformed", err instanceof Error ? err.message : "unreadable");
  }

  let profile: Profile | null;
  try {
    ({ profile } = await (
      await serviceProvider(settings)
    ).validatePostResponseAsync({ SAMLResponse: form.SAMLResponse }));
  } catch (err) {
    throw new SamlRefusedError(await reasonFor(err, parsed), err instanceof Error ? err.message : String(err));
  }
  if (!profile) throw new SamlRefusedError("malformed", "no assertion");

  // From here on only the signed assertion is read (node-saml hands it over already parsed).
  const assertion = (profile.getAssertion?.() as { Assertion?: Node } | undefined)?.Assertion;
  if (!assertion) throw new SamlRefusedError("malformed", "no signed assertion");
  const responseIssuer = text(list((parsed.Response as Node).Issuer)[0]);
  if (profile.issuer !== settings.idpEntityId || (responseIssuer !== null && responseIssuer !== settings.idpEntityId))
    throw new SamlRefusedError("issuer", `issuer ${profile.issuer} is not ${settings.idpEntityId}`);
  const destination = (parsed.Response as Node)["@_Destination"];
  const recipients = elements(assertion, "SubjectConfirmationData").map((d) =>
    isNode(d.$) ? d.$.Recipient : undefined,
  );
  if (
    (typeof destination === "string" && destination !== settings.acsUrl) ||
    recipients.length === 0 ||
    recipients.some((r) => r !== settings.acsUrl)
  )
    // saml-profiles-2.0-os §4.1.4.2: a bearer SubjectConfirmationData must name the ACS as Recipient.
    throw new SamlRefusedError("audience", "recipient or destination is not this portal's ACS");
  if (!profile.nameID) throw new SamlRefusedError("malformed", "no NameID");

  const attributes = (isNode(assertion.$) ? assertion.$ : {}) as Node;
  const assertionId = typeof attributes.ID === "string" ? attributes.ID : null;
  if (!assertionId) throw new SamlRefusedError("malformed", "assertion without ID");
  const conditions = elements(assertion, "Conditions")[0];
  const notOnOrAfter = isNode(conditions?.$) ? conditions.$.NotOnOrAfter : undefined;
  const keepUntil =
    (typeof notOnOrAfter === "string" && !Number.isNaN(Date.parse(notOnOrAfter))
      ? Date.parse(notOnOrAfter)
      : Date.now() + SAML_MAX_ASSERTION_AGE_MS) + SAML_CLOCK_SKEW_MS;
  const inResponseTo = typeof profile.inResponseTo === "string" ? profile.inResponseTo : "";

  const now = iso(Date.now());
  const database = db();
  database.transaction((tx) => {
    tx.delete(samlSeenAssertion).where(lte(samlSeenAssertion.expiresAt, now)).run();
    const seen = tx
      .insert(samlSeenAssertion)
      .values({ idpEntityId: settings.idpEntityId, assertionId, expiresAt: iso(keepUntil) })
      .onConflictDoNothing()
      .run();
    if (seen.changes === 0) throw new SamlRefusedError("replay", `assertion ${assertionId} was used before`);
    const claimed = tx
      .update(samlRequest)
      .set({ usedAt: now })
      .where(
        and(
          eq(samlRequest.id, inResponseTo),
          eq(samlRequest.idpEntityId, settings.idpEntityId),
          isNull(samlRequest.usedAt),
        ),
      )
      .run();
    if (claimed.changes === 0) throw new SamlRefusedError("replay", `request ${inResponseTo} was answered before`);
  });

  const classRefs = elements(assertion, "AuthnContextClassRef").flatMap((v) => stringValues(v));
  const profileAttributes = isNode(profile.attributes) ? profile.attributes : {};
  return {
    subject: profile.nameID,
    email: firstValue(profileAttributes[settings.emailAttribute]),
    displayName: firstValue(profileAttributes[settings.nameAttribute]),
    groups: [...new Set(stringValues(profileAttributes[settings.groupsAttribute]).map((g) => g.trim()))],
    authnContext: classRefs,
    sessionIndex: typeof profile.sessionIndex === "string" ? profile.sessionIndex : null,
  };
}
