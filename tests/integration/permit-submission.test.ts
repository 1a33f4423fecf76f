/**
 * A bygglov application leaves the same trail as every other e-service (issue 14): an audit event
 * `case.submitted`, and the "we have received" notification on Mina sidor whose e-mail copy is the
 * receipt mail. Its draft expires like the engine's drafts: an expired one is never shown again.
 */
import { and, eq } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { auditEvent, caseTable, notification, notificationDelivery } from "../../db/schema/index";
import type { ResidentUser } from "~/auth/guards.server";
import { db, prepareDatabase } from "~/db.server";
import {
  addDrawing,
  EMPTY_DRAFT,
  getDraft,
  ownerKeyOf,
  saveDraft,
  feeFor,
  lookupProperty,
  submitApplication,
} from "~/services/building-permits.server";
import { saveNotificationSettings } from "~/services/notifications.server";
import { computeValues } from "~/services/form-hooks.server";
import { definitionProblems } from "../../forms/check-definition";
import type { FormDefinition } from "../../forms/types";
import seed from "../../forms/seed/bygglov-ansokan.json";
import { advanceClockForTests, resetClockForTests } from "~/utils/clock.server";
import { viewerFor } from "./people-helper";

const ERIK = "198203249274"; // owns Bengtsfors Sågen 1:23 in the demo register

let erik: ResidentUser;
let erikHmac = "";

beforeAll(() => {
  prepareDatabase();
  const v = viewerFor(ERIK, "Erik Lindqvist");
  erikHmac = v.personnummerHmac;
  erik = {
    kind: "resident",
    personId: v.personId,
    name: "Erik Lindqvist",
    acting: { kind: "self" },
    roles: [],
    sessionId: "s",
  } as unknown as ResidentUser;
}, 120_000);
afterEach(() => resetClockForTests());

const draft = {
  ...EMPTY_DRAFT,
  propertyDesignation: "Bengtsfors Sågen 1:23",
  measureType: "fasadandring" as const,
  description: "Byte av fasadpanel på bostadshuset.",
};
const pdf = Buffer.from("%PDF-1.4\n% fasad\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

describe("a bygglov submission", () => {
  it("is audited and gives the applicant a receipt notification with an e-mail copy", async () => {
    saveNotificationSettings(erikHmac, {
      emailEnabled: true,
      email: "erik@example.se",
      smsEnabled: false,
      phone: null,
      language: null,
    });
    saveDraft(erik, draft, "details");
    expect(
      addDrawing({ ownerKey: ownerKeyOf(erik), kind: "fasadritningar", originalName: "fasad.pdf", bytes: pdf }),
    ).toMatchObject({ ok: true });

    const sent = await submitApplication(erik, "sv", new Date(), "invoice");
    if (!sent.ok) throw new Error(sent.reason);
    const c = db().select().from(caseTable).where(eq(caseTable.reference, sent.reference)).get()!;

    const events = db()
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.action, "case.submitted"), eq(auditEvent.subjectId, sent.reference)))
      .all();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorType: "resident", actorId: erik.personId, personId: erik.personId });
    expect(events[0]!.details).toMatchObject({ formId: "bygglov-ansokan", area: "bygglov", signed: false });

    const notes = db().select().from(notification).where(eq(notification.caseId, c.id)).all();
    expect(notes.map((n) => [n.kind, n.recipientHmac, n.emailStatus])).toEqual([
      ["case-submitted", erikHmac, "pending"],
    ]);
    const mails = db()
      .select()
      .from(notificationDelivery)
      .where(eq(notificationDelivery.notificationId, notes[0]!.id))
      .all();
    expect(mails.map((m) => m.channel)).toEqual(["email"]);
    // The draft is gone once sent.
    expect(getDraft(erik)).toBeNull();
  });

  it("starts from an empty application once the draft has expired", () => {
    saveDraft(erik, draft, "details");
    expect(getDraft(erik)?.description).toBe(draft.description);
    advanceClockForTests(29 * 86_400_000);
    expect(getDraft(erik)?.description).toBe(draft.description);
    advanceClockForTests(2 * 86_400_000);
    expect(getDraft(erik)).toBeNull();
  });
});

describe("the engine's bygglovTaxa hook (decision 087)", () => {
  // The paper form's questions with the fee as a computed value, as the moved e-service will name it.
  const def = {
    ...(seed.definition as unknown as FormDefinition),
    computed: [{ name: "fee", hook: "bygglovTaxa" as const, labelKey: "forms.bygglov-ansokan.title" }],
  };

  it("is a valid hook for the bygglov questions, and refused where a question it reads is missing", () => {
    expect(definitionProblems(def)).toEqual([]);
    const withoutArea = {
      ...def,
      steps: def.steps.map((s) => ({ ...s, fields: s.fields.filter((f) => f.name !== "buildingArea") })),
    };
    expect(definitionProblems(withoutArea).join("\n")).toContain('computed hook "bygglovTaxa"');
  });

  it("shows the same fee as the bygglov check page, and none before property and measure are known", async () => {
    const answers = { fastighetsbeteckning: "Bengtsfors Sågen 1:23", measureType: "tillbyggnad", buildingArea: 24.5 };
    const [fee] = await computeValues(def, { answers, user: erik, lang: "sv" });
    const check = await lookupProperty(erik, "Bengtsfors Sågen 1:23");
    if (!check.ok) throw new Error(check.code);
    const expected = feeFor(
      {
        ...EMPTY_DRAFT,
        propertyDesignation: "Bengtsfors Sågen 1:23",
        measureType: "tillbyggnad",
        buildingArea: "24.5",
      },
      check.property,
    )!.total;
    expect(expected).toBeGreaterThan(0);
    expect(fee).toMatchObject({ name: "fee", value: { value: expected } });
    expect(fee!.value.text).toMatch(/kr/);
    expect(await computeValues(def, { answers: { measureType: "tillbyggnad" }, user: erik, lang: "sv" })).toEqual([]);
    expect(await computeValues(def, { answers, user: null, lang: "sv" })).toEqual([]);
    // A property outside the portal's municipalities has no fee here.
    const outside = { ...answers, fastighetsbeteckning: "Stockholm Norrmalm 3:5" };
    expect(await computeValues(def, { answers: outside, user: erik, lang: "sv" })).toEqual([]);
  });
});
