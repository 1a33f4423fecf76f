import { MaxPartSizeExceededError } from "@remix-run/node";
import { requestHead, type RequestHead } from "~/utils/request-head";
import { MAX_URLENCODED_BYTES } from "../../forms/post-encoding";

export type PostBody =
  | { ok: true; formData: FormData }
  | {
      ok: false;
      status: 400 | 413 | 415;
      field: string | null;
      code: "tooLarge" | "malformed" | "unsupported";
      maxBytes?: number;
    };

/**
 * A url-encoded post carries text only, while the multipart limit is for files (MAX_BODY_BYTES,
 * 30 MB). Decision 040. A step's form is url-encoded only when its longest post stays under half
 * of this (`stepEncType`, decision 188).
 */
export { MAX_URLENCODED_BYTES };
/** A text part of a multipart post: the longest text area (10,000 characters, 4 bytes each) with room to spare. */
export const MAX_TEXT_PART_BYTES = 64 * 1024;

/** readBoundedText for a body already read whole. */
function boundedText(request: RequestHead, body: ArrayBuffer, maxBytes: number): string | null {
  const declared = Number(request.headers.get("Content-Length") ?? "0");
  if (declared > maxBytes || body.byteLength > maxBytes) return null;
  return Buffer.from(body).toString("utf8");
}

/**
 * A multipart body (already read whole: the server refuses bodies over MAX_BODY_BYTES) as form
 * data, parsed by the runtime's own parser (undici's, behind `Request.formData()`). Remix's
 * parser took ~0.65 s of event loop for 600 KB of text parts full of CRLFs and failed with a
 * stack overflow on a 3 MB file with 150,000 CRLF line endings (a PDF's cross-reference table
 * looks like that); this one does both in milliseconds (decision 136). A file part larger than
 * `maxFileBytes` or a text part larger than `maxTextBytes` is a MaxPartSizeExceededError naming
 * the field, as before; a file's name is its last path segment (some browsers send a path).
 */
export async function parseMultipart(
  body: ArrayBuffer,
  contentType: string,
  limits: { maxFileBytes: number; maxTextBytes: number },
): Promise<FormData> {
  // Only multipart: Request.formData() would read a url-encoded body too, which callers of a
  // multipart form never accepted.
  if (!contentType.toLowerCase().startsWith("multipart/form-data")) throw new TypeError("not a multipart body");
  // A Response parses as a Request does (undici's one body mixin) without making a Request's
  // AbortSignal, which was half of this function's time (decision 153).
  const parsed = await new Response(body, { headers: { "Content-Type": contentType } }).formData();
  // The limits first; the parsed form is answered as it is unless a file's name carries a path
  // (copying every part into a new FormData cost more than the parse, decision 153).
  let pathInName = false;
  for (const [name, value] of parsed) {
    if (typeof value === "string") {
      if (Buffer.byteLength(value) > limits.maxTextBytes) throw new MaxPartSizeExceededError(name, limits.maxTextBytes);
      continue;
    }
    if (value.size > limits.maxFileBytes) throw new MaxPartSizeExceededError(name, limits.maxFileBytes);
    if (lastPathSegment(value.name) !== value.name) pathInName = true;
  }
  if (!pathInName) return parsed;
  const form = new FormData();
  for (const [name, value] of parsed) {
    if (typeof value === "string") {
      form.append(name, value);
      continue;
    }
    const base = lastPathSegment(value.name);
    form.append(name, base === value.name ? value : new File([value], base, { type: value.type }));
  }
  return form;
}

/** "C:\\Users\\a\\ritning.pdf" and "dir/ritning.pdf" → "ritning.pdf" (no regular expression). */
function lastPathSegment(name: string): string {
  return name.slice(Math.max(name.lastIndexOf("/"), name.lastIndexOf("\\")) + 1);
}

/** File parts up to `maxFileBytes`, text parts up to MAX_TEXT_PART_BYTES (or `maxFileBytes` if smaller). */
export const partLimits = (maxFileBytes: number) => ({
  maxFileBytes,
  maxTextBytes: Math.min(maxFileBytes, MAX_TEXT_PART_BYTES),
});

/** The body as text, refused past `maxBytes` without reading further (a missing or false Content-Length included). */
async function readBoundedText(request: Request, maxBytes: number): Promise<string | null> {
  const declared = Number(request.headers.get("Content-Length") ?? "0");
  if (declared > maxBytes) return null;
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * Bodies the server in front of Express already read whole for a request it made (decision 152):
 * `readPost` takes the body from here instead of streaming it out of the Request again.
 */
const readAhead = new WeakMap<RequestHead, ArrayBuffer>();

/**
 * A post with its body already read: url and headers as given, the body kept for `readPost`. A
 * RequestHead, not a Request (decision 191): what handles it reads its URL and headers, and its body
 * only through `readPost`.
 */
export function requestWithReadBody(url: string, headers: Headers, body: ArrayBuffer): RequestHead {
  const request = requestHead(url, "POST", headers);
  readAhead.set(request, body);
  return request;
}

/** A Fetch Request (any realm's): one whose body can still be read. */
function hasBody(request: RequestHead | ArrayBuffer): request is Request {
  return typeof (request as Partial<Request>).arrayBuffer === "function";
}

/**
 * Reads a form post, multipart or urlencoded. File parts are limited to `maxPartBytes`
 * (the largest file the step accepts), text parts to MAX_TEXT_PART_BYTES and a url-encoded
 * body to MAX_URLENCODED_BYTES. A part or body that is too large, a body that cannot be
 * parsed or an unexpected content type becomes a 4xx answer the route turns into a field
 * message — never a 500.
 */
export async function readPost(request: RequestHead, maxPartBytes: number): Promise<PostBody> {
  const type = request.headers.get("Content-Type") ?? "";
  // The body read ahead, or the Request to read it from: a RequestHead comes with its body
  // (requestWithReadBody), only a Request can still be read.
  const source = readAhead.get(request) ?? (hasBody(request) ? request : undefined);
  if (!source) throw new Error("readPost: a post without its body");
  try {
    if (type.startsWith("multipart/form-data")) {
      // Read the whole body first (the server refuses bodies over MAX_BODY_BYTES before we get
      // here), so that a too-large part is answered after the upload ends: answering mid-upload
      // makes browsers report a reset connection instead of showing our message.
      const body = hasBody(source) ? await source.arrayBuffer() : source;
      const formData = await parseMultipart(body, type, partLimits(maxPartBytes));
      return { ok: true, formData };
    }
    if (type.startsWith("application/x-www-form-urlencoded")) {
      const text = hasBody(source)
        ? await readBoundedText(source, MAX_URLENCODED_BYTES)
        : boundedText(request, source, MAX_URLENCODED_BYTES);
      if (text === null)
        return { ok: false, status: 413, field: null, code: "tooLarge", maxBytes: MAX_URLENCODED_BYTES };
      const formData = new FormData();
      for (const [name, value] of new URLSearchParams(text)) formData.append(name, value);
      return { ok: true, formData };
    }
    return { ok: false, status: 415, field: null, code: "unsupported" };
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) {
      const field = (error as MaxPartSizeExceededError & { field?: string }).field ?? null;
      return {
        ok: false,
        status: 413,
        field,
        code: "tooLarge",
        maxBytes: (error as MaxPartSizeExceededError & { maxBytes?: number }).maxBytes ?? maxPartBytes,
      };
    }
    return { ok: false, status: 400, field: null, code: "malformed" };
  }
}
