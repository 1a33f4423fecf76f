import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

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
    createdAt: text("created_at").notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
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
  createdAt: text("created_at").notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
});

export type CaseExport = typeof caseExport.$inferSelect;
export type IntegrationSystem = typeof integrationSystem.$inferSelect;
