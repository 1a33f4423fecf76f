import type { Statement } from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { db, prepareDatabase } from "~/db.server";
import { forgetDiariumCounts, searchDiarium, type DiariumQuery } from "~/services/diarium.server";

// The diarium search on 200,000 generated entries (issue 18, decisions 072, 088 and 118): the same
// totals and pages as the substring search it replaced, with and without filters, short words and
// deep pages included, and the query plans go through the FTS5 indexes, not a scan of the table
// with LIKE. No timing is asserted.

const ROWS = 200_000;
const WORDS = [
  "bygglov",
  "förskola",
  "gatubelysning",
  "avlopp",
  "snöröjning",
  "värmepump",
  "åmål",
  "ed",
  "strandskydd",
];

beforeAll(() => {
  prepareDatabase();
  const sqlite = db().$client;
  const columns = (
    sqlite.prepare("select name from pragma_table_info('diarium_entry')").pluck().all() as string[]
  ).filter((c) => c !== "id");
  const vary: Record<string, string> = {
    reference: "'GEN-' || printf('%07d', n.i)",
    registered_at: "strftime('%Y-%m-%dT%H:%M:%fZ', '2020-01-01', '+' || (n.i * 7919 % 2000000) || ' minutes')",
    search_text: `lower(${wordAt("n.i")} || ' ' || ${wordAt("n.i / 9")} || ' ärende ' || n.i)`,
    subject: `${wordAt("n.i")} || ' ' || n.i`,
  };
  // One statement: the rows are clones of a seeded entry with reference, date and text varied.
  sqlite.exec(`
    with recursive n(i) as (select 1 union all select i + 1 from n where i < ${ROWS})
    insert into diarium_entry (${columns.join(", ")})
    select ${columns.map((c) => vary[c] ?? `t.${c}`).join(", ")}
    from n, (select * from diarium_entry where sensitivity = 'public' limit 1) t`);
}, 600_000);

/** A SQL CASE picking one of WORDS by an integer expression. */
function wordAt(expr: string) {
  return `(case (${expr}) % ${WORDS.length} ${WORDS.map((w, i) => `when ${i} then '${w}'`).join(" ")} end)`;
}

