import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  administration,
  caseParty,
  caseTable,
  municipality,
  notification,
  notificationDelivery,
} from "../../db/schema/index";
import { startElks46StandIn } from "../stand-ins/elks46.mjs";
import { db, prepareDatabase } from "~/db.server";
import { AREAS, type Area } from "~/domain/areas";
import { resetEnvForTests } from "~/env.server";
import { allowedTransitions, mayTransition, statusesOf, TRANSITION_PATHS } from "~/services/case-status";
import { changeCaseStatus, createCase } from "~/services/cases.server";
import {
  deliverDueNotifications,
  DELIVERY_MAX_ATTEMPTS,
  saveNotificationSettings,
} from "~/services/notifications.server";
import { swedishMobile } from "~/services/sms.server";
import { viewerFor } from "./people-helper";
import { startSmtpCapture, type SmtpCapture } from "./smtp-harness";

/**
 * Decision 079: every status change of every state machine tells every party with access once per
 * channel they chose, through a real SMTP server (smtp-server on 127.0.0.1) and the local 46elks
 * stand-in over HTTP; the e-mail and SMS say nothing about the person.
 */
const APPLICANT = { personnummer: "199005122388", name: "Maria Nilsson", phone: "+46701234567" };
const CO_GUARDIAN = { personnummer: "198002079294", name: "Peter Johansson" };
let smtp: SmtpCapture;
let sms: Awaited<ReturnType<typeof startElks46StandIn>>;
let A = { personId: 0, personnummerHmac: "" };
let CO = { personId: 0, personnummerHmac: "" };
let n = 0;

