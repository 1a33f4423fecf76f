/**
 * Payments of fees (decision 080): a payment request per draft before it is submitted, settled by
 * the provider's callback or, as the fallback, by asking the provider (the `payment-poll` job and
 * every reload of the status page). The callback only says "look again": the status is always read
 * from the provider itself (over mutual TLS), and a row leaves CREATED once, so a repeated or
 * forged callback can never make two payments or a false "paid". Refunds go the same way.
 */
import { and, asc, desc, eq, gte, isNull, lt } from "drizzle-orm";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { payment, paymentMerchant, paymentRefund, type Payment } from "../../db/schema/index";
import { db } from "~/db.server";
import { env } from "~/env.server";
import { defineJob } from "~/jobs/runner.server";
import { audit, type AuditActor } from "~/platform/audit.server";
import { decrypt, encrypt } from "~/platform/crypto.server";
import { RegisterAnswerError, RegisterUnavailableError } from "~/platform/register-http.server";
import { log } from "~/utils/logger.server";
import {
  PaymentRefused,
  swishPayerAlias,
  type Merchant,
  type PaymentProvider,
  type PaymentStatus,
} from "./payment-provider";
import { swishClient } from "./swish.server";

let chosen: PaymentProvider | null | undefined;

/** The configured provider, or null when payments are off (invoice only). */
export function paymentProvider(): PaymentProvider | null {
  if (chosen !== undefined) return chosen;
  const e = env();
  chosen =
    e.PAYMENTS === "swish" && e.SWISH_URL ? swishClient({ baseUrl: e.SWISH_URL, qrBaseUrl: e.SWISH_QR_URL }) : null;
  return chosen;
}

/** For tests: answer with this provider (undefined: choose from the environment again). */
export function usePaymentProviderForTests(provider: PaymentProvider | null | undefined): void {
  chosen = provider;
}

/** The municipality's merchant: its own row (/admin/betalningar), else the environment's default. */
export function merchantFor(municipalityId: number): Merchant | null {
  const row = db().select().from(paymentMerchant).where(eq(paymentMerchant.municipalityId, municipalityId)).get();
  const e = env();
  const read = (file: string | undefined) => (file ? readFileSync(file, "utf8") : undefined);
  const ca = read(e.SWISH_CA_FILE);
  if (row)
    return {
      payeeAlias: row.payeeAlias,
      cert: row.certPem ? decrypt(row.certPem) : read(e.SWISH_CLIENT_CERT_FILE),
      key: row.keyPem ? decrypt(row.keyPem) : read(e.SWISH_CLIENT_KEY_FILE),
      ca,
      callbackUrl: row.callbackUrl ?? undefined,
    };
  if (!e.SWISH_PAYEE_ALIAS) return null;
  return {
    payeeAlias: e.SWISH_PAYEE_ALIAS,
    cert: read(e.SWISH_CLIENT_CERT_FILE),
    key: read(e.SWISH_CLIENT_KEY_FILE),
    ca,
  };
}

/** Whether residents of this municipality can pay online now (else only the invoice option). */
export function canPayOnline(municipalityId: number): boolean {
  return paymentProvider() !== null && merchantFor(municipalityId) !== null;
}

/** Where Swish calls back for this merchant: its own address, else the portal's callback route. */
const callbackUrlOf = (merchant: Merchant) =>
  merchant.callbackUrl ?? `${env().PUBLIC_URL}/api/betalning/swish/callback`;

const FINAL: readonly string[] = ["PAID", "DECLINED", "ERROR", "CANCELLED", "TIMEOUT"];

export type StartResult =
  { ok: true; instructionUuid: string } | { ok: false; error: "phone" | "unavailable" | "refused" };

/**
 * Asks the payer, through the provider, to pay `amount` kronor for a draft: on the phone `phone`
 * (e-commerce), or, with `phone: null`, by a request the payer opens with the app on this device
 * or a QR code on another (m-commerce, decision 094).
 */
