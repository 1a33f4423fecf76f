import { and, eq, inArray } from "drizzle-orm";
import type { DB } from "./client";
import { municipality, news, page, searchDocument, service, serviceMunicipality } from "./schema/index";

/**
 * Writing side of the search index (docs/decisions/010): the generic upsert any module can use,
 * and the projections of catalogue rows into search documents. Plain functions over a DB handle
 * so that the seed and the app share them (db/ never imports app/).
 */

/** Lower-case and strip diacritics: "Förskola" → "forskola", "café" → "cafe". */
export function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .normalize("NFC")
    .toLowerCase();
}

/** Markdown to plain text, good enough for indexing and snippets (never rendered as HTML). */
export function markdownToText(markdown: string): string {
  return (
    markdown
      .replace(/```[\s\S]*?```/g, " ")
      .replace(/!\[([^[\]]*)\]\([^()]*\)/g, "$1")
      // Neither pattern can run past the next "[" / "(" / "<", so both are linear (decision 040).
      .replace(/\[([^[\]]*)\]\([^()]*\)/g, "$1")
      .replace(/<[^<>]*>/g, " ")
      .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+[.)])\s+/gm, "")
      .replace(/[*_`~]+/g, "")
      .replace(/\s+/g, " ")
      .trim()
  );
}

export interface SearchDocumentInput {
  type: string;
  refId: string;
  lang: "sv" | "en";
  /** Municipality slugs the document belongs to, or "*" for all five. */
  municipalities: string[] | "*";
  url: string;
  title: string;
  keywords?: string;
  summary?: string;
  body?: string;
  visibleFrom?: string | null;
  visibleUntil?: string | null;
  reviewBy?: string | null;
}

export function upsertSearchDocument(db: DB, doc: SearchDocumentInput) {
  const values = {
    type: doc.type,
    refId: doc.refId,
    lang: doc.lang,
    municipalities: doc.municipalities === "*" ? "*" : ` ${doc.municipalities.join(" ")} `,
    visibleFrom: doc.visibleFrom ?? null,
    visibleUntil: doc.visibleUntil ?? null,
    reviewBy: doc.reviewBy ?? null,
    url: doc.url,
    updatedAt: new Date().toISOString(),
  };
  const { id } = db
    .insert(searchDocument)
    .values(values)
    .onConflictDoUpdate({ target: [searchDocument.type, searchDocument.refId, searchDocument.lang], set: values })
    .returning({ id: searchDocument.id })
    .get();
  const texts = [doc.title, doc.keywords ?? "", doc.summary ?? "", doc.body ?? ""];
  const sqlite = db.$client;
  sqlite.prepare("DELETE FROM search_fts WHERE rowid = ?").run(id);
  sqlite
    .prepare(
      `INSERT INTO search_fts(rowid, title, keywords, summary, body, title_folded, keywords_folded, summary_folded, body_folded)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(id, ...texts, ...texts.map(fold));
}

/** Removes a document in every language (a trigger removes its FTS row). */
export function removeSearchDocuments(db: DB, type: string, refId: string) {
  db.delete(searchDocument)
    .where(and(eq(searchDocument.type, type), eq(searchDocument.refId, refId)))
    .run();
}

const LANGS = ["sv", "en"] as const;
const pick = (sv: string, en: string | null, lang: "sv" | "en") => (lang === "en" && en ? en : sv);

/** (Re)index one service from its row; removes it from the index unless it is published. */
export function indexService(db: DB, id: number) {
  const row = db.select().from(service).where(eq(service.id, id)).get();
  if (!row) return;
  const refId = String(row.id);
  if (row.status !== "published") return removeSearchDocuments(db, "service", refId);
  const offered = db
    .select({ slug: municipality.slug })
    .from(serviceMunicipality)
    .innerJoin(municipality, eq(municipality.id, serviceMunicipality.municipalityId))
    .where(eq(serviceMunicipality.serviceId, row.id))
    .all()
    .map((r) => r.slug);
  for (const lang of LANGS) {
    upsertSearchDocument(db, {
      type: "service",
      refId,
      lang,
      municipalities: row.shared ? "*" : offered,
      url: `/tjanster/${row.slug}`,
      title: pick(row.titleSv, row.titleEn, lang),
      keywords: row.keywords,
      summary: pick(row.summarySv, row.summaryEn, lang),
      body: markdownToText(
        [
          pick(row.audienceSv, row.audienceEn, lang),
          pick(row.howToApplySv, row.howToApplyEn, lang),
          pick(row.bodySv, row.bodyEn, lang),
        ].join("\n\n"),
      ),
      visibleFrom: row.publishAt,
      visibleUntil: row.unpublishAt,
      reviewBy: row.reviewBy,
    });
  }
}

export function indexPage(db: DB, id: number) {
  const found = db
    .select({ row: page, slug: municipality.slug, name: municipality.name })
    .from(page)
    .innerJoin(municipality, eq(municipality.id, page.municipalityId))
    .where(eq(page.id, id))
    .get();
  if (!found) return;
  const { row } = found;
  const refId = String(row.id);
  if (row.status !== "published") return removeSearchDocuments(db, "page", refId);
  for (const lang of LANGS) {
    upsertSearchDocument(db, {
      type: "page",
      refId,
      lang,
      municipalities: [found.slug],
      url: `/${found.slug}/${row.kind === "activity" ? "verksamheter" : "sidor"}/${row.slug}`,
      title: pick(row.titleSv, row.titleEn, lang),
      keywords: found.name,
      summary: pick(row.summarySv, row.summaryEn, lang),
      body: markdownToText(pick(row.bodySv, row.bodyEn, lang)),
      visibleFrom: row.publishAt,
      visibleUntil: row.unpublishAt,
      reviewBy: row.reviewBy,
    });
  }
}

export function indexNews(db: DB, id: number) {
  const found = db
    .select({ row: news, slug: municipality.slug, name: municipality.name })
    .from(news)
    .innerJoin(municipality, eq(municipality.id, news.municipalityId))
    .where(eq(news.id, id))
    .get();
  if (!found) return;
  const { row } = found;
  const refId = String(row.id);
  if (row.status !== "published") return removeSearchDocuments(db, "news", refId);
  for (const lang of LANGS) {
    upsertSearchDocument(db, {
      type: "news",
      refId,
      lang,
      municipalities: [found.slug],
      url: `/${found.slug}/nyheter/${row.slug}`,
      title: pick(row.titleSv, row.titleEn, lang),
      keywords: found.name,
      summary: pick(row.summarySv, row.summaryEn, lang),
      body: markdownToText(pick(row.bodySv, row.bodyEn, lang)),
      visibleFrom: row.publishAt,
      visibleUntil: row.unpublishAt,
      reviewBy: row.reviewBy,
    });
  }
}

/** Rebuilds the catalogue's part of the index (seed, or after a bulk change). */
export function reindexCatalogue(db: DB) {
  for (const { id } of db.select({ id: service.id }).from(service).all()) indexService(db, id);
  for (const { id } of db.select({ id: page.id }).from(page).all()) indexPage(db, id);
  for (const { id } of db.select({ id: news.id }).from(news).all()) indexNews(db, id);
  // Documents whose item no longer exists.
  for (const [type, table] of [
    ["service", service],
    ["page", page],
    ["news", news],
  ] as const) {
    const ids = new Set(
      db
        .select({ id: table.id })
        .from(table)
        .all()
        .map((r) => String(r.id)),
    );
    const stale = db
      .select({ refId: searchDocument.refId })
      .from(searchDocument)
      .where(eq(searchDocument.type, type))
      .all()
      .filter((r) => !ids.has(r.refId))
      .map((r) => r.refId);
    if (stale.length)
      db.delete(searchDocument)
        .where(and(eq(searchDocument.type, type), inArray(searchDocument.refId, stale)))
        .run();
  }
}
