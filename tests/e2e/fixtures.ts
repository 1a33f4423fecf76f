import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Browser, type Page } from "@playwright/test";

export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/**
 * axe needs JavaScript in the page it inspects, and in a JavaScript-disabled context it hangs
 * (STACK.md pitfall 3). For such pages we copy the server-rendered HTML into a sidecar page of
 * a JavaScript-enabled context on the same origin (so the same CSS loads), with the app's own
 * scripts blocked, and run axe there: it sees exactly what the no-JS visitor sees.
 */
async function axeTarget(browser: Browser, page: Page, jsOff: boolean): Promise<{ target: Page; close: () => Promise<void> }> {
  if (!jsOff) return { target: page, close: async () => {} };
  const html = await page.content();
  const url = new URL(page.url());
  const sidecarContext = await browser.newContext({ javaScriptEnabled: true, viewport: page.viewportSize() ?? undefined });
  const sidecar = await sidecarContext.newPage();
  await sidecar.route("**/build/**/*.js", (route) => route.abort());
  await sidecar.goto(`${url.origin}/healthz`);
  await sidecar.setContent(html, { waitUntil: "load" });
  return { target: sidecar, close: () => sidecarContext.close() };
}

export async function expectAccessible(page: Page, browser: Browser, jsOff: boolean, label = page.url()) {
  const { target, close } = await axeTarget(browser, page, jsOff);
  try {
    const results = await new AxeBuilder({ page: target }).withTags(AXE_TAGS).analyze();
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
      const documents = new Set<string>();
      page.on("response", (response) => {
        if (response.request().isNavigationRequest()) documents.add(response.url());
      });
      page.on("console", (msg) => {
        if (msg.type() !== "error") return;
        if (msg.text().startsWith("Failed to load resource") && documents.has(msg.location().url)) return;
        errors.push(`${msg.text()} (${msg.location().url})`);
      });
      page.on("pageerror", (err) => errors.push(err.message));
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
