import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { DECISION_OUTCOMES, SUPPLEMENT_KINDS } from "../../app/domain/statuses";
import { caseTable } from "./cases";
import { municipality } from "./municipalities";

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

/**
 * Stand-in for the property register (fastighetsregistret), seeded from
 * db/seed/content/people.ts. The owner is stored as the register shows it (a name, and the
 * organisationsnummer for a company); a private owner's personnummer is not copied here.
 */
export const property = sqliteTable(
  "property",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** Normalized fastighetsbeteckning, e.g. "Åmål Plogen 4:2". */
    designation: text("designation").notNull().unique(),
    municipalityId: integer("municipality_id")
      .notNull()
      .references(() => municipality.id),
    street: text("street").notNull(),
    postalCode: text("postal_code").notNull(),
    town: text("town").notNull(),
    areaM2: integer("area_m2").notNull(),
    detaljplan: integer("detaljplan", { mode: "boolean" }).notNull(),
    use: text("use").notNull(),
    ownerKind: text("owner_kind").notNull(),
    ownerName: text("owner_name").notNull(),
    ownerOrganisationsnummer: text("owner_organisationsnummer"),
    example: integer("example", { mode: "boolean" }).notNull().default(true),
  },
  (t) => [index("property_municipality").on(t.municipalityId)],
);

/**
 * Each municipality's plan- och bygglovstaxa as configuration (JSON, app/services/permit-fees.ts),
 * one row per period: the row with the latest `valid_from` on or before a date is the taxa of that
 * date, so next year's figures can be entered in advance (docs/decisions/057).
 */
export const permitTaxa = sqliteTable(
  "permit_taxa",
  {
    municipalityId: integer("municipality_id")
      .notNull()
      .references(() => municipality.id),
    /** First day the row applies (YYYY-MM-DD). Rows from before validity dates count as always valid. */
    validFrom: text("valid_from").notNull().default("2000-01-01"),
    config: text("config").notNull(),
    example: integer("example", { mode: "boolean" }).notNull().default(true),
    updatedAt: text("updated_at").notNull().default(now),
  },
  (t) => [primaryKey({ columns: [t.municipalityId, t.validFrom] })],
);

/**
 * The building-permit facts of a case beside the generic case row: what the statutory clock
 * needs (docs/decisions/026) and what the decision said. The clock itself is computed.
 */
export const permitCase = sqliteTable("permit_case", {
  caseId: integer("case_id")
    .primaryKey()
    .references(() => caseTable.id),
  measureType: text("measure_type").notNull(),
  propertyDesignation: text("property_designation").notNull(),
  /** Swedish civil date the application arrived. */
  receivedOn: text("received_on").notNull(),
  feeEstimate: integer("fee_estimate"),
  extensionWeeks: integer("extension_weeks"),
  extensionReason: text("extension_reason"),
  extensionGrantedOn: text("extension_granted_on"),
});

/** Föreläggande om komplettering (or a later request for clarification) with its deadline. */
export const supplementRequest = sqliteTable(
  "supplement_request",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    caseId: integer("case_id")
      .notNull()
      .references(() => caseTable.id),
    /** Before completeness, or a clarification after (permit-clock.ts). */
    kind: text("kind", { enum: SUPPLEMENT_KINDS }).notNull(),
    message: text("message").notNull(),
    /** Attachment kinds asked for (JSON array), may be empty. */
    requestedKinds: text("requested_kinds").notNull().default("[]"),
    requestedOn: text("requested_on").notNull(),
    dueOn: text("due_on").notNull(),
    answeredOn: text("answered_on"),
    answerText: text("answer_text"),
    /** "staff:<id>" */
    requestedBy: text("requested_by").notNull(),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [index("supplement_request_case").on(t.caseId)],
);

/** Officers' notes on a case. Never shown to the applicant; kept apart from messages on purpose. */
export const internalNote = sqliteTable(
  "internal_note",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    caseId: integer("case_id")
      .notNull()
      .references(() => caseTable.id),
    authorStaffId: integer("author_staff_id").notNull(),
    authorName: text("author_name").notNull(),
    body: text("body").notNull(),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [index("internal_note_case").on(t.caseId)],
);

/** Who is handling a case (the work queue's "assigned to"). One row per case. */
export const caseAssignment = sqliteTable("case_assignment", {
  caseId: integer("case_id")
    .primaryKey()
    .references(() => caseTable.id),
  staffUserId: integer("staff_user_id").notNull(),
  staffName: text("staff_name").notNull(),
  assignedAt: text("assigned_at").notNull().default(now),
});

/** The decision of a case and its generated document (stored under DATA_DIR/decisions/). */
export const caseDecision = sqliteTable("case_decision", {
  caseId: integer("case_id")
    .primaryKey()
    .references(() => caseTable.id),
  outcome: text("outcome", { enum: DECISION_OUTCOMES }).notNull(),
  decidedOn: text("decided_on").notNull(),
  text: text("text").notNull(),
  /** Fee charged, whole kronor. */
  fee: integer("fee"),
  documentName: text("document_name").notNull(),
  decidedBy: text("decided_by").notNull(),
  decidedByName: text("decided_by_name").notNull(),
  createdAt: text("created_at").notNull().default(now),
  // Decision 077: what the document names, kept as decided so that it can be produced again
  // identically after an admin edits the body or the delegation order. Null on older decisions.
  /** The deciding body in the case's language ("Byggnadsnämnden"). */
  bodyName: text("body_name"),
  /** app/domain/decisions.ts APPEAL_ROUTES. */
  appealRoute: text("appeal_route"),
  /** The delegation point decided under: its code and title in the case's language. */
  delegationCode: text("delegation_code"),
  delegationTitle: text("delegation_title"),
  templateId: integer("template_id"),
});

export type Property = typeof property.$inferSelect;
export type PermitCase = typeof permitCase.$inferSelect;
export type SupplementRequest = typeof supplementRequest.$inferSelect;
export type InternalNote = typeof internalNote.$inferSelect;
export type CaseDecision = typeof caseDecision.$inferSelect;
export type CaseAssignment = typeof caseAssignment.$inferSelect;
