import { createHash, createHmac } from "node:crypto";
import { redirect } from "@remix-run/node";
import * as client from "openid-client";
import type { RequestHead } from "~/utils/request-head";
import { env } from "~/env.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { log } from "~/utils/logger.server";
import { config, oidcFlowCookieNamed } from "./oidc.server";
import { SIGN_REQUEST_PARAM, SIGN_SCOPE, USER_SIGNATURE_CLAIM, type SignRequest } from "./oidc-sign";

/**
 * The portal as the relying party of the Swedish OIDC profile's signature extension
 * (docs/decisions/081): an authentication request with the `sign` scope and a signed Request
 * Object carrying `signRequest` (the text to be signed and the message shown), prompt
 * "login consent", the signer named in `claims`; the answer's ID token carries `userSignature`.
 */
export interface SigningFlow {
  state: string;
  nonce: string;
  verifier: string;
  /**
   * What is signed: a school application (the default, flows from before 085), an owner's
   * consent, an engine form's draft (`form`, decision 098; bygglov's too since decision 110).
   */
  kind?: SigningKind;
  /**
   * The case's reference (an owner's consent request's public id; the form's id for an engine
   * form's draft).
   */
  reference: string;
  party: string;
  /** SHA-256 (hex) of the text sent for signing: the callback rebuilds it and it must still match. */
  textHash: string;
  language: "sv" | "en";
}

export type SigningKind = "school" | "owner-consent" | "form";

export const signingCookie = () => oidcFlowCookieNamed("oidc-sign");

export const signingRedirectUrl = () => `${env().PUBLIC_URL}/signera/callback`;

export const sha256Hex = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

const b64u = (v: string) => Buffer.from(v, "utf8").toString("base64url");

/** A compact JWS (HS256 with the client secret, the client's registered key for a confidential client). */
function signRequestObject(claims: Record<string, unknown>, secret: string): string {
  const input = `${b64u(JSON.stringify({ alg: "HS256", typ: "oauth-authz-req+jwt" }))}.${b64u(JSON.stringify(claims))}`;
  return `${input}.${createHmac("sha256", secret).update(input).digest("base64url")}`;
}

/** The provider's authorization URL for this signature and the cookie binding the flow to this browser. */
export async function beginSigning(input: {
  kind?: SigningKind;
  reference: string;
  party: string;
  text: string;
  personnummer: string;
  language: "sv" | "en";
}): Promise<{ url: string; setCookie: string }> {
  const settings = env().oidc!;
  const cfg = await config();
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const encoded = Buffer.from(input.text, "utf8").toString("base64");
  const signRequest: SignRequest = {
    tbs_data: encoded,
    sign_message: { message: { [input.language]: encoded }, mime_type: "text/plain" },
  };
  const scope = `openid ${SIGN_SCOPE} https://id.oidc.se/scope/naturalPersonNumber`;
  const now = Math.floor(Date.now() / 1000);
  const requestObject = signRequestObject(
    {
      iss: settings.clientId,
      aud: cfg.serverMetadata().issuer,
      iat: now,
      exp: now + 300,
      jti: client.randomState(),
      client_id: settings.clientId,
      response_type: "code",
      redirect_uri: signingRedirectUrl(),
      scope,
      state,
      nonce,
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: "S256",
      // A signature is never made on an earlier authentication, and the person must see the message (§4.1).
      prompt: "login consent",
      ui_locales: input.language,
      acr_values: env().OIDC_ACR_VALUES,
      // Only the person the portal asks may sign (§4.1.1).
      claims: {
        id_token: { [env().OIDC_PERSONAL_NUMBER_CLAIM]: { essential: true, value: input.personnummer } },
      },
      [SIGN_REQUEST_PARAM]: signRequest,
    },
    settings.clientSecret,
  );
  const url = new URL(cfg.serverMetadata().authorization_endpoint!);
  url.searchParams.set("client_id", settings.clientId);
  url.searchParams.set("response_type", "code");
  url.searchParams.set("scope", scope);
  url.searchParams.set("request", requestObject);
  const flow: SigningFlow = {
    kind: input.kind ?? "school",
    state,
    nonce,
    verifier,
    reference: input.reference,
    party: input.party,
    textHash: sha256Hex(input.text),
    language: input.language,
  };
  return { url: url.href, setCookie: await signingCookie().serialize(flow) };
}

