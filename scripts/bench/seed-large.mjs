// Seeds a large data set (ten years of five municipalities) into an existing, migrated and
// seeded portal database, for the benchmark and the drills. GENERIC: it looks at the tables
// that exist, and grows each target table by cloning the rows the portal's own seed wrote
// (so values stay valid for the app: statuses, JSON, municipality/administration pairs), with
// unique columns made unique, dates spread over ten years and searchable text varied. A table
// that does not exist yet is reported as skipped. One transaction, prepared statements.
import Database from "better-sqlite3";
import { CookieJar, submitForm } from "../lib/form-walker.mjs";

export const DEFAULT_TARGETS = {
  case: 30_000,
  diarium_entry: 200_000,
  service: 500,
  service_variant: 1_500,
  page: 500,
  news: 1_000,
  search_document: 3_000,
  case_event: 60_000,
  // Working copies of visitors who left a form half done (decision 184): they live 30 days, and
  // every step's read of a working copy must not grow with them. Cloned from drafts a run makes
  // by leaving forms after their first step (abandonDrafts); none to clone: skipped.
  form_draft: 5_000,
};

/** Forms a visitor may leave half done without logging in: the bench walks both. */
const ABANDONED_FORMS = ["/blanketter/felanmalan-gata-park", "/blanketter/begaran-allman-handling"];

/**
 * Leaves `count` forms after their first step, as visitors do, on the running portal at `base`:
 * each a working copy of its own (a new browser each), written by the portal itself, for
 * seedLarge to clone into form_draft (decision 184). Resolves with how many were left.
 */
export async function abandonDrafts(base, { count = 20 } = {}) {
  let left = 0;
  for (let i = 0; i < count; i++) {
    // Two steps of the walker: the form's start (a redirect), then its first step's page and post.
    const r = await submitForm(`${base}${ABANDONED_FORMS[i % ABANDONED_FORMS.length]}`, {
      maxSteps: 2,
      jar: new CookieJar(),
    });
    if (r.ok) throw new Error(`a form was sent in one step: ${r.url}`);
    if (r.status >= 400) throw new Error(`leaving a form failed: ${r.status} at ${r.url}: ${r.error}`);
    left++;
  }
  return left;
}

/** Tables whose rows only mean something cloned from real ones: without a template, skipped. */
const ONLY_CLONED = new Set(["form_draft"]);
/** Columns each clone gets its own value in, though the schema does not ask it (one owner per draft). */
const OWN_VALUE = { form_draft: ["owner_key"] };
/** How far back a table's clones spread, in days (default ten years): a draft lives 30. */
const SPREAD_DAYS = { form_draft: 30 };
/** Dates that move with the row's own besides the *_at ones the rule below knows: a draft's expiry follows its last save. */
const SHIFTED_TOO = { form_draft: ["expires_at"] };

const WORDS = [
  "bygglov",
  "förskola",
  "skola",
  "avlopp",
  "värmepump",
  "parkering",
  "gata",
  "park",
  "belysning",
  "snöröjning",
  "bidrag",
  "förening",
  "vigsel",
  "gravplats",
  "bibliotek",
  "simhall",
  "äldreomsorg",
  "hemtjänst",
  "renhållning",
  "vatten",
  "detaljplan",
  "strandskydd",
  "tillstånd",
  "livsmedel",
  "alkohol",
  "trafik",
  "cykelväg",
  "lekplats",
  "badplats",
  "fritidsgård",
  "kultur",
  "idrott",
  "bostad",
  "företag",
  "näringsliv",
  "miljö",
  "hälsa",
  "skydd",
  "Bengtsfors",
  "Dals-Ed",
  "Färgelanda",
  "Mellerud",
  "Åmål",
  "Dalsland",
  "sjö",
  "kanal",
  "skog",
  "åker",
];
const fold = (s) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
const DAY = 86_400_000;

function rng(seed) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

const q = (name) => `"${name.replace(/"/g, '""')}"`;

export function tableInfo(db, table) {
  const columns = db.prepare(`pragma table_info(${q(table)})`).all();
  const fks = db.prepare(`pragma foreign_key_list(${q(table)})`).all();
  const uniques = db
    .prepare(`pragma index_list(${q(table)})`)
    .all()
    .filter((i) => i.unique)
    .map((i) =>
      db
        .prepare(`pragma index_info(${q(i.name)})`)
        .all()
        .map((c) => c.name),
    );
  const pk = columns.filter((c) => c.pk > 0).map((c) => c.name);
  const rowidPk = pk.length === 1 && /INT/i.test(columns.find((c) => c.name === pk[0]).type);
  if (pk.length > 0 && !rowidPk) uniques.push(pk);
  return { columns, fks, uniques, pk, rowidPk };
}

export function existingTables(db) {
  return new Set(
    db
      .prepare("select name from sqlite_master where type = 'table'")
      .all()
      .map((r) => r.name),
  );
}

