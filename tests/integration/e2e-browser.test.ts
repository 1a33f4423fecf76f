import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { e2eBrowserPath } from "../../scripts/chromium.mjs";

/** Decision 134: the e2e tests drive Debian's headless shell of the same Chromium when they can. */
describe("the browser the end-to-end tests drive", () => {
  const debian = "/usr/bin/chromium";

  it("is the headless shell beside Debian's Chromium when it is installed", () => {
    expect(e2eBrowserPath({ env: {}, browser: debian, shellInstalled: true })).toBe("/usr/bin/chromium-headless-shell");
  });

  it("is the full browser when the shell is missing or E2E_FULL_CHROMIUM=1", () => {
    expect(e2eBrowserPath({ env: {}, browser: debian, shellInstalled: false })).toBe(debian);
    expect(e2eBrowserPath({ env: { E2E_FULL_CHROMIUM: "1" }, browser: debian, shellInstalled: true })).toBe(debian);
  });

  it("is a CHROMIUM_PATH elsewhere as it is (e.g. Playwright's own browser)", () => {
    const own = "/home/ci/.cache/ms-playwright/chromium-1200/chrome-linux/chrome";
    expect(e2eBrowserPath({ env: {}, browser: own, shellInstalled: true })).toBe(own);
  });

  it("is installed by CI next to Chromium", () => {
    const ci = readFileSync(".ci/run", "utf8");
    expect(ci).toContain("need_apt+=(chromium-headless-shell)");
  });
});
