// Lighthouse on a page of the running portal (decision 182): its four category scores and its
// Total Blocking Time, as Google's tool gives them with its defaults (mobile, simulated
// throttling), in the machine's Chromium (scripts/chromium.mjs, CHROMIUM_PATH). Issue 18's
// e-service row names "Lighthouse TBT ≤ 100 ms"; its opening names performance, accessibility,
// best practices and SEO at 100 for the information pages. Lighthouse 12: 13 needs Node 22.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromiumArgs, chromiumPath } from "../chromium.mjs";

const require = createRequire(import.meta.url);
export const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"];

/** What one Lighthouse report (its JSON) says: the scores (0–100) and the timings in ms. */
export function summarise(report) {
  if (report.runtimeError?.code)
    throw new Error(`Lighthouse: ${report.runtimeError.code} ${report.runtimeError.message ?? ""}`);
  const ms = (id) => report.audits?.[id]?.numericValue ?? null;
  const scores = {};
  for (const c of CATEGORIES) {
    const score = report.categories?.[c]?.score;
    scores[c] = typeof score === "number" ? Math.round(score * 100) : null;
  }
  return {
    version: report.lighthouseVersion,
    formFactor: report.configSettings?.formFactor,
    throttling: report.configSettings?.throttlingMethod,
    scores,
    tbtMs: ms("total-blocking-time"),
    fcpMs: ms("first-contentful-paint"),
    lcpMs: ms("largest-contentful-paint"),
    ttiMs: ms("interactive"),
    cls: ms("cumulative-layout-shift"),
    warnings: report.runWarnings ?? [],
  };
}

/** The run whose TBT is the median of `runs` (the lower middle one of an even count), with every run's TBT. */
export function medianRun(runs) {
  if (runs.length === 0) throw new Error("no Lighthouse run");
  const sorted = [...runs].sort((a, b) => (a.tbtMs ?? Infinity) - (b.tbtMs ?? Infinity));
  return { ...sorted[Math.floor((sorted.length - 1) / 2)], tbtRunsMs: runs.map((r) => r.tbtMs) };
}

function runOnce(url, { timeoutMs }) {
  const dir = mkdtempSync(join(tmpdir(), "lighthouse-"));
  const out = join(dir, "report.json");
  const args = [
    require.resolve("lighthouse/cli/index.js"),
    url,
    "--quiet",
    "--output=json",
    `--output-path=${out}`,
    `--chrome-flags=--headless=new ${chromiumArgs.join(" ")}`,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      env: { ...process.env, CHROME_PATH: chromiumPath },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (c) => (stderr = (stderr + c).slice(-2000)));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      try {
        if (code !== 0) throw new Error(`lighthouse exited ${code ?? signal}: ${stderr.trim().slice(-400)}`);
        resolve(summarise(JSON.parse(readFileSync(out, "utf8"))));
      } catch (error) {
        reject(error);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}

/** `runs` Lighthouse runs of `url`, one after another; the median run by TBT (medianRun). */
export async function lighthouse(url, { runs = 3, timeoutMs = 120_000 } = {}) {
  if (!existsSync(chromiumPath)) throw new Error(`no Chromium at ${chromiumPath} (set CHROMIUM_PATH)`);
  const results = [];
  for (let i = 0; i < runs; i++) results.push(await runOnce(url, { timeoutMs }));
  return medianRun(results);
}
