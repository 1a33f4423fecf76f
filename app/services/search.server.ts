import type { Statement } from "better-sqlite3";
import type { DB } from "../../db/client";
import {
  indexNews,
  indexPage,
  indexService,
  upsertSearchDocument,
  type SearchDocumentInput,
} from "../../db/search-index";
import { db } from "~/db.server";
import { env } from "~/env.server";
import {
  BM25_WEIGHTS,
  buildMatch,
  EXACT_COLUMNS,
  highlight,
  planTerms,
  queryTerms,
  type Segment,
} from "./search-query.server";
import { reviewCutoff } from "./visibility.server";

/**
 * The portal's one search (docs/decisions/010). Other modules put their documents in with
 * `indexDocument` and take them out with `removeDocument`; `search` answers /sok.
 * This is the only module with SQLite-specific SQL (FTS5) outside db/.
 */
export type { SearchDocumentInput };

export function indexDocument(doc: SearchDocumentInput, database: DB = db()) {
  upsertSearchDocument(database, doc);
}

/**
 * Brings a catalogue item's documents up to date after an editor's change (publish, unpublish,
 * edit): the catalogue projections in db/search-index.ts build the documents and call
 * upsert/remove, as indexDocument does.
 */
export function reindexItem(type: "service" | "page" | "news", id: number, database: DB = db()) {
  if (type === "service") indexService(database, id);
  else if (type === "page") indexPage(database, id);
  else indexNews(database, id);
}

export const SEARCH_TYPES = ["service", "page", "news", "form"] as const;
export const PAGE_SIZE = 20;
/** Service descriptions are what most searches are for: they outrank news and pages on a par. */
const SERVICE_BOOST = 1.5;

export interface SearchParams {
  q: unknown;
  lang: "sv" | "en";
  municipality?: string | null;
  type?: string | null;
  page?: number;
  now?: Date;
  graceDays?: number;
}

export interface SearchHit {
  type: string;
  url: string;
  title: Segment[];
  snippet: Segment[];
  municipalities: string[] | "*";
}

export interface SearchResult {
  terms: string[];
  /** Terms that were also matched without regard to å, ä, ö (shown to the visitor). */
  foldedTerms: string[];
  total: number;
  page: number;
  pages: number;
  hits: SearchHit[];
}

/**
 * Columns whose words decide that a diacritic-free term was meant as typed. Keywords are left out:
 * they hold editors' spelling variants ("forskola"), which are no sign that the visitor meant a
 * word without å, ä or ö.
 */
const VOCABULARY_COLUMNS = EXACT_COLUMNS.filter((c) => c !== "keywords")
  .map((c) => `'${c}'`)
  .join(", ");

const statements = new WeakMap<object, Map<string, Statement>>();
/** Prepared statements are cached per connection: the SQL varies only with the filters used. */
function statement(database: DB, sql: string): Statement {
  let cache = statements.get(database.$client);
  if (!cache) statements.set(database.$client, (cache = new Map()));
  let st = cache.get(sql);
  if (!st) cache.set(sql, (st = database.$client.prepare(sql)));
  return st;
}

export function search(params: SearchParams, database: DB = db()): SearchResult {
  const terms = queryTerms(params.q);
  const vocab = statement(
    database,
    `SELECT 1 FROM search_fts_vocab WHERE term >= ? AND term < ? AND col IN (${VOCABULARY_COLUMNS}) LIMIT 1`,
  );
  // Every term is letters and digits only, so term + U+10FFFF bounds exactly the words it prefixes.
  const planned = planTerms(terms, (term) => vocab.get(term, `${term}\u{10FFFF}`) !== undefined);
  const match = buildMatch(planned);
  const page = Math.max(1, Math.min(1000, Math.trunc(params.page ?? 1) || 1));
  const empty: SearchResult = { terms, foldedTerms: [], total: 0, page, pages: 0, hits: [] };
  if (!match) return empty;

  const now = params.now ?? new Date();
  const where = [
    "search_fts MATCH @match",
    "d.lang = @lang",
    "(d.visible_from IS NULL OR d.visible_from <= @now)",
    "(d.visible_until IS NULL OR d.visible_until > @now)",
    "(d.review_by IS NULL OR d.review_by >= @cutoff)",
  ];
  const args: Record<string, string | number> = {
    match,
    lang: params.lang,
    now: now.toISOString(),
    cutoff: reviewCutoff(now, params.graceDays ?? env().CONTENT_REVIEW_GRACE_DAYS),
  };
  if (params.type) {
    where.push("d.type = @type");
    args.type = params.type;
  }
  if (params.municipality) {
    where.push("(d.municipalities = '*' OR instr(d.municipalities, @municipality) > 0)");
    args.municipality = ` ${params.municipality} `;
  }
  const from = `FROM search_fts JOIN search_document d ON d.id = search_fts.rowid WHERE ${where.join(" AND ")}`;
  // One pass over the matches: rank them, count them (window), keep one page of ids; then fetch
  // the texts of that page only. Sorting thousands of rows with their texts attached is what
  // makes a broad query slow.
  const rows = statement(
    database,
    `WITH ranked AS MATERIALIZED (
       SELECT d.id AS id,
              bm25(search_fts, ${BM25_WEIGHTS.join(", ")}) * (CASE d.type WHEN 'service' THEN ${SERVICE_BOOST} ELSE 1.0 END) AS rank
       ${from})
     SELECT (SELECT count(*) FROM ranked) AS total, d.type, d.url, f.title, f.summary, f.body, d.municipalities
     FROM (SELECT id, rank FROM ranked ORDER BY rank, id LIMIT @limit OFFSET @offset) top
     JOIN search_document d ON d.id = top.id
     JOIN search_fts f ON f.rowid = top.id
     ORDER BY top.rank, top.id`,
  ).all({ ...args, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }) as {
    total: number;
    type: string;
    url: string;
    title: string;
    summary: string;
    body: string;
    municipalities: string;
  }[];
  // Past the last page the window has no rows to count on; count separately only then.
  const total =
    rows[0]?.total ??
    (page > 1 ? (statement(database, `SELECT count(*) AS n ${from}`).get(args) as { n: number }).n : 0);
  return {
    terms,
    foldedTerms: planned.filter((p) => p.folded).map((p) => p.term),
    total,
    page,
    pages: Math.ceil(total / PAGE_SIZE),
    hits: rows.map((r) => {
      const summaryMarks = highlight(r.summary, planned);
      const useBody = !summaryMarks.some((s) => s.mark) && r.body;
      return {
        type: r.type,
        url: r.url,
        title: highlight(r.title, planned, 500),
        snippet: useBody ? highlight(r.body, planned) : summaryMarks,
        municipalities: r.municipalities === "*" ? "*" : r.municipalities.trim().split(/\s+/),
      };
    }),
  };
}
