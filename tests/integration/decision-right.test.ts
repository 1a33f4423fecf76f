import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  administration,
  auditEvent,
  caseDecision,
  caseTable,
  decisionDraft,
  decisionTemplate,
  delegationHolder,
  delegationPoint,
  municipality,
  roleAssignment,
  staffUser,
} from "../../db/schema/index";
import { db, prepareDatabase } from "~/db.server";
import { resetEnvForTests } from "~/env.server";
import { createCase } from "~/services/cases.server";
import { deliverDueNotifications, saveNotificationSettings } from "~/services/notifications.server";
import { postToCase, staffId } from "../helpers/officer-post";
import { viewerFor } from "./people-helper";
import { startSmtpCapture, type SmtpCapture } from "./smtp-harness";

/**
 * Decision 077/083: the right to decide is separate from handling. A beredare (case.handle, no
 * case.decide) and an officer whom no delegation point names may prepare but not decide: the
 * decide POST is a 403 and an audit row. A decision made records its decider and delegation point,
 * and the applicant is told through a real SMTP server.
 */
const SEED = "d".repeat(43);
let smtp: SmtpCapture;
let amal = 0;
let n = 0;
let applicant = { personId: 0, personnummerHmac: "" };

function newCase(): string {
  const a = db().select().from(administration).where(eq(administration.municipalityId, amal)).get()!;
  const c = createCase({
    idempotencyKey: `decision-right-${n++}`,
    municipalityId: amal,
    administrationId: a.id,
    formId: "allman-fraga",
    formVersion: 1,
    area: "allmant",
    sensitivity: "personal",
    data: { applicant: { name: "Lena Beslutsdotter" } },
    sensitiveData: null,
    applicantPersonId: applicant.personId,
    applicantOrganisationId: null,
    submittedByPersonId: applicant.personId,
    contactEmail: null,
    submitterKey: null,
    language: "sv",
    decisionDays: null,
    diarium: { subject: null, partyKind: "person", partyName: null },
    attachments: { publicIds: [], ownerKey: "x" },
  });
  db().update(caseTable).set({ status: "in_progress" }).where(eq(caseTable.id, c.id)).run();
  return db().select().from(caseTable).where(eq(caseTable.id, c.id)).get()!.reference;
}

const post = (username: string, reference: string, fields: Record<string, string>) =>
  postToCase(SEED, username, reference, fields);

const approvedTemplate = () =>
  db()
    .select()
    .from(decisionTemplate)
    .where(
      and(
        eq(decisionTemplate.municipalityId, amal),
        eq(decisionTemplate.area, "allmant"),
        eq(decisionTemplate.outcome, "approved"),
      ),
    )
    .get()!;

const refusals = (reference: string) =>
  db()
    .select()
    .from(auditEvent)
    .where(and(eq(auditEvent.action, "case.decide.refused"), eq(auditEvent.subjectId, reference)))
    .all();

beforeAll(async () => {
  smtp = await startSmtpCapture();
  process.env.SMTP_URL = smtp.url;
  process.env.PUBLIC_URL = "https://portal.example.se";
  resetEnvForTests();
  prepareDatabase();
  amal = db().select().from(municipality).where(eq(municipality.slug, "amal")).get()!.id;
  applicant = viewerFor("199304152383", "Lena Beslutsdotter");
  saveNotificationSettings(applicant.personnummerHmac, {
    emailEnabled: true,
    email: "lena@example.se",
    smsEnabled: false,
    phone: null,
    language: null,
  });
});

afterAll(async () => {
  await smtp.close();
});

