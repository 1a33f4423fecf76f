import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { and, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  caseEvent,
  caseTable,
  diariumEntry,
  municipality,
  administration,
  caseAttachment,
} from "../../db/schema/index";
import { db, prepareDatabase } from "~/db.server";
import { commitDurably } from "~/db-durable.server";
import {
  AttachmentMismatchError,
  caseAnswers,
  changeCaseStatus,
  createCase,
  type NewCase,
} from "~/services/cases.server";
import { IllegalTransitionError } from "~/services/case-status";
import { checkUpload, displayName, storeUpload, uploadsDir } from "~/services/uploads.server";
import { env } from "~/env.server";

let amal: { id: number; adminId: number };

beforeAll(() => {
  prepareDatabase();
  const m = db().select().from(municipality).where(eq(municipality.slug, "amal")).get()!;
  const a = db()
    .select()
    .from(administration)
    .where(and(eq(administration.municipalityId, m.id), eq(administration.slug, "samhallsbyggnad")))
    .get()!;
  amal = { id: m.id, adminId: a.id };
});

const input = (key: string, extra: Partial<NewCase> = {}): NewCase => ({
  idempotencyKey: key,
  municipalityId: amal.id,
  administrationId: amal.adminId,
  formId: "felanmalan-gata-park",
  formVersion: 1,
  area: "allmant",
  sensitivity: "public",
  data: { category: "gatubelysning", location: "Storgatan 1" },
  sensitiveData: { secretNote: "Anna Hemlig 19811218-9876" },
  applicantPersonId: null,
  applicantOrganisationId: null,
  submittedByPersonId: null,
  contactEmail: "a@example.se",
  submitterKey: "owner-1",
  language: "sv",
  decisionDays: null,
  diarium: { subject: "Storgatan 1, Gatubelysning", partyKind: "person", partyName: "Anna Hemlig" },
  attachments: { publicIds: [], ownerKey: "owner-1" },
  now: new Date("2026-11-26T10:00:00Z"),
  ...extra,
});

describe("cases", () => {
  it("get consecutive reference numbers per municipality and year, after the seeded register", () => {
    const a = createCase(input("key-aaaaaaaaaaaaaaaaaaaa-1"));
    const b = createCase(input("key-aaaaaaaaaaaaaaaaaaaa-2"));
    const [, , na] = a.reference.split("-");
    const [, , nb] = b.reference.split("-");
    expect(a.reference).toMatch(/^AML-2026-\d{6}$/);
    expect(Number(nb)).toBe(Number(na) + 1);
    const seeded = db().select({ n: count() }).from(diariumEntry).where(eq(diariumEntry.reference, a.reference)).get();
    expect(seeded?.n).toBe(1); // its own entry, no clash with the seed
    const nextYear = createCase(input("key-aaaaaaaaaaaaaaaaaaaa-3", { now: new Date("2027-01-01T00:30:00+01:00") }));
    expect(nextYear.reference).toBe("AML-2027-000001");
  });

  it("are created once per idempotency key, however often the same submission arrives", () => {
    const first = createCase(input("key-bbbbbbbbbbbbbbbbbbbb"));
    const again = createCase(input("key-bbbbbbbbbbbbbbbbbbbb"));
    expect(first.created).toBe(true);
    expect(again).toEqual({ ...first, created: false });
    expect(
      db().select({ n: count() }).from(caseTable).where(eq(caseTable.idempotencyKey, "key-bbbbbbbbbbbbbbbbbbbb")).get()
        ?.n,
    ).toBe(1);
  });

  it("keep sensitive answers encrypted at rest and the register free of them", () => {
    const c = createCase(input("key-cccccccccccccccccccc"));
    const row = db().select().from(caseTable).where(eq(caseTable.id, c.id)).get()!;
    expect(row.sensitiveData).not.toContain("Hemlig");
    expect(row.data).not.toContain("Hemlig");
    expect(caseAnswers(row)).toMatchObject({ secretNote: "Anna Hemlig 19811218-9876", category: "gatubelysning" });
    const entry = db().select().from(diariumEntry).where(eq(diariumEntry.caseId, c.id)).get()!;
    expect(entry.searchText).not.toContain("hemlig");
    expect(entry.searchText).toContain("storgatan 1");
  });

  it("store nothing when an attachment does not belong to the submitter", () => {
    const before = db().select({ n: count() }).from(caseTable).get()!.n;
    expect(() =>
      createCase(input("key-dddddddddddddddddddd", { attachments: { publicIds: ["not-mine"], ownerKey: "owner-1" } })),
    ).toThrow(AttachmentMismatchError);
    expect(db().select({ n: count() }).from(caseTable).get()!.n).toBe(before);
  });

  it("inside the send's transaction roll back with it, or alone to their savepoint (decision 154: better-sqlite3's own transaction)", async () => {
    const cases = () => db().select({ n: count() }).from(caseTable).get()!.n;
    const entries = () => db().select({ n: count() }).from(diariumEntry).get()!.n;
    const before = { cases: cases(), entries: entries() };
    const bad = input("key-ffffffffffffffffffff", { attachments: { publicIds: ["not-mine"], ownerKey: "owner-1" } });
    // The send's commitDurably: a mismatch rolls back the whole transaction, the event row written before it too.
    await expect(
      commitDurably(() => {
        db().insert(caseEvent).values({ caseId: 1, toStatus: "received", actor: "test" }).run();
        return createCase(bad);
      }),
    ).rejects.toThrow(AttachmentMismatchError);
    expect({ cases: cases(), entries: entries() }).toEqual(before);
    expect(db().select().from(caseEvent).where(eq(caseEvent.actor, "test")).all()).toEqual([]);
    // A caller that catches it keeps its own rows: only the case's savepoint is rolled back.
    const good = await commitDurably(() => {
      expect(() => createCase(bad)).toThrow(AttachmentMismatchError);
      return createCase(input("key-gggggggggggggggggggg"));
    });
    expect(good.created).toBe(true);
    expect({ cases: cases(), entries: entries() }).toEqual({ cases: before.cases + 1, entries: before.entries + 1 });
    expect(db().$client.inTransaction).toBe(false);
  });

  it("follow their area's status machine and log every change", () => {
    const c = createCase(input("key-eeeeeeeeeeeeeeeeeeee"));
    changeCaseStatus({ caseId: c.id, to: "in_progress", via: "officer", actor: "staff:1" });
    expect(() => changeCaseStatus({ caseId: c.id, to: "received", via: "officer", actor: "staff:1" })).toThrow(
      IllegalTransitionError,
    );
    const events = db().select().from(caseEvent).where(eq(caseEvent.caseId, c.id)).all();
    expect(events.map((e) => e.toStatus)).toEqual(["received", "in_progress"]);
    expect(db().select().from(diariumEntry).where(eq(diariumEntry.caseId, c.id)).get()?.status).toBe("in_progress");
  });
});

