import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { caseTable } from "./cases";
import { organisation } from "./identity";

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

/**
 * An e-ID signature over a case's summary, made at the identity provider through the Swedish
 * OIDC profile's signature extension (docs/decisions/081). The signed text itself is not kept:
 * it is rebuilt from the stored answers and must hash to `signedTextHash`, which the provider's
 * signature covers, so a changed byte in the answers shows as a failed verification.
 */
export const caseSignature = sqliteTable(
  "case_signature",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    caseId: integer("case_id")
      .notNull()
      .references(() => caseTable.id),
    /** "applicant" | "co-guardian" | "property-owner" (decision 070's `signatures` parties). */
    party: text("party").notNull(),
    /** hmacIndex(personnummer) of the signer. */
    signerHmac: text("signer_hmac").notNull(),
    signerPersonId: integer("signer_person_id"),
    /** The signer's name as the ID token gave it (encrypted). */
    signerName: text("signer_name").notNull(),
    /** The language of the summary that was signed ("sv" | "en"): needed to rebuild the text. */
    language: text("language").notNull(),
    /** SHA-256 (hex) of the signed text (the tbs_data bytes). */
    signedTextHash: text("signed_text_hash").notNull(),
    /** The `https://id.oidc.se/claim/userSignature` value as received (encrypted: it names the signer). */
    userSignature: text("user_signature").notNull(),
    /** The provider's issuer URL. */
    issuer: text("issuer").notNull(),
    signedAt: text("signed_at").notNull(),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [index("case_signature_case").on(t.caseId), index("case_signature_signer").on(t.signerHmac)],
);

export type CaseSignature = typeof caseSignature.$inferSelect;

/**
 * A property owner's consent to a bygglov application (docs/decisions/093): one row per owner
 * in the property register other than the person who sent it, asked on Mina sidor to sign the
 * consent with e-ID or decline. The owner is known only by the HMAC of their personnummer (the
 * register adapter lets nothing else out) and their name as the register gives it (encrypted).
 * `publicId` is the random id in the owner's URL; a signature is a `case_signature` row with
 * party "property-owner".
 */
export const permitOwnerConsent = sqliteTable(
  "permit_owner_consent",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    publicId: text("public_id").notNull().unique(),
    caseId: integer("case_id")
      .notNull()
      .references(() => caseTable.id),
    /** hmacIndex(personnummer) of a private owner; null when the owner is an organisation. */
    ownerHmac: text("owner_hmac"),
    /**
     * The owning organisation (kommun, bostadsbolag, AB; decision 100): whoever acts for it on
     * Mina sidor sees the request, and only a signatory the company register names may answer.
     */
    ownerOrganisationId: integer("owner_organisation_id").references(() => organisation.id),
    /** The owner's name as the register gives it (encrypted). */
    ownerName: text("owner_name").notNull(),
    /** "pending" | "signed" | "declined" | "expired" (no answer by `deadlineAt`, decision 100) */
    status: text("status").notNull().default("pending"),
    signatureId: integer("signature_id").references(() => caseSignature.id),
    requestedAt: text("requested_at").notNull().default(now),
    answeredAt: text("answered_at"),
    /** After this the request expires and the officer may decide without it (decision 100). */
    deadlineAt: text("deadline_at"),
    /** When the one reminder before the deadline was sent (null: not yet). */
    remindedAt: text("reminded_at"),
  },
  (t) => [
    index("permit_owner_consent_case").on(t.caseId),
    index("permit_owner_consent_owner").on(t.ownerHmac),
    uniqueIndex("permit_owner_consent_case_owner").on(t.caseId, t.ownerHmac),
    uniqueIndex("permit_owner_consent_case_organisation").on(t.caseId, t.ownerOrganisationId),
    index("permit_owner_consent_due").on(t.status, t.deadlineAt),
  ],
);
