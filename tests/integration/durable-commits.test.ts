import { existsSync } from "node:fs";
import { join } from "node:path";
import { and, eq } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  administration,
  auditEvent,
  caseParty,
  caseTable,
  childcareApplication,
  childcareUnit,
  message,
  messageAttachment,
  municipality,
} from "../../db/schema/index";
import { testPersons } from "../../db/seed/content/people";
import { demoMarker } from "./people-helper";
import { durableSoFar, setWalSyncForTests } from "~/db-durable.server";
import { db, prepareDatabase } from "~/db.server";
import { heldSync } from "../helpers/held-sync";
import { hmacIndex } from "~/platform/crypto.server";
import { parseChildcareApplication } from "~/services/childcare-application";
import { submitChildcareApplication } from "~/services/childcare.server";
import { createCase } from "~/services/cases.server";
import { sendMessageToApplicant, sendMessageToOfficer } from "~/services/messages.server";
import { findOrCreatePersonAtLogin } from "~/services/people.server";
import { finishPendingUploads, uploadsDir } from "~/services/uploads.server";

// Decision 150: the submissions and messages a person waits on commit without an fsync on the
// event loop and answer only after the shared fdatasync of the -wal file (decision 146's
// commitDurably); a message's files are durable under their pending names before their rows and
// get their names only after the commit is on disk. These tests hold the fsync back.

/** Waits (up to 5 s) until the file's own fsyncs on libuv's threads are done and the log's began. */
async function untilStarted(events: string[]) {
  for (let waited = 0; waited < 5000 && events.length === 0; waited += 5)
    await new Promise((resolve) => setTimeout(resolve, 5));
}

const ticks = async (n = 8) => {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
};

function person(pnr: string) {
  const tp = testPersons.find((p) => p.personnummer === pnr)!;
  return findOrCreatePersonAtLogin({
    personnummer: pnr,
    givenName: tp.givenName,
    familyName: tp.familyName,
    protectedIdentity: demoMarker(pnr),
  }).person;
}

// Sara (Bengtsfors) is the guardian of Elsa (202201022387); Maria lives in Åmål.
const SARA = "198412179288";
const MARIA = "199005122388";

beforeAll(async () => {
  prepareDatabase();
  await durableSoFar();
});

afterEach(() => setWalSyncForTests(null));