/** Insert order: a table after the target tables it references. */
function order(db, targets) {
  const names = Object.keys(targets);
  const deps = new Map(
    names.map((n) => [
      n,
      tableInfo(db, n)
        .fks.map((f) => f.table)
        .filter((t) => t !== n && names.includes(t)),
    ]),
  );
  const out = [];
  const visit = (n, path = new Set()) => {
    if (out.includes(n) || path.has(n)) return;
    path.add(n);
    for (const d of deps.get(n)) visit(d, path);
    out.push(n);
  };
  names.forEach((n) => visit(n));
  return out;
}

/**
 * @param {string} dbPath
 * @param {{ targets?: Record<string, number>, seed?: number, now?: number, concurrent?: boolean }} [options]
 * @returns {Record<string, { before?: number, after?: number, added?: number, templates?: number, seconds?: number, skipped?: string }>}
 *   a report: per table { before, after, seconds } or { skipped: reason }
 */
export function seedLarge(
  dbPath,
  { targets = DEFAULT_TARGETS, seed = 2026, now = Date.now(), concurrent = false } = {},
) {
  const db = new Database(dbPath);
  db.pragma("journal_mode = WAL");
  db.pragma("foreign_keys = ON");
  db.pragma("busy_timeout = 10000");
  const random = rng(seed);
  const pick = (arr) => arr[Math.floor(random() * arr.length)];
  const present = existingTables(db);
  const report = {};
  const wanted = Object.fromEntries(Object.entries(targets).filter(([t]) => present.has(t)));
  for (const t of Object.keys(targets)) if (!present.has(t)) report[t] = { skipped: "table does not exist yet" };

  const run = db.transaction(() => {
    for (const table of order(db, wanted)) {
      const started = performance.now();
      const info = tableInfo(db, table);
      const before = db.prepare(`select count(*) as n from ${q(table)}`).get().n;
      const toAdd = wanted[table] - before;
      if (toAdd <= 0) {
        report[table] = { before, after: before, added: 0, seconds: 0 };
        continue;
      }
      const templates = db.prepare(`select * from ${q(table)} limit 2000`).all();
      if (templates.length === 0 && ONLY_CLONED.has(table)) {
        report[table] = { before, skipped: "no rows to clone" };
        continue;
      }
      // Without a template row, columns with a default take it (the insert leaves them out).
      const insertable = info.columns.filter(
        (c) => !(info.rowidPk && c.name === info.pk[0]) && (templates.length > 0 || c.dflt_value === null),
      );
      const cols = insertable.map((c) => c.name);
      const insert = db.prepare(
        `insert into ${q(table)} (${cols.map(q).join(", ")}) values (${cols.map(() => "?").join(", ")})`,
      );
      const fkParents = new Map();
      for (const fk of info.fks) {
        const ids = db
          .prepare(`select ${q(fk.to ?? "id")} as id from ${q(fk.table)}`)
          .all()
          .map((r) => r.id);
        fkParents.set(fk.from, ids);
      }
      // Values already taken in unique columns (single-column uniques; composite ones are made
      // unique through their first text column).
      const uniqueCols = new Set([
        ...info.uniques.map(
          (u) => u.find((c) => /TEXT/i.test(info.columns.find((x) => x.name === c)?.type ?? "")) ?? u[0],
        ),
        ...(OWN_VALUE[table] ?? []),
      ]);
      const taken = new Map(
        [...uniqueCols].map((c) => [
          c,
          new Set(
            db
              .prepare(`select ${q(c)} as v from ${q(table)}`)
              .all()
              .map((r) => r.v),
          ),
        ]),
      );
      const counters = new Map();
      let added = 0;
      for (let i = 0; added < toAdd; i++) {
        const template = templates.length > 0 ? templates[i % templates.length] : null;
        const row = {};
        const shift = Math.floor(random() * (SPREAD_DAYS[table] ?? 3650)) * DAY;
        // The row's own date (registered_at, created_at …) decides the year in its reference.
        const own =
          template &&
          Object.entries(template).find(
            ([k, v]) => /_at$/.test(k) && typeof v === "string" && !Number.isNaN(Date.parse(v)),
          );
        const when = Math.min(own ? Date.parse(own[1]) : now, now) - shift;
        for (const c of insertable) {
          let v = template ? template[c.name] : synth(c, i);
          const parents = fkParents.get(c.name);
          // Rows of the benchmark's own tables get spread over the new parents; other
          // references (municipality, administration) keep the template's consistent pair.
          const fk = info.fks.find((f) => f.from === c.name);
          if (parents && parents.length > 0 && fk && wanted[fk.table] && (v !== null || !template)) v = pick(parents);
          else if (!template && parents && parents.length > 0) v = pick(parents);
          if (
            typeof v === "string" &&
            (/(^|_)(registered|created|submitted|decided|received|updated)_at$|_date$/.test(c.name) ||
              SHIFTED_TOO[table]?.includes(c.name)) &&
            !Number.isNaN(Date.parse(v))
          ) {
            // A past date stays past; an expiry (SHIFTED_TOO) keeps its distance from the row's own.
            const future = SHIFTED_TOO[table]?.includes(c.name);
            const d = new Date((future ? Date.parse(v) : Math.min(Date.parse(v), now)) - shift);
            v = /^\d{4}-\d{2}-\d{2}$/.test(v) ? d.toISOString().slice(0, 10) : d.toISOString();
          }
          if (
            typeof v === "string" &&
            /^(title|subject|search_text|summary|keywords|body)(_sv|_en|_folded)?$/.test(c.name)
          ) {
            const words = `${pick(WORDS)} ${pick(WORDS)}`;
            // search_text is lower case as the portal writes it (buildSearchText), so that the
            // diarium's case-folding index and its LIKE fallback agree on the bench's rows too.
            const cased = c.name === "search_text" ? words.toLowerCase() : words;
            v = `${v} ${c.name.endsWith("_folded") ? fold(words).toLowerCase() : cased}`;
          }
          if (uniqueCols.has(c.name) && v !== null) v = unique(v, taken.get(c.name), counters, c.name, random, when);
          row[c.name] = v;
        }
        try {
          insert.run(cols.map((c) => (typeof row[c] === "boolean" ? Number(row[c]) : row[c])));
          added++;
        } catch (error) {
          if (/UNIQUE/.test(error.message) && i < toAdd * 3) continue;
          report[table] = { before, skipped: `insert failed: ${error.message}` };
          break;
        }
      }
      if (report[table]?.skipped) continue;
      report[table] = {
        before,
        after: before + added,
        added,
        templates: templates.length,
        seconds: (performance.now() - started) / 1000,
      };
    }
    // External-content full-text indexes without triggers need a rebuild to see the new rows.
    for (const { name, sql } of db
      .prepare("select name, sql from sqlite_master where type = 'table' and sql like '%using fts5%'")
      .all()) {
      const content = /content\s*=\s*'([^']+)'/i.exec(sql)?.[1];
      if (!content || !wanted[content]) continue;
      const hasTrigger =
        db.prepare("select count(*) as n from sqlite_master where type = 'trigger' and tbl_name = ?").get(content).n >
        0;
      if (!hasTrigger) db.prepare(`insert into ${q(name)}(${q(name)}) values ('rebuild')`).run();
    }
  });
  run();
  if (!concurrent) db.pragma("wal_checkpoint(TRUNCATE)");
  db.close();
  return report;
}

