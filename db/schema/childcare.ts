import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { OFFER_STATUSES, PLACEMENT_STATUSES, QUEUE_STATUSES } from "../../app/domain/statuses";
import { caseTable } from "./cases";
import { municipality } from "./municipalities";

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

/** A preschool, family daycare (pedagogisk omsorg) or after-school centre (fritidshem). */
export const childcareUnit = sqliteTable(
  "childcare_unit",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    municipalityId: integer("municipality_id")
      .notNull()
      .references(() => municipality.id),
    /** Stable, unique across the portal: "bengtsfors-solrosen". */
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    /** "forskola" | "pedagogisk-omsorg" | "fritidshem" | "grundskola" (schools are ranked in school applications) */
    kind: text("kind").notNull(),
    street: text("street").notNull(),
    postalCode: text("postal_code").notNull(),
    town: text("town").notNull(),
    /** Age groups in whole years, inclusive. */
    ageFrom: integer("age_from").notNull(),
    ageTo: integer("age_to").notNull(),
    capacity: integer("capacity").notNull(),
    phone: text("phone").notNull(),
    example: integer("example", { mode: "boolean" }).notNull().default(true),
    /**
     * ISO instant the unit was closed (retired) by an administrator: it is no longer offered in
     * applications, but stays because cases, offers and placements refer to it (decision 060).
     */
    closedAt: text("closed_at"),
  },
  (t) => [index("childcare_unit_municipality").on(t.municipalityId, t.kind)],
);

/**
 * Maxtaxa figures for one calendar year as JSON (app/services/childcare-fee.ts MaxtaxaConfig).
 * Configuration, not code: a new year is a new row (docs/decisions/022).
 */
export const childcareFeeConfig = sqliteTable("childcare_fee_config", {
  year: integer("year").primaryKey(),
  config: text("config").notNull(),
  source: text("source").notNull(),
  updatedAt: text("updated_at").notNull().default(now),
});

/** The queue facts of a childcare application (the answers themselves are in case.data). */
export const childcareApplication = sqliteTable(
  "childcare_application",
  {
    caseId: integer("case_id")
      .primaryKey()
      .references(() => caseTable.id),
    /** hmacIndex(personnummer) of the child in the population register (children never log in). */
    childHmac: text("child_hmac").notNull(),
    /** The register's household id, e.g. "hh-lindqvist-bengtsfors". */
    householdKey: text("household_key").notNull(),
    municipalityId: integer("municipality_id")
      .notNull()
      .references(() => municipality.id),
    careKind: text("care_kind").notNull(),
    desiredStart: text("desired_start").notNull(),
    /** The later of the desired start and four months after the application. */
    guaranteeDate: text("guarantee_date").notNull(),
    hoursPerWeek: integer("hours_per_week").notNull(),
    queuedAt: text("queued_at").notNull(),
    queueStatus: text("queue_status", { enum: QUEUE_STATUSES }).notNull().default("queued"),
  },
  (t) => [
    index("childcare_application_child").on(t.childHmac),
    index("childcare_application_household").on(t.householdKey),
  ],
);

/** Up to three ranked units per application. */
export const childcarePreference = sqliteTable(
  "childcare_preference",
  {
    caseId: integer("case_id")
      .notNull()
      .references(() => childcareApplication.caseId),
    unitId: integer("unit_id")
      .notNull()
      .references(() => childcareUnit.id),
    rank: integer("rank").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.caseId, t.rank] }),
    uniqueIndex("childcare_preference_case_unit").on(t.caseId, t.unitId),
    index("childcare_preference_unit").on(t.unitId),
  ],
);

/** A place offered by an officer; answered by a guardian before the deadline, or it lapses. */
export const childcareOffer = sqliteTable(
  "childcare_offer",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    caseId: integer("case_id")
      .notNull()
      .references(() => childcareApplication.caseId),
    unitId: integer("unit_id")
      .notNull()
      .references(() => childcareUnit.id),
    startDate: text("start_date").notNull(),
    offeredAt: text("offered_at").notNull(),
    deadlineAt: text("deadline_at").notNull(),
    status: text("status", { enum: OFFER_STATUSES }).notNull().default("pending"),
    answeredAt: text("answered_at"),
    answeredByPersonId: integer("answered_by_person_id"),
    offeredByStaffId: integer("offered_by_staff_id"),
  },
  (t) => [index("childcare_offer_case").on(t.caseId), index("childcare_offer_status").on(t.status, t.deadlineAt)],
);

/** A child's place at a unit, from an accepted offer; ends by termination (uppsägning). */
export const childcarePlacement = sqliteTable(
  "childcare_placement",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    caseId: integer("case_id")
      .notNull()
      .references(() => caseTable.id),
    offerId: integer("offer_id")
      .notNull()
      .unique()
      .references(() => childcareOffer.id),
    childHmac: text("child_hmac").notNull(),
    householdKey: text("household_key").notNull(),
    unitId: integer("unit_id")
      .notNull()
      .references(() => childcareUnit.id),
    careKind: text("care_kind").notNull(),
    startDate: text("start_date").notNull(),
    hoursPerWeek: integer("hours_per_week").notNull(),
    status: text("status", { enum: PLACEMENT_STATUSES }).notNull().default("active"),
    terminationRequestedAt: text("termination_requested_at"),
    terminatedByPersonId: integer("terminated_by_person_id"),
    /** Last day of the place (and of the fee), after the notice period. */
    lastDay: text("last_day"),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [
    index("childcare_placement_household").on(t.householdKey),
    index("childcare_placement_child").on(t.childHmac),
  ],
);

/**
 * Household income reported for the fee. The amount is personal data and is stored
 * encrypted; each report is a new row (changes are history, the latest valid one counts).
 */
export const householdIncome = sqliteTable(
  "household_income",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    householdKey: text("household_key").notNull(),
    reportedByPersonId: integer("reported_by_person_id").notNull(),
    /** encrypt(String(kronor per month)) */
    monthlyIncome: text("monthly_income").notNull(),
    validFrom: text("valid_from").notNull(),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [index("household_income_household").on(t.householdKey, t.validFrom)],
);

/**
 * One row per custodial guardian of a school application. The applicant's row is approved on
 * submission; the case reaches officers only when every row is approved (docs/decisions/023).
 */
export const schoolSignature = sqliteTable(
  "school_signature",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    caseId: integer("case_id")
      .notNull()
      .references(() => caseTable.id),
    /** hmacIndex(personnummer) of the guardian: the second guardian may not have logged in yet. */
    guardianHmac: text("guardian_hmac").notNull(),
    /** The person row that signed (set when the guardian decides). */
    decidedByPersonId: integer("decided_by_person_id"),
    /** "pending" | "approved" | "declined" */
    decision: text("decision").notNull().default("pending"),
    decidedAt: text("decided_at"),
    /** SHA-256 (hex) of the canonical content the guardian approved or declined. */
    contentHash: text("content_hash"),
  },
  (t) => [
    uniqueIndex("school_signature_case_guardian").on(t.caseId, t.guardianHmac),
    index("school_signature_guardian").on(t.guardianHmac),
  ],
);

export type ChildcareUnit = typeof childcareUnit.$inferSelect;
export type ChildcareApplication = typeof childcareApplication.$inferSelect;
export type ChildcareOffer = typeof childcareOffer.$inferSelect;
export type ChildcarePlacement = typeof childcarePlacement.$inferSelect;
export type SchoolSignature = typeof schoolSignature.$inferSelect;
