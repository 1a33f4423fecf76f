// Per-statement timing inside the portal (decision 178): preloaded with `--require`, it wraps
// better-sqlite3's statements (run, get, all, iterate) and `exec`, and on SIGUSR2 writes how often
// each SQL text ran and its total milliseconds to PROF_SQL_TIME_FILE (default /tmp/sql-time.tsv),
// slowest first, then starts counting again. The time is the statement's own (SQLite and
// better-sqlite3), not drizzle's mapping, and not COMMIT inside a transaction function.
"use strict";
const { writeFileSync } = require("node:fs");
const Database = require(require.resolve("better-sqlite3", { paths: [process.cwd()] }));

const out = process.env.PROF_SQL_TIME_FILE ?? "/tmp/sql-time.tsv";
const stats = new Map();
const oneLine = (sql) => sql.split(/\s+/).join(" ").slice(0, 200);

function timed(key, call) {
  const started = process.hrtime.bigint();
  try {
    return call();
  } finally {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const s = stats.get(key);
    if (s) {
      s.n++;
      s.ms += ms;
    } else stats.set(key, { n: 1, ms });
  }
}

const prepare = Database.prototype.prepare;
Database.prototype.prepare = function (sql) {
  const statement = prepare.call(this, sql);
  const text = oneLine(sql);
  for (const method of ["run", "get", "all", "iterate"]) {
    const original = statement[method];
    statement[method] = function (...args) {
      return timed(`${method} ${text}`, () => original.apply(this, args));
    };
  }
  return statement;
};
const exec = Database.prototype.exec;
Database.prototype.exec = function (sql) {
  return timed(`exec ${oneLine(sql)}`, () => exec.call(this, sql));
};

process.on("SIGUSR2", () => {
  const rows = [...stats].sort((a, b) => b[1].ms - a[1].ms);
  writeFileSync(out, rows.map(([k, { n, ms }]) => `${n}\t${ms.toFixed(3)}\t${k}`).join("\n") + "\n");
  stats.clear();
});
