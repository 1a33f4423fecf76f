/**
 * HTTP middleware that scripts/serve.mjs installs around the Remix handler. Lives in the app so
 * that it shares module state with the routes (the page cache that publish actions invalidate)
 * and is typechecked and unit-tested (docs/decisions/030, 031).
 */
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import {
  anonymousPageCache,
  hasPersonalCookie,
  invalidateAnonymousCache,
  isCacheable,
  setCookieNames,
  PREFERENCE_COOKIES,
  type CachedPage,
} from "~/services/page-cache.server";
import { env } from "~/env.server";
import { MAX_URLENCODED_BYTES } from "~/utils/multipart.server";
import { RateLimiter } from "~/platform/rate-limit.server";
import { securityEvent } from "~/monitoring/security-events.server";
import { freshNonce, type SecurityHeaderSet } from "./security-headers.server";

type Req = IncomingMessage & { ip?: string; originalUrl?: string };
type Res = ServerResponse & { locals?: Record<string, unknown> };
type Next = (err?: unknown) => void;

/**
 * Personal answers are never cached by browsers or proxies: a request with any cookie other
 * than the preference cookies (a session, a draft token) or a response that sets one gets
 * `Cache-Control: private, no-store`, whatever the route said.
 */
export function noStoreForPersonal(req: Req, res: Res, next: Next) {
  const personalRequest = hasPersonalCookie(req.headers.cookie) || Boolean(req.headers.authorization);
  const writeHead = res.writeHead;
  res.writeHead = function (this: Res, ...args: unknown[]) {
    const setsPersonal = setCookieNames(res.getHeader("set-cookie")).some(
      (n) => !(PREFERENCE_COOKIES as readonly string[]).includes(n),
    );
    if (personalRequest || setsPersonal) {
      res.setHeader("Cache-Control", "private, no-store");
      res.setHeader("Vary", "Cookie");
    }
    return (writeHead as (...a: unknown[]) => ServerResponse).apply(this, args);
  } as typeof res.writeHead;
  next();
}

/**
 * The cache entry for this request, if any: the key (null when the request must not use the
 * cache at all) and a fresh hit.
 */
function lookUp(req: Req): { key: string | null; hit: CachedPage | undefined } {
  if (env().PAGE_CACHE === "off") return { key: null, hit: undefined };
  const cache = anonymousPageCache();
  const key = cache.keyFor(
    req.method ?? "GET",
    req.originalUrl ?? req.url ?? "/",
    req.headers.cookie,
    req.headers.authorization,
  );
  return { key, hit: key ? cache.get(key) : undefined };
}

const acceptsGzip = (req: Req) => /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));

/**
 * Answers a cache hit: the stored headers, `X-Cache: hit`, gzip when the client accepts it
 * (compressed once per entry). The hit path behind Express's own security headers.
 */
function sendCachedPage(req: Req, res: Res, key: string, hit: CachedPage) {
  for (const [name, value] of hit.headers) res.setHeader(name, value);
  res.setHeader("X-Cache", "hit");
  res.setHeader("Vary", "Accept-Encoding");
  const gzip = acceptsGzip(req);
  const body = gzip ? anonymousPageCache().gzipOf(key, hit) : hit.body;
  if (gzip) res.setHeader("Content-Encoding", "gzip");
  res.setHeader("Content-Length", body.length);
  res.statusCode = hit.status;
  res.end(body);
}

/**
 * The whole header list of a hit on the fast path, made once per entry (and per encoding): what
 * `securityHeaders` followed by `sendCachedPage` would set, in the same order and with the same
 * precedence (a later `setHeader` of a name replaces the value in the earlier one's place), as a
 * flat `[name, value, …]` list for `writeHead`. Only the request id and the CSP change per answer:
 * `idSlot` and `cspSlot` are their value positions.
 */
function hitHeaderList(
  hit: CachedPage,
  set: SecurityHeaderSet,
  gzip: boolean,
): { list: string[]; idSlot: number; cspSlot: number } {
  const byName = new Map<string, [string, string | string[]]>();
  const put = (name: string, value: string | string[]) => byName.set(name.toLowerCase(), [name, value]);
  put("X-Request-Id", "");
  put("Content-Security-Policy", "");
  for (const [name, value] of set.fixed) put(name, value);
  for (const [name, value] of hit.headers) put(name, value);
  put("X-Cache", "hit");
  put("Vary", "Accept-Encoding");
  if (gzip) put("Content-Encoding", "gzip");
  put("Content-Length", String(gzip ? hit.gzip!.length : hit.body.length));
  const list: string[] = [];
  let idSlot = -1;
  let cspSlot = -1;
  for (const [key, [name, value]] of byName) {
    if (key === "x-request-id") idSlot = list.length + 1;
    if (key === "content-security-policy") cspSlot = list.length + 1;
    for (const v of Array.isArray(value) ? value : [value]) list.push(name, v);
  }
  return { list, idSlot, cspSlot };
}

