import { join } from "node:path";
import { promisify } from "node:util";
import { inflateRaw } from "node:zlib";
import { createCookie } from "@remix-run/node";
import { and, eq } from "drizzle-orm";
import type { RequestHead } from "~/utils/request-head";
import { staffSsoLink } from "../../../db/schema/index";
import type { SsoAssertion } from "./assertion";
import { getSsoProvider, type SsoProvider } from "./providers.server";
import {
  consumeSamlResponse,
  samlLoginUrl,
  samlLogoutUrl,
  SamlRefusedError,
  serviceProviderMetadata,
  type SamlProviderSettings,
  type SamlRefusal,
} from "./saml.server";
import { storedKeyAndCertificateAsync, type KeyAndCertificate } from "./self-signed-certificate.server";
import { db } from "~/db.server";
import { env } from "~/env.server";
import { audit } from "~/platform/audit.server";
import { log } from "~/utils/logger.server";
import { safeRedirectPath } from "~/utils/safe-redirect";
import { xmlReader } from "~/platform/xml.server";

/**
 * Staff sign-on through a SAML provider (issue 21, decision 073): maps a provider row to A's
 * `SamlProviderSettings`, starts the login (HTTP-Redirect), checks the Response posted to the
 * provider's assertion consumer service (ACS) and logs out by SLO. The flow after the assertion
 * is the one service of decision 064 (`completeStaffSsoLogin`).
 *
 * Per provider: SP entity id = its metadata URL, ACS = `/personal/logga-in/sso/saml/{id}/acs`,
 * both under PUBLIC_URL (what the municipality's IT registers at their IdP).
 */
export const STAFF_SAML_PATH = "/personal/logga-in/sso/saml";
export const samlAcsUrl = (providerId: number) => `${env().PUBLIC_URL}${STAFF_SAML_PATH}/${providerId}/acs`;
export const samlSpEntityId = (providerId: number) => `${env().PUBLIC_URL}${STAFF_SAML_PATH}/${providerId}/metadata`;

/** Attribute names for e-mail and display name (inetOrgPerson `mail`, eduPerson `displayName` OIDs). */
const EMAIL_ATTRIBUTE = "urn:oid:0.9.2342.19200300.100.1.3";
const NAME_ATTRIBUTE = "urn:oid:2.16.840.1.113730.3.1.241";

let spKey: Promise<KeyAndCertificate | null> | undefined;
/**
 * The portal's own SAML signing key (signed AuthnRequests, LogoutRequests): the file named by
 * STAFF_SAML_SP_KEY_FILE, or outside production one made in DATA_DIR; none in production without
 * the variable (then no SLO, decision 065).
 */
export function serviceProviderKey(): Promise<KeyAndCertificate | null> {
  if (spKey !== undefined) return spKey;
  const e = env();
  const file =
    e.STAFF_SAML_SP_KEY_FILE ?? (e.PORTAL_ENV === "production" ? null : join(e.DATA_DIR, ".staff-saml-sp.json"));
  // Made off the event loop on a new data directory's first SAML login (decision 135); a failure is not kept.
  spKey = file
    ? storedKeyAndCertificateAsync(file, "Dalsland e-service portal SAML SP").catch((error: unknown) => {
        spKey = undefined;
        throw error;
      })
    : Promise.resolve(null);
  return spKey;
}

/** The provider row as the SAML module's settings; null when it is not a complete SAML provider. */
export async function samlSettingsFor(provider: SsoProvider): Promise<SamlProviderSettings | null> {
  if (provider.protocol !== "saml" || !provider.samlIdpEntityId || !provider.samlSsoUrl || !provider.samlIdpCertificate)
    return null;
  const key = await serviceProviderKey();
  return {
    idpEntityId: provider.samlIdpEntityId,
    idpSsoUrl: provider.samlSsoUrl,
    idpSloUrl: provider.samlSloUrl,
    idpCertificatePem: provider.samlIdpCertificate,
    spEntityId: samlSpEntityId(provider.id),
    acsUrl: samlAcsUrl(provider.id),
    groupsAttribute: provider.groupsAttribute,
    emailAttribute: EMAIL_ATTRIBUTE,
    nameAttribute: NAME_ATTRIBUTE,
    // Ask for the class refs that count as MFA; the flow checks what comes back (decision 064).
    requestedAuthnContext: provider.mfaValues,
    spPrivateKeyPem: key?.privateKeyPem ?? null,
    spCertificatePem: key?.certificatePem ?? null,
  };
}

async function usableSettings(providerId: number): Promise<SamlProviderSettings | null> {
  const provider = getSsoProvider(providerId);
  return provider?.enabled ? await samlSettingsFor(provider) : null;
}

interface SamlFlow {
  providerId: number;
  requestId: string;
  redirectTo: string;
}

let flowCookie: ReturnType<typeof createCookie> | undefined;
/**
 * Binds the AuthnRequest to the browser that started it, so that someone else's valid Response
 * cannot be posted into this browser (login CSRF). In production the IdP's POST is cross-site, so
 * the cookie is SameSite=None (and Secure, __Host-); elsewhere the local IdP is same-site and Lax.
 */
function samlFlowCookie() {
  const production = env().PORTAL_ENV === "production";
  flowCookie ??= createCookie(production ? "__Host-staff-saml" : "staff-saml", {
    path: "/",
    httpOnly: true,
    sameSite: production ? "none" : "lax",
    secure: production,
    maxAge: 600,
    secrets: [env().SESSION_SECRET],
  });
  return flowCookie;
}