const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC",
  "base64",
);

describe("uploads", () => {
  const rules = { maxBytes: 1000, accept: ["image/png", "image/jpeg"] };
  it("decide the type from the content, not the name or the browser's claim", async () => {
    expect(await checkUpload(PNG, rules)).toEqual({ ok: true, mime: "image/png" });
    expect(await checkUpload(Buffer.from("<svg onload=alert(1)>"), rules)).toEqual({
      ok: false,
      code: "file.unrecognised",
    });
    expect(await checkUpload(Buffer.from("%PDF-1.4\n%âãÏÓ\n1 0 obj\n"), rules)).toEqual({
      ok: false,
      code: "file.type",
    });
    expect(await checkUpload(new Uint8Array(0), rules)).toEqual({ ok: false, code: "file.empty" });
    expect(await checkUpload(new Uint8Array(1001), rules)).toEqual({ ok: false, code: "file.tooLarge" });
    expect(await checkUpload(Buffer.from("hej då\n"), { maxBytes: 100, accept: ["text/plain"] })).toEqual({
      ok: true,
      mime: "text/plain",
    });
  });
  it("never use the original name as a path, and leave no temporary file behind", () => {
    expect(displayName("../../etc/passwd")).toBe("passwd");
    expect(displayName("C:\\Users\\x\\bild.png")).toBe("bild.png");
    expect(displayName('a"<b>.png')).toBe("ab.png");
    const stored = storeUpload({
      bytes: PNG,
      mime: "image/png",
      originalName: "../../x.png",
      ownerKey: "owner-9",
      formId: "felanmalan-gata-park",
      field: "photos",
    });
    expect(stored.name).toBe("x.png");
    const row = db().select().from(caseAttachment).where(eq(caseAttachment.publicId, stored.id)).get()!;
    expect(row.storedName).toMatch(/^[0-9a-f]{32}$/);
    expect(existsSync(join(uploadsDir(), row.storedName))).toBe(true);
    expect(readdirSync(uploadsDir()).filter((f) => f.startsWith(".tmp"))).toEqual([]);
    expect(uploadsDir().startsWith(env().DATA_DIR)).toBe(true);
    expect(row.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});
