import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSwishStandIn } from "./swish-harness";
import {
  auditEvent,
  caseDecision,
  feeReduction,
  municipality,
  payment,
  paymentRefund,
  permitCase,
  staffUser,
} from "../../db/schema/index";
import { SWISH_DECLINED, SWISH_DUPLICATE, SWISH_ERROR, SWISH_NO_ANSWER, swishSimulator } from "../stand-ins/swish";
import { sessionUserOf } from "~/auth/session.server";
import type { StaffUser } from "~/auth/guards.server";
import { db } from "~/db.server";
import { changeStatusForStaff, decide, decisionPdf } from "~/services/backoffice.server";
import { createCase } from "~/services/cases.server";
import { getAdministrationForArea } from "~/services/municipalities.server";
import { addDays, swedishDate } from "~/services/permit-clock";
import {
  getPaymentForOwner,
  handlePaymentCallback,
  linkPaymentToCase,
  paymentOfCase,
  pollOpenPayments,
  reconciliationCsv,
  refreshPayment,
  startPayment,
} from "~/services/payments.server";

/**
 * The payment adapter against the local Swish simulator over real HTTP (decision 080): the
 * simulator answers the Swish Commerce API and calls back to a small server here that hands the
 * callback to the portal's handler, as the route /api/betalning/swish/callback does.
 */
const sim = swishSimulator({ delayMs: 30 });
let callbacksReceived = 0;
let standIn: Awaited<ReturnType<typeof startSwishStandIn>>;
let bengtsfors = 0;

beforeAll(async () => {
  standIn = await startSwishStandIn(sim, {
    env: { SWISH_TIMEOUT_SECONDS: "60" },
    onCallback: () => callbacksReceived++,
  });
  bengtsfors = db().select().from(municipality).where(eq(municipality.slug, "bengtsfors")).get()!.id;
});

afterAll(() => standIn.close());

const pay = (ownerKey: string, phone: string, amount = 4_200) =>
  startPayment({
    actor: "system",
    personId: null,
    ownerKey,
    municipalityId: bengtsfors,
    purpose: "bygglov-ansokan",
    amount,
    phone,
    message: "Bygglovsavgift",
  });

const row = (uuid: string) => db().select().from(payment).where(eq(payment.instructionUuid, uuid)).get()!;

async function settled(uuid: string): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const status = row(uuid).status;
    if (status !== "CREATED") return status;
    await new Promise((r) => setTimeout(r, 20));
  }
  return row(uuid).status;
}

function officer(username: string): StaffUser {
  const r = db().select().from(staffUser).where(eq(staffUser.username, username)).get()!;
  return sessionUserOf({
    idHash: `test-${username}`,
    kind: "staff",
    staffUserId: r.id,
    personId: null,
    actingKind: null,
    actingOrganisationId: null,
  }) as StaffUser;
}

