/**
 * The data-key ring when it comes from a key provider (ASVS 6.4.2, docs/decisions/050).
 *
 * With KEY_PROVIDER=vault the portal holds only Vault Transit ciphertexts of its data keys
 * (DATA_ENCRYPTION_KEY_WRAPPED); the master key that wraps them never leaves Vault. At start-up
 * (app/entry.server.tsx `startup`, before the database is opened and before anything listens)
 * each wrapped key is sent to `POST /v1/transit/decrypt/:name` once, and the plain data keys are
 * kept here, in this module's memory only: never in process.env, never on disk, never logged.
 * app/platform/crypto.server.ts derives its field, file, index and pepper keys from them exactly
 * as from DATA_ENCRYPTION_KEY (standard envelope encryption).
 */
import { log } from "~/utils/logger.server";

let unwrapped: readonly Buffer[] | undefined;

/** Hands the unwrapped ring (first encrypts, all decrypt, last keys the HMAC index) to crypto.server.ts. */
export function setUnwrappedKeyRing(keys: readonly Buffer[] | undefined) {
  if (keys && (keys.length === 0 || keys.some((k) => k.length !== 32)))
    throw new Error("Key ring: every data key must be 32 bytes");
  unwrapped = keys ? Object.freeze(keys.map((k) => Buffer.from(k))) : undefined;
}

export function unwrappedKeyRing(): readonly Buffer[] | undefined {
  return unwrapped;
}

export interface VaultConfig {
  addr: string;
  token: string;
  transitKey: string;
  /** Per attempt (default 5 s). */
  timeoutMs?: number;
  /** Attempts on a network error, a time-out or a 5xx (default 3); 4xx is final at once. */
  attempts?: number;
  /** First pause between attempts, doubled each time (default 250 ms). */
  backoffMs?: number;
}

/** A refusal that names what went wrong, never the token or a key. */
export class KeyProviderError extends Error {}

const RETRYABLE = Symbol("retryable");

async function transit(
  config: VaultConfig,
  op: "encrypt" | "decrypt",
  body: Record<string, string>,
): Promise<Record<string, unknown>> {
  let addr = config.addr;
  while (addr.endsWith("/")) addr = addr.slice(0, -1); // a loop, not /\/+$/: that backtracks on a run of slashes
  const url = `${addr}/v1/transit/${op}/${encodeURIComponent(config.transitKey)}`;
  const attempts = config.attempts ?? 3;
  let pause = config.backoffMs ?? 250;
  let last = "";
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      const res = await fetch(url, {
        method: "POST",
        headers: { "X-Vault-Token": config.token, "Content-Type": "application/json" },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(config.timeoutMs ?? 5_000),
        redirect: "error",
      });
      const text = await res.text();
      if (res.status >= 500) throw Object.assign(new Error(`Vault answered ${res.status}`), { [RETRYABLE]: true });
      if (!res.ok) {
        const hint =
          res.status === 403
            ? " (token refused or not allowed to use this transit key)"
            : res.status === 400
              ? " (malformed ciphertext or wrong key)"
              : "";
        throw new KeyProviderError(`Vault refused transit ${op} with ${res.status}${hint}`);
      }
      const json = JSON.parse(text) as { data?: Record<string, unknown> };
      if (!json.data || typeof json.data !== "object")
        throw new KeyProviderError(`Vault's transit ${op} answer has no data`);
      return json.data;
    } catch (error) {
      if (error instanceof KeyProviderError) throw error;
      last =
        error instanceof Error && error.name === "TimeoutError"
          ? `no answer within ${config.timeoutMs ?? 5_000} ms`
          : error instanceof Error
            ? error.message
            : String(error);
      if (attempt < attempts) {
        await new Promise((r) => setTimeout(r, pause));
        pause *= 2;
      }
    }
  }
  throw new KeyProviderError(`Vault at ${new URL(url).origin} did not answer after ${attempts} attempts: ${last}`);
}

/** Unwraps each `vault:v…` ciphertext of the comma-separated ring into its 32-byte data key. */
export async function unwrapKeyRing(config: VaultConfig, wrapped: string): Promise<Buffer[]> {
  const items = wrapped.split(",").map((w) => w.trim());
  if (items.length === 0 || items.some((w) => !w.startsWith("vault:v"))) {
    throw new KeyProviderError(
      "DATA_ENCRYPTION_KEY_WRAPPED: each entry must be a Vault transit ciphertext (vault:v1:…)",
    );
  }
  const keys: Buffer[] = [];
  for (const [i, ciphertext] of items.entries()) {
    const data = await transit(config, "decrypt", { ciphertext });
    const key = typeof data.plaintext === "string" ? Buffer.from(data.plaintext, "base64") : Buffer.alloc(0);
    if (key.length !== 32)
      throw new KeyProviderError(`DATA_ENCRYPTION_KEY_WRAPPED: entry ${i + 1} does not unwrap to a 32-byte key`);
    keys.push(key);
  }
  return keys;
}

/** Wraps a 32-byte data key with the transit key (for `npm run keys:wrap`). */
export async function wrapKey(config: VaultConfig, key: Buffer): Promise<string> {
  if (key.length !== 32) throw new KeyProviderError("A data key must be 32 bytes");
  const data = await transit(config, "encrypt", { plaintext: key.toString("base64") });
  if (typeof data.ciphertext !== "string" || !data.ciphertext.startsWith("vault:v"))
    throw new KeyProviderError("Vault's transit encrypt answer has no ciphertext");
  return data.ciphertext;
}

/**
 * Start-up: with KEY_PROVIDER=vault, unwraps the ring into memory (throws, and the portal does not
 * start, when Vault does not answer or refuses); with `env` in production, warns that the keys
 * are not isolated from the application.
 */
export async function prepareKeyRing(settings: {
  PORTAL_ENV: string;
  KEY_PROVIDER: "env" | "vault";
  vault: { addr: string; token: string; transitKey: string; wrapped: string } | null;
}) {
  if (settings.KEY_PROVIDER === "vault" && settings.vault) {
    const { wrapped, ...config } = settings.vault;
    setUnwrappedKeyRing(await unwrapKeyRing(config, wrapped));
    log("info", "data keys unwrapped by Vault transit", { keys: unwrappedKeyRing()?.length ?? 0 });
    return;
  }
  if (settings.PORTAL_ENV === "production") {
    log(
      "warn",
      "KEY_PROVIDER=env: the data encryption keys are not isolated from the application (ASVS 6.4.2); set KEY_PROVIDER=vault (docs/decisions/050)",
    );
  }
}
