import AxeBuilder from "@axe-core/playwright";
import type axe from "axe-core";
import type { AxeResults } from "axe-core";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { test as base, expect, type Browser, type Cookie, type Page } from "@playwright/test";
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
 * The minified build of the same axe-core (654 KB): `axe.source` is the unminified axe.js
 * (1.48 MB), and parsing it was the largest part of a scan — 3.7 s against 2.7 s per page,
 * with the same results, rule by rule (decision 112). Read once per worker.
 */
let axeSource: string | undefined;
function axeMinSource(): string {
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
  return axeSource;
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
    await target.evaluate(axeMinSource());
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

/**
 * With JavaScript on, every action and every auto-waiting assertion on a page that ships client
 * JavaScript first waits until that JavaScript is in charge (Playwright's locator handlers run
 * before each of them; an empty handler then waits for its locator to be hidden):
 * - a whole-document page (`hydrate: true`: Remix's inline module script) until the root marks
 *   `<html data-hydrated>`;
 * - a form or payment island (decisions 108, 111) until the island marks the same;
 * - a form step until it re-rendered once after hydration (`data-enhanced`: fields registered,
 *   unmet conditions hidden, so the layout moves).
 * An answer given before that was lost or landed elsewhere (a radio reset by hydration, a click on
 * what the re-render moved): CI failed on it in specs that did not call `hydrated()` first. Pages
 * without client JavaScript match none of the three. One selector, since the visibility check
 * before every action is a round trip to the browser; each part matches the <body>, so it never
 * matches two elements (the check is strict).
 */
const NOT_YET_HYDRATED = [
  'html:not([data-hydrated]) > body:has(> script[type="module"]:not([src]))',
  "html:not([data-hydrated]) > body:has([data-island])",
  "body:has(form#form-top:not([data-enhanced]))",
].join(", ");

const watched = new WeakMap<Page, Promise<void>>();
function actAfterHydration(page: Page): Promise<void> {
  let registered = watched.get(page);
  if (!registered) {
    registered = (async () => {
      await page.addLocatorHandler(page.locator(NOT_YET_HYDRATED), async () => {});
    })();
    watched.set(page, registered);
  }
  return registered;
}
const watchPage = (page: Page) => void actAfterHydration(page).catch(() => undefined);

/** Every test fails on a console error or an uncaught page error (STYLE.md). */
export const test = base.extend<{
  consoleErrors: string[];
  a11y: (label?: string) => Promise<void>;
  hydratedContexts: void;
}>({
  context: async ({ context }, use, testInfo) => {
    if (!jsDisabled(testInfo)) context.on("page", watchPage);
    await use(context);
  },
  page: async ({ page }, use, testInfo) => {
    if (!jsDisabled(testInfo)) await actAfterHydration(page);
    await use(page);
  },
  // Contexts a test opens itself (a second guardian, an officer) get the same waits on their pages.
  hydratedContexts: [
    async ({ browser }, use, testInfo) => {
      const newContext = browser.newContext;
      browser.newContext = async (options) => {
        const context = await newContext.call(browser, options);
        // Options a context does not name come from the project's `use` (Playwright's defaults).
        if (options?.javaScriptEnabled ?? !jsDisabled(testInfo)) context.on("page", watchPage);
        return context;
      };
      try {
        await use();
      } finally {
        browser.newContext = newContext;
      }
    },
    { auto: true },
  ],
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
      // The test is over: the signed-in sessions it reused are free for others (decision 103).
      releaseClaims();
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
 *
 * A session signed in this way earlier in the run is reused when it still works (decision 103);
 * `fresh: true` always goes through the provider (tests of the log-in itself, of sessions, of
 * signing out, of the log-in audit).
 */
export async function loginAsResident(
  page: Page,
  personnummer: string,
  options: { redirectTo?: string; actFor?: "self" | string; fresh?: boolean } = {},
) {
  const redirectTo = options.redirectTo ?? "/mina-sidor";
  const uiLogin = async () => {
    // Start from a clean slate: whoever was signed in in this browser context is forgotten.
    await page.context().clearCookies({ name: "session" });
    await page.goto(`/logga-in?redirectTo=${encodeURIComponent(redirectTo)}`);
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
  };
  if (options.fresh) return uiLogin();
  await withReusedSession(page, `resident-${personnummer}-${options.actFor ?? "self"}`, redirectTo, uiLogin);
}

/**
 * Fills the wedding form's first step (`/blanketter/ansokan-borgerlig-vigsel/parterna`) for Sara
 * (198412179288, the seeded resident registered in Bengtsfors) and her partner, and continues.
 */
export async function fillWeddingParties(page: Page, email: string) {
  await page.goto("/blanketter/ansokan-borgerlig-vigsel/parterna");
  await page.getByLabel("Ditt personnummer").fill("198412179288");
  await page.getByLabel("Ditt namn").fill("Sara Lindqvist");
  await page.getByLabel("Din partners personnummer").fill("198201189852");
  await page.getByLabel("Din partners namn").fill("Mikael Johansson");
  await page.getByLabel("E-postadress").fill(email);
  await page.getByLabel("Telefonnummer").fill("070-555 12 34");
  await page.getByRole("group", { name: "Har ni fått intyg om hindersprövning?" }).getByLabel("Ja").check();
  await page.getByRole("button", { name: "Fortsätt", exact: true }).click();
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
    // The server's answer decides, not the page at some moment after the click: with JavaScript on
    // the code page posts by fetch (no load to wait for), so the old check looked at the page
    // before the answer came and never saw a refusal.
    const answered = page.waitForResponse(
      (r) => r.request().method() === "POST" && new URL(r.url()).pathname.startsWith("/personal/"),
    );
    await page.getByRole("button", { name: /^(Logga in|Koppla och logga in)$/ }).click();
    if ((await answered).status() < 400) return;
    // A test that logs in by hand (not through this helper) may have used the same code.
    await expect(page.getByText("Koden stämmer inte").first()).toBeVisible();
  }
  throw new Error(`TOTP login for ${username} kept failing`);
}

/**
 * Logs in a seeded staff user (db/seed/content/staff.ts): password, then the TOTP code
 * computed from the documented secret. Ends on `redirectTo` (default /personal).
 *
 * A session signed in this way earlier in the run is reused when it still works (decision 103);
 * `fresh: true`, or a `password` of the test's own, always logs in through the form.
 */
export async function loginAsStaff(
  page: Page,
  username: string,
  options: { redirectTo?: string; password?: string; fresh?: boolean } = {},
) {
  const user = seedStaffUsers.find((u) => u.username === username);
  if (!user?.totpSecret) throw new Error(`No enrolled seed staff user ${username}`);
  const totpSecret = user.totpSecret;
  const redirectTo = options.redirectTo ?? "/personal";
  const uiLogin = async () => {
    await page.context().clearCookies({ name: "session" });
    await page.goto(`/personal/logga-in?redirectTo=${encodeURIComponent(redirectTo)}`);
    await page.getByLabel("Användarnamn").fill(username);
    await page.getByLabel("Lösenord").fill(options.password ?? DEV_STAFF_PASSWORD);
    await page.getByRole("button", { name: "Fortsätt" }).click();
    await page.waitForURL(/\/personal\/logga-in\/kod/);
    await submitTotp(page, username, totpSecret);
    await page.waitForURL((url) => !url.pathname.startsWith("/personal/logga-in"));
  };
  if (options.fresh || options.password !== undefined) return uiLogin();
  await withReusedSession(page, `staff-${username}`, redirectTo, uiLogin);
}

// ---- Reusing signed-in sessions (docs/decisions/103) -----------------------------------------

/**
 * A UI log-in costs 10–15 s on the loaded CI machine; a session signed in earlier in the run is
 * reused instead. Each (user, party) has numbered slots, files in the e2e data directory holding
 * the session cookie of one earlier log-in and the party the header showed. A test claims a slot
 * with a cross-worker lock and keeps it until it ends, so no two tests ever share a session at the
 * same time: one that signs out, signs in again in the same browser (which revokes the previous
 * session) or changes the party it acts for touches only its own. The next test that claims the
 * slot checks the session on the server: it loads `redirectTo` and needs the header to show the
 * user signed in, for the same party; otherwise it logs in through the UI and refreshes the slot.
 */
interface SlotFile {
  cookie: Cookie;
  /** The header's "for <organisation>" text after the log-in; null when acting for oneself. */
  acting: string | null;
}

const claims: { testId: string | undefined; release: () => void }[] = [];

function currentTestId(): string | undefined {
  try {
    return base.info().testId;
  } catch {
    return undefined;
  }
}

/** Releases the slots this worker's tests claimed (each test, when it ends; see `test`). */
function releaseClaims(keepTestId?: string) {
  const kept = claims.filter((c) => keepTestId !== undefined && c.testId === keepTestId);
  for (const c of claims) if (!kept.includes(c)) c.release();
  claims.splice(0, claims.length, ...kept);
}

/** The header's party text, null for oneself; undefined when the page shows nobody signed in. */
async function signedInParty(page: Page): Promise<string | null | undefined> {
  if ((await page.locator(".account__name").count()) === 0) return undefined;
  const acting = page.locator(".account__acting");
  return (await acting.count()) === 0 ? null : ((await acting.first().textContent()) ?? "").trim();
}

async function withReusedSession(page: Page, key: string, redirectTo: string, uiLogin: () => Promise<void>) {
  const { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } = await import("node:fs");
  const { join, resolve } = await import("node:path");
  // E2E_FRESH_LOGINS=1 logs in through the UI every time (to compare, or to rule reuse out).
  if (process.env.E2E_FRESH_LOGINS === "1") return uiLogin();
  const testId = currentTestId();
  // Slots claimed by a test this worker ran before are free again (also when the test did not
  // use this module's `test`, whose fixture releases them).
  releaseClaims(testId);
  const root = join(resolve(process.env.E2E_DATA_DIR ?? "tests/.tmp/e2e"), "sessions");
  mkdirSync(root, { recursive: true });
  const safeKey = key.replace(/[^A-Za-z0-9._-]/g, "_");
  let slot = 0;
  let release: (() => void) | null = null;
  for (; slot < 50 && !release; slot++) release = await tryExclusive(`session-${safeKey}-${slot}`);
  if (!release) return uiLogin();
  claims.push({ testId, release });
  const file = join(root, `${safeKey}-${slot - 1}.json`);
  const started = Date.now();
  // One line per log-in (key, reused or UI, milliseconds): what decision 103's figures come from.
  const note = (how: string) => appendFileSync(join(root, "log"), `${key} ${how} ${Date.now() - started}\n`);
  if (existsSync(file)) {
    const saved = JSON.parse(readFileSync(file, "utf8")) as SlotFile;
    await page.context().clearCookies({ name: "session" });
    await page.context().addCookies([saved.cookie]);
    await page.goto(redirectTo);
    const onLoginPage = /^\/(personal\/)?logga-in(\/|$)/.test(new URL(page.url()).pathname);
    if (!onLoginPage && (await signedInParty(page)) === saved.acting) return note("reused");
  }
  await uiLogin();
  note(existsSync(file) ? "expired" : "ui");
  const cookie = (await page.context().cookies()).find((c) => c.name === "session");
  const acting = await signedInParty(page);
  // Only a log-in whose landing page shows who is signed in (and for whom) can be checked later.
  if (cookie && acting !== undefined) writeFileSync(file, JSON.stringify({ cookie, acting } satisfies SlotFile));
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

/** Like `exclusive`, but gives up at once: null when another test holds the lock. */
async function tryExclusive(name: string): Promise<(() => void) | null> {
  const { mkdirSync, rmSync } = await import("node:fs");
  const { join, resolve } = await import("node:path");
  const root = join(resolve(process.env.E2E_DATA_DIR ?? "tests/.tmp/e2e"), "locks");
  mkdirSync(root, { recursive: true });
  const dir = join(root, name);
  try {
    mkdirSync(dir);
    return () => rmSync(dir, { recursive: true, force: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return null;
  }
}

/**
 * Resizes the viewport and reports how far the page then scrolls sideways (0 when it reflows).
 * It first waits for the page's load event: a page reached by a form post without JavaScript can
 * already show its text while its stylesheet is still loading, and laid out unstyled the
 * retention-rules table measured 503 px at 320 px (its six columns side by side; twice in CI, the
 * finished page's own snapshot reflows). Then it waits until the page's media query says it is
 * `width` wide, and measures.
 */
export async function overflowAt(page: Page, width = 320, height = 800): Promise<number> {
  await page.waitForLoadState("load");
  await page.setViewportSize({ width, height });
  await expect
    .poll(() => page.evaluate((w) => window.innerWidth === w && matchMedia(`(max-width: ${w}px)`).matches, width))
    .toBe(true);
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}
