import { MaxPartSizeExceededError, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";

export type PostBody =
  | { ok: true; formData: FormData }
  | { ok: false; status: 400 | 413 | 415; field: string | null; code: "tooLarge" | "malformed" | "unsupported"; maxBytes?: number };

/**
 * Reads a form post, multipart or urlencoded, with every part limited to `maxPartBytes`
 * (the largest file the step accepts; text parts get the same bound). A part that is too
 * large, a body that cannot be parsed or an unexpected content type becomes a 4xx answer
 * the route turns into a field message — never a 500.
 */
export async function readPost(request: Request, maxPartBytes: number): Promise<PostBody> {
  const type = request.headers.get("Content-Type") ?? "";
  try {
    if (type.startsWith("multipart/form-data")) {
      // Read the whole body first (the server refuses bodies over MAX_BODY_BYTES before we get
      // here), so that a too-large part is answered after the upload ends: answering mid-upload
      // makes browsers report a reset connection instead of showing our message.
      const body = await request.arrayBuffer();
      const buffered = new Request(request.url, { method: "POST", headers: request.headers, body });
      const formData = await unstable_parseMultipartFormData(buffered, unstable_createMemoryUploadHandler({ maxPartSize: maxPartBytes }));
      return { ok: true, formData };
    }
    if (type.startsWith("application/x-www-form-urlencoded")) return { ok: true, formData: await request.formData() };
    return { ok: false, status: 415, field: null, code: "unsupported" };
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) {
      const field = (error as MaxPartSizeExceededError & { field?: string }).field ?? null;
      return { ok: false, status: 413, field, code: "tooLarge", maxBytes: maxPartBytes };
    }
    return { ok: false, status: 400, field: null, code: "malformed" };
  }
}