/**
 * A bulk import ends merged (docs/decisions/168): the diarium's FTS5 upkeep, the portal's job's own
 * function (app/services/diarium-fts-merge.server.ts), run to completion without pauses, so that a
 * bench measures the index a running portal keeps. Returns the steps that merged something. Needs
 * tsx (the bench runs under `node --import tsx`).
 */
export async function mergeSeededDiarium(path) {
  const { mergeDiariumFts } = await import("../../app/services/diarium-fts-merge.server.ts");
  const db = new Database(path);
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    const { merged } = await mergeDiariumFts(db, { maxSteps: Number.POSITIVE_INFINITY, pauseMs: 0 });
    db.pragma("wal_checkpoint(TRUNCATE)");
    return merged;
  } finally {
    db.close();
  }
}

function synth(column, i) {
  if (column.dflt_value !== null || !column.notnull) return null;
  if (/INT|REAL|NUM/i.test(column.type)) return i;
  if (/_at$|date/.test(column.name)) return new Date().toISOString();
  return `bench ${column.name} ${i}`;
}

/** A value not yet taken: references like BEN-2026-000123 get a new number in the same format. */
function unique(value, taken, counters, column, random, when) {
  if (typeof value === "number") {
    let n = Math.max(value, counters.get(column) ?? 0) + 1;
    while (taken.has(n)) n++;
    counters.set(column, n);
    taken.add(n);
    return n;
  }
  const s = String(value);
  const ref = /^([A-ZÅÄÖ]{2,5})-(\d{4})-(\d{3,})$/.exec(s);
  if (ref) {
    const year = new Date(when).getUTCFullYear();
    const key = `${column}:${ref[1]}-${year}`;
    let n = counters.get(key) ?? 100_000;
    let candidate;
    do candidate = `${ref[1]}-${year}-${String(++n).padStart(ref[3].length, "0")}`;
    while (taken.has(candidate));
    counters.set(key, n);
    taken.add(candidate);
    return candidate;
  }
  let n = counters.get(column) ?? 0;
  let candidate;
  do candidate = `${s}-b${++n}`;
  while (taken.has(candidate));
  counters.set(column, n);
  taken.add(candidate);
  return candidate;
}
