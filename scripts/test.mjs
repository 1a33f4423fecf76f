#!/usr/bin/env node
// `npm test`: every test there is, in the order that fails fastest.
//   1. typecheck (tsc --noEmit)
//   2. vitest: unit and integration tests (each test file on its own SQLite file)
//   3. remix build (the e2e tests run against the production build)
//   4. drills against the built portal as a process (tests/drills, vitest.drills.config.ts):
//      SIGKILL crash safety, backup under write load + restore, SIGTERM, hostile input, access
//   5. Playwright in real Chromium, JavaScript on and off, with axe on every page visited, and
//      the whole-site crawl sweep (tests/e2e/sweep.spec.ts)
// Ends with one line "tests: N passed, N failed" summing vitest, the drills and Playwright.
// `npm run test:heavy` (TEST_HEAVY=1) runs the drills and the sweep in their heavy variants.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { chromiumAvailable, chromiumHelp } from "./chromium.mjs";

const tmp = "tests/.tmp/results";
rmSync(tmp, { recursive: true, force: true });
mkdirSync(tmp, { recursive: true });
const env = { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" };
const only = process.argv.slice(2); // e.g. `npm test -- unit` or `npm test -- e2e`
const wants = (step) => only.length === 0 || only.includes(step);

function run(title, command, args, extraEnv = {}) {
  console.log(`\n=== ${title} ===`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...env, ...extraEnv } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`=== ${title}: ${result.status === 0 ? "ok" : "FAILED"} (${seconds} s) ===`);
  return result.status === 0;
}

let passed = 0;
let failed = 0;
let ok = true;

if (wants("typecheck")) ok = run("typecheck", "npx", ["tsc", "--noEmit"]) && ok;

if (wants("unit")) {
  const out = join(tmp, "vitest.json");
  ok = run("vitest", "npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${out}`]) && ok;
  if (existsSync(out)) {
    const report = JSON.parse(readFileSync(out, "utf8"));
    passed += report.numPassedTests ?? 0;
    failed += (report.numFailedTests ?? 0) + (report.numRuntimeErrorTestSuites ?? 0);
  } else failed += 1;
}

function countVitest(out) {
  if (existsSync(out)) {
    const report = JSON.parse(readFileSync(out, "utf8"));
    passed += report.numPassedTests ?? 0;
    failed += (report.numFailedTests ?? 0) + (report.numRuntimeErrorTestSuites ?? 0);
  } else failed += 1;
}

let built = false;
function build() {
  if (built) return true;
  built = run("remix build", "npx", ["remix", "build"]);
  return built;
}

if (wants("drills")) {
  ok = build() && ok;
  const out = join(tmp, "drills.json");
  ok = run("drills (crash, backup, shutdown, hostile input, access)", "npx", ["vitest", "run", "-c", "vitest.drills.config.ts", "--reporter=default", "--reporter=json", `--outputFile.json=${out}`]) && ok;
  countVitest(out);
}

if (wants("e2e")) {
  if (!chromiumAvailable()) {
    console.error(`\n${chromiumHelp}\n`);
    ok = false;
    failed += 1;
  } else {
    ok = build() && ok;
    const out = join(tmp, "playwright.json");
    rmSync("tests/.tmp/sweep", { recursive: true, force: true });
    // The heavy run repeats only the sweep (the other journeys are the same in both runs).
    const files = process.env.TEST_HEAVY === "1" ? ["tests/e2e/sweep.spec.ts"] : [];
    ok = run("playwright", "npx", ["playwright", "test", ...files, "--reporter=list,json"], { PLAYWRIGHT_JSON_OUTPUT_NAME: out }) && ok;
    // The sweep's results feed the accessibility statement (app/data/a11y-results.json).
    run("accessibility results for /tillganglighet", "node", ["scripts/a11y-report.mjs"]);
    if (existsSync(out)) {
      const stats = JSON.parse(readFileSync(out, "utf8")).stats ?? {};
      passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
      failed += stats.unexpected ?? 0;
    } else failed += 1;
  }
}

console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(ok && failed === 0 ? 0 : 1);
