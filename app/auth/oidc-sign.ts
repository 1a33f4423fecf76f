/**
 * Identifiers of the Swedish OIDC profile's "Signature Extension for OpenID Connect"
 * (oidc-sweden, §3): the scope that makes an authentication request a signature request, the
 * request parameter that carries the data to be signed and the message shown, and the claim in
 * the ID token that carries the signature (docs/decisions/081).
 */
export const SIGN_SCOPE = "https://id.oidc.se/scope/sign";
export const SIGN_REQUEST_PARAM = "https://id.oidc.se/param/signRequest";
export const USER_SIGNATURE_CLAIM = "https://id.oidc.se/claim/userSignature";

/** The value of the signRequest parameter (§3.1); `message` values are Base64 per language. */
export interface SignRequest {
  tbs_data: string;
  sign_message: { message: Partial<Record<"sv" | "en", string>>; mime_type: "text/plain" };
}

export function isSignRequest(value: unknown): value is SignRequest {
  if (!value || typeof value !== "object") return false;
  const v = value as Record<string, unknown>;
  const msg = v.sign_message as Record<string, unknown> | undefined;
  return (
    typeof v.tbs_data === "string" &&
    v.tbs_data.length > 0 &&
    !!msg &&
    typeof msg === "object" &&
    msg.mime_type === "text/plain" &&
    !!msg.message &&
    typeof msg.message === "object"
  );
}