const parseXml = xmlReader({ removeNSPrefix: true, ignoreAttributes: false, attributeNamePrefix: "@_" });

/** The ID of the AuthnRequest in an HTTP-Redirect URL (deflated, base64; saml-bindings-2.0-os §3.4.4.1). */
async function requestIdOf(url: string): Promise<string> {
  const encoded = new URL(url).searchParams.get("SAMLRequest") ?? "";
  const xml = (await promisify(inflateRaw)(Buffer.from(encoded, "base64"))).toString("utf8");
  const id = (parseXml(xml) as { AuthnRequest?: { "@_ID"?: unknown } }).AuthnRequest?.["@_ID"];
  if (typeof id !== "string") throw new Error("AuthnRequest without ID");
  return id;
}

/** The Response's InResponseTo, read before the checks only to compare with the browser's cookie. */
function inResponseToOf(samlResponse: string): string | null {
  try {
    const doc = parseXml(Buffer.from(samlResponse, "base64").toString("utf8")) as {
      Response?: { "@_InResponseTo"?: unknown };
    };
    const id = doc.Response?.["@_InResponseTo"];
    return typeof id === "string" ? id : null;
  } catch {
    return null;
  }
}

/** Where to send the browser (an AuthnRequest by HTTP-Redirect) and the cookie binding it; null for no usable provider. */
export async function beginStaffSamlLogin(
  providerId: number,
  redirectTo: string,
): Promise<{ url: string; setCookie: string } | null> {
  const settings = await usableSettings(providerId);
  if (!settings) return null;
  const target = safeRedirectPath(redirectTo, "/personal");
  // RelayState carries no state of ours (the cookie does); the IdP echoes it (≤ 80 bytes, bindings §3.4.3).
  const url = await samlLoginUrl(settings, "staff");
  const flow: SamlFlow = { providerId, requestId: await requestIdOf(url), redirectTo: target };
  return { url, setCookie: await samlFlowCookie().serialize(flow) };
}

export type StaffSamlResult =
  | { ok: true; assertion: SsoAssertion; redirectTo: string; clearCookie: string }
  | { ok: false; reason: SamlRefusal | "provider" | "browser"; clearCookie: string };

/**
 * Checks a Response posted to provider `providerId`'s ACS. Refusals are audited here
 * (`login.failed`, method sso-saml, the reason); node-saml's detail goes to the log only.
 */
export async function completeStaffSamlLogin(
  request: RequestHead,
  providerId: number,
  form: FormData,
): Promise<StaffSamlResult> {
  const clearCookie = await samlFlowCookie().serialize("", { maxAge: 0, expires: new Date(0) });
  const provider = getSsoProvider(providerId);
  const settings = provider?.enabled ? await samlSettingsFor(provider) : null;
  const samlResponse = form.get("SAMLResponse");
  const fail = (reason: SamlRefusal | "provider" | "browser", detail: string): StaffSamlResult => {
    log("warn", "staff saml login refused", { provider: providerId, reason, detail: detail.slice(0, 300) });
    audit({
      actor: null,
      actorHint: { type: "staff" },
      action: "login.failed",
      subjectType: "staff_sso_provider",
      subjectId: providerId,
      municipalityId: provider?.municipalityIds[0],
      details: { method: "sso-saml", reason },
    });
    return { ok: false, reason, clearCookie };
  };
  if (!settings) return fail("provider", "no enabled SAML provider");
  if (typeof samlResponse !== "string" || samlResponse === "") return fail("malformed", "no SAMLResponse");
  const flow = (await samlFlowCookie().parse(request.headers.get("Cookie"))) as SamlFlow | null;
  if (flow?.providerId !== providerId || flow.requestId !== inResponseToOf(samlResponse))
    return fail("browser", "the response answers no request made by this browser");
  try {
    const assertion = await consumeSamlResponse(settings, { SAMLResponse: samlResponse });
    return { ok: true, assertion, redirectTo: safeRedirectPath(flow.redirectTo, "/personal"), clearCookie };
  } catch (error) {
    if (error instanceof SamlRefusedError) return fail(error.reason, error.message);
    throw error;
  }
}

/** The portal's SP metadata for provider `providerId` (for the IdP's administrators); null if not SAML. */
export async function staffSamlMetadata(providerId: number): Promise<string | null> {
  const provider = getSsoProvider(providerId);
  const settings = provider ? await samlSettingsFor(provider) : null;
  return settings ? await serviceProviderMetadata(settings) : null;
}

/**
 * The IdP's single-logout URL for a staff session signed in by SAML (a signed LogoutRequest for
 * the person's NameID and SessionIndex), or null when the provider has no SLO URL or the portal
 * no signing key.
 */
export async function staffSamlLogoutUrl(
  providerId: number,
  staffUserId: number,
  sessionIndex: string | null,
): Promise<string | null> {
  const settings = await usableSettings(providerId);
  if (!settings) return null;
  const link = db()
    .select({ subject: staffSsoLink.subject })
    .from(staffSsoLink)
    .where(and(eq(staffSsoLink.providerId, providerId), eq(staffSsoLink.staffUserId, staffUserId)))
    .get();
  if (!link) return null;
  try {
    return await samlLogoutUrl(settings, { subject: link.subject, sessionIndex }, "logout");
  } catch (error) {
    log("warn", "staff saml logout url failed", { provider: providerId, error: String(error) });
    return null;
  }
}
