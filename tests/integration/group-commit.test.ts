import { eq } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { caseTable, seedState } from "../../db/schema/index";
import { formExamples } from "../../forms/definitions/index";
import { commitDurably, durableSoFar, setWalSyncForTests } from "~/db-durable.server";
import { db, prepareDatabase } from "~/db.server";
import { heldSync } from "../helpers/held-sync";
import { saveWorkingDraft } from "~/services/drafts.server";
import { getFormDefinition, loadCheckAnswers, submitForm } from "~/services/forms.server";

// Decision 146: a send commits without an fsync on the event loop, then waits for an fdatasync of
// the write-ahead log on libuv's threads (shared by the commits made meanwhile) and answers only
// after it. These tests hold the fsync back and check that nothing is answered before it completed.

const tick = () => new Promise((resolve) => setImmediate(resolve));
const rowsNamed = (name: string) => db().select().from(seedState).where(eq(seedState.name, name)).all();
const insertRow = (name: string) => () =>
  db().insert(seedState).values({ name, fingerprint: "x", seededAt: new Date().toISOString() }).run();

beforeAll(async () => {
  prepareDatabase();
  // What a previous process left unsynced is synced once, with the real fdatasync.
  await durableSoFar();
});

afterEach(() => setWalSyncForTests(null));

describe("commitDurably", () => {
  it("resolves only after the fsync of the -wal file completed; the rows are committed before", async () => {
    const events: string[] = [];
    const sync = heldSync(events);
    const answered = commitDurably(insertRow("gc-one")).then(() => events.push("answered"));
    await tick();
    // Committed (visible, in the OS) but not acknowledged: the fsync has not completed.
    expect(rowsNamed("gc-one")).toHaveLength(1);
    expect(events).toEqual(["fsync started"]);
    expect(sync.pending[0]!.path).toBe(`${db().$client.name}-wal`);
    sync.complete();
    await answered;
    expect(events).toEqual(["fsync started", "fsync done", "answered"]);
    // The connection is back in full synchronous mode for every other commit.
    expect(db().$client.pragma("synchronous", { simple: true })).toBe(2);
  });

  it("commits made while an fsync runs share the next one (group commit)", async () => {
    const events: string[] = [];
    const sync = heldSync(events);
    const first = commitDurably(insertRow("gc-a")).then(() => events.push("a answered"));
    await tick();
    const second = commitDurably(insertRow("gc-b")).then(() => events.push("b answered"));
    const third = commitDurably(insertRow("gc-c")).then(() => events.push("c answered"));
    await tick();
    expect(sync.pending).toHaveLength(1);
    // The running fsync may have started before b and c were written: it does not answer them.
    sync.complete();
    await first;
    await tick();
    // b and c's fsync starts as soon as a's completed, before a's answer is written.
    expect(events).toEqual(["fsync started", "fsync done", "fsync started", "a answered"]);
    sync.complete();
    await Promise.all([second, third]);
    expect(events.slice(4)).toEqual(["fsync done", "b answered", "c answered"]);
    expect(events.filter((e) => e === "fsync started")).toHaveLength(2);
  });

  it("a failed fsync answers nothing; the next wait syncs again", async () => {
    const events: string[] = [];
    const sync = heldSync(events);
    const failed = commitDurably(insertRow("gc-fail"));
    const outcome = failed.then(
      () => "answered",
      (error: Error) => error.message,
    );
    await tick();
    sync.complete(new Error("EIO"));
    expect(await outcome).toBe("EIO");
    const again = durableSoFar().then(() => events.push("answered"));
    await tick();
    expect(events).toEqual(["fsync started", "fsync failed", "fsync started"]);
    sync.complete();
    await again;
    expect(events.at(-1)).toBe("answered");
  });

  it("rolls back and rejects without counting a commit when the write throws", async () => {
    const events: string[] = [];
    heldSync(events);
    await expect(
      commitDurably(() => {
        insertRow("gc-rolled-back")();
        throw new Error("no");
      }),
    ).rejects.toThrow("no");
    expect(rowsNamed("gc-rolled-back")).toHaveLength(0);
    expect(events).toEqual([]);
    expect(db().$client.pragma("synchronous", { simple: true })).toBe(2);
  });

  it("works with the real fdatasync", async () => {
    await commitDurably(insertRow("gc-real"));
    expect(rowsNamed("gc-real")).toHaveLength(1);
  });
});

describe("the send answers only after its case is on disk", () => {
  const id = "felanmalan-gata-park";

  function readyToSend(ownerKey: string) {
    const def = getFormDefinition(id)!;
    saveWorkingDraft({
      ownerKey,
      formId: id,
      formVersion: def.version,
      stepId: def.steps.at(-1)!.id,
      answers: { ...formExamples[id]!, photos: [] },
      municipality: "mellerud",
      personId: null,
    });
    const context = { def, ownerKey, personId: null, chosenMunicipality: "mellerud", lang: "sv" as const };
    const check = loadCheckAnswers(context) as { idempotencyKey?: string; redirect?: string };
    if (!check.idempotencyKey) throw new Error(`the check page sent us to ${check.redirect}`);
    const form = new FormData();
    form.set("_idempotency", check.idempotencyKey);
    const request = new Request(`http://localhost/blanketter/${id}/kontrollera`, { method: "POST" });
    return () => submitForm({ ...context, request, user: null }, form);
  }

  it("the receipt redirect (and its repeat) come after the fsync", async () => {
    const ownerKey = `group-commit-send-${Date.now()}`;
    const send = readyToSend(ownerKey);
    const events: string[] = [];
    const sync = heldSync(events);
    const answer = send().then((r) => {
      events.push("answered");
      return r;
    });
    for (let i = 0; i < 5; i++) await tick();
    expect(events).toEqual(["fsync started"]);
    const cases = db().select().from(caseTable).where(eq(caseTable.submitterKey, ownerKey)).all();
    expect(cases).toHaveLength(1);
    // The same send again (a double click) while the first waits: it finds the case and waits too.
    const repeat = send().then((r) => {
      events.push("repeat answered");
      return r;
    });
    for (let i = 0; i < 5; i++) await tick();
    expect(events).toEqual(["fsync started"]);
    // One fsync answers both: the repeat waited for the commits made before it.
    sync.complete();
    const [first, second] = await Promise.all([answer, repeat]);
    expect(events.slice(0, 2)).toEqual(["fsync started", "fsync done"]);
    expect(events.slice(2).sort()).toEqual(["answered", "repeat answered"]);
    expect(events.filter((e) => e === "fsync started")).toHaveLength(1);
    expect(first).toEqual({ redirect: `/blanketter/${id}/kvitto/${cases[0]!.reference}` });
    expect(second).toEqual(first);
  });
});