/**
 * The fast path in front of Express: answers a cache hit straight from memory.
 * `securityHeaders` is the server's own header function, so a hit carries exactly the headers
 * (fresh request id and nonce) of any answer. With its header set at hand (app/http/security-headers.server.ts)
 * the hit is one `writeHead` of a list made once per entry, with a fresh request id and nonce in
 * their places (decision 113). Returns false when the request must go through the app.
 */
export function serveFromAnonymousPageCache(
  req: Req,
  res: Res,
  securityHeaders: ((res: Res) => void) & { set?: SecurityHeaderSet },
): boolean {
  if (req.method !== "GET" || env().PAGE_CACHE === "off") return false;
  const cache = anonymousPageCache();
  const key = cache.keyFor("GET", req.url ?? "/", req.headers.cookie, req.headers.authorization);
  const hit = key ? cache.get(key) : undefined;
  if (!key || !hit) return false;
  const set = securityHeaders.set;
  // Headers already set (a draining server's `Connection: close`): the general path keeps them.
  if (!set || res.getHeaderNames().length > 0) {
    securityHeaders(res);
    sendCachedPage(req, res, key, hit);
    return true;
  }
  const gzip = acceptsGzip(req);
  const body = gzip ? cache.gzipOf(key, hit) : hit.body;
  let wire = gzip ? hit.wireGzip : hit.wire;
  if (wire?.set !== set) {
    wire = { set, ...hitHeaderList(hit, set, gzip) };
    if (gzip) hit.wireGzip = wire;
    else hit.wire = wire;
  }
  // The entry's own list, its two slots overwritten: `writeHead` reads a list once, at the
  // call, and keeps nothing of it, and nothing else runs in between (decision 133: the copy per
  // hit was an allocation the floor does not make).
  const list = wire.list;
  list[wire.idSlot] = randomUUID();
  list[wire.cspSlot] = `${set.cspHead}${freshNonce()}${set.cspTail}`;
  res.writeHead(hit.status, list);
  res.end(body);
  return true;
}

/**
 * The admin pages whose successful POSTs change facts anonymous visitors see: municipalities and
 * administrations (decision 056; every page's header and footer name the municipalities, 071), units, taxa, maxtaxa and samverkan (057, 060). Editors' pages
 * empty the cache in their services already (decision 030); account, job, retention and
 * integration pages change nothing public and leave it.
 */
const PUBLIC_FACT_PAGES = ["/admin/kommuner", "/admin/enheter", "/admin/taxor", "/admin/maxtaxa", "/admin/samverkan"];

/**
 * A successful change on one of those pages empties the anonymous page cache, so no visitor
 * gets a cached page without it (the sweep's cache-hit comparison found the first).
 */
function emptyCacheAfterStaffChanges(req: Req, res: Res) {
  if (req.method === "GET" || req.method === "HEAD") return;
  const path = (req.originalUrl ?? req.url ?? "").split("?")[0] ?? "";
  if (!PUBLIC_FACT_PAGES.some((page) => path === page || path.startsWith(`${page}/`))) return;
  res.on("finish", () => {
    if (res.statusCode < 400) invalidateAnonymousCache();
  });
}

/**
 * Serves and fills the anonymous page cache (see app/services/page-cache.server.ts). Behind
 * Express's own security headers, so a hit here (a page stored since the fast path looked, or
 * a server without the fast path) is answered exactly as there.
 */
