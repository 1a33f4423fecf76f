import { sql } from "drizzle-orm";
import { check, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { municipality } from "./municipalities";

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

/** What a retention rule does once its period has passed (docs/decisions/059). */
export const RETENTION_ACTIONS = ["delete", "thin"] as const;
export type RetentionAction = (typeof RETENTION_ACTIONS)[number];

/**
 * Gallring: one rule per case type (form id) per municipality, from the municipality's
 * dokumenthanteringsplan. `delete`: archive the whole case, then delete it, `periodMonths` after
 * it was decided or closed; `thin`: archive, then remove the personal data and keep the skeleton.
 */
export const retentionRule = sqliteTable(
  "retention_rule",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    municipalityId: integer("municipality_id")
      .notNull()
      .references(() => municipality.id),
    caseType: text("case_type").notNull(),
    action: text("action", { enum: RETENTION_ACTIONS }).notNull(),
    periodMonths: integer("period_months").notNull(),
    /** The plan's own reference (e.g. "3.2.1"), shown in the archive package. */
    planReference: text("plan_reference"),
    updatedAt: text("updated_at").notNull().default(now),
    updatedBy: text("updated_by"),
  },
  (t) => [
    uniqueIndex("retention_rule_municipality_type").on(t.municipalityId, t.caseType),
    check("retention_rule_action", sql`${t.action} in ('delete', 'thin')`),
    check("retention_rule_period", sql`${t.periodMonths} between 1 and 1200`),
  ],
);
