import { readFileSync } from "node:fs";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { administration, caseParty, municipality, notification } from "../../db/schema/index";
import { db, prepareDatabase } from "~/db.server";
import { createCase } from "~/services/cases.server";
import {
  listMessages,
  MessageRejected,
  sendMessageToApplicant,
  sendMessageToOfficer,
  getMessageAttachment,
} from "~/services/messages.server";
import { viewerFor } from "./people-helper";
import { getNotificationSettings, listNotifications, saveNotificationSettings } from "~/services/notifications.server";

let A = { personId: 0, personnummerHmac: "" };
let CO = { personId: 0, personnummerHmac: "" };
let NOBODY = { personId: 0, personnummerHmac: "" };

function newCase(key: string, applicantPersonId = A.personId) {
  const m = db().select().from(municipality).where(eq(municipality.slug, "amal")).get()!;
  const a = db().select().from(administration).where(eq(administration.municipalityId, m.id)).get()!;
  return createCase({
    idempotencyKey: key,
    municipalityId: m.id,
    administrationId: a.id,
    formId: "forskola-ansokan",
    formVersion: 1,
    area: "barnomsorg",
    sensitivity: "secret",
    data: {},
    sensitiveData: null,
    applicantPersonId,
    applicantOrganisationId: null,
    submittedByPersonId: applicantPersonId,
    contactEmail: null,
    submitterKey: null,
    language: "sv",
    decisionDays: null,
    diarium: { subject: null, partyKind: "person", partyName: null },
    attachments: { publicIds: [], ownerKey: "x" },
  });
}

describe("messages between applicant and officer", () => {
  beforeAll(() => {
    prepareDatabase();
    A = viewerFor("199005122388", "Maria Nilsson");
    CO = viewerFor("198002079294", "Peter Johansson");
    NOBODY = viewerFor("198802292394", "Anders Berg");
  });

  it("an officer's message reaches the applicant and the co-guardian, with a notification, and the reply goes back", async () => {
    const c = newCase("m1");
    db()
      .insert(caseParty)
      .values([
        { caseId: c.id, personnummerHmac: A.personnummerHmac, role: "applicant" },
        { caseId: c.id, personnummerHmac: CO.personnummerHmac, role: "co-guardian" },
      ])
      .run();
    await sendMessageToApplicant({
      caseId: c.id,
      staffUserId: 7,
      body: "Hej! Vi behöver ett intyg.",
      files: [{ name: "info.txt", bytes: new TextEncoder().encode("Läs detta") }],
    });
    const seen = listMessages({ reference: c.reference, audience: "resident", viewer: A, markReadAt: new Date() })!;
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ sender: "officer", body: "Hej! Vi behöver ett intyg." });
    expect(seen[0]!.attachments[0]).toMatchObject({ name: "info.txt", mime: "text/plain" });
    expect(listMessages({ reference: c.reference, audience: "resident", viewer: CO })).toHaveLength(1);
    expect(listNotifications(A.personnummerHmac).map((n) => n.kind)).toContain("message");
    expect(listNotifications(CO.personnummerHmac).map((n) => n.kind)).toContain("message");

    const reply = await sendMessageToOfficer({ reference: c.reference, viewer: A, body: "Intyget kommer i morgon." });
    expect(reply).toBeDefined();
    const staffView = listMessages({ caseId: c.id, audience: "staff", markReadAt: new Date() })!;
    expect(staffView.map((m) => m.sender)).toEqual(["officer", "applicant"]);
    expect(staffView[0]!.readAt).not.toBeNull();
  });

  it("a resident who is not a party sees nothing and cannot write or download", async () => {
    const c = newCase("m2");
    await sendMessageToApplicant({
      caseId: c.id,
      staffUserId: 7,
      body: "Hemligt",
      files: [{ name: "a.txt", bytes: new TextEncoder().encode("x") }],
    });
    const file = listMessages({ caseId: c.id, audience: "staff" })![0]!.attachments[0]!;
    expect(listMessages({ reference: c.reference, audience: "resident", viewer: NOBODY })).toBeUndefined();
    expect(await sendMessageToOfficer({ reference: c.reference, viewer: NOBODY, body: "hej" })).toBeUndefined();
    expect(
      getMessageAttachment({ publicId: file.publicId, reference: c.reference, audience: "resident", viewer: NOBODY }),
    ).toBeUndefined();
    expect(
      getMessageAttachment({ publicId: file.publicId, reference: c.reference, audience: "resident", viewer: A })?.name,
    ).toBe("a.txt");
    // Acting for an organisation hides one's private cases.
    expect(
      listMessages({ reference: c.reference, audience: "resident", viewer: { ...A, organisationId: 5 } }),
    ).toBeUndefined();
  });

  it("an empty message or a disguised file is rejected with field codes", async () => {
    const c = newCase("m3");
    await expect(sendMessageToOfficer({ reference: c.reference, viewer: A, body: "   " })).rejects.toBeInstanceOf(
      MessageRejected,
    );
    const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]);
    await expect(
      sendMessageToOfficer({
        reference: c.reference,
        viewer: A,
        body: "hej",
        files: [{ name: "intyg.pdf", bytes: exe }],
      }),
    ).rejects.toMatchObject({ errors: [{ field: "files" }] });
  });

  it("message bodies and e-mail addresses are not stored in plain text", async () => {
    const c = newCase("m4");
    saveNotificationSettings(A.personnummerHmac, {
      emailEnabled: false,
      email: "hemlig.adress@example.se",
      smsEnabled: false,
      phone: "+46709876543",
      language: null,
    });
    expect(getNotificationSettings(A.personnummerHmac)).toEqual({
      emailEnabled: false,
      email: "hemlig.adress@example.se",
      smsEnabled: false,
      phone: "+46709876543",
      language: null,
    });
    await sendMessageToOfficer({ reference: c.reference, viewer: A, body: "Barnet har diabetes typ 1" });
    db().$client.pragma("wal_checkpoint(TRUNCATE)");
    const file = readFileSync(process.env.DATABASE_PATH!);
    expect(file.includes(Buffer.from("diabetes typ 1"))).toBe(false);
    expect(file.includes(Buffer.from("hemlig.adress"))).toBe(false);
    expect(file.includes(Buffer.from("709876543"))).toBe(false);
    const rows = db().select().from(notification).where(eq(notification.recipientHmac, A.personnummerHmac)).all();
    expect(rows.every((r) => !r.params.includes("diabetes"))).toBe(true);
  });
});
