/**
 * The start of a web form, `GET /blanketter/<form>` (a 302 to its first step), answered from the
 * header list of an earlier live answer (docs/decisions/145). The redirect is the same for every
 * request with the same path and the same cookie names (what the middleware's no-store, Vary and
 * X-Cache answers depend on); only the request id and the CSP's nonce are the request's own, and
 * both are written in per answer. It was 1.5–2.4 ms of CPU of Express's chain and Remix's request
 * translation for one `Location` header.
 *
 * Kept only when the loader vouched for exactly that location, the answer is a 302 with an empty
 * body and sets no cookie, and its request id and CSP are as the server made them. A query (a
 * prefill that travels along), Authorization, any other cookie, or a cookie value that is not
 * well formed takes the live path. Invalidation, TTL and PAGE_CACHE=off as the step templates
 * (117); at most 64 header lists of ~0.8 KB each.
 */
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { csrfCookieName, isCsrfSeed } from "~/auth/csrf.server";
import { eserviceCookieName } from "~/services/eservice-session.server";
import { anonymousPageCache } from "~/services/page-cache.server";
import { freshNonce, type SecurityHeaderSet } from "./security-headers.server";
import { BROWSER_KEY, enabled, fresh, templateCookies, watchAnswer } from "./step-template.server";

type Req = IncomingMessage;
type Res = ServerResponse & { locals?: Record<string, unknown> };

const START_PATH = /^\/blanketter\/[a-z0-9-]{1,80}$/;
const MAX_ENTRIES = 64;

interface StartTemplate {
  generation: number;
  storedAt: number;
  set: SecurityHeaderSet;
  head: string[];
  idSlot: number;
  cspSlot: number;
}

const entries = new Map<string, StartTemplate>();
const refused = new Map<string, { at: number; generation: number }>();
/** Request ids whose answer the start loader vouched for, with the location it redirected to. */
const vouched = new Map<string, string>();

/** Called by the start loader with the location of its redirect (a form's first step). */
export function vouchForStartTemplate(requestId: string, location: string) {
  if (vouched.size >= 64) vouched.delete(vouched.keys().next().value!);
  vouched.set(requestId, location);
}

/**
 * The template key of a request for a form's start: the path and the cookie header with the seed's
 * and browser key's values masked (none and an empty header kept apart), or null.
 */
export function startTemplateKey(
  method: string | undefined,
  url: string | undefined,
  cookie: string | undefined,
  authorization: string | undefined,
): string | null {
  if (method !== "GET" || !url || authorization !== undefined || !START_PATH.test(url)) return null;
  if (cookie === undefined || cookie === "") return `${url}\u0000${cookie === undefined ? "none" : "empty"}`;
  const read = templateCookies(cookie, {
    [csrfCookieName()]: isCsrfSeed,
    [eserviceCookieName()]: (v) => BROWSER_KEY.test(v),
  });
  return read ? `${url}\u0000cookie\u0000${read.key}` : null;
}

/** In front of Express (scripts/serve.mjs): true when answered here; else the app answers (watched). */
export function serveFromStartTemplate(req: Req, res: Res, securityHeaders: { set?: SecurityHeaderSet }): boolean {
  const set = securityHeaders.set;
  if (!set || !enabled()) return false;
  const key = startTemplateKey(req.method, req.url, req.headers.cookie, req.headers.authorization);
  if (key === null || res.getHeaderNames().length > 0) return false;
  const entry = entries.get(key);
  if (entry && entry.set === set && fresh(entry)) {
    const head = entry.head.slice();
    head[entry.idSlot] = randomUUID();
    head[entry.cspSlot] = `${set.cspHead}${freshNonce()}${set.cspTail}`;
    res.writeHead(302, head);
    res.end();
    return true;
  }
  if (entry) entries.delete(key);
  const no = refused.get(key);
  if (no && fresh({ storedAt: no.at, generation: no.generation })) return false;
  watch(req, res, key, set);
  return false;
}

function watch(req: Req, res: Res, key: string, set: SecurityHeaderSet) {
  const generation = anonymousPageCache().currentGeneration();
  watchAnswer(req, res, (live) => {
    const location = live ? vouched.get(live.requestId) : undefined;
    if (live) vouched.delete(live.requestId);
    const template =
      live && location !== undefined && live.body.length === 0 && live.status === 302
        ? startTemplate(live.head, live.requestId, `${set.cspHead}${live.nonce}${set.cspTail}`, location)
        : null;
    if (!template) {
      refused.delete(key);
      refused.set(key, { at: Date.now(), generation });
      if (refused.size > MAX_ENTRIES * 4) refused.delete(refused.keys().next().value!);
      return;
    }
    if (generation !== anonymousPageCache().currentGeneration()) return;
    refused.delete(key);
    entries.delete(key);
    entries.set(key, { generation, storedAt: Date.now(), set, ...template });
    while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  });
}

/**
 * The header list of a live redirect with its request id's and CSP's places, or null unless it
 * is exactly: the vouched location once, the request id and CSP as made, no cookie set, no body
 * framing or encoding of the app's own. X-Cache, when the page cache said one, says `template`.
 */
export function startTemplate(
  head: string[],
  requestId: string,
  csp: string,
  location: string,
): { head: string[]; idSlot: number; cspSlot: number } | null {
  const out: string[] = [];
  let idSlot = -1;
  let cspSlot = -1;
  let located = 0;
  for (let i = 0; i < head.length; i += 2) {
    const name = head[i]!;
    let value = head[i + 1]!;
    const lower = name.toLowerCase();
    if (lower === "set-cookie" || lower === "content-encoding" || lower === "content-length") return null;
    if (lower === "transfer-encoding") return null;
    if (lower === "x-request-id") {
      if (value !== requestId || idSlot >= 0) return null;
      idSlot = out.length + 1;
    } else if (lower === "content-security-policy") {
      if (value !== csp || cspSlot >= 0) return null;
      cspSlot = out.length + 1;
    } else if (lower === "location") {
      if (value !== location) return null;
      located++;
    } else if (lower === "x-cache") value = "template";
    out.push(name, value);
  }
  return idSlot < 0 || cspSlot < 0 || located !== 1 ? null : { head: out, idSlot, cspSlot };
}
