/**
 * ASVS 6.4.2 as a real process (docs/decisions/050): the built portal with KEY_PROVIDER=vault
 * unwraps its data keys from a local Vault Transit stand-in at start-up and answers /healthz;
 * with a token Vault refuses it exits 1 with the reason, listens on nothing and logs no token.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPortal } from "../../scripts/lib/server.mjs";
import { startVaultStandIn, type VaultStandIn } from "../helpers/vault-stand-in";
import { cleanup, port, tempDir, UNLIMITED } from "./support";

// The child inherits this process's environment: no plain key beside the wrapped ring.
delete process.env.DATA_ENCRYPTION_KEY;
let vault: VaultStandIn;
const dirs: string[] = [];
beforeAll(async () => {
  vault = await startVaultStandIn();
});
afterAll(async () => {
  await vault.close();
  dirs.forEach(cleanup);
});

function vaultEnv(token: string) {
  return {
    ...UNLIMITED,
    KEY_PROVIDER: "vault",
    VAULT_ADDR: vault.url,
    VAULT_TOKEN: token,
    VAULT_TRANSIT_KEY: vault.keyName,
    DATA_ENCRYPTION_KEY_WRAPPED: `${vault.wrap(randomBytes(32))},${vault.wrap(randomBytes(32))}`,
  };
}

describe("KEY_PROVIDER=vault, real process", () => {
  it("starts against the Vault stand-in (PORTAL_ENV=test) and answers /healthz", async () => {
    const d = tempDir("vault-start");
    dirs.push(d);
    const portal = await startPortal({ dataDir: d, port: port(), env: vaultEnv(vault.token) });
    try {
      const res = await fetch(`${portal.url}/healthz`);
      expect(res.status).toBe(200);
      expect(vault.requests.filter((r) => r === `/v1/transit/decrypt/${vault.keyName}`)).toHaveLength(2);
    } finally {
      await portal.stop();
    }
  });

  it("refuses to start when Vault refuses the token: exit 1, the reason, nothing listening, no token in the log", async () => {
    const d = tempDir("vault-refused");
    dirs.push(d);
    const p = port();
    const wrong = `hvs.${randomBytes(12).toString("base64url")}`;
    const child = spawn(process.execPath, ["scripts/serve.mjs"], {
      env: { ...process.env, ...vaultEnv(wrong), PORTAL_ENV: "test", DATA_DIR: d, HOST: "127.0.0.1", PORT: String(p) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (c) => (output += c));
    child.stderr.on("data", (c) => (output += c));
    const code = await new Promise<number | null>((r) => child.once("exit", r));
    expect(code).toBe(1);
    expect(output).toMatch(/Start-up failed: Vault refused transit decrypt with 403/);
    expect(output).not.toContain(wrong);
    expect(output).not.toContain("portal listening");
    await expect(fetch(`http://127.0.0.1:${p}/healthz`, { signal: AbortSignal.timeout(1_000) })).rejects.toThrow();
  });
});
