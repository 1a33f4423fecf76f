// Where Chromium is and how it is started, shared by Playwright, the screenshot script and
// the benchmarks. CHROMIUM_PATH points elsewhere (e.g. Playwright's own browser) when wanted.
// `ensureChromium()` lets `npm test` fetch what it needs itself on a fresh machine, as .ci/run does.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";

export let chromiumPath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

export const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

/**
 * The browser the end-to-end tests drive (decision 134). Debian's `chromium-headless-shell` is
 * the same Chromium release as `chromium` (same Blink, V8 and axe results) built without the
 * desktop browser around it: no GPU process, no compositor frames for a window nobody sees. It
 * took 30 % less CPU than `chromium --headless` for the same page loads and axe scans, and CPU is
 * what limits Playwright's two workers on two cores. It is used when it is installed and the
 * browser is Debian's default one; a CHROMIUM_PATH elsewhere (e.g. Playwright's own browser) is
 * used as it is, and E2E_FULL_CHROMIUM=1 goes back to the full browser (to compare, or to rule
 * the shell out).
 */
const headlessShellPath = "/usr/bin/chromium-headless-shell";
/** @param {{ env?: Record<string, string | undefined>, browser?: string, shellInstalled?: boolean }} [options] */
export function e2eBrowserPath({
  env = process.env,
  browser = chromiumPath,
  shellInstalled = existsSync(headlessShellPath),
} = {}) {
  const useShell = env.E2E_FULL_CHROMIUM !== "1" && browser === "/usr/bin/chromium" && shellInstalled;
  return useShell ? headlessShellPath : browser;
}

export function chromiumAvailable() {
  return existsSync(chromiumPath);
}

const has = (command) => spawnSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" }).status === 0;
const isRoot = typeof process.getuid === "function" && process.getuid() === 0;

/** Debian/Ubuntu: installs `packages` by apt-get (root or sudo -n); false when that is impossible. */
function installWithApt(packages, why) {
  if (!has("apt-get")) return false;
  const prefix = isRoot
    ? []
    : spawnSync("sudo", ["-n", "true"], { stdio: "ignore" }).status === 0
      ? ["sudo", "-n"]
      : null;
  if (!prefix) return false;
  const run = (args) => {
    const [command, ...rest] = [...prefix, ...args];
    return (
      spawnSync(command, rest, { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } })
        .status === 0
    );
  };
  console.log(`${why}: installing Debian's ${packages.join(" and ")} with apt-get`);
  return run(["apt-get", "update", "-qq"]) && run(["apt-get", "install", "-y", "-qq", ...packages]);
}

/** Elsewhere (macOS, other Linux): Playwright's own Chromium, where the machine may download it. */
function installWithPlaywright() {
  console.log("Chromium is missing: trying `npx playwright install chromium`");
  if (spawnSync("npx", ["playwright", "install", "chromium"], { stdio: "inherit" }).status !== 0) return false;
  try {
    const require = createRequire(import.meta.url);
    const path = require("playwright-core").chromium.executablePath();
    if (!existsSync(path)) return false;
    chromiumPath = path;
    process.env.CHROMIUM_PATH = path;
    return true;
  } catch {
    return false;
  }
}

/**
 * Makes sure a Chromium is there for the end-to-end tests. An explicit CHROMIUM_PATH is taken as
 * it is (never installed over); otherwise apt-get, then Playwright's download. Returns false with
 * nothing changed when neither works (the caller prints `chromiumHelp`).
 */
export function ensureChromium() {
  if (chromiumAvailable()) return ensureHeadlessShell();
  if (process.env.CHROMIUM_PATH) return false;
  if (installWithApt(["chromium", "fonts-dejavu-core"], "Chromium is missing") && chromiumAvailable())
    return ensureHeadlessShell();
  return installWithPlaywright();
}

/**
 * Beside Debian's Chromium, its headless shell (see `e2eBrowserPath`), installed the same way;
 * without it the tests run in the full browser, only slower.
 */
function ensureHeadlessShell() {
  const wanted = chromiumPath === "/usr/bin/chromium" && process.env.E2E_FULL_CHROMIUM !== "1";
  if (wanted && !existsSync(headlessShellPath))
    installWithApt(["chromium-headless-shell"], "Chromium's headless shell (faster e2e) is missing");
  return true;
}

/**
 * The PDF tests judge our PDFs with poppler's `pdfinfo` and `pdftotext`, a checker we did not
 * write. On a fresh Debian/Ubuntu machine they are installed as Chromium is; false when missing.
 */
export function ensurePoppler() {
  if (has("pdfinfo") && has("pdftotext")) return true;
  return installWithApt(["poppler-utils"], "pdfinfo/pdftotext are missing") && has("pdfinfo") && has("pdftotext");
}

export const popplerHelp = `poppler's pdfinfo and pdftotext were not found, and could not be installed.
The PDF tests check every PDF with them. Debian/Ubuntu: sudo apt-get install -y poppler-utils;
macOS: brew install poppler.`;

export const chromiumHelp = `Chromium was not found at ${chromiumPath}, and could not be installed.
The end-to-end tests drive a real Chromium. Get one in any of these ways:
  - Debian/Ubuntu:   sudo apt-get update && sudo apt-get install -y chromium
  - any browser:     CHROMIUM_PATH=/path/to/chrome npm test
  - with internet:   npx playwright install chromium, then
                     CHROMIUM_PATH=$(node -e "console.log(require('playwright-core').chromium.executablePath())") npm test`;
