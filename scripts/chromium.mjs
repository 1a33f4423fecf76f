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

export function chromiumAvailable() {
  return existsSync(chromiumPath);
}

const has = (command) => spawnSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" }).status === 0;
const isRoot = typeof process.getuid === "function" && process.getuid() === 0;

/** Debian/Ubuntu: Chromium and the font the PDFs and screenshots use, by apt-get (root or sudo -n). */
function installWithApt() {
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
  console.log("Chromium is missing: installing Debian's chromium and fonts-dejavu-core with apt-get");
  return run(["apt-get", "update", "-qq"]) && run(["apt-get", "install", "-y", "-qq", "chromium", "fonts-dejavu-core"]);
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
  if (chromiumAvailable()) return true;
  if (process.env.CHROMIUM_PATH) return false;
  if (installWithApt() && chromiumAvailable()) return true;
  return installWithPlaywright();
}

export const chromiumHelp = `Chromium was not found at ${chromiumPath}, and could not be installed.
The end-to-end tests drive a real Chromium. Get one in any of these ways:
  - Debian/Ubuntu:   sudo apt-get update && sudo apt-get install -y chromium
  - any browser:     CHROMIUM_PATH=/path/to/chrome npm test
  - with internet:   npx playwright install chromium, then
                     CHROMIUM_PATH=$(node -e "console.log(require('playwright-core').chromium.executablePath())") npm test`;
