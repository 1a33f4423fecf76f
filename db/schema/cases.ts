import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { administration, municipality } from "./municipalities";
import { AREAS } from "../../app/domain/areas";
import { CASE_EVENT_STATUSES, CASE_STATUSES } from "../../app/domain/statuses";
import { LAWS } from "../../app/domain/decisions";

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

/**
 * The last reference number handed out per municipality and calendar year (Swedish time).
 * Incremented in the same transaction as the case insert, so numbers have no gaps from
 * failed submissions and never repeat (docs/decisions/014).
 */
export const caseReferenceCounter = sqliteTable(
  "case_reference_counter",
  {
    municipalityId: integer("municipality_id")
      .notNull()
      .references(() => municipality.id),
    year: integer("year").notNull(),
    lastNumber: integer("last_number").notNull(),
  },
  (t) => [primaryKey({ columns: [t.municipalityId, t.year] })],
);

/** Ärende: what a submitted form becomes. */
export const caseTable = sqliteTable(
  "case",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** "BEN-2026-000123": municipality code, year, running number. */
    reference: text("reference").notNull().unique(),
    municipalityId: integer("municipality_id")
      .notNull()
      .references(() => municipality.id),
    administrationId: integer("administration_id")
      .notNull()
      .references(() => administration.id),
    formId: text("form_id").notNull(),
    formVersion: integer("form_version").notNull(),
    /** Decides the status machine and who may read it (app/domain/areas.ts). */
    area: text("area", { enum: AREAS }).notNull(),
    /** The law it is decided under where its area holds several (decision 106); null elsewhere. */
    law: text("law", { enum: LAWS }),
    status: text("status", { enum: CASE_STATUSES }).notNull(),
    /** Null for anonymous submissions (simple reports). */
    applicantPersonId: integer("applicant_person_id"),
    applicantOrganisationId: integer("applicant_organisation_id"),
    submittedByPersonId: integer("submitted_by_person_id"),
    contactEmail: text("contact_email"),
    /** Validated answers as JSON, without the fields marked sensitive. */
    data: text("data").notNull(),
    /** The sensitive answers as one encrypted JSON object (crypto.server.ts), or null. */
    sensitiveData: text("sensitive_data"),
    /** HMAC of the anonymous browser session that submitted (lets it fetch its receipt and files). */
    submitterKey: text("submitter_key"),
    language: text("language").notNull().default("sv"),
    idempotencyKey: text("idempotency_key").notNull().unique(),
    createdAt: text("created_at").notNull().default(now),
    updatedAt: text("updated_at").notNull().default(now),
    decisionDueAt: text("decision_due_at"),
    /**
     * A person involved (applicant, submitter, child or other party) has protected personal
     * data in the population register at submission (docs/decisions/046): no address leaves
     * the portal, the diarium entry is secret, parties other than the applicant get no automatic
     * access, officers are warned and every staff read is audited as `protected-identity.read`.
     */
    protectedIdentity: integer("protected_identity", { mode: "boolean" }).notNull().default(false),
    /** When a retention rule removed the personal data (docs/decisions/059); the skeleton stays. */
    thinnedAt: text("thinned_at"),
  },
  (t) => [
    index("case_municipality_area_status").on(t.municipalityId, t.area, t.status),
    index("case_applicant_person").on(t.applicantPersonId),
    // Mina sidor's visibility rule (case-access.server.ts) is an OR over the applicant, the
    // submitter and case parties; with an index on every arm SQLite looks the cases up instead
    // of scanning the table (docs/decisions/039).
    index("case_submitted_by_person").on(t.submittedByPersonId),
    index("case_applicant_organisation").on(t.applicantOrganisationId),
  ],
);

/** Status changes and other events in a case's life (append-only). */
export const caseEvent = sqliteTable(
  "case_event",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    caseId: integer("case_id")
      .notNull()
      .references(() => caseTable.id),
    fromStatus: text("from_status", { enum: CASE_STATUSES }),
    toStatus: text("to_status", { enum: CASE_EVENT_STATUSES }).notNull(),
    /** "applicant", "system" or "staff:<id>". */
    actor: text("actor").notNull(),
    note: text("note"),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [index("case_event_case").on(t.caseId)],
);

/**
 * An uploaded file. Stored under DATA_DIR/uploads/<storedName>; the original name is only
 * shown, never used as a path. Before submission it belongs to an owner key (the session
 * or person that uploaded it); on submission `caseId` is set in the case's transaction.
 */
