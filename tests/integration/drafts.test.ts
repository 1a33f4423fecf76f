import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { formDraft } from "../../db/schema/index";
import { db, prepareDatabase } from "~/db.server";
import { personOwnerKey } from "~/services/eservice-session.server";
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
    // The level the save's transaction runs at, read as it starts.
    const levels: unknown[] = [];
    const d = db();
    const original = d.transaction.bind(d);
    const spy = vi.spyOn(d, "transaction").mockImplementation(((fn: Parameters<typeof original>[0]) => {
      levels.push(client.pragma("synchronous", { simple: true }));
      return original(fn);
    }) as typeof original);
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
