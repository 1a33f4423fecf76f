/**
 * Files at rest (review §6 and §7, docs/decisions/043): upload quotas, replaced and removed
 * files deleted, the scheduled clean-up, files encrypted on disk with the field key ring, and
 * folder exports 0600 and deleted once the case system has acknowledged them.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { ActionFunctionArgs } from "@remix-run/node";
import { and, eq, inArray } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { EmailStatus } from "~/domain/statuses";

// Small quotas so that the tests reach them (read when env() first loads).
process.env.UPLOAD_MAX_FILES_PER_DRAFT = "2";
process.env.NOTIFICATION_RETENTION_DAYS = "30";
process.env.CASE_OUTBOX_FOLDER_RETENTION_DAYS = "7";

import {
  administration,
  auditEvent,
  caseAttachment,
  caseTable,
  formDraft,
  municipality,
  notification,
  session,
} from "../../db/schema/index";
import { TEST_INTEGRATION_SYSTEM } from "../../db/seed/integration";
import { getFormDefinition } from "../../forms/definitions/index";
import { db, prepareDatabase } from "~/db.server";
import { env, loadEnv, resetEnvForTests } from "~/env.server";
import { getFixedT } from "~/i18n/i18n.server";
import * as callbackRoute from "~/routes/api.v1.integration.cases.$reference";
import { addDrawing } from "~/services/building-permits.server";
import { buildCaseExport } from "~/services/case-export.server";
import { createCase } from "~/services/cases.server";
import { cleanupJob, runCleanup } from "~/services/cleanup.server";
import { FILE_MAGIC } from "~/platform/crypto.server";
import { getWorkingDraft } from "~/services/drafts.server";
import { postStep, type StepContext } from "~/services/forms.server";
import { deliverDueExports, purgeFolderExports, setExportBuilder } from "~/services/outbox.server";
import {
  checkUploadQuota,
  dropUploadFile,
  finishPendingUploads,
  getUploadForOwner,
  publishUploadFile,
  recordUpload,
  storeUpload,
  uploadsDir,
  writeUploadFile,
} from "~/services/uploads.server";
import { readStoredFileBytes, removePendingFile, writeAllOrNone, writePendingFile } from "~/services/file-store.server";
import { decisionPdf } from "~/services/backoffice.server";

const MARKER = "PLAINTEXT-MARKER-Ärende-19811218-9876";
/** A JPEG as far as content sniffing goes, carrying a marker that must never be on disk. */
const jpeg = (n = 0) =>
  new Uint8Array(
    Buffer.concat([
      Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
      Buffer.from(`JFIF ${MARKER} #${n} `),
      Buffer.alloc(64, n),
    ]),
  );

const def = getFormDefinition("felanmalan-gata-park")!;
let amal = { id: 0, adminId: 0 };
let owners = 0;
const newOwner = () => `files-at-rest-owner-${++owners}-${Date.now()}`;
const ctx = (ownerKey: string, stepId: string): StepContext => ({
  def,
  stepId,
  ownerKey,
  personId: null,
  chosenMunicipality: "amal",
  lang: "sv",
});

function form(entries: Record<string, string>, files: { name: string; bytes: Uint8Array }[] = [], keep: string[] = []) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(entries)) fd.append(k, v);
  for (const f of files) fd.append("photos", new File([Buffer.from(f.bytes)], f.name, { type: "image/jpeg" }));
  for (const id of keep) fd.append("photos", id);
  return fd;
}

/** An anonymous draft that has reached step "plats". */
async function draftAtPlats(ownerKey: string) {
  const r = await postStep(
    ctx(ownerKey, "fel"),
    form({ _kommun: "amal", category: "gatubelysning", description: "Lampan vid busshållplatsen är trasig." }),
  );
  expect(r).toMatchObject({ redirect: "/blanketter/felanmalan-gata-park/plats" });
}

const rowsOf = (ownerKey: string) =>
  db().select().from(caseAttachment).where(eq(caseAttachment.ownerKey, ownerKey)).all();
const onDisk = (storedName: string) => existsSync(join(uploadsDir(), storedName));
const DAY = 86_400_000;

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