function newCase(area: Area) {
  const m = db().select().from(municipality).where(eq(municipality.slug, "amal")).get()!;
  const a = db().select().from(administration).where(eq(administration.municipalityId, m.id)).get()!;
  const c = createCase({
    idempotencyKey: `notify-${n++}`,
    municipalityId: m.id,
    administrationId: a.id,
    formId: "forskola-ansokan",
    formVersion: 1,
    area,
    sensitivity: "personal",
    data: {},
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
  db().insert(caseParty).values({ caseId: c.id, personnummerHmac: CO.personnummerHmac, role: "co-guardian" }).run();
  return c;
}

beforeAll(async () => {
  smtp = await startSmtpCapture();
  sms = await startElks46StandIn(undefined);
  process.env.SMTP_URL = smtp.url;
  process.env.PUBLIC_URL = "https://portal.example.se";
  Object.assign(process.env, sms.env);
  resetEnvForTests();
  prepareDatabase();
  A = viewerFor(APPLICANT.personnummer, APPLICANT.name);
  CO = viewerFor(CO_GUARDIAN.personnummer, CO_GUARDIAN.name);
  // The applicant chose e-mail and SMS (English); the co-guardian e-mail only.
  saveNotificationSettings(A.personnummerHmac, {
    emailEnabled: true,
    email: "maria@example.se",
    smsEnabled: true,
    phone: APPLICANT.phone,
    language: "en",
  });
  saveNotificationSettings(CO.personnummerHmac, {
    emailEnabled: true,
    email: "peter@example.se",
    smsEnabled: false,
    phone: null,
    language: null,
  });
});

afterAll(async () => {
  await sms.close();
  await smtp.close();
});

describe("notifications on every status change", () => {
  it("every move of every area's machine sends one e-mail to each party and one SMS to the one who chose it", async () => {
    let moves = 0;
    for (const area of AREAS) {
      for (const from of statusesOf(area)) {
        for (const to of allowedTransitions(area, from)) {
          const via = TRANSITION_PATHS.find((p) => mayTransition(area, from, to, p))!;
          const c = newCase(area);
          db().update(caseTable).set({ status: from }).where(eq(caseTable.id, c.id)).run();
          const mailsBefore = smtp.mails.length;
          const smsBefore = sms.sent.length;
          changeCaseStatus({ caseId: c.id, to, via, actor: "test" });
          const run = await deliverDueNotifications();
          expect(run, `${area} ${from} → ${to}`).toMatchObject({ attempted: 3, sent: 3, failed: 0 });
          const rows = db().select().from(notification).where(eq(notification.caseId, c.id)).all();
          expect(rows.map((r) => r.recipientHmac).sort()).toEqual([A.personnummerHmac, CO.personnummerHmac].sort());
          const got = smtp.mails.slice(mailsBefore);
          expect(got.map((m) => m.headers.get("x-case-reference"))).toEqual([c.reference, c.reference]);
          const texts = sms.sent.slice(smsBefore) as { to: string; message: string; from: string }[];
          expect(texts).toHaveLength(1);
          expect(texts[0]).toMatchObject({ to: APPLICANT.phone, from: "Dalsland" });
          expect(texts[0]!.message).toContain(c.reference);
          expect(texts[0]!.message).toContain("Log in"); // the applicant chose English
          for (const body of [...got.map((m) => `${m.subject ?? ""}\n${m.text ?? ""}`), texts[0]!.message]) {
            for (const secret of [
              APPLICANT.personnummer,
              APPLICANT.personnummer.slice(2),
              CO_GUARDIAN.personnummer,
              "Maria",
              "Nilsson",
              "Peter",
              "Johansson",
              APPLICANT.phone,
            ])
              expect(body).not.toContain(secret);
          }
          moves++;
        }
      }
    }
    expect(moves).toBeGreaterThan(25);
    // A second run finds nothing left: each copy went exactly once.
    expect(await deliverDueNotifications()).toMatchObject({ attempted: 0 });
  }, 120_000);

  it("a gateway failure is retried with back-off and given up after the last attempt", async () => {
    const c = newCase("allmant");
    sms.failNext(1);
    changeCaseStatus({ caseId: c.id, to: "in_progress", via: "officer", actor: "test" });
    const first = await deliverDueNotifications();
    expect(first).toMatchObject({ sent: 2, failed: 1 });
    const pending = db()
      .select()
      .from(notificationDelivery)
      .where(eq(notificationDelivery.channel, "sms"))
      .all()
      .find((d) => d.status === "pending")!;
    expect(pending).toMatchObject({ attempts: 1 });
    expect(pending.lastError).toContain("503");
    // Not due before its back-off has passed; then sent.
    expect(await deliverDueNotifications()).toMatchObject({ attempted: 0 });
    expect(await deliverDueNotifications({ now: new Date(Date.now() + 2 * 60_000) })).toMatchObject({ sent: 1 });
    expect(db().select().from(notificationDelivery).where(eq(notificationDelivery.id, pending.id)).get()).toMatchObject(
      { status: "sent", attempts: 2 },
    );

    const d = newCase("allmant");
    sms.failNext(DELIVERY_MAX_ATTEMPTS);
    changeCaseStatus({ caseId: d.id, to: "in_progress", via: "officer", actor: "test" });
    let later = Date.now();
    for (let i = 0; i < DELIVERY_MAX_ATTEMPTS; i++) {
      await deliverDueNotifications({ now: new Date(later) });
      later += 7 * 3600_000;
    }
    const given = db().select().from(notificationDelivery).where(eq(notificationDelivery.status, "failed")).all();
    expect(given).toHaveLength(1);
    expect(given[0]).toMatchObject({ channel: "sms", attempts: DELIVERY_MAX_ATTEMPTS });
  });

  it("a channel turned off before sending is cancelled, not sent", async () => {
    const c = newCase("allmant");
    changeCaseStatus({ caseId: c.id, to: "in_progress", via: "officer", actor: "test" });
    saveNotificationSettings(CO.personnummerHmac, {
      emailEnabled: false,
      email: "peter@example.se",
      smsEnabled: false,
      phone: null,
      language: null,
    });
    const before = smtp.mails.length;
    expect(await deliverDueNotifications()).toMatchObject({ sent: 2, cancelled: 1 });
    expect(smtp.mails.slice(before).map((m) => m.to && "text" in m.to && m.to.text)).toEqual(["maria@example.se"]);
  });
});

describe("Swedish mobile numbers", () => {
  it("accepts 07x, +467x and 00467x with spaces or dashes, and refuses the rest", () => {
    expect(swedishMobile("070-123 45 67")).toBe("+46701234567");
    expect(swedishMobile("+46 73 123 45 67")).toBe("+46731234567");
    expect(swedishMobile("0046761234567")).toBe("+46761234567");
    for (const bad of ["08-123 456 78", "0701234", "+4670123456789", "070 123 45 6x", "++46701234567", "46701234567"])
      expect(swedishMobile(bad)).toBeNull();
  });
});
