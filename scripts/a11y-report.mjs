#!/usr/bin/env node
// Turns the whole-site sweep's output (tests/.tmp/sweep/*.json, written by tests/e2e/sweep.spec.ts)
// into build/a11y-results.json, which the accessibility statement (/tillganglighet) reads at run time.
// Run by `npm test` after Playwright. The file is generated and untracked (decision 054): it sits
// beside the build it was measured on, so `npm test` leaves the work tree clean and a deployed
// build carries the results of its own sweep; without it the statement says the checks have not run.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

const dir = "tests/.tmp/sweep";
const out = "build/a11y-results.json";
if (!existsSync(dir) || readdirSync(dir).length === 0) {
  console.log(`a11y-report: no sweep output; ${out} left as it is`);
  process.exit(0);
}
const runs = readdirSync(dir)
  .filter((f) => f.endsWith(".json"))
  .map((f) => JSON.parse(readFileSync(join(dir, f), "utf8")));
const pages = new Set();
let visits = 0;
let violations = 0;
let langErrors = 0;
let h1Errors = 0;
for (const r of runs) {
  for (const p of r.pages) {
    pages.add(p.path);
    visits++;
    violations += p.violations.length;
    if (!["sv", "en"].includes(p.lang)) langErrors++;
    if (p.h1 !== 1) h1Errors++;
  }
}
// The PDF/UA checks of every generated PDF (tests/integration/pdf-ua.test.ts, decision 084).
const pdfFile = "tests/.tmp/pdf-ua/results.json";
let pdf;
if (existsSync(pdfFile)) {
  const docs = JSON.parse(readFileSync(pdfFile, "utf8"));
  const checks = docs.flatMap((d) => d.checks.map((c) => ({ ...c, document: d.document })));
  pdf = {
    documents: docs.length,
    checks: checks.length,
    checkpoints: new Set(checks.map((c) => c.checkpoint.split(" ")[0])).size,
    failures: checks.filter((c) => !c.ok).map((c) => ({ document: c.document, checkpoint: c.checkpoint })),
  };
}
const result = {
  date: new Date().toISOString().slice(0, 10),
  tool: "axe-core 4.13 (WCAG 2.0 and 2.1, A and AA) in Chromium through Playwright",
  pages: pages.size,
  visits,
  combinations: runs
    .map((r) => ({ role: r.role, viewport: r.viewport, javascript: r.javascript, pages: r.pages.length }))
    .sort((a, b) => `${a.role}${a.viewport}${a.javascript}`.localeCompare(`${b.role}${b.viewport}${b.javascript}`)),
  roles: [...new Set(runs.map((r) => r.role))],
  axeViolations: violations,
  serverErrors: runs.reduce((n, r) => n + r.serverErrors.length, 0),
  brokenLinks: runs.reduce((n, r) => n + r.brokenLinks.length, 0),
  langErrors,
  h1Errors,
  ...(pdf ? { pdf } : {}),
};
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(result, null, 2) + "\n");
console.log(`a11y-report: ${result.pages} pages, ${visits} visits, ${violations} axe violations -> ${out}`);
