import { and, asc, count, desc, eq, gte, inArray, lt, max, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { administration, diariumEntry, municipality } from "../../db/schema/index";
import { db } from "~/db.server";
import { prepared } from "~/db-prepared.server";
import { getFixedT } from "~/i18n/i18n.server";
import type { Language } from "~/i18n/config";
import { CASE_STATUSES } from "~/domain/statuses";
import { maskEntry, publicRegisteredAt } from "./diarium-rules";
import { CASE_STATUS_KEY } from "~/i18n/keys";
import { oncePerKey } from "~/utils/once-per-key";
import { withoutWaitingForDisk } from "~/db-durable.server";
import { env } from "~/env.server";
import { defineJob } from "~/jobs/runner.server";
import { mergeDiariumFts } from "./diarium-fts-merge.server";
import { indexQueuedDiariumEntries } from "./diarium-index-queue.server";

export const DIARIUM_PAGE_SIZE = 25;
export const DIARIUM_CSV_MAX = 5000;

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "date")
  .refine(
    (v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
    "date",
  );

function isMunicipalitySlug(slug: string): boolean {
  return db().select({ id: municipality.id }).from(municipality).where(eq(municipality.slug, slug)).get() !== undefined;
}

function isAdministrationSlug(slug: string): boolean {
  return (
    db().select({ id: administration.id }).from(administration).where(eq(administration.slug, slug)).get() !== undefined
  );
}

const optional = <T extends z.ZodTypeAny>(schema: T) =>
  z.preprocess((v) => (v === "" || v === null ? undefined : v), schema.optional());

export const DiariumQuerySchema = z
  .object({
    q: optional(z.string().trim().max(100, "q")),
    // Municipalities and administrations are run-time data (decision 056): checked against the tables.
    kommun: optional(z.string().max(60, "municipality").refine(isMunicipalitySlug, "municipality")),
    forvaltning: optional(z.string().max(60, "administration").refine(isAdministrationSlug, "administration")),
    status: optional(z.enum(CASE_STATUSES, { message: "status" })),
    fran: optional(isoDate),
    till: optional(isoDate),
    sida: optional(z.coerce.number({ message: "page" }).int("page").min(1, "page").max(10_000, "page")),
  })
  .refine((v) => !v.fran || !v.till || v.fran <= v.till, { message: "range", path: ["till"] });
export type DiariumQuery = z.infer<typeof DiariumQuerySchema>;

const KNOWN_PARAMS = new Set(["q", "kommun", "forvaltning", "status", "fran", "till", "sida", "lang"]);

export type DiariumQueryResult =
  | { ok: true; query: DiariumQuery }
  | {
      ok: false;
      query: Record<string, string>;
      errors: Record<string, { code: string; params?: Record<string, string> }>;
    };

/** Parses the search form's GET parameters; unknown and malformed values become field errors. */
export function parseDiariumQuery(params: URLSearchParams): DiariumQueryResult {
  const raw: Record<string, string> = {};
  const unknown: string[] = [];
  for (const [k, v] of params) {
    if (!KNOWN_PARAMS.has(k)) unknown.push(k.slice(0, 40));
    else if (k !== "lang") raw[k] = v.slice(0, 500);
  }
  const parsed = DiariumQuerySchema.safeParse(raw);
  const errors: Record<string, { code: string; params?: Record<string, string> }> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "q");
      const code = ["date", "range", "municipality", "administration", "status", "q", "page"].includes(issue.message)
        ? issue.message
        : field === "fran" || field === "till"
          ? "date"
          : "q";
      errors[field] ??= { code };
    }
  }
  if (unknown.length > 0) errors._form = { code: "unknown", params: { names: unknown.join(", ") } };
  if (parsed.success && unknown.length === 0) return { ok: true, query: parsed.data };
  return { ok: false, query: raw, errors };
}

export interface PublicDiariumEntry {
  reference: string;
  registeredAt: string;
  caseType: string;
  title: string;
  subject: string | null;
  party: string;
  municipality: string;
  administration: string;
  status: string;
  statusLabel: string;
  /** Whether "begär ut handling" is offered (always, except for the request form's own cases). */
  requestable: boolean;
}

