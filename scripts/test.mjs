#!/usr/bin/env node
// `npm test`: every test there is, in the order that fails fastest.
//   0. lint (scripts/lint.mjs: ESLint, Prettier check, knip; decision 051), first in its lane:
//      it needs no build, and a lint error, a formatting difference or an unused export fails CI
//   1. typecheck (tsc --noEmit)
//   2. vitest: unit and integration tests (each test file on its own SQLite file)
//   3. remix build (the e2e tests run against the production build)
//   4. drills against the built portal as a process (tests/drills, vitest.drills.config.ts):
//      SIGKILL crash safety, backup under write load + restore, SIGTERM, hostile input, access
//   5. Playwright in real Chromium, JavaScript on and off, with axe on every page visited, and
//      the whole-site crawl sweep (tests/e2e/sweep.spec.ts)
// Ends with one line "tests: N passed, N failed" summing vitest, the drills and Playwright.
// `npm run test:heavy` (TEST_HEAVY=1) runs the drills and the sweep in their heavy variants.
// Without TEST_SERIAL=1 (which runs them one after the other) steps 0–4 run in two lanes side
// by side, so that both cores stay busy (decision 112):
//   lane 1: vitest, one worker (cores − 1), ~470 s in CI — the longest single step;
//   lane 2: lint, then typecheck, then the drills (~440 s together), with the remix build
//           beside the first of them (it takes ~12 s).
// Before, lint ran alone and the drills after vitest, while vitest's one worker left the second
// core idle for ~400 s. The drills still run one file at a time; the hostile-input drill judges
// wall-clock limits scaled by the machine's load and the server's own CPU time unscaled
// (decision 040, tests/drills/support.ts machineSlowdown), so a busy neighbour excuses nothing
// the portal itself does. Output is kept per step and printed as each step ends, so logs stay
// readable.
// Playwright (5) starts when all of that is done: it needs both cores for Chromium and the server.
import { spawn } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { chromiumHelp, chromiumPath, e2eBrowserPath, ensureChromium, ensurePoppler, popplerHelp } from "./chromium.mjs";
import { gitStatus, workTreeVerdict } from "./lib/work-tree.mjs";

// Taken before any step writes anything, for the work tree check at the end.
const statusBefore = gitStatus();

