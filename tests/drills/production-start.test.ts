/**
 * Production fails closed, as a real process (issue 12 High 2, docs/decisions/041): the built
 * portal started with an unsafe production configuration exits non-zero with the message and
 * listens on nothing; a database seeded in demo mode is refused the same way; a complete
 * production configuration starts, /healthz answers, the test provider is not mounted, and HSTS
 * is sent. Demo over plain http keeps working (no Secure-only cookie it could not send back).
 * tests/integration/production-mode.test.ts covers every refusal as a function.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startPortal } from "../../scripts/lib/server.mjs";
import { cleanup, port, tempDir, UNLIMITED } from "./support";
import { PRODUCTION_REGISTERS } from "../helpers/production-registers";

const PRODUCTION = {
  PORTAL_ENV: "production",
  SESSION_SECRET: randomBytes(36).toString("base64url"),
  DATA_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
  // Never contacted at start-up: receipts are sent only after a submission.
  SMTP_URL: "smtp://127.0.0.1:9",
  PUBLIC_URL: "https://e-tjanster.dalsland.example.se",
  OIDC_ISSUER: "https://eid.dalsland.example.se",
  OIDC_CLIENT_ID: "portal",
  OIDC_CLIENT_SECRET: "client-secret-from-the-broker",
  CASE_OUTBOX: "off",
  // Contacted only when a file is uploaded (decision 048).
  CLAMD_HOST: "127.0.0.1:9",
  KEY_PROVIDER: "env",
  ...PRODUCTION_REGISTERS,
};

/** Runs scripts/serve.mjs to its end (it must end by itself), and whether anything answered on its port. */
function runToExit(env: Record<string, string>, p: number, timeoutMs = 60_000) {
  return new Promise<{ code: number | null; output: string; answered: boolean }>((resolve, reject) => {
    const child = spawn(process.execPath, ["scripts/serve.mjs"], {
      env: { ...process.env, ...UNLIMITED, HOST: "127.0.0.1", PORT: String(p), ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    let answered = false;
    child.stdout.on("data", (c) => (output += c));
    child.stderr.on("data", (c) => (output += c));
    const probe = setInterval(() => {
      fetch(`http://127.0.0.1:${p}/healthz`, { signal: AbortSignal.timeout(500) })
        .then(() => (answered = true))
        .catch(() => {});
    }, 100);
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`serve.mjs did not exit within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    child.once("exit", (code) => {
      clearInterval(probe);
      clearTimeout(timer);
      resolve({ code, output, answered });
    });
  });
}

describe("production start-up", () => {
  const dirs: string[] = [];
  const dir = (name: string) => {
    const d = tempDir(name);
    dirs.push(d);
    return d;
  };
  afterAll(() => dirs.forEach(cleanup));

  it("refuses TEST_IDP=on in production: exit code 1, the message, nothing listening", async () => {
    const d = dir("prod-testidp");
    const p = port();
    const run = await runToExit({ ...PRODUCTION, TEST_IDP: "on", DATA_DIR: d, DATABASE_PATH: join(d, "portal.db") }, p);
    expect(run.code).toBe(1);
    expect(run.output).toMatch(
      /Start-up failed: Invalid environment: refusing to start with PORTAL_ENV=production[\s\S]*TEST_IDP: must not be on/,
    );
    expect(run.answered).toBe(false);
  });

  it("a complete production configuration starts on a new database: /healthz answers, HSTS, __Host- cookies, no test provider", async () => {
    const d = dir("prod-good");
    const portal = await startPortal({ dataDir: d, port: port(), env: { ...UNLIMITED, ...PRODUCTION } });
    try {
      const health = await fetch(`${portal.url}/healthz`);
      expect(health.status).toBe(200);
      expect(health.headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
      const idp = await fetch(`${portal.url}/test-idp/.well-known/openid-configuration`);
      expect(idp.status).toBe(404);
      const home = await fetch(`${portal.url}/`);
      expect(await home.text()).not.toContain("test-idp-banner");
      // Every cookie production sets is __Host- (so Secure, Path=/, no Domain), HttpOnly and
      // SameSite (ASVS 3.4.1-3.4.5): the CSRF seed on the staff login, and the e-service owner
      // cookie with it on an anonymous form step.
      const names: string[] = [];
      for (const path of ["/personal/logga-in", "/blanketter/begaran-allman-handling/handling"]) {
        const res = await fetch(`${portal.url}${path}`);
        expect(res.status).toBe(200);
        for (const cookie of res.headers.getSetCookie()) {
          names.push(cookie.slice(0, cookie.indexOf("=")));
          expect(cookie).toMatch(/^__Host-/);
          expect(cookie).toMatch(/;\s*Secure(;|$)/i);
          expect(cookie).toMatch(/;\s*HttpOnly(;|$)/i);
          expect(cookie).toMatch(/;\s*SameSite=(Lax|Strict)(;|$)/i);
          expect(cookie).toMatch(/;\s*Path=\/(;|$)/i);
          expect(cookie).not.toMatch(/;\s*Domain=/i);
        }
      }
      expect(new Set(names)).toEqual(new Set(["__Host-csrf", "__Host-eservice"]));
    } finally {
      await portal.stop();
    }
  });

  it("demo over plain http works (banner, no Secure cookie, no HSTS); production then refuses its database", async () => {
    const d = dir("demo-http");
    const p = port();
    const demo = await startPortal({
      dataDir: d,
      port: p,
      env: { ...UNLIMITED, PORTAL_ENV: "demo", PUBLIC_URL: `http://127.0.0.1:${p}` },
    });
    try {
      const res = await fetch(`${demo.url}/personal/logga-in`);
      expect(res.headers.get("strict-transport-security")).toBeNull();
      const cookies = res.headers.getSetCookie();
      expect(cookies.length).toBeGreaterThan(0);
      expect(cookies.every((c) => !/;\s*secure/i.test(c))).toBe(true);
      expect(await res.text()).toContain("test-idp-banner");
    } finally {
      await demo.stop();
    }
    const run = await runToExit({ ...PRODUCTION, DATA_DIR: d, DATABASE_PATH: join(d, "portal.db") }, port());
    expect(run.code).toBe(1);
    expect(run.output).toMatch(/seeded in demo mode[\s\S]*admin\.portal[\s\S]*arendesystem-test/);
    expect(run.answered).toBe(false);
  });
});
