#!/usr/bin/env -S npx tsx
/**
 * Diarium search benchmark (issue 18, docs/decisions/072): fills a temporary database with the
 * portal's seed plus the bench's large-data generator (scripts/bench/seed-large.mjs, 200,000
 * diarium entries by default) and reports p50/p95/p99 of `searchDiarium()` in process, for a mix
 * of queries: words, prefixes, Swedish letters, 1–2 letter queries, no hits, many hits, several
 * words, filters and a deep page. Target: p95 ≤ 20 ms. A script, not a timed test.
 *
 *   npx tsx scripts/bench-diarium.ts [--entries=200000] [--rounds=10] [--db=<seeded portal.db>] [--json] [--keep] [--cold]
 *
 * The mix repeats its 30 queries, and counts are remembered per search until the register changes
 * (decision 126): with --cold every search forgets them first, so each one counts as a first search does.
 *
 * With --db it measures an existing, seeded database instead (`npm run bench` passes its own);
 * with --json it prints one JSON object for bench.mjs.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import type { DiariumQuery } from "../app/services/diarium.server";

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const json = process.argv.includes("--json");
const entries = Number(arg("entries") ?? 200_000);
const rounds = Number(arg("rounds") ?? 10);
const given = arg("db");
const keep = process.argv.includes("--keep");
const cold = process.argv.includes("--cold");

const dir = given ? null : mkdtempSync(join(tmpdir(), "bench-diarium-"));
process.env.DATA_DIR = dir ?? join(given!, "..");
process.env.DATABASE_PATH = given ?? join(dir!, "bench.db");
process.env.LOG_LEVEL = "error";
// A throw-away database of generated entries: the test mode (docs/decisions/041).
process.env.PORTAL_ENV ??= "test";
const say = (line: string) => {
  if (!json) console.log(line);
};

const { db, closeDatabase } = await import("../app/db.server");
if (!given) {
  const { seed } = await import("../db/seed/index");
  const { seedLarge, mergeSeededDiarium } = (await import("./bench/seed-large.mjs")) as unknown as {
    seedLarge: (path: string, o: { targets: Record<string, number> }) => Record<string, unknown>;
    mergeSeededDiarium: (path: string) => Promise<number>;
  };
  const started = performance.now();
  seed(db());
  closeDatabase();
  const report = seedLarge(process.env.DATABASE_PATH, { targets: { diarium_entry: entries } });
  await mergeSeededDiarium(process.env.DATABASE_PATH);
  say(`seeded ${JSON.stringify(report.diarium_entry)} in ${Math.round(performance.now() - started)} ms`);
}
const { searchDiarium, forgetDiariumCounts } = await import("../app/services/diarium.server");

type Kind = "word" | "prefix" | "swedish" | "short" | "none" | "many" | "words" | "filtered" | "deep";
const QUERIES: [Kind, DiariumQuery][] = [
  ["word", { q: "bygglov" }],
  ["word", { q: "strandskydd" }],
  ["word", { q: "gatubelysning" }],
  ["word", { q: "vigsel" }],
  ["prefix", { q: "bygg" }],
  ["prefix", { q: "park" }],
  ["prefix", { q: "detal" }],
  ["prefix", { q: "BEN-2024" }],
  ["swedish", { q: "förskola" }],
  ["swedish", { q: "Åmål" }],
  ["swedish", { q: "snöröjning" }],
  ["swedish", { q: "äldreomsorg" }],
  ["short", { q: "x" }],
  ["short", { q: "å" }],
  ["short", { q: "ed" }],
  ["short", { q: "bo" }],
  ["none", { q: "qwzxv" }],
  ["none", { q: "zzyzx" }],
  ["none", { q: "far" }],
  ["many", { q: "skola" }],
  ["many", { q: "dalsland" }],
  ["many", { q: "ans" }],
  ["words", { q: "bygglov åmål" }],
  ["words", { q: "förskola skola" }],
  ["words", { q: "park ed" }],
  ["filtered", { q: "bygglov", kommun: "amal" }],
  ["filtered", { q: "vatten", status: "received" }],
  ["filtered", { q: "kultur", fran: "2022-01-01", till: "2023-12-31" }],
  ["deep", { q: "skola", sida: 40 }],
  ["deep", { q: "miljö", sida: 200 }],
];

const loadNow = () => loadavg()[0] ?? 0;
const load = loadNow();
// One unmeasured pass: the first searches read the index from disk into the cache.
for (const [, query] of QUERIES) searchDiarium(query, "sv");
const all: number[] = [];
// CPU time as well: on a shared machine wall time is mostly waiting for a core (decision 036).
const cpu: number[] = [];
const byKind = new Map<Kind, number[]>();
const cpuByKind = new Map<Kind, number[]>();
const totals = new Map<string, number>();
for (let r = 0; r < rounds; r++) {
  for (const [kind, query] of QUERIES) {
    if (cold) forgetDiariumCounts();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const result = searchDiarium(query, "sv");
    const ms = performance.now() - t0;
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
    (cpuByKind.get(kind) ?? cpuByKind.set(kind, []).get(kind)!).push((c.user + c.system) / 1000);
    all.push(ms);
    (byKind.get(kind) ?? byKind.set(kind, []).get(kind)!).push(ms);
    totals.set(JSON.stringify(query), result.total);
  }
}
const stats = (times: number[]) => {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
  return { n: sorted.length, p50: at(50), p95: at(95), p99: at(99), max: sorted.at(-1)! };
};
const rows = db().$client.prepare("select count(*) as n from diarium_entry").get() as { n: number };
const result = {
  entries: rows.n,
  load: { start: load, end: loadNow() },
  all: stats(all),
  cpu: stats(cpu),
  byKind: Object.fromEntries([...byKind].map(([k, v]) => [k, stats(v)])),
  cpuByKind: Object.fromEntries([...cpuByKind].map(([k, v]) => [k, stats(v)])),
  totals: Object.fromEntries(totals),
};
if (json) console.log(JSON.stringify(result));
else {
  const f = (n: number) => n.toFixed(2).padStart(8);
  console.log(`${rows.n} entries, ${all.length} searches, load ${load.toFixed(1)} → ${loadNow().toFixed(1)}`);
  console.log(`${"kind".padEnd(10)}      p50      p95      p99      max`);
  for (const [k, s] of [...Object.entries(result.byKind), ["ALL", result.all] as const])
    console.log(`${k.padEnd(10)} ${f(s.p50)} ${f(s.p95)} ${f(s.p99)} ${f(s.max)}`);
  console.log(`CPU time (ms) per kind`);
  for (const [k, s] of [...Object.entries(result.cpuByKind), ["ALL", result.cpu] as const])
    console.log(`${k.padEnd(10)} ${f(s.p50)} ${f(s.p95)} ${f(s.p99)} ${f(s.max)}`);
  for (const [q, n] of totals) console.log(`  ${q}: ${n}`);
  console.log(result.all.p95 <= 20 ? "target p95 ≤ 20 ms: met" : "target p95 ≤ 20 ms: NOT met");
}
closeDatabase();
if (dir && keep) console.error(`kept ${process.env.DATABASE_PATH}`);
else if (dir) rmSync(dir, { recursive: true, force: true });
