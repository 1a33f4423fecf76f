import { hash, hashSync, verify } from "@node-rs/argon2";
import { passwordPepper } from "~/platform/crypto.server";

/**
 * Staff password hashes: argon2id with a secret pepper (ASVS 2.4.5, docs/decisions/047). The
 * pepper is derived from the key ring, so a stolen database alone does not allow guessing
 * passwords offline. The hash stays a standard PHC string; the Argon2 PHC `keyid` parameter
 * names the pepper, and a hash without it (written before the pepper) still verifies and is
 * replaced at the next successful login.
 */

// A PHC argon2 string: $argon2id$v=19$m=…,t=…,p=…[,keyid=…][,data=…]$salt$hash. The parameters
// are the third `$` field; split, not a regular expression.
function keyIdOf(stored: string): string | undefined {
  const params = stored.split("$")[3] ?? "";
  return params
    .split(",")
    .find((p) => p.startsWith("keyid="))
    ?.slice("keyid=".length);
}

function withKeyId(phc: string, keyId: string): string {
  const parts = phc.split("$");
  parts[3] = `${parts[3]},keyid=${keyId}`;
  return parts.join("$");
}

export async function hashPassword(password: string): Promise<string> {
  const { secret, keyId } = passwordPepper();
  return withKeyId(await hash(password, { secret }), keyId);
}

/** For the seed, which runs inside a synchronous transaction. */
export function hashPasswordSync(password: string): string {
  const { secret, keyId } = passwordPepper();
  return withKeyId(hashSync(password, { secret }), keyId);
}

/** Whether the password matches; `rehash` when the stored hash predates the pepper. */
export async function verifyPassword(stored: string, password: string): Promise<{ ok: boolean; rehash: boolean }> {
  const keyId = keyIdOf(stored);
  if (keyId === undefined) {
    const ok = await verify(stored, password).catch(() => false);
    return { ok, rehash: ok };
  }
  const pepper = passwordPepper();
  // An unknown pepper id cannot verify; it is a failure, never a fallback to no pepper.
  if (keyId !== pepper.keyId) return { ok: false, rehash: false };
  return { ok: await verify(stored, password, { secret: pepper.secret }).catch(() => false), rehash: false };
}
