import { MaxPartSizeExceededError } from "@remix-run/node";
import type { RequestHead } from "~/utils/request-head";
import { MAX_TEXT_PART_BYTES, parseMultipart, partLimits, readPost } from "~/utils/multipart.server";
import { MAX_DRAWING_BYTES } from "./permit-uploads.server";

export interface UploadedPart {
  field: string;
  name: string;
  bytes: Uint8Array;
}

/**
 * Reads a multipart post with files held in memory (each at most MAX_DRAWING_BYTES, text parts
 * at most MAX_TEXT_PART_BYTES; the server already caps the whole body). A too-large part or a
 * malformed body is the sender's error (400).
 */
export async function readMultipart(
  request: Request,
): Promise<{ ok: true; form: FormData; files: UploadedPart[] } | { ok: false; error: "tooLarge" | "malformed" }> {
  let form: FormData;
  try {
    const contentType = request.headers.get("Content-Type") ?? "";
    form = await parseMultipart(await request.arrayBuffer(), contentType, partLimits(MAX_DRAWING_BYTES));
  } catch (e) {
    return { ok: false, error: e instanceof MaxPartSizeExceededError ? "tooLarge" : "malformed" };
  }
  const files: UploadedPart[] = [];
  for (const [field, value] of form.entries()) {
    if (typeof value === "object" && value !== null && "arrayBuffer" in value) {
      const file = value as File;
      if (file.size === 0 && !file.name) continue;
      files.push({ field, name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
    }
  }
  return { ok: true, form, files };
}

/**
 * A url-encoded or multipart form body of text (decision 040: at most MAX_URLENCODED_BYTES, or
 * MAX_TEXT_PART_BYTES per part, 413 above); anything else is the sender's error (400, never 500).
 */
export async function readForm(request: RequestHead): Promise<FormData> {
  const body = await readPost(request, MAX_TEXT_PART_BYTES);
  if (body.ok) return body.formData;
  if (body.status === 413) throw new Response("Payload Too Large", { status: 413 });
  throw new Response("Bad form body", { status: 400 });
}
