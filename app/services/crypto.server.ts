import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";
import { env } from "~/env.server";

/**
 * Minimal AES-256-GCM for sensitive values at rest. Stand-in with the same names as the
 * identity branch's module (encrypt / decrypt / hmacIndex); at merge that version wins.
 * Token format: "v1.<iv>.<tag>.<ciphertext>" (base64url), so a changed key or a tampered
 * value fails loudly instead of decrypting to garbage.
 */
function key(): Buffer {
  return Buffer.from(env().DATA_ENCRYPTION_KEY, "base64");
}

export function encrypt(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(".");
}

export function decrypt(token: string): string {
  const [version, iv, tag, body] = token.split(".");
  if (version !== "v1" || !iv || !tag || body === undefined) throw new Error("Not an encrypted value");
  const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
}

/** A keyed, deterministic digest for looking up an encrypted value (or a secret token) by equality. */
export function hmacIndex(value: string): string {
  return createHmac("sha256", key()).update(value, "utf8").digest("base64url");
}