/** The index answers substrings of 3 characters or more (trigrams); shorter words have their own (decision 118). */
const TRIGRAM = 3;

function searchWords(q: DiariumQuery) {
  // NUL separates words too: FTS5 reads a string only up to it ("unterminated string", a 500).
  const words = (q.q ?? "")
    .toLowerCase()
    .split(/[\s\0]+/)
    .filter(Boolean)
    .slice(0, 8);
  // Every word must be a substring of the text, so a word inside another word of the search asks
  // nothing more ("bygglov bygg" finds what "bygglov" finds) and the order of the words does not
  // matter: one search, one remembered count (decision 131). Only among words of the trigram index,
  // which folds case letter by letter for both; the short words' index folds ASCII only (118).
  const long = [...new Set(words.filter((w) => [...w].length >= TRIGRAM))];
  const indexed = long.filter((w) => !long.some((other) => other !== w && other.includes(w))).sort();
  return { indexed, short: [...new Set(words.filter((w) => [...w].length < TRIGRAM))].sort() };
}

/** One quoted FTS5 string per token (quotes doubled), so no FTS5 syntax from the visitor survives. */
const quoted = (tokens: string[]) => tokens.map((w) => `"${w.replaceAll('"', '""')}"`).join(" ");

/**
 * An FTS5 query that asks for every word as a substring: with the trigram tokenizer a string is
 * the phrase of its trigrams, i.e. the same substring LIKE '%word%' found (docs/decisions/072).
 */
const ftsQuery = (words: string[]) => quoted(words);

/**
 * The same for words of one or two characters, in diarium_fts_short (migration 0044): it indexes
 * the text with char(2) around every character, so a character `x` is the trigram "\2x\2" and a
 * pair `ed` the trigram "e\2d"; a row holds that token exactly when LIKE '%word%' matched it.
 */
const SEP = "\u0002";
const shortQuery = (words: string[]) =>
  quoted(
    words.map((w) => {
      const [a, b] = [...w];
      return b === undefined ? `${SEP}${a}${SEP}` : `${a}${SEP}${b}`;
    }),
  );

/** The ids behind the municipality and administration filters: the count then needs no join. */
function filterIds(q: DiariumQuery) {
  const municipalityId = q.kommun
    ? (db().select({ id: municipality.id }).from(municipality).where(eq(municipality.slug, q.kommun)).get()?.id ?? -1)
    : undefined;
  const administrationIds = q.forvaltning
    ? db()
        .select({ id: administration.id })
        .from(administration)
        .where(eq(administration.slug, q.forvaltning))
        .all()
        .map((a) => a.id)
    : undefined;
  return { municipalityId, administrationIds };
}

/**
 * How the rows of a search are reached (decision 118); the WHERE is on diarium_entry's own columns:
 * - "lookup": the text indexes give the matching ids, which are looked up one by one;
 * - "bloom": written `+id IN (…)`, so SQLite materialises the matches once (with a Bloom filter)
 *   and walks an index of diarium_entry against them (registered_at for a page, the filter's own
 *   index for a filtered count: municipality, administration, status or dates);
 * - "like": an index is walked and each row visited is checked with LIKE on its public text, for
 *   a first page of a common word, where a few dozen rows are visited and nothing is materialised.
 */
type Plan = "lookup" | "bloom" | "like";

