import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caseTable, notification, notificationDelivery } from "../../db/schema/index";
import { startElks46StandIn } from "../stand-ins/elks46.mjs";
import { viewerFor } from "./people-helper";
import type { ResidentUser } from "~/auth/guards.server";
import { db, prepareDatabase } from "~/db.server";
import { resetEnvForTests } from "~/env.server";
import { fileEnginePermit } from "./engine-permit-helper";
import { saveWorkingDraft } from "~/services/drafts.server";
import { getFormDefinition, loadCheckAnswers, submitForm } from "~/services/forms.server";
import { drainReceiptMails } from "~/platform/mail.server";
import { deliverDueNotifications, saveNotificationSettings } from "~/services/notifications.server";
import { startSmtpCapture, type SmtpCapture } from "./smtp-harness";

/**
 * Decision 092 (issue 15 item 3): a case sent from /blanketter by a logged-in person and a bygglov
 * application each tell the sender "received" once, on Mina sidor and by each channel they chose
 * (a real SMTP server on 127.0.0.1 and the local 46elks stand-in), with nothing personal in the
 * e-mail or SMS; an anonymous sender gets the e-service's receipt mail only.
 */
const KARIN = { personnummer: "199005122388", given: "Maria", family: "Nilsson", phone: "+46701234568" };
const ERIK = { personnummer: "198203249274", given: "Erik", family: "Lindqvist", phone: "+46701234569" };
const DESCRIPTION = "Gatlampan vid Hemligvägen 7 är släckt";
let smtp: SmtpCapture;
let sms: Awaited<ReturnType<typeof startElks46StandIn>>;
let n = 0;

function caseId(reference: string): number {
  return db().select({ id: caseTable.id }).from(caseTable).where(eq(caseTable.reference, reference)).get()!.id;
}

/** Sends the fault report through the server path of the check page; returns the reference. */
async function sendFaultReport(personId: number | null, email: string): Promise<string> {
  const def = getFormDefinition("felanmalan-gata-park")!;
  const ownerKey = `receipt-notifications-${n++}`;
  saveWorkingDraft({
    ownerKey,
    formId: def.id,
    formVersion: def.version,
    stepId: def.steps.at(-1)!.id,
    answers: {
      category: "gatubelysning",
      description: DESCRIPTION,
      location: "Hemligvägen 7",
      wantsFeedback: true,
      name: `${KARIN.given} ${KARIN.family}`,
      email,
    },
    municipality: "amal",
    personId,
  });
  const context = { def, ownerKey, personId, chosenMunicipality: "amal", lang: "sv" as const };
  const check = loadCheckAnswers(context) as { idempotencyKey?: string; redirect?: string };
  if (!check.idempotencyKey) throw new Error(`the check page sent us to ${check.redirect}`);
  const form = new FormData();
  form.set("_idempotency", check.idempotencyKey);
  const request = new Request(`http://localhost/blanketter/${def.id}/kontrollera`, { method: "POST" });
  const user = personId === null ? null : ({ kind: "resident", personId } as unknown as ResidentUser);
  const sent = await submitForm({ ...context, request, user }, form);
  if (!("redirect" in sent)) throw new Error(JSON.stringify(sent));
  return sent.redirect.split("/").at(-1)!;
}

/** Every e-mail and SMS sent since the marks, after the delivery job and the receipt mails ran. */
async function sentSince(mailMark: number, smsMark: number) {
  await deliverDueNotifications();
  await drainReceiptMails();
  await new Promise((resolve) => setTimeout(resolve, 50));
  return {
    mails: smtp.mails.slice(mailMark),
    sms: sms.sent.slice(smsMark) as { to: string; message: string }[],
  };
}

function expectNothingPersonal(bodies: string[], person: typeof KARIN) {
  for (const body of bodies)
    for (const secret of [
      person.personnummer,
      person.personnummer.slice(2),
      person.given,
      person.family,
      person.phone,
      "Hemligvägen",
    ])
      expect(body).not.toContain(secret);
}

beforeAll(async () => {
  smtp = await startSmtpCapture();
  sms = await startElks46StandIn(undefined);
  process.env.SMTP_URL = smtp.url;
  process.env.PUBLIC_URL = "https://portal.example.se";
  Object.assign(process.env, sms.env);
  resetEnvForTests();
  prepareDatabase();
});

afterAll(async () => {
  await sms.close();
  await smtp.close();
});