describe("files written before their rows", () => {
  it("one answer's files are written all or none: a failed write removes the ones already written", async () => {
    const dir = uploadsDir();
    const names = ["a", "b"].map((n) => `allornone${n}${Date.now()}`);
    const failure = new Error("disk full");
    await expect(
      writeAllOrNone(
        [
          ...names.map(async (name) => {
            await writePendingFile(dir, name, new Uint8Array([1, 2, 3]));
            return name;
          }),
          Promise.reject(failure),
        ],
        (name) => removePendingFile(dir, name),
      ),
    ).rejects.toBe(failure);
    for (const name of names) expect(existsSync(join(dir, `.tmp-pending-${name}`)), name).toBe(false);
    // Without a failure every result comes back, in order, and the files stay pending for their rows.
    await expect(
      writeAllOrNone(
        names.map(async (name) => {
          await writePendingFile(dir, name, new Uint8Array([1]));
          return name;
        }),
        () => {
          throw new Error("nothing to drop");
        },
      ),
    ).resolves.toEqual(names);
    for (const name of names) {
      expect(existsSync(join(dir, `.tmp-pending-${name}`))).toBe(true);
      removePendingFile(dir, name);
    }
  });
});

describe("upload quotas", () => {
  it("a step post over the draft's file cap answers 400 with a message in Swedish and English, and writes no file", async () => {
    const ownerKey = newOwner();
    await draftAtPlats(ownerKey);
    const filesBefore = readdirSync(uploadsDir()).length;
    const r = await postStep(
      ctx(ownerKey, "plats"),
      form(
        { location: "Storgatan 1" },
        [0, 1, 2].map((n) => ({ name: `bild${n}.jpg`, bytes: jpeg(n) })),
      ),
    );
    expect(r).toMatchObject({ status: 400 });
    const error = "view" in r ? r.view.errors.photos : undefined;
    expect(error).toMatchObject({ key: "forms.errors.file.quotaDraftFiles", params: { max: 2 } });
    const sv = getFixedT("sv", "forms")("errors.file.quotaDraftFiles", { max: 2 });
    const en = getFixedT("en", "forms")("errors.file.quotaDraftFiles", { max: 2 });
    expect(sv).toContain("högst 2 filer");
    expect(en).toContain("at most 2 files");
    expect(rowsOf(ownerKey)).toEqual([]);
    expect(readdirSync(uploadsDir()).length).toBe(filesBefore);
  });

  it("counts what one owner uploaded in the last 24 hours, bound to a case or not", () => {
    const ownerKey = newOwner();
    const limits = { draftFiles: 100, draftBytes: 1e9, dayFiles: 3, dayBytes: 1e9 };
    for (const n of [0, 1, 2])
      storeUpload({
        bytes: jpeg(n),
        mime: "image/jpeg",
        originalName: "a.jpg",
        ownerKey,
        formId: "felanmalan-gata-park",
        field: "photos",
      });
    expect(checkUploadQuota({ ownerKey, formId: null, incoming: [10], limits })).toEqual({
      code: "file.quotaDay",
      max: 3,
    });
    expect(checkUploadQuota({ ownerKey: newOwner(), formId: null, incoming: [10], limits })).toBeNull();
    // A day later the same owner may upload again.
    expect(
      checkUploadQuota({ ownerKey, formId: null, incoming: [10], limits, now: new Date(Date.now() + DAY + 60_000) }),
    ).toBeNull();
    expect(
      checkUploadQuota({
        ownerKey,
        formId: "felanmalan-gata-park",
        incoming: [600],
        limits: { ...limits, dayFiles: 100, draftBytes: 500 },
      })?.code,
    ).toBe("file.quotaDraftBytes");
  });

  it("a building-permit draft refuses a drawing over the cap with the permit's own message", () => {
    const ownerKey = `bygglov:quota-${Date.now()}:self`;
    const pdf = new Uint8Array(Buffer.from("%PDF-1.4\n% ritning\n"));
    expect(addDrawing({ ownerKey, kind: "situationsplan", originalName: "a.pdf", bytes: pdf })).toMatchObject({
      ok: true,
    });
    expect(addDrawing({ ownerKey, kind: "situationsplan", originalName: "b.pdf", bytes: pdf })).toMatchObject({
      ok: true,
    });
    expect(addDrawing({ ownerKey, kind: "situationsplan", originalName: "c.pdf", bytes: pdf })).toEqual({
      ok: false,
      error: "quotaDraftFiles",
      params: { max: 2 },
    });
    expect(rowsOf(ownerKey)).toHaveLength(2);
    expect(getFixedT("en", "permits")("errors.quotaDraftFiles", { max: 2 })).toContain("at most 2 files");
  });
});

