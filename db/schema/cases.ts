import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { AREAS } from "./identity";
import { organisation, person } from "./identity";
import { municipality } from "./municipalities";

/**
 * Ärende: what a submission becomes. A minimal skeleton so that access control can be
 * proven now; the forms and case issues extend it (data, deadlines, events, messages).
 */
export const caseTable = sqliteTable(
  "case",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** "BEN-2026-000123" */
    reference: text("reference").notNull().unique(),
    municipalityId: integer("municipality_id")
      .notNull()
      .references(() => municipality.id),
    /** Form / case type id, e.g. "forskola-ansokan". */
    caseType: text("case_type").notNull(),
    area: text("area", { enum: AREAS }).notNull(),
    status: text("status").notNull().default("submitted"),
    /** The person who submitted (always set for e-service submissions). */
    applicantPersonId: integer("applicant_person_id").references(() => person.id),
    /** Set when the person acted for an organisation (party selection). */
    applicantOrganisationId: integer("applicant_organisation_id").references(() => organisation.id),
    createdAt: text("created_at").notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  },
  (t) => [index("case_municipality_area").on(t.municipalityId, t.area), index("case_applicant_person").on(t.applicantPersonId)],
);

export type CaseRow = typeof caseTable.$inferSelect;
