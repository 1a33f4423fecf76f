#!/usr/bin/env node
// Which statements walk a large table (decision 185). Starts the built portal on a copy of the
// bench's large data set (large-data.mjs) with sql-record.cjs preloaded, and uses it as people do:
// form walks to a receipt, public pages and searches, an officer's queue, search, statistics and a
// case (the real password + TOTP log-in), a resident's Mina sidor (the test e-ID provider). Then it
// asks SQLite for the plan of every statement the portal prepared and prints those that SCAN a
// table of more than --rows rows (default 2,000). A scan there grows with the data: decision 184's
// draft look-up was one, invisible in the bench until the data set had drafts. Run from a
// checkout with a build: `node --import tsx scripts/prof/plans.mjs [--port=3494] [--rows=2000]`.
import Database from "better-sqlite3";
import { readFileSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { CookieJar, submitForm } from "../lib/form-walker.mjs";
import { residentLogin, seededStaffLogin } from "../lib/login.mjs";
import { PORTAL_NODE_FLAGS } from "../lib/node-flags.mjs";
import { LOAD_LIMITS_ENV, sleep, startPortal } from "../lib/server.mjs";
import { freshDataDir } from "./large-data.mjs";

const { values: o } = parseArgs({
  options: { port: { type: "string", default: "3494" }, rows: { type: "string", default: "2000" } },
});
const recordFile = `/tmp/sql-record-${o.port}.json`;
const dataDir = await freshDataDir({ large: true });
const portal = await startPortal({
  dataDir,
  port: Number(o.port),
  nodeFlags: [...PORTAL_NODE_FLAGS, "--require", resolve("scripts/prof/sql-record.cjs")],
  env: { ...LOAD_LIMITS_ENV, PROF_SQL_RECORD_FILE: recordFile },
  mailProcess: "sink",
});
const base = portal.url;

/** GET `path` with `cookie`; its status. */
async function visit(path, cookie) {
  const r = await fetch(base + path, { headers: cookie ? { cookie } : {} });
  const html = await r.text();
  console.log(`${r.status} ${path}`);
  return html;
}

try {
  for (let i = 0; i < 3; i++) {
    const r = await submitForm(`${base}/blanketter/felanmalan-gata-park`, { jar: new CookieJar() });
    console.log(`walk ${r.ok ? r.reference : `failed: ${r.error}`}`);
  }
  for (const path of [
    "/",
    "/amal",
    "/tjanster",
    "/blanketter",
    "/sok?q=bygglov",
    "/diarium?q=bygglov",
    "/diarium?q=bygglov&sida=3",
    "/amal/nyheter",
    "/logga-in",
  ])
    await visit(path);
  const staff = await seededStaffLogin(base, "handlaggare.amal");
  const queue = await visit("/handlaggare", staff);
  const caseLink = /href="(\/handlaggare\/arenden\/[^"?#]+)"/.exec(queue)?.[1];
  for (const path of [
    "/handlaggare?sida=2",
    "/handlaggare/sok?q=bygglov",
    "/handlaggare/statistik",
    ...(caseLink ? [caseLink] : []),
  ])
    await visit(path, staff);
  await visit("/mina-sidor", await residentLogin(base, "199005122388"));

  process.kill(portal.pid, "SIGUSR2");
  await sleep(500);
  const statements = JSON.parse(readFileSync(recordFile, "utf8"));
  const db = new Database(resolve(dataDir, "portal.db"), { readonly: true });
  const rowsOf = (table) => {
    try {
      return db.prepare(`select count(*) as n from "${table.replaceAll('"', '""')}"`).get().n;
    } catch {
      return 0;
    }
  };
  const large = new Map(
    db
      .prepare("select name from sqlite_master where type = 'table'")
      .all()
      .map((t) => [t.name, rowsOf(t.name)])
      .filter(([, n]) => n > Number(o.rows)),
  );
  /** SQLite's plan, the parameters bound to null (as many as the statement takes). */
  const planOf = (sql) => {
    const explain = db.prepare(`explain query plan ${sql}`);
    for (let n = 0; n <= 100; n++) {
      try {
        return explain
          .all(...Array(n).fill(null))
          .map((r) => r.detail)
          .join(" | ");
      } catch (error) {
        if (!(error instanceof RangeError)) throw error;
      }
    }
    return "(no plan)";
  };
  let found = 0;
  for (const sql of statements) {
    if (!/^\s*(select|update|delete|with)\b/i.test(sql)) continue;
    let plan;
    try {
      plan = planOf(sql);
    } catch {
      continue; // A statement on a table this copy does not have (a temporary one).
    }
    // An FTS5 table's "SCAN … VIRTUAL TABLE" is its own index at work, not a walk of its rows.
    const scanned = [...plan.matchAll(/\bSCAN (\w+)\b(?! VIRTUAL TABLE)/g)]
      .map((m) => m[1])
      .filter((t) => large.has(t));
    if (scanned.length === 0) continue;
    found++;
    console.log(
      `\nSCAN ${scanned.map((t) => `${t} (${large.get(t)} rows)`).join(", ")}\n  plan: ${plan}\n  sql:  ${sql.split(/\s+/).join(" ").slice(0, 400)}`,
    );
  }
  console.log(`\n${statements.length} statements prepared; ${found} scan a table of more than ${o.rows} rows.`);
} finally {
  await portal.stop();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(recordFile, { force: true });
}
