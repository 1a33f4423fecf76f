import * as nodeCrypto from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { formDraft } from "../../db/schema/index";
import { db, prepareDatabase } from "~/db.server";
import { resetEnvForTests } from "~/env.server";
import * as crypto from "~/platform/crypto.server";
import {
  cachedPlaintextCount,
  deleteWorkingDraft,
  getWorkingDraft,
  purgeExpiredDrafts,
  resumeDraft,
  saveDraftForLater,
  saveWorkingDraft,
} from "~/services/drafts.server";
import { eserviceSession, personOwnerKey } from "~/services/eservice-session.server";

// Decision 159: the plaintext of a working copy is kept by row id with its ciphertext and used
// only when the owner-scoped SELECT returns that very ciphertext.
vi.mock("~/platform/crypto.server", async (original) => {
  const real = await original<typeof import("~/platform/crypto.server")>();
  return { ...real, decrypt: vi.fn(real.decrypt) };
});
vi.mock("node:crypto", async (original) => {
  const real = await original<typeof import("node:crypto")>();
  const createHmac = vi.fn(real.createHmac);
  return { ...real, default: { ...real, createHmac }, createHmac };
});
const decrypt = vi.mocked(crypto.decrypt);

beforeAll(() => prepareDatabase());
beforeEach(() => {
  decrypt.mockClear(); // in braces: a function returned from beforeEach is run as its teardown
});

const base = { formId: "felanmalan-gata-park", formVersion: 1, stepId: "plats", municipality: "amal", personId: null };
const read = (ownerKey: string, personId: number | null = null) =>
  getWorkingDraft({ ownerKey, formId: base.formId, personId });
/** Another writer of the table: the row's answers replaced behind the drafts service's back. */
const rewrite = (id: number, answers: Record<string, unknown>) =>
  db()
    .update(formDraft)
    .set({ data: crypto.encrypt(JSON.stringify({ a: answers, m: "amal" })) })
    .where(eq(formDraft.id, id))
    .run();

