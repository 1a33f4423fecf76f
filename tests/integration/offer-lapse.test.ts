import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  auditEvent,
  caseEvent,
  caseTable,
  childcareOffer,
  childcareUnit,
  jobLease,
  jobRun,
  municipality,
} from "../../db/schema/index";
import { db, prepareDatabase } from "~/db.server";
import { parseChildcareApplication } from "~/services/childcare-application";
import { getChildcareCase, offerPlace, submitChildcareApplication } from "~/services/childcare.server";
import { hmacIndex } from "~/platform/crypto.server";
import { listNotifications } from "~/services/notifications.server";
import { JobRunner } from "~/jobs/runner.server";
import { offerLapseJob, runOfferLapse } from "~/services/offer-lapse.server";
import { viewerFor } from "./people-helper";

// Sara and Erik (Bengtsfors) are guardians of Elsa (db/seed/content/people.ts).
let SARA = { personId: 0, personnummerHmac: "" };
let ERIK = { personId: 0, personnummerHmac: "" };
let ELSA = "";
let bengtsfors = 0;
let unit = 0;

const SUBMITTED = new Date("2026-03-02T10:00:00Z");
/** offerPlace gives two weeks: the deadline is the end of 16 March, Swedish time. */
const BEFORE_DEADLINE = new Date("2026-03-16T22:00:00Z");
const AFTER_DEADLINE = new Date("2026-03-16T23:00:01Z");

async function offeredCase(key: string) {
  const parsed = parseChildcareApplication({
    child: ELSA,
    careKind: "forskola",
    unit1: String(unit),
    desiredStart: "2026-10-01",
    hoursPerWeek: "30",
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const r = await submitChildcareApplication({
    viewer: SARA,
    actor: null,
    answers: parsed.value,
    idempotencyKey: key,
    language: "sv",
    now: SUBMITTED,
  });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  await offerPlace({
    reference: r.reference,
    municipalityIds: [bengtsfors],
    unitId: unit,
    startDate: "2026-10-01",
    staffUserId: 1,
    actor: null,
    now: SUBMITTED,
  });
  const c = db().select().from(caseTable).where(eq(caseTable.reference, r.reference)).get()!;
  const offer = db().select().from(childcareOffer).where(eq(childcareOffer.caseId, c.id)).get()!;
  return { reference: r.reference, caseId: c.id, offerId: offer.id };
}

function lapseAudits(offerId: number) {
  return db()
    .select()
    .from(auditEvent)
    .where(and(eq(auditEvent.action, "childcare.offer.lapse"), eq(auditEvent.subjectId, String(offerId))))
    .all();
}

describe("the scheduled job that lapses unanswered childcare offers", () => {
  beforeAll(() => {
    prepareDatabase();
    SARA = viewerFor("198412179288");
    ERIK = viewerFor("198203249274");
    ELSA = hmacIndex("202201022387");
    bengtsfors = db().select().from(municipality).where(eq(municipality.slug, "bengtsfors")).get()!.id;
    unit = db()
      .select()
      .from(childcareUnit)
      .where(eq(childcareUnit.municipalityId, bengtsfors))
      .all()
      .find((u) => u.kind === "forskola")!.id;
  });

  it("lapses an offer past its deadline without anyone reading it: status, case history, audit, notification to both guardians", async () => {
    const { caseId, offerId } = await offeredCase("job-1");
    expect(await runOfferLapse(BEFORE_DEADLINE)).toBe(0);
    expect(db().select().from(childcareOffer).where(eq(childcareOffer.id, offerId)).get()!.status).toBe("pending");

    expect(await runOfferLapse(AFTER_DEADLINE)).toBe(1);
    // Stored, not only computed when read.
    expect(db().select().from(childcareOffer).where(eq(childcareOffer.id, offerId)).get()!.status).toBe("lapsed");
    expect(db().select().from(caseTable).where(eq(caseTable.id, caseId)).get()!.status).toBe("place_declined");
    const history = db().select().from(caseEvent).where(eq(caseEvent.caseId, caseId)).all();
    expect(history.at(-1)).toMatchObject({
      fromStatus: "place_offered",
      toStatus: "place_declined",
      actor: "system",
      note: "offer-lapsed",
    });
    const audits = lapseAudits(offerId);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorType: "system", municipalityId: bengtsfors });
    for (const guardian of [SARA, ERIK]) {
      expect(
        listNotifications(guardian.personnummerHmac).filter((n) => n.kind === "offer-lapsed" && n.caseId === caseId),
      ).toHaveLength(1);
    }
  });

  it("lapses each offer once, also when the job and a page read run at the same time or the job runs again", async () => {
    const { reference, caseId, offerId } = await offeredCase("job-2");
    const [a, b] = await Promise.all([runOfferLapse(AFTER_DEADLINE), runOfferLapse(AFTER_DEADLINE)]);
    expect(a + b).toBe(1);
    expect(await runOfferLapse(new Date("2026-04-01T10:00:00Z"))).toBe(0);
    // The read-time backstop finds nothing left to do.
    const seen = await getChildcareCase({ reference, viewer: SARA, now: new Date("2026-04-01T10:00:00Z") });
    expect(seen!.offers[0]!.status).toBe("lapsed");
    expect(lapseAudits(offerId)).toHaveLength(1);
    expect(
      db()
        .select()
        .from(caseEvent)
        .where(and(eq(caseEvent.caseId, caseId), eq(caseEvent.note, "offer-lapsed")))
        .all(),
    ).toHaveLength(1);
  });

  it("runs on its interval on the job runner, and not at all with interval 0", async () => {
    const { offerId } = await offeredCase("job-3");
    const status = () => db().select().from(childcareOffer).where(eq(childcareOffer.id, offerId)).get()!.status;
    const runs = () => db().select().from(jobRun).where(eq(jobRun.name, offerLapseJob.name)).all().length;
    const fiveMinutes = 5 * 60_000;
    let clock = new Date(AFTER_DEADLINE.getTime() - fiveMinutes - 1_000);
    const runner = (everyMs: number) =>
      new JobRunner({
        db,
        jobs: [{ ...offerLapseJob, everyMs: () => everyMs, firstDelayMs: 1_000 }],
        clock: () => clock,
        pollMs: 1e9,
      });

    db().delete(jobLease).where(eq(jobLease.name, offerLapseJob.name)).run();
    const off = runner(0);
    off.start();
    clock = AFTER_DEADLINE;
    await off.tick();
    await off.stop();
    expect(runs()).toBe(0);
    expect(status()).toBe("pending");

    clock = new Date(AFTER_DEADLINE.getTime() - fiveMinutes - 1_000);
    const on = runner(fiveMinutes);
    on.start();
    await on.tick(); // the first run is a second away
    expect(runs()).toBe(0);
    clock = new Date(clock.getTime() + 1_000);
    await on.tick(); // first run, before the deadline
    expect(runs()).toBe(1);
    expect(status()).toBe("pending");
    clock = new Date(AFTER_DEADLINE.getTime() - 60_000);
    await on.tick(); // not due yet
    expect(runs()).toBe(1);
    clock = AFTER_DEADLINE;
    await on.tick();
    await on.stop();
    expect(runs()).toBe(2);
    expect(status()).toBe("lapsed");
    expect(lapseAudits(offerId)).toHaveLength(1);
  });
});
