import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync } from "node:crypto";
import { env, keyBytes } from "~/env.server";
import { unwrappedKeyRing } from "./key-ring.server";
import { randomPooled } from "./random.server";

/**
 * Encryption at rest for sensitive fields (docs/decisions/008).
 *
 * Token format: `v1.<keyId>.<iv>.<ciphertext>.<tag>` (base64url parts). AES-256-GCM with a
 * random 96-bit IV per value; the key id (first 8 hex of the key's SHA-256) lets old values
 * be read after a new key is put first in DATA_ENCRYPTION_KEY.
 * The keys used for encryption and for the HMAC index are derived with HKDF from the
 * configured keys, so the same secret is never used for two purposes.
 */
interface Keys {
  encryptId: string;
  byId: Map<string, Buffer>;
  /** Per key id, the master from which each file's own key is derived (HKDF with the file's salt). */
  fileMasterById: Map<string, Buffer>;
  hmac: Buffer;
  pepper: Buffer;
}

let cached: { source: string | readonly Buffer[]; keys: Keys } | undefined;

function keys(): Keys {
  // KEY_PROVIDER=vault: the data keys unwrapped at start-up, held in memory only (decision 050).
  const vault = env().vault !== null;
  const source = vault ? unwrappedKeyRing() : env().DATA_ENCRYPTION_KEY;
  if (source === undefined)
    throw new Error("KEY_PROVIDER=vault: the key ring has not been unwrapped (start-up did not run)");
  if (cached?.source === source) return cached.keys;
  const raw = typeof source === "string" ? source.split(",").map((k) => keyBytes(k.trim())) : [...source];
  if (raw.length === 0 || raw.some((k) => k === null)) throw new Error("DATA_ENCRYPTION_KEY is malformed");
  const byId = new Map<string, Buffer>();
  const fileMasterById = new Map<string, Buffer>();
  let encryptId = "";
  for (const [i, k] of (raw as Buffer[]).entries()) {
    const id = createHash("sha256").update(k).digest("hex").slice(0, 8);
    byId.set(id, Buffer.from(hkdfSync("sha256", k, Buffer.alloc(0), "portal/aes-256-gcm/v1", 32)));
    fileMasterById.set(id, Buffer.from(hkdfSync("sha256", k, Buffer.alloc(0), "portal/file-master/v1", 32)));
    if (i === 0) encryptId = id;
  }
  // The HMAC index is keyed by the oldest key (the last): rotating encryption keys must not
  // change the index, or look-ups by personnummer would stop finding people.
  const last = raw[raw.length - 1] as Buffer;
  const hmac = Buffer.from(hkdfSync("sha256", last, Buffer.alloc(0), "portal/hmac-index/v1", 32));
  // The staff password pepper (argon2's secret, ASVS 2.4.5) is stable under rotation for the
  // same reason: a new pepper would make every stored password hash unverifiable.
  const pepper = Buffer.from(hkdfSync("sha256", last, Buffer.alloc(0), "portal/password-pepper/v1", 32));
  cached = { source, keys: { encryptId, byId, fileMasterById, hmac, pepper } };
  return cached.keys;
}

export function encrypt(plain: string): string {
  const { encryptId, byId } = keys();
  const iv = randomPooled(12);
  const cipher = createCipheriv("aes-256-gcm", byId.get(encryptId)!, iv);
  const ciphertext = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [
    "v1",
    encryptId,
    iv.toString("base64url"),
    ciphertext.toString("base64url"),
    cipher.getAuthTag().toString("base64url"),
  ].join(".");
}

export function decrypt(token: string): string {
  const [version, keyId, iv, ciphertext, tag] = token.split(".");
  if (version !== "v1" || !keyId || iv === undefined || ciphertext === undefined || !tag)
    throw new Error("Not an encrypted value");
  const key = keys().byId.get(keyId);
  if (!key) throw new Error("Encrypted with a key that is no longer configured");
  // The tag length is pinned (ASVS 6.2.3): GCM would otherwise accept a truncated tag (down to
  // 4 bytes) and an attacker who can write a token needs far fewer tries to forge one.
  const authTag = Buffer.from(tag, "base64url");
  if (authTag.length !== 16) throw new Error("Not an encrypted value");
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"), { authTagLength: 16 });
  decipher.setAuthTag(authTag);
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
}

/** The id of the key new values are encrypted with (the first of DATA_ENCRYPTION_KEY). */
export function currentKeyId(): string {
  return keys().encryptId;
}

/** The secret key for staff password hashes and its id, as written into the hash (`keyid=`). */
export function passwordPepper(): { secret: Buffer; keyId: string } {
  const { pepper } = keys();
  return { secret: pepper, keyId: createHash("sha256").update(pepper).digest().subarray(0, 6).toString("base64") }; // 6 bytes: 8 characters, never padded
}