export async function startPayment(input: {
  actor: AuditActor | "system";
  personId: number | null;
  ownerKey: string;
  municipalityId: number;
  purpose: string;
  amount: number;
  phone: string | null;
  message: string;
  now?: Date;
}): Promise<StartResult> {
  const payerAlias = input.phone === null ? null : swishPayerAlias(input.phone);
  if (input.phone !== null && !payerAlias) return { ok: false, error: "phone" };
  const provider = paymentProvider();
  const merchant = merchantFor(input.municipalityId);
  if (!provider || !merchant) return { ok: false, error: "unavailable" };
  const instructionUuid = randomBytes(16).toString("hex").toUpperCase();
  const callbackIdentifier = randomBytes(16).toString("hex").toUpperCase();
  const now = (input.now ?? new Date()).toISOString();
  const message = input.message.slice(0, 50);
  const id = db()
    .insert(payment)
    .values({
      instructionUuid,
      provider: provider.name,
      municipalityId: input.municipalityId,
      purpose: input.purpose,
      ownerKey: input.ownerKey,
      personId: input.personId,
      amount: input.amount,
      payeeAlias: merchant.payeeAlias,
      // An m-commerce request has no payer number until the payer answers in the app.
      payerAlias: encrypt(payerAlias ?? ""),
      message,
      callbackIdentifier,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: payment.id })
    .get().id;
  audit({
    actor: input.actor,
    action: "payment.requested",
    subjectType: "payment",
    subjectId: instructionUuid,
    municipalityId: input.municipalityId,
    personId: input.personId,
    details: {
      purpose: input.purpose,
      amount: input.amount,
      provider: provider.name,
      flow: payerAlias ? "phone" : "app",
    },
  });
  try {
    const { token } = await provider.createPaymentRequest({
      instructionUuid,
      merchant,
      payerAlias,
      amount: input.amount,
      message,
      payeePaymentReference: `P${id}`,
      callbackUrl: callbackUrlOf(merchant),
      callbackIdentifier,
    });
    if (token)
      db()
        .update(payment)
        .set({ requestToken: encrypt(token) })
        .where(eq(payment.id, id))
        .run();
    return { ok: true, instructionUuid };
  } catch (error) {
    const refused = error instanceof PaymentRefused;
    if (!refused && !(error instanceof RegisterUnavailableError || error instanceof RegisterAnswerError)) throw error;
    log("warn", "payment request failed", { provider: provider.name, error: (error as Error).message });
    db()
      .update(payment)
      .set({
        status: "ERROR",
        errorCode: refused ? error.codes.join(",").slice(0, 60) : "UNAVAILABLE",
        updatedAt: new Date().toISOString(),
      })
      .where(eq(payment.id, id))
      .run();
    return { ok: false, error: refused ? "refused" : "unavailable" };
  }
}

/**
 * Moves a payment to its final status once. The UPDATE only matches a row still CREATED, so of
 * two callbacks (or a callback and a poll) arriving together exactly one changes it and audits.
 */
function settle(row: Payment, status: PaymentStatus | "TIMEOUT", fields: Partial<Payment>, via: string): boolean {
  const changed = db()
    .update(payment)
    .set({ ...fields, status, updatedAt: new Date().toISOString() })
    .where(and(eq(payment.id, row.id), eq(payment.status, "CREATED")))
    .run().changes;
  if (changed === 1)
    audit({
      actor: "system",
      action: `payment.${status.toLowerCase()}`,
      subjectType: "payment",
      subjectId: row.instructionUuid,
      municipalityId: row.municipalityId,
      personId: row.personId,
      details: { amount: row.amount, via, errorCode: fields.errorCode ?? null },
    });
  return changed === 1;
}

