/**
 * A bygglov application leaves the same trail as every other e-service (issue 14): an audit event
 * `case.submitted`, and the "we have received" notification on Mina sidor whose e-mail copy is the
 * receipt mail. Its draft expires like the engine's drafts: an expired one is never shown again.
 */
import { and, eq } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  auditEvent,
  caseAttachment,
  caseTable,
  notification,
  notificationDelivery,
  permitCase,
  permitOwnerConsent,
} from "../../db/schema/index";
import type { ResidentUser } from "~/auth/guards.server";
import { db, prepareDatabase } from "~/db.server";
import { clockInputFor, feeFor, EMPTY_DRAFT, lookupProperty } from "~/services/building-permits.server";
import { saveNotificationSettings } from "~/services/notifications.server";
import { computeValues } from "~/services/form-hooks.server";
import { definitionProblems } from "../../forms/check-definition";
import type { FormDefinition } from "../../forms/types";
import seed from "../../forms/seed/bygglov-ansokan.json";
import { resetClockForTests } from "~/utils/clock.server";
import { saveWorkingDraft } from "~/services/drafts.server";
import { storeUpload } from "~/services/uploads.server";
import { getFormDefinition, loadCheckAnswers, submitForm } from "~/services/forms.server";
import { personOwnerKey } from "~/services/eservice-session.server";
import { viewerFor } from "./people-helper";
import { fileEnginePermit } from "./engine-permit-helper";

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
    const sent = await fileEnginePermit(erik, {
      fastighetsbeteckning: "Bengtsfors Sågen 1:23",
      description: "Byte av fasadpanel på bostadshuset.",
    });
    if (!sent.ok) throw new Error(sent.codes.join());
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
  });
});

