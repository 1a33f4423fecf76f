import { unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";
import { MAX_DRAWING_BYTES } from "./permit-uploads.server";

export interface UploadedPart {
  field: string;
  name: string;
  bytes: Uint8Array;
}

/**
 * Reads a multipart post with files held in memory (each at most MAX_DRAWING_BYTES; the server
 * already caps the whole body). A too-large part or a malformed body is the sender's error (400).
 */
export async function readMultipart(request: Request): Promise<{ ok: true; form: FormData; files: UploadedPart[] } | { ok: false; error: "tooLarge" | "malformed" }> {
  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_DRAWING_BYTES }));
  } catch (e) {
    const name = (e as Error)?.name ?? "";
    return { ok: false, error: name.includes("MaxPartSize") || /exceed/i.test(String((e as Error)?.message)) ? "tooLarge" : "malformed" };
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

/** A url-encoded or multipart form body; anything else is the sender's error (400, never 500). */
export async function readForm(request: Request): Promise<FormData> {
  try {
    return await request.formData();
  } catch {
    throw new Response("Bad form body", { status: 400 });
  }
}