/** The search before decision 072: LIKE '%word%' for every word, wildcards literal; filters by join. */
function likeSearch(
  q: string,
  { kommun, status, offset = 0 }: { kommun?: string; status?: string; offset?: number } = {},
) {
  const words = q.toLowerCase().split(/\s+/).filter(Boolean);
  const params: unknown[] = words.map((w) => `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const where = words.map(() => "e.search_text like ? escape '\\'");
  if (kommun) {
    where.push("m.slug = ?");
    params.push(kommun);
  }
  if (status) {
    where.push("e.status = ?");
    params.push(status);
  }
  const from = `diarium_entry e join municipality m on m.id = e.municipality_id where ${where.join(" and ")}`;
  const sqlite = db().$client;
  const total = sqlite
    .prepare(`select count(*) from ${from}`)
    .pluck()
    .get(...params) as number;
  const page = sqlite
    .prepare(`select e.reference from ${from} order by e.registered_at desc, e.id desc limit 25 offset ${offset}`)
    .pluck()
    .all(...params) as string[];
  return { total, page };
}

/** Runs `fn`, recording every statement it executes on the connection with its parameters. */
function recorded<T>(fn: () => T): { result: T; statements: { sql: string; params: unknown[] }[] } {
  // A count remembered from an earlier search (decision 126) would run no statement to look at.
  forgetDiariumCounts();
  const client = db().$client;
  const statements: { sql: string; params: unknown[] }[] = [];
  const prepare = client.prepare;
  client.prepare = function (this: typeof client, source: string) {
    const statement = prepare.call(this, source) as Statement;
    for (const method of ["get", "all", "iterate", "run"] as const) {
      const original = statement[method].bind(statement) as (...a: unknown[]) => unknown;
      Object.defineProperty(statement, method, {
        value: (...params: unknown[]) => {
          statements.push({ sql: source, params });
          return original(...params);
        },
      });
    }
    return statement;
  } as typeof prepare;
  try {
    return { result: fn(), statements };
  } finally {
    client.prepare = prepare;
  }
}

const plan = (s: { sql: string; params: unknown[] }) =>
  (
    db()
      .$client.prepare(`explain query plan ${s.sql}`)
      .all(...s.params) as { detail: string }[]
  ).map((r) => r.detail);

describe(`the diarium search on ${ROWS.toLocaleString("en")} generated entries`, () => {
  it("holds them all", () => {
    expect(db().$client.prepare("select count(*) from diarium_entry").pluck().get()).toBeGreaterThanOrEqual(ROWS);
  });

  it.each<[string, Pick<DiariumQuery, "kommun" | "status" | "sida">]>([
    ["bygglov", {}],
    ["gatubelysning", {}],
    ["åmål", {}],
    ["snöröj", {}],
    ["ärende 1999", {}],
    ["qwzxv", {}],
    ["ed bygglov", {}],
    ["x", {}],
    ["å", {}],
    ["ed", {}],
    ["ed å", {}],
    ["bygglov", { kommun: "amal" }],
    ["ed", { kommun: "dals-ed" }],
    ["avlopp", { status: "received" }],
    ["ärende", { sida: 40 }],
    ["strandskydd", { sida: 200 }],
    ["värmepump ed", { sida: 30 }],
  ])("%s %o: the same total and page as LIKE, through the indexes", (q, options) => {
    const { result, statements } = recorded(() => searchDiarium({ q, ...options }, "sv"));
    const expected = likeSearch(q, { ...options, offset: ((options.sida ?? 1) - 1) * 25 });
    expect(result.total).toBe(expected.total);
    expect(result.entries.map((e) => e.reference)).toEqual(expected.page);
    // Not the look into the index queue (decision 171): empty here, one read of its own primary key.
    const searches = statements.filter(
      (st) => /diarium_entry|diarium_fts/.test(st.sql) && !/diarium_fts_queue/.test(st.sql),
    );
    const plans = searches.map((st) => ({ sql: st.sql, plan: plan(st) }));
    // The count asks an FTS5 index (the trigram one, or the one of 1–2 letter words) …
    const viaIndex = plans.filter((p) => /diarium_fts/.test(p.sql));
    expect(viaIndex.length).toBeGreaterThan(0);
    for (const p of viaIndex) expect(p.plan.some((d) => /VIRTUAL TABLE INDEX/.test(d))).toBe(true);
    // … and nothing scans the whole table (an index walk newest first is not a scan of every row).
    for (const p of plans) expect(p.plan.filter((d) => /^SCAN diarium_entry$/.test(d))).toEqual([]);
    // LIKE only checks rows visited on an index walk for a page, never counts (decision 118).
    for (const st of searches) if (/like/i.test(st.sql)) expect(st.sql).not.toMatch(/count\(/i);
  });

  it("a common word's page walks the index that carries the public text, reading ids only (decision 149)", () => {
    for (const q of ["bygglov", "ärende", "ed bygglov"]) {
      const { statements } = recorded(() => searchDiarium({ q }, "sv"));
      const walks = statements.filter((st) => /like/i.test(st.sql));
      expect(walks, q).toHaveLength(1);
      // Each visited row's text is tested in the index; only the page's rows are read from the table.
      expect(plan(walks[0]!), q).toEqual(["SCAN diarium_entry USING COVERING INDEX diarium_entry_registered_text"]);
    }
  });

  it("the comparison above is not vacuous: the words and filters find entries", () => {
    for (const q of ["x", "å", "ed", "ed bygglov", "värmepump ed"]) expect(likeSearch(q).total, q).toBeGreaterThan(500);
    expect(likeSearch("bygglov", { kommun: "amal" }).total).toBeGreaterThan(0);
    expect(likeSearch("avlopp", { status: "received" }).total).toBeGreaterThan(0);
  });

  it("a search of at most 3,000 matches reads their ids once; its pages walk or look up those ids, as LIKE pages (decision 131)", () => {
    const kinds = new Set<string>();
    for (const [q, sida] of [
      ["ärende 199", 1],
      ["ärende 199", 20],
      ["199 ärende ären", 1],
      ["ärende 1999", 1],
      ["ärende 1999", 4],
    ] as const) {
      const { result, statements } = recorded(() => searchDiarium({ q, sida }, "sv"));
      const expected = likeSearch(q, { offset: (sida - 1) * 25 });
      expect(expected.total, q).toBeLessThanOrEqual(3000);
      expect(expected.page.length, q).toBeGreaterThan(0);
      expect(result.total, q).toBe(expected.total);
      expect(
        result.entries.map((e) => e.reference),
        q,
      ).toEqual(expected.page);
      // FTS5 is asked once: one statement gives the count and the ids (decision 139).
      const asked = statements.filter((st) => /diarium_fts/.test(st.sql));
      expect(asked).toHaveLength(1);
      expect(asked[0]!.sql).toMatch(/group_concat\(rowid\)/i);
      for (const st of statements)
        if (/json_each/.test(st.sql)) kinds.add(/\+"diarium_entry"\."id" in/.test(st.sql) ? "walk" : "lookup");
    }
    expect([...kinds].sort()).toEqual(["lookup", "walk"]);
  });

  it("a search of more than 3,000 matches asks FTS5 once, for its count, not for ids first (decision 139)", () => {
    for (const q of ["bygglov", "ärende"]) {
      const { result, statements } = recorded(() => searchDiarium({ q }, "sv"));
      expect(result.total, q).toBe(likeSearch(q).total);
      expect(result.total, q).toBeGreaterThan(3000);
      expect(
        result.entries.map((e) => e.reference),
        q,
      ).toEqual(likeSearch(q).page);
      expect(statements.filter((st) => /diarium_fts/.test(st.sql))).toHaveLength(1);
    }
  });

  it("a word under three letters is counted in its own index, not by LIKE over the table", () => {
    const { result, statements } = recorded(() => searchDiarium({ q: "ed" }, "sv"));
    expect(result.total).toBe(likeSearch("ed").total);
    const counts = statements.filter((s) => /count\(/i.test(s.sql));
    expect(counts.map((s) => s.sql)).toEqual([expect.stringContaining("diarium_fts_short")]);
    expect(counts.some((s) => /like/i.test(s.sql))).toBe(false);
  });
});
