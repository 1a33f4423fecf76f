import { existsSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { caseDecision, caseEvent, caseTable, municipality, notification } from "../../db/schema/index";
import { officer, viewerFor } from "./people-helper";
import { heldSync } from "../helpers/held-sync";
import { newOfficerCase } from "../helpers/officer-case";
import { commitDurably, durableSoFar, setWalSyncForTests } from "~/db-durable.server";
import { db, prepareDatabase } from "~/db.server";
import { JobRunner } from "~/jobs/runner.server";
import { decide, finishPendingDecisions } from "~/services/backoffice.server";
import { changeCaseStatus } from "~/services/cases.server";
import { dataSubdir } from "~/services/file-store.server";
import { caseOutboxJob } from "~/services/outbox.server";
import { notificationDeliveryJob, saveNotificationSettings } from "~/services/notifications.server";
import { resetEnvForTests } from "~/env.server";

// Every kick of a job goes through the process's runner (requestJobRun): this one runs nothing and
// records the kicks, in the order of the test's events.
const kicks = { events: null as string[] | null };
class RecordingRunner extends JobRunner {
  override request(name: string): boolean {
    kicks.events?.push(`kick ${name}`);
    return true;
  }
}
const runner = new RecordingRunner({ db, jobs: [], pollMs: 3600_000 });

const ticks = async (n = 8) => {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
};

/** Waits (up to 5 s) until `events` holds `count` entries "fsync started" (file fsyncs run on libuv's threads first). */
async function untilSyncs(events: string[], count: number) {
  const started = () => events.filter((e) => e === "fsync started").length;
  for (let waited = 0; waited < 5000 && started() < count; waited += 5)
    await new Promise((resolve) => setTimeout(resolve, 5));
  expect(started()).toBe(count);
}

const APPLICANT = { personnummer: "199005122388", name: "Maria Nilsson" };
let amal = 0;
let applicantId = 0;
let n = 0;

function newCase(status: "in_progress" | "received") {
  return newOfficerCase({
    idempotencyKey: `durable-officer-${n++}`,
    municipalityId: amal,
    applicant: { personId: applicantId, name: APPLICANT.name },
    status,
  });
}

beforeAll(async () => {
  // A hand-over target (the folder, CASE_OUTBOX_DIR in the test's data directory): cases are handed over.
  process.env.CASE_OUTBOX = "folder";
  resetEnvForTests();
  prepareDatabase();
  amal = db().select().from(municipality).where(eq(municipality.slug, "amal")).get()!.id;
  const applicant = viewerFor(APPLICANT.personnummer, APPLICANT.name);
  applicantId = applicant.personId;
  // An e-mail to deliver: a status change's notification kicks the delivery job.
  saveNotificationSettings(applicant.personnummerHmac, {
    emailEnabled: true,
    email: "maria@example.se",
    smsEnabled: false,
    phone: null,
    language: null,
  });
  await durableSoFar();
  runner.start();
});

afterAll(async () => {
  await runner.stop();
  delete process.env.CASE_OUTBOX;
  resetEnvForTests();
});

afterEach(() => {
  setWalSyncForTests(null);
  kicks.events = null;
});

const NOTIFY = `kick ${notificationDeliveryJob.name}`;
const HAND_OVER = `kick ${caseOutboxJob.name}`;

describe("an officer's decision answers only after its commits are on disk", () => {
  it("decision, status and notification commit together; the PDF is pending until its row is durable; the kick follows the fsync", async () => {
    const c = newCase("in_progress");
    const documentName = `${c.reference}-beslut.pdf`;
    const dir = dataSubdir("decisions");
    const events: string[] = [];
    kicks.events = events;
    const sync = heldSync(events);
    const answered = decide({
      reference: c.reference,
      user: officer("handlaggare.amal"),
      templateId: "",
      outcome: "approved",
      text: "Ansökan bifalls enligt önskemålet.",
      fee: "",
    }).then((r) => {
      events.push("answered");
      return r;
    });
    await untilSyncs(events, 1);
    await ticks();
    // Committed together (visible, in the OS), nothing kicked, no document yet.
    expect(events).toEqual(["fsync started"]);
    expect(db().select().from(caseDecision).where(eq(caseDecision.caseId, c.id)).get()?.documentName).toBe("");
    expect(db().select().from(caseTable).where(eq(caseTable.id, c.id)).get()!.status).toBe("decided");
    expect(
      db()
        .select()
        .from(notification)
        .where(and(eq(notification.caseId, c.id), eq(notification.kind, "decision")))
        .all().length,
    ).toBeGreaterThan(0);
    expect(existsSync(join(dir, documentName))).toBe(false);

    sync.complete();
    // The document: written pending and durable, then its row commits (the second fsync).
    await untilSyncs(events, 2);
    await ticks();
    expect(events).toEqual(["fsync started", "fsync done", NOTIFY, "fsync started"]);
    expect(existsSync(join(dir, `.tmp-pending-${documentName}`))).toBe(true);
    expect(existsSync(join(dir, documentName))).toBe(false);
    expect(db().select().from(caseDecision).where(eq(caseDecision.caseId, c.id)).get()!.documentName).toBe(
      documentName,
    );

    sync.complete();
    // Named only after the row's fsync; then the applicant's message commits (the third).
    await untilSyncs(events, 3);
    await ticks();
    expect(existsSync(join(dir, documentName))).toBe(true);
    expect(existsSync(join(dir, `.tmp-pending-${documentName}`))).toBe(false);
    expect(events).not.toContain("answered");
    sync.complete();
    expect(await answered).toEqual({ ok: true });
    expect(events.at(-1)).toBe("answered");
  });

  it("a decision whose change is refused leaves nothing behind and kicks nothing", async () => {
    const c = newCase("in_progress");
    db().update(caseTable).set({ status: "withdrawn" }).where(eq(caseTable.id, c.id)).run();
    const events: string[] = [];
    kicks.events = events;
    const result = await decide({
      reference: c.reference,
      user: officer("handlaggare.amal"),
      templateId: "",
      outcome: "approved",
      text: "Ansökan bifalls enligt önskemålet.",
      fee: "",
    });
    expect(result.ok).toBe(false);
    expect(db().select().from(caseDecision).where(eq(caseDecision.caseId, c.id)).get()).toBeUndefined();
    expect(events).toEqual([]);
  });
});

describe("a pending decision document found at start-up", () => {
  it("is published when its row names it, removed when no row does and it is old, kept while it may be in flight", () => {
    const dir = dataSubdir("decisions");
    const c = newCase("in_progress");
    const named = `${c.reference}-beslut.pdf`;
    db()
      .insert(caseDecision)
      .values({
        caseId: c.id,
        outcome: "approved",
        decidedOn: "2026-12-06",
        text: "Ansökan bifalls enligt önskemålet.",
        documentName: named,
        decidedBy: "staff:1",
        decidedByName: "Test",
      })
      .run();
    const orphan = "ORPHAN-1-beslut.pdf";
    const young = "ORPHAN-2-beslut.pdf";
    for (const name of [named, orphan, young]) writeFileSync(join(dir, `.tmp-pending-${name}`), "x");
    const old = new Date(Date.now() - 3600_000);
    utimesSync(join(dir, `.tmp-pending-${orphan}`), old, old);

    expect(finishPendingDecisions()).toEqual({ published: 1, removed: 1 });
    expect(existsSync(join(dir, named))).toBe(true);
    expect(existsSync(join(dir, `.tmp-pending-${named}`))).toBe(false);
    expect(existsSync(join(dir, `.tmp-pending-${orphan}`))).toBe(false);
    expect(existsSync(join(dir, orphan))).toBe(false);
    expect(existsSync(join(dir, `.tmp-pending-${young}`))).toBe(true);
    // An hour later the young one is nobody's too.
    expect(finishPendingDecisions(Date.now() + 3600_000)).toEqual({ published: 0, removed: 1 });
  });
});

describe("a delivery is kicked only after the fsync of the commit that recorded it", () => {
  it("a status change's notification inside a durable commit", async () => {
    const c = newCase("received");
    const events: string[] = [];
    kicks.events = events;
    const sync = heldSync(events);
    const done = commitDurably(() =>
      changeCaseStatus({ caseId: c.id, to: "in_progress", via: "officer", actor: "staff:1" }),
    );
    await ticks();
    expect(events).toEqual(["fsync started"]);
    expect(db().select().from(caseEvent).where(eq(caseEvent.caseId, c.id)).all().length).toBe(2);
    sync.complete();
    await done;
    expect(events).toEqual(["fsync started", "fsync done", NOTIFY]);
  });

  it("createCase's hand-over inside a durable commit; none for a rolled-back one", async () => {
    const events: string[] = [];
    kicks.events = events;
    const sync = heldSync(events);
    const done = commitDurably(() => newCase("received"));
    await ticks();
    expect(events).toEqual(["fsync started"]);
    sync.complete();
    await done;
    expect(events).toEqual(["fsync started", "fsync done", HAND_OVER]);

    await expect(
      commitDurably(() => {
        newCase("received");
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    await ticks();
    expect(events).toEqual(["fsync started", "fsync done", HAND_OVER]);
  });

  it("outside a durable commit the kick comes at once, as before", () => {
    const events: string[] = [];
    kicks.events = events;
    newCase("received");
    expect(events).toEqual([HAND_OVER]);
  });
});
