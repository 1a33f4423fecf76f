import { and, eq } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import {
  auditEvent,
  caseAssignment,
  caseDecision,
  caseTable,
  internalNote,
  municipality,
  service,
  session,
  staffUser,
} from "../../db/schema/index";
import { officer, viewerFor } from "./people-helper";
import { heldSync } from "../helpers/held-sync";
import { newOfficerCase } from "../helpers/officer-case";
import { csrfToken } from "~/auth/csrf.server";
import { createSession } from "~/auth/session.server";
import { commitDurably, durableSoFar, setWalSyncForTests } from "~/db-durable.server";
import { db, prepareDatabase } from "~/db.server";
import { action as caseAction } from "~/routes/handlaggare.arenden.$reference";
import { action as searchAction } from "~/routes/handlaggare.sok";
import { action as partyAction } from "~/routes/valj-part";
import { action as editorAction } from "~/routes/redaktor.$typ.$id._index";
import { getServiceForResident } from "~/services/catalogue.server";

// An audit row can be made to fail (a full disk, a trigger): the action's rows must go with it.
const failing = { action: null as string | null };
vi.mock("~/platform/audit.server", async (importOriginal) => {
  const real = await importOriginal<typeof import("~/platform/audit.server")>();
  const audit: typeof real.audit = (event) => {
    if (event.action === failing.action) throw new Error("the audit row could not be written");
    real.audit(event);
  };
  return { ...real, audit, auditDurably: (event: Parameters<typeof audit>[0]) => commitDurably(() => audit(event)) };
});

// The officers' and residents' remaining acknowledging commits (decision 163): the action's rows
// and its audit row are one commit whose fsync runs off the event loop, and the answer follows it.
const SEED = "b".repeat(43);
const APPLICANT = { personnummer: "199005122388", name: "Maria Nilsson" };
let amal = 0;
let applicantId = 0;
let n = 0;

const ticks = async (count = 8) => {
  for (let i = 0; i < count; i++) await new Promise((resolve) => setImmediate(resolve));
};

/** Waits (up to 5 s) until `events` holds `count` entries "fsync started". */
async function untilSyncs(events: string[], count: number) {
  const started = () => events.filter((e) => e === "fsync started").length;
  for (let waited = 0; waited < 5000 && started() < count; waited += 5)
    await new Promise((resolve) => setTimeout(resolve, 5));
  expect(started()).toBe(count);
}

function newCase(status: "in_progress" | "received") {
  return newOfficerCase({
    idempotencyKey: `durable-officer-actions-${n++}`,
    municipalityId: amal,
    applicant: { personId: applicantId, name: APPLICANT.name },
    status,
  });
}

async function staffCookie(username: string) {
  const id = db().select().from(staffUser).where(eq(staffUser.username, username)).get()!.id;
  const { setCookie } = await createSession(new Request("http://localhost/"), { kind: "staff", staffUserId: id });
  return `csrf=${SEED}; ${setCookie.split(";")[0]!}`;
}

async function postForm(url: string, cookie: string, fields: [string, string][]): Promise<Request> {
  const token = await csrfToken(new Request("http://localhost/", { headers: { Cookie: cookie } }));
  return new Request(url, {
    method: "POST",
    headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams([["_csrf", token], ...fields]),
  });
}

/** The status of a route action's answer (a thrown Response counts). */
async function statusOf(answer: Promise<unknown>): Promise<number> {
  try {
    const r = await answer;
    return r instanceof Response ? r.status : ((r as { init?: { status?: number } }).init?.status ?? 200);
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    throw thrown;
  }
}

async function caseAnswer(reference: string, fields: Record<string, string>) {
  const request = await postForm(
    `http://localhost/handlaggare/arenden/${reference}`,
    await staffCookie("handlaggare.amal"),
    Object.entries(fields),
  );
  return caseAction({ request, params: { reference }, context: {} as never });
}

const auditRows = (action: string, subjectId: string) =>
  db()
    .select()
    .from(auditEvent)
    .where(and(eq(auditEvent.action, action), eq(auditEvent.subjectId, subjectId)))
    .all();

beforeAll(async () => {
  prepareDatabase();
  amal = db().select().from(municipality).where(eq(municipality.slug, "amal")).get()!.id;
  applicantId = viewerFor(APPLICANT.personnummer, APPLICANT.name).personId;
  await durableSoFar();
});

afterEach(() => {
  setWalSyncForTests(null);
  failing.action = null;
});

