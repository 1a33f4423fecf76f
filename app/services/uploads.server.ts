import { createHash, randomBytes } from "node:crypto";
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from "node:fs";
import { join } from "node:path";
import { and, eq, isNull } from "drizzle-orm";
import { fileTypeFromBuffer } from "file-type";
import { caseAttachment, caseTable } from "../../db/schema/index";
import { db } from "~/db.server";
import { env } from "~/env.server";
import { submitterMaySee } from "./cases.server";
import { personOwnerKey, type SubmitterViewer } from "./eservice-session.server";

/**
 * Uploaded files (docs/decisions/015). The original name is kept only as text to show;
 * on disk a file is `DATA_DIR/uploads/<32 random hex>`, written to a temporary file, fsynced,
 * renamed, the directory fsynced, and only then the row inserted — so a row never points at
 * a half-written file. The type is decided from the content, not from the browser's claim.
 */
export function uploadsDir(): string {
  const dir = join(env().DATA_DIR, "uploads");
  mkdirSync(dir, { recursive: true });
  return dir;
}

export interface UploadRules {
  maxBytes: number;
  accept: string[];
}

export type UploadCheck =
  | { ok: true; mime: string }
  | { ok: false; code: "file.empty" | "file.tooLarge" | "file.type" | "file.unrecognised" };

function accepted(accept: string[], mime: string): boolean {
  return accept.some((a) => (a.endsWith("/*") ? mime.startsWith(a.slice(0, -1)) : a === mime));
}

/** What the bytes are, checked against the field's rules. Text has no magic number: it must be valid UTF-8 without NULs. */
export async function checkUpload(bytes: Uint8Array, rules: UploadRules): Promise<UploadCheck> {
  if (bytes.byteLength === 0) return { ok: false, code: "file.empty" };
  if (bytes.byteLength > rules.maxBytes) return { ok: false, code: "file.tooLarge" };
  const detected = await fileTypeFromBuffer(bytes);
  let mime = detected?.mime as string | undefined;
  if (!mime && rules.accept.includes("text/plain") && looksLikeText(bytes)) mime = "text/plain";
  if (!mime) return { ok: false, code: "file.unrecognised" };
  if (!accepted(rules.accept, mime)) return { ok: false, code: "file.type" };
  return { ok: true, mime };
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
  // eslint-disable-next-line no-control-regex
  const base = name.split(/[\\/]/).pop()?.replace(/[\u0000-\u001f\u007f"<>]/g, "").trim() ?? "";
  return (base || "fil").slice(0, 200);
}

export interface StoredUpload {
  id: string;
  name: string;
  size: number;
  type: string;
}

/** Writes the bytes safely and records them as belonging to `ownerKey` (not yet to a case). */
export function storeUpload(input: { bytes: Uint8Array; mime: string; originalName: string; ownerKey: string; formId: string; field: string }): StoredUpload {
  const dir = uploadsDir();
  const storedName = randomBytes(16).toString("hex");
  const tmp = join(dir, `.tmp-${storedName}`);
  const fd = openSync(tmp, "wx", 0o600);
  try {
    let offset = 0;
    while (offset < input.bytes.byteLength) offset += writeSync(fd, input.bytes, offset);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, join(dir, storedName));
  const dirFd = openSync(dir, "r");
  try {
    fsyncSync(dirFd);
  } finally {
    closeSync(dirFd);
  }
  const publicId = randomBytes(16).toString("base64url");
  const name = displayName(input.originalName);
  try {
    db()
      .insert(caseAttachment)
      .values({
        publicId,
        ownerKey: input.ownerKey,
        formId: input.formId,
        field: input.field,
        originalName: name,
        storedName,
        size: input.bytes.byteLength,
        mime: input.mime,
        sha256: createHash("sha256").update(input.bytes).digest("hex"),
      })
      .run();
  } catch (error) {
    unlinkSync(join(dir, storedName));
    throw error;
  }
  return { id: publicId, name, size: input.bytes.byteLength, type: input.mime };
}

/**
 * A file for download, only to whoever may see it (decision 042): before submission its owner
 * (the logged-in person, or the anonymous browser that uploaded it); after submission whoever
 * may see the receipt. Staff access comes with the back office.
 */
export function getUploadForOwner(publicId: string, viewer: SubmitterViewer) {
  if (!/^[A-Za-z0-9_-]{1,100}$/.test(publicId)) return undefined;
  const ownerKey = "personId" in viewer ? personOwnerKey(viewer.personId) : viewer.browserKey;
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
  const mine = a.caseId === null ? a.ownerKey === ownerKey : createdAt !== null && submitterMaySee({ ...c, createdAt }, viewer);
  if (!mine) return undefined;
  return { ...row.a, bytes: readFileSync(join(uploadsDir(), row.a.storedName)) };
}

/** Uploads not yet bound to a case, for one owner and form (to validate kept ids). */
export function pendingUploads(ownerKey: string, formId: string) {
  return db()
    .select()
    .from(caseAttachment)
    .where(and(eq(caseAttachment.ownerKey, ownerKey), eq(caseAttachment.formId, formId), isNull(caseAttachment.caseId)))
    .all();
}
