// Every SQL text the portal prepares (decision 185): preloaded with `--require`, it wraps
// better-sqlite3's `prepare` and on SIGUSR2 writes the distinct texts, in full, as a JSON array to
// PROF_SQL_RECORD_FILE (default /tmp/sql-record.json). plans.mjs asks SQLite how it runs each.
"use strict";
const { writeFileSync } = require("node:fs");
const Database = require(require.resolve("better-sqlite3", { paths: [process.cwd()] }));

const out = process.env.PROF_SQL_RECORD_FILE ?? "/tmp/sql-record.json";
const seen = new Set();
const prepare = Database.prototype.prepare;
Database.prototype.prepare = function (sql, ...rest) {
  seen.add(String(sql));
  return prepare.call(this, sql, ...rest);
};
process.on("SIGUSR2", () => writeFileSync(out, JSON.stringify([...seen])));
