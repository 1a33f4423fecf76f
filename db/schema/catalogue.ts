import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { administration, municipality } from "./municipalities";

/**
 * The service catalogue, municipal pages and news (step 1 of the ladder).
 *
 * Every publishable item carries the same life-cycle columns (docs/decisions/012):
 * a status an editor sets (draft | published | unpublished), optional scheduling
 * (publish_at, unpublish_at = expiry), an owner and a review-by date. Whether a resident
 * sees an item is decided at read time from these columns and the clock, so scheduled and
 * expired items need no background job.
 *
 * Texts come in pairs: Swedish is required, English may be null (the public page then shows
 * Swedish with a visible note).
 */
export const CONTENT_STATUSES = ["draft", "published", "unpublished"] as const;
export type ContentStatus = (typeof CONTENT_STATUSES)[number];

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

function lifecycle() {
  return {
    status: text("status", { enum: CONTENT_STATUSES }).notNull().default("draft"),
    /** ISO instant; null = as soon as published. */
    publishAt: text("publish_at"),
    /** ISO instant; null = no expiry. */
    unpublishAt: text("unpublish_at"),
    /** Who answers for the text being correct (name or staff username). */
    owner: text("owner").notNull(),
    /** ISO date (YYYY-MM-DD) by which the text must be checked again. */
    reviewBy: text("review_by").notNull(),
    /** ISO date the text was last confirmed correct: "last reviewed" on the public page. */
    reviewedAt: text("reviewed_at").notNull(),
    /** Invented example content from the seed. */
    example: integer("example", { mode: "boolean" }).notNull().default(false),
    createdAt: text("created_at").notNull().default(now),
    updatedAt: text("updated_at").notNull().default(now),
    /** Staff username of the last change, or "seed" while the seed still owns the row. */
    updatedBy: text("updated_by").notNull().default("seed"),
  };
}

/** A service description (tjänstebeskrivning), shared by all five or offered by some. */
export const service = sqliteTable(
  "service",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull().unique(),
    category: text("category").notNull(),
    /** Administration (förvaltning) slug; each offering municipality has one with this slug. */
    administrationSlug: text("administration_slug").notNull(),
    /** True when all five municipalities offer it: only portal-wide editors may change it. */
    shared: integer("shared", { mode: "boolean" }).notNull(),
    titleSv: text("title_sv").notNull(),
    titleEn: text("title_en"),
    summarySv: text("summary_sv").notNull(),
    summaryEn: text("summary_en"),
    audienceSv: text("audience_sv").notNull(),
    audienceEn: text("audience_en"),
    howToApplySv: text("how_to_apply_sv").notNull(),
    howToApplyEn: text("how_to_apply_en"),
    costSv: text("cost_sv").notNull(),
    costEn: text("cost_en"),
    processingTimeSv: text("processing_time_sv").notNull(),
    processingTimeEn: text("processing_time_en"),
    processingDays: integer("processing_days"),
    legalBasisSv: text("legal_basis_sv").notNull(),
    legalBasisEn: text("legal_basis_en"),
    bodySv: text("body_sv").notNull(),
    bodyEn: text("body_en"),
    /** Search keywords and synonyms, space separated. */
    keywords: text("keywords").notNull().default(""),
    /** Form or e-service id (forms/definitions), linked as /blanketter/{id}. */
    eServiceId: text("e_service_id"),
    ...lifecycle(),
  },
  (t) => [index("service_category").on(t.category)],
);

/** A municipality that offers a service, with its local differences. */
export const serviceMunicipality = sqliteTable(
  "service_municipality",
  {
    serviceId: integer("service_id")
      .notNull()
      .references(() => service.id, { onDelete: "cascade" }),
    municipalityId: integer("municipality_id")
      .notNull()
      .references(() => municipality.id),
    /** The municipality's administration that answers for the service. */
    administrationId: integer("administration_id").references(() => administration.id),
    feeSv: text("fee_sv"),
    feeEn: text("fee_en"),
    processingTimeSv: text("processing_time_sv"),
    processingTimeEn: text("processing_time_en"),
    processingDays: integer("processing_days"),
    contactNameSv: text("contact_name_sv"),
    contactNameEn: text("contact_name_en"),
    contactPhone: text("contact_phone"),
    contactEmail: text("contact_email"),
    localRulesSv: text("local_rules_sv"),
    localRulesEn: text("local_rules_en"),
  },
  (t) => [primaryKey({ columns: [t.serviceId, t.municipalityId] })],
);

export const serviceRelated = sqliteTable(
  "service_related",
  {
    serviceId: integer("service_id")
      .notNull()
      .references(() => service.id, { onDelete: "cascade" }),
    relatedServiceId: integer("related_service_id")
      .notNull()
      .references(() => service.id, { onDelete: "cascade" }),
    position: integer("position").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.serviceId, t.relatedServiceId] })],
);

/** Other authorities (authorities.ts slugs) relevant to a service. */
export const serviceAuthority = sqliteTable(
  "service_authority",
  {
    serviceId: integer("service_id")
      .notNull()
      .references(() => service.id, { onDelete: "cascade" }),
    authoritySlug: text("authority_slug").notNull(),
    position: integer("position").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.serviceId, t.authoritySlug] })],
);