/** Asks the provider about a payment still open; gives it up as TIMEOUT after SWISH_TIMEOUT_SECONDS. */
export async function refreshPayment(row: Payment, via: string, now = new Date()): Promise<Payment> {
  if (FINAL.includes(row.status)) return row;
  const provider = paymentProvider();
  const merchant = merchantFor(row.municipalityId);
  if (provider && merchant) {
    try {
      const state = await provider.getPaymentRequest(merchant, row.instructionUuid);
      if (state.status === "PAID" && state.amount !== row.amount)
        // Never happens with a provider that keeps to its API; if it does, a person must look.
        settle(row, "ERROR", { errorCode: "AMOUNT_MISMATCH" }, via);
      else if (state.status !== "CREATED")
        settle(
          row,
          state.status,
          { paymentReference: state.paymentReference, datePaid: state.datePaid, errorCode: state.errorCode },
          via,
        );
    } catch (error) {
      if (!(error instanceof RegisterUnavailableError || error instanceof RegisterAnswerError)) throw error;
      log("warn", "payment status unavailable", { error: error.message });
    }
  }
  const current = db().select().from(payment).where(eq(payment.id, row.id)).get()!;
  if (
    current.status === "CREATED" &&
    now.getTime() - Date.parse(current.createdAt) > env().SWISH_TIMEOUT_SECONDS * 1000
  )
    settle(current, "TIMEOUT", { errorCode: "TIMEOUT" }, via);
  return db().select().from(payment).where(eq(payment.id, row.id)).get()!;
}

/**
 * The provider's callback: the body names the payment request; its status is read from the
 * provider. Unknown ids and a wrong callbackIdentifier are ignored (answered 200 all the same,
 * so that nothing can be learnt by probing).
 */
export async function handlePaymentCallback(body: unknown, callbackIdentifier: string | null): Promise<void> {
  const id = typeof body === "object" && body !== null ? (body as { id?: unknown }).id : undefined;
  if (typeof id !== "string" || !/^[0-9A-F]{32}$/.test(id)) return;
  const row = db().select().from(payment).where(eq(payment.instructionUuid, id)).get();
  if (row) {
    if (row.callbackIdentifier !== callbackIdentifier) return;
    await refreshPayment(row, "callback");
    return;
  }
  const refund = db().select().from(paymentRefund).where(eq(paymentRefund.instructionUuid, id)).get();
  if (refund && refund.callbackIdentifier === callbackIdentifier) await refreshRefund(refund.id);
}

/** The PaymentRequestToken of an m-commerce request (app switch, QR code); null for the phone flow. */
export function paymentRequestToken(row: Payment): string | null {
  return row.requestToken ? decrypt(row.requestToken) : null;
}

/** The QR code of an open m-commerce request, from the provider; null when there is none to show. */
export async function paymentQrCode(row: Payment): Promise<{ contentType: string; body: Buffer } | null> {
  const token = paymentRequestToken(row);
  const provider = paymentProvider();
  if (!token || row.status !== "CREATED" || !provider) return null;
  try {
    return await provider.qrCode(token);
  } catch (error) {
    if (!(error instanceof RegisterUnavailableError || error instanceof RegisterAnswerError)) throw error;
    log("warn", "payment QR code unavailable", { error: error.message });
    return null;
  }
}

/** A payment of the draft's owner, or null: the owner key is part of the query. */
export function getPaymentForOwner(input: { instructionUuid: string; ownerKey: string }): Payment | null {
  return (
    db()
      .select()
      .from(payment)
      .where(and(eq(payment.instructionUuid, input.instructionUuid), eq(payment.ownerKey, input.ownerKey)))
      .get() ?? null
  );
}

/** The draft's paid payment of exactly this amount not yet linked to a case, if any. */
export function paidDraftPayment(input: { ownerKey: string; purpose: string; amount: number }): Payment | null {
  return (
    db()
      .select()
      .from(payment)
      .where(
        and(
          eq(payment.ownerKey, input.ownerKey),
          eq(payment.purpose, input.purpose),
          eq(payment.status, "PAID"),
          eq(payment.amount, input.amount),
          isNull(payment.caseId),
        ),
      )
      .orderBy(desc(payment.id))
      .get() ?? null
  );
}

/** The draft's latest payment (any status) not yet linked to a case. */
export function latestDraftPayment(input: { ownerKey: string; purpose: string }): Payment | null {
  return (
    db()
      .select()
      .from(payment)
      .where(and(eq(payment.ownerKey, input.ownerKey), eq(payment.purpose, input.purpose), isNull(payment.caseId)))
      .orderBy(desc(payment.id))
      .get() ?? null
  );
}

