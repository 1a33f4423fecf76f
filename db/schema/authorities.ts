import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

/**
 * Step 4 of the ladder: other authorities (county, state, EU), the life-event guides that
 * cross authority boundaries, and the registry of every external link the portal shows
 * (so that one link checker keeps them all current; docs/decisions/019).
 */

export const AUTHORITY_LEVELS = ["county", "state", "eu"] as const;
export type AuthorityLevel = (typeof AUTHORITY_LEVELS)[number];

export const authority = sqliteTable("authority", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  slug: text("slug").notNull().unique(),
  level: text("level", { enum: AUTHORITY_LEVELS }).notNull(),
  /** Display order within the level (the order of the curated seed list). */
  position: integer("position").notNull().default(0),
  nameSv: text("name_sv").notNull(),
  nameEn: text("name_en").notNull(),
  descriptionSv: text("description_sv").notNull(),
  descriptionEn: text("description_en").notNull(),
  url: text("url").notNull(),
  /** Copied from external_link for the authority's home page after each check. */
  lastCheckedAt: text("last_checked_at"),
  lastStatus: integer("last_status"),
  broken: integer("broken", { mode: "boolean" }).notNull().default(false),
});

/** The services of an authority that matter for residents of Dalsland. */
export const authorityService = sqliteTable(
  "authority_service",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    authorityId: integer("authority_id")
      .notNull()
      .references(() => authority.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    titleSv: text("title_sv").notNull(),
    titleEn: text("title_en").notNull(),
    descriptionSv: text("description_sv").notNull(),
    descriptionEn: text("description_en").notNull(),
    url: text("url").notNull(),
  },
  (t) => [uniqueIndex("authority_service_position").on(t.authorityId, t.position)],
);

export const lifeEvent = sqliteTable("life_event", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  slug: text("slug").notNull().unique(),
  position: integer("position").notNull().default(0),
  titleSv: text("title_sv").notNull(),
  titleEn: text("title_en").notNull(),
  summarySv: text("summary_sv").notNull(),
  summaryEn: text("summary_en").notNull(),
  example: integer("example", { mode: "boolean" }).notNull().default(true),
  updatedAt: text("updated_at")
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  /** Staff username of the last published change, or "seed" while the seed's text stands. */
  updatedBy: text("updated_by").notNull().default("seed"),
  /**
   * An editor's unpublished working copy (title, summary, steps) as JSON; null when there is
   * none. Publishing applies it to this row and its steps (what residents see).
   */
  draft: text("draft", { mode: "json" }),
  draftBy: text("draft_by"),
  draftAt: text("draft_at"),
  /**
   * False for a guide an editor has created and not yet published: residents, the API, the
   * sitemap and the open-data feeds never see it (docs/decisions/061). Existing and seeded
   * guides are published.
   */
  published: integer("published", { mode: "boolean" }).notNull().default(true),
});

export const LIFE_EVENT_ACTORS = ["municipality", "authority"] as const;

/**
 * One step of a guide. Who does it: the municipality (optionally one of our services and/or
 * forms, referenced by their stable slugs/ids, which live in other tables or in code) or
 * another authority (by slug).
 */
export const lifeEventStep = sqliteTable(
  "life_event_step",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    lifeEventId: integer("life_event_id")
      .notNull()
      .references(() => lifeEvent.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    titleSv: text("title_sv").notNull(),
    titleEn: text("title_en").notNull(),
    bodySv: text("body_sv").notNull(),
    bodyEn: text("body_en").notNull(),
    actorKind: text("actor_kind", { enum: LIFE_EVENT_ACTORS }).notNull(),
    serviceSlug: text("service_slug"),
    formId: text("form_id"),
    authoritySlug: text("authority_slug"),
  },
  (t) => [uniqueIndex("life_event_step_position").on(t.lifeEventId, t.position)],
);

/**
 * Every external address the portal shows, once. The link checker walks this table; pages
 * ask it whether a link is currently broken.
 */
export const externalLink = sqliteTable(
  "external_link",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    url: text("url").notNull().unique(),
    /** Where the link is shown first, e.g. "authority:skatteverket" (for the admin list). */
    source: text("source").notNull(),
    lastCheckedAt: text("last_checked_at"),
    /** HTTP status of the last check; null when the request failed (DNS, refused, timeout). */
    lastStatus: integer("last_status"),
    lastError: text("last_error"),
    /** When the link last answered 2xx/3xx: the "last verified" date shown to residents. */
    lastOkAt: text("last_ok_at"),
    broken: integer("broken", { mode: "boolean" }).notNull().default(false),
    consecutiveFailures: integer("consecutive_failures").notNull().default(0),
  },
  (t) => [index("external_link_broken").on(t.broken)],
);

export type Authority = typeof authority.$inferSelect;
export type AuthorityService = typeof authorityService.$inferSelect;
export type LifeEvent = typeof lifeEvent.$inferSelect;
export type LifeEventStepRow = typeof lifeEventStep.$inferSelect;
export type ExternalLink = typeof externalLink.$inferSelect;