describe("Swish payments against the simulator", () => {
  it("a paid request is settled by the callback, with Swish's reference and the payer's number encrypted", async () => {
    const started = await pay("t:paid", "070-123 45 67");
    expect(started.ok).toBe(true);
    if (!started.ok) return;
    expect(await settled(started.instructionUuid)).toBe("PAID");
    const r = row(started.instructionUuid);
    expect(r.paymentReference).toMatch(/^[0-9A-F]{32}$/);
    expect(r.payerAlias).not.toContain("701234567");
    expect(sim.payments.get(started.instructionUuid)?.amount).toBe("4200.00");
    // Another draft's owner does not find it (the status page answers 404).
    expect(getPaymentForOwner({ instructionUuid: started.instructionUuid, ownerKey: "t:other" })).toBeNull();
    expect(getPaymentForOwner({ instructionUuid: started.instructionUuid, ownerKey: "t:paid" })?.status).toBe("PAID");
  });

  it("a declined payment is DECLINED, audited, and never counted as paid", async () => {
    const started = await pay("t:declined", `0${SWISH_DECLINED.slice(2)}`);
    if (!started.ok) throw new Error("not started");
    expect(await settled(started.instructionUuid)).toBe("DECLINED");
    const audited = db()
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.action, "payment.declined"), eq(auditEvent.subjectId, started.instructionUuid)))
      .all();
    expect(audited).toHaveLength(1);
  });

  it("Swish's own time-out (ERROR TM01) leaves the payment unpaid with the code", async () => {
    const started = await pay("t:error", `+${SWISH_ERROR}`);
    if (!started.ok) throw new Error("not started");
    expect(await settled(started.instructionUuid)).toBe("ERROR");
    expect(row(started.instructionUuid).errorCode).toBe("TM01");
  });

  it("a payment with no answer at all is given up as TIMEOUT by the poll after SWISH_TIMEOUT_SECONDS", async () => {
    const started = await pay("t:timeout", `0${SWISH_NO_ANSWER.slice(2)}`);
    if (!started.ok) throw new Error("not started");
    await pollOpenPayments(new Date(Date.now() + 10_000));
    expect(row(started.instructionUuid).status).toBe("CREATED");
    await pollOpenPayments(new Date(Date.now() + 61_000));
    expect(row(started.instructionUuid).status).toBe("TIMEOUT");
  });

  it("a duplicate callback makes one payment and one audit row", async () => {
    const before = callbacksReceived;
    const started = await pay("t:duplicate", `0${SWISH_DUPLICATE.slice(2)}`);
    if (!started.ok) throw new Error("not started");
    expect(await settled(started.instructionUuid)).toBe("PAID");
    for (let i = 0; i < 50 && callbacksReceived < before + 2; i++) await new Promise((r) => setTimeout(r, 20));
    expect(callbacksReceived).toBe(before + 2);
    // And once more, by hand, as a third delivery.
    await handlePaymentCallback(
      sim.payments.get(started.instructionUuid),
      row(started.instructionUuid).callbackIdentifier,
    );
    expect(db().select().from(payment).where(eq(payment.ownerKey, "t:duplicate")).all()).toHaveLength(1);
    const paidRows = db()
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.action, "payment.paid"), eq(auditEvent.subjectId, started.instructionUuid)))
      .all();
    expect(paidRows).toHaveLength(1);
  });

  it("a callback without the right callbackIdentifier changes nothing", async () => {
    const started = await pay("t:forged", `0${SWISH_NO_ANSWER.slice(2)}`);
    if (!started.ok) throw new Error("not started");
    await handlePaymentCallback({ id: started.instructionUuid, status: "PAID" }, "WRONG");
    expect(row(started.instructionUuid).status).toBe("CREATED");
    // Even with the right identifier, the status comes from Swish, which still says CREATED.
    await handlePaymentCallback(
      { id: started.instructionUuid, status: "PAID" },
      row(started.instructionUuid).callbackIdentifier,
    );
    expect((await refreshPayment(row(started.instructionUuid), "test")).status).toBe("CREATED");
  });

  it("a number that is not a Swedish mobile number is refused before Swish is asked", async () => {
    const before = sim.payments.size;
    expect(await pay("t:bad", "08-123 456 78")).toEqual({ ok: false, error: "phone" });
    expect(sim.payments.size).toBe(before);
  });

  it("refunds exactly the PBL reduction of a decision started weeks late", async () => {
    const now = new Date();
    const today = swedishDate(now);
    // Received 10 weeks + 9 days ago: the deadline (10 weeks, moved to a working day) has passed by 8–9 days.
    const receivedOn = addDays(today, -(70 + 9));
    const created = createCase({
      idempotencyKey: "payments-late-decision",
      municipalityId: bengtsfors,
      administrationId: getAdministrationForArea({ municipalityId: bengtsfors, area: "bygglov" })!.id,
      formId: "bygglov-ansokan",
      formVersion: 1,
      area: "bygglov",
      sensitivity: "personal",
      data: { measureType: "tillbyggnad", payment: "swish" },
      sensitiveData: null,
      applicantPersonId: null,
      applicantOrganisationId: null,
      submittedByPersonId: null,
      contactEmail: null,
      submitterKey: null,
      language: "sv",
      decisionDays: null,
      diarium: { subject: null, partyKind: "person", partyName: "Test" },
      attachments: { publicIds: [], ownerKey: "t:late" },
      now: new Date(Date.now() - 79 * 86_400_000),
    });
    db()
      .insert(permitCase)
      .values({
        caseId: created.id,
        measureType: "tillbyggnad",
        propertyDesignation: "Bengtsfors Test 1:1",
        receivedOn,
        feeEstimate: 10_000,
      })
      .run();
    const started = await pay("t:late", "0701234567", 10_000);
    if (!started.ok) throw new Error("not started");
    expect(await settled(started.instructionUuid)).toBe("PAID");
    linkPaymentToCase(row(started.instructionUuid).id, created.id);

    const user = officer("handlaggare.bengtsfors");
    expect(changeStatusForStaff({ reference: created.reference, user, to: "complete", now })).toEqual({ ok: true });
    expect(
      await decide({
        reference: created.reference,
        user,
        outcome: "approved",
        text: "Bygglov beviljas.",
        fee: "",
        now,
      }),
    ).toEqual({ ok: true });

    const reduction = db().select().from(feeReduction).where(eq(feeReduction.caseId, created.id)).get()!;
    const deadline = reduction.deadline;
    const weeks = Math.ceil((Date.parse(today) - Date.parse(deadline)) / (7 * 86_400_000));
    expect(weeks).toBeGreaterThanOrEqual(1);
    const expectedAfter = (10_000 * (5 - weeks)) / 5;
    expect(reduction).toMatchObject({ weeksLate: weeks, feeBefore: 10_000, feeAfter: expectedAfter });
    expect(db().select().from(caseDecision).where(eq(caseDecision.caseId, created.id)).get()?.fee).toBe(expectedAfter);
    const refund = db().select().from(paymentRefund).where(eq(paymentRefund.id, reduction.refundId!)).get()!;
    expect(refund.amount).toBe(10_000 - expectedAfter);
    const simRefund = sim.refunds.get(refund.instructionUuid)!;
    expect(simRefund.amount).toBe(`${10_000 - expectedAfter}.00`);
    expect(simRefund.originalPaymentReference).toBe(row(started.instructionUuid).paymentReference);
    for (
      let i = 0;
      i < 100 && db().select().from(paymentRefund).where(eq(paymentRefund.id, refund.id)).get()!.status !== "PAID";
      i++
    )
      await new Promise((r) => setTimeout(r, 20));
    expect(db().select().from(paymentRefund).where(eq(paymentRefund.id, refund.id)).get()!.status).toBe("PAID");
    expect(paymentOfCase(created.id, "swish")).toMatchObject({
      status: "paid",
      amount: 10_000,
      refunded: 10_000 - expectedAfter,
    });

    // The decision document itself states the reduction and the refund (read as a PDF reader would).
    const file = join(mkdtempSync(join(tmpdir(), "decision-")), "beslut.pdf");
    writeFileSync(file, (await decisionPdf(created.id))!);
    const pdfText = execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
    const kr = (n: number) => `${n.toLocaleString("sv-SE").replace(/\s/g, " ")} kr`;
    expect(pdfText).toContain("Avgiftsreduktion Beslutet meddelades");
    expect(pdfText).toContain(`${weeks} påbörjade veckor efter tidsfristen (${deadline})`);
    expect(pdfText).toContain(`med ${weeks} femtedelar, från ${kr(10_000)} till ${kr(expectedAfter)}`);
    expect(pdfText).toContain(`Återbetalning ${kr(10_000 - expectedAfter)} av den betalda avgiften`);

    const csv = reconciliationCsv({ municipalityId: bengtsfors, from: "2000-01-01", to: "2999-01-01" });
    expect(csv).toContain(`;10000;${row(started.instructionUuid).paymentReference};`);
    expect(csv).toContain(`aterbetalning;`);
    expect(csv).toContain(`;-${10_000 - expectedAfter};`);
    expect(csv).not.toContain("DECLINED");
  });
});
