import * as client from "openid-client";
import type { RequestHead } from "~/utils/request-head";
import { env } from "~/env.server";
import { oidcFlowCookieNamed } from "../oidc.server";
import { audit } from "~/platform/audit.server";
import { log } from "~/utils/logger.server";
import { safeRedirectPath } from "~/utils/safe-redirect";
import type { SsoAssertion } from "./assertion";
import { getSsoProvider, ssoClientSecret, type SsoProvider } from "./providers.server";

/**
 * The portal as an OpenID Connect relying party of the municipalities' staff identity providers
 * (issue 21, decision 064): authorization code + PKCE + state + nonce with openid-client, one
 * discovered configuration per provider. The ID token's `acr` and `amr` (OpenID Connect Core
 * 1.0 §2, RFC 8176) become the assertion's authnContext; groups come from the configured claim.
 */
export const STAFF_SSO_CALLBACK_PATH = "/personal/logga-in/sso/callback";

const configurations = new Map<string, Promise<client.Configuration>>();

function isLocalHttp(issuer: string): boolean {
  const url = new URL(issuer);
  return url.protocol === "http:" && ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
}

function config(provider: SsoProvider): Promise<client.Configuration> {
  // Keyed by everything that changes the client: an edited provider is discovered anew.
  const key = `${provider.id}|${provider.oidcIssuer}|${provider.oidcClientId}|${provider.updatedAt ?? ""}`;
  let pending = configurations.get(key);
  if (!pending) {
    pending = client
      .discovery(
        new URL(provider.oidcIssuer!),
        provider.oidcClientId!,
        ssoClientSecret(provider.id),
        undefined,
        // Plain http only for a provider on this machine (the local test provider).
        isLocalHttp(provider.oidcIssuer!) ? { execute: [client.allowInsecureRequests], timeout: 10 } : { timeout: 10 },
      )
      .catch((error: unknown) => {
        configurations.delete(key);
        throw error;
      });
    configurations.set(key, pending);
  }
  return pending;
}

interface FlowState {
  providerId: number;
  state: string;
  nonce: string;
  verifier: string;
  redirectTo: string;
}

const ssoFlowCookie = () => oidcFlowCookieNamed("staff-sso");

const callbackUrl = () => `${env().PUBLIC_URL}${STAFF_SSO_CALLBACK_PATH}`;

/** The provider's authorization URL and the cookie binding the flow to this browser; null for no usable provider. */
export async function beginStaffSsoLogin(
  providerId: number,
  redirectTo: string,
  language: "sv" | "en",
): Promise<{ url: string; setCookie: string } | null> {
  const provider = getSsoProvider(providerId);
  if (!provider?.enabled || provider.protocol !== "oidc") return null;
  let cfg: client.Configuration;
  try {
    cfg = await config(provider);
  } catch (error) {
    log("warn", "staff sso provider unreachable", {
      provider: provider.id,
      error: error instanceof Error ? error.message : String(error),
    });
    return null;
  }
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(cfg, {
    redirect_uri: callbackUrl(),
    scope: "openid profile email",
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
    state,
    nonce,
    ui_locales: language,
  });
  const flow: FlowState = { providerId, state, nonce, verifier, redirectTo: safeRedirectPath(redirectTo, "/personal") };
  return { url: url.href, setCookie: await ssoFlowCookie().serialize(flow) };
}

export type StaffOidcResult =
  | { ok: true; providerId: number; assertion: SsoAssertion; redirectTo: string; clearCookie: string }
  | { ok: false; reason: "cancelled" | "failed" | "provider"; providerId: number | null; clearCookie: string };

const str = (v: unknown): string | null => (typeof v === "string" && v ? v : null);
const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : typeof v === "string" ? [v] : [];

/** Completes the code flow (state, nonce, PKCE checked by openid-client) and reads the assertion. */
export async function completeStaffOidcLogin(request: RequestHead): Promise<StaffOidcResult> {
  const flow = (await ssoFlowCookie().parse(request.headers.get("Cookie"))) as FlowState | null;
  const clearCookie = await ssoFlowCookie().serialize("", { maxAge: 0, expires: new Date(0) });
  const incoming = new URL(request.url);
  const providerId = typeof flow?.providerId === "number" ? flow.providerId : null;
  if (incoming.searchParams.get("error") === "access_denied")
    return { ok: false, reason: "cancelled", providerId, clearCookie };
  if (incoming.searchParams.get("error") === "unavailable")
    return { ok: false, reason: "provider", providerId, clearCookie };
  const provider = providerId === null ? undefined : getSsoProvider(providerId);
  if (!flow || !provider?.enabled || provider.protocol !== "oidc")
    return { ok: false, reason: "failed", providerId, clearCookie };
  // Rebuild the callback URL from configuration (behind a proxy request.url may differ).
  const callback = new URL(callbackUrl());
  callback.search = incoming.search;
  try {
    const cfg = await config(provider);
    const tokens = await client.authorizationCodeGrant(cfg, callback, {
      pkceCodeVerifier: flow.verifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    });
    const idClaims: Record<string, unknown> = { ...(tokens.claims() ?? {}) };
    const subject = str(idClaims.sub)!;
    // How the person authenticated counts only from the signed ID token, never from userinfo.
    const authnContext = [...strings(idClaims.acr), ...strings(idClaims.amr)];
    let claims = idClaims;
    if (!(provider.groupsAttribute in idClaims))
      claims = { ...(await client.fetchUserInfo(cfg, tokens.access_token, subject)), ...idClaims };
    // The ID token itself is not kept (decision 042); logout names the session by client_id + sid.
    return {
      ok: true,
      providerId: provider.id,
      redirectTo: flow.redirectTo,
      clearCookie,
      assertion: {
        subject,
        email: str(claims.email),
        displayName:
          str(claims.name) ?? ([str(claims.given_name), str(claims.family_name)].filter(Boolean).join(" ") || null),
        groups: strings(claims[provider.groupsAttribute]).slice(0, 500),
        authnContext,
        sessionIndex: str(idClaims.sid),
      },
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log("warn", "staff sso login failed", { provider: provider.id, error: message });
    audit({
      actor: null,
      actorHint: { type: "staff" },
      action: "login.failed",
      subjectType: "staff_sso_provider",
      subjectId: provider.id,
      municipalityId: provider.municipalityIds[0],
      details: { method: "sso-oidc", reason: message.slice(0, 200) },
    });
    return { ok: false, reason: "failed", providerId, clearCookie };
  }
}

/**
 * Where to send the browser to end the session at the provider too (null if the provider has no
 * end_session_endpoint). RP-Initiated Logout 1.0 §2: client_id and logout_hint (the provider's
 * sid) instead of id_token_hint, since the ID token is never stored (decisions 042, 064).
 */
export async function staffProviderLogoutUrl(
  providerId: number,
  sessionIndex: string | null,
  language: "sv" | "en",
): Promise<string | null> {
  const provider = getSsoProvider(providerId);
  if (provider?.protocol !== "oidc") return null;
  try {
    const cfg = await config(provider);
    if (!cfg.serverMetadata().end_session_endpoint) return null;
    return client.buildEndSessionUrl(cfg, {
      client_id: provider.oidcClientId!,
      post_logout_redirect_uri: `${env().PUBLIC_URL}/personal/logga-in`,
      ui_locales: language,
      ...(sessionIndex ? { logout_hint: sessionIndex } : {}),
    }).href;
  } catch {
    return null;
  }
}
