import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { caseTable } from "./cases";
import { municipality } from "./municipalities";

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

/**
 * Each municipality is its own Swish merchant (decision 080): its payee alias (Swish number) and
 * the merchant certificate and key for the mutual TLS Swish asks for, both encrypted at rest.
 * Without a row the environment's SWISH_PAYEE_ALIAS / SWISH_CLIENT_*_FILE apply.
 */
export const paymentMerchant = sqliteTable("payment_merchant", {
  municipalityId: integer("municipality_id")
    .primaryKey()
    .references(() => municipality.id),
  payeeAlias: text("payee_alias").notNull(),
  /** encrypt(PEM) or null: the environment's certificate is used. */
  certPem: text("cert_pem"),
  keyPem: text("key_pem"),
  /** Where Swish sends this merchant's callbacks; null: `$PUBLIC_URL/api/betalning/swish/callback`. */
  callbackUrl: text("callback_url"),
  updatedAt: text("updated_at").notNull().default(now),
  updatedBy: text("updated_by").notNull(),
});

/**
 * One payment request to the payment provider (Swish Commerce API v2 paymentrequests). Made for a
 * draft before it is submitted (`owner_key`), linked to the case at submission (`case_id`).
 * `instruction_uuid` is the id the portal chose (the PUT's path), so a repeated callback or a
 * poll finds the same row: one payment, whatever arrives twice. Amounts are whole kronor.
 */
export const payment = sqliteTable(
  "payment",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    instructionUuid: text("instruction_uuid").notNull(),
    provider: text("provider").notNull().default("swish"),
    municipalityId: integer("municipality_id")
      .notNull()
      .references(() => municipality.id),
    /** What is paid for, e.g. "bygglov-ansokan". */
    purpose: text("purpose").notNull(),
    ownerKey: text("owner_key").notNull(),
    personId: integer("person_id"),
    caseId: integer("case_id").references(() => caseTable.id),
    amount: integer("amount").notNull(),
    payeeAlias: text("payee_alias").notNull(),
    /** encrypt(the payer's mobile number) */
    payerAlias: text("payer_alias").notNull(),
    message: text("message").notNull(),
    /** Sent with the request and echoed in the callback's header: a callback without it is ignored. */
    callbackIdentifier: text("callback_identifier").notNull(),
    /** CREATED, PAID, DECLINED, ERROR, CANCELLED (Swish's statuses) or TIMEOUT (no answer in time). */
    status: text("status").notNull().default("CREATED"),
    paymentReference: text("payment_reference"),
    /** encrypt(PaymentRequestToken) of an m-commerce request (app switch / QR, no payer number); else null. */
    requestToken: text("request_token"),
    errorCode: text("error_code"),
    datePaid: text("date_paid"),
    createdAt: text("created_at").notNull().default(now),
    updatedAt: text("updated_at").notNull().default(now),
  },
  (t) => [
    uniqueIndex("payment_instruction").on(t.instructionUuid),
    index("payment_owner").on(t.ownerKey),
    index("payment_case").on(t.caseId),
    index("payment_municipality").on(t.municipalityId, t.createdAt),
  ],
);

/** A refund of (part of) a paid payment: Swish refunds v2, e.g. the PBL fee reduction (12 kap. 8 a §). */
export const paymentRefund = sqliteTable(
  "payment_refund",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    instructionUuid: text("instruction_uuid").notNull(),
    paymentId: integer("payment_id")
      .notNull()
      .references(() => payment.id),
    amount: integer("amount").notNull(),
    reason: text("reason").notNull(),
    callbackIdentifier: text("callback_identifier").notNull(),
    /** "staff:<id>" or "system" */
    requestedBy: text("requested_by").notNull(),
    /** CREATED, VALIDATED, PAID, DEBITED, ERROR (Swish's refund statuses). */
    status: text("status").notNull().default("CREATED"),
    errorCode: text("error_code"),
    createdAt: text("created_at").notNull().default(now),
    updatedAt: text("updated_at").notNull().default(now),
  },
  (t) => [
    uniqueIndex("payment_refund_instruction").on(t.instructionUuid),
    index("payment_refund_payment").on(t.paymentId),
  ],
);

/**
 * The PBL fee reduction of a building-permit decision that came late (plan- och bygglagen 12 kap.
 * 8 a §): the fee before and after, the started weeks over the statutory time, and the refund.
 */
export const feeReduction = sqliteTable("fee_reduction", {
  caseId: integer("case_id")
    .primaryKey()
    .references(() => caseTable.id),
  deadline: text("deadline").notNull(),
  decidedOn: text("decided_on").notNull(),
  weeksLate: integer("weeks_late").notNull(),
  feeBefore: integer("fee_before").notNull(),
  feeAfter: integer("fee_after").notNull(),
  refundId: integer("refund_id").references(() => paymentRefund.id),
  createdAt: text("created_at").notNull().default(now),
});

export type Payment = typeof payment.$inferSelect;
export type PaymentRefund = typeof paymentRefund.$inferSelect;
