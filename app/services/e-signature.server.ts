import { createHash, createPublicKey, createVerify, type JsonWebKey } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import { caseSignature, person } from "../../db/schema/index";
import { db } from "~/db.server";
import { decrypt, encrypt, hmacIndex } from "~/platform/crypto.server";
import { env } from "~/env.server";
import { trail } from "./trail.server";

/**
 * e-ID signatures over a case's summary (docs/decisions/081). The provider's `userSignature`
 * is a JWS whose header carries the signing key (as an XML signature carries its certificate)
 * and whose payload holds the SHA-256 of the exact text signed and the signer. It is verified
 * on receipt (the ID token that carried it is verified by openid-client against the provider's
 * keys) and can be verified again at any time against the text rebuilt from the stored answers:
 * one changed byte in the answers changes the text, and the verification fails.
 */
export type SignatureCheck =
  | { ok: true; personnummer: string; name: string; signedAt: string; keyThumbprint: string }
  | { ok: false; reason: "malformed" | "bad-signature" | "text-changed" | "wrong-signer" };

const claimName = () => env().OIDC_PERSONAL_NUMBER_CLAIM;

export function verifyUserSignature(input: {
  userSignature: string;
  text: string;
  personnummer?: string;
}): SignatureCheck {
  let header: { alg?: string; jwk?: JsonWebKey };
  let payload: Record<string, unknown>;
  let parts: string[];
  try {
    parts = Buffer.from(input.userSignature, "base64").toString("utf8").split(".");
    if (parts.length !== 3) return { ok: false, reason: "malformed" };
    header = JSON.parse(Buffer.from(parts[0]!, "base64url").toString("utf8")) as typeof header;
    payload = JSON.parse(Buffer.from(parts[1]!, "base64url").toString("utf8")) as Record<string, unknown>;
  } catch {
    return { ok: false, reason: "malformed" };
  }
  if (header.alg !== "RS256" || !header.jwk || header.jwk.kty !== "RSA") return { ok: false, reason: "malformed" };
  let valid = false;
  try {
    const key = createPublicKey({ key: header.jwk, format: "jwk" });
    valid = createVerify("RSA-SHA256")
      .update(`${parts[0]}.${parts[1]}`)
      .verify(key, Buffer.from(parts[2]!, "base64url"));
  } catch {
    valid = false;
  }
  if (!valid) return { ok: false, reason: "bad-signature" };
  const expected = createHash("sha256").update(input.text, "utf8").digest("base64url");
  if (payload.tbs_hash_alg !== "S256" || payload.tbs_hash !== expected) return { ok: false, reason: "text-changed" };
  const signer = payload[claimName()];
  if (typeof signer !== "string") return { ok: false, reason: "malformed" };
  if (input.personnummer !== undefined && signer !== input.personnummer) return { ok: false, reason: "wrong-signer" };
  const { n, e } = header.jwk;
  const keyThumbprint = createHash("sha256")
    .update(JSON.stringify({ e, kty: "RSA", n }))
    .digest("base64url");
  return {
    ok: true,
    personnummer: signer,
    name: typeof payload.name === "string" ? payload.name : "",
    signedAt: typeof payload.iat === "number" ? new Date(payload.iat * 1000).toISOString() : "",
    keyThumbprint,
  };
}

export const signedTextHash = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

/**
 * Verifies a signature that has just arrived and stores it with the case. The signer must be
 * the logged-in person and the text the one the flow sent; otherwise nothing is stored.
 */
export function recordCaseSignature(input: {
  caseId: number;
  reference: string;
  municipalityId: number;
  party: string;
  signer: { personId: number; personnummerHmac: string };
  text: string;
  language: "sv" | "en";
  userSignature: string;
  issuer: string;
  signedAt: string;
  actor: unknown;
}): SignatureCheck {
  const check = verifyUserSignature({ userSignature: input.userSignature, text: input.text });
  if (!check.ok) return check;
  if (hmacIndex(check.personnummer) !== input.signer.personnummerHmac) return { ok: false, reason: "wrong-signer" };
  const hash = signedTextHash(input.text);
  db()
    .insert(caseSignature)
    .values({
      caseId: input.caseId,
      party: input.party,
      signerHmac: input.signer.personnummerHmac,
      signerPersonId: input.signer.personId,
      signerName: encrypt(check.name),
      language: input.language,
      signedTextHash: hash,
      userSignature: encrypt(input.userSignature),
      issuer: input.issuer,
      signedAt: input.signedAt,
    })
    .run();
  trail({
    actor: input.actor,
    action: "case.signature.e-id",
    subjectType: "case",
    subjectId: input.reference,
    municipalityId: input.municipalityId,
    personId: input.signer.personId,
    details: { party: input.party, signedTextHash: hash, keyThumbprint: check.keyThumbprint },
  });
  return check;
}

export interface CaseSignatureView {
  party: string;
  signerName: string;
  signedAt: string;
  signedTextHash: string;
  /** Whether the stored signature still verifies against the text rebuilt from the stored answers. */
  valid: boolean;
  /** That rebuilt text: what the signer signed when `valid` (shown and downloadable on Mina sidor, decision 107). */
  text: string;
}

/** One stored signature checked again against `text` (the text rebuilt from the case). */
export function storedSignatureView(r: typeof caseSignature.$inferSelect, text: string): CaseSignatureView {
  const check = verifyUserSignature({ userSignature: decrypt(r.userSignature), text });
  return {
    party: r.party,
    signerName: decrypt(r.signerName),
    signedAt: r.signedAt,
    signedTextHash: r.signedTextHash,
    valid: check.ok && signedTextHash(text) === r.signedTextHash,
    text,
  };
}

/**
 * The case's e-ID signatures, each verified again against `textFor(language, party)` (the summary
 * rebuilt from the stored answers; a property owner signs a consent around it, decision 093). Callers have already checked that the viewer may see the case.
 */
export async function listCaseSignatures(
  caseId: number,
  textFor: (language: "sv" | "en", party: string) => Promise<string>,
): Promise<CaseSignatureView[]> {
  const rows = db()
    .select()
    .from(caseSignature)
    .where(eq(caseSignature.caseId, caseId))
    .orderBy(asc(caseSignature.id))
    .all();
  const out: CaseSignatureView[] = [];
  for (const r of rows) out.push(storedSignatureView(r, await textFor(r.language === "en" ? "en" : "sv", r.party)));
  return out;
}

/** The personnummer of a logged-in person, for naming the signer in the signature request. */
export function personnummerOf(personId: number): string | null {
  const row = db().select({ p: person.personnummerEncrypted }).from(person).where(eq(person.id, personId)).get();
  return row ? decrypt(row.p) : null;
}
