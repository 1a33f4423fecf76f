// The diarium's FTS5 merge settings, write side against query side (docs/decisions/165). Copies a
// seeded portal database once per variant, inserts N entries into every copy in turn (one per
// transaction, through the real triggers, queued as the send queues them and indexed 16 at a time as
// the portal's batches do: decision 171), then
// times the diarium's count statement (countMatches) for the bench's 80 first searches on every
// copy, the copies alternating per query. One process, so the variants share the machine's load.
//
//   node scripts/bench/diarium-fts-merge.mjs <portal.db> [entries=5000] [variants=default,am8,am16] [rounds=4]
//
// A variant is `default`, `amN` (automerge N), `amNcmM` (and crisismerge M), `noregistered`
// (without the diarium_entry_registered index) or `upkeep` (default, then the merge job's function
// to completion: decision 168; run with `node --import tsx`). Prints CPU µs and WAL frames per insert, the
// segments of diarium_fts, and the CPU ms of each round of counts. The copies go to a temporary
// directory that is removed at the end.
import { copyFileSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";

const [source, entriesArg = "5000", variantsArg = "default,am8,am16", roundsArg = "4"] = process.argv.slice(2);
if (!source) {
  console.error("usage: node scripts/bench/diarium-fts-merge.mjs <portal.db> [entries] [variants] [rounds]");
  process.exit(2);
}
const entries = Number(entriesArg);
const rounds = Number(roundsArg);
const dir = mkdtempSync(join(tmpdir(), "fts-merge-"));
const cpu = (f) => {
  const t0 = process.cpuUsage();
  f();
  const u = process.cpuUsage(t0);
  return u.user + u.system;
};
const grams = (text) => {
  let out = "\u0002";
  for (const ch of text) out += (ch >= "A" && ch <= "Z" ? ch.toLowerCase() : ch) + "\u0002";
  return out;
};

/** Segments per level of an FTS5 index, from its structure record (rowid 10 of `<table>_data`). */
function segments(db, table) {
  const b = db.prepare(`select block from ${table}_data where id = 10`).get().block;
  let o = 4;
  const varint = () => {
    let v = 0;
    for (let i = 0; ; i++) {
      const c = b[o++];
      if (i === 8) return v * 256 + c;
      v = v * 128 + (c & 0x7f);
      if (!(c & 0x80)) return v;
    }
  };
  // A contentless_delete table's structure (version 2) has more fields per segment: not read here.
  if (b[4] === 0xff && b[5] === 0 && b[6] === 0) return "?";
  const levels = varint();
  const total = varint();
  varint(); // write counter
  const perLevel = [];
  for (let l = 0; l < levels; l++) {
    varint(); // segments being merged
    const n = varint();
    for (let s = 0; s < n; s++) for (let k = 0; k < 3; k++) varint(); // id, first and last page
    if (n > 0) perLevel.push(`L${l}:${n}`);
  }
  return `${total} (${perLevel.join(" ")})`;
}

const copies = variantsArg.split(",").map((variant) => {
  const file = join(dir, `${variant}.db`);
  copyFileSync(source, file);
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("wal_autocheckpoint = 0");
  db.pragma("synchronous = NORMAL");
  const automerge = /am(\d+)/.exec(variant)?.[1];
  const crisismerge = /cm(\d+)/.exec(variant)?.[1];
  for (const t of ["diarium_fts", "diarium_fts_short"]) {
    // FTS5 takes these only as integers; a JS number binds as a double.
    if (automerge) db.prepare(`insert into ${t}(${t}, rank) values('automerge', ?)`).run(BigInt(automerge));
    if (crisismerge) db.prepare(`insert into ${t}(${t}, rank) values('crisismerge', ?)`).run(BigInt(crisismerge));
    // What migration 0049 sets, for a source database migrated before it.
    if (variant === "upkeep") db.prepare(`insert into ${t}(${t}, rank) values('usermerge', 2)`).run();
  }
  if (variant === "noregistered") db.exec("drop index diarium_entry_registered");
  db.pragma("wal_checkpoint(TRUNCATE)");
  const columns = db
    .prepare("select name from pragma_table_info('diarium_entry')")
    .pluck()
    .all()
    .filter((c) => c !== "id");
  const from = { reference: "'FTS-' || @ref", case_id: "NULL" };
  const insert = db.prepare(
    `insert into diarium_entry (${columns.map((c) => `"${c}"`).join(",")}) select ${columns.map((c) => from[c] ?? `"${c}"`).join(",")} from diarium_entry where id = @src`,
  );
  const defer = db.prepare("insert into diarium_fts_defer (id) values (1)");
  const queued = db.prepare(
    "select q.id, e.search_text as text from diarium_fts_queue q join diarium_entry e on e.id = q.id order by q.id",
  );
  const indexMain = db.prepare("insert into diarium_fts(rowid, search_text) values (?, ?)");
  const indexShort = db.prepare("insert into diarium_fts_short(rowid, grams) values (?, ?)");
  const dequeue = db.prepare("delete from diarium_fts_queue where id = ?");
  // The portal's batch (app/services/diarium-index-queue.server.ts), for texts without a NUL.
  const batch = db.transaction(() => {
    for (const { id, text } of queued.all()) {
      indexMain.run(id, text);
      indexShort.run(id, grams(text));
      dequeue.run(id);
    }
  });
  let sent = 0;
  const sendOne = db.transaction((src, ref) => {
    defer.run();
    insert.run({ src, ref });
  });
  const send = (src, ref) => {
    sendOne(src, ref);
    if (++sent % 16 === 0) batch.immediate();
  };
  const count = db.prepare(
    "select count(*) as n, case when count(*) <= 3000 then group_concat(rowid) end as ids from diarium_fts where diarium_fts match ?",
  );
  const walSize = () => statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0;
  return { variant, db, send, batch, count, walSize, us: 0, frames: 0, counts: new Map() };
});

const rows = copies[0].db.prepare("select max(id) from diarium_entry").pluck().get();
console.log(`${entries} entries into each of ${copies.length} copies, load ${loadavg()[0].toFixed(1)}`);
for (let k = 0; k < entries; k++) {
  const src = 1 + ((k * 7919) % rows); // texts from all over the register
  for (let j = 0; j < copies.length; j++) {
    const c = copies[(k + j) % copies.length];
    c.us += cpu(() => c.send(src, `m${k}`));
  }
  if ((k + 1) % 1000 === 0 || k + 1 === entries)
    for (const c of copies) {
      c.frames += c.walSize() / (4096 + 24);
      c.db.pragma("wal_checkpoint(TRUNCATE)");
    }
}
// The last partial batch, as the portal's next tick (or search) would index it.
for (const c of copies) c.batch.immediate();
for (const c of copies)
  console.log(
    `  ${c.variant.padEnd(14)} ${(c.us / entries).toFixed(0).padStart(5)} µs/entry  ${(c.frames / entries).toFixed(2)} frames/entry  diarium_fts segments ${segments(c.db, "diarium_fts")}`,
  );

// The `upkeep` variant (decision 168): default settings, and after the inserts the portal's own
// merge job's function runs to completion on it, each step's CPU measured (needs `node --import tsx`).
for (const c of copies.filter((c) => c.variant === "upkeep")) {
  const { mergeDiariumFts } = await import("../../app/services/diarium-fts-merge.server.ts");
  const count = (t) => c.db.prepare(`select count(distinct segid) from ${t}_idx`).pluck().get();
  const before = `${count("diarium_fts")}/${count("diarium_fts_short")}`;
  const steps = [];
  const started = performance.now();
  const result = await mergeDiariumFts(c.db, {
    maxSteps: Number.POSITIVE_INFINITY,
    pauseMs: 0,
    write: (step) => {
      let out;
      steps.push(cpu(() => (out = step())) / 1000);
      return out;
    },
  });
  const seconds = (performance.now() - started) / 1000;
  steps.sort((a, b) => a - b);
  const p = (q) => steps[Math.min(steps.length - 1, Math.ceil(q * steps.length) - 1)].toFixed(2);
  console.log(
    `  upkeep: segments (diarium_fts/short) ${before} -> ${count("diarium_fts")}/${count("diarium_fts_short")}, ${result.merged} merging steps of ${steps.length}, ${seconds.toFixed(1)} s, CPU per step ms p50 ${p(0.5)} p95 ${p(0.95)} p99 ${p(0.99)} max ${p(1)}, sum ${(steps.reduce((a, b) => a + b, 0) / 1000).toFixed(2)} s`,
  );
  c.db.pragma("wal_checkpoint(TRUNCATE)");
}

// The bench's 200 HTTP queries hold 80 different searches (scripts/bench/bench.mjs), made into the
// FTS5 query the diarium builds: one string per word, a word inside another dropped (decision 131).
const WORDS = ["bygglov", "förskola", "avlopp", "parkering", "bidrag", "vigsel", "grav", "snö", "värme", "skola"];
WORDS.push("bibliotek", "miljö", "trafik", "lekplats", "kultur", "vatten", "strandskydd", "tillstånd", "hemtjänst");
WORDS.push("förening");
const searches = [];
for (let i = 0; i < 80; i++) {
  const words = [WORDS[i % 20], ...(i >= 20 ? [WORDS[(i * 7) % 20].slice(0, 3 + (i % 3))] : [])];
  const kept = [...new Set(words)].filter((w, _, all) => !all.some((o) => o !== w && o.includes(w))).sort();
  searches.push(kept.map((w) => `"${w}"`).join(" "));
}
console.log(`counts of the bench's 80 first searches, CPU ms per round, load ${loadavg()[0].toFixed(1)}`);
for (let r = 0; r < rounds; r++) {
  const sums = copies.map(() => 0);
  searches.forEach((match, q) => {
    for (let j = 0; j < copies.length; j++) {
      const i = (q + r + j) % copies.length;
      let n = 0;
      sums[i] += cpu(() => (n = copies[i].count.get(match).n));
      copies[i].counts.set(match, n);
    }
  });
  console.log(`  round ${r + 1}: ${copies.map((c, i) => `${c.variant} ${(sums[i] / 1000).toFixed(1)}`).join("  ")}`);
}
const differ = searches.filter((m) => new Set(copies.map((c) => c.counts.get(m))).size > 1);
console.log(differ.length === 0 ? "every count identical" : `counts differ: ${differ.join(", ")}`);
for (const c of copies) c.db.close();
rmSync(dir, { recursive: true, force: true });