describe("replaced and removed files", () => {
  it("a re-post of the step that replaces a file, and 'remove file', delete the old file from disk and its row", async () => {
    const ownerKey = newOwner();
    await draftAtPlats(ownerKey);
    expect(
      await postStep(
        ctx(ownerKey, "plats"),
        form({ location: "Storgatan 1" }, [{ name: "first.jpg", bytes: jpeg(1) }]),
      ),
    ).toHaveProperty("redirect");
    const [first] = rowsOf(ownerKey);
    expect(onDisk(first!.storedName)).toBe(true);

    // Back to the step, a different photo chosen and the first one not kept.
    expect(
      await postStep(
        ctx(ownerKey, "plats"),
        form({ location: "Storgatan 1" }, [{ name: "second.jpg", bytes: jpeg(2) }]),
      ),
    ).toHaveProperty("redirect");
    const rows = rowsOf(ownerKey);
    expect(rows.map((r) => r.originalName)).toEqual(["second.jpg"]);
    expect(onDisk(first!.storedName)).toBe(false);
    const second = rows[0]!;
    expect(onDisk(second.storedName)).toBe(true);

    // A kept file stays.
    expect(
      await postStep(ctx(ownerKey, "plats"), form({ location: "Storgatan 1" }, [], [second.publicId])),
    ).toHaveProperty("redirect");
    expect(onDisk(second.storedName)).toBe(true);

    // "Ta bort" on the step.
    const removed = await postStep(
      ctx(ownerKey, "plats"),
      form({ _action: `removeFile:photos:${second.publicId}`, location: "Storgatan 1" }),
    );
    expect(removed).toMatchObject({ status: 200 });
    expect(rowsOf(ownerKey)).toEqual([]);
    expect(onDisk(second.storedName)).toBe(false);
  });
});

describe("encryption at rest", () => {
  afterEach(() => {
    delete process.env.DATA_ENCRYPTION_KEY;
    resetEnvForTests();
  });

  it("an uploaded file on disk holds no plaintext, and a download is byte-identical", () => {
    const ownerKey = newOwner();
    const bytes = jpeg(7);
    const stored = storeUpload({
      bytes,
      mime: "image/jpeg",
      originalName: "intyg.jpg",
      ownerKey,
      formId: "parkeringstillstand-rorelsehindrade",
      field: "medicalCertificate",
    });
    const row = rowsOf(ownerKey)[0]!;
    const raw = readFileSync(join(uploadsDir(), row.storedName));
    expect(raw.includes(Buffer.from(MARKER))).toBe(false);
    expect(raw.includes(Buffer.from("JFIF"))).toBe(false);
    expect(raw.subarray(0, FILE_MAGIC.length).equals(FILE_MAGIC)).toBe(true);
    expect((statSync(join(uploadsDir(), row.storedName)).mode & 0o777).toString(8)).toBe("600");
    const back = getUploadForOwner(stored.id, { browserKey: ownerKey })!;
    expect(Buffer.compare(back.bytes, Buffer.from(bytes))).toBe(0);
    expect(createHash("sha256").update(back.bytes).digest("hex")).toBe(row.sha256);
  });

  it("reads a plaintext file stored before encryption as it is", () => {
    const ownerKey = newOwner();
    const stored = storeUpload({
      bytes: jpeg(8),
      mime: "image/jpeg",
      originalName: "old.jpg",
      ownerKey,
      formId: "felanmalan-gata-park",
      field: "photos",
    });
    const row = rowsOf(ownerKey)[0]!;
    writeFileSync(join(uploadsDir(), row.storedName), jpeg(8));
    expect(Buffer.compare(getUploadForOwner(stored.id, { browserKey: ownerKey })!.bytes, Buffer.from(jpeg(8)))).toBe(0);
  });

  it("still decrypts after a new key is put first; new files use the new key; a removed key cannot read them", () => {
    const ownerKey = newOwner();
    const old = readFileSync(join(env().DATA_DIR, ".data-encryption-key"), "utf8").trim();
    const fresh = "2".repeat(64);
    const before = storeUpload({
      bytes: jpeg(9),
      mime: "image/jpeg",
      originalName: "a.jpg",
      ownerKey,
      formId: "felanmalan-gata-park",
      field: "photos",
    });
    process.env.DATA_ENCRYPTION_KEY = `${fresh},${old}`;
    resetEnvForTests();
    expect(Buffer.compare(getUploadForOwner(before.id, { browserKey: ownerKey })!.bytes, Buffer.from(jpeg(9)))).toBe(0);
    const after = storeUpload({
      bytes: jpeg(10),
      mime: "image/jpeg",
      originalName: "b.jpg",
      ownerKey,
      formId: "felanmalan-gata-park",
      field: "photos",
    });
    expect(Buffer.compare(getUploadForOwner(after.id, { browserKey: ownerKey })!.bytes, Buffer.from(jpeg(10)))).toBe(0);
    process.env.DATA_ENCRYPTION_KEY = old;
    resetEnvForTests();
    expect(() => getUploadForOwner(after.id, { browserKey: ownerKey })).toThrow(/no longer configured/);
    expect(Buffer.compare(getUploadForOwner(before.id, { browserKey: ownerKey })!.bytes, Buffer.from(jpeg(9)))).toBe(0);
  });

  it("refuses a stored file that was tampered with", () => {
    const ownerKey = newOwner();
    const stored = storeUpload({
      bytes: jpeg(11),
      mime: "image/jpeg",
      originalName: "a.jpg",
      ownerKey,
      formId: "felanmalan-gata-park",
      field: "photos",
    });
    const path = join(uploadsDir(), rowsOf(ownerKey)[0]!.storedName);
    const raw = readFileSync(path);
    raw[raw.length - 1] = raw[raw.length - 1]! ^ 1;
    writeFileSync(path, raw);
    expect(() => getUploadForOwner(stored.id, { browserKey: ownerKey })).toThrow();
  });
});