describe("an officer's action and its audit row are one commit", () => {
  it("a note and its case.note row commit together and the answer follows their one fsync", async () => {
    const c = newCase("received");
    const events: string[] = [];
    const sync = heldSync(events);
    const answered = statusOf(caseAnswer(c.reference, { intent: "note", note: "Ringde sökanden." })).then((s) => {
      events.push("answered");
      return s;
    });
    await untilSyncs(events, 1);
    await ticks();
    expect(events).toEqual(["fsync started"]);
    expect(db().select().from(internalNote).where(eq(internalNote.caseId, c.id)).all()).toHaveLength(1);
    expect(auditRows("case.note", c.reference)).toHaveLength(1);
    sync.complete();
    expect(await answered).toBe(302);
    expect(events).toEqual(["fsync started", "fsync done", "answered"]);
  });

  it("a status change whose audit row fails is not written either", async () => {
    const c = newCase("received");
    failing.action = "case.status";
    await expect(caseAnswer(c.reference, { intent: "status", status: "in_progress" })).rejects.toThrow(
      "the audit row could not be written",
    );
    expect(db().select().from(caseTable).where(eq(caseTable.id, c.id)).get()!.status).toBe("received");
    expect(auditRows("case.status", c.reference)).toHaveLength(0);
    // Without the failure the same post changes the status and audits it.
    failing.action = null;
    expect(await statusOf(caseAnswer(c.reference, { intent: "status", status: "in_progress" }))).toBe(302);
    expect(db().select().from(caseTable).where(eq(caseTable.id, c.id)).get()!.status).toBe("in_progress");
    expect(auditRows("case.status", c.reference)).toHaveLength(1);
  });

  it("a decision's case.decide row is in the decision's own commit, durable before the answer", async () => {
    const c = newCase("in_progress");
    const events: string[] = [];
    const sync = heldSync(events);
    let done = false;
    const answered = statusOf(
      caseAnswer(c.reference, {
        intent: "decide",
        templateId: "",
        outcome: "approved",
        decisionText: "Ansökan bifalls enligt önskemålet.",
        fee: "",
      }),
    ).then((s) => {
      done = true;
      events.push("answered");
      return s;
    });
    await untilSyncs(events, 1);
    await ticks();
    // The decision's commit, held: its row and the route's audit row are both in it.
    expect(db().select().from(caseDecision).where(eq(caseDecision.caseId, c.id)).get()?.outcome).toBe("approved");
    expect(auditRows("case.decide", c.reference)).toHaveLength(1);
    expect(events).not.toContain("answered");
    // Its later commits (the document's name, the message to the applicant): no other for the audit row.
    for (let waited = 0; waited < 10_000 && !done; waited += 5) {
      if (sync.pending.length > 0) sync.complete();
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(await answered).toBe(302);
    expect(events.filter((e) => e === "fsync started")).toHaveLength(3);
    expect(auditRows("case.decide", c.reference)).toHaveLength(1);
  });
});

describe("the remaining acknowledging commits wait for their fsync off the event loop", () => {
  it("a bulk assignment and its audit rows are answered after their fsync", async () => {
    const cases = [newCase("received"), newCase("received")];
    const user = officer("handlaggare.amal");
    const events: string[] = [];
    const sync = heldSync(events);
    const request = await postForm("http://localhost/handlaggare/sok", await staffCookie("handlaggare.amal"), [
      ["staffId", String(user.staffUserId)],
      ...cases.map((c): [string, string] => ["arende", c.reference]),
    ]);
    const answered = statusOf(searchAction({ request, params: {}, context: {} as never })).then((s) => {
      events.push("answered");
      return s;
    });
    await untilSyncs(events, 1);
    await ticks();
    expect(events).toEqual(["fsync started"]);
    for (const c of cases) {
      expect(db().select().from(caseAssignment).where(eq(caseAssignment.caseId, c.id)).get()?.staffUserId).toBe(
        user.staffUserId,
      );
      expect(auditRows("case.assign", c.reference)).toHaveLength(1);
    }
    sync.complete();
    expect(await answered).toBe(302);
    expect(events).toEqual(["fsync started", "fsync done", "answered"]);
  });

  it("a resident's choice of party and its party.selected row are answered after their fsync", async () => {
    const { setCookie } = await createSession(new Request("http://localhost/"), {
      kind: "resident",
      personId: applicantId,
    });
    const request = await postForm("http://localhost/valj-part", `csrf=${SEED}; ${setCookie.split(";")[0]!}`, [
      ["party", "self"],
      ["redirectTo", "/mina-sidor"],
    ]);
    const before = auditRows("party.selected", String(applicantId)).length;
    const actingSelf = () =>
      db()
        .select({ acting: session.actingKind })
        .from(session)
        .all()
        .filter((s) => s.acting === "self").length;
    const selfBefore = actingSelf();
    const events: string[] = [];
    const sync = heldSync(events);
    const answered = statusOf(partyAction({ request, params: {}, context: {} as never })).then((s) => {
      events.push("answered");
      return s;
    });
    await untilSyncs(events, 1);
    await ticks();
    expect(events).toEqual(["fsync started"]);
    expect(auditRows("party.selected", String(applicantId))).toHaveLength(before + 1);
    expect(actingSelf()).toBe(selfBefore + 1);
    sync.complete();
    expect(await answered).toBe(302);
    expect(events).toEqual(["fsync started", "fsync done", "answered"]);
  });

  it("an editor's unpublishing is answered after its fsync", async () => {
    const id = db().select({ id: service.id }).from(service).where(eq(service.slug, "feriearbete")).get()!.id;
    const url = `http://localhost/redaktor/tjanster/${id}`;
    const request = await postForm(url, await staffCookie("redaktor.mellerud"), [["intent", "unpublish"]]);
    const events: string[] = [];
    const sync = heldSync(events);
    const answered = statusOf(
      editorAction({ request, params: { typ: "tjanster", id: String(id) }, context: {} as never }),
    ).then((s) => {
      events.push("answered");
      return s;
    });
    await untilSyncs(events, 1);
    await ticks();
    expect(events).toEqual(["fsync started"]);
    expect(getServiceForResident({ slug: "feriearbete", lang: "sv" })).toBeUndefined();
    sync.complete();
    expect(await answered).toBe(302);
    expect(events).toEqual(["fsync started", "fsync done", "answered"]);
  });
});
