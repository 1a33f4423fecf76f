import type { Statement } from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { db, prepareDatabase } from "~/db.server";
import { searchDiarium } from "~/services/diarium.server";

// The diarium search on 200,000 generated entries (issue 18, decisions 072 and 088): the same
// totals and pages as the substring search it replaced, and the query plans go through the FTS5
// trigram index, not a scan of the table with LIKE. No timing is asserted.

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

/** The search before decision 072: LIKE '%word%' for every word, wildcards literal. */
function likeSearch(q: string) {
  const words = q.toLowerCase().split(/\s+/).filter(Boolean);
  const patterns = words.map((w) => `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const where = words.map(() => "search_text like ? escape '\\'").join(" and ");
  const sqlite = db().$client;
  const total = sqlite
    .prepare(`select count(*) from diarium_entry where ${where}`)
    .pluck()
    .get(...patterns) as number;
  const page = sqlite
    .prepare(`select reference from diarium_entry where ${where} order by registered_at desc, id desc limit 25`)
    .pluck()
    .all(...patterns) as string[];
  return { total, page };
}

/** Runs `fn`, recording every statement it executes on the connection with its parameters. */
function recorded<T>(fn: () => T): { result: T; statements: { sql: string; params: unknown[] }[] } {
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

  it.each(["bygglov", "gatubelysning", "åmål", "snöröj", "ärende 1999", "qwzxv", "ed bygglov"])(
    "%s: the same total and first page as LIKE, through the trigram index",
    (q) => {
      const { result, statements } = recorded(() => searchDiarium({ q }, "sv"));
      const expected = likeSearch(q);
      expect(result.total).toBe(expected.total);
      expect(result.entries.map((e) => e.reference)).toEqual(expected.page);
      const searches = statements.filter((st) => /diarium_entry|diarium_fts/.test(st.sql));
      const plans = searches.map((st) => ({ sql: st.sql, plan: plan(st) }));
      // The count (and the page, when there is one) asks the FTS5 index …
      const viaIndex = plans.filter((p) => /diarium_fts/.test(p.sql));
      expect(viaIndex.length).toBeGreaterThan(0);
      for (const p of viaIndex) expect(p.plan.some((d) => /VIRTUAL TABLE INDEX/.test(d))).toBe(true);
      // … and nothing scans the whole table (an index walk newest first is not a scan of every row).
      for (const p of plans) expect(p.plan.filter((d) => /^SCAN diarium_entry$/.test(d))).toEqual([]);
      // No LIKE pattern for a word of three letters or more.
      for (const st of searches)
        for (const param of st.params)
          if (typeof param === "string" && param.startsWith("%")) expect(param.length - 2).toBeLessThan(3);
    },
  );

  it("a word under three letters falls back to LIKE (trigrams need three): same results", () => {
    const { result, statements } = recorded(() => searchDiarium({ q: "ed" }, "sv"));
    const expected = likeSearch("ed");
    expect(result.total).toBe(expected.total);
    expect(result.entries.map((e) => e.reference)).toEqual(expected.page);
    expect(statements.some((s) => /like/i.test(s.sql))).toBe(true);
    expect(statements.some((s) => /diarium_fts/.test(s.sql))).toBe(false);
    // The fallback is what scans: the plan says so, which is why the others are checked for it.
    const likes = statements.filter((s) => /like/i.test(s.sql)).map(plan);
    expect(likes.some((p) => p.some((d) => /^SCAN diarium_entry/.test(d)))).toBe(true);
  });
});
