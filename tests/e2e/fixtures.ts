import AxeBuilder from "@axe-core/playwright";
import type { AxeResults } from "axe-core";
import axe from "axe-core";
import { test as base, expect, type Browser, type Page } from "@playwright/test";
import * as OTPAuth from "otpauth";
import { DEV_STAFF_PASSWORD, seedStaffUsers } from "../../db/seed/content/staff";

export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/**
 * axe needs JavaScript in the page it inspects, and in a JavaScript-disabled context it hangs
 * (STACK.md pitfall 3). For such pages we copy the server-rendered HTML into a sidecar page of
 * a JavaScript-enabled context on the same origin (so the same CSS loads), with the app's own
 * scripts blocked, and run axe there: it sees exactly what the no-JS visitor sees.
 */
/**
 * One sidecar page per worker, origin and viewport, reused (a new context per check cost the
 * sweeps seconds per page, docs/decisions/037); checks take turns on it. It has no cookies, so
 * nothing of one page's session reaches the next: it only ever shows copied HTML.
 */
const sidecars = new Map<string, { page: Promise<Page>; turn: Promise<void> }>();

async function axeTarget(
  browser: Browser,
  page: Page,
  jsOff: boolean,
): Promise<{ target: Page; close: () => Promise<void> }> {
  if (!jsOff) return { target: page, close: async () => {} };
  const html = await page.content();
  const origin = new URL(page.url()).origin;
  const viewport = page.viewportSize() ?? undefined;
  const key = `${origin}|${viewport?.width}x${viewport?.height}`;
  let sidecar = sidecars.get(key);
  if (!sidecar) {
    const created = (async () => {
      const context = await browser.newContext({ javaScriptEnabled: true, viewport });
      const p = await context.newPage();
      await p.route("**/build/**/*.js", (route) => route.abort());
      await p.goto(`${origin}/healthz`);
      return p;
    })();
    sidecar = { page: created, turn: Promise.resolve() };
    sidecars.set(key, sidecar);
    browser.once("disconnected", () => sidecars.delete(key));
  }
  const previous = sidecar.turn;
  let release!: () => void;
  sidecar.turn = new Promise<void>((r) => (release = r));
  await previous;
  try {
    const target = await sidecar.page;
    await target.setContent(html, { waitUntil: "load" });
    return { target, close: async () => release() };
  } catch (error) {
    release();
    sidecars.delete(key);
    throw error;
  }
}

/**
 * The same rules and tags as `new AxeBuilder({ page }).withTags(AXE_TAGS).analyze()`, at a third
 * of its cost (decision 082): AxeBuilder evaluates axe's 550 KB source twice per scan and opens a
 * fresh blank page to merge results (`axe.finishRun`), 8–10 s per scan on the loaded CI machine.
 * Here axe is injected once per document and `axe.run` checks it directly ("legacy mode" in
 * AxeBuilder's words), which differs only for cross-origin frames: a page with any frame at all
 * still goes through AxeBuilder.
 */
async function runAxe(target: Page): Promise<AxeResults> {
  if (target.frames().length > 1) return new AxeBuilder({ page: target }).withTags(AXE_TAGS).analyze();
  type AxeWindow = { axe?: typeof axe };
  const injected = await target.evaluate(() => typeof (window as AxeWindow).axe?.run === "function");
  if (!injected) {
    await target.evaluate(axe.source);
    await target.evaluate(() =>
      (window as AxeWindow).axe!.configure({
        allowedOrigins: ["<same_origin>"],
        branding: { application: "playwright" },
      }),
    );
  }
  return target.evaluate(
    (tags) => (window as AxeWindow).axe!.run(document, { runOnly: { type: "tag", values: tags } }),
    AXE_TAGS,
  );
}

export async function expectAccessible(page: Page, browser: Browser, jsOff: boolean, label = page.url()) {
  const { target, close } = await axeTarget(browser, page, jsOff);
  try {
    const results = await runAxe(target);
    const summary = results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")),
    }));
    expect(summary, `axe violations on ${label}`).toEqual([]);
  } finally {
    await close();
  }
}

