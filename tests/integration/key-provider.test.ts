/**
 * ASVS 6.4.2 (docs/decisions/050): with KEY_PROVIDER=vault the data keys reach the portal only
 * as Vault Transit ciphertexts; start-up unwraps them once into memory, and encryption works as
 * with DATA_ENCRYPTION_KEY. A refusing or silent Vault stops start-up. A local stand-in speaks
 * Vault's transit JSON (tests/helpers/vault-stand-in.ts); nothing leaves 127.0.0.1.
 * The real process start against the stand-in: tests/drills/key-provider-start.test.ts.
 */
import { createHash, randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { env, loadEnv, resetEnvForTests } from "~/env.server";
import { currentKeyId, decrypt, decryptFile, encrypt, encryptFile, hmacIndex } from "~/platform/crypto.server";
import {
  KeyProviderError,
  prepareKeyRing,
  setUnwrappedKeyRing,
  unwrapKeyRing,
  unwrappedKeyRing,
  wrapKey,
} from "~/platform/key-ring.server";
import { startVaultStandIn, type VaultStandIn } from "../helpers/vault-stand-in";

const idOf = (key: Buffer) => createHash("sha256").update(key).digest("hex").slice(0, 8);
const saved = { ...process.env };
let vault: VaultStandIn;

function useVault(wrapped: string, overrides: Record<string, string> = {}) {
  delete process.env.DATA_ENCRYPTION_KEY;
  Object.assign(process.env, {
    KEY_PROVIDER: "vault",
    VAULT_ADDR: vault.url,
    VAULT_TOKEN: vault.token,
    VAULT_TRANSIT_KEY: vault.keyName,
    DATA_ENCRYPTION_KEY_WRAPPED: wrapped,
    ...overrides,
  });
  resetEnvForTests();
  setUnwrappedKeyRing(undefined);
}

beforeAll(async () => {
  vault = await startVaultStandIn();
});
afterEach(() => {
  for (const name of [
    "KEY_PROVIDER",
    "VAULT_ADDR",
    "VAULT_TOKEN",
    "VAULT_TRANSIT_KEY",
    "DATA_ENCRYPTION_KEY_WRAPPED",
    "DATA_ENCRYPTION_KEY",
  ]) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
  resetEnvForTests();
  setUnwrappedKeyRing(undefined);
});
afterAll(() => vault.close());

describe("KEY_PROVIDER=vault (envelope encryption with Vault Transit)", () => {
  it("unwraps the ring at start-up and encrypts and decrypts fields and files with the unwrapped key", async () => {
    const key = randomBytes(32);
    useVault(vault.wrap(key));
    expect(() => encrypt("x")).toThrow(/not been unwrapped/);
    await prepareKeyRing(env());
    expect(vault.requests).toContain(`/v1/transit/decrypt/${vault.keyName}`);
    const token = encrypt("198203249274");
    expect(token.split(".")[1]).toBe(idOf(key));
    expect(decrypt(token)).toBe("198203249274");
    expect(decryptFile(encryptFile(Buffer.from("%PDF-1.7 beslut"))).toString()).toBe("%PDF-1.7 beslut");
    expect(env().DATA_ENCRYPTION_KEY).toBe("");
  });

  it("refuses start-up when Vault refuses the token (403), and keeps no ring", async () => {
    useVault(vault.wrap(randomBytes(32)), { VAULT_TOKEN: "hvs.wrong-token" });
    const refusal = await prepareKeyRing(env()).then(
      () => null,
      (e: unknown) => e,
    );
    expect(refusal).toBeInstanceOf(KeyProviderError);
    expect(String((refusal as Error).message)).toMatch(/refused transit decrypt with 403/);
    expect(String((refusal as Error).message)).not.toContain("wrong-token");
    expect(unwrappedKeyRing()).toBeUndefined();
  });

  it("refuses a malformed or foreign ciphertext (400) at once", async () => {
    const config = { addr: vault.url, token: vault.token, transitKey: vault.keyName };
    await expect(unwrapKeyRing(config, "vault:v1:bm90LWEtY2lwaGVydGV4dA==")).rejects.toThrow(/400/);
    await expect(unwrapKeyRing(config, randomBytes(32).toString("base64"))).rejects.toThrow(/vault:v1/);
  });

  it("refuses after 3 attempts within the time-out when Vault does not answer or is down", async () => {
    const silent: Server = createServer(() => {}); // accepts, never answers
    await new Promise<void>((r) => silent.listen(0, "127.0.0.1", r));
    const silentUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
    let hits = 0;
    silent.on("request", () => hits++);
    try {
      const started = performance.now();
      await expect(
        unwrapKeyRing(
          { addr: silentUrl, token: vault.token, transitKey: vault.keyName, timeoutMs: 300, backoffMs: 50 },
          vault.wrap(randomBytes(32)),
        ),
      ).rejects.toThrow(/did not answer after 3 attempts: no answer within 300 ms/);
      const ms = performance.now() - started;
      expect(hits).toBe(3);
      expect(ms).toBeLessThan(3 * 300 + 50 + 100 + 1_000);
    } finally {
      silent.closeAllConnections();
      await new Promise<void>((r) => silent.close(() => r()));
    }
    // Down (nothing listening): refused too, after the same retries, well within 5 s per attempt.
    const started = performance.now();
    await expect(
      unwrapKeyRing(
        { addr: "http://127.0.0.1:9", token: vault.token, transitKey: vault.keyName, backoffMs: 50 },
        vault.wrap(randomBytes(32)),
      ),
    ).rejects.toThrow(/did not answer after 3 attempts/);
    expect(performance.now() - started).toBeLessThan(5_000);
    const failing = await startVaultStandIn({ token: vault.token, status: 503 });
    try {
      await expect(
        unwrapKeyRing(
          { addr: failing.url, token: vault.token, transitKey: failing.keyName, backoffMs: 10 },
          vault.wrap(randomBytes(32)),
        ),
      ).rejects.toThrow(/503/);
      expect(failing.requests).toHaveLength(3);
    } finally {
      await failing.close();
    }
  });

  it("rotates with a wrapped ring of two keys as with DATA_ENCRYPTION_KEY: first encrypts, both decrypt, the index stays", async () => {
    const config = { addr: vault.url, token: vault.token, transitKey: vault.keyName };
    const old = randomBytes(32);
    const fresh = randomBytes(32);
    useVault(await wrapKey(config, old));
    await prepareKeyRing(env());
    const before = encrypt("hemligt");
    const index = hmacIndex("198203249274");
    const file = encryptFile(Buffer.from("bilaga"));

    useVault(`${await wrapKey(config, fresh)}, ${await wrapKey(config, old)}`);
    await prepareKeyRing(env());
    expect(unwrappedKeyRing()).toHaveLength(2);
    expect(currentKeyId()).toBe(idOf(fresh));
    expect(encrypt("nytt").split(".")[1]).toBe(idOf(fresh));
    expect(decrypt(before)).toBe("hemligt");
    expect(decryptFile(file).toString()).toBe("bilaga");
    expect(hmacIndex("198203249274")).toBe(index);
  });

  it("keeps the unwrapped keys out of process.env (and DATA_ENCRYPTION_KEY unset)", async () => {
    const key = randomBytes(32);
    useVault(vault.wrap(key));
    await prepareKeyRing(env());
    encrypt("x");
    const forms = [key.toString("base64"), key.toString("base64url"), key.toString("hex")];
    for (const value of Object.values(process.env)) for (const form of forms) expect(value ?? "").not.toContain(form);
    expect(process.env.DATA_ENCRYPTION_KEY).toBeUndefined();
  });

  it("configuration: vault needs its settings, no plain key beside it, and https in production", () => {
    const base = { PORTAL_ENV: "test", DATA_DIR: process.env.DATA_DIR, KEY_PROVIDER: "vault" };
    expect(() => loadEnv(base)).toThrow(
      /VAULT_ADDR, VAULT_TOKEN, VAULT_TRANSIT_KEY, DATA_ENCRYPTION_KEY_WRAPPED: required with KEY_PROVIDER=vault/,
    );
    const full = {
      ...base,
      VAULT_ADDR: vault.url,
      VAULT_TOKEN: "t",
      VAULT_TRANSIT_KEY: "k",
      DATA_ENCRYPTION_KEY_WRAPPED: "vault:v1:x",
    };
    expect(() => loadEnv({ ...full, DATA_ENCRYPTION_KEY: "a".repeat(64) })).toThrow(
      /DATA_ENCRYPTION_KEY: must not be set with KEY_PROVIDER=vault/,
    );
    expect(() => loadEnv({ ...full, PORTAL_ENV: "production" })).toThrow(/VAULT_ADDR: must start with https:\/\//);
    expect(() => loadEnv({ ...full, PORTAL_ENV: "production" })).not.toThrow(/DATA_ENCRYPTION_KEY: required/);
  });
});
