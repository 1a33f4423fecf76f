/**
 * The browser half of security-key sign-in (docs/decisions/049): the plain WebAuthn API, with the
 * base64url ⇄ ArrayBuffer conversions between the server's JSON options and navigator.credentials.
 * Only used after hydration, and only when `PublicKeyCredential` exists (progressive enhancement).
 */

function fromBase64url(value: string): ArrayBuffer {
  const base64 = value
    .replace(/-/g, "+")
    .replace(/_/g, "/")
    .padEnd(Math.ceil(value.length / 4) * 4, "=");
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes.buffer;
}

function toBase64url(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  const padded = btoa(binary).replace(/\+/g, "-").replace(/\//g, "_");
  let end = padded.length;
  while (end > 0 && padded[end - 1] === "=") end -= 1; // a loop, not /=+$/: that backtracks on a run of "="
  return padded.slice(0, end);
}

export function webauthnAvailable(): boolean {
  return (
    typeof window !== "undefined" && typeof window.PublicKeyCredential === "function" && Boolean(navigator.credentials)
  );
}

type Descriptor = { id: string; type: "public-key"; transports?: AuthenticatorTransport[] };

const descriptors = (list: Descriptor[] | undefined) => list?.map((d) => ({ ...d, id: fromBase64url(d.id) }));

/** Posts the form's fields to `url` and returns the JSON options the server made. */
export async function fetchOptions<T>(url: string, form: HTMLFormElement): Promise<T> {
  const body = new URLSearchParams();
  for (const [k, v] of new FormData(form)) if (typeof v === "string") body.append(k, v);
  const response = await fetch(url, {
    method: "POST",
    body,
    credentials: "same-origin",
    headers: { Accept: "application/json" },
  });
  if (!response.ok) throw new Error(`options ${response.status}`);
  return (await response.json()) as T;
}

// The JSON shapes follow the WebAuthn Level 3 "…JSON" types that @simplewebauthn/server produces.
export interface CreationOptionsJSON {
  challenge: string;
  rp: PublicKeyCredentialRpEntity;
  user: { id: string; name: string; displayName: string };
  pubKeyCredParams: PublicKeyCredentialParameters[];
  timeout?: number;
  excludeCredentials?: Descriptor[];
  authenticatorSelection?: AuthenticatorSelectionCriteria;
  attestation?: AttestationConveyancePreference;
}

export interface RequestOptionsJSON {
  challenge: string;
  rpId?: string;
  timeout?: number;
  allowCredentials?: Descriptor[];
  userVerification?: UserVerificationRequirement;
}

export async function createCredential(options: CreationOptionsJSON): Promise<string> {
  const credential = (await navigator.credentials.create({
    publicKey: {
      ...options,
      challenge: fromBase64url(options.challenge),
      user: { ...options.user, id: fromBase64url(options.user.id) },
      excludeCredentials: descriptors(options.excludeCredentials),
    },
  })) as PublicKeyCredential | null;
  if (!credential) throw new Error("no credential");
  const response = credential.response as AuthenticatorAttestationResponse;
  return JSON.stringify({
    id: credential.id,
    rawId: toBase64url(credential.rawId),
    type: credential.type,
    clientExtensionResults: credential.getClientExtensionResults(),
    authenticatorAttachment: credential.authenticatorAttachment ?? undefined,
    response: {
      clientDataJSON: toBase64url(response.clientDataJSON),
      attestationObject: toBase64url(response.attestationObject),
      transports: typeof response.getTransports === "function" ? response.getTransports() : undefined,
    },
  });
}

export async function getAssertion(options: RequestOptionsJSON): Promise<string> {
  const credential = (await navigator.credentials.get({
    publicKey: {
      ...options,
      challenge: fromBase64url(options.challenge),
      allowCredentials: descriptors(options.allowCredentials),
    },
  })) as PublicKeyCredential | null;
  if (!credential) throw new Error("no credential");
  const response = credential.response as AuthenticatorAssertionResponse;
  return JSON.stringify({
    id: credential.id,
    rawId: toBase64url(credential.rawId),
    type: credential.type,
    clientExtensionResults: credential.getClientExtensionResults(),
    authenticatorAttachment: credential.authenticatorAttachment ?? undefined,
    response: {
      clientDataJSON: toBase64url(response.clientDataJSON),
      authenticatorData: toBase64url(response.authenticatorData),
      signature: toBase64url(response.signature),
      userHandle: response.userHandle ? toBase64url(response.userHandle) : undefined,
    },
  });
}
