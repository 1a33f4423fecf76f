import { sql } from "drizzle-orm";
import { integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { AREAS } from "../../app/domain/areas";

/** The municipalities that share the portal: run-time data, administered at /admin/kommuner (decision 056). */
export const municipality = sqliteTable("municipality", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  slug: text("slug").notNull().unique(),
  /** Short code used in case reference numbers, e.g. BEN-2026-000123. */
  code: text("code").notNull().unique(),
  name: text("name").notNull(),
  /** The text shown in place of a coat of arms (the portal uses no heraldry). */
  logoText: text("logo_text").notNull(),
  introSv: text("intro_sv").notNull(),
  introEn: text("intro_en").notNull(),
  phone: text("phone").notNull(),
  email: text("email").notNull(),
  visitingAddress: text("visiting_address").notNull(),
  postalAddress: text("postal_address").notNull(),
  openingHoursSv: text("opening_hours_sv").notNull(),
  openingHoursEn: text("opening_hours_en").notNull(),
  orgNumber: text("org_number").notNull(),
  /**
   * SCB's four-digit municipality code (kommunkod): how Skatteverket's and Lantmäteriet's registers
   * name the municipality (decisions 067, 068). Null until an admin enters it.
   */
  kommunkod: text("kommunkod").unique(),
  population: integer("population").notNull(),
  /** True for rows whose facts are invented for the example seed. */
  example: integer("example", { mode: "boolean" }).notNull().default(true),
  /** When the facts should be checked again ("YYYY-MM-DD"), like other published content. */
  reviewBy: text("review_by"),
  updatedAt: text("updated_at"),
  /** Its staff must sign in through the municipality's SSO provider; local passwords are refused (decision 064). */
  staffSsoRequired: integer("staff_sso_required", { mode: "boolean" }).notNull().default(false),
  createdAt: text("created_at")
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
});

/** Förvaltning: an administration of one municipality. */
export const administration = sqliteTable(
  "administration",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    municipalityId: integer("municipality_id")
      .notNull()
      .references(() => municipality.id),
    slug: text("slug").notNull(),
    nameSv: text("name_sv").notNull(),
    nameEn: text("name_en").notNull(),
    descriptionSv: text("description_sv").notNull(),
    descriptionEn: text("description_en").notNull(),
    phone: text("phone").notNull(),
    email: text("email").notNull(),
    example: integer("example", { mode: "boolean" }).notNull().default(true),
    /** A retired administration keeps its id (cases and roles point at it) but takes no new work. */
    retiredAt: text("retired_at"),
  },
  (t) => [uniqueIndex("administration_municipality_slug").on(t.municipalityId, t.slug)],
);

/**
 * Which administration of a municipality handles an area (decision 056): one per municipality
 * and area, so a case of that area has exactly one administration to go to.
 */
export const administrationArea = sqliteTable(
  "administration_area",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    municipalityId: integer("municipality_id")
      .notNull()
      .references(() => municipality.id),
    administrationId: integer("administration_id")
      .notNull()
      .references(() => administration.id),
    area: text("area", { enum: AREAS }).notNull(),
  },
  (t) => [uniqueIndex("administration_area_municipality_area").on(t.municipalityId, t.area)],
);

export type Municipality = typeof municipality.$inferSelect;
export type Administration = typeof administration.$inferSelect;
