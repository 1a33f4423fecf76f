import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { and, eq } from "drizzle-orm";
import type { ParsedMail } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  caseDecision,
  caseParty,
  caseTable,
  decisionBody,
  municipality,
  notification,
  roleAssignment,
  staffUser,
} from "../../db/schema/index";
import { startElks46StandIn } from "../stand-ins/elks46.mjs";
import { viewerFor } from "./people-helper";
import type { StaffUser } from "~/auth/guards.server";
import { createSession } from "~/auth/session.server";
import { db, prepareDatabase } from "~/db.server";
import { AREAS, type Area } from "~/domain/areas";
import { appealText, type AppealRoute } from "~/domain/decisions";
import type { CaseStatus } from "~/domain/statuses";
import { resetEnvForTests } from "~/env.server";
import { loader as residentDecisionPdf } from "~/routes/mina-sidor.arenden.$reference_.beslut[.]pdf";
import { getA11yResults } from "~/services/a11y-results.server";
import { decide } from "~/services/backoffice.server";
import { createCase } from "~/services/cases.server";
import { sendMessageToApplicant } from "~/services/messages.server";
import { getAdministrationForArea } from "~/services/municipalities.server";
import { deliverDueNotifications, saveNotificationSettings } from "~/services/notifications.server";
import { startSmtpCapture, type SmtpCapture } from "./smtp-harness";

/**
 * Issue 15's audit (decision 115), the points no other test proved end to end:
 * - item 2: a decision of every case type (all five areas) reaches every guardian with access –
 *   a portal notification and one e-mail each – and each downloads it from Mina sidor; the PDF
 *   names the body an admin set (data, not code) and the route; a resident without access gets 404;
 * - item 3: an officer's message is notified by e-mail and SMS with nothing personal in them;
 * - item 5: the accessibility statement's figures and known issues are generated from the PDF/UA
 *   checks' result file (scripts/a11y-report.mjs → build/a11y-results.json).
 */
const APPLICANT = { personnummer: "199005122388", name: "Maria Nilsson", phone: "+46701234567" };
const GUARDIAN = { personnummer: "198002079294", name: "Peter Johansson" };
const STRANGER = { personnummer: "199304152383", name: "Sara Stödsdotter" };
let smtp: SmtpCapture;
let sms: Awaited<ReturnType<typeof startElks46StandIn>>;
let amal = 0;
let n = 0;
let A = { personId: 0, personnummerHmac: "" };
let G = { personId: 0, personnummerHmac: "" };
let S = { personId: 0, personnummerHmac: "" };

/** A staff member's session user with their role rows, as the guards build it. */
function staffNamed(username: string): StaffUser {
  const row = db().select().from(staffUser).where(eq(staffUser.username, username)).get()!;
  const roles = db()
    .select()
    .from(roleAssignment)
    .where(eq(roleAssignment.staffUserId, row.id))
    .all()
    .map((r) => ({
      role: r.role,
      municipalityId: r.municipalityId,
      area: r.area,
      administrationId: r.administrationId,
    }));
  return { sessionId: "test", kind: "staff", staffUserId: row.id, name: row.name, roles } as StaffUser;
}

/** An Åmål case of the area, applied for by Maria with Peter as the other guardian (a case party). */
function guardiansCase(area: Area, status: CaseStatus): { id: number; reference: string } {
  const a = getAdministrationForArea({ municipalityId: amal, area, defaultSlug: area })!;
  const c = createCase({
    idempotencyKey: `case-end-${n++}`,
    municipalityId: amal,
    administrationId: a.id,
    formId: "forskola-ansokan",
    formVersion: 1,
    area,
    sensitivity: "personal",
    data: { applicant: { name: APPLICANT.name } },
    sensitiveData: null,
    applicantPersonId: A.personId,
    applicantOrganisationId: null,
    submittedByPersonId: A.personId,
    contactEmail: null,
    submitterKey: null,
    language: "sv",
    decisionDays: null,
    diarium: { subject: null, partyKind: "person", partyName: null },
    attachments: { publicIds: [], ownerKey: "x" },
  });
  db().insert(caseParty).values({ caseId: c.id, personnummerHmac: G.personnummerHmac, role: "co-guardian" }).run();
  db().update(caseTable).set({ status }).where(eq(caseTable.id, c.id)).run();
  return { id: c.id, reference: db().select().from(caseTable).where(eq(caseTable.id, c.id)).get()!.reference };
}