describe("a childcare application answers only after its commit is on disk", () => {
  it("the case, its queue row and audit row commit together; the answer and a repeat's wait for the disk", async () => {
    const sara = person(SARA);
    const bengtsfors = db().select().from(municipality).where(eq(municipality.slug, "bengtsfors")).get()!.id;
    const units = db()
      .select()
      .from(childcareUnit)
      .where(eq(childcareUnit.municipalityId, bengtsfors))
      .all()
      .filter((u) => u.kind === "forskola");
    const parsed = parseChildcareApplication({
      child: hmacIndex("202201022387"),
      careKind: "forskola",
      unit1: String(units[0]!.id),
      desiredStart: "2026-09-01",
      hoursPerWeek: "35",
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const submit = () =>
      submitChildcareApplication({
        viewer: { personId: sara.id, personnummerHmac: sara.personnummerHmac, organisationId: null },
        actor: null,
        answers: parsed.value,
        idempotencyKey: "durable-commits-1",
        language: "sv",
        now: new Date("2026-03-02T10:00:00Z"),
      });
    const events: string[] = [];
    const sync = heldSync(events);
    const first = submit().then((r) => {
      events.push("answered");
      return r;
    });
    await ticks();
    // Committed (visible, in the OS), not acknowledged: everything of the case is there at once.
    expect(events).toEqual(["fsync started"]);
    const c = db().select().from(caseTable).where(eq(caseTable.idempotencyKey, "durable-commits-1")).get()!;
    expect(c).toBeDefined();
    expect(db().select().from(childcareApplication).where(eq(childcareApplication.caseId, c.id)).all()).toHaveLength(1);
    expect(
      db()
        .select()
        .from(auditEvent)
        .where(and(eq(auditEvent.action, "childcare.apply"), eq(auditEvent.subjectId, c.reference)))
        .all(),
    ).toHaveLength(1);
    // A double click while the first waits: it finds the case and waits for the disk too.
    const repeat = submit().then((r) => {
      events.push("repeat answered");
      return r;
    });
    await ticks();
    expect(events).toEqual(["fsync started"]);
    sync.complete();
    const a = await first;
    await ticks();
    // The repeat's commit came after the running fsync began: it waits for the next one.
    expect(events).toEqual(["fsync started", "fsync done", "fsync started", "answered"]);
    sync.complete();
    const b = await repeat;
    expect(events.slice(4)).toEqual(["fsync done", "repeat answered"]);
    expect(a).toEqual({ ok: true, reference: c.reference });
    expect(b).toEqual(a);
  });
});

describe("a message's files are written before their rows and named after the commit is on disk", () => {
  let caseId = 0;
  let reference = "";
  let maria = { personId: 0, personnummerHmac: "", organisationId: null as number | null };

  beforeAll(() => {
    const m = person(MARIA);
    maria = { personId: m.id, personnummerHmac: m.personnummerHmac, organisationId: null };
    const amal = db().select().from(municipality).where(eq(municipality.slug, "amal")).get()!;
    const admin = db().select().from(administration).where(eq(administration.municipalityId, amal.id)).get()!;
    const created = createCase({
      idempotencyKey: "durable-commits-message",
      municipalityId: amal.id,
      administrationId: admin.id,
      formId: "forskola-ansokan",
      formVersion: 1,
      area: "barnomsorg",
      sensitivity: "secret",
      data: {},
      sensitiveData: null,
      applicantPersonId: m.id,
      applicantOrganisationId: null,
      submittedByPersonId: m.id,
      contactEmail: null,
      submitterKey: null,
      language: "sv",
      decisionDays: null,
      diarium: { subject: null, partyKind: "person", partyName: null },
      attachments: { publicIds: [], ownerKey: "x" },
    });
    db()
      .insert(caseParty)
      .values({ caseId: created.id, personnummerHmac: m.personnummerHmac, role: "applicant" })
      .run();
    caseId = created.id;
    reference = created.reference;
  });

  const storedNamesOf = (messageId: number) =>
    db()
      .select({ storedName: messageAttachment.storedName })
      .from(messageAttachment)
      .where(eq(messageAttachment.messageId, messageId))
      .all()
      .map((r) => r.storedName);
  const latestMessageId = () =>
    db().select({ id: message.id }).from(message).where(eq(message.caseId, caseId)).all().at(-1)?.id;

  it("while the commit waits for its fsync the file is only pending; the answer names it", async () => {
    const events: string[] = [];
    const sync = heldSync(events);
    const sent = sendMessageToOfficer({
      reference,
      viewer: maria,
      body: "Här kommer intyget.",
      files: [{ name: "intyg.txt", bytes: new TextEncoder().encode("intyg") }],
    }).then((r) => {
      events.push("answered");
      return r;
    });
    // The file's own fsyncs run first (libuv), then the rows commit and wait for the log's fsync.
    await untilStarted(events);
    await ticks();
    expect(events).toEqual(["fsync started"]);
    const id = latestMessageId()!;
    const [name] = storedNamesOf(id);
    expect(name).toMatch(/^[0-9a-f]{32}$/);
    // The row names a file that is durable under its pending name, and no named file exists yet.
    expect(existsSync(join(uploadsDir(), `.tmp-pending-${name}`))).toBe(true);
    expect(existsSync(join(uploadsDir(), name!))).toBe(false);
    sync.complete();
    const r = await sent;
    expect(events).toEqual(["fsync started", "fsync done", "answered"]);
    expect(r).toEqual({ id, caseId });
    expect(existsSync(join(uploadsDir(), name!))).toBe(true);
    expect(existsSync(join(uploadsDir(), `.tmp-pending-${name}`))).toBe(false);
  });

  it("an officer's message notifies in its own commit, answered after the fsync", async () => {
    const events: string[] = [];
    const sync = heldSync(events);
    const sent = sendMessageToApplicant({ caseId, staffUserId: 7, body: "Tack, vi har fått det." }).then(() =>
      events.push("answered"),
    );
    await ticks();
    expect(events).toEqual(["fsync started"]);
    sync.complete();
    await sent;
    expect(events).toEqual(["fsync started", "fsync done", "answered"]);
  });

  it("a failed fsync answers nothing and leaves the committed row's file pending; start-up names it", async () => {
    const events: string[] = [];
    const sync = heldSync(events);
    const sent = sendMessageToOfficer({
      reference,
      viewer: maria,
      body: "Ett till intyg.",
      files: [{ name: "intyg2.txt", bytes: new TextEncoder().encode("intyg två") }],
    }).then(
      () => "answered",
      (error: Error) => error.message,
    );
    await untilStarted(events);
    sync.complete(new Error("EIO"));
    expect(await sent).toBe("EIO");
    const [name] = storedNamesOf(latestMessageId()!);
    expect(existsSync(join(uploadsDir(), `.tmp-pending-${name}`))).toBe(true);
    expect(existsSync(join(uploadsDir(), name!))).toBe(false);
    setWalSyncForTests(null);
    expect(finishPendingUploads()).toBeGreaterThanOrEqual(1);
    expect(existsSync(join(uploadsDir(), name!))).toBe(true);
  });
});