type BeginInput = Parameters<typeof beginSigning>[0];

/**
 * The GET that starts a signature (bygglov, engine forms): on to the provider with the flow's
 * cookie, or back to `failure.to` with a message when the provider cannot be reached. A GET
 * because the provider is another origin, which a POST's form-action CSP would block (085).
 */
export async function redirectToSigning(input: BeginInput & { failure: { to: string; flash: string } }) {
  const { failure, ...begin } = input;
  try {
    const { url, setCookie } = await beginSigning(begin);
    return redirect(url, { headers: { "Set-Cookie": setCookie, "Cache-Control": "no-store" } });
  } catch (error) {
    log("error", "identity provider unreachable for signing", {
      error: error instanceof Error ? error.message : String(error),
    });
    return redirectWithFlash(failure.to, failure.flash);
  }
}

/** An applicant's e-ID signature that has just arrived, to be stored with the case it makes. */
export interface ApplicantSignature {
  /** SHA-256 (hex) of the text the flow sent. */
  textHash: string;
  language: "sv" | "en";
  userSignature: string;
  issuer: string;
  signedAt: string;
  /** The logged-in person's personnummer HMAC: the signer must be this person. */
  personnummerHmac: string;
}

/** The applicant's signature from a completed flow, for the submission that stores it. */
export function applicantSignatureOf(
  result: Extract<SigningResult, { ok: true }>,
  personnummerHmac: string,
): ApplicantSignature {
  return {
    textHash: result.flow.textHash,
    language: result.flow.language,
    userSignature: result.userSignature,
    issuer: result.issuer,
    signedAt: result.signedAt,
    personnummerHmac,
  };
}

export type SigningResult =
  | {
      ok: true;
      flow: SigningFlow;
      personnummer: string;
      name: string;
      userSignature: string;
      issuer: string;
      signedAt: string;
      clearCookie: string;
    }
  | { ok: false; reason: "cancelled" | "failed"; flow: SigningFlow | null; clearCookie: string };

/** Completes the code flow of a signature: state, nonce and PKCE checked, the ID token's claims read. */
export async function completeSigning(request: RequestHead): Promise<SigningResult> {
  const flow = (await signingCookie().parse(request.headers.get("Cookie"))) as SigningFlow | null;
  const clearCookie = await signingCookie().serialize("", { maxAge: 0, expires: new Date(0) });
  const incoming = new URL(request.url);
  if (!flow) return { ok: false, reason: "failed", flow: null, clearCookie };
  if (incoming.searchParams.get("error") === "access_denied")
    return { ok: false, reason: "cancelled", flow, clearCookie };
  const callback = new URL(signingRedirectUrl());
  callback.search = incoming.search;
  try {
    const cfg = await config();
    const tokens = await client.authorizationCodeGrant(cfg, callback, {
      pkceCodeVerifier: flow.verifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims() ?? ({} as Record<string, unknown>);
    const personnummer = claims[env().OIDC_PERSONAL_NUMBER_CLAIM];
    const userSignature = claims[USER_SIGNATURE_CLAIM];
    if (typeof personnummer !== "string" || typeof userSignature !== "string") {
      log("warn", "signature answer without signer or signature");
      return { ok: false, reason: "failed", flow, clearCookie };
    }
    const str = (v: unknown) => (typeof v === "string" ? v : "");
    const name = str(claims.name) || `${str(claims.given_name)} ${str(claims.family_name)}`.trim();
    const authTime = typeof claims.auth_time === "number" ? claims.auth_time : Math.floor(Date.now() / 1000);
    return {
      ok: true,
      flow,
      personnummer,
      name,
      userSignature,
      issuer: String(claims.iss),
      signedAt: new Date(authTime * 1000).toISOString(),
      clearCookie,
    };
  } catch (error) {
    log("warn", "oidc signature failed", { error: error instanceof Error ? error.message : String(error) });
    return { ok: false, reason: "failed", flow, clearCookie };
  }
}
