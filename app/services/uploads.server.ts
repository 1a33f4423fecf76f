import { createHash, randomBytes } from "node:crypto";
import { and, eq, gte, inArray, isNull, sql } from "drizzle-orm";
import { caseAttachment, caseTable, messageAttachment } from "../../db/schema/index";
import { placeholderValues, prepared } from "~/db-prepared.server";
import { db } from "~/db.server";
import { env } from "~/env.server";
import {
  dataSubdir,
  dataSubdirPath,
  pendingFileNames,
  publishPendingFile,
  readStoredFileBytes,
  removePendingFile,
  removeStoredFile,
  writePendingFile,
  writePendingFileSync,
} from "./file-store.server";
import { submitterMaySee } from "./cases.server";
import { personOwnerKey, type SubmitterViewer } from "./eservice-session.server";
import { securityEvent } from "~/monitoring/security-events.server";
import { audit } from "~/platform/audit.server";
import { randomPooled } from "~/platform/random.server";
import { scanBytes } from "./virus-scan.server";

// file-type is loaded at the first upload, not at start (decision 127).
const fileType = () => import("file-type");

/**
 * Uploaded files (docs/decisions/015). The original name is kept only as text to show;
 * on disk a file is `DATA_DIR/uploads/<32 random hex>`, encrypted (docs/decisions/043), written
 * under its pending name, fsynced with its directory, then the row inserted and only after its
 * commit the file renamed to its name (decisions 137, 150) — so a row never points at a
 * half-written file and a named file always has its row. The type is decided from the content, not from
 * the browser's claim. Quotas per draft and per owner and day keep the disk from filling.
 */
export function uploadsDir(): string {
  return dataSubdir("uploads");
}

/** uploads/ without making it: a step photo's write makes it only when missing (decision 166). */
const uploadsPath = () => dataSubdirPath("uploads");

export interface UploadRules {
  maxBytes: number;
  accept: string[];
}

export type UploadCheck =
  | { ok: true; mime: string }
  | {
      ok: false;
      code: "file.empty" | "file.tooLarge" | "file.type" | "file.unrecognised" | "file.infected" | "file.scanFailed";
    };

function accepted(accept: string[], mime: string): boolean {
  return accept.some((a) => (a.endsWith("/*") ? mime.startsWith(a.slice(0, -1)) : a === mime));
}

/** What the bytes are, checked against the field's rules. Text has no magic number: it must be valid UTF-8 without NULs. */
export async function checkUpload(bytes: Uint8Array, rules: UploadRules): Promise<UploadCheck> {
  if (bytes.byteLength === 0) return { ok: false, code: "file.empty" };
  if (bytes.byteLength > rules.maxBytes) return { ok: false, code: "file.tooLarge" };
  const detected = await (await fileType()).fileTypeFromBuffer(bytes);
  let mime = detected?.mime as string | undefined;
  if (!mime && rules.accept.includes("text/plain") && looksLikeText(bytes)) mime = "text/plain";
  if (!mime) return { ok: false, code: "file.unrecognised" };
  if (!accepted(rules.accept, mime)) return { ok: false, code: "file.type" };
  // Malware scan last, on files the portal would otherwise store (docs/decisions/048).
  const scan = await scanUpload(bytes);
  if (!scan.ok) return scan;
  return { ok: true, mime };
}

/** clamd's verdict as an upload check; an infected file is audited and counted, a scanner failure refuses the file. */
export async function scanUpload(
  bytes: Uint8Array,
): Promise<{ ok: true } | { ok: false; code: "file.infected" | "file.scanFailed" }> {
  const result = await scanBytes(bytes);
  if (result.verdict === "infected") {
    securityEvent("upload_infected");
    audit({
      actor: null,
      action: "upload.infected",
      subjectType: "upload",
      details: {
        signature: result.signature,
        size: bytes.byteLength,
        sha256: createHash("sha256").update(bytes).digest("hex"),
      },
    });
    return { ok: false, code: "file.infected" };
  }
  if (result.verdict === "error") {
    audit({ actor: "system", action: "upload.scan_failed", subjectType: "upload", details: { reason: result.reason } });
    return { ok: false, code: "file.scanFailed" };
  }
  return { ok: true };
}

