import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSwishStandIn } from "./swish-harness";
import { caseTable, payment } from "../../db/schema/index";
import { SWISH_DECLINED, swishSimulator } from "../stand-ins/swish";
import type { ResidentUser } from "~/auth/guards.server";
import { db } from "~/db.server";
import { saveWorkingDraft } from "~/services/drafts.server";
import { personOwnerKey } from "~/services/eservice-session.server";
import { formPayment, paymentPanelTexts, payersPayment, startFormPayment } from "~/services/form-payment.server";
import { REFERENCE_MARK } from "~/utils/payment-path";
import { getFormDefinition, loadCheckAnswers, submitForm } from "~/services/forms.server";
import { storeUpload } from "~/services/uploads.server";
import { viewerFor } from "./people-helper";

/**
 * Swish before sending on the engine (decision 105): the engine's bygglov draft gets the bygglov
 * pages' fee and payment step, against the local Swish simulator over HTTP; a declined payment is
 * explained and sends nothing, a wrong number is a field error, a paid one is linked to the case.
 */
const sim = swishSimulator({ delayMs: 30 });
const ERIK = "198203249274";
let erik: ResidentUser;

let standIn: Awaited<ReturnType<typeof startSwishStandIn>>;

beforeAll(async () => {
  standIn = await startSwishStandIn(sim);
  const v = viewerFor(ERIK, "Erik Lindqvist");
  erik = {
    kind: "resident",
    personId: v.personId,
    name: "Erik Lindqvist",
    acting: { kind: "self" },
    roles: [],
    sessionId: "s",
  } as unknown as ResidentUser;
}, 120_000);

afterAll(() => standIn.close());

const statusOf = async (uuid: string) => {
  for (let i = 0; i < 150; i++) {
    const s = db().select().from(payment).where(eq(payment.instructionUuid, uuid)).get()!.status;
    if (s !== "CREATED") return s;
    await new Promise((r) => setTimeout(r, 20));
  }
  return "CREATED";
};

