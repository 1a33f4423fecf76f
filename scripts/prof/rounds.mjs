#!/usr/bin/env node
// Rounds of load against the built portal, with the CPU each round cost (decision 178): the
// instrument decisions 167–177 used to judge a change before a bench run. Run from a checkout with
// a build (`npx remix build`), under `node --import tsx`:
//
//   node --import tsx scripts/prof/rounds.mjs walk [--large] [--clients=10] [--walks=600] [--rounds=5]
//   node --import tsx scripts/prof/rounds.mjs page --path=/handlaggare --staff=handlaggare.amal [--seconds=5]
//
// `walk`: form walks to a receipt (scripts/lib/form-walker.mjs, as the bench's), after a warm-up of
// 200 walks one at a time; per round: the portal's main thread (with its user and system parts: the
// system part is the kernel's work for its syscalls) and whole process ms per walk (from /proc),
// this process's (the walker's) ms per walk, and walks/s. `page`: autocannon on one page
// (10 connections, anonymous or as a seeded staff user through the real log-in); per round: req/s,
// p50/p97.5 and the main thread's ms per request. Both give the portal's peak RSS in each round. Options for both: --large (a copy of the bench's
// data set, scripts/prof/large-data.mjs), --port, --cpu-prof (a V8 profile of the portal into
// /tmp/prof/cpu-<port>; read it with scripts/prof/cpuprofile.mjs), --sql-time (per-statement
// milliseconds over the measured rounds, scripts/prof/sql-time.cjs), --node-flags="…" (V8 or Node
// flags added to the portal's, space-separated). The machine is shared: compare two builds by
// alternating them, round for round, never one run against another run's figures.
import autocannon from "autocannon";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { CookieJar, submitForm } from "../lib/form-walker.mjs";
import { seededStaffLogin } from "../lib/login.mjs";
import { PORTAL_NODE_FLAGS } from "../lib/node-flags.mjs";
import { cpuMsOf, cpuSplitOf, LOAD_LIMITS_ENV, rssOf, sleep, startPortal } from "../lib/server.mjs";
import { freshDataDir } from "./large-data.mjs";

const { values: o, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    large: { type: "boolean", default: false },
    port: { type: "string", default: "3490" },
    clients: { type: "string", default: "10" },
    walks: { type: "string", default: "600" },
    rounds: { type: "string", default: "5" },
    form: { type: "string", default: "/blanketter/felanmalan-gata-park" },
    path: { type: "string" },
    staff: { type: "string" },
    seconds: { type: "string", default: "5" },
    "cpu-prof": { type: "boolean", default: false },
    "sql-time": { type: "boolean", default: false },
    "node-flags": { type: "string", default: "" },
  },
});
const mode = positionals[0];
if (mode !== "walk" && !(mode === "page" && o.path)) {
  console.error("usage: rounds.mjs walk [options] | rounds.mjs page --path=/x [--staff=user] [options]");
  process.exit(2);
}
if (o["cpu-prof"] && o["sql-time"]) {
  console.error("--cpu-prof and --sql-time one at a time: the timing wrapper would show in the profile");
  process.exit(2);
}
const port = Number(o.port);
const profileDir = `/tmp/prof/cpu-${port}`;
const sqlFile = `/tmp/prof/sql-${port}.tsv`;
mkdirSync("/tmp/prof", { recursive: true });
// --node-flags: V8 or Node flags to try beside the portal's own (decision 187), e.g. "--maglev".
const nodeFlags = [...PORTAL_NODE_FLAGS, ...o["node-flags"].split(" ").filter(Boolean)];
if (o["cpu-prof"]) {
  rmSync(profileDir, { recursive: true, force: true });
  nodeFlags.push("--cpu-prof", `--cpu-prof-dir=${profileDir}`, "--cpu-prof-interval=200");
}
if (o["sql-time"]) nodeFlags.push("--require", resolve("scripts/prof/sql-time.cjs"));