export const caseAttachment = sqliteTable(
  "case_attachment",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** Random public id used in URLs and in form values. */
    publicId: text("public_id").notNull().unique(),
    caseId: integer("case_id").references(() => caseTable.id),
    ownerKey: text("owner_key").notNull(),
    formId: text("form_id").notNull(),
    field: text("field").notNull(),
    originalName: text("original_name").notNull(),
    storedName: text("stored_name").notNull().unique(),
    size: integer("size").notNull(),
    mime: text("mime").notNull(),
    sha256: text("sha256").notNull(),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [index("case_attachment_case").on(t.caseId), index("case_attachment_owner").on(t.ownerKey)],
);

/**
 * A form started but not sent. Logged-in persons find theirs on Mina sidor (personId);
 * anonymous visitors get a secret resume link whose token is stored only as a hash.
 * The answers are encrypted as a whole: a draft may hold anything the form asks.
 */
export const formDraft = sqliteTable(
  "form_draft",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    formId: text("form_id").notNull(),
    formVersion: integer("form_version").notNull(),
    personId: integer("person_id"),
    tokenHash: text("token_hash").unique(),
    /** Owner key of the browser session that made it (uploads belong to it). */
    ownerKey: text("owner_key").notNull(),
    data: text("data").notNull(),
    stepId: text("step_id").notNull(),
    expiresAt: text("expires_at").notNull(),
    createdAt: text("created_at").notNull().default(now),
    updatedAt: text("updated_at").notNull().default(now),
  },
  (t) => [
    index("form_draft_person").on(t.personId),
    // Every step reads its working copy by owner key and form (decision 184): by form_draft_person
    // alone, an anonymous browser's read (person_id IS NULL) walked every anonymous draft.
    index("form_draft_owner_form").on(t.ownerKey, t.formId),
  ],
);

/**
 * The public register (diarium). One row per registered case, also for cases registered in
 * the old system (caseId null). Holds raw party data for staff; the public projection is
 * made by app/services/diarium.server.ts (masking per case type, docs/decisions/017) and
 * `searchText` holds only that public projection, so search can never match a hidden value.
 */
export const diariumEntry = sqliteTable(
  "diarium_entry",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    caseId: integer("case_id").references(() => caseTable.id),
    reference: text("reference").notNull(),
    municipalityId: integer("municipality_id")
      .notNull()
      .references(() => municipality.id),
    administrationId: integer("administration_id")
      .notNull()
      .references(() => administration.id),
    /** The form id or, for older cases, a case-type id with the same titles in diarium.json. */
    caseType: text("case_type").notNull(),
    area: text("area", { enum: AREAS }).notNull(),
    /** "public" | "personal" | "secret" (forms/types.ts Sensitivity). */
    sensitivity: text("sensitivity").notNull(),
    /** A non-personal subject line (e.g. "Storgatan, trasig gatlykta"); shown only when public. */
    subject: text("subject"),
    /** "person" | "organisation" | "none". */
    partyKind: text("party_kind").notNull(),
    partyName: text("party_name"),
    status: text("status", { enum: CASE_STATUSES }).notNull(),
    registeredAt: text("registered_at").notNull(),
    searchText: text("search_text").notNull(),
  },
  (t) => [
    uniqueIndex("diarium_entry_reference").on(t.reference),
    index("diarium_entry_registered").on(t.registeredAt),
    // A first page of a common word walks the register newest first and tests each row's public
    // text: with the text in the index the walk reads a few contiguous index pages instead of a
    // table page per row visited (decision 149). The narrow index above stays for the id-only walks.
    index("diarium_entry_registered_text").on(t.registeredAt, t.id, t.searchText),
    index("diarium_entry_municipality").on(t.municipalityId, t.registeredAt),
    // The other filters of a text search: their index is walked against the text's matches (decision 118).
    index("diarium_entry_status").on(t.status, t.registeredAt),
    index("diarium_entry_administration").on(t.administrationId, t.registeredAt),
  ],
);

export type Case = typeof caseTable.$inferSelect;
export type CaseEvent = typeof caseEvent.$inferSelect;
export type CaseAttachment = typeof caseAttachment.$inferSelect;
export type FormDraft = typeof formDraft.$inferSelect;
export type DiariumEntry = typeof diariumEntry.$inferSelect;
