// Where Chromium is and how it is started, shared by Playwright, the screenshot script and
// the benchmarks. CHROMIUM_PATH points elsewhere (e.g. Playwright's own browser) when wanted.
import { existsSync } from "node:fs";

export const chromiumPath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

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

export const chromiumHelp = `Chromium was not found at ${chromiumPath}.
The end-to-end tests drive a real Chromium. Get one in any of these ways:
  - Debian/Ubuntu:   sudo apt-get update && sudo apt-get install -y chromium
  - any browser:     CHROMIUM_PATH=/path/to/chrome npm test
  - with internet:   npx playwright install chromium, then
                     CHROMIUM_PATH=$(node -e "console.log(require('playwright-core').chromium.executablePath())") npm test`;