const dataDir = await freshDataDir({ large: o.large });
const portal = await startPortal({
  dataDir,
  port,
  nodeFlags,
  env: { ...LOAD_LIMITS_ENV, PROF_SQL_TIME_FILE: sqlFile },
  mailProcess: "sink",
});
const ms = (n) => n.toFixed(2);
const cpuNow = () => ({
  main: cpuSplitOf(portal.pid, { mainThread: true }),
  all: cpuMsOf(portal.pid),
  self: process.cpuUsage(),
});
/** The main thread's ms per unit since `before`, with its user and system (kernel) parts. */
const mainThreadText = (before, units) => {
  const now = cpuSplitOf(portal.pid, { mainThread: true });
  const user = (now.user - before.main.user) / units;
  const system = (now.system - before.main.system) / units;
  return `${ms(user + system)} (user ${ms(user)}, system ${ms(system)})`;
};
const selfMs = (before) => {
  const u = process.cpuUsage(before);
  return (u.user + u.system) / 1000;
};
// The portal's peak RSS in each round, sampled every 100 ms (the bench's RSS row samples as often).
let peakRss = 0;
const rssTimer = setInterval(() => (peakRss = Math.max(peakRss, rssOf(portal.pid))), 100);
rssTimer.unref();
const roundRss = () => {
  const mb = Math.round(Math.max(peakRss, rssOf(portal.pid)) / 1048576);
  peakRss = 0;
  return `peak RSS ${mb} MB`;
};
const sqlMark = async () => {
  if (!o["sql-time"]) return;
  process.kill(portal.pid, "SIGUSR2");
  await sleep(300);
};

try {
  if (mode === "walk") {
    const target = portal.url + o.form;
    const walk = async () => {
      const r = await submitForm(target, { jar: new CookieJar() });
      if (!r.ok) throw new Error(`walk failed: ${JSON.stringify(r)}`);
    };
    for (let i = 0; i < 200; i++) await walk();
    await sqlMark();
    roundRss();
    const walks = Number(o.walks);
    const clients = Number(o.clients);
    for (let round = 1; round <= Number(o.rounds); round++) {
      const before = cpuNow();
      const started = performance.now();
      let left = walks;
      await Promise.all(
        Array.from({ length: clients }, async () => {
          while (left-- > 0) await walk();
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      console.log(
        `round ${round}: ${walks} walks, ${(walks / seconds).toFixed(1)}/s; ms a walk: portal main thread ${mainThreadText(before, walks)}, portal ${ms((cpuMsOf(portal.pid) - before.all) / walks)}, walker ${ms(selfMs(before.self) / walks)}; ${roundRss()}`,
      );
    }
    if (o["sql-time"]) {
      await sqlMark();
      printSql(walks * Number(o.rounds), "walk");
    }
  } else {
    let headers = {};
    if (o.staff) headers = { cookie: await seededStaffLogin(portal.url, o.staff) };
    const cannon = (seconds) =>
      new Promise((done, fail) =>
        autocannon({ url: portal.url + o.path, connections: 10, duration: seconds, headers }, (e, r) =>
          e ? fail(e) : done(r),
        ),
      );
    await cannon(2);
    await sqlMark();
    roundRss();
    let requests = 0;
    for (let round = 1; round <= Number(o.rounds); round++) {
      const before = cpuNow();
      const r = await cannon(Number(o.seconds));
      requests += r.requests.total;
      console.log(
        `round ${round}: ${(r.requests.total / Number(o.seconds)).toFixed(0)} req/s, p50 ${r.latency.p50} ms, p97.5 ${r.latency.p97_5} ms, non-2xx ${r.non2xx}; main thread ${mainThreadText(before, r.requests.total)} ms a request; ${roundRss()}`,
      );
    }
    if (o["sql-time"]) {
      await sqlMark();
      printSql(requests, "request");
    }
  }
} catch (error) {
  // What the portal said last (a crash, a refusal): its log goes with the data directory below.
  const log = readFileSync(portal.logPath, "utf8").trim().split("\n");
  console.error(`${error.message}\nthe portal's log, last lines:\n${log.slice(-15).join("\n")}`);
  process.exitCode = 1;
} finally {
  await portal.stop();
  rmSync(dataDir, { recursive: true, force: true });
  if (o["cpu-prof"]) console.log(`profile in ${profileDir}`);
}

function printSql(units, unit) {
  console.log(`statements a ${unit} (count, µs), slowest first:`);
  for (const line of readFileSync(sqlFile, "utf8").trim().split("\n").slice(0, 30)) {
    const [n, total, sql] = line.split("\t");
    console.log(`${(Number(n) / units).toFixed(2)}\t${((Number(total) / units) * 1000).toFixed(0)}\t${sql}`);
  }
}
