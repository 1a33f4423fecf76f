#!/usr/bin/env node
// `npm run backup [-- <target-dir>] [--include-secrets]`: a consistent online backup while the portal runs.
// Keys (DATA_ENCRYPTION_KEY, SESSION_SECRET) are NOT in a backup unless --include-secrets is
// given: in production they live in the environment and are kept apart from the data they
// protect (docs/decisions/021). For development data directories the flag copies the
// generated key files too, so that a restored copy can decrypt its data.
// The database is copied with SQLite's online backup API (readers and writers carry on;
// the copy is a consistent snapshot), then the uploaded files and decision documents are copied, and a manifest
// with row counts and checksums is written last: a backup without a manifest is incomplete.
import Database from "better-sqlite3";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";

const dataDir = resolve(process.env.DATA_DIR ?? "data");
const dbPath = resolve(process.env.DATABASE_PATH ?? join(dataDir, "portal.db"));
const stamp = new Date().toISOString().replace(/[:.]/g, "-");
const args = process.argv.slice(2);
const includeSecrets = args.includes("--include-secrets");
const positional = args.filter((a) => !a.startsWith("--"));
const target = resolve(positional[0] ?? join(process.env.BACKUP_DIR ?? "backups", `portal-${stamp}`));

if (!existsSync(dbPath)) {
  console.error(`No database at ${dbPath} (set DATABASE_PATH or DATA_DIR).`);
  process.exit(1);
}
if (existsSync(target) && readdirSync(target).length > 0) {
  console.error(`Target ${target} is not empty; choose another directory.`);
  process.exit(1);
}
mkdirSync(target, { recursive: true });

const started = Date.now();
const source = new Database(dbPath, { readonly: true, fileMustExist: true });
source.pragma("busy_timeout = 5000");
await source.backup(join(target, "portal.db"));
source.close();

// Row counts and integrity of the copy, not of the live file.
const copy = new Database(join(target, "portal.db"), { readonly: true });
const integrity = copy.pragma("integrity_check", { simple: true });
const tables = copy
  .prepare(
    "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '%_fts%' order by name",
  )
  .all()
  .map((r) => r.name);
const rowCounts = Object.fromEntries(tables.map((t) => [t, copy.prepare(`select count(*) as n from "${t}"`).get().n]));
copy.close();

const files = [];
// Uploads and the decision documents as sent, both encrypted at rest (docs/decisions/043): copied
// as they are, so the checksums are of the encrypted bytes and a restore needs the same key.
for (const sub of ["uploads", "decisions"]) {
  const source = join(dataDir, sub);
  if (!existsSync(source)) continue;
  cpSync(source, join(target, sub), { recursive: true, preserveTimestamps: true });
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else
        files.push({
          path: relative(target, path),
          sha256: createHash("sha256").update(readFileSync(path)).digest("hex"),
        });
    }
  };
  walk(join(target, sub));
}

let secrets = 0;
if (includeSecrets) {
  mkdirSync(join(target, "secrets"), { recursive: true, mode: 0o700 });
  for (const name of readdirSync(dataDir).filter((n) => n.startsWith(".") && statSync(join(dataDir, n)).isFile())) {
    cpSync(join(dataDir, name), join(target, "secrets", name));
    secrets += 1;
  }
}

const manifest = {
  secrets,
  createdAt: new Date().toISOString(),
  source: { database: dbPath, dataDir },
  integrity,
  rowCounts,
  files: files.length,
  fileChecksums: files,
  seconds: (Date.now() - started) / 1000,
};
writeFileSync(join(target, "manifest.json"), JSON.stringify(manifest, null, 2));
if (integrity !== "ok") {
  console.error(`Backup written to ${target} but integrity_check said: ${integrity}`);
  process.exit(1);
}
console.log(
  `Backup written to ${target}: ${tables.length} tables, ${files.length} files, ${manifest.seconds.toFixed(1)} s`,
);