describe("the working copy's plaintext kept in memory (decision 159)", () => {
  it("is not decrypted again after its own save, and each read gets its own answers object", () => {
    saveWorkingDraft({ ...base, ownerKey: "cache-own", answers: { description: "Hål i vägen" } });
    const first = read("cache-own")!;
    const second = read("cache-own")!;
    expect(decrypt).not.toHaveBeenCalled();
    expect(second.answers).toEqual({ description: "Hål i vägen" });
    (first.answers as Record<string, unknown>).description = "changed by one request";
    expect(read("cache-own")!.answers).toEqual({ description: "Hål i vägen" });
  });

  it("is never served after another writer changed the row", () => {
    const saved = saveWorkingDraft({ ...base, ownerKey: "cache-other-writer", answers: { description: "före" } });
    expect(read("cache-other-writer")!.answers).toEqual({ description: "före" });
    rewrite(saved.id, { description: "efter" });
    expect(read("cache-other-writer")!.answers).toEqual({ description: "efter" });
    expect(decrypt).toHaveBeenCalledTimes(1);
    // The newly decrypted plaintext is the one kept now.
    expect(read("cache-other-writer")!.answers).toEqual({ description: "efter" });
    expect(decrypt).toHaveBeenCalledTimes(1);
  });

  it("is never served for a deleted, expired or rolled-back row", () => {
    saveWorkingDraft({ ...base, ownerKey: "cache-deleted", answers: { description: "x" } });
    expect(read("cache-deleted")).toBeDefined();
    deleteWorkingDraft({ ownerKey: "cache-deleted", formId: base.formId });
    expect(read("cache-deleted")).toBeUndefined();

    const past = new Date("2026-01-01T00:00:00Z");
    saveWorkingDraft({ ...base, ownerKey: "cache-expired", answers: { description: "old" }, now: past });
    expect(read("cache-expired")).toBeUndefined();
    purgeExpiredDrafts();
    // A new row may get the id of the purged one: its own ciphertext decides, never the kept one.
    const fresh = saveWorkingDraft({ ...base, ownerKey: "cache-expired", answers: { description: "new" } });
    expect(read("cache-expired")!.answers).toEqual({ description: "new" });

    expect(() =>
      db().transaction(() => {
        saveWorkingDraft({ ...base, ownerKey: "cache-expired", answers: { description: "rolled back" } });
        throw new Error("rolled back");
      }),
    ).toThrow("rolled back");
    expect(read("cache-expired")).toMatchObject({ id: fresh.id, answers: { description: "new" } });
  });

  it("is never served to another owner, and follows a row only where the row itself went", () => {
    saveWorkingDraft({ ...base, ownerKey: "cache-a", answers: { description: "A:s svar" } });
    saveWorkingDraft({ ...base, ownerKey: "cache-b", answers: { description: "B:s svar" } });
    expect(read("cache-a")!.answers).toEqual({ description: "A:s svar" });
    expect(read("cache-b")!.answers).toEqual({ description: "B:s svar" });
    expect(read("cache-c")).toBeUndefined();
    // The same browser key logged in is another owner: nothing of the browser's copy.
    expect(read("cache-a", 5151)).toBeUndefined();
    expect(read(personOwnerKey(5151), 5151)).toBeUndefined();

    // A resume link hands the row (same ciphertext) to another browser: that browser has it, the old one not.
    const { token } = saveDraftForLater({ ownerKey: "cache-a", formId: base.formId, personId: null })!;
    expect(read("cache-a")).toBeDefined();
    resumeDraft({ token: token!, ownerKey: "cache-d" });
    expect(read("cache-a")).toBeUndefined();
    expect(read("cache-d")!.answers).toEqual({ description: "A:s svar" });
    expect(read("cache-b")!.answers).toEqual({ description: "B:s svar" });
  });

  it("is bounded: a copy too large is decrypted on each read, and at most 128 copies are kept", () => {
    saveWorkingDraft({ ...base, ownerKey: "cache-large", answers: { description: "å".repeat(9000) } });
    read("cache-large");
    read("cache-large");
    expect(decrypt).toHaveBeenCalledTimes(2);
    for (let i = 0; i < 200; i++)
      saveWorkingDraft({ ...base, ownerKey: `cache-many-${i}`, answers: { description: String(i) } });
    expect(cachedPlaintextCount()).toBe(128);
    decrypt.mockClear();
    expect(read("cache-many-0")!.answers).toEqual({ description: "0" });
    expect(read("cache-many-199")!.answers).toEqual({ description: "199" });
    expect(decrypt).toHaveBeenCalledTimes(1);
  });
});

describe("the browser's owner key made once per cookie value (decision 159)", () => {
  const saved = process.env.DATA_ENCRYPTION_KEY;
  afterAll(() => {
    if (saved === undefined) delete process.env.DATA_ENCRYPTION_KEY;
    else process.env.DATA_ENCRYPTION_KEY = saved;
    resetEnvForTests();
  });
  const request = (value: string) => new Request("http://localhost/", { headers: { Cookie: `eservice=${value}` } });

  it("is the HMAC it always was, computed once, and follows a change of keys", () => {
    const createHmac = vi.mocked(nodeCrypto.createHmac);
    const value = "k".repeat(43);
    createHmac.mockClear();
    const first = eserviceSession(request(value)).ownerKey;
    expect(eserviceSession(request(value)).ownerKey).toBe(first);
    const other = eserviceSession(request("m".repeat(43))).ownerKey;
    expect(createHmac).toHaveBeenCalledTimes(2);
    expect(first).toBe(crypto.hmacIndex(`owner:${value}`));
    expect(other).not.toBe(first);

    process.env.DATA_ENCRYPTION_KEY = "c".repeat(64);
    resetEnvForTests();
    const after = eserviceSession(request(value)).ownerKey;
    expect(after).not.toBe(first);
    expect(after).toBe(crypto.hmacIndex(`owner:${value}`));
  });
});
