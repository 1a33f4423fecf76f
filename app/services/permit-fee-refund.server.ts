/**
 * The hook between a building-permit decision and payments (decision 080): before deciding the
 * officer sees what the PBL reduction (permit-fee-reduction.ts) would take off if the decision
 * were made today; when the decision is made late the decided fee is reduced, the reduction is
 * recorded (shown to the applicant with the decision), and what was paid above the reduced fee is
 * refunded through the payment adapter.
 */
import { eq } from "drizzle-orm";
import { caseDecision, caseTable, feeReduction as feeReductionTable, permitCase } from "../../db/schema/index";
import { db } from "~/db.server";
import { commitDurably } from "~/db-durable.server";
import type { AuditActor } from "~/platform/audit.server";
import { audit } from "~/platform/audit.server";
import { clockInputFor } from "./building-permits.server";
import { computeClock, type IsoDate } from "./permit-clock";
import { feeReduction, type FeeReduction } from "./permit-fee-reduction";
import { paymentOfCase, refundCasePayment, type CasePayment } from "./payments.server";

function methodOf(caseId: number): unknown {
  const row = db().select({ data: caseTable.data }).from(caseTable).where(eq(caseTable.id, caseId)).get();
  try {
    return row ? (JSON.parse(row.data) as { payment?: unknown }).payment : undefined;
  } catch {
    return undefined;
  }
}

/** The payment of a case as applicant and officer see it. */
export function casePayment(caseId: number): CasePayment {
  return paymentOfCase(caseId, methodOf(caseId));
}

/** What a decision made on `today` would take off the fee (null for a case without the clock). */
export function previewFeeReduction(caseId: number, fee: number | null, today: IsoDate): FeeReduction | null {
  const input = clockInputFor(caseId);
  if (!input || fee === null) return null;
  const clock = computeClock({ ...input, decidedOn: null }, today);
  return feeReduction({ fee, deadline: clock.deadline, decidedOn: today });
}

/** The recorded reduction of a decided case, or null. */
export function recordedFeeReduction(caseId: number) {
  return db().select().from(feeReductionTable).where(eq(feeReductionTable.caseId, caseId)).get() ?? null;
}

/**
 * Called once the decision row is committed (backoffice decide()). The fee the reduction applies
 * to is the one the officer decided, or else what was paid, or else the estimate.
 */
export async function applyFeeReductionAfterDecision(input: {
  caseId: number;
  actor: AuditActor;
  requestedBy: string;
}): Promise<void> {
  const decision = db().select().from(caseDecision).where(eq(caseDecision.caseId, input.caseId)).get();
  const permit = db().select().from(permitCase).where(eq(permitCase.caseId, input.caseId)).get();
  const clockInput = clockInputFor(input.caseId);
  if (!decision || !permit || !clockInput) return;
  const paid = casePayment(input.caseId);
  const fee = decision.fee ?? paid.amount ?? permit.feeEstimate;
  if (fee === null) return;
  const deadline = computeClock(clockInput, decision.decidedOn).deadline;
  const r = feeReduction({ fee, deadline, decidedOn: decision.decidedOn });
  if (r.fifths === 0) return;
  // With its audit row in one commit, its fsync off the event loop (decision 155).
  await commitDurably(() => {
    db().update(caseDecision).set({ fee: r.feeAfter }).where(eq(caseDecision.caseId, input.caseId)).run();
    db()
      .insert(feeReductionTable)
      .values({
        caseId: input.caseId,
        deadline: deadline!,
        decidedOn: decision.decidedOn,
        weeksLate: r.weeksLate,
        feeBefore: r.feeBefore,
        feeAfter: r.feeAfter,
      })
      .onConflictDoNothing()
      .run();
    audit({
      actor: input.actor,
      action: "case.fee.reduced",
      subjectType: "case",
      subjectId: input.caseId,
      details: { weeksLate: r.weeksLate, feeBefore: r.feeBefore, feeAfter: r.feeAfter, area: "bygglov" },
    });
  });
  const toRefund = paid.status === "paid" && paid.amount !== null ? paid.amount - paid.refunded - r.feeAfter : 0;
  if (toRefund <= 0) return;
  const refund = await refundCasePayment({
    caseId: input.caseId,
    amount: toRefund,
    reason: "PBL 12 kap. 8 a § avgiftsreduktion",
    requestedBy: input.requestedBy,
    actor: input.actor,
  });
  if (refund.ok)
    db()
      .update(feeReductionTable)
      .set({ refundId: refund.refundId })
      .where(eq(feeReductionTable.caseId, input.caseId))
      .run();
}
