import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { PRODUCTION_REGISTERS } from "../helpers/production-registers";
import { expect, jsDisabled, submitTotp, test } from "./fixtures";

/**
 * The first admin of a production install (issue 13 "Done when": an admin created by the command
 * logs in with TOTP; docs/decisions/056). Each project starts its own portal with
 * PORTAL_ENV=production on an empty database, runs `npm run admin:create` against that database
 * as an operator would, opens the printed one-time link, sets a password, enrols the TOTP app
 * (the code computed from the secret the page shows), then logs in at /personal/logga-in with
 * password and code and reaches /admin. The link cannot be used twice.
 *
 * Chromium treats http://127.0.0.1 as a secure context, so the production `__Host-` cookies work
 * without TLS; PUBLIC_URL stays https (production refuses anything else) and only the printed
 * link's path is used.
 */

const PASSWORD = "Vänern-fyrtorn-2026!";

function productionEnv(dir: string, port: number): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PORTAL_ENV: "production",
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    PORT: String(port),
    DATA_DIR: dir,
    DATABASE_PATH: join(dir, "portal.db"),
    SESSION_SECRET: randomBytes(36).toString("base64url"),
    DATA_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    KEY_PROVIDER: "env",
    // Never contacted here: mail goes out only after a submission or a security notice.
    SMTP_URL: "smtp://127.0.0.1:9",
    PUBLIC_URL: "https://e-tjanster.dalsland.example.se",
    OIDC_ISSUER: "https://eid.dalsland.example.se",
    OIDC_CLIENT_ID: "portal",
    OIDC_CLIENT_SECRET: "client-secret-from-the-broker",
    CASE_OUTBOX: "off",
    // The registers' real clients are named but never asked during this journey (decision 066).
    ...PRODUCTION_REGISTERS,
    CLAMD_HOST: "127.0.0.1:9",
    TEST_IDP: "off",
    LOGIN_FAILURES_PER_ADDRESS: "1000",
    RATE_LIMIT_EXPENSIVE_GET: "0",
    LOG_LEVEL: "warn",
  };
}

async function waitForHealth(port: number, child: ChildProcess) {
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the production portal exited with ${child.exitCode}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() - started > 60_000) throw new Error("the production portal did not answer /healthz within 60 s");
    await new Promise((r) => setTimeout(r, 300));
  }
}