// ---- the hand-over: decrypted for the export, folder copies 0600 and deleted on acknowledgement

type Action = (args: ActionFunctionArgs) => Promise<Response>;
async function callback(reference: string, body: unknown) {
  const request = new Request(`http://portal.test/api/v1/integration/cases/${reference}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${TEST_INTEGRATION_SYSTEM.token}` },
    body: JSON.stringify(body),
  });
  const response = await (callbackRoute.action as Action)({
    request,
    params: { reference },
    context: { requestId: "t", clientIp: "127.0.0.1", cspNonce: "" },
  });
  return response.status;
}

let caseNo = 0;
function caseWithPhoto() {
  const ownerKey = newOwner();
  const stored = storeUpload({
    bytes: jpeg(20),
    mime: "image/jpeg",
    originalName: "lampa.jpg",
    ownerKey,
    formId: "felanmalan-gata-park",
    field: "photos",
  });
  return createCase({
    idempotencyKey: `files-at-rest-${++caseNo}-${Date.now()}-aaaaaaaa`,
    municipalityId: amal.id,
    administrationId: amal.adminId,
    formId: "felanmalan-gata-park",
    formVersion: 1,
    area: "allmant",
    sensitivity: "public",
    data: { category: "gatubelysning", location: "Storgatan 1", photos: [stored] },
    sensitiveData: null,
    applicantPersonId: null,
    applicantOrganisationId: null,
    submittedByPersonId: null,
    contactEmail: null,
    submitterKey: ownerKey,
    language: "sv",
    decisionDays: null,
    diarium: { subject: "Storgatan 1", partyKind: "none", partyName: null },
    attachments: { publicIds: [stored.id], ownerKey },
  });
}