describe("Swish on the engine's check page (decision 105)", () => {
  it("charges the bygglov fee; declined is explained, a wrong number refused, a paid one goes with the case", async () => {
    // Sent unsigned here (the signature is engine-permit-signing.test's); the payment is what is tested.
    const { signatures: _, ...def } = getFormDefinition("bygglov-ansokan")!;
    const ownerKey = personOwnerKey(erik.personId);
    const pdf = Buffer.from("%PDF-1.4\n% ritning\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
    const kinds = ["situationsplan", "fasadritningar", "planritning", "sektionsritning"];
    const files = Object.fromEntries(
      kinds.map((kind) => [
        kind,
        [
          storeUpload({
            bytes: pdf,
            mime: "application/pdf",
            originalName: `${kind}.pdf`,
            ownerKey,
            formId: def.id,
            field: kind,
          }),
        ],
      ]),
    );
    const answers = {
      ...files,
      fastighetsbeteckning: "Bengtsfors Sågen 1:23",
      isOwner: true,
      measureType: "tillbyggnad",
      description: "Tillbyggnad av bostadshuset med ett uterum mot söder.",
      buildingArea: 24.5,
      grossFloorArea: 24.5,
      kaName: "Birgitta Holm",
      kaCertification: "SC1234-56",
    };
    saveWorkingDraft({
      ownerKey,
      formId: def.id,
      formVersion: def.version,
      stepId: def.steps.at(-1)!.id,
      answers: answers as never,
      municipality: null,
      personId: erik.personId,
    });
    const ctx = { answers: answers as never, user: erik, lang: "sv" as const, ownerKey };
    const first = await formPayment(def, ctx);
    expect(first).toMatchObject({ purpose: "bygglov-ansokan", online: true, paid: null, lastFailed: null });
    expect(first!.amount).toBeGreaterThan(0);
    // A form without a fee has no payment step.
    expect(await formPayment(getFormDefinition("ansokan-ekonomiskt-bistand")!, ctx)).toBeNull();

    expect(await startFormPayment(def, ctx, "12")).toEqual({ ok: false, error: "phone" });
    const declined = await startFormPayment(def, ctx, SWISH_DECLINED);
    if (!declined.ok) throw new Error(declined.error);
    expect(await statusOf(declined.instructionUuid)).toBe("DECLINED");
    const afterDecline = (await formPayment(def, ctx))!;
    expect(afterDecline).toMatchObject({ paid: null, lastFailed: "DECLINED" });
    expect(paymentPanelTexts(afterDecline, "sv").failed).toMatch(/avbröts i Swish/);
    // The status page finds the engine's payment for its payer, and sends them back to the form.
    const request = new Request("http://localhost/betalning/x");
    expect(payersPayment(request, erik, declined.instructionUuid)?.back).toBe(
      "/blanketter/bygglov-ansokan/kontrollera",
    );
    const other = { ...erik, personId: erik.personId + 999 } as ResidentUser;
    expect(payersPayment(request, other, declined.instructionUuid)).toBeNull();

    // In the app (no number): the check page's panel offers the app switch and the QR code at the
    // payment's form-neutral path, and what its island announces once Swish answers (decision 111).
    const inApp = await startFormPayment(def, ctx, null);
    if (!inApp.ok) throw new Error(inApp.error);
    const open = (await formPayment(def, ctx))!;
    expect(open.open?.instructionUuid).toBe(inApp.instructionUuid);
    const app = paymentPanelTexts(open, "sv").app!;
    expect(app.status).toBe(`/betalning/${inApp.instructionUuid}/status`);
    expect(app.qr).toBe(`/betalning/${inApp.instructionUuid}/qr`);
    expect(decodeURIComponent(app.switchUrl)).toMatch(
      new RegExp(`^swish://paymentrequest\\?token=[0-9a-f]{32}&callbackurl=http.*/betalning/${inApp.instructionUuid}$`),
    );
    expect(app.paid).toContain(REFERENCE_MARK);
    expect(app.failed.DECLINED).toMatch(/avbröts i Swish/);
    expect(app.failed.TIMEOUT).toMatch(/inte i tid/);

    const paid = await startFormPayment(def, ctx, "070-123 45 67");
    if (!paid.ok) throw new Error(paid.error);
    expect(await statusOf(paid.instructionUuid)).toBe("PAID");
    const state = (await formPayment(def, ctx))!;
    expect(state.paid?.amount).toBe(first!.amount);
    expect(paymentPanelTexts(state, "sv").paid).toMatch(/^Betalt .* med Swish/);
    // Once paid nothing more is asked of Swish.
    expect(await startFormPayment(def, ctx, "070-123 45 67")).toEqual({ ok: false, error: "unavailable" });

    const context = { def, ownerKey, personId: erik.personId, chosenMunicipality: null, lang: "sv" as const };
    const check = loadCheckAnswers(context) as { idempotencyKey: string };
    const form = new FormData();
    form.set("_idempotency", check.idempotencyKey);
    const sent = await submitForm(
      { ...context, request: new Request("http://localhost/blanketter/bygglov-ansokan/kontrollera"), user: erik },
      form,
    );
    if (!("redirect" in sent)) throw new Error(sent.error);
    const reference = sent.redirect.split("/").at(-1)!;
    const made = db().select().from(caseTable).where(eq(caseTable.reference, reference)).get()!;
    expect(JSON.parse(made.data).payment).toBe("swish");
    const linked = db().select().from(payment).where(eq(payment.instructionUuid, paid.instructionUuid)).get()!;
    expect(linked.caseId).toBe(made.id);
    // The declined attempt stays unlinked.
    expect(
      db().select().from(payment).where(eq(payment.instructionUuid, declined.instructionUuid)).get()!.caseId,
    ).toBeNull();
  });
});
