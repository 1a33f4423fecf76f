import { createHash, randomBytes } from "node:crypto";
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from "node:fs";
import { join } from "node:path";
import { and, eq, isNull, or } from "drizzle-orm";
import { fileTypeFromBuffer } from "file-type";
import { caseAttachment, caseTable } from "../../db/schema/index";
import { db } from "~/db.server";
import { env } from "~/env.server";
import { securityEvent } from "~/monitoring/security-events.server";
import { audit } from "./audit.server";
import { scanBytes } from "./virus-scan.server";

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
  | { ok: false; code: "file.empty" | "file.tooLarge" | "file.type" | "file.unrecognised" | "file.infected" | "file.scanFailed" };

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
  // Malware scan last, on files the portal would otherwise store (docs/decisions/048).
  const scan = await scanUpload(bytes);
  if (!scan.ok) return scan;
  return { ok: true, mime };
}

/** clamd's verdict as an upload check; an infected file is audited and counted, a scanner failure refuses the file. */
export async function scanUpload(bytes: Uint8Array): Promise<{ ok: true } | { ok: false; code: "file.infected" | "file.scanFailed" }> {
  const result = await scanBytes(bytes);
  if (result.verdict === "infected") {
    securityEvent("upload_infected");
    audit({ actor: null, action: "upload.infected", subjectType: "upload", details: { signature: result.signature, size: bytes.byteLength, sha256: createHash("sha256").update(bytes).digest("hex") } });
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
 * A file for download, only to whoever may see it: the browser/person that uploaded it
 * (before and after submission) — staff access comes with the back office.
 */
export function getUploadForOwner(publicId: string, ownerKey: string | null) {
  if (!ownerKey || !/^[A-Za-z0-9_-]{1,100}$/.test(publicId)) return undefined;
  const row = db()
    .select({ a: caseAttachment })
    .from(caseAttachment)
    .leftJoin(caseTable, eq(caseTable.id, caseAttachment.caseId))
    .where(and(eq(caseAttachment.publicId, publicId), or(eq(caseAttachment.ownerKey, ownerKey), eq(caseTable.submitterKey, ownerKey))))
    .get();
  if (!row) return undefined;
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