describe("folder exports", () => {
  it("are written 0600 with the attachment decrypted, and deleted once the case system acknowledges the case", async () => {
    setExportBuilder((reference) => buildCaseExport(reference));
    const dir = env().CASE_OUTBOX_DIR;
    const c = caseWithPhoto();
    await deliverDueExports({ target: { kind: "folder", dir } });
    const json = join(dir, `${c.reference}.json`);
    const pdf = join(dir, `${c.reference}.pdf`);
    expect(existsSync(json) && existsSync(pdf)).toBe(true);
    expect((statSync(json).mode & 0o777).toString(8)).toBe("600");
    expect((statSync(pdf).mode & 0o777).toString(8)).toBe("600");
    const doc = JSON.parse(readFileSync(json, "utf8"));
    expect(Buffer.from(doc.attachments[0].contentBase64, "base64").equals(Buffer.from(jpeg(20)))).toBe(true);

    expect(await callback(c.reference, { status: "in_progress", externalId: `ack-${c.reference}` })).toBe(200);
    expect(existsSync(json)).toBe(false);
    expect(existsSync(pdf)).toBe(false);
  });

  it("nobody acknowledged: deleted after the retention, kept before it", async () => {
    const dir = env().CASE_OUTBOX_DIR;
    const c = caseWithPhoto();
    await deliverDueExports({ target: { kind: "folder", dir } });
    const json = join(dir, `${c.reference}.json`);
    const other = join(dir, "notes-from-the-case-system.txt");
    writeFileSync(other, "not ours");
    expect(purgeFolderExports({ now: new Date(Date.now() + 6 * DAY) })).toBe(0);
    expect(existsSync(json)).toBe(true);
    expect(purgeFolderExports({ now: new Date(Date.now() + 8 * DAY) })).toBeGreaterThanOrEqual(2);
    expect(existsSync(json)).toBe(false);
    expect(existsSync(other)).toBe(true);
  });

  it("a decision document on disk is encrypted and reads back as the PDF", async () => {
    const c = caseWithPhoto();
    await deliverDueExports({ target: { kind: "folder", dir: env().CASE_OUTBOX_DIR } });
    expect(
      await callback(c.reference, { status: "in_progress", decision: { outcome: "approved", text: "Lampan byts." } }),
    ).toBe(200);
    const path = join(env().DATA_DIR, "decisions", `${c.reference}-beslut.pdf`);
    const raw = readFileSync(path);
    expect(raw.subarray(0, 5).toString("latin1")).not.toBe("%PDF-");
    expect(raw.includes(Buffer.from("Lampan byts"))).toBe(false);
    expect((await decisionPdf(c.id))!.subarray(0, 5).toString()).toBe("%PDF-");
  });
});

// ---- the clean-up job -----------------------------------------------------------------------