/** Every test fails on a console error or an uncaught page error (STYLE.md). */
export const test = base.extend<{ consoleErrors: string[]; a11y: (label?: string) => Promise<void> }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      // A document that answers 4xx on purpose (a 404 page, a 403) is logged by Chromium as
      // "Failed to load resource"; that is the test's subject, not an error in the page.
      // So is a hydrated form's submission (Remix fetches `<route>.data`) that the server refuses
      // with a field-level 4xx on purpose: the page shows the messages; a 5xx still fails the test.
      const documents = new Set<string>();
      page.on("response", (response) => {
        const status = response.status();
        const refusedSubmission = status >= 400 && status < 500 && new URL(response.url()).pathname.endsWith(".data");
        if (response.request().isNavigationRequest() || refusedSubmission) documents.add(response.url());
      });
      page.on("console", (msg) => {
        if (msg.type() !== "error") return;
        if (msg.text().startsWith("Failed to load resource") && documents.has(msg.location().url)) return;
        errors.push(`${msg.text()} (${msg.location().url})`);
      });
      page.on("pageerror", (err) => errors.push(`${err.message} (${page.url()})`));
      await use(errors);
      expect(errors, "console errors in the page").toEqual([]);
    },
    { auto: true },
  ],
  a11y: async ({ page, browser }, use, testInfo) => {
    await use((label?: string) => expectAccessible(page, browser, jsDisabled(testInfo), label));
  },
});

export { expect };

export const MUNICIPALITIES = [
  { slug: "bengtsfors", name: "Bengtsfors" },
  { slug: "dals-ed", name: "Dals-Ed" },
  { slug: "fargelanda", name: "Färgelanda" },
  { slug: "mellerud", name: "Mellerud" },
  { slug: "amal", name: "Åmål" },
] as const;

/** True when the test runs in the JavaScript-disabled project. */
export function jsDisabled(testInfo: { project: { use: { javaScriptEnabled?: boolean } } }) {
  return testInfo.project.use.javaScriptEnabled === false;
}

// ---- Logging in (reuse these in every journey that needs a signed-in user) -------------------

/**
 * Logs in as a resident through the local OpenID Connect provider ("Test-legitimation"),
 * exactly as a person would: /logga-in → provider → back. `actFor` answers the party
 * selection for people who represent organisations ("self" by default, or an org number).
 * Leaves the page where the login returned (`redirectTo`, default /mina-sidor).
 */