test.describe("first run of a production install", () => {
  test.describe.configure({ timeout: 180_000 });

  test("the admin created by npm run admin:create enrols by the one-time link and logs in with TOTP", async ({
    page,
    a11y,
  }, testInfo) => {
    const jsOff = jsDisabled(testInfo);
    const port = Number(new URL(testInfo.project.use.baseURL ?? "http://127.0.0.1:3210").port) + (jsOff ? 62 : 61);
    const dir = resolve(process.env.E2E_DATA_DIR ?? "tests/.tmp/e2e", `first-admin-${jsOff ? "off" : "on"}`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const env = productionEnv(dir, port);
    const username = jsOff ? "forvaltare.av" : "forvaltare.pa";

    // The operator's command, on the empty production database.
    const created = spawnSync(
      resolve("node_modules/.bin/tsx"),
      ["scripts/admin-create.ts", "--username", username, "--name", "Första Förvaltaren", "--email", "it@dalsland.se"],
      { env, encoding: "utf8", timeout: 60_000 },
    );
    expect(created.status, created.stderr).toBe(0);
    const printed = created.stdout.split("\n").find((l) => l.includes("/personal/aktivera/"));
    expect(printed, created.stdout).toBeTruthy();
    const linkPath = new URL(printed!.trim()).pathname;

    const server = spawn(process.execPath, ["scripts/serve.mjs"], { env, stdio: "ignore" });
    try {
      await waitForHealth(port, server);
      const origin = `http://127.0.0.1:${port}`;

      // The empty portal reads well: no list of municipalities it does not hold (issue 13 item 4).
      await page.goto(`${origin}/`);
      const banner = page.getByRole("banner");
      await expect(banner.locator(".site-header__subtitle")).toHaveCount(0);
      await expect(banner.getByText("Portalen har inga kommuner ännu.")).toBeVisible();
      await expect(page.locator("p.lead")).toHaveText(
        "Här gör du ärenden hos kommunerna i Dalsland – när det passar dig.",
      );
      await expect(page.locator(".site-footer__note")).toHaveText(
        "Dalslands e-tjänster drivs gemensamt av kommunerna i Dalsland.",
      );
      await a11y("home page of an empty production install");

      // Before enrolment the account has no password: logging in is refused.
      await page.goto(`${origin}/personal/logga-in`);
      await page.getByLabel("Användarnamn").fill(username);
      await page.getByLabel("Lösenord").fill(PASSWORD);
      await page.getByRole("button", { name: "Fortsätt" }).click();
      await expect(page).toHaveURL(/\/personal\/logga-in(\?|$)/);

      // The one-time link: a password that does not match is a field error, then the real one.
      await page.goto(`${origin}${linkPath}`);
      await expect(page.getByRole("heading", { level: 1, name: "Aktivera ditt administratörskonto" })).toBeVisible();
      await a11y("enrolment link");
      await page.getByLabel("Nytt lösenord").fill(PASSWORD);
      await page.getByLabel("Upprepa lösenordet").fill(`${PASSWORD}x`);
      await page.getByRole("button", { name: "Spara lösenordet och fortsätt" }).click();
      await expect(page.getByText("Lösenorden är olika").first()).toBeVisible();
      await page.getByLabel("Nytt lösenord").fill(PASSWORD);
      await page.getByLabel("Upprepa lösenordet").fill(PASSWORD);
      await page.getByRole("button", { name: "Spara lösenordet och fortsätt" }).click();

      // TOTP enrolment: the secret is shown for manual entry; the test is the authenticator app.
      await page.waitForURL(/\/personal\/logga-in\/registrera/);
      await a11y("TOTP enrolment");
      const secret = (await page.getByTestId("totp-secret").innerText()).replace(/\s/g, "");
      expect(secret.length).toBeGreaterThanOrEqual(16);
      await submitTotp(page, username, secret);
      await page.waitForURL((url) => url.pathname === "/admin");
      await expect(page.getByRole("heading", { level: 1, name: "Administration" })).toBeVisible();

      // The link is spent: opening it again shows no form.
      await page.goto(`${origin}${linkPath}`);
      await expect(page.getByText("Länken är använd eller för gammal")).toBeVisible();
      await expect(page.getByLabel("Nytt lösenord")).toHaveCount(0);

      // A new browser session: password, then a code from the app, and /admin opens.
      await page.context().clearCookies();
      await page.goto(`${origin}/personal/logga-in?redirectTo=%2Fadmin`);
      await page.getByLabel("Användarnamn").fill(username);
      await page.getByLabel("Lösenord").fill(PASSWORD);
      await page.getByRole("button", { name: "Fortsätt" }).click();
      await page.waitForURL(/\/personal\/logga-in\/kod/);
      await submitTotp(page, username, secret);
      await page.waitForURL((url) => url.pathname === "/admin");
      await expect(page.getByRole("heading", { level: 1, name: "Administration" })).toBeVisible();
      // A portal-wide admin: the portal-wide sections are offered.
      const main = page.getByRole("main");
      await expect(main.getByRole("link", { name: "Andra myndigheter" })).toBeVisible();
      await a11y("admin start page");
      // …and can go on to add the first municipality on the empty portal.
      await main.getByRole("link", { name: "Kommuner och förvaltningar" }).click();
      await expect(page.getByRole("heading", { level: 1, name: "Kommuner" })).toBeVisible();
    } finally {
      server.kill();
    }
  });
});
