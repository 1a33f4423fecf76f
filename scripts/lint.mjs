#!/usr/bin/env node
// `npm run lint`: the house rules (docs/decisions/051). Runs all three checks even when one
// fails, so one run shows every finding, and prints each one's time.
//   1. ESLint (eslint.config.js), no warnings allowed
//   2. Prettier: every file formatted as .prettierrc.json says
//   3. knip (knip.json): unused files, exports and dependencies
// `npm run lint -- --fix` lets ESLint and Prettier fix what they can (knip only reports).
import { spawnSync } from "node:child_process";

const fix = process.argv.includes("--fix");
const steps = [
  ["eslint", ["eslint", ".", "--max-warnings", "0", ...(fix ? ["--fix"] : [])]],
  ["prettier", ["prettier", fix ? "--write" : "--check", ".", "--log-level", "warn"]],
  ["knip", ["knip", "--no-progress"]],
];

let ok = true;
const times = [];
for (const [name, args] of steps) {
  const started = Date.now();
  const { status } = spawnSync("npx", args, { stdio: "inherit" });
  const seconds = (Date.now() - started) / 1000;
  times.push(`${name} ${seconds.toFixed(1)} s${status === 0 ? "" : " (FAILED)"}`);
  if (status !== 0) {
    ok = false;
    if (name === "prettier" && !fix) console.error("Formatting differs: run `npm run format`.");
  }
}
console.log(`lint: ${times.join(", ")}`);
process.exit(ok ? 0 : 1);