/** Called inside the submission's transaction. */
export function linkPaymentToCase(paymentId: number, caseId: number): void {
  db().update(payment).set({ caseId }).where(eq(payment.id, paymentId)).run();
}

export interface CasePayment {
  status: "paid" | "unpaid" | "invoice";
  amount: number | null;
  paymentReference: string | null;
  datePaid: string | null;
  refunded: number;
}

/** What the applicant and the officer see of a case's payment. */
export function paymentOfCase(caseId: number, method: unknown): CasePayment {
  const paid = db()
    .select()
    .from(payment)
    .where(and(eq(payment.caseId, caseId), eq(payment.status, "PAID")))
    .get();
  if (!paid)
    return {
      status: method === "invoice" ? "invoice" : "unpaid",
      amount: null,
      paymentReference: null,
      datePaid: null,
      refunded: 0,
    };
  const refunded = db()
    .select({ amount: paymentRefund.amount, status: paymentRefund.status })
    .from(paymentRefund)
    .where(eq(paymentRefund.paymentId, paid.id))
    .all()
    .filter((r) => r.status !== "ERROR")
    .reduce((s, r) => s + r.amount, 0);
  return {
    status: "paid",
    amount: paid.amount,
    paymentReference: paid.paymentReference,
    datePaid: paid.datePaid,
    refunded,
  };
}

export type RefundResult =
  { ok: true; refundId: number } | { ok: false; error: "notPaid" | "amount" | "unavailable" | "refused" };

/** Pays back `amount` kronor of a case's paid payment through the provider. */
export async function refundCasePayment(input: {
  caseId: number;
  amount: number;
  reason: string;
  requestedBy: string;
  actor: AuditActor | "system";
}): Promise<RefundResult> {
  const paid = db()
    .select()
    .from(payment)
    .where(and(eq(payment.caseId, input.caseId), eq(payment.status, "PAID")))
    .get();
  if (!paid || !paid.paymentReference) return { ok: false, error: "notPaid" };
  const already = paymentOfCase(input.caseId, "swish").refunded;
  if (!Number.isInteger(input.amount) || input.amount < 1 || input.amount > paid.amount - already)
    return { ok: false, error: "amount" };
  const provider = paymentProvider();
  const merchant = merchantFor(paid.municipalityId);
  if (!provider || !merchant) return { ok: false, error: "unavailable" };
  const instructionUuid = randomBytes(16).toString("hex").toUpperCase();
  const callbackIdentifier = randomBytes(16).toString("hex").toUpperCase();
  const refundId = db()
    .insert(paymentRefund)
    .values({
      instructionUuid,
      paymentId: paid.id,
      amount: input.amount,
      reason: input.reason,
      callbackIdentifier,
      requestedBy: input.requestedBy,
    })
    .returning({ id: paymentRefund.id })
    .get().id;
  audit({
    actor: input.actor,
    action: "payment.refund.requested",
    subjectType: "payment",
    subjectId: paid.instructionUuid,
    municipalityId: paid.municipalityId,
    personId: paid.personId,
    details: { amount: input.amount, reason: input.reason, caseId: input.caseId },
  });
  try {
    await provider.createRefund({
      instructionUuid,
      merchant,
      originalPaymentReference: paid.paymentReference,
      amount: input.amount,
      message: input.reason.slice(0, 50),
      callbackUrl: callbackUrlOf(merchant),
      callbackIdentifier,
    });
    return { ok: true, refundId };
  } catch (error) {
    const refused = error instanceof PaymentRefused;
    if (!refused && !(error instanceof RegisterUnavailableError || error instanceof RegisterAnswerError)) throw error;
    db()
      .update(paymentRefund)
      .set({ status: "ERROR", errorCode: refused ? error.codes.join(",").slice(0, 60) : "UNAVAILABLE" })
      .where(eq(paymentRefund.id, refundId))
      .run();
    return { ok: false, error: refused ? "refused" : "unavailable" };
  }
}

