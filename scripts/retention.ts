#!/usr/bin/env -S npx tsx
// `npm run retention`: one retention run (docs/decisions/059) — archive packages first, then
// deletion or thinning of exactly the cases the rules name, then the audit log past its period.
//   npm run retention -- --dry-run                 only print what a run would do
//   npm run retention -- --dry-run --now=2030-01-01 the same on a clock moved forward
// Exit code 1 when a case could not be archived (nothing of that case was deleted).
import { closeDatabase, prepareDatabase } from "~/db.server";
import { runRetention } from "~/services/retention.server";

const args = process.argv.slice(2);
const dryRun = args.includes("--dry-run");
const nowArg = args.find((a) => a.startsWith("--now="))?.slice("--now=".length);
const now = nowArg ? new Date(nowArg) : new Date();
if (Number.isNaN(now.getTime())) {
  console.error(`--now: not a date: ${nowArg}`);
  process.exit(2);
}

prepareDatabase();
const report = await runRetention({ now, dryRun });
console.log(`${dryRun ? "Dry run" : "Run"} at ${report.now}: ${report.cases.length} case(s)`);
for (const c of report.cases) {
  const what = c.action === "delete" ? "archive+delete" : "archive+thin  ";
  const outcome = c.outcome ? ` ${c.outcome}${c.error ? ` (${c.error})` : ""}` : "";
  console.log(
    `${what} ${c.reference} ${c.caseType} ${c.municipalityName} closed ${c.closedAt.slice(0, 10)} due ${c.dueAt.slice(0, 10)}${outcome}`,
  );
}
console.log(
  `audit log: ${report.audit.rows} row(s) before ${report.audit.cutoff.slice(0, 10)} ${dryRun ? "would be" : "were"} exported and thinned${report.audit.exported ? ` (${report.audit.exported})` : ""}`,
);
closeDatabase();
process.exit(report.cases.some((c) => c.outcome === "failed") ? 1 : 0);