describe("the scheduled clean-up", () => {
  it("is scheduled hourly by default, off in test (tests call it), and 0 turns it off", () => {
    expect(env().CLEANUP_INTERVAL_MINUTES).toBe(0);
    expect(loadEnv({ DATA_DIR: env().DATA_DIR, PORTAL_ENV: "demo" }).CLEANUP_INTERVAL_MINUTES).toBe(60);
    expect(cleanupJob.everyMs()).toBe(0);
    expect(cleanupJob.name).toBe("cleanup");
  });

  it("purges exactly the expired drafts, orphan uploads, ended sessions and old notifications, keeps the rest, and audits the run once", () => {
    const now = new Date(Date.now() + 3650 * DAY); // far enough that nothing else in this file is in the way
    const iso = (msBefore: number) => new Date(now.getTime() - msBefore).toISOString();
    const draftRow = (ownerKey: string, expiresAt: string) =>
      db()
        .insert(formDraft)
        .values({
          formId: "felanmalan-gata-park",
          formVersion: 1,
          ownerKey,
          personId: null,
          stepId: "plats",
          data: "x",
          createdAt: iso(40 * DAY),
          updatedAt: iso(40 * DAY),
          expiresAt,
        })
        .returning({ id: formDraft.id })
        .get().id;
    // Everything written so far by this file becomes "old": only what is made here may remain.
    runCleanup(now);
    db().delete(session).run();
    db().delete(notification).run();

    const expiredDraft = draftRow(newOwner(), iso(DAY));
    const liveOwner = newOwner();
    const liveDraft = draftRow(liveOwner, new Date(now.getTime() + DAY).toISOString());

    const upload = (ownerKey: string, age: number) => {
      const s = storeUpload({
        bytes: jpeg(30),
        mime: "image/jpeg",
        originalName: "x.jpg",
        ownerKey,
        formId: "felanmalan-gata-park",
        field: "photos",
      });
      db()
        .update(caseAttachment)
        .set({ createdAt: iso(age) })
        .where(eq(caseAttachment.publicId, s.id))
        .run();
      return db().select().from(caseAttachment).where(eq(caseAttachment.publicId, s.id)).get()!;
    };
    const orphan = upload(newOwner(), 31 * DAY);
    const withLiveDraft = upload(liveOwner, 31 * DAY);
    const recent = upload(newOwner(), 2 * DAY);
    const bound = upload(newOwner(), 400 * DAY);
    const someCase = db().select({ id: caseTable.id }).from(caseTable).get()!;
    db().update(caseAttachment).set({ caseId: someCase.id }).where(eq(caseAttachment.id, bound.id)).run();
    const tmpOld = join(uploadsDir(), ".tmp-crashed");
    writeFileSync(tmpOld, "half");
    utimesSync(tmpOld, new Date(now.getTime() - 2 * DAY), new Date(now.getTime() - 2 * DAY));

    const sessionRow = (
      idHash: string,
      v: { revokedAt?: string; expiresAt?: string; lastSeenAt?: string; idle?: number },
    ) =>
      db()
        .insert(session)
        .values({
          idHash,
          kind: "resident",
          createdAt: iso(DAY),
          lastSeenAt: v.lastSeenAt ?? iso(60_000),
          expiresAt: v.expiresAt ?? new Date(now.getTime() + 3_600_000).toISOString(),
          idleTimeoutSeconds: v.idle ?? 1800,
          revokedAt: v.revokedAt ?? null,
        })
        .run();
    sessionRow("s-revoked", { revokedAt: iso(60_000) });
    sessionRow("s-absolute", { expiresAt: iso(1000) });
    sessionRow("s-idle", { lastSeenAt: iso(31 * 60_000), idle: 1800 });
    sessionRow("s-live", {});

    const note = (readAt: string | null, age: number, emailStatus: EmailStatus = "off") =>
      db()
        .insert(notification)
        .values({ recipientHmac: "h", kind: "statusChanged", createdAt: iso(age), readAt, emailStatus })
        .returning({ id: notification.id })
        .get().id;
    const readOld = note(iso(DAY), 31 * DAY);
    const readRecent = note(iso(DAY), 29 * DAY);
    const unreadOld = note(null, 61 * DAY);
    const unreadMiddle = note(null, 45 * DAY);
    const pendingMail = note(null, 90 * DAY, "pending");

    const auditsBefore = db().select().from(auditEvent).where(eq(auditEvent.action, "retention.purged")).all().length;
    const counts = runCleanup(now);
    expect(counts).toEqual({ drafts: 1, uploads: 1, tempFiles: 1, sessions: 3, notifications: 2, folderExports: 0 });

    const drafts = db()
      .select({ id: formDraft.id })
      .from(formDraft)
      .where(inArray(formDraft.id, [expiredDraft, liveDraft]))
      .all()
      .map((r) => r.id);
    expect(drafts).toEqual([liveDraft]);
    const uploads = db()
      .select({ id: caseAttachment.id })
      .from(caseAttachment)
      .where(inArray(caseAttachment.id, [orphan.id, withLiveDraft.id, recent.id, bound.id]))
      .all()
      .map((r) => r.id);
    expect(uploads.sort()).toEqual([withLiveDraft.id, recent.id, bound.id].sort());
    expect(onDisk(orphan.storedName)).toBe(false);
    for (const kept of [withLiveDraft, recent, bound]) expect(onDisk(kept.storedName)).toBe(true);
    expect(existsSync(tmpOld)).toBe(false);
    expect(
      db()
        .select({ id: session.idHash })
        .from(session)
        .all()
        .map((r) => r.id),
    ).toEqual(["s-live"]);
    const notes = db()
      .select({ id: notification.id })
      .from(notification)
      .all()
      .map((r) => r.id);
    expect(notes.sort()).toEqual([readRecent, unreadMiddle, pendingMail].sort());
    expect(notes).not.toContain(readOld);
    expect(notes).not.toContain(unreadOld);

    const audits = db().select().from(auditEvent).where(eq(auditEvent.action, "retention.purged")).all();
    expect(audits.length).toBe(auditsBefore + 1);
    expect(audits.at(-1)!.details).toMatchObject({ drafts: 1, uploads: 1, sessions: 3, notifications: 2 });
    // A run with nothing to do writes no audit row.
    runCleanup(now);
    expect(db().select().from(auditEvent).where(eq(auditEvent.action, "retention.purged")).all().length).toBe(
      auditsBefore + 1,
    );
  });
});

// ---- backup and restore: encrypted files travel as they are and decrypt with the same key ------

