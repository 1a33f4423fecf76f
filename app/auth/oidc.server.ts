import { createCookie } from "@remix-run/node";
import * as client from "openid-client";
import type { RequestHead } from "~/utils/request-head";
import { env } from "~/env.server";
import { acrSatisfies } from "./assurance";
import { log } from "~/utils/logger.server";
import { safeRedirectPath } from "~/utils/safe-redirect";

/**
 * The portal as an OpenID Connect relying party (authorization code + PKCE), for any
 * provider configured by environment (docs/decisions/006). Swedish e-ID brokers give the
 * personnummer in `https://id.oidc.se/claim/personalIdentityNumber` (configurable).
 */
let configuration: Promise<client.Configuration> | undefined;

function isLocalHttp(issuer: string): boolean {
  const url = new URL(issuer);
  return url.protocol === "http:" && ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
}

export function oidcConfigured(): boolean {
  return env().oidc !== null;
}

/** The provider's discovered configuration (cached; also used by signing, oidc-sign.server.ts). */
export async function config(): Promise<client.Configuration> {
  const settings = env().oidc;
  if (!settings) throw new Error("No OpenID Connect provider configured (OIDC_ISSUER or TEST_IDP=on)");
  configuration ??= client
    .discovery(
      new URL(settings.issuer),
      settings.clientId,
      settings.clientSecret,
      undefined,
      // Plain http only for a provider on this machine (the local test provider).
      isLocalHttp(settings.issuer) ? { execute: [client.allowInsecureRequests], timeout: 10 } : { timeout: 10 },
    )
    .catch((error: unknown) => {
      configuration = undefined;
      throw error;
    });
  return configuration;
}

interface FlowState {
  state: string;
  nonce: string;
  verifier: string;
  redirectTo: string;
}

const flowCookies = new Map<string, ReturnType<typeof createCookie>>();

/**
 * The signed, ten-minute cookie that binds an OpenID Connect flow (state, nonce, PKCE verifier) to
 * this browser; `__Host-` in production. Residents' logins use "oidc", staff sign-on "staff-sso".
 */
export function oidcFlowCookieNamed(name: string) {
  let cookie = flowCookies.get(name);
  if (!cookie) {
    // Lax: the provider's redirect back is a top-level GET navigation, which carries it.
    cookie = createCookie(env().PORTAL_ENV === "production" ? `__Host-${name}` : name, {
      path: "/",
      httpOnly: true,
      sameSite: "lax",
      secure: env().PORTAL_ENV === "production",
      maxAge: 600,
      secrets: [env().SESSION_SECRET],
    });
    flowCookies.set(name, cookie);
  }
  return cookie;
}

const oidcFlowCookie = () => oidcFlowCookieNamed("oidc");

/** The provider's authorization URL and the cookie binding the flow to this browser. */
export async function beginLogin(
  redirectTo: string,
  language: "sv" | "en" = "sv",
): Promise<{ url: string; setCookie: string }> {
  const settings = env().oidc!;
  const cfg = await config();
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(cfg, {
    redirect_uri: settings.redirectUrl,
    scope: env().OIDC_SCOPE,
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
    state,
    nonce,
    // An e-ID login always authenticates anew (also after logging out of the portal only).
    prompt: "login",
    // The provider's pages in the portal's language (OIDC Core 3.1.2.1; the test provider honours it).
    ui_locales: language,
    // The level of assurance Mina sidor needs; the answer's `acr` is checked at the callback.
    acr_values: env().OIDC_ACR_VALUES,
  });
  const flow: FlowState = { state, nonce, verifier, redirectTo: safeRedirectPath(redirectTo, "/mina-sidor") };
  return { url: url.href, setCookie: await oidcFlowCookie().serialize(flow) };
}

export type LoginResult =
  | {
      ok: true;
      personnummer: string;
      givenName: string;
      familyName: string;
      acr: string;
      redirectTo: string;
      clearCookie: string;
    }
  | { ok: false; reason: "cancelled" | "failed"; redirectTo: string; clearCookie: string }
  /** The provider authenticated the person, but at a lower level of assurance than required. */
  | { ok: false; reason: "assurance"; acr: string | null; required: string; redirectTo: string; clearCookie: string };