const tmp = "tests/.tmp/results";
rmSync(tmp, { recursive: true, force: true });
mkdirSync(tmp, { recursive: true });
const env = { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" };
const only = process.argv.slice(2); // e.g. `npm test -- unit` or `npm test -- e2e`
const wants = (step) => only.length === 0 || only.includes(step);
const serial = process.env.TEST_SERIAL === "1";
const runStarted = Date.now();
const timings = [];

/**
 * Runs one step. `buffered`: output goes to tests/.tmp/results/<slug>.log and is printed in one
 * piece when the step ends (for steps that run side by side); otherwise straight through.
 */
function run(title, command, args, { extraEnv = {}, buffered = false } = {}) {
  const started = Date.now();
  const logFile = join(tmp, `${title.replace(/[^a-z0-9]+/gi, "-").toLowerCase()}.log`);
  if (!buffered) console.log(`\n=== ${title} ===`);
  else console.log(`--- ${title}: started (output follows when it ends) ---`);
  return new Promise((resolvePromise) => {
    const child = spawn(command, args, {
      stdio: buffered ? ["ignore", "pipe", "pipe"] : "inherit",
      env: { ...env, ...extraEnv },
    });
    if (buffered) {
      const out = createWriteStream(logFile);
      child.stdout.pipe(out, { end: false });
      child.stderr.pipe(out, { end: false });
      child.on("close", () => out.end());
    }
    child.on("close", (code) => {
      const seconds = (Date.now() - started) / 1000;
      timings.push({ title, seconds, ok: code === 0 });
      const finish = () => {
        if (buffered) {
          console.log(`\n=== ${title} ===`);
          process.stdout.write(existsSync(logFile) ? readFileSync(logFile, "utf8") : "");
        }
        console.log(`=== ${title}: ${code === 0 ? "ok" : "FAILED"} (${seconds.toFixed(1)} s) ===`);
        resolvePromise(code === 0);
      };
      // Let the log file flush before it is printed.
      if (buffered) setTimeout(finish, 50);
      else finish();
    });
  });
}

let passed = 0;
let failed = 0;
let ok = true;

function countVitest(out) {
  if (existsSync(out)) {
    const report = JSON.parse(readFileSync(out, "utf8"));
    passed += report.numPassedTests ?? 0;
    failed += (report.numFailedTests ?? 0) + (report.numRuntimeErrorTestSuites ?? 0);
  } else failed += 1;
}

/**
 * Where Playwright's time went (decision 128): the sum of the tests' durations per spec file and
 * project, and the slowest tests, so that every CI log says which cuts are worth measuring.
 */
function printPlaywrightTimes(report) {
  const perSpec = new Map();
  const tests = [];
  const walk = (suite, file) => {
    for (const spec of suite.specs ?? [])
      for (const test of spec.tests ?? []) {
        const seconds = (test.results ?? []).reduce((sum, r) => sum + (r.duration ?? 0), 0) / 1000;
        const key = `${file} [${test.projectName}]`;
        perSpec.set(key, (perSpec.get(key) ?? 0) + seconds);
        tests.push({ title: `${file} › ${spec.title} [${test.projectName}]`, seconds });
      }
    for (const child of suite.suites ?? []) walk(child, file);
  };
  for (const suite of report.suites ?? []) walk(suite, suite.file ?? suite.title);
  const total = tests.reduce((sum, t) => sum + t.seconds, 0);
  const top = (rows) => rows.sort((a, b) => b[1] - a[1]).slice(0, 15);
  console.log(`\nplaywright: ${tests.length} tests, ${total.toFixed(0)} worker-seconds; the largest spec files:`);
  for (const [key, seconds] of top([...perSpec])) console.log(`  ${seconds.toFixed(0).padStart(5)} s  ${key}`);
  console.log("the slowest tests:");
  for (const [title, seconds] of top(tests.map((t) => [t.title, t.seconds])))
    console.log(`  ${seconds.toFixed(0).padStart(5)} s  ${title}`);
}

let building;
function build(buffered) {
  building ??= run("remix build", "npx", ["remix", "build"], { buffered });
  return building;
}

const buffered = !serial;
async function lint() {
  if (wants("lint"))
    ok = (await run("lint (eslint, prettier, knip)", "node", ["scripts/lint.mjs"], { buffered })) && ok;
}
async function typecheck() {
  if (wants("typecheck")) ok = (await run("typecheck", "npx", ["tsc", "--noEmit"], { buffered })) && ok;
}
async function unit() {
  if (!wants("unit")) return;
  // On a fresh machine the PDF checkers are installed the way Chromium is (apt-get as root or
  // with sudo); without them the PDF tests fail, so say why first.
  if (!ensurePoppler()) console.error(`\n${popplerHelp}\n`);
  const out = join(tmp, "vitest.json");
  ok =
    (await run(
      "vitest",
      "npx",
      ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${out}`],
      { buffered },
    )) && ok;
  countVitest(out);
}
async function drills() {
  if (!wants("drills")) return;
  const built = await build(buffered);
  ok = built && ok;
  if (!built) return;
  const out = join(tmp, "drills.json");
  ok =
    (await run(
      "drills (crash, backup, shutdown, hostile input, access)",
      "npx",
      [
        "vitest",
        "run",
        "-c",
        "vitest.drills.config.ts",
        "--reporter=default",
        "--reporter=json",
        `--outputFile.json=${out}`,
      ],
      { buffered },
    )) && ok;
  countVitest(out);
}

if (serial) {
  await lint();
  await typecheck();
  await unit();
  await drills();
} else {
  const needsBuild = wants("drills") || wants("e2e");
  await Promise.all([
    unit(),
    needsBuild ? build(buffered) : null,
    (async () => {
      await lint();
      await typecheck();
      await drills();
    })(),
  ]);
}

if (wants("e2e")) {
  // On a fresh machine this installs Chromium itself (apt-get as root or with sudo, else
  // Playwright's download), as .ci/run does; CHROMIUM_PATH set by hand is never installed over.
  if (!ensureChromium()) {
    console.error(`\n${chromiumHelp}\n`);
    ok = false;
    failed += 1;
  } else {
    const built = await build(false);
    ok = built && ok;
    const out = join(tmp, "playwright.json");
    rmSync("tests/.tmp/sweep", { recursive: true, force: true });
    // The heavy run repeats only the sweep (the other journeys are the same in both runs).
    const files = process.env.TEST_HEAVY === "1" ? ["tests/e2e/sweep.spec.ts"] : [];
    // Which browser the run drives (decision 134: Debian's headless shell when it is installed).
    console.log(`playwright drives ${e2eBrowserPath()}`);
    if (built)
      ok =
        (await run("playwright", "npx", ["playwright", "test", ...files, "--reporter=list,json"], {
          extraEnv: { PLAYWRIGHT_JSON_OUTPUT_NAME: out, CHROMIUM_PATH: chromiumPath },
        })) && ok;
    // The sweep's results feed the accessibility statement (build/a11y-results.json, untracked).
    await run("accessibility results for /tillganglighet", "node", ["scripts/a11y-report.mjs"]);
    if (existsSync(out)) {
      printPlaywrightTimes(JSON.parse(readFileSync(out, "utf8")));
      const stats = JSON.parse(readFileSync(out, "utf8")).stats ?? {};
      passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
      failed += stats.unexpected ?? 0;
    } else failed += 1;
  }
}

// `npm test` must leave the work tree as it found it (issue 17): every file a step writes belongs
// in an ignored directory. Outside a git checkout (an unpacked release) this only warns.
const verdict = workTreeVerdict(statusBefore, gitStatus());
if (verdict.level === "fail") {
  console.error(`\n${verdict.message}`);
  ok = false;
  failed += 1;
} else if (verdict.level === "warn") console.warn(`\n${verdict.message}`);
else console.log(`\n${verdict.message}`);

console.log(
  `\nsteps: ${timings.map((t) => `${t.title} ${t.seconds.toFixed(0)} s${t.ok ? "" : " (FAILED)"}`).join(", ")}; wall clock ${((Date.now() - runStarted) / 1000).toFixed(0)} s${serial ? " (serial)" : ""}`,
);
console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(ok && failed === 0 ? 0 : 1);