/** Deterministic keyed hash for equality look-ups of an encrypted value (e.g. personnummer). */
export function hmacIndex(value: string): string {
  return createHmac("sha256", keys().hmac).update(value, "utf8").digest("base64url");
}

/**
 * hmacIndex for values asked for on request after request (a browser's owner key: every form
 * request, decision 159), kept for the keys they were made with. Bounded: at most
 * REMEMBERED_HMACS values of at most 200 characters, the oldest made first out (~150 KB at most).
 */
const REMEMBERED_HMACS = 512;
let remembered: { keys: Keys; byValue: Map<string, string> } | undefined;

export function rememberedHmacIndex(value: string): string {
  const current = keys();
  if (remembered?.keys !== current) remembered = { keys: current, byValue: new Map() };
  const byValue = remembered.byValue;
  let hmac = byValue.get(value);
  if (hmac !== undefined) return hmac;
  hmac = hmacIndex(value);
  if (value.length <= 200) {
    byValue.set(value, hmac);
    if (byValue.size > REMEMBERED_HMACS) byValue.delete(byValue.keys().next().value!);
  }
  return hmac;
}

/**
 * Files at rest (docs/decisions/043). Layout:
 * `MAGIC (8) | key id (8 ASCII hex) | salt (16) | iv (12) | tag (16) | ciphertext`.
 * Each file gets its own AES-256-GCM key, derived with HKDF from the ring key named by the key
 * id and a random salt, so no two files share a key and rotation works as for fields: the first
 * key in DATA_ENCRYPTION_KEY encrypts, every configured key decrypts. The magic starts with a
 * NUL byte, which no accepted upload (text must be NUL-free; PDF, PNG, JPEG have their own
 * signatures) and no generated PDF starts with: a file without it is a plaintext file from
 * before encryption and is read as it is.
 */
export const FILE_MAGIC = Buffer.from("\0DLSENC1", "latin1");
const FILE_HEADER = FILE_MAGIC.length + 8 + 16 + 12 + 16;
const TAG_LENGTH = 16;

const FILE_KEY_INFO = Buffer.from("portal/file/aes-256-gcm/v1\u0001", "latin1");

/**
 * HKDF-SHA256 (RFC 5869) of the master with the file's salt, 32 bytes: extract (HMAC keyed by the
 * salt) and one expand block (HMAC of the info and the counter 1), which is all a 32-byte key
 * needs. The same bytes as `hkdfSync("sha256", master, salt, "portal/file/aes-256-gcm/v1", 32)`
 * (the tests compare them), in two of Node's HMACs: hkdfSync made key objects and fetched the
 * derivation from OpenSSL on every call, about 1 % of the event loop's time in a form walk with a
 * photo (decision 191).
 */
export function fileKey(master: Buffer, salt: Buffer): Buffer {
  const prk = createHmac("sha256", salt).update(master).digest();
  return createHmac("sha256", prk).update(FILE_KEY_INFO).digest();
}

export function isEncryptedFile(bytes: Uint8Array): boolean {
  return (
    bytes.byteLength >= FILE_HEADER && Buffer.from(bytes.buffer, bytes.byteOffset, FILE_MAGIC.length).equals(FILE_MAGIC)
  );
}

export function encryptFile(plain: Uint8Array): Buffer {
  const { encryptId, fileMasterById } = keys();
  const salt = randomPooled(16);
  const iv = randomPooled(12);
  const cipher = createCipheriv("aes-256-gcm", fileKey(fileMasterById.get(encryptId)!, salt), iv, {
    authTagLength: TAG_LENGTH,
  });
  const ciphertext = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([FILE_MAGIC, Buffer.from(encryptId, "latin1"), salt, iv, cipher.getAuthTag(), ciphertext]);
}

/** The plain bytes of a stored file: decrypted, or as they are for a file from before encryption. */
export function decryptFile(stored: Uint8Array): Buffer {
  const buf = Buffer.from(stored.buffer, stored.byteOffset, stored.byteLength);
  if (!isEncryptedFile(buf)) return buf;
  let at = FILE_MAGIC.length;
  const keyId = buf.subarray(at, (at += 8)).toString("latin1");
  const salt = buf.subarray(at, (at += 16));
  const iv = buf.subarray(at, (at += 12));
  const tag = buf.subarray(at, (at += TAG_LENGTH));
  const master = keys().fileMasterById.get(keyId);
  if (!master) throw new Error("File encrypted with a key that is no longer configured");
  const decipher = createDecipheriv("aes-256-gcm", fileKey(master, salt), iv, { authTagLength: TAG_LENGTH });
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(buf.subarray(at)), decipher.final()]);
}