describe("the engine's bygglovTaxa hook (decision 087)", () => {
  // The seed document (v2, decision 097) names the fee as a computed value.
  const def = seed.definition as unknown as FormDefinition;

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

describe("the engine's bygglov submit handler (decision 097)", () => {
  const facts = {
    designation: "Bengtsfors Sågen 1:23",
    description: "Tillbyggnad av bostadshuset med ett uterum mot söder.",
    kaName: "Birgitta Holm",
    kaCertification: "SC1234-56",
  };
  const kinds = ["situationsplan", "fasadritningar", "planritning", "sektionsritning"] as const;

  /** The engine's path: the v2 definition's answers as a saved draft, the check page, send. */
  async function throughTheEngine(answers: Record<string, unknown>) {
    // Sent without the applicant's signature here (engine-permit-signing.test signs it, decision 105).
    const { signatures: _signed, ...def } = getFormDefinition("bygglov-ansokan")!;
    const ownerKey = personOwnerKey(erik.personId);
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
    saveWorkingDraft({
      ownerKey,
      formId: def.id,
      formVersion: def.version,
      stepId: def.steps.at(-1)!.id,
      answers: { ...files, ...answers } as never,
      municipality: null,
      personId: erik.personId,
    });
    const context = { def, ownerKey, personId: erik.personId, chosenMunicipality: null, lang: "sv" as const };
    const check = loadCheckAnswers(context) as { idempotencyKey?: string; redirect?: string };
    if (!check.idempotencyKey) throw new Error(`the check page sent us to ${check.redirect}`);
    const form = new FormData();
    form.set("_idempotency", check.idempotencyKey);
    const request = new Request("http://localhost/blanketter/bygglov-ansokan/kontrollera", { method: "POST" });
    return submitForm({ ...context, request, user: erik }, form);
  }

  const engineAnswers = {
    fastighetsbeteckning: facts.designation,
    isOwner: true,
    measureType: "tillbyggnad",
    description: facts.description,
    buildingArea: 24.5,
    grossFloorArea: 24.5,
    kaName: facts.kaName,
    kaCertification: facts.kaCertification,
  };

  const caseOf = (reference: string) => db().select().from(caseTable).where(eq(caseTable.reference, reference)).get()!;

  it("the v2 definition is the online service's: its names, the fee hook and the bygglov handler", () => {
    const def = getFormDefinition("bygglov-ansokan")!;
    expect(def.version).toBe(4);
    // Sent by the applicant's e-ID signature, acting for a company too (decision 105).
    expect(def.signatures).toEqual([{ party: "applicant" }]);
    expect(def.submitHandler).toBe("bygglov");
    expect(def.computed?.map((c) => c.hook)).toEqual(["bygglovTaxa"]);
    const names = def.steps.flatMap((s) => s.fields.map((f) => f.name));
    expect(names).toEqual(expect.arrayContaining(["grossFloorArea", "kaCertification", ...kinds]));
    const measure = def.steps.flatMap((s) => s.fields).find((f) => f.name === "measureType");
    expect(measure?.type === "choice" && measure.options.map((o) => o.value)).toContain("rivningslov");
  });

  it("files the case, permit row and statutory clock the bygglov pages filed, and leads to the bygglov receipt", async () => {
    const sent = await throughTheEngine(engineAnswers);
    expect(sent).toEqual({
      redirect: expect.stringMatching(/^\/bygglov\/kvitto\/BEN-\d{4}-\d{6}$/),
      flash: "mypages:flash.submitted",
    });
    const reference = (sent as { redirect: string }).redirect.split("/").at(-1)!;
    const made = caseOf(reference);

    expect(made).toMatchObject({
      area: "bygglov",
      formId: "bygglov-ansokan",
      formVersion: 4,
      applicantPersonId: erik.personId,
      applicantOrganisationId: null,
      submittedByPersonId: erik.personId,
    });
    // The permit facts the signed summary and the officer's view are made from (decision 085).
    expect(JSON.parse(made.data)).toMatchObject({
      measureType: "tillbyggnad",
      propertyDesignation: facts.designation,
      description: facts.description,
      buildingArea: 24.5,
      grossFloorArea: 24.5,
      kontrollansvarig: { name: facts.kaName, certificationNumber: "SC1234-56" },
      applicant: { kind: "person", name: "Erik Lindqvist" },
      submittedByName: "Erik Lindqvist",
      payment: "invoice",
    });
    const permit = db().select().from(permitCase).where(eq(permitCase.caseId, made.id)).get()!;
    expect(permit).toMatchObject({ measureType: "tillbyggnad", propertyDesignation: facts.designation });
    expect(permit.feeEstimate).toBeGreaterThan(0);
    // The statutory clock starts the day it is received (decision 064).
    expect(clockInputFor(made.id)).toEqual({
      receivedOn: permit.receivedOn,
      supplementRequests: [],
      extension: null,
      decidedOn: null,
    });

    // The drawings go with the case; the trail is the bygglov pages' trail.
    const drawings = db().select().from(caseAttachment).where(eq(caseAttachment.caseId, made.id)).all();
    expect(drawings.map((d) => d.field).sort()).toEqual([...kinds].sort());
    const audited = db()
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.action, "case.submitted"), eq(auditEvent.subjectId, reference)))
      .all();
    expect(audited.map((a) => a.details)).toEqual([
      { formId: "bygglov-ansokan", area: "bygglov", payment: "invoice", signed: false },
    ]);
    const notes = db().select().from(notification).where(eq(notification.caseId, made.id)).all();
    expect(notes.map((n) => n.kind)).toEqual(["case-submitted"]);
    // Erik owns the property alone: no other owner is asked.
    expect(db().select().from(permitOwnerConsent).where(eq(permitOwnerConsent.caseId, made.id)).all()).toEqual([]);
    // The engine's working draft is gone.
    expect(await throughTheEngine(engineAnswers)).toBeDefined();
  });

  it("refuses what the bygglov pages refuse, with their messages, and files nothing", async () => {
    const before = db().select().from(caseTable).all().length;
    const noKa = await throughTheEngine({ ...engineAnswers, kaName: undefined, kaCertification: undefined });
    expect(noKa).toMatchObject({
      status: 400,
      error: "rejected",
      messages: ["Ange kontrollansvarigs namn", "Ange behörighetsnumret, till exempel SC1234-56"],
    });
    const unknown = await throughTheEngine({ ...engineAnswers, fastighetsbeteckning: "Bengtsfors Okänd 9:99" });
    expect(unknown).toMatchObject({
      status: 400,
      messages: [expect.stringContaining("Vi hittar ingen fastighet")],
    });
    expect(db().select().from(caseTable).all().length).toBe(before);
  });
});