async function residentGet(personId: number, reference: string): Promise<Response> {
  const { setCookie } = await createSession(new Request("http://localhost/"), { kind: "resident", personId });
  const request = new Request(`http://localhost/mina-sidor/arenden/${reference}/beslut.pdf`, {
    headers: { Cookie: setCookie.split(";")[0]! },
  });
  try {
    return await residentDecisionPdf({ request, params: { reference }, context: {} as never });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

/** The PDF's text as poppler reads it (a reader the portal did not write). */
function pdfText(bytes: Uint8Array): string {
  const file = join(mkdtempSync(join(tmpdir(), "case-end-")), "beslut.pdf");
  writeFileSync(file, bytes);
  return execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" });
}

const squash = (s: string) => s.replace(/\s+/g, " ");
const recipientOf = (m: ParsedMail) => (Array.isArray(m.to) ? m.to[0]?.text : m.to?.text);

beforeAll(async () => {
  smtp = await startSmtpCapture();
  sms = await startElks46StandIn(undefined);
  process.env.SMTP_URL = smtp.url;
  process.env.PUBLIC_URL = "https://portal.example.se";
  Object.assign(process.env, sms.env);
  resetEnvForTests();
  prepareDatabase();
  amal = db().select().from(municipality).where(eq(municipality.slug, "amal")).get()!.id;
  A = viewerFor(APPLICANT.personnummer, APPLICANT.name);
  G = viewerFor(GUARDIAN.personnummer, GUARDIAN.name);
  S = viewerFor(STRANGER.personnummer, STRANGER.name);
  saveNotificationSettings(A.personnummerHmac, {
    emailEnabled: true,
    email: "maria@example.se",
    smsEnabled: true,
    phone: APPLICANT.phone,
    language: null,
  });
  saveNotificationSettings(G.personnummerHmac, {
    emailEnabled: true,
    email: "peter@example.se",
    smsEnabled: false,
    phone: null,
    language: null,
  });
  // Anything left from the seed is sent now, so each test counts only its own mail.
  await deliverDueNotifications();
});

afterAll(async () => {
  await sms.close();
  await smtp.close();
});

describe("a decision of every case type reaches every guardian with access (issue 15 item 2)", () => {
  it.each(AREAS.map((a) => [a] as const))(
    "%s: both guardians are notified, each downloads the PDF naming the body and route; others get 404",
    async (area) => {
      // The deciding body is data: whatever the admin set for Åmål × area is what the PDF names.
      const bodySv = `Prövningsnämnden för ${area} (Åmål)`;
      db()
        .update(decisionBody)
        .set({ bodySv })
        .where(and(eq(decisionBody.municipalityId, amal), eq(decisionBody.area, area)))
        .run();
      const c = guardiansCase(area, area === "barnomsorg" ? "place_accepted" : "in_progress");
      const before = smtp.mails.length;
      const result = await decide({
        reference: c.reference,
        user: staffNamed("handlaggare.amal"),
        templateId: "",
        outcome: "approved",
        text: "Ansökan bifalls enligt önskemålet.",
        fee: "",
      });
      expect(result, `${area}: ${JSON.stringify(result)}`).toMatchObject({ ok: true });
      const d = db().select().from(caseDecision).where(eq(caseDecision.caseId, c.id)).get()!;
      expect(d.bodyName).toBe(bodySv);

      // Portal: a decision notification to each guardian; e-mail: one each, nothing personal.
      const rows = db().select().from(notification).where(eq(notification.caseId, c.id)).all();
      expect(rows.filter((r) => r.kind === "decision").map((r) => r.recipientHmac)).toEqual(
        expect.arrayContaining([A.personnummerHmac, G.personnummerHmac]),
      );
      await deliverDueNotifications();
      const got = smtp.mails.slice(before).filter((m) => m.headers.get("x-case-reference") === c.reference);
      expect(got.map(recipientOf).sort()).toEqual(["maria@example.se", "peter@example.se"]);
      for (const m of got) expect(m.text ?? "").not.toContain("Maria");

      const appeal = appealText(d.appealRoute as AppealRoute, "sv");
      for (const guardian of [A, G]) {
        const res = await residentGet(guardian.personId, c.reference);
        expect(res.status, `${area}: guardian ${guardian.personId}`).toBe(200);
        expect(res.headers.get("Content-Type")).toBe("application/pdf");
        const text = squash(pdfText(new Uint8Array(await res.arrayBuffer())));
        expect(text).toContain(bodySv);
        expect(text).toContain(squash(appeal.title));
      }
      expect((await residentGet(S.personId, c.reference)).status).toBe(404);
    },
    60_000,
  );
});

describe("an officer's message is a notification by e-mail and SMS (issue 15 item 3)", () => {
  it("one e-mail to each guardian and one SMS to the one who chose it, without the message or any name", async () => {
    const c = guardiansCase("allmant", "in_progress");
    const mailsBefore = smtp.mails.length;
    const smsBefore = sms.sent.length;
    const body = "Hej Maria Nilsson, vi behöver ert bygglovsritningsunderlag senast fredag.";
    await sendMessageToApplicant({ caseId: c.id, staffUserId: staffNamed("handlaggare.amal").staffUserId, body });
    const rows = db().select().from(notification).where(eq(notification.caseId, c.id)).all();
    expect(
      rows
        .filter((r) => r.kind === "message")
        .map((r) => r.recipientHmac)
        .sort(),
    ).toEqual([A.personnummerHmac, G.personnummerHmac].sort());
    await deliverDueNotifications();
    const got = smtp.mails.slice(mailsBefore).filter((m) => m.headers.get("x-case-reference") === c.reference);
    expect(got.map(recipientOf).sort()).toEqual(["maria@example.se", "peter@example.se"]);
    const texts = (sms.sent.slice(smsBefore) as { to: string; message: string }[]).filter((t) =>
      t.message.includes(c.reference),
    );
    expect(texts.map((t) => t.to)).toEqual([APPLICANT.phone]);
    for (const out of [...got.map((m) => `${m.subject ?? ""}\n${m.text ?? ""}\n${m.html || ""}`), texts[0]!.message])
      for (const secret of ["bygglovsritningsunderlag", "Maria", "Nilsson", "Peter", APPLICANT.personnummer.slice(2)])
        expect(out).not.toContain(secret);
  });
});

describe("the accessibility statement is generated from the PDF checks' result (issue 15 item 5)", () => {
  it("scripts/a11y-report.mjs carries the PDF/UA result into the file the statement reads, failures by document", () => {
    const dir = mkdtempSync(join(tmpdir(), "a11y-statement-"));
    mkdirSync(join(dir, "tests/.tmp/sweep"), { recursive: true });
    mkdirSync(join(dir, "tests/.tmp/pdf-ua"), { recursive: true });
    const page = { path: "/", lang: "sv", h1: 1, violations: [] };
    const sweep = { role: "anonymous", viewport: "desktop", javascript: true, pages: [page] };
    writeFileSync(
      join(dir, "tests/.tmp/sweep/anonymous.json"),
      JSON.stringify({ ...sweep, serverErrors: [], brokenLinks: [] }),
    );
    const checks = (failing: string[]) =>
      ["01-002 tagged", "11-006 language", "28-005 every form field has a tooltip (TU)"].map((checkpoint) => ({
        checkpoint,
        ok: !failing.includes(checkpoint),
        detail: "",
      }));
    writeFileSync(
      join(dir, "tests/.tmp/pdf-ua/results.json"),
      JSON.stringify([
        { document: "receipt sv", checks: checks(["28-005 every form field has a tooltip (TU)"]) },
        { document: "decision skola en", checks: checks([]) },
      ]),
    );
    execFileSync(process.execPath, [join(process.cwd(), "scripts/a11y-report.mjs")], { cwd: dir, stdio: "pipe" });
    const results = getA11yResults(join(dir, "build/a11y-results.json"));
    expect(results?.pdf).toEqual({
      documents: 2,
      checks: 6,
      checkpoints: 3,
      failures: [{ document: "receipt sv", checkpoint: "28-005 every form field has a tooltip (TU)" }],
    });
  });
});
