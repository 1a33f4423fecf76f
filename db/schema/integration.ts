import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { caseTable } from "./cases";
import { AREAS } from "../../app/domain/areas";
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
    /**
     * The integration system the case went to (decision 058): from then on only that system may
     * call back about it, even if the route is later changed. Null for the demo/test fallback
     * target and for cases handed over before per-system routing.
     */
    systemId: integer("system_id").references(() => integrationSystem.id),
    createdAt: text("created_at")
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  },
  (t) => [index("case_export_due").on(t.status, t.nextAttemptAt)],
);

export const INTEGRATION_TARGET_KINDS = ["folder", "webhook"] as const;

/**
 * A municipality's case-management system (decisions 020, 058): where hand-overs routed to it
 * go (a folder or a webhook URL), the secret that signs them (encrypted at rest, never shown
 * again) and the callback token (only its SHA-256 is stored; shown once at creation/rotation).
 */
export const integrationSystem = sqliteTable("integration_system", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  tokenHash: text("token_hash").notNull().unique(),
  active: integer("active", { mode: "boolean" }).notNull().default(true),
  /** Null until an administrator sets a target: a routed case then waits instead of going anywhere. */
  targetKind: text("target_kind", { enum: INTEGRATION_TARGET_KINDS }),
  /** An absolute folder path or a webhook URL. */
  target: text("target"),
  /** The HMAC signing secret, encrypted with the data key (crypto.server encrypt). */
  secretCiphertext: text("secret_ciphertext"),
  tokenRotatedAt: text("token_rotated_at"),
  lastUsedAt: text("last_used_at"),
  createdAt: text("created_at")
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
});

/**
 * The municipalities a system belongs to: whose administrators manage it, which (municipality,
 * area) pairs it may be routed for, and (for cases handed over without a route: the demo/test
 * fallback target or before decision 058) whose cases it may call back about. Deny by default.
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
 * Which system receives the hand-overs of one municipality's cases in one area (decision 058).
 * No row: the case waits (visible on /admin/integrationer) rather than going anywhere.
 */
export const integrationRoute = sqliteTable(
  "integration_route",
  {
    municipalityId: integer("municipality_id")
      .notNull()
      .references(() => municipality.id),
    area: text("area", { enum: AREAS }).notNull(),
    systemId: integer("system_id")
      .notNull()
      .references(() => integrationSystem.id),
  },
  (t) => [primaryKey({ columns: [t.municipalityId, t.area] }), index("integration_route_system").on(t.systemId)],
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
export type IntegrationRoute = typeof integrationRoute.$inferSelect;
