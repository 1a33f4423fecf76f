/**
 * Drawings for building permits: type checked from the content (never the name or the
 * browser's claim), size-limited, stored under DATA_DIR/uploads with a random name and served
 * only as attachments. Stand-in for the form engine's upload service (feat/forms); at merge
 * this delegates to it.
 */
import { createHash, randomBytes } from "node:crypto";
import {
  dataSubdir,
  publishPendingFile,
  readStoredFileBytes,
  removePendingFile,
  writePendingFile,
  writePendingFileSync,
} from "./file-store.server";
import { scanUpload } from "./uploads.server";

export const MAX_DRAWING_BYTES = 10 * 1024 * 1024;

export type SniffedType = "application/pdf" | "image/png" | "image/jpeg";

/** PDF, PNG or JPEG by magic bytes; anything else is refused. */
export function sniffDrawing(bytes: Uint8Array): SniffedType | null {
  const starts = (sig: number[], at = 0) => sig.every((b, i) => bytes[at + i] === b);
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return "application/pdf"; // %PDF-
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (starts([0xff, 0xd8, 0xff])) return "image/jpeg";
  return null;
}

export type UploadCheck = { ok: true; mime: SniffedType } | { ok: false; error: "empty" | "tooLarge" | "type" };

export function checkDrawing(bytes: Uint8Array): UploadCheck {
  if (bytes.length === 0) return { ok: false, error: "empty" };
  if (bytes.length > MAX_DRAWING_BYTES) return { ok: false, error: "tooLarge" };
  const mime = sniffDrawing(bytes);
  return mime ? { ok: true, mime } : { ok: false, error: "type" };
}

/**
 * Malware scan of drawings before anything is stored (ASVS 12.4.2, decision 048): the same clamd
 * check as other uploads, asynchronous, so it runs in the action before the synchronous store.
 */
export async function scanDrawings(
  files: { field: string; bytes: Uint8Array }[],
): Promise<{ field: string; code: "infected" | "scanFailed" }[]> {
  const refused: { field: string; code: "infected" | "scanFailed" }[] = [];
  for (const f of files) {
    if (f.bytes.length === 0) continue;
    const scan = await scanUpload(f.bytes);
    if (!scan.ok) refused.push({ field: f.field, code: scan.code === "file.infected" ? "infected" : "scanFailed" });
  }
  return refused;
}

export interface StoredDrawing {
  storedName: string;
  sha256: string;
  size: number;
}

function drawingName(mime: SniffedType): string {
  const ext = mime === "application/pdf" ? "pdf" : mime === "image/png" ? "png" : "jpg";
  return `${randomBytes(16).toString("hex")}.${ext}`;
}

/**
 * Writes a drawing ahead of its row (decisions 137, 150): encrypted and fsynced (015, 043) under
 * its pending name, on the event loop. Whoever records its row publishes it after the commit
 * (`publishDrawing`); until then readers find the pending file.
 */
export function storeFile(bytes: Uint8Array, mime: SniffedType): StoredDrawing {
  const storedName = drawingName(mime);
  writePendingFileSync(dataSubdir("uploads"), storedName, bytes);
  return storedDrawing(storedName, bytes);
}

/** As storeFile, with the file and directory fsyncs on libuv's threads (a request's drawings). */
export async function writeDrawingFile(bytes: Uint8Array, mime: SniffedType): Promise<StoredDrawing> {
  const storedName = drawingName(mime);
  await writePendingFile(dataSubdir("uploads"), storedName, bytes);
  return storedDrawing(storedName, bytes);
}

function storedDrawing(storedName: string, bytes: Uint8Array): StoredDrawing {
  return { storedName, sha256: createHash("sha256").update(bytes).digest("hex"), size: bytes.length };
}

/** A drawing's pending file under its name, once its row has committed. */
export function publishDrawing(storedName: string): void {
  publishPendingFile(dataSubdir("uploads"), storedName);
}

/** A drawing's pending file whose row was never committed. */
export function dropDrawing(storedName: string): void {
  removePendingFile(dataSubdir("uploads"), storedName);
}

/**
 * A stored upload by its name: the permit drawings' (hex + extension) or the form service's
 * (hex only, app/services/uploads.server.ts). Both live in DATA_DIR/uploads; case attachments of
 * either kind are opened through here (the officer's attachment links answered 404 for every
 * form upload until the access-control drill opened one, docs/decisions/037).
 */
export function readStoredFile(storedName: string): Buffer | null {
  if (!/^[a-f0-9]{32}(\.(pdf|png|jpg))?$/.test(storedName)) return null;
  return readStoredFileBytes(dataSubdir("uploads"), storedName);
}

/** A file response that never renders in the portal's origin as a page. */
export function fileResponse(bytes: Uint8Array, mime: string, filename: string, inline: boolean): Response {
  const safe = filename.replace(/[^\p{L}\p{N}._ -]/gu, "_").slice(0, 120) || "fil";
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": mime,
      "Content-Disposition": `${inline ? "inline" : "attachment"}; filename="${safe.replace(/[^\x20-\x7e]|"/g, "_")}"; filename*=UTF-8''${encodeURIComponent(safe)}`,
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
      "Cache-Control": "private, no-store",
    },
  });
}