export async function loginAsResident(
  page: Page,
  personnummer: string,
  options: { redirectTo?: string; actFor?: "self" | string } = {},
) {
  // Start from a clean slate: whoever was signed in in this browser context is forgotten.
  await page.context().clearCookies({ name: "session" });
  await page.goto(`/logga-in?redirectTo=${encodeURIComponent(options.redirectTo ?? "/mina-sidor")}`);
  await page.getByRole("button", { name: "Logga in med e-legitimation" }).click();
  await page.getByLabel("Personnummer").fill(personnummer);
  await page.getByRole("button", { name: "Logga in", exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/test-idp") && !url.pathname.startsWith("/logga-in"));
  if (new URL(page.url()).pathname === "/valj-part") {
    const choice = options.actFor ?? "self";
    if (choice === "self") await page.getByRole("radio", { name: /^Mig själv/ }).check();
    else await page.getByRole("radio", { name: new RegExp(choice.replace(/[-]/g, "\\-")) }).check();
    await page.getByRole("button", { name: "Fortsätt" }).click();
    await page.waitForURL((url) => url.pathname !== "/valj-part");
  }
}

/** The TOTP code a seeded staff user's app would show (docs/dev-accounts.md). */
export function totpCode(secret: string, step: number): string {
  return new OTPAuth.TOTP({
    secret: OTPAuth.Secret.fromBase32(secret),
    digits: 6,
    period: 30,
    algorithm: "SHA1",
  }).generate({ timestamp: step * 30_000 });
}

/**
 * The last TOTP step used per staff user, shared by every Playwright worker (a file in the e2e
 * data directory): a code is accepted once, so two workers logging in the same seeded officer
 * must not send the same code; a refused code would also count towards the account's lock-out.
 */
async function lastTotpStepFile(username: string) {
  const { join, resolve } = await import("node:path");
  return join(resolve(process.env.E2E_DATA_DIR ?? "tests/.tmp/e2e"), "locks", `totp-step-${username}`);
}

/** Submits a TOTP code the server has not seen yet (a code is accepted once; ±1 step allowed). */
export async function submitTotp(page: Page, username: string, secret: string) {
  const { readFileSync, writeFileSync } = await import("node:fs");
  const file = await lastTotpStepFile(username);
  for (let attempt = 0; attempt < 4; attempt++) {
    // Taking the step and recording it happen under one cross-worker lock.
    const release = await exclusive(`totp-${username}`);
    let step: number;
    try {
      let last = -Infinity;
      try {
        last = Number(readFileSync(file, "utf8"));
      } catch {
        // no login of this user yet in this run
      }
      step = Math.max(Math.floor(Date.now() / 30_000) - 1, last + 1);
      if (step > Math.floor(Date.now() / 30_000) + 1) {
        // Three codes of this user were used in this window: wait until the next one is valid.
        await page.waitForTimeout((step - 1) * 30_000 - Date.now() + 200);
        step = Math.max(Math.floor(Date.now() / 30_000) - 1, last + 1);
      }
      writeFileSync(file, String(step));
    } finally {
      release();
    }
    await page.getByLabel("Engångskod").fill(totpCode(secret, step));
    await page.getByRole("button", { name: /^(Logga in|Koppla och logga in)$/ }).click();
    await page.waitForLoadState("domcontentloaded");
    // A test that logs in by hand (not through this helper) may have used the same code.
    if (!(await page.getByText("Koden stämmer inte").first().isVisible())) return;
  }
  throw new Error(`TOTP login for ${username} kept failing`);
}

/**
 * Logs in a seeded staff user (db/seed/content/staff.ts): password, then the TOTP code
 * computed from the documented secret. Ends on `redirectTo` (default /personal).
 */
export async function loginAsStaff(
  page: Page,
  username: string,
  options: { redirectTo?: string; password?: string } = {},
) {
  const user = seedStaffUsers.find((u) => u.username === username);
  if (!user?.totpSecret) throw new Error(`No enrolled seed staff user ${username}`);
  await page.context().clearCookies({ name: "session" });
  await page.goto(`/personal/logga-in?redirectTo=${encodeURIComponent(options.redirectTo ?? "/personal")}`);
  await page.getByLabel("Användarnamn").fill(username);
  await page.getByLabel("Lösenord").fill(options.password ?? DEV_STAFF_PASSWORD);
  await page.getByRole("button", { name: "Fortsätt" }).click();
  await page.waitForURL(/\/personal\/logga-in\/kod/);
  await submitTotp(page, username, user.totpSecret);
  await page.waitForURL((url) => !url.pathname.startsWith("/personal/logga-in"));
}

/**
 * A lock shared by all Playwright workers, for tests that act as the same seeded person: a
 * resident has one draft per e-service (it follows them across browsers), so the js-on and
 * js-off copies of a journey must not fill it in at the same time. The lock lives in the e2e
 * data directory, which the e2e server empties at start, so a crashed run leaves none behind.
 */
export async function exclusive(name: string, timeoutMs = 300_000): Promise<() => void> {
  const { mkdirSync, rmSync } = await import("node:fs");
  const { join, resolve } = await import("node:path");
  const root = join(resolve(process.env.E2E_DATA_DIR ?? "tests/.tmp/e2e"), "locks");
  mkdirSync(root, { recursive: true });
  const dir = join(root, name);
  const started = Date.now();
  for (;;) {
    try {
      mkdirSync(dir);
      return () => rmSync(dir, { recursive: true, force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      if (Date.now() - started > timeoutMs) throw new Error(`the lock ${name} was not released within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}
