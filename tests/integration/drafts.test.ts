import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { formDraft } from "../../db/schema/index";
import { db, prepareDatabase } from "~/db.server";
import { prepared } from "~/db-prepared.server";
import { personOwnerKey } from "~/services/eservice-session.server";
import { getFormDefinition, loadStep } from "~/services/forms.server";
import {
  deleteDraftByToken,
  getWorkingDraft,
  resumeDraft,
  saveDraftForLater,
  saveWorkingDraft,
} from "~/services/drafts.server";

beforeAll(() => prepareDatabase());

const base = { formId: "felanmalan-gata-park", formVersion: 1, stepId: "plats", municipality: "amal", personId: null };

describe("drafts", () => {
  it("give an anonymous visitor a secret resume link whose token is stored only as a hash", () => {
    saveWorkingDraft({ ...base, ownerKey: "browser-a", answers: { description: "Hål i vägen vid Storgatan 4" } });
    const saved = saveDraftForLater({ ownerKey: "browser-a", formId: base.formId, personId: null })!;
    expect(saved.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const rows = db().select().from(formDraft).where(eq(formDraft.ownerKey, "browser-a")).all();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).not.toBe(saved.token);
    expect(rows[0]!.data).not.toContain("Storgatan"); // answers are encrypted

    const resumed = resumeDraft({ token: saved.token!, ownerKey: "browser-b" })!;
    expect(resumed.answers).toEqual({ description: "Hål i vägen vid Storgatan 4" });
    expect(resumed.municipality).toBe("amal");
    expect(getWorkingDraft({ ownerKey: "browser-b", formId: base.formId })?.id).toBe(resumed.id);
    expect(getWorkingDraft({ ownerKey: "browser-a", formId: base.formId })).toBeUndefined();

    expect(deleteDraftByToken(saved.token!)).toBe(true);
    expect(resumeDraft({ token: saved.token!, ownerKey: "browser-b" })).toBeUndefined();
    expect(resumeDraft({ token: "../../etc/passwd", ownerKey: "browser-b" })).toBeUndefined();
  });

  it("expire", () => {
    const past = new Date("2026-01-01T00:00:00Z");
    saveWorkingDraft({ ...base, ownerKey: "browser-c", answers: { description: "x" }, now: past });
    expect(getWorkingDraft({ ownerKey: "browser-c", formId: base.formId })).toBeUndefined();
  });

  it("follow a logged-in person to another browser", () => {
    saveWorkingDraft({ ...base, ownerKey: personOwnerKey(4242), answers: { description: "y" }, personId: 4242 });
    saveDraftForLater({ ownerKey: personOwnerKey(4242), formId: base.formId, personId: 4242 });
    expect(getWorkingDraft({ ownerKey: personOwnerKey(4242), formId: base.formId, personId: 4242 })?.answers).toEqual({
      description: "y",
    });
  });

  it("are never found through the browser key once a person made them, nor handed from the browser to a person", () => {
    saveWorkingDraft({ ...base, ownerKey: "browser-f", answers: { description: "anonym" }, personId: null });
    expect(getWorkingDraft({ ownerKey: "browser-f", formId: base.formId, personId: 4343 })).toBeUndefined();
    saveWorkingDraft({
      ...base,
      formId: "ansokan-foreningsbidrag",
      ownerKey: personOwnerKey(4343),
      answers: { description: "person" },
      personId: 4343,
    });
    expect(
      getWorkingDraft({ ownerKey: personOwnerKey(4343), formId: "ansokan-foreningsbidrag", personId: null }),
    ).toBeUndefined();
  });
});

describe("working-copy saves (decision 121)", () => {
  it("commit without waiting for the disk, then give the connection back at synchronous = FULL", () => {
    const client = db().$client;
    expect(client.pragma("synchronous", { simple: true })).toBe(2);
    // The level the save's transaction runs at, read as it starts: the save runs in the native
    // transaction its statements keep (decision 152), found under their key.
    saveWorkingDraft({ ...base, ownerKey: "browser-sync-first", answers: {} });
    type Statements = { inTransaction: <T>(write: () => T) => T };
    const statements = prepared<Statements>("drafts.working-copy", () => {
      throw new Error("the working copy's statements were made by the save above");
    });
    const levels: unknown[] = [];
    const original = statements.inTransaction;
    const spy = vi.spyOn(statements, "inTransaction").mockImplementation(<T>(write: () => T): T => {
      levels.push(client.pragma("synchronous", { simple: true }));
      return original(write);
    });
    try {
      const saved = saveWorkingDraft({ ...base, ownerKey: "browser-sync", answers: { description: "Gatlykta" } });
      expect(saved.answers).toEqual({ description: "Gatlykta" });
    } finally {
      spy.mockRestore();
    }
    expect(levels).toEqual([1]); // NORMAL
    expect(client.pragma("synchronous", { simple: true })).toBe(2); // FULL again
    expect(getWorkingDraft({ ownerKey: "browser-sync", formId: base.formId })?.answers).toEqual({
      description: "Gatlykta",
    });
  });

  it("inside another transaction follow that transaction: its rollback takes the save with it", () => {
    expect(() =>
      db().transaction(() => {
        saveWorkingDraft({ ...base, ownerKey: "browser-rollback", answers: { description: "Skylt" } });
        throw new Error("rolled back");
      }),
    ).toThrow("rolled back");
    expect(getWorkingDraft({ ownerKey: "browser-rollback", formId: base.formId })).toBeUndefined();
    expect(db().$client.pragma("synchronous", { simple: true })).toBe(2);
  });
});

describe("the working copy's save and read (decision 152)", () => {
  const rows = (ownerKey: string) => db().select().from(formDraft).where(eq(formDraft.ownerKey, ownerKey)).all();

  it("saves over its one row, and inside another transaction is rolled back with it", () => {
    const ownerKey = "browser-152";
    expect(() =>
      db().transaction(() => {
        saveWorkingDraft({ ...base, ownerKey, answers: { description: "rolled back" } });
        throw new Error("the outer transaction fails");
      }),
    ).toThrow("the outer transaction fails");
    expect(rows(ownerKey)).toHaveLength(0);
    const first = saveWorkingDraft({ ...base, ownerKey, answers: { description: "one" } });
    const second = saveWorkingDraft({ ...base, ownerKey, stepId: "kontakt", answers: { description: "two" } });
    expect(second.id).toBe(first.id);
    expect(rows(ownerKey)).toHaveLength(1);
    expect(getWorkingDraft({ ownerKey, formId: base.formId })).toMatchObject({
      stepId: "kontakt",
      answers: { description: "two" },
      municipality: "amal",
    });
  });

  it("loadStep shows the working copy the request already read, and reads it itself without one", () => {
    const ownerKey = "browser-152-load";
    const def = getFormDefinition(base.formId)!;
    const stepId = def.steps[0]!.id;
    saveWorkingDraft({ ...base, ownerKey, answers: { other152: "in the database" } });
    const c = { def, stepId, ownerKey, personId: null, chosenMunicipality: null, lang: "sv" as const };
    const shown = (r: ReturnType<typeof loadStep>) => ("view" in r ? r.view.savedAnswers : r);
    expect(shown(loadStep(c, new URLSearchParams()))).toMatchObject({ other152: "in the database" });
    const read = getWorkingDraft({ ownerKey, formId: base.formId })!;
    const given = { ...read, answers: { other152: "as this request read it" } };
    expect(shown(loadStep({ ...c, workingCopy: { draft: given } }, new URLSearchParams()))).toMatchObject({
      other152: "as this request read it",
    });
  });
});
