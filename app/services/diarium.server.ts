import { and, asc, count, desc, eq, gte, lt, max, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { administration, diariumEntry, municipality } from "../../db/schema/index";
import { db } from "~/db.server";
import { getFixedT } from "~/i18n/i18n.server";
import type { Language } from "~/i18n/config";
import { CASE_STATUSES } from "~/domain/statuses";
import { maskEntry, publicRegisteredAt } from "./diarium-rules";
import { CASE_STATUS_KEY } from "~/i18n/keys";

export const DIARIUM_PAGE_SIZE = 25;
export const DIARIUM_CSV_MAX = 5000;
/**
 * Rows an index walk may visit before looking up the matches and sorting them is cheaper
 * (decision 039: ~40,000 ≈ 65 ms with LIKE per row; kept for the FTS walk of decision 072, where a
 * visit is a Bloom-filter probe and cheaper still, so it errs towards the lookup for rare words).
 */
const WALK_ROWS = 40_000;

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

/** The index answers substrings of 3 characters or more (trigrams); shorter words fall back to LIKE. */
const TRIGRAM = 3;

function searchWords(q: DiariumQuery) {
  // NUL separates words too: FTS5 reads a string only up to it ("unterminated string", a 500).
  const words = (q.q ?? "")
    .toLowerCase()
    .split(/[\s\0]+/)
    .filter(Boolean)
    .slice(0, 8);
  const indexed = words.filter((w) => [...w].length >= TRIGRAM);
  return { indexed, short: words.filter((w) => [...w].length < TRIGRAM) };
}

/**
 * An FTS5 query that asks for every word as a substring: each word one quoted string (quotes
 * doubled), so no FTS5 syntax from the visitor survives; with the trigram tokenizer a string is
 * the phrase of its trigrams, i.e. the same substring LIKE '%word%' found (docs/decisions/072).
 */
function ftsQuery(words: string[]): string {
  return words.map((w) => `"${w.replaceAll('"', '""')}"`).join(" ");
}

/**
 * `walk`: written `+id IN (…)` so that SQLite materialises the matches once (with a Bloom filter)
 * and walks the registered_at index newest first, instead of looking up every match by rowid.
 */
function conditions(q: DiariumQuery, { walk = false } = {}): SQL[] {
  const where: SQL[] = [];
  const { indexed, short } = searchWords(q);
  // Both match only the public projection (search_text, decision 017), which is all diarium_fts holds.
  if (indexed.length > 0) {
    const id = walk ? sql`+${diariumEntry.id}` : sql`${diariumEntry.id}`;
    where.push(sql`${id} in (select rowid from diarium_fts where diarium_fts match ${ftsQuery(indexed)})`);
  }
  for (const word of short) {
    // LIKE wildcards in input are literal (the ESCAPE clause was missing before decision 072).
    const pattern = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(sql`${diariumEntry.searchText} like ${pattern} escape '\\'`);
  }
  if (q.kommun) where.push(eq(municipality.slug, q.kommun));
  if (q.forvaltning) where.push(eq(administration.slug, q.forvaltning));
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

/** The one place a diarium row becomes public: raw party data never leaves this function. */
function toPublic(row: Row, lang: Language): PublicDiariumEntry {
  const t = getFixedT(lang, "diarium");
  const te = getFixedT(lang, "eservice");
  const masked = maskEntry({ ...row });
  const party =
    masked.party.kind === "organisation"
      ? masked.party.name
      : masked.party.kind === "none"
        ? t("party.none")
        : t(`party.${masked.party.kind}`);
  return {
    reference: row.reference,
    registeredAt: publicRegisteredAt(masked.sensitivity, row.registeredAt),
    caseType: row.caseType,
    title: t(`caseTypes.${row.caseType}`, { defaultValue: row.caseType }),
    subject: masked.subject,
    party,
    municipality: row.municipality,
    administration: lang === "sv" ? row.administrationSv : row.administrationEn,
    status: row.status,
    statusLabel: te(`caseStatus.${row.status}`, { defaultValue: row.status }),
    requestable: row.caseType !== "begaran-allman-handling",
  };
}

/**
 * How many entries match. Text alone is counted in the index without touching the table (the
 * common case); with filters or short words, the index narrows the rows the filters then check.
 */
function countMatches(q: DiariumQuery): number {
  const { indexed, short } = searchWords(q);
  const filtered = q.kommun ?? q.forvaltning ?? q.status ?? q.fran ?? q.till;
  if (indexed.length > 0 && short.length === 0 && !filtered) {
    return (
      db().get<{ n: number }>(sql`select count(*) as n from diarium_fts where diarium_fts match ${ftsQuery(indexed)}`)
        ?.n ?? 0
    );
  }
  const query = db().select({ n: count() }).from(diariumEntry);
  const joined =
    q.kommun || q.forvaltning
      ? query
          .innerJoin(municipality, eq(municipality.id, diariumEntry.municipalityId))
          .innerJoin(administration, eq(administration.id, diariumEntry.administrationId))
      : query;
  return joined.where(and(...conditions(q))).get()?.n ?? 0;
}

/** One page of the register, newest first; pages of 25 on /diarium, as asked (1–100) in the API. */
export function searchDiarium(q: DiariumQuery, lang: Language, pageSize = DIARIUM_PAGE_SIZE) {
  const total = countMatches(q);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(q.sida ?? 1, pages);
  const offset = (page - 1) * pageSize;
  if (total === 0) return { total, page, pages, entries: [] };
  // Same rows and order either way; only the plan differs (docs/decisions/039, 072). SQLite walks
  // the registered_at index newest first and stops after the page: quick when many entries match,
  // but a rare word makes it visit most of the index. The count we already have tells which case
  // it is: when fewer than about one entry in WALK_ROWS / (offset + page size) matches, looking up
  // the few matches and sorting them is cheaper, and `+` keeps SQLite from using the index for
  // the ORDER BY.
  const approxRows =
    db()
      .select({ n: max(diariumEntry.id) })
      .from(diariumEntry)
      .get()?.n ?? 0;
  const walk = total * WALK_ROWS >= (offset + pageSize) * approxRows;
  const rows = selectEntries()
    .where(and(...conditions(q, { walk })))
    .orderBy(walk ? desc(diariumEntry.registeredAt) : desc(sql`+${diariumEntry.registeredAt}`), desc(diariumEntry.id))
    .limit(pageSize)
    .offset(offset)
    .all();
  return { total, page, pages, entries: rows.map((r) => toPublic(r, lang)) };
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
  return selectEntries()
    .where(and(...conditions({ kommun: q.kommun, forvaltning: q.forvaltning })))
    .orderBy(desc(diariumEntry.registeredAt), desc(diariumEntry.id))
    .limit(limit)
    .all()
    .map((r) => toPublic(r, lang));
}

export function exportDiariumCsv(q: DiariumQuery, lang: Language): string {
  const t = getFixedT(lang, "diarium");
  const rows = selectEntries()
    .where(and(...conditions(q)))
    .orderBy(desc(diariumEntry.registeredAt), desc(diariumEntry.id))
    .limit(DIARIUM_CSV_MAX)
    .all()
    .map((r) => toPublic(r, lang));
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

export function diariumFilterOptions(lang: Language) {
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
