/**
 * A form step's plain post answered in front of Express (docs/decisions/147).
 *
 * A step post (`POST /blanketter/<form>/<step>`, url-encoded or multipart, no query) went through
 * Express's chain and Remix's request handling before its action ran, and through Remix and
 * Express again to send the action's redirect: about a third of the post's CPU. Here the server's
 * own checks run in the server's order, on the same functions (compression, security headers,
 * the client address, the request context, the rate limit, no-store, the CSRF seed cookie), then
 * the step's action (`runStepPost`, the route's own), and a redirect is written as Remix and
 * Express would write it. Any other outcome (a page with messages, an error, a thrown response)
 * is handed to Express and Remix with the outcome already known: the route's action returns or
 * throws it instead of running again (`earlyStepPostOutcome`), so the page, its status and its
 * error handling are the live ones. Everything this does not certainly handle (another content
 * type, a body without a plain length or larger than LARGE_BODY_BYTES or the url-encoded limit, a
 * cross-origin post, a proxy's host or protocol header, a draining server) is left to Express,
 * which answers it as before; the checks here only ever decline, never answer differently.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { RequestHead } from "~/utils/request-head";
import { csrfCookieMiddleware } from "~/auth/csrf.server";
import { runSendPost } from "~/services/send-post.server";
import { runStepPost } from "~/services/step-post.server";
import { withRequestContext } from "~/utils/request-context.server";
import { MAX_URLENCODED_BYTES, requestWithReadBody } from "~/utils/multipart.server";
import { clientAddress } from "./client-address.server";
import { LARGE_BODY_BYTES, noStoreForPersonal, rateLimitsFor } from "./middleware.server";

type Req = IncomingMessage;
type Res = ServerResponse & { locals?: Record<string, unknown> };
type Middleware = (req: Req, res: Res, next: (err?: unknown) => void) => void;

/** What scripts/serve.mjs hands over: its own middleware and settings, and the Express app for the rest. */
interface StepPostServer {
  securityHeaders: (res: Res) => void;
  compress: Middleware;
  trustOneProxy: boolean;
  maxBodyBytes: number;
  app: (req: Req, res: Res) => void;
}

type Outcome<T = unknown> = { value: T } | { thrown: unknown };

/** The step route's own paths: `kontrollera` and `signera` are routes of their own. */
const STEP_POST_PATH = /^\/blanketter\/([a-z0-9-]{1,80})\/((?!kontrollera$|signera$)[A-Za-z0-9_-]{1,80})$/;
/** A Host header Express and the URL parser read alike: a name or IPv4 address and an optional port. */
const PLAIN_HOST = /^[A-Za-z0-9.-]{1,253}(:\d{1,5})?$/;
const DIGITS = /^\d{1,12}$/;

/** The check page's post, the send (decision 151): the kontrollera route's own path. */
const SEND_POST_PATH = /^\/blanketter\/([a-z0-9-]{1,80})\/kontrollera$/;

/** Set on a response whose request the server's checks have already passed in front of Express. */
export const CHECKED_IN_FRONT = "stepPostCheckedInFront";

/**
 * Whether a post is certainly a plain step post this module answers as Express would: the
 * checks of scripts/serve.mjs's chain that would refuse it are left to that chain (null).
 */
export function stepPostEligible(
  req: Req,
  maxBodyBytes: number,
  trustOneProxy: boolean,
): { id: string; step: string; length: number; host: string } | null {
  if (req.method !== "POST") return null;
  const match = STEP_POST_PATH.exec(req.url ?? "");
  if (!match) return null;
  const plain = plainPost(req, maxBodyBytes, trustOneProxy);
  return plain && { id: match[1]!, step: match[2]!, ...plain };
}

/** The same for the check page's post, the send (decision 151): `POST /blanketter/<form>/kontrollera`. */
export function sendPostEligible(
  req: Req,
  maxBodyBytes: number,
  trustOneProxy: boolean,
): { id: string; length: number; host: string } | null {
  if (req.method !== "POST") return null;
  const match = SEND_POST_PATH.exec(req.url ?? "");
  if (!match) return null;
  const plain = plainPost(req, maxBodyBytes, trustOneProxy);
  return plain && { id: match[1]!, ...plain };
}

/** The checks of a post's headers both paths share: null when Express might answer it otherwise. */
function plainPost(req: Req, maxBodyBytes: number, trustOneProxy: boolean): { length: number; host: string } | null {
  const h = req.headers;
  const type = String(h["content-type"] ?? "").toLowerCase();
  const urlencoded = type.startsWith("application/x-www-form-urlencoded");
  if (!urlencoded && !type.startsWith("multipart/form-data")) return null;
  const declared = h["content-length"];
  if (declared === undefined || h["transfer-encoding"] !== undefined || !DIGITS.test(declared)) return null;
  const length = Number(declared);
  if (length > maxBodyBytes || length > LARGE_BODY_BYTES || (urlencoded && length > MAX_URLENCODED_BYTES)) return null;
  // The host Express and Remix would build the request's URL from, without a proxy's say.
  const host = h.host;
  if (!host || !PLAIN_HOST.test(host) || h["x-forwarded-host"] !== undefined) return null;
  if (trustOneProxy && h["x-forwarded-proto"] !== undefined) return null;
  // The server's cross-origin refusal (and Remix's own origin check) would refuse it: Express answers.
  if (h["sec-fetch-site"] === "cross-site") return null;
  const origin = h.origin;
  if (origin !== undefined) {
    try {
      if (origin === "null" || new URL(origin).host !== host) return null;
    } catch {
      return null;
    }
  }
  return { length, host };
}

