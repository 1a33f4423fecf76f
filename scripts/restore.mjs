#!/usr/bin/env node
// `npm run restore -- <backup-dir> [<data-dir>]`: restore a backup made by `npm run backup`
// into an EMPTY data directory (default: DATA_DIR). The portal must not be running on it.
// Checks the manifest, the database's integrity and every file's checksum before it says ok.
import Database from "better-sqlite3";
import { createHash } from "node:crypto";
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

const [from, to] = process.argv.slice(2);
if (!from) {
  console.error("usage: npm run restore -- <backup-dir> [<data-dir>]");
  process.exit(2);
}
const backup = resolve(from);
const dataDir = resolve(to ?? process.env.DATA_DIR ?? "data");
const manifestPath = join(backup, "manifest.json");
if (!existsSync(manifestPath)) {
  console.error(`${backup} has no manifest.json: not a complete backup.`);
  process.exit(1);
}
const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
const existing = existsSync(dataDir) ? readdirSync(dataDir).filter((n) => !n.startsWith(".")) : [];
if (existing.length > 0) {
  console.error(`${dataDir} is not empty (${existing.slice(0, 5).join(", ")}…). Restore into an empty directory.`);
  process.exit(1);
}
mkdirSync(dataDir, { recursive: true });
copyFileSync(join(backup, "portal.db"), join(dataDir, "portal.db"));
for (const sub of ["uploads", "decisions"]) {
  if (existsSync(join(backup, sub))) cpSync(join(backup, sub), join(dataDir, sub), { recursive: true });
}
if (existsSync(join(backup, "secrets"))) {
  for (const name of readdirSync(join(backup, "secrets")))
    copyFileSync(join(backup, "secrets", name), join(dataDir, name));
}

const db = new Database(join(dataDir, "portal.db"));
const integrity = db.pragma("integrity_check", { simple: true });
const mismatched = Object.entries(manifest.rowCounts).filter(
  ([table, n]) => db.prepare(`select count(*) as n from "${table}"`).get().n !== n,
);
db.close();
const badFiles = manifest.fileChecksums.filter(
  (f) =>
    createHash("sha256")
      .update(readFileSync(join(dataDir, f.path)))
      .digest("hex") !== f.sha256,
);
if (integrity !== "ok" || mismatched.length > 0 || badFiles.length > 0) {
  console.error(JSON.stringify({ integrity, mismatched, badFiles: badFiles.map((f) => f.path) }));
  process.exit(1);
}
console.log(
  `Restored ${backup} into ${dataDir}: integrity ok, ${Object.keys(manifest.rowCounts).length} tables and ${manifest.files} files match the manifest.`,
);
