import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { caseTable } from "./cases";
import { municipality } from "./municipalities";

/**
 * Hand-over to case-management systems (docs/decisions/020): an outbox row per submitted
 * case, delivered at least once, and the systems allowed to call back.
 */

export const CASE_EXPORT_STATUSES = ["pending", "delivered"] as const;

/** One row per case reference: the unique key is what makes delivery idempotent. */
export const caseExport = sqliteTable(
  "case_export",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    reference: text("reference").notNull().unique(),
    status: text("status", { enum: CASE_EXPORT_STATUSES }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: text("next_attempt_at").notNull(),
    lastAttemptAt: text("last_attempt_at"),
    lastError: text("last_error"),
    /** "folder:<path>" or "webhook:<host>" of the successful delivery. */
    deliveredTo: text("delivered_to"),
    deliveredAt: text("delivered_at"),
    createdAt: text("created_at")
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  },
  (t) => [index("case_export_due").on(t.status, t.nextAttemptAt)],
);

/** A case-management system that may call back; its token is stored only as a SHA-256 hash. */
export const integrationSystem = sqliteTable("integration_system", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  tokenHash: text("token_hash").notNull().unique(),
  active: integer("active", { mode: "boolean" }).notNull().default(true),
  lastUsedAt: text("last_used_at"),
  createdAt: text("created_at")
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
});

/**
 * Which municipalities' cases a system may call back about (deny by default: a system with
 * no rows here can authenticate but reaches no case).
 */
export const integrationSystemMunicipality = sqliteTable(
  "integration_system_municipality",
  {
    systemId: integer("system_id")
      .notNull()
      .references(() => integrationSystem.id),
    municipalityId: integer("municipality_id")
      .notNull()
      .references(() => municipality.id),
  },
  (t) => [primaryKey({ columns: [t.systemId, t.municipalityId] })],
);

/**
 * A callback that carried the system's own id (`externalId`): a retried callback with the same
 * id is answered as already applied instead of adding a second message or event.
 */
export const integrationCallback = sqliteTable(
  "integration_callback",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    systemId: integer("system_id")
      .notNull()
      .references(() => integrationSystem.id),
    externalId: text("external_id").notNull(),
    caseId: integer("case_id")
      .notNull()
      .references(() => caseTable.id),
    createdAt: text("created_at")
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  },
  (t) => [uniqueIndex("integration_callback_external").on(t.systemId, t.externalId)],
);

export type CaseExport = typeof caseExport.$inferSelect;
export type IntegrationSystem = typeof integrationSystem.$inferSelect;