export function anonymousPageCacheMiddleware(req: Req, res: Res, next: Next) {
  emptyCacheAfterStaffChanges(req, res);
  const { key, hit } = lookUp(req);
  if (!key) return next();
  if (hit) return sendCachedPage(req, res, key, hit);
  const cache = anonymousPageCache();
  const generation = cache.currentGeneration();
  const nonce = String(res.locals?.cspNonce ?? "");
  const chunks: Buffer[] = [];
  let size = 0;
  let tooBig = false;
  const write = res.write.bind(res) as (...a: unknown[]) => boolean;
  const end = res.end.bind(res) as (...a: unknown[]) => ServerResponse;
  const collect = (chunk: unknown, encoding?: unknown) => {
    if (chunk === undefined || chunk === null || typeof chunk === "function" || tooBig) return;
    const buf = Buffer.isBuffer(chunk)
      ? chunk
      : Buffer.from(chunk as string, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8");
    size += buf.length;
    if (size > 4 * 1024 * 1024) tooBig = true;
    else chunks.push(buf);
  };
  res.setHeader("X-Cache", "miss");
  res.write = function (chunk: unknown, ...rest: unknown[]) {
    collect(chunk, rest[0]);
    return write(chunk, ...rest);
  } as typeof res.write;
  res.end = function (chunk?: unknown, ...rest: unknown[]) {
    collect(chunk, rest[0]);
    const result = end(chunk, ...rest);
    if (!tooBig) {
      const body = Buffer.concat(chunks);
      const headers = res.getHeaders();
      if (isCacheable(res.statusCode, headers, body, nonce)) {
        const keep: [string, string][] = [];
        for (const [name, value] of Object.entries(headers)) {
          // Per-response headers are made fresh for every answer by the server.
          if (
            /^(x-request-id|content-security-policy|x-cache|content-length|content-encoding|transfer-encoding|date|connection|keep-alive|vary)$/i.test(
              name,
            )
          )
            continue;
          if (Array.isArray(value)) for (const v of value) keep.push([name, v]);
          else if (value !== undefined) keep.push([name, String(value)]);
        }
        cache.set(key, { status: res.statusCode, headers: mergeHeaders(keep), body }, generation);
      }
    }
    return result;
  } as typeof res.end;
  next();
}

function mergeHeaders(list: [string, string][]): [string, string | string[]][] {
  const out = new Map<string, string[]>();
  for (const [k, v] of list) out.set(k, [...(out.get(k) ?? []), v]);
  // setHeader with an array keeps multiple Set-Cookie lines apart.
  return [...out].map(([k, v]): [string, string | string[]] => [k, v.length === 1 ? v[0]! : v]);
}

/**
 * The one state-changing request that carries no CSRF token and may come from anywhere: a
 * case-management system's callback, authenticated by its bearer token and never by a cookie
 * (docs/decisions/034). scripts/serve.mjs lets exactly this past its cross-origin refusal;
 * the route itself reads no session. Everything else stays refused.
 */
export const INTEGRATION_CALLBACK_PATH = /^\/api\/v1\/integration\/cases\/[A-Za-z0-9-]{1,40}$/;

export function isTokenAuthenticatedCallback(
  method: string | undefined,
  path: string,
  authorization: string | undefined,
): boolean {
  return method === "POST" && INTEGRATION_CALLBACK_PATH.test(path) && /^Bearer \S+$/.test(authorization ?? "");
}

let limiters: { submissions: RateLimiter; api: RateLimiter; expensive: RateLimiter } | undefined;
function rateLimiters() {
  const e = env();
  limiters ??= {
    submissions: new RateLimiter({ perMinute: e.RATE_LIMIT_SUBMISSIONS, burst: e.RATE_LIMIT_SUBMISSIONS_BURST }),
    api: new RateLimiter({ perMinute: e.RATE_LIMIT_API, burst: e.RATE_LIMIT_API_BURST }),
    expensive: new RateLimiter({ perMinute: e.RATE_LIMIT_EXPENSIVE_GET, burst: e.RATE_LIMIT_EXPENSIVE_GET_BURST }),
  };
  return limiters;
}

/**
 * GETs that cost real work on every request (decision 040): files made on demand (the diarium
 * CSV, blank forms, receipts and decisions as PDF) and searches (a query to /sok or /diarium,
 * the Remix data requests for them included). Plain pages are cheap or come from the page cache.
 */
export function isExpensiveGet(url: string): boolean {
  const q = url.indexOf("?");
  const path = q === -1 ? url : url.slice(0, q);
  if (path.endsWith(".pdf") || path.endsWith(".csv")) return true;
  const bare = path.startsWith("/en/") ? path.slice(3) : path;
  return q !== -1 && q < url.length - 1 && (bare === "/sok" || bare === "/diarium");
}

/**
 * Rate limits per client address (docs/decisions/031, 040): every state-changing request
 * (POST/PUT/PATCH/DELETE) draws from the submissions bucket, every /api/ request from the API
 * bucket, every expensive GET (see `isExpensiveGet`) from its own. Log-in limits per account
 * are the identity module's own. 429 with Retry-After.
 */
export function rateLimits(req: Req, res: Res, next: Next) {
  rateLimitsFor(req.ip ?? req.socket.remoteAddress ?? "unknown", req, res, next);
}

/** `rateLimits` for a client address found before Express (app/http/client-address.server.ts). */
export function rateLimitsFor(ip: string, req: Req, res: Res, next: Next) {
  const url = req.originalUrl ?? req.url ?? "/";
  const { submissions, api, expensive } = rateLimiters();
  const checks: RateLimiter[] = [];
  const method = req.method ?? "GET";
  if (!["GET", "HEAD", "OPTIONS"].includes(method)) checks.push(submissions);
  else if (method !== "OPTIONS" && isExpensiveGet(url)) checks.push(expensive);
  if (url.startsWith("/api/")) checks.push(api);
  for (const limiter of checks) {
    const wait = limiter.take(ip);
    if (wait > 0) {
      securityEvent("rate_limited");
      res.statusCode = 429;
      res.setHeader("Retry-After", String(Math.ceil(wait / 1000)));
      res.setHeader("Cache-Control", "no-store");
      if (url.startsWith("/api/")) {
        // The open-data API answers errors in its own JSON shape, readable cross-origin (decision 018).
        res.setHeader("Content-Type", "application/json; charset=utf-8");
        res.setHeader("Access-Control-Allow-Origin", "*");
        res.setHeader("Access-Control-Expose-Headers", "Retry-After");
        res.end(JSON.stringify({ error: "rate_limited", message: "Too many requests; try again later.", status: 429 }));
        return;
      }
      res.setHeader("Content-Type", "text/plain; charset=utf-8");
      res.end(
        "För många förfrågningar. Vänta en stund och försök igen.\nToo many requests. Please wait a moment and try again.\n",
      );
      return;
    }
  }
  next();
}

/** A body above this is an upload; the portal holds it in memory while it reads it. */
export const LARGE_BODY_BYTES = 1024 * 1024;
let largeBodiesInFlight = 0;

/**
 * Body limits that depend on the kind of post (decision 040), behind the server's overall
 * MAX_BODY_BYTES check, which has already made sure a body declares its length:
 * - a url-encoded body carries text only and is refused above MAX_URLENCODED_BYTES (413),
 *   so the 30 MB meant for uploads is never text that the app parses;
 * - at most MAX_CONCURRENT_LARGE_BODIES bodies over LARGE_BODY_BYTES are read at once; one
 *   more gets 503 with Retry-After, so parallel uploads cannot exhaust memory.
 */
export function bodyLimits(req: Req, res: Res, next: Next) {
  const method = req.method ?? "GET";
  if (method === "GET" || method === "HEAD" || method === "OPTIONS") return next();
  const length = Number(req.headers["content-length"] ?? "0");
  const type = String(req.headers["content-type"] ?? "").toLowerCase();
  const refuse = (status: number, sv: string, en: string) => {
    res.statusCode = status;
    res.setHeader("Content-Type", "text/plain; charset=utf-8");
    res.setHeader("Cache-Control", "no-store");
    res.setHeader("Connection", "close");
    res.end(`${sv}\n${en}\n`);
  };
  if (type.startsWith("application/x-www-form-urlencoded") && length > MAX_URLENCODED_BYTES) {
    return refuse(413, "Det du skickade är för långt.", "What you sent is too long.");
  }
  const max = env().MAX_CONCURRENT_LARGE_BODIES;
  if (max > 0 && length > LARGE_BODY_BYTES) {
    if (largeBodiesInFlight >= max) {
      res.setHeader("Retry-After", "5");
      return refuse(
        503,
        "Många skickar filer just nu. Försök igen om en stund.",
        "Many people are sending files right now. Please try again in a moment.",
      );
    }
    largeBodiesInFlight++;
    let released = false;
    const release = () => {
      if (!released) largeBodiesInFlight--;
      released = true;
    };
    res.once("close", release);
    res.once("finish", release);
  }
  next();
}

/** A staff SAML provider's assertion consumer service (decision 073). */
export const SAML_ACS_PATH = /^\/personal\/logga-in\/sso\/saml\/\d{1,9}\/acs$/;

/**
 * The identity provider's page posts the signed Response to the ACS from its own origin
 * (HTTP-POST binding, saml-bindings-2.0-os §3.5), so scripts/serve.mjs lets exactly that POST past
 * its cross-origin refusal. It needs no CSRF token: the assertion's signature, its single-use
 * InResponseTo and the cookie binding the request to this browser protect it (decision 073).
 */
export function isSamlAssertionConsumerPost(method: string | undefined, path: string): boolean {
  return method === "POST" && SAML_ACS_PATH.test(path);
}