export async function refreshRefund(refundId: number): Promise<void> {
  const r = db().select().from(paymentRefund).where(eq(paymentRefund.id, refundId)).get();
  if (!r || r.status === "PAID" || r.status === "ERROR") return;
  const paid = db().select().from(payment).where(eq(payment.id, r.paymentId)).get()!;
  const provider = paymentProvider();
  const merchant = merchantFor(paid.municipalityId);
  if (!provider || !merchant) return;
  try {
    const state = await provider.getRefund(merchant, r.instructionUuid);
    if (state.status === r.status) return;
    db()
      .update(paymentRefund)
      .set({ status: state.status, errorCode: state.errorCode, updatedAt: new Date().toISOString() })
      .where(and(eq(paymentRefund.id, r.id), eq(paymentRefund.status, r.status)))
      .run();
    if (state.status === "PAID" || state.status === "ERROR")
      audit({
        actor: "system",
        action: `payment.refund.${state.status.toLowerCase()}`,
        subjectType: "payment",
        subjectId: paid.instructionUuid,
        municipalityId: paid.municipalityId,
        personId: paid.personId,
        details: { amount: r.amount },
      });
  } catch (error) {
    if (!(error instanceof RegisterUnavailableError || error instanceof RegisterAnswerError)) throw error;
    log("warn", "refund status unavailable", { error: error.message });
  }
}

/** The fallback to callbacks: every open payment and refund is asked about (docs/decisions/080). */
export async function pollOpenPayments(now = new Date()): Promise<number> {
  const settleAfter = new Date(now.getTime() - 5_000).toISOString();
  const open = db()
    .select()
    .from(payment)
    .where(and(eq(payment.status, "CREATED"), lt(payment.createdAt, settleAfter)))
    .orderBy(asc(payment.id))
    .limit(200)
    .all();
  let settled = 0;
  for (const row of open) if ((await refreshPayment(row, "poll", now)).status !== "CREATED") settled++;
  const refunds = db().select({ id: paymentRefund.id, status: paymentRefund.status }).from(paymentRefund).all();
  for (const r of refunds) if (r.status !== "PAID" && r.status !== "ERROR") await refreshRefund(r.id);
  return settled;
}

export const paymentPollJob = defineJob({
  name: "payment-poll",
  everyMs: () => (paymentProvider() ? env().PAYMENT_POLL_INTERVAL_SECONDS * 1000 : 0),
  firstDelayMs: 15_000,
  run: async ({ now }) => ({ settled: await pollOpenPayments(now) }),
});

const csvCell = (v: string | number | null) => {
  if (typeof v === "number") return String(v);
  const s = v ?? "";
  // Spreadsheet formula injection: a leading =, +, - or @ is quoted away.
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[";\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/**
 * The reconciliation file for the finance office: one line per settled payment and refund of
 * the municipality in [from, to), semicolon-separated as Swedish spreadsheets expect.
 */
export function reconciliationCsv(input: { municipalityId: number; from: string; to: string }): string {
  const lines = [
    [
      "typ",
      "datum",
      "belopp_kr",
      "swish_referens",
      "instruktion",
      "betalningsmottagare",
      "avser",
      "arende_id",
      "status",
    ].join(";"),
  ];
  const rows = db()
    .select()
    .from(payment)
    .where(
      and(
        eq(payment.municipalityId, input.municipalityId),
        gte(payment.createdAt, input.from),
        lt(payment.createdAt, input.to),
      ),
    )
    .orderBy(asc(payment.id))
    .all();
  for (const p of rows) {
    if (p.status !== "PAID") continue;
    lines.push(
      [
        "betalning",
        p.datePaid ?? p.updatedAt,
        p.amount,
        p.paymentReference,
        p.instructionUuid,
        p.payeeAlias,
        p.purpose,
        p.caseId,
        p.status,
      ]
        .map(csvCell)
        .join(";"),
    );
    const refunds = db()
      .select()
      .from(paymentRefund)
      .where(eq(paymentRefund.paymentId, p.id))
      .orderBy(asc(paymentRefund.id))
      .all();
    for (const r of refunds)
      lines.push(
        [
          "aterbetalning",
          r.updatedAt,
          -r.amount,
          p.paymentReference,
          r.instructionUuid,
          p.payeeAlias,
          r.reason,
          p.caseId,
          r.status,
        ]
          .map(csvCell)
          .join(";"),
      );
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
