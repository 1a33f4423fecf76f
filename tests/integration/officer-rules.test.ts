import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvent, caseAttachment, caseTable, childcareUnit, municipality, staffUser } from "../../db/schema/index";
import { csrfToken } from "~/auth/csrf.server";
import { createSession } from "~/auth/session.server";
import { db, prepareDatabase } from "~/db.server";
import { action as caseAction } from "~/routes/handlaggare.arenden.$reference";
import { loader as attachmentLoader } from "~/routes/handlaggare.arenden.$reference_.bilagor.$id";
import { loader as decisionLoader } from "~/routes/handlaggare.arenden.$reference_.beslut[.]pdf";
import { listAccessToPersonData, listAuditEvents } from "~/platform/audit.server";
import {
  addInternalNote,
  assignCase,
  changeStatusForStaff,
  decide,
  getCaseForStaff,
  messageApplicant,
} from "~/services/backoffice.server";
import { mayTransition } from "~/services/case-status";
import { parseChildcareApplication } from "~/services/childcare-application";
import { answerOffer, getChildcareCase, offerPlace, submitChildcareApplication } from "~/services/childcare.server";
import { hmacIndex } from "~/platform/crypto.server";
import { storeFile } from "~/services/permit-uploads.server";
import {
  getSchoolCase,
  parseSchoolApplication,
  signSchoolApplication,
  submitSchoolApplication,
} from "~/services/school.server";
import { officer, viewerFor } from "./people-helper";

// The attacks of the security review 2026-12-03 §4 and §12, and the legitimate paths beside them.
const now = new Date("2026-03-02T10:00:00Z");
const SEED = "b".repeat(43);
let amal = 0;
let bengtsfors = 0;
let peter = { personId: 0, personnummerHmac: "" };
let lena = { personId: 0, personnummerHmac: "" };
let sara = { personId: 0, personnummerHmac: "" };

async function cookieFor(staffUserId: number) {
  const { setCookie } = await createSession(new Request("http://localhost/"), { kind: "staff", staffUserId });
  return `csrf=${SEED}; ${setCookie.split(";")[0]!}`;
}