/**
 * Answers a plain step post in front of Express (true), or leaves it to Express (false). Once it
 * has taken a post it answers it, or hands it to Express with the checks done and the action's
 * outcome known (`CHECKED_IN_FRONT`, `earlyStepPost`).
 */
export function serveStepPost(req: Req, res: Res, server: StepPostServer): boolean {
  // Headers already set (a draining server's `Connection: close`): Express answers.
  if (res.getHeaderNames().length > 0) return false;
  const step = stepPostEligible(req, server.maxBodyBytes, server.trustOneProxy);
  const send = step ? null : sendPostEligible(req, server.maxBodyBytes, server.trustOneProxy);
  const eligible = step ?? send;
  if (!eligible) return false;
  const run = step
    ? (request: RequestHead) => runStepPost(request, { id: step.id, step: step.step })
    : (request: RequestHead) => runSendPost(request, { id: send!.id });
  // scripts/serve.mjs's order: compression, the security headers (request id, nonce), …
  server.compress(req, res, () => undefined);
  server.securityHeaders(res);
  res.locals![CHECKED_IN_FRONT] = true;
  // … the request context and the rate limit, keyed by the address Express gives as `req.ip`, …
  const ip = clientAddress(req, server.trustOneProxy);
  withRequestContext({ requestId: String(res.locals!.requestId ?? ""), ip: ip ?? "" }, () => {
    let allowed = false;
    rateLimitsFor(ip ?? "unknown", req, res, () => {
      allowed = true;
    });
    if (!allowed) return;
    // … no-store for anything personal and the CSRF seed cookie, then the action.
    noStoreForPersonal(req, res, () => undefined);
    csrfCookieMiddleware(req, res, () => undefined);
    act(req, res, server, eligible, run).catch((error: unknown) => {
      // Not one of the action's outcomes (those are kept): the body could not be read. Express
      // and Remix answer as they would have, on the request as it is.
      if (!res.headersSent) server.app(req, res);
      else res.destroy(error instanceof Error ? error : undefined);
    });
  });
  return true;
}

async function act(
  req: Req,
  res: Res,
  server: StepPostServer,
  e: { length: number; host: string },
  run: (request: RequestHead) => Promise<unknown>,
) {
  const body = await readBody(req, e.length);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.append(name, value);
  }
  const secure = (req.socket as { encrypted?: boolean }).encrypted === true;
  // The body goes to readPost as read, not through the Request's stream and out again (decision 152).
  const request = requestWithReadBody(
    `${secure ? "https" : "http"}://${e.host}${req.url}`,
    headers,
    body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer,
  );
  let outcome: Outcome;
  try {
    outcome = { value: await run(request) };
  } catch (thrown) {
    outcome = { thrown };
  }
  const response = "thrown" in outcome ? outcome.thrown : outcome.value;
  if (response instanceof Response && isPlainRedirect(response)) return sendRedirect(res, response);
  // Anything else is Remix's to answer (its page, its error handling), with this outcome.
  res.locals!.earlyStepPost = outcome;
  server.app(req, res);
}

function isPlainRedirect(response: Response): boolean {
  return (
    response.status >= 300 &&
    response.status < 400 &&
    response.headers.has("location") &&
    response.body === null &&
    !response.headers.has("content-type")
  );
}

/** As @remix-run/express's `sendRemixResponse` writes a redirect: status, each header appended (Express's `res.append`), an empty end. */
function sendRedirect(res: Res, response: Response) {
  res.statusMessage = response.statusText;
  res.statusCode = response.status;
  for (const [name, value] of response.headers.entries()) {
    const previous = res.getHeader(name);
    if (previous === undefined) res.setHeader(name, value);
    else res.setHeader(name, Array.isArray(previous) ? [...previous, value] : [String(previous), value]);
  }
  res.end();
}

/** The whole body (its length checked against Content-Length above; Node's parser never gives more). */
function readBody(req: Req, length: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= length) chunks.push(chunk);
    });
    req.once("end", () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
    req.once("error", reject);
    req.once("aborted", () => reject(new Error("request aborted")));
  });
}

/**
 * The step route's action for a request whose action already ran in front of Express: a function
 * that returns or throws its outcome, or undefined (the action runs as usual).
 */
export function earlyStepPostOutcome(context: unknown): (() => Awaited<ReturnType<typeof runStepPost>>) | undefined {
  return earlyOutcome<Awaited<ReturnType<typeof runStepPost>>>(context);
}

/** The same for the kontrollera route's action, the send (decision 151). */
export function earlySendPostOutcome(context: unknown): (() => Awaited<ReturnType<typeof runSendPost>>) | undefined {
  return earlyOutcome<Awaited<ReturnType<typeof runSendPost>>>(context);
}

function earlyOutcome<T>(context: unknown): (() => T) | undefined {
  const outcome = (context as { earlyStepPost?: Outcome<T> } | undefined)?.earlyStepPost;
  if (!outcome) return undefined;
  return () => {
    if ("thrown" in outcome) throw outcome.thrown;
    return outcome.value;
  };
}