export const PAGE_KINDS = ["activity", "page"] as const;
export type PageKind = (typeof PAGE_KINDS)[number];

/** A municipal page: an activity (verksamhet) with contact and opening hours, or an information page. */
export const page = sqliteTable(
  "page",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    municipalityId: integer("municipality_id")
      .notNull()
      .references(() => municipality.id),
    administrationId: integer("administration_id").references(() => administration.id),
    kind: text("kind", { enum: PAGE_KINDS }).notNull().default("page"),
    slug: text("slug").notNull(),
    titleSv: text("title_sv").notNull(),
    titleEn: text("title_en"),
    summarySv: text("summary_sv").notNull(),
    summaryEn: text("summary_en"),
    bodySv: text("body_sv").notNull(),
    bodyEn: text("body_en"),
    contactName: text("contact_name"),
    contactPhone: text("contact_phone"),
    contactEmail: text("contact_email"),
    visitingAddress: text("visiting_address"),
    openingHoursSv: text("opening_hours_sv"),
    openingHoursEn: text("opening_hours_en"),
    ...lifecycle(),
  },
  (t) => [uniqueIndex("page_municipality_slug").on(t.municipalityId, t.slug)],
);

export const news = sqliteTable(
  "news",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    municipalityId: integer("municipality_id")
      .notNull()
      .references(() => municipality.id),
    administrationId: integer("administration_id").references(() => administration.id),
    slug: text("slug").notNull(),
    titleSv: text("title_sv").notNull(),
    titleEn: text("title_en"),
    summarySv: text("summary_sv").notNull(),
    summaryEn: text("summary_en"),
    bodySv: text("body_sv").notNull(),
    bodyEn: text("body_en"),
    ...lifecycle(),
  },
  (t) => [uniqueIndex("news_municipality_slug").on(t.municipalityId, t.slug), index("news_publish_at").on(t.publishAt)],
);

export const CONTENT_TYPES = ["service", "page", "news"] as const;
export type ContentType = (typeof CONTENT_TYPES)[number];

/**
 * Every saved state of a service, page or news item: a full JSON snapshot (the row plus, for
 * services, its municipal variants and links), who and when. History, diff and restore read
 * only this table. One table for the three types keeps the code single.
 */
export const contentVersion = sqliteTable(
  "content_version",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    contentType: text("content_type", { enum: CONTENT_TYPES }).notNull(),
    contentId: integer("content_id").notNull(),
    version: integer("version").notNull(),
    snapshot: text("snapshot", { mode: "json" }).notNull(),
    /** What happened: created, edited, published, unpublished, scheduled, restored, seeded. */
    action: text("action").notNull(),
    createdBy: text("created_by").notNull(),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [uniqueIndex("content_version_item_version").on(t.contentType, t.contentId, t.version)],
);

/**
 * Review reminders sent to an item's owner (one per item): the reminder job mails again only
 * when the review-by date has changed since, or after the re-remind interval
 * (docs/decisions/035).
 */
export const reviewReminder = sqliteTable(
  "review_reminder",
  {
    contentType: text("content_type", { enum: CONTENT_TYPES }).notNull(),
    contentId: integer("content_id").notNull(),
    /** The review-by date the last reminder was about. */
    reviewBy: text("review_by").notNull(),
    recipient: text("recipient").notNull(),
    sentAt: text("sent_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.contentType, t.contentId] })],
);

/**
 * The search index's document table, generic over types (services, pages, news, later forms).
 * Modules upsert through app/services/search.server.ts (db/search-index.ts). This table holds
 * only what results are filtered on, so that joining thousands of matches to it stays cheap;
 * the texts live in the FTS5 table `search_fts` (custom migration, docs/decisions/010), one row
 * per document with the same rowid, including `*_folded` copies without diacritics.
 */
export const searchDocument = sqliteTable(
  "search_document",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    type: text("type").notNull(),
    refId: text("ref_id").notNull(),
    lang: text("lang", { enum: ["sv", "en"] }).notNull(),
    /** " amal mellerud " (space-delimited slugs) or "*" for all five. */
    municipalities: text("municipalities").notNull().default("*"),
    /** Visibility window, checked at query time (ISO instants / date). */
    visibleFrom: text("visible_from"),
    visibleUntil: text("visible_until"),
    reviewBy: text("review_by"),
    url: text("url").notNull(),
    updatedAt: text("updated_at").notNull().default(now),
  },
  (t) => [uniqueIndex("search_document_key").on(t.type, t.refId, t.lang)],
);

export type Service = typeof service.$inferSelect;
export type NewService = typeof service.$inferInsert;
export type ServiceMunicipality = typeof serviceMunicipality.$inferSelect;
export type Page = typeof page.$inferSelect;
export type News = typeof news.$inferSelect;
export type ContentVersion = typeof contentVersion.$inferSelect;
export type SearchDocument = typeof searchDocument.$inferSelect;
