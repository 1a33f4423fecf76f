import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { administration, municipality } from "./municipalities";

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

export const ESERVICE_STATUSES = ["draft", "published", "retired"] as const;
export type EserviceStatus = (typeof ESERVICE_STATUSES)[number];

/**
 * E-service definitions as versioned documents (decisions 070, 075). A row is one version of one
 * e-service: its whole document (definition, texts sv+en, example) as JSON. At most one version
 * of a form is published (the partial unique index); a draft is edited in place until published;
 * a published version is never changed again (it becomes retired when the next is published), so
 * a resident's draft that started on it can complete on it.
 * municipality_id null = shared by every municipality (the seed documents); administration_id
 * null = any administration of the municipality. Designers are scoped to municipality ×
 * administration.
 */
export const eserviceDefinition = sqliteTable(
  "eservice_definition",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    formId: text("form_id").notNull(),
    version: integer("version").notNull(),
    status: text("status", { enum: ESERVICE_STATUSES }).notNull(),
    document: text("document").notNull(),
    municipalityId: integer("municipality_id").references(() => municipality.id),
    administrationId: integer("administration_id").references(() => administration.id),
    /** Staff user id; null for a seed document. */
    createdBy: integer("created_by"),
    createdAt: text("created_at").notNull().default(now),
    updatedAt: text("updated_at").notNull().default(now),
    publishedAt: text("published_at"),
  },
  (t) => [
    uniqueIndex("eservice_definition_form_version").on(t.formId, t.version),
    uniqueIndex("eservice_definition_one_published")
      .on(t.formId)
      .where(sql`${t.status} = 'published'`),
    index("eservice_definition_scope").on(t.municipalityId, t.administrationId),
  ],
);
export type EserviceDefinitionRow = typeof eserviceDefinition.$inferSelect;