/** Completes the code flow: checks state, nonce and PKCE, reads the identity claims. */
export async function completeLogin(request: RequestHead): Promise<LoginResult> {
  const settings = env().oidc!;
  const flow = (await oidcFlowCookie().parse(request.headers.get("Cookie"))) as FlowState | null;
  const clearCookie = await oidcFlowCookie().serialize("", { maxAge: 0, expires: new Date(0) });
  const redirectTo = flow?.redirectTo ?? "/mina-sidor";
  const incoming = new URL(request.url);
  if (incoming.searchParams.get("error") === "access_denied")
    return { ok: false, reason: "cancelled", redirectTo, clearCookie };
  if (!flow) return { ok: false, reason: "failed", redirectTo, clearCookie };
  // Rebuild the callback URL from configuration (behind a proxy request.url may differ).
  const callback = new URL(settings.redirectUrl);
  callback.search = incoming.search;
  try {
    const cfg = await config();
    const tokens = await client.authorizationCodeGrant(cfg, callback, {
      pkceCodeVerifier: flow.verifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    });
    let claims: Record<string, unknown> = { ...(tokens.claims() ?? {}) };
    // Only the ID token's own acr counts (signed, checked against nonce), never userinfo's.
    const acr = claims.acr;
    const required = env().OIDC_ACR_VALUES;
    if (!acrSatisfies(acr, required)) {
      log("warn", "oidc login below the required level of assurance", {
        acr: typeof acr === "string" ? acr.slice(0, 200) : null,
        required,
      });
      return {
        ok: false,
        reason: "assurance",
        acr: typeof acr === "string" ? acr.slice(0, 200) : null,
        required,
        redirectTo,
        clearCookie,
      };
    }
    const claimName = env().OIDC_PERSONAL_NUMBER_CLAIM;
    if (typeof claims[claimName] !== "string" && typeof claims.sub === "string") {
      claims = { ...claims, ...(await client.fetchUserInfo(cfg, tokens.access_token, claims.sub)) };
    }
    const personnummer = claims[claimName];
    if (typeof personnummer !== "string") {
      log("warn", "oidc login without personal identity number claim", { claim: claimName });
      return { ok: false, reason: "failed", redirectTo, clearCookie };
    }
    const str = (v: unknown) => (typeof v === "string" ? v : "");
    let givenName = str(claims.given_name);
    let familyName = str(claims.family_name);
    if (!givenName && !familyName && str(claims.name))
      [givenName = "", familyName = ""] = str(claims.name).split(/ (.*)/s);
    // The ID token itself is not kept: it carries the personnummer (review §7, §16).
    return { ok: true, personnummer, givenName, familyName, acr: acr as string, redirectTo, clearCookie };
  } catch (error) {
    log("warn", "oidc login failed", { error: error instanceof Error ? error.message : String(error) });
    return { ok: false, reason: "failed", redirectTo, clearCookie };
  }
}

/**
 * Where to send the browser to end the session at the provider too (null if unsupported).
 * No id_token_hint: the ID token carries the personnummer and would land in browser history
 * and access logs (review §16). `client_id` identifies the portal (OIDC RP-Initiated Logout
 * 1.0 §2) and lets the provider check post_logout_redirect_uri; the provider's own cookie
 * identifies its session.
 */
export async function providerLogoutUrl(
  postLogoutRedirect: string,
  language: "sv" | "en" = "sv",
): Promise<string | null> {
  if (!oidcConfigured()) return null;
  try {
    const cfg = await config();
    if (!cfg.serverMetadata().end_session_endpoint) return null;
    return client.buildEndSessionUrl(cfg, {
      client_id: env().oidc!.clientId,
      post_logout_redirect_uri: postLogoutRedirect,
      ui_locales: language,
    }).href;
  } catch {
    return null;
  }
}