function conditions(q: DiariumQuery, plan: Plan = "lookup"): SQL[] {
  const where: SQL[] = [];
  const { indexed, short } = searchWords(q);
  // All of them match only the public projection (search_text, decision 017), which is all the indexes hold.
  if (plan === "like") {
    for (const word of [...indexed, ...short]) {
      // LIKE wildcards in input are literal (the ESCAPE clause was missing before decision 072).
      const pattern = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      where.push(sql`${diariumEntry.searchText} like ${pattern} escape '\\'`);
    }
  } else {
    const id = plan === "bloom" ? sql`+${diariumEntry.id}` : sql`${diariumEntry.id}`;
    if (indexed.length > 0)
      where.push(sql`${id} in (select rowid from diarium_fts where diarium_fts match ${ftsQuery(indexed)})`);
    if (short.length > 0)
      where.push(
        sql`${id} in (select rowid from diarium_fts_short where diarium_fts_short match ${shortQuery(short)})`,
      );
  }
  const { municipalityId, administrationIds } = filterIds(q);
  if (municipalityId !== undefined) where.push(eq(diariumEntry.municipalityId, municipalityId));
  if (administrationIds !== undefined)
    where.push(administrationIds.length > 0 ? inArray(diariumEntry.administrationId, administrationIds) : sql`0`);
  if (q.status) where.push(eq(diariumEntry.status, q.status));
  if (q.fran) where.push(gte(diariumEntry.registeredAt, `${q.fran}T00:00:00`));
  if (q.till) where.push(lt(diariumEntry.registeredAt, nextDay(q.till)));
  return where;
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function selectEntries() {
  return db()
    .select({
      id: diariumEntry.id,
      reference: diariumEntry.reference,
      registeredAt: diariumEntry.registeredAt,
      caseType: diariumEntry.caseType,
      area: diariumEntry.area,
      sensitivity: diariumEntry.sensitivity,
      subject: diariumEntry.subject,
      partyKind: diariumEntry.partyKind,
      partyName: diariumEntry.partyName,
      status: diariumEntry.status,
      municipality: municipality.name,
      administrationSlug: administration.slug,
      administrationSv: administration.nameSv,
      administrationEn: administration.nameEn,
    })
    .from(diariumEntry)
    .innerJoin(municipality, eq(municipality.id, diariumEntry.municipalityId))
    .innerJoin(administration, eq(administration.id, diariumEntry.administrationId));
}

type Row = Awaited<ReturnType<ReturnType<typeof selectEntries>["all"]>>[number];

/**
 * The texts a page of rows needs, each translated once per call: a page of 25 rows asked i18next
 * for 75 texts with two new fixed-T functions per row, about a tenth of a first search's CPU, for
 * a handful of distinct case types, statuses and party kinds (decision 139).
 */
function publicLabels(lang: Language) {
  const t = getFixedT(lang, "diarium");
  const te = getFixedT(lang, "eservice");
  const once = oncePerKey<string>();
  return {
    party: (kind: string) => once(`party:${kind}`, () => t(`party.${kind}`)),
    caseType: (caseType: string) =>
      once(`caseType:${caseType}`, () => t(`caseTypes.${caseType}`, { defaultValue: caseType })),
    status: (status: string) => once(`status:${status}`, () => te(`caseStatus.${status}`, { defaultValue: status })),
  };
}

/** The one place a diarium row becomes public: raw party data never leaves this function. */
function toPublic(row: Row, lang: Language, labels: ReturnType<typeof publicLabels>): PublicDiariumEntry {
  const masked = maskEntry({ ...row });
  const party = masked.party.kind === "organisation" ? masked.party.name : labels.party(masked.party.kind);
  return {
    reference: row.reference,
    registeredAt: publicRegisteredAt(masked.sensitivity, row.registeredAt),
    caseType: row.caseType,
    title: labels.caseType(row.caseType),
    subject: masked.subject,
    party,
    municipality: row.municipality,
    administration: lang === "sv" ? row.administrationSv : row.administrationEn,
    status: row.status,
    statusLabel: labels.status(row.status),
    requestable: row.caseType !== "begaran-allman-handling",
  };
}

/** Rows made public, with the texts they share translated once. */
function toPublicAll(rows: Row[], lang: Language): PublicDiariumEntry[] {
  const labels = publicLabels(lang);
  return rows.map((r) => toPublic(r, lang, labels));
}

/** Searches whose count is remembered per connection (decision 126): a few dozen bytes each. */
const COUNT_CACHE_SIZE = 2_000;
/** Matching ids remembered beside the counts, all searches together (decision 131): 4 bytes each. */
const REMEMBERED_IDS = 200_000;

/**
 * What the database holds, as far as this connection can tell: `data_version` changes when another
 * connection (another process: the bench's writer, a restore) commits, `total_changes()` when this
 * one inserts, updates or deletes a row of any table (triggers included). Null inside a transaction:
 * a count read there may include rows a rollback takes back without changing either number.
 */
function databaseVersion(): string | null {
  const client = db().$client;
  if (client.inTransaction) return null;
  const row = prepared("diarium.version", (database) =>
    database.$client.prepare("select total_changes() as c, (select data_version from pragma_data_version) as v"),
  ).get() as { c: number; v: number };
  return `${row.v}:${row.c}`;
}

/**
 * What a search found: its exact total and, for a search by text alone with at most `LOOKUPS`
 * matches, every matching id (ascending), so that its pages need not ask FTS5 again (decision 131).
 */
interface Matches {
  total: number;
  ids: Int32Array | null;
}

const countCache = () =>
  prepared("diarium.counts", () => ({ version: "", ids: 0, counts: new Map<string, Matches>() }));

/** Forgets the remembered counts and ids (tests that look at how a count is made). */
export function forgetDiariumCounts() {
  const cache = countCache();
  cache.counts.clear();
  cache.ids = 0;
}

/**
 * `countMatches` remembered per search and database version (decision 126): the count is most of a
 * common word's cost (FTS5 decoding its doclist), and every page of a search, every repeated search
 * and every language asks for the same number. Exact, not estimated: any write drops the lot.
 */
function cachedMatches(q: DiariumQuery): Matches {
  const version = databaseVersion();
  if (version === null) return countMatches(q);
  const cache = countCache();
  if (cache.version !== version) {
    cache.version = version;
    cache.counts.clear();
    cache.ids = 0;
  }
  const { indexed, short } = searchWords(q);
  const key = JSON.stringify([indexed, short, q.kommun, q.forvaltning, q.status, q.fran, q.till]);
  let found = cache.counts.get(key);
  if (found === undefined) {
    found = countMatches(q);
    cache.counts.set(key, found);
    cache.ids += found.ids?.length ?? 0;
    // Oldest first, until both bounds hold (the newest entry is always kept).
    while (cache.counts.size > COUNT_CACHE_SIZE || (cache.ids > REMEMBERED_IDS && cache.counts.size > 1)) {
      const [oldest, dropped] = cache.counts.entries().next().value!;
      cache.counts.delete(oldest);
      cache.ids -= dropped.ids?.length ?? 0;
    }
  }
  return found;
}

const cachedCount = (q: DiariumQuery) => cachedMatches(q).total;

/**
 * How many entries match. Text alone is read from the indexes without touching the table (the
 * common case): its ids when there are at most `LOOKUPS` of them (one FTS5 pass serves the count
 * and every page, decision 131), else its count. With filters, the filter's index is walked
 * against the text's matches.
 */
function countMatches(q: DiariumQuery): Matches {
  const { indexed, short } = searchWords(q);
  const filtered = q.kommun ?? q.forvaltning ?? q.status ?? q.fran ?? q.till;
  if (!filtered && indexed.length + short.length > 0) {
    const [table, match, and] =
      short.length === 0
        ? (["diarium_fts", ftsQuery(indexed), sql``] as const)
        : indexed.length === 0
          ? (["diarium_fts_short", shortQuery(short), sql``] as const)
          : // `+rowid`: a rowid IN (…) constraint would make FTS5 answer the query once per rowid.
            ([
              "diarium_fts",
              ftsQuery(indexed),
              sql`and +rowid in (select rowid from diarium_fts_short where diarium_fts_short match ${shortQuery(short)})`,
            ] as const);
    // One FTS5 pass gives the count and, for at most `LOOKUPS` matches, the ids, so that no page
    // asks FTS5 again (decision 131). Not a limited read of the ids followed by a count: FTS5
    // decodes a phrase's trigram doclists before its first match, so a read stopped at 3,001 cost
    // nearly a whole pass, and a search of more matches paid two (decision 139). The ids of a larger
    // search are gathered too but never leave SQLite (about a sixth of the pass for 31,000 matches).
    const found = db().get<{ n: number; ids: string | null }>(
      sql`select count(*) as n, case when count(*) <= ${LOOKUPS} then group_concat(rowid) end as ids from ${sql.identifier(table)} where ${sql.identifier(table)} match ${match} ${and}`,
    );
    const total = found?.n ?? 0;
    if (total > LOOKUPS) return { total, ids: null };
    // Ascending, as FTS5 yields them; sorted all the same, since group_concat promises no order.
    const ids = Int32Array.from(found?.ids ? found.ids.split(",") : [], Number).sort();
    return { total, ids };
  }
  return {
    total:
      db()
        .select({ n: count() })
        .from(diariumEntry)
        .where(and(...conditions(q, "bloom")))
        .get()?.n ?? 0,
    ids: null,
  };
}

/** Rows a LIKE walk may be expected to visit (about 2 µs each, the row read included). */
const LIKE_VISITS = 2_000;
/** Matches looked up one by one and sorted rather than materialised for an index walk. */
const LOOKUPS = 3_000;
/**
 * With a search's ids remembered (decision 131), reading them newest first costs either a lookup
 * per match and a sort, or a step of the registered_at index per row visited (covered: ids only),
 * tested against the ids; a lookup costs about as much as this many steps.
 */
const STEPS_PER_LOOKUP = 6;

/** `id` among remembered ids (one JSON parameter); `+id` when the index is walked against them. */
function amongIds(ids: Int32Array, lookup: boolean): SQL {
  const list = JSON.stringify(Array.from(ids));
  return lookup
    ? sql`${diariumEntry.id} in (select value from json_each(${list}))`
    : sql`+${diariumEntry.id} in (select value from json_each(${list}))`;
}

/** One page of the register, newest first; pages of 25 on /diarium, as asked (1–100) in the API. */
export function searchDiarium(q: DiariumQuery, lang: Language, pageSize = DIARIUM_PAGE_SIZE) {
  // Sent entries still queued for the indexes first (decision 171): no search misses one.
  indexQueuedDiariumEntries();
  const { total, ids: matchIds } = cachedMatches(q);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(q.sida ?? 1, pages);
  const offset = (page - 1) * pageSize;
  if (total === 0) return { total, page, pages, entries: [] };
  // Same rows and order whichever plan (docs/decisions/039, 072, 118). A walk of the
  // registered_at index newest first stops after the page: it visits about
  // (offset + page size) × rows / total rows. Few visits: check each with LIKE. Few matches: look
  // them up and sort (`+` keeps SQLite from using the index for the ORDER BY). Otherwise walk the
  // index against the materialised matches, reading ids only (the index covers them), and read
  // the page's rows after. Without text there is nothing to look up: the walk it is.
  const { indexed, short } = searchWords(q);
  const text = indexed.length + short.length > 0;
  const approxRows =
    db()
      .select({ n: max(diariumEntry.id) })
      .from(diariumEntry)
      .get()?.n ?? 0;
  // A walk along one filter's index (municipality, administration, status or the dates) visits
  // that filter's rows only, not the register's: with one filter the expected visits are counted
  // against its own (cached, covering-index) count, and such a search is never looked up match by
  // match — that reads every text match by id, however few pass the filter (decision 126).
  const filters = [q.kommun, q.forvaltning, q.status, q.fran ?? q.till].filter((f) => f !== undefined).length;
  const population =
    filters === 1 && text
      ? cachedCount({ kommun: q.kommun, forvaltning: q.forvaltning, status: q.status, fran: q.fran, till: q.till })
      : approxRows;
  const visits = ((offset + pageSize) * population) / total;
  if (text && filters === 0 && visits <= LIKE_VISITS) {
    // Text alone, few rows to visit: the walk reads ids only, so that SQLite takes the index that
    // carries the public text (registered_at, id, search_text) and tests each row there; then the
    // page's rows are read by id. Reading each visited row's text from the table cost a table page
    // per visit, most of a first search of a common word when those pages are not cached (decision 149).
    const ids = db()
      .select({ id: diariumEntry.id })
      .from(diariumEntry)
      .where(and(...conditions(q, "like")))
      .orderBy(desc(diariumEntry.registeredAt), desc(diariumEntry.id))
      .limit(pageSize)
      .offset(offset)
      .all()
      .map((r) => r.id);
    return { total, page, pages, entries: toPublicAll(entriesById(ids), lang) };
  }
  if (!text || visits <= LIKE_VISITS) {
    const rows = selectEntries()
      .where(and(...conditions(q, "like")))
      .orderBy(desc(diariumEntry.registeredAt), desc(diariumEntry.id))
      .limit(pageSize)
      .offset(offset)
      .all();
    return { total, page, pages, entries: toPublicAll(rows, lang) };
  }
  // A search by text alone whose ids are remembered (decision 131) asks FTS5 nothing more: its ids
  // are looked up and sorted, or the index is walked against them, whichever visits less.
  const lookup = matchIds ? visits > STEPS_PER_LOOKUP * total : filters === 0 && total <= LOOKUPS;
  const ids = db()
    .select({ id: diariumEntry.id })
    .from(diariumEntry)
    .where(matchIds ? amongIds(matchIds, lookup) : and(...conditions(q, lookup ? "lookup" : "bloom")))
    .orderBy(lookup ? desc(sql`+${diariumEntry.registeredAt}`) : desc(diariumEntry.registeredAt), desc(diariumEntry.id))
    .limit(pageSize)
    .offset(offset)
    .all()
    .map((r) => r.id);
  return { total, page, pages, entries: toPublicAll(entriesById(ids), lang) };
}

/** The rows of `ids`, in that order. */
function entriesById(ids: number[]): Row[] {
  if (ids.length === 0) return [];
  const byId = new Map(
    selectEntries()
      .where(inArray(diariumEntry.id, ids))
      .all()
      .map((r) => [r.id, r]),
  );
  return ids.map((id) => byId.get(id)).filter((r) => r !== undefined);
}

/** How many of the newest entries a diarium feed carries. */
export const DIARIUM_FEED_SIZE = 50;
/** The /diarium filters a feed honours: a feed is "new cases", so text, status and dates do not apply. */
export const DIARIUM_FEED_FILTERS = ["kommun", "forvaltning"] as const;
export type DiariumFeedQuery = Pick<DiariumQuery, (typeof DIARIUM_FEED_FILTERS)[number]>;

/**
 * Parses a feed's GET parameters with the page's own parser, so the same values are valid; a
 * parameter the feed does not honour (q, status, dates, page) is an error rather than ignored.
 */
export function parseDiariumFeedQuery(
  params: URLSearchParams,
): { ok: true; query: DiariumFeedQuery } | { ok: false; errors: string[] } {
  const errors = [
    ...new Set(
      [...params.keys()].filter((k) => k !== "lang" && !(DIARIUM_FEED_FILTERS as readonly string[]).includes(k)),
    ),
  ].map((k) => `${k.slice(0, 40)}: not a feed filter`);
  const parsed = parseDiariumQuery(params);
  if (!parsed.ok) for (const [k, e] of Object.entries(parsed.errors)) if (k !== "_form") errors.push(`${k}: ${e.code}`);
  if (errors.length > 0 || !parsed.ok) return { ok: false, errors };
  return { ok: true, query: { kommun: parsed.query.kommun, forvaltning: parsed.query.forvaltning } };
}

/**
 * The newest registered entries for a feed, masked by `toPublic` exactly as on /diarium, in the
 * CSV and in the API: the same conditions, the same select and the same projection.
 */
export function latestDiariumEntries(
  q: DiariumFeedQuery,
  lang: Language,
  limit = DIARIUM_FEED_SIZE,
): PublicDiariumEntry[] {
  const rows = selectEntries()
    .where(and(...conditions({ kommun: q.kommun, forvaltning: q.forvaltning })))
    .orderBy(desc(diariumEntry.registeredAt), desc(diariumEntry.id))
    .limit(limit)
    .all();
  return toPublicAll(rows, lang);
}

export function exportDiariumCsv(q: DiariumQuery, lang: Language): string {
  indexQueuedDiariumEntries();
  const t = getFixedT(lang, "diarium");
  const rows = toPublicAll(
    selectEntries()
      .where(and(...conditions(q)))
      .orderBy(desc(diariumEntry.registeredAt), desc(diariumEntry.id))
      .limit(DIARIUM_CSV_MAX)
      .all(),
    lang,
  );
  const header = ["reference", "date", "title", "subject", "party", "municipality", "administration", "status"].map(
    (k) => t(`csv.${k}`),
  );
  const lines = [
    header,
    ...rows.map((e) => [
      e.reference,
      e.registeredAt.slice(0, 10),
      e.title,
      e.subject ?? "",
      e.party,
      e.municipality,
      e.administration,
      e.statusLabel,
    ]),
  ];
  // BOM so that Excel opens å/ä/ö correctly; CRLF per RFC 4180.
  return `\uFEFF${lines.map((l) => l.map(csvCell).join(";")).join("\r\n")}\r\n`;
}

/** RFC 4180 quoting, and no spreadsheet formulas from user-supplied text (CSV injection). */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

type FilterOptions = ReturnType<typeof readFilterOptions>;

/**
 * The search form's choices, remembered per language for one database version like the counts
 * (decision 131): the page asks for them twice (the form and the feed's title), and reading and
 * sorting them cost more than a remembered search's whole page.
 */
export function diariumFilterOptions(lang: Language): FilterOptions {
  const version = databaseVersion();
  if (version === null) return readFilterOptions(lang);
  const cache = prepared("diarium.options", () => ({ version: "", byLanguage: new Map<Language, FilterOptions>() }));
  if (cache.version !== version) {
    cache.version = version;
    cache.byLanguage.clear();
  }
  let options = cache.byLanguage.get(lang);
  if (options === undefined) {
    options = readFilterOptions(lang);
    cache.byLanguage.set(lang, options);
  }
  return options;
}

function readFilterOptions(lang: Language) {
  const munis = db()
    .select({ slug: municipality.slug, name: municipality.name })
    .from(municipality)
    .orderBy(asc(municipality.name))
    .all();
  const t = getFixedT(lang, "eservice");
  const admins = db()
    .selectDistinct({ slug: administration.slug, sv: administration.nameSv, en: administration.nameEn })
    .from(administration)
    .all();
  const seen = new Map<string, string>();
  for (const a of admins) if (!seen.has(a.slug)) seen.set(a.slug, lang === "sv" ? a.sv : a.en);
  return {
    municipalities: munis,
    administrations: [...seen]
      .map(([slug, name]) => ({ slug, name }))
      .sort((a, b) => a.name.localeCompare(b.name, "sv")),
    statuses: CASE_STATUSES.map((s) => ({ value: s, label: t(CASE_STATUS_KEY[s]) })),
  };
}

/**
 * Keeps the diarium's FTS5 indexes merged between requests (decision 168): every five minutes (off
 * in test: tests run it by hand), at most 2,000 steps of ~5 ms a run, 10 ms apart, each committed
 * without an fsync on the event loop (a merge a power cut undoes is simply done again).
 */
export const diariumFtsMergeJob = defineJob({
  name: "diarium-fts-merge",
  everyMs: () => (env().PORTAL_ENV === "test" ? 0 : 5 * 60_000),
  firstDelayMs: 5 * 60_000,
  run: async ({ signal }) => ({
    ...(await mergeDiariumFts(db().$client, { maxSteps: 2_000, pauseMs: 10, write: withoutWaitingForDisk, signal })),
  }),
});