async function post(username: string, reference: string, fields: Record<string, string>): Promise<Response> {
  const id = db().select().from(staffUser).where(eq(staffUser.username, username)).get()!.id;
  const cookie = await cookieFor(id);
  const token = await csrfToken(new Request("http://localhost/", { headers: { Cookie: cookie } }));
  const body = new URLSearchParams({ _csrf: token, ...fields });
  const request = new Request(`http://localhost/handlaggare/arenden/${reference}`, {
    method: "POST",
    headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
    body,
  });
  try {
    const r = await caseAction({ request, params: { reference }, context: {} as never });
    return r instanceof Response
      ? r
      : new Response(JSON.stringify((r as { data: unknown }).data), {
          status: (r as { init?: { status?: number } }).init?.status ?? 200,
        });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

async function get(
  loader: typeof attachmentLoader,
  username: string,
  url: string,
  params: Record<string, string>,
): Promise<Response> {
  const id = db().select().from(staffUser).where(eq(staffUser.username, username)).get()!.id;
  const request = new Request(url, { headers: { Cookie: await cookieFor(id) } });
  try {
    return (await loader({ request, params, context: {} as never })) as Response;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

const statusOf = (reference: string) =>
  db().select({ s: caseTable.status }).from(caseTable).where(eq(caseTable.reference, reference)).get()!.s;
const auditRows = (action: string, reference: string) =>
  db()
    .select()
    .from(auditEvent)
    .where(and(eq(auditEvent.action, action), eq(auditEvent.subjectId, reference)))
    .all();

async function schoolApplication(key: string): Promise<string> {
  const schools = db()
    .select()
    .from(childcareUnit)
    .where(eq(childcareUnit.municipalityId, amal))
    .all()
    .filter((u) => u.kind === "grundskola")
    .map((u) => u.id);
  const parsed = parseSchoolApplication({
    child: hmacIndex("201609102387"),
    applicationType: "skolbyte",
    school1: String(schools[0]),
    school2: String(schools[1]),
    startDate: "2026-08-17",
    reason: "Närmare hemmet",
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const r = await submitSchoolApplication({
    viewer: peter,
    actor: null,
    answers: parsed.value,
    idempotencyKey: key,
    language: "sv",
    now,
  });
  return (r as { reference: string }).reference;
}

async function childcareApplication(key: string): Promise<string> {
  const units = db()
    .select()
    .from(childcareUnit)
    .where(eq(childcareUnit.municipalityId, bengtsfors))
    .all()
    .filter((u) => u.kind === "forskola")
    .map((u) => u.id);
  const parsed = parseChildcareApplication({
    child: hmacIndex("202201022387"),
    careKind: "forskola",
    unit1: String(units[0]),
    unit2: String(units[1]),
    unit3: String(units[2]),
    desiredStart: "2026-09-01",
    hoursPerWeek: "40",
    monthlyIncome: "45000",
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const r = await submitChildcareApplication({
    viewer: sara,
    actor: null,
    answers: parsed.value,
    idempotencyKey: key,
    language: "sv",
    now,
  });
  return (r as { reference: string }).reference;
}

describe("officers act only within the rules of a case (review §4)", () => {
  beforeAll(() => {
    prepareDatabase();
    amal = db().select().from(municipality).where(eq(municipality.slug, "amal")).get()!.id;
    bengtsfors = db().select().from(municipality).where(eq(municipality.slug, "bengtsfors")).get()!.id;
    peter = viewerFor("198002079294");
    lena = viewerFor("197901049283");
    sara = viewerFor("198412179288");
  });

  it("an officer cannot push an unsigned school application to received, withdraw it, or note, message or assign on it", async () => {
    const reference = await schoolApplication("o1");
    const user = officer("handlaggare.amal");
    expect(statusOf(reference)).toBe("awaiting_signatures");
    for (const to of ["received", "signature_declined", "withdrawn"])
      expect(changeStatusForStaff({ reference, user, to })).toMatchObject({ ok: false, status: 404 });
    expect(addInternalNote({ reference, user, body: "en anteckning" })).toMatchObject({ ok: false, status: 404 });
    expect(await messageApplicant({ reference, user, body: "ett meddelande" })).toMatchObject({
      ok: false,
      status: 404,
    });
    expect(assignCase({ reference, user, staffId: user.staffUserId })).toMatchObject({ ok: false, status: 404 });
    expect(getCaseForStaff({ reference, user })).toBeNull();

    // The exact request of the review: intent=status&status=received on the generic route.
    const res = await post("handlaggare.amal", reference, { intent: "status", status: "received" });
    expect(res.status).toBe(404);
    expect(statusOf(reference)).toBe("awaiting_signatures");
    const refused = auditRows("case.status.refused", reference);
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({
      municipalityId: amal,
      personId: peter.personId,
      details: { reason: "notForOfficers" },
    });
  });

  it("the second guardian's signature still makes it a case, and then the officer may handle it", async () => {
    const reference = await schoolApplication("o2");
    const view = (await getSchoolCase({ reference, viewer: lena }))!;
    expect(
      await signSchoolApplication({
        reference,
        viewer: lena,
        actor: null,
        decision: "approve",
        expectedHash: view.contentHash,
        now,
      }),
    ).toEqual({ ok: true, complete: true });
    expect(statusOf(reference)).toBe("received");
    const user = officer("handlaggare.amal");
    expect(changeStatusForStaff({ reference, user, to: "in_progress", now })).toEqual({ ok: true });
  });

  it("an officer cannot mark a childcare place offered or accepted through the status form; offer and answer still work", async () => {
    const reference = await childcareApplication("o3");
    const user = officer("handlaggare.bengtsfors");
    expect(changeStatusForStaff({ reference, user, to: "in_progress", now })).toEqual({ ok: true });
    expect(getCaseForStaff({ reference, user })!.transitions).not.toContain("place_offered");
    expect(changeStatusForStaff({ reference, user, to: "place_offered", now })).toEqual({
      ok: false,
      status: 409,
      error: "illegalTransition",
    });
    const res = await post("handlaggare.bengtsfors", reference, { intent: "status", status: "place_offered" });
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ error: "illegalTransition" });
    expect(statusOf(reference)).toBe("in_progress");
    expect(auditRows("case.status.refused", reference)[0]).toMatchObject({
      municipalityId: bengtsfors,
      personId: sara.personId,
      details: { error: "illegalTransition" },
    });

    // The legitimate path: an offer (with its row), then the guardian's answer.
    expect(
      await offerPlace({
        reference,
        municipalityIds: [bengtsfors],
        unitId: db()
          .select()
          .from(childcareUnit)
          .where(eq(childcareUnit.municipalityId, bengtsfors))
          .all()
          .find((u) => u.kind === "forskola")!.id,
        startDate: "2026-09-01",
        staffUserId: user.staffUserId,
        actor: null,
        now,
      }),
    ).toEqual({ ok: true });
    expect(statusOf(reference)).toBe("place_offered");
    for (const to of ["place_accepted", "place_declined"])
      expect(changeStatusForStaff({ reference, user, to, now })).toEqual({
        ok: false,
        status: 409,
        error: "illegalTransition",
      });
    const offer = (await getChildcareCase({ reference, viewer: sara, now }))!.offers[0]!;
    expect(await answerOffer({ reference, offerId: offer.id, answer: "accept", viewer: sara, actor: null, now })).toBe(
      "accepted",
    );
    expect(statusOf(reference)).toBe("place_accepted");
  });

  it("the machine names who may make each guarded move", () => {
    expect(mayTransition("skola", "awaiting_signatures", "received", "officer")).toBe(false);
    expect(mayTransition("skola", "awaiting_signatures", "received", "callback")).toBe(false);
    expect(mayTransition("skola", "awaiting_signatures", "received", "signing")).toBe(true);
    expect(mayTransition("skola", "awaiting_signatures", "withdrawn", "applicant")).toBe(true);
    expect(mayTransition("barnomsorg", "in_progress", "place_offered", "officer")).toBe(false);
    expect(mayTransition("barnomsorg", "in_progress", "place_offered", "offer")).toBe(true);
    expect(mayTransition("barnomsorg", "place_offered", "place_declined", "lapse")).toBe(true);
    expect(mayTransition("allmant", "in_progress", "decided", "officer")).toBe(false);
    expect(mayTransition("allmant", "in_progress", "decided", "decision")).toBe(true);
    expect(mayTransition("allmant", "received", "in_progress", "officer")).toBe(true);
  });
});

describe("officers' actions reach the municipal admin's audit and the resident's access log (review §12)", () => {
  it("an attachment open, a status change, a note and a decision-PDF open carry municipality and applicant", async () => {
    const reference = await childcareApplication("o4");
    const c = db().select().from(caseTable).where(eq(caseTable.reference, reference)).get()!;
    const stored = storeFile(Buffer.from("%PDF-1.4\n%test\n"), "application/pdf");
    db()
      .insert(caseAttachment)
      .values({
        publicId: "att-officer-rules-1",
        caseId: c.id,
        ownerKey: "test",
        formId: c.formId,
        field: "intyg",
        originalName: "intyg.pdf",
        ...stored,
        mime: "application/pdf",
      })
      .run();

    const opened = await get(
      attachmentLoader,
      "handlaggare.bengtsfors",
      `http://localhost/handlaggare/arenden/${reference}/bilagor/att-officer-rules-1`,
      { reference, id: "att-officer-rules-1" },
    );
    expect(opened.status).toBe(200);
    expect((await post("handlaggare.bengtsfors", reference, { intent: "status", status: "in_progress" })).status).toBe(
      302,
    );
    expect(
      (await post("handlaggare.bengtsfors", reference, { intent: "note", note: "Ringde vårdnadshavaren" })).status,
    ).toBe(302);

    const adminView = listAuditEvents({ municipalityIds: [bengtsfors], subject: reference }).events.map(
      (e) => e.action,
    );
    expect(adminView).toEqual(expect.arrayContaining(["case.attachment.open", "case.status", "case.note"]));
    const residentView = listAccessToPersonData(sara.personId)
      .filter((a) => a.subjectId === reference)
      .map((a) => a.action);
    expect(residentView).toEqual(expect.arrayContaining(["case.attachment.open", "case.status", "case.note"]));
  });

  it("opening beslut.pdf is audited", async () => {
    const reference = await childcareApplication("o5");
    const user = officer("handlaggare.bengtsfors");
    expect(changeStatusForStaff({ reference, user, to: "in_progress", now })).toEqual({ ok: true });
    expect(
      await decide({ reference, user, outcome: "approved", text: "Platsen beviljas enligt ansökan.", fee: "", now }),
    ).toEqual({ ok: true });
    const res = await get(
      decisionLoader as typeof attachmentLoader,
      "handlaggare.bengtsfors",
      `http://localhost/handlaggare/arenden/${reference}/beslut.pdf`,
      { reference },
    );
    expect(res.status).toBe(200);
    expect(auditRows("case.decision.open", reference)[0]).toMatchObject({
      municipalityId: bengtsfors,
      personId: sara.personId,
    });
    expect(
      listAccessToPersonData(sara.personId).some((a) => a.subjectId === reference && a.action === "case.decision.open"),
    ).toBe(true);
  });
});