describe("the decision right is separate from handling", () => {
  it("a beredare prepares (302, a draft) but deciding is a 403 with an audit row, and nothing is decided", async () => {
    const reference = newCase();
    const t = approvedTemplate();
    const text = "Kommunstyrelsen bifaller ansökan enligt beredningen.";
    expect(
      await post("beredare.amal", reference, { intent: "prepare", templateId: String(t.id), decisionText: text }),
    ).toBe(302);
    const caseId = db().select().from(caseTable).where(eq(caseTable.reference, reference)).get()!.id;
    expect(db().select().from(decisionDraft).where(eq(decisionDraft.caseId, caseId)).get()?.text).toBe(text);

    expect(
      await post("beredare.amal", reference, {
        intent: "decide",
        templateId: String(t.id),
        outcome: "approved",
        decisionText: text,
        fee: "",
      }),
    ).toBe(403);
    const rows = refusals(reference);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.actorId).toBe(staffId("beredare.amal"));
    expect(rows[0]!.municipalityId).toBe(amal);
    expect(rows[0]!.details).toMatchObject({ error: "noDecisionRight" });
    expect(db().select().from(caseDecision).where(eq(caseDecision.caseId, caseId)).get()).toBeUndefined();
    expect(db().select().from(caseTable).where(eq(caseTable.id, caseId)).get()!.status).toBe("in_progress");
  });

  it("an officer with case.decide whom no delegation point names is refused too (403, audited)", async () => {
    const reference = newCase();
    const id = db()
      .insert(staffUser)
      .values({ username: "utan.delegation", name: "Uno Utan", email: "uno@example.se", passwordHash: "x" })
      .returning({ id: staffUser.id })
      .get().id;
    db()
      .insert(roleAssignment)
      .values({ staffUserId: id, role: "officer", municipalityId: amal, area: "allmant" })
      .run();
    // The delegation order names one officer by name instead of every officer of the area.
    const point = db()
      .select()
      .from(delegationPoint)
      .where(and(eq(delegationPoint.municipalityId, amal), eq(delegationPoint.area, "allmant")))
      .get()!;
    const before = db().select().from(delegationHolder).where(eq(delegationHolder.pointId, point.id)).all();
    db().delete(delegationHolder).where(eq(delegationHolder.pointId, point.id)).run();
    db()
      .insert(delegationHolder)
      .values({ pointId: point.id, staffUserId: staffId("handlaggare.amal") })
      .run();
    try {
      const fields = {
        intent: "decide",
        templateId: String(approvedTemplate().id),
        decisionText: "Ansökan bifalls i sin helhet.",
        fee: "",
      };
      expect(await post("utan.delegation", reference, fields)).toBe(403);
      expect(refusals(reference)).toHaveLength(1);
      // The named officer may.
      expect(await post("handlaggare.amal", reference, fields)).toBe(302);
    } finally {
      db().delete(delegationHolder).where(eq(delegationHolder.pointId, point.id)).run();
      for (const h of before) db().insert(delegationHolder).values(h).run();
    }
  });

  it("a decision records its decider, delegation point, body, route and template, and the applicant gets a mail", async () => {
    const reference = newCase();
    const t = approvedTemplate();
    const mailsBefore = smtp.mails.length;
    expect(
      await post("handlaggare.amal", reference, {
        intent: "decide",
        templateId: String(t.id),
        outcome: "approved",
        decisionText: "Kommunstyrelsen bifaller ansökan från Lena Beslutsdotter.",
        fee: "",
      }),
    ).toBe(302);
    const c = db().select().from(caseTable).where(eq(caseTable.reference, reference)).get()!;
    expect(c.status).toBe("decided");
    const d = db().select().from(caseDecision).where(eq(caseDecision.caseId, c.id)).get()!;
    expect(d).toMatchObject({
      outcome: "approved",
      decidedBy: `staff:${staffId("handlaggare.amal")}`,
      decidedByName: db().select().from(staffUser).where(eq(staffUser.username, "handlaggare.amal")).get()!.name,
      delegationCode: "KS 1.1",
      delegationTitle: "Beslut i ärenden om kommunens service",
      bodyName: "Kommunstyrelsen",
      appealRoute: "laglighetsprovning",
      templateId: t.id,
    });
    const ok = db()
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.action, "case.decide"), eq(auditEvent.subjectId, reference)))
      .all();
    expect(ok).toHaveLength(1);
    await deliverDueNotifications();
    const got = smtp.mails.slice(mailsBefore);
    expect(got.map((m) => (Array.isArray(m.to) ? m.to[0]?.text : m.to?.text))).toContain("lena@example.se");
  });
});
