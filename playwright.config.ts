import { defineConfig } from "@playwright/test";
import { chromiumArgs, e2eBrowserPath } from "./scripts/chromium.mjs";

const port = Number(process.env.E2E_PORT ?? 3210);
export const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: "tests/e2e",
  // Fails the run when the server log contains a personnummer (tests/e2e/log-scan.ts).
  globalTeardown: "./tests/e2e/global-teardown.ts",
  outputDir: "test-results",
  // The longest journeys without a timeout of their own took 55 s in CI (decision 096).
  timeout: 90_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  // Chromium keeps both cores busy with two workers: four made each test 2.6 times slower, a
  // quarter less done per minute (docs/decisions/096). E2E_WORKERS overrides on bigger machines.
  workers: Number(process.env.E2E_WORKERS ?? 2),
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    locale: "sv-SE",
    timezoneId: "Europe/Stockholm",
    actionTimeout: 10_000,
    navigationTimeout: 20_000,
    // A failed test keeps its trace (actions, DOM snapshots before and after each, network,
    // console), but no screencast: encoding a frame of every paint is CPU that every passing
    // test paid for nothing (decision 134; 3.8 % of a spec's CPU).
    trace: { mode: "retain-on-failure", screenshots: false, snapshots: true, sources: true },
    launchOptions: { executablePath: e2eBrowserPath(), args: chromiumArgs },
  },
  projects: [
    { name: "js-on", use: { javaScriptEnabled: true, viewport: { width: 1280, height: 900 } } },
    { name: "js-off", use: { javaScriptEnabled: false, viewport: { width: 1280, height: 900 } } },
  ],
  webServer: {
    command: "node scripts/e2e-server.mjs",
    url: `${baseURL}/healthz`,
    env: { PORT: String(port) },
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "ignore",
    stderr: "pipe",
  },
});