describe("the received notification (decision 092)", () => {
  it("a /blanketter case sent logged in: one portal row, one e-mail and one SMS, nothing personal", async () => {
    const karin = viewerFor(KARIN.personnummer, `${KARIN.given} ${KARIN.family}`);
    saveNotificationSettings(karin.personnummerHmac, {
      emailEnabled: true,
      email: "karin@example.se",
      smsEnabled: true,
      phone: KARIN.phone,
      language: null,
    });
    const mailMark = smtp.mails.length;
    const smsMark = sms.sent.length;
    // The form's contact address is the one her notifications go to: one e-mail, not two.
    const reference = await sendFaultReport(karin.personId, "karin@example.se");
    const rows = db()
      .select()
      .from(notification)
      .where(eq(notification.caseId, caseId(reference)))
      .all();
    expect(rows.map((r) => [r.recipientHmac, r.kind])).toEqual([[karin.personnummerHmac, "case-submitted"]]);
    const got = await sentSince(mailMark, smsMark);
    const toKarin = got.mails.filter(
      (m) => m.headers.get("x-case-reference") === reference || m.subject?.includes(reference),
    );
    expect(toKarin).toHaveLength(1);
    expect((toKarin[0]!.to as { text: string }).text).toBe("karin@example.se");
    expect(toKarin[0]!.text).toContain("Vi har tagit emot ditt ärende");
    const texts = got.sms.filter((s) => s.message.includes(reference));
    expect(texts).toHaveLength(1);
    expect(texts[0]!.to).toBe(KARIN.phone);
    expectNothingPersonal([...toKarin.map((m) => `${m.subject ?? ""}\n${m.text ?? ""}`), texts[0]!.message], KARIN);
    // A second run sends nothing more.
    expect(await deliverDueNotifications()).toMatchObject({ attempted: 0 });
  });

  it("another contact address gets the e-service's receipt; her own channels the notification", async () => {
    const karin = viewerFor(KARIN.personnummer, `${KARIN.given} ${KARIN.family}`);
    const mailMark = smtp.mails.length;
    const smsMark = sms.sent.length;
    const reference = await sendFaultReport(karin.personId, "annan@example.se");
    const got = await sentSince(mailMark, smsMark);
    const about = got.mails.filter(
      (m) => m.headers.get("x-case-reference") === reference || m.subject?.includes(reference),
    );
    expect(about.map((m) => (m.to as { text: string }).text).sort()).toEqual(["annan@example.se", "karin@example.se"]);
    expect(got.sms.filter((s) => s.message.includes(reference))).toHaveLength(1);
  });

  it("an anonymous sender gets the receipt mail and no notification", async () => {
    const mailMark = smtp.mails.length;
    const smsMark = sms.sent.length;
    const reference = await sendFaultReport(null, "anonym@example.se");
    expect(
      db()
        .select()
        .from(notification)
        .where(eq(notification.caseId, caseId(reference)))
        .all(),
    ).toHaveLength(0);
    const got = await sentSince(mailMark, smsMark);
    const about = got.mails.filter((m) => m.subject?.includes(reference));
    expect(about.map((m) => (m.to as { text: string }).text)).toEqual(["anonym@example.se"]);
    expect(got.sms.filter((s) => s.message.includes(reference))).toHaveLength(0);
  });

  it("a bygglov application: one portal row, one e-mail and one SMS to the applicant, nothing personal", async () => {
    const erik = viewerFor(ERIK.personnummer, `${ERIK.given} ${ERIK.family}`);
    saveNotificationSettings(erik.personnummerHmac, {
      emailEnabled: true,
      email: "erik@example.se",
      smsEnabled: true,
      phone: ERIK.phone,
      language: "en",
    });
    const user = {
      kind: "resident",
      personId: erik.personId,
      name: `${ERIK.given} ${ERIK.family}`,
      acting: { kind: "self" },
      roles: [],
      sessionId: "s",
    } as unknown as ResidentUser;
    const mailMark = smtp.mails.length;
    const smsMark = sms.sent.length;
    const sent = await fileEnginePermit(user, {
      fastighetsbeteckning: "Bengtsfors Sågen 1:23",
      description: "Byte av fasadpanel på Hemligvägen 7.",
    });
    if (!sent.ok) throw new Error(JSON.stringify(sent));
    const id = caseId(sent.reference);
    const rows = db().select().from(notification).where(eq(notification.caseId, id)).all();
    expect(rows.map((r) => [r.recipientHmac, r.kind])).toEqual([[erik.personnummerHmac, "case-submitted"]]);
    const deliveries = db()
      .select({ channel: notificationDelivery.channel })
      .from(notificationDelivery)
      .where(eq(notificationDelivery.notificationId, rows[0]!.id))
      .all();
    expect(deliveries.map((d) => d.channel).sort()).toEqual(["email", "sms"]);
    const got = await sentSince(mailMark, smsMark);
    const about = got.mails.filter((m) => m.headers.get("x-case-reference") === sent.reference);
    expect(about).toHaveLength(1);
    expect(about[0]!.text).toContain("We have received your case"); // he chose English
    const texts = got.sms.filter((s) => s.message.includes(sent.reference));
    expect(texts).toHaveLength(1);
    expectNothingPersonal([`${about[0]!.subject ?? ""}\n${about[0]!.text ?? ""}`, texts[0]!.message], {
      ...ERIK,
    });
  });
});