describe("backup and restore", () => {
  it("copy uploads and decision documents encrypted, verify their checksums, and the restored files decrypt byte-identical", async () => {
    const { spawnSync } = await import("node:child_process");
    const { mkdtempSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { decryptFile } = await import("~/platform/crypto.server");
    const ownerKey = newOwner();
    storeUpload({
      bytes: jpeg(40),
      mime: "image/jpeg",
      originalName: "b.jpg",
      ownerKey,
      formId: "felanmalan-gata-park",
      field: "photos",
    });
    const row = rowsOf(ownerKey)[0]!;
    const decisions = readdirSync(join(env().DATA_DIR, "decisions"));
    expect(decisions.length).toBeGreaterThan(0);
    const out = join(mkdtempSync(join(tmpdir(), "files-at-rest-backup-")), "b");
    const restored = mkdtempSync(join(tmpdir(), "files-at-rest-restored-"));
    const environment = { ...process.env, DATA_DIR: env().DATA_DIR, DATABASE_PATH: env().DATABASE_PATH };
    const backup = spawnSync(process.execPath, ["scripts/backup.mjs", out, "--include-secrets"], {
      env: environment,
      encoding: "utf8",
    });
    expect(backup.status, backup.stderr).toBe(0);
    const restore = spawnSync(process.execPath, ["scripts/restore.mjs", out, restored], { encoding: "utf8" });
    expect(restore.status, restore.stderr).toBe(0);
    const copied = readFileSync(join(restored, "uploads", row.storedName));
    expect(copied.includes(Buffer.from(MARKER))).toBe(false);
    expect(decryptFile(copied).equals(Buffer.from(jpeg(40)))).toBe(true);
    expect(
      decryptFile(readFileSync(join(restored, "decisions", decisions[0]!)))
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
  });
});

describe("a step's photo is written ahead of its row (decision 137)", () => {
  const input = (ownerKey: string, n: number) => ({
    bytes: jpeg(n),
    mime: "image/jpeg",
    originalName: `bild${n}.jpg`,
    ownerKey,
    formId: "felanmalan-gata-park",
    field: "photos",
  });
  const pendingOf = (storedName: string) => join(uploadsDir(), `.tmp-pending-${storedName}`);

  it("two photos in one step post are each on disk encrypted under their names, with a row and one upload.stored audit row, and no temporary file left", async () => {
    const ownerKey = newOwner();
    await draftAtPlats(ownerKey);
    const r = await postStep(
      ctx(ownerKey, "plats"),
      form(
        { location: "Storgatan 1" },
        [3, 4].map((n) => ({ name: `bild${n}.jpg`, bytes: jpeg(n) })),
      ),
    );
    expect(r).toMatchObject({ redirect: "/blanketter/felanmalan-gata-park/kontakt" });
    const rows = rowsOf(ownerKey);
    expect(rows.map((x) => x.originalName).sort()).toEqual(["bild3.jpg", "bild4.jpg"]);
    for (const row of rows) {
      const bytes = readFileSync(join(uploadsDir(), row.storedName));
      expect(bytes.subarray(0, FILE_MAGIC.length).equals(FILE_MAGIC)).toBe(true);
      expect(bytes.includes(Buffer.from(MARKER))).toBe(false);
      expect(
        db()
          .select()
          .from(auditEvent)
          .where(and(eq(auditEvent.action, "upload.stored"), eq(auditEvent.subjectId, row.publicId)))
          .all(),
      ).toHaveLength(1);
    }
    expect(
      readdirSync(uploadsDir()).filter((n) => n.startsWith(".tmp-") && rows.some((x) => n.endsWith(x.storedName))),
    ).toEqual([]);
  });

  it("a kill between the row's commit and the rename: the row's file is read from its pending name, and start-up publishes it", async () => {
    const ownerKey = newOwner();
    const storedName = await writeUploadFile(jpeg(7));
    // Durable before any row names it, under a name the durability check and the clean-up treat as temporary.
    expect(existsSync(pendingOf(storedName))).toBe(true);
    expect(onDisk(storedName)).toBe(false);
    const stored = recordUpload(input(ownerKey, 7), storedName);
    // Here the process dies: no publishUploadFile.
    expect(readStoredFileBytes(uploadsDir(), storedName)).toEqual(Buffer.from(jpeg(7)));
    expect(finishPendingUploads()).toBeGreaterThanOrEqual(1);
    expect(onDisk(storedName)).toBe(true);
    expect(existsSync(pendingOf(storedName))).toBe(false);
    expect(getUploadForOwner(stored.id, { browserKey: ownerKey })?.bytes).toEqual(Buffer.from(jpeg(7)));
    // The writer's own rename after another process published it is no error.
    expect(() => publishUploadFile(storedName)).not.toThrow();
    expect(onDisk(storedName)).toBe(true);
  });

  it("a kill before the row's commit leaves only a temporary file: never published, removed by the clean-up after a day; a committed one the clean-up publishes instead", async () => {
    const orphan = await writeUploadFile(jpeg(8));
    const committed = await writeUploadFile(jpeg(9));
    recordUpload(input(newOwner(), 9), committed);
    // Published at start-up: the committed one only.
    finishPendingUploads();
    expect(existsSync(pendingOf(orphan))).toBe(true);
    expect(onDisk(orphan)).toBe(false);
    expect(onDisk(committed)).toBe(true);
    // Another kill between commit and rename, then a day passes without a start-up.
    const late = await writeUploadFile(jpeg(10));
    recordUpload(input(newOwner(), 10), late);
    const counts = runCleanup(new Date(Date.now() + 2 * DAY));
    expect(counts.tempFiles).toBeGreaterThanOrEqual(1);
    expect(existsSync(pendingOf(orphan))).toBe(false);
    expect(onDisk(orphan)).toBe(false);
    expect(onDisk(late)).toBe(true);
    expect(existsSync(pendingOf(late))).toBe(false);
  });

  it("a dropped upload (its post refused) leaves no file, and a stored name is never written twice", async () => {
    const storedName = await writeUploadFile(jpeg(11));
    dropUploadFile(storedName);
    expect(existsSync(pendingOf(storedName))).toBe(false);
    expect(() => dropUploadFile(storedName)).not.toThrow();
    const taken = await writeUploadFile(jpeg(12));
    recordUpload(input(newOwner(), 12), taken);
    publishUploadFile(taken);
    await expect(writePendingFile(uploadsDir(), taken, jpeg(13))).rejects.toThrow(/exists/);
  });
});

describe("a step post's photo rows and working copy commit together (decision 161)", () => {
  it("the working copy names the photo in the commit that records it: a refused save of the working copy leaves no row, no audit row and no file", async () => {
    const ownerKey = newOwner();
    await draftAtPlats(ownerKey);
    const before = new Set(readdirSync(uploadsDir()));
    const audits = () => db().select().from(auditEvent).where(eq(auditEvent.action, "upload.stored")).all().length;
    const auditsBefore = audits();
    // The working copy's save fails inside the post (a disk error, a constraint): RAISE(ABORT) on its update.
    db().$client.exec(
      `CREATE TEMP TRIGGER refuse_working_copy BEFORE UPDATE ON form_draft WHEN NEW.owner_key = '${ownerKey}' BEGIN SELECT RAISE(ABORT, 'working copy refused'); END`,
    );
    try {
      await expect(
        postStep(ctx(ownerKey, "plats"), form({ location: "Storgatan 1" }, [{ name: "bild.jpg", bytes: jpeg(11) }])),
      ).rejects.toThrow("working copy refused");
    } finally {
      db().$client.exec("DROP TRIGGER refuse_working_copy");
    }
    // On main the rows had committed on their own and the file had its name: rows without a working copy naming them.
    expect(rowsOf(ownerKey)).toEqual([]);
    expect(audits()).toBe(auditsBefore);
    expect(readdirSync(uploadsDir()).filter((n) => !before.has(n))).toEqual([]);
    expect(db().$client.inTransaction).toBe(false);

    // The same post without the failure: the row, its published file and the working copy that names it.
    const r = await postStep(
      ctx(ownerKey, "plats"),
      form({ location: "Storgatan 1" }, [{ name: "bild.jpg", bytes: jpeg(12) }]),
    );
    expect(r).toMatchObject({ redirect: "/blanketter/felanmalan-gata-park/kontakt" });
    const [row] = rowsOf(ownerKey);
    expect(onDisk(row!.storedName)).toBe(true);
    expect(existsSync(join(uploadsDir(), `.tmp-pending-${row!.storedName}`))).toBe(false);
    const draft = getWorkingDraft({ ownerKey, formId: def.id })!;
    expect(draft.stepId).toBe("kontakt");
    expect((draft.answers.photos as { id: string }[]).map((p) => p.id)).toEqual([row!.publicId]);
    expect(audits()).toBe(auditsBefore + 1);
  });
});
