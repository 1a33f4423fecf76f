#!/usr/bin/env node
// Writes into the portal's database from another process until killed: small transactions
// that clone existing rows (scripts/bench/seed-large.mjs), so a backup can be taken under
// write load. usage: node write-load.mjs <portal.db> [table ...]
import Database from "better-sqlite3";
import { existingTables, seedLarge } from "./seed-large.mjs";

const [dbPath, ...wanted] = process.argv.slice(2);
const db = new Database(dbPath, { readonly: true });
const present = existingTables(db);
const counts = () => Object.fromEntries(tables.map((t) => [t, db.prepare(`select count(*) as n from "${t}"`).get().n]));
// The busiest tables the schema has; on a young schema, whatever content table exists.
const tables = (wanted.length ? wanted : ["case", "diarium_entry", "case_event", "service", "page", "administration"])
  .filter((t) => present.has(t))
  .slice(0, 3);
let writes = 0;
process.on("SIGTERM", () => {
  console.log(JSON.stringify({ writes }));
  process.exit(0);
});
for (;;) {
  const c = counts();
  seedLarge(dbPath, {
    targets: Object.fromEntries(tables.map((t) => [t, c[t] + 5])),
    seed: writes + 1,
    concurrent: true,
  });
  writes++;
  await new Promise((r) => setTimeout(r, 5));
}
