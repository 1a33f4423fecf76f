#!/usr/bin/env -S npx tsx
// `npm run keys:wrap`: wraps a data key with Vault Transit for KEY_PROVIDER=vault (docs/decisions/050).
// Reads VAULT_ADDR, VAULT_TOKEN (or $CREDENTIALS_DIRECTORY/VAULT_TOKEN) and VAULT_TRANSIT_KEY.
// Wraps DATA_ENCRYPTION_KEY's keys when it is set (moving an existing ring into Vault's care,
// order kept), else a new random 32-byte key. Prints only the wrapped value(s), comma-separated,
// for DATA_ENCRYPTION_KEY_WRAPPED; a plain key is never printed.
import { randomBytes } from "node:crypto";
import { keyBytes, withCredentials } from "~/env.server";
import { KeyProviderError, wrapKey } from "~/platform/key-ring.server";

const source = withCredentials(process.env);
const addr = source.VAULT_ADDR;
const token = source.VAULT_TOKEN;
const transitKey = source.VAULT_TRANSIT_KEY;
if (!addr || !token || !transitKey) {
  console.error("keys:wrap needs VAULT_ADDR, VAULT_TOKEN and VAULT_TRANSIT_KEY");
  process.exit(1);
}
const given = source.DATA_ENCRYPTION_KEY?.split(",").map((k) => keyBytes(k.trim()));
if (given?.some((k) => k === null)) {
  console.error("DATA_ENCRYPTION_KEY: each key must be 32 bytes, base64 or hex");
  process.exit(1);
}
const keys = (given as Buffer[] | undefined) ?? [randomBytes(32)];
try {
  const wrapped: string[] = [];
  for (const key of keys) wrapped.push(await wrapKey({ addr, token, transitKey }, key));
  console.log(wrapped.join(","));
} catch (error) {
  console.error(`keys:wrap failed: ${error instanceof KeyProviderError ? error.message : "unexpected error"}`);
  process.exit(1);
}