function looksLikeText(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Names are shown, never used as paths: strip directories, control characters and length. */
export function displayName(name: string): string {
  const base =
    name
      .split(/[\\/]/)
      .pop()
      // eslint-disable-next-line no-control-regex -- stripping control characters is the point
      ?.replace(/[\u0000-\u001f\u007f"<>]/g, "")
      .trim() ?? "";
  return (base || "fil").slice(0, 200);
}

export interface StoredUpload {
  id: string;
  name: string;
  size: number;
  type: string;
}

export interface UploadToStore {
  bytes: Uint8Array;
  mime: string;
  originalName: string;
  ownerKey: string;
  formId: string;
  field: string;
}

/** Writes the bytes (encrypted, fsynced: file-store.server.ts) and records them as belonging to `ownerKey` (not yet to a case). */
export function storeUpload(input: UploadToStore): StoredUpload {
  const dir = uploadsDir();
  const storedName = randomBytes(16).toString("hex");
  // File before row (decisions 137, 150): durable under its pending name, then the row, then its name.
  writePendingFileSync(dir, storedName, input.bytes);
  let stored: StoredUpload;
  try {
    stored = recordUpload(input, storedName);
  } catch (error) {
    removePendingFile(dir, storedName);
    throw error;
  }
  publishPendingFile(dir, storedName);
  return stored;
}

/**
 * The file half of an upload written ahead of its row, off the event loop (decision 137):
 * resolves with its stored name once the file is durable under its pending name. The caller
 * then records its row (recordUpload) and publishes it (publishUploadFile), or drops it
 * (dropUploadFile).
 */
export async function writeUploadFile(bytes: Uint8Array): Promise<string> {
  const storedName = randomPooled(16).toString("hex");
  await writePendingFile(uploadsPath(), storedName, bytes, { randomName: true });
  return storedName;
}

/** The pending file of a recorded upload under its name (after its row's commit). */
export function publishUploadFile(storedName: string): void {
  publishPendingFile(uploadsPath(), storedName);
}

/** The pending file of an upload whose row was never written. */
export function dropUploadFile(storedName: string): void {
  removePendingFile(uploadsPath(), storedName);
}

/** The row of an upload whose file is already durable (under its name or pending). */
// The upload row's insert, prepared once per connection (decision 141); created_at keeps its SQL default.
const UPLOAD_COLUMNS = [
  "publicId",
  "ownerKey",
  "formId",
  "field",
  "originalName",
  "storedName",
  "size",
  "mime",
  "sha256",
] as const;

export function recordUpload(input: UploadToStore, storedName: string): StoredUpload {
  const publicId = randomPooled(16).toString("base64url");
  const name = displayName(input.originalName);
  prepared("uploads.record", (d) => d.insert(caseAttachment).values(placeholderValues(UPLOAD_COLUMNS)).prepare()).run({
    publicId,
    ownerKey: input.ownerKey,
    formId: input.formId,
    field: input.field,
    originalName: name,
    storedName,
    size: input.bytes.byteLength,
    mime: input.mime,
    sha256: createHash("sha256").update(input.bytes).digest("hex"),
  });
  return { id: publicId, name, size: input.bytes.byteLength, type: input.mime };
}

/**
 * Publishes every pending upload whose row has committed (decision 137): a process killed
 * between a row's commit and its file's rename leaves the file under its pending name. Run at
 * start-up before anything listens, and by the clean-up job before it removes old temporary
 * files, so a committed row's file is never removed. Never deletes: a pending file without a
 * row is a post that was never answered, and the clean-up removes it after a day like any
 * temporary file. Returns how many it published.
 */
export function finishPendingUploads(): number {
  const dir = uploadsDir();
  let published = 0;
  for (const storedName of pendingFileNames(dir)) {
    // A form upload's or drawing's row, or a message attachment's (decision 150).
    const row =
      db()
        .select({ id: caseAttachment.id })
        .from(caseAttachment)
        .where(eq(caseAttachment.storedName, storedName))
        .get() ??
      db()
        .select({ id: messageAttachment.id })
        .from(messageAttachment)
        .where(eq(messageAttachment.storedName, storedName))
        .get();
    if (!row) continue;
    publishPendingFile(dir, storedName);
    published++;
  }
  return published;
}

/**
 * A file for download, only to whoever may see it (decision 042): before submission its owner
 * (the logged-in person, or the anonymous browser that uploaded it); after submission whoever
 * may see the receipt. Staff access comes with the back office.
 */
export function getUploadForOwner(publicId: string, viewer: SubmitterViewer) {
  if (!/^[A-Za-z0-9_-]{1,100}$/.test(publicId)) return undefined;
  const ownerKey = "personId" in viewer ? personOwnerKey(viewer.personId, viewer.actingFor ?? null) : viewer.browserKey;
  if (!ownerKey) return undefined;
  // Flat columns: drizzle turns a nested left-joined object into null when its first column is.
  const row = db()
    .select({
      a: caseAttachment,
      applicantPersonId: caseTable.applicantPersonId,
      submittedByPersonId: caseTable.submittedByPersonId,
      submitterKey: caseTable.submitterKey,
      createdAt: caseTable.createdAt,
    })
    .from(caseAttachment)
    .leftJoin(caseTable, eq(caseTable.id, caseAttachment.caseId))
    .where(eq(caseAttachment.publicId, publicId))
    .get();
  if (!row) return undefined;
  const { a, createdAt, ...c } = row;
  const mine =
    a.caseId === null ? a.ownerKey === ownerKey : createdAt !== null && submitterMaySee({ ...c, createdAt }, viewer);
  if (!mine) return undefined;
  const bytes = readStoredFileBytes(uploadsDir(), a.storedName);
  if (!bytes) return undefined;
  return { ...a, bytes };
}

// ---- Quotas and deletion (docs/decisions/043) ----------------------------------------

export type QuotaCode = "file.quotaDraftFiles" | "file.quotaDraftBytes" | "file.quotaDay";

export interface QuotaLimits {
  draftFiles: number;
  draftBytes: number;
  dayFiles: number;
  dayBytes: number;
}

export function uploadLimits(): QuotaLimits {
  const e = env();
  return {
    draftFiles: e.UPLOAD_MAX_FILES_PER_DRAFT,
    draftBytes: e.UPLOAD_MAX_MB_PER_DRAFT * 1_000_000,
    dayFiles: e.UPLOAD_MAX_FILES_PER_DAY,
    dayBytes: e.UPLOAD_MAX_MB_PER_DAY * 1_000_000,
  };
}

// Asked on every post with a new file (decision 129): built and compiled once per connection.
const quotaStatements = () =>
  prepared("uploads.quota", (d) => ({
    pending: d
      .select({ publicId: caseAttachment.publicId, size: caseAttachment.size })
      .from(caseAttachment)
      .where(
        and(
          eq(caseAttachment.ownerKey, sql.placeholder("ownerKey")),
          eq(caseAttachment.formId, sql.placeholder("formId")),
          isNull(caseAttachment.caseId),
        ),
      )
      .prepare(),
    day: d
      .select({ n: sql<number>`count(*)`, bytes: sql<number>`coalesce(sum(${caseAttachment.size}), 0)` })
      .from(caseAttachment)
      .where(
        and(
          eq(caseAttachment.ownerKey, sql.placeholder("ownerKey")),
          gte(caseAttachment.createdAt, sql.placeholder("since")),
        ),
      )
      .prepare(),
  }));

/**
 * Whether `incoming` new files (their sizes) fit the owner's quotas: per draft (files not yet
 * bound to a case for this form, minus those this post replaces) and per owner over the last
 * 24 hours (every file stored under the owner key, bound or not). Null when they fit.
 */
export function checkUploadQuota(input: {
  ownerKey: string;
  formId: string | null;
  incoming: number[];
  replacing?: string[];
  now?: Date;
  limits?: QuotaLimits;
}): { code: QuotaCode; max: number } | null {
  if (input.incoming.length === 0) return null;
  const limits = input.limits ?? uploadLimits();
  const newBytes = input.incoming.reduce((a, b) => a + b, 0);
  if (input.formId !== null) {
    const pending = quotaStatements()
      .pending.all({ ownerKey: input.ownerKey, formId: input.formId })
      .filter((r) => !(input.replacing ?? []).includes(r.publicId));
    if (pending.length + input.incoming.length > limits.draftFiles)
      return { code: "file.quotaDraftFiles", max: limits.draftFiles };
    if (pending.reduce((a, r) => a + r.size, 0) + newBytes > limits.draftBytes)
      return { code: "file.quotaDraftBytes", max: limits.draftBytes };
  }
  const since = new Date((input.now ?? new Date()).getTime() - 86_400_000).toISOString();
  const day = quotaStatements().day.get({ ownerKey: input.ownerKey, since }) ?? { n: 0, bytes: 0 };
  if (day.n + input.incoming.length > limits.dayFiles || day.bytes + newBytes > limits.dayBytes)
    return { code: "file.quotaDay", max: limits.dayFiles };
  return null;
}

/**
 * Deletes uploads that were replaced or removed before submission: the row, then the file.
 * Only the owner's own files that no case holds. Returns how many were deleted.
 */
export function discardUploads(input: { ownerKey: string; publicIds: string[] }): number {
  const ids = input.publicIds.filter((id) => /^[A-Za-z0-9_-]{1,100}$/.test(id)).slice(0, 200);
  if (ids.length === 0) return 0;
  const rows = db()
    .delete(caseAttachment)
    .where(
      and(
        inArray(caseAttachment.publicId, ids),
        eq(caseAttachment.ownerKey, input.ownerKey),
        isNull(caseAttachment.caseId),
      ),
    )
    .returning({ storedName: caseAttachment.storedName })
    .all();
  for (const r of rows) removeStoredFile(uploadsDir(), r.storedName);
  return rows.length;
}
