/**
 * The form step's template cache (docs/decisions/117).
 *
 * A first visit of a form step by an anonymous browser (no session, no draft, no query, no
 * errors) gets the same page as every other such visit, apart from four values made for it: the
 * CSRF token (and, for a browser without one, its seed cookie), the browser key cookie, the CSP
 * nonce and the request id. The page is therefore never in the anonymous page cache (it carries
 * a token), and React rendered it anew for every visitor.
 *
 * Here the live answer to such a visit is kept as a template: its header list and its body with
 * the positions of the token and the nonce (and a gzip copy whose dynamic bytes sit in stored
 * deflate blocks). The next such visit is answered before Express with fresh values put into
 * those places: a new seed and browser key from the CSPRNG, the token computed from the seed as
 * `csrfToken` would, a fresh nonce in the body and the CSP. The step loader vouches for each
 * render it may be a template for (`vouchForStepTemplate`); anything else is never stored.
 *
 * Invalidation follows the anonymous page cache: an entry made before its generation changed
 * (publish, a public fact changed) or older than PAGE_CACHE_TTL_MS is not used; PAGE_CACHE=off
 * turns this off too.
 */
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { constants, crc32, deflateRawSync } from "node:zlib";
import { requestHead } from "~/utils/request-head";
import { anonymousCsrfToken, csrfCookieName, isCsrfSeed } from "~/auth/csrf.server";
import { env } from "~/env.server";
import { eserviceCookieName } from "~/services/eservice-session.server";
import { stepDataKey, stepPage, type EarlyStepPage } from "~/services/form-step-page.server";
import { anonymousPageCache } from "~/services/page-cache.server";
import { randomPooled } from "~/platform/random.server";
import { freshNonce, type SecurityHeaderSet } from "./security-headers.server";

type Req = IncomingMessage;
type Res = ServerResponse & { locals?: Record<string, unknown> };

/** `/blanketter/<form>/<step>`, nothing else (the loader still has to vouch). */
const STEP_PATH = /^\/blanketter\/[a-z0-9-]{1,80}\/(?!kontrollera$|signera$)[A-Za-z0-9_-]{1,80}$/;
const STEP_PARTS = /^\/blanketter\/([a-z0-9-]+)\/([A-Za-z0-9_-]+)$/;
const MAX_ENTRIES = 256;
/** The browser key cookie's value as `eservice-session.server.ts` makes it. */
/** A well-formed browser key cookie value (decision 125). */
export const BROWSER_KEY = /^[A-Za-z0-9_-]{43}$/;
const MAX_BODY = 1024 * 1024;
const TOKEN = 0;
const NONCE = 1;

interface Slot {
  at: number;
  kind: typeof TOKEN | typeof NONCE;
}

interface Gzip {
  body: Buffer;
  /** Where each slot's bytes sit in `body` (stored blocks), in slot order. */
  at: number[];
  trailer: number;
}

export interface StepTemplate {
  generation: number;
  storedAt: number;
  status: number;
  /** Flat `[name, value, …]` list as the live answer sent it, X-Cache saying `template`. */
  head: string[];
  idSlot: number;
  cspSlot: number;
  /** The browser key cookie's place, or -1 for a template without one (Mina sidor, decision 124). */
  browserKeySlot: number;
  /** The seed cookie's place, or -1 when the browser already had a seed (none is set). */
  seedSlot: number;
  browserKeyCookie: [string, string];
  seedCookie: [string, string];
  body: Buffer;
  slots: Slot[];
  tokenLength: number;
  nonceLength: number;
  set: SecurityHeaderSet;
  gzip?: Gzip;
}

/** The key of a request that may be answered from a template, and the seed it brings (if any). */
interface Eligible {
  key: string;
  seed: string | null;
  /**
   * The browser key the request brought (decision 125): its page is keyed by the step's data as
   * well, which `stepPage` computes in front of Express. Null for a first visit (decision 117).
   */
  browserKey: string | null;
}

/** What the loader must have vouched for: `first`, or the data key of an `answers` page. */
type Expected = string;

const entries = new Map<string, StepTemplate>();
/**
 * Keys whose last watched answer could not be a template (a redirect, a form with hooks): not
 * watched again for a while, so their answers keep their compression.
 */
const refused = new Map<string, { at: number; generation: number }>();
/**
 * Request ids whose render the step loader called the same for every such visitor, with what it
 * vouched for: `first` or the hash of its data (`stepDataKey`).
 */
const vouched = new Map<string, Expected>();
/**
 * Keys of pages with a working copy seen once and not watched (decision 125): a page that only
 * one visitor will ever get (an answer no one else gives) is not worth a template.
 */
const seenOnce = new Map<string, number>();

/**
 * Whether a request is an anonymous first visit of a step: a GET of `/blanketter/<form>/<step>`
 * without query or Authorization, and with no cookie but `lang`, `kommun` (each at most once) and a
 * well-formed CSRF seed. The key is the path and the cookie header with the seed's value left
 * out: the render reads the cookies themselves, so equal keys mean equal renders.
 */
export function stepTemplateEligible(
  method: string | undefined,
  url: string | undefined,
  cookie: string | undefined,
  authorization: string | undefined,
): Eligible | null {
  if (method !== "GET" || !url || authorization !== undefined || !STEP_PATH.test(url)) return null;
  if (!cookie) return { key: url, seed: null, browserKey: null };
  const seedName = csrfCookieName();
  const keyName = eserviceCookieName();
  const read = templateCookies(cookie, {
    [seedName]: isCsrfSeed,
    [keyName]: (value) => BROWSER_KEY.test(value),
  });
  if (!read) return null;
  const seed = read.values[seedName] ?? null;
  return {
    key: `${url}\u0000${read.key}\u0000${seed === null ? "" : "seed"}`,
    seed,
    browserKey: read.values[keyName] ?? null,
  };
}

/**
 * The cookie header of a request a template may answer (step pages, decision 117; Mina sidor,
 * 124): `lang`, `kommun` and the cookies in `masked` (each at most once, each value passing its
 * check), nothing else. `key` is the header with the masked values replaced by `*` (they are
 * written in per answer or checked by the caller); null for any other cookie, a repeat or a bad
 * value. `kept` names cookies allowed with their values left in the key.
 */
export function templateCookies(
  cookie: string,
  masked: Record<string, (value: string) => boolean>,
  kept: readonly string[] = [],
): { key: string; values: Record<string, string> } | null {
  const values: Record<string, string> = Object.create(null) as Record<string, string>;
  const parts = cookie.split(";");
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!.trim();
    const eq = part.indexOf("=");
    if (eq <= 0) return null;
    const name = part.slice(0, eq);
    if (Object.hasOwn(values, name)) return null;
    const value = part.slice(eq + 1);
    values[name] = value;
    const check = Object.hasOwn(masked, name) ? masked[name]! : null;
    if (check) {
      if (!check(value)) return null;
      parts[i] = `${name}=*`;
    } else if (name === "lang" || name === "kommun" || kept.includes(name)) parts[i] = part;
    else return null;
  }
  return { key: parts.join(";"), values };
}

/**
 * Called by the step loader when its answer is the same for every anonymous first visit of this
 * step (no session, a new browser key so no draft, no query, no errors, no hooks: `first`), or,
 * for a browser with its key, the same for every such browser whose step data hashes to `what`
 * (decision 125): only such a render is kept as a template.
 */
export function vouchForStepTemplate(requestId: string, what: Expected) {
  if (vouched.size >= 64) vouched.delete(vouched.keys().next().value!);
  vouched.set(requestId, what);
}

/** Whether templates are on (PAGE_CACHE=off turns them off with the page cache). */
export const enabled = () => env().PAGE_CACHE !== "off";

/** A template (or a refusal) still holds: within the page cache's TTL and generation. */
export function fresh(entry: { storedAt: number; generation: number }): boolean {
  return (
    Date.now() - entry.storedAt <= env().PAGE_CACHE_TTL_MS &&
    entry.generation === anonymousPageCache().currentGeneration()
  );
}

// 32 random bytes per cookie value, from the nonces' pool (decision 113).
export const randomValue = () => randomPooled(32).toString("base64url");

export const acceptsGzip = (req: Req) => /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));

/**
 * In front of Express (scripts/serve.mjs): answers an anonymous visit of a step from its template
 * with fresh cookies, token, nonce and request id. On a miss the live answer is watched, and kept
 * when the loader vouched for it. Returns false when the app must answer. A browser with its key
 * (decision 125) is answered after its step data has been read (`stepPage`, as the loader would):
 * then a promise of the same.
 */
export function serveFromStepTemplate(
  req: Req,
  res: Res,
  securityHeaders: { set?: SecurityHeaderSet },
): boolean | Promise<boolean> {
  const set = securityHeaders.set;
  if (!set || req.method !== "GET" || !enabled()) return false;
  const eligible = stepTemplateEligible(req.method, req.url, req.headers.cookie, req.headers.authorization);
  // Headers already set (a draining server's `Connection: close`): the app answers.
  if (!eligible || res.getHeaderNames().length > 0) return false;
  if (eligible.browserKey === null) return serveKeyed(req, res, eligible, eligible.key, "first", set);
  return withStepData(req, res, eligible).then(
    (dataKey) =>
      dataKey !== null &&
      res.getHeaderNames().length === 0 &&
      serveKeyed(req, res, eligible, `${eligible.key}\u0000${dataKey}`, dataKey, set),
    () => false,
  );
}

/**
 * The data key of a step page for a browser with its key, computed as the loader computes it,
 * or null when that page is no template's (a redirect, an error, a hook, a session).
 */
async function withStepData(req: Req, res: Res, eligible: Eligible): Promise<string | null> {
  const match = STEP_PARTS.exec(req.url!)!;
  // Read as the loader reads it: URL and cookies (decision 191: no Fetch Request made for it).
  const request = requestHead(`http://portal${req.url}`, "GET", new Headers({ cookie: req.headers.cookie ?? "" }));
  try {
    const page = await stepPage(request, { id: match[1], step: match[2] });
    const dataKey = stepDataKey(page.data);
    // On a miss the app answers this request: its loader takes this page instead of reading it again.
    const early: EarlyStepPage = { path: req.url!, page, dataKey };
    (res.locals ??= {}).earlyStepPage = early;
    return page.template === "answers" && eligible.browserKey !== null ? dataKey : null;
  } catch {
    return null;
  }
}

function serveKeyed(req: Req, res: Res, eligible: Eligible, key: string, expected: Expected, set: SecurityHeaderSet) {
  const entry = entries.get(key);
  if (!entry || entry.set !== set || !fresh(entry)) {
    if (entry) entries.delete(key);
    const no = refused.get(key);
    if (no && fresh({ storedAt: no.at, generation: no.generation })) return false;
    if (eligible.browserKey !== null && !seenTwice(key)) return false;
    watch(req, res, { ...eligible, key }, set, expected);
    return false;
  }
  entries.delete(key);
  entries.set(key, entry);
  sendTemplate(req, res, entry, eligible.seed);
  return true;
}

/** Whether a working copy's page key was seen before (within the TTL): only then is it watched. */
function seenTwice(key: string): boolean {
  const at = seenOnce.get(key);
  if (at !== undefined && Date.now() - at <= env().PAGE_CACHE_TTL_MS) {
    seenOnce.delete(key);
    return true;
  }
  seenOnce.delete(key);
  seenOnce.set(key, Date.now());
  if (seenOnce.size > MAX_ENTRIES * 4) seenOnce.delete(seenOnce.keys().next().value!);
  return false;
}

/**
 * Answers from a template: fresh request id, nonce, seed (when the browser had none) and browser
 * key, the token computed from the seed by `tokenOf`. Also Mina sidor's render cache (decision 124).
 */
export function sendTemplate(
  req: Req,
  res: Res,
  t: StepTemplate,
  existingSeed: string | null,
  tokenOf: (seed: string) => string = anonymousCsrfToken,
) {
  const seed = existingSeed ?? randomValue();
  const token = tokenOf(seed);
  const nonce = freshNonce();
  const body = Buffer.allocUnsafe(t.body.length);
  t.body.copy(body);
  for (const slot of t.slots) body.write(slot.kind === TOKEN ? token : nonce, slot.at, "latin1");
  const head = t.head.slice();
  head[t.idSlot] = randomUUID();
  head[t.cspSlot] = `${t.set.cspHead}${nonce}${t.set.cspTail}`;
  if (t.browserKeySlot >= 0)
    head[t.browserKeySlot] = `${t.browserKeyCookie[0]}${randomValue()}${t.browserKeyCookie[1]}`;
  if (t.seedSlot >= 0) head[t.seedSlot] = `${t.seedCookie[0]}${seed}${t.seedCookie[1]}`;
  if (token.length !== t.tokenLength || nonce.length !== t.nonceLength) throw new Error("step template: value length");
  let out = body;
  if (acceptsGzip(req)) {
    const gz = (t.gzip ??= gzipTemplate(t));
    out = Buffer.allocUnsafe(gz.body.length);
    gz.body.copy(out);
    t.slots.forEach((slot, i) => out.write(slot.kind === TOKEN ? token : nonce, gz.at[i]!, "latin1"));
    out.writeUInt32LE(crc32(body) >>> 0, gz.trailer);
    head.push("Content-Encoding", "gzip");
  }
  head.push("Content-Length", String(out.length));
  res.writeHead(t.status, head);
  res.end(out);
}

/**
 * The body as gzip, made once per template: the text between the slots deflated on its own (a
 * sync flush ends each part on a byte boundary and nothing refers across a slot), each slot a
 * stored block whose bytes are written per answer, then an empty final block and the trailer
 * (CRC-32 per answer, length fixed).
 */
function gzipTemplate(t: StepTemplate): Gzip {
  const parts: Buffer[] = [Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3])];
  let size = 10;
  const at: number[] = [];
  let from = 0;
  const add = (b: Buffer) => {
    parts.push(b);
    size += b.length;
  };
  const deflated = (end: number) => {
    if (end > from) add(deflateRawSync(t.body.subarray(from, end), { finishFlush: constants.Z_SYNC_FLUSH }));
  };
  for (const slot of t.slots) {
    const length = slot.kind === TOKEN ? t.tokenLength : t.nonceLength;
    deflated(slot.at);
    add(Buffer.from([0, length & 0xff, length >> 8, ~length & 0xff, (~length >> 8) & 0xff]));
    at.push(size);
    add(t.body.subarray(slot.at, slot.at + length));
    from = slot.at + length;
  }
  deflated(t.body.length);
  add(Buffer.from([1, 0, 0, 0xff, 0xff]));
  const trailer = size;
  const tail = Buffer.alloc(8);
  tail.writeUInt32LE(t.body.length >>> 0, 4);
  add(tail);
  return { body: Buffer.concat(parts, size), at, trailer };
}

/**
 * Watches a live answer to an eligible request and keeps it as a template when the loader vouched
 * for it. The request goes to the app without Accept-Encoding, so this one answer is sent plain
 * and the bytes seen here are the page itself; the header list is read when the head goes out,
 * after every middleware has had its say.
 */
function watch(req: Req, res: Res, eligible: Eligible, set: SecurityHeaderSet, expected: Expected) {
  const generation = anonymousPageCache().currentGeneration();
  const refuse = () => {
    refused.delete(eligible.key);
    refused.set(eligible.key, { at: Date.now(), generation });
    if (refused.size > MAX_ENTRIES) refused.delete(refused.keys().next().value!);
  };
  watchAnswer(req, res, (live) => {
    const vouchedFor = live ? vouched.get(live.requestId) : undefined;
    if (live) vouched.delete(live.requestId);
    if (!live || vouchedFor !== expected) return refuse();
    const template = makeTemplate({ ...live, seed: eligible.seed, browserKey: eligible.browserKey, set, generation });
    if (!template) return refuse();
    if (generation !== anonymousPageCache().currentGeneration()) return;
    refused.delete(eligible.key);
    entries.delete(eligible.key);
    entries.set(eligible.key, template);
    while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  });
}

/** One live answer as it went out: status, final header list, plain body, request id and nonce. */
export interface LiveAnswer {
  status: number;
  head: string[];
  body: Buffer;
  requestId: string;
  nonce: string;
}

/**
 * Watches a live answer (sent plain: Accept-Encoding is removed) and hands it to `done` when it
 * has finished, or null when it was too large or had no head.
 */
export function watchAnswer(req: Req, res: Res, done: (live: LiveAnswer | null) => void) {
  delete req.headers["accept-encoding"];
  const chunks: Buffer[] = [];
  let size = 0;
  let head: string[] | null = null;
  const writeHead = res.writeHead;
  res.writeHead = function (this: Res, ...args: unknown[]) {
    const result = (writeHead as (...a: unknown[]) => ServerResponse).apply(this, args);
    head = [];
    // The names as the live answer spelled them (Node has this since v15; its types lack it).
    for (const name of (res as Res & { getRawHeaderNames(): string[] }).getRawHeaderNames()) {
      const value = res.getHeader(name);
      for (const v of Array.isArray(value) ? value : [value]) head.push(name, String(v));
    }
    return result;
  } as typeof res.writeHead;
  const collect = (chunk: unknown, encoding: unknown) => {
    if (chunk === undefined || chunk === null || typeof chunk === "function" || size > MAX_BODY) return;
    const buf =
      typeof chunk === "string"
        ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8")
        : Buffer.from(chunk as Uint8Array);
    size += buf.length;
    chunks.push(buf);
  };
  const write = res.write;
  res.write = function (this: Res, chunk: unknown, ...rest: unknown[]) {
    collect(chunk, rest[0]);
    return (write as (...a: unknown[]) => boolean).apply(this, [chunk, ...rest]);
  } as typeof res.write;
  const end = res.end;
  res.end = function (this: Res, chunk?: unknown, ...rest: unknown[]) {
    collect(chunk, rest[0]);
    return (end as (...a: unknown[]) => Res).apply(this, [chunk, ...rest]);
  } as typeof res.end;
  res.once("finish", () => {
    const requestId = String(res.locals?.requestId ?? "");
    if (!head || size > MAX_BODY) return done(null);
    done({
      status: res.statusCode,
      head,
      body: Buffer.concat(chunks, size),
      requestId,
      nonce: String(res.locals?.cspNonce ?? ""),
    });
  });
}

/** Where `value` occurs in `body`, none for an empty value. */
export function occurrences(body: Buffer, value: string): number[] {
  const out: number[] = [];
  if (!value) return out;
  for (let i = body.indexOf(value); i >= 0; i = body.indexOf(value, i + value.length)) out.push(i);
  return out;
}

/** A set cookie's value split around it: `name=` + value + attributes. */
function cookieParts(line: string, name: string): { value: string; around: [string, string] } | null {
  if (!line.startsWith(`${name}=`)) return null;
  const end = line.indexOf(";");
  const value = line.slice(name.length + 1, end < 0 ? undefined : end);
  return { value, around: [`${name}=`, end < 0 ? "" : line.slice(end)] };
}

/**
 * The template of one live answer, or null when it is not exactly the expected shape: 200, not
 * encoded, the browser key cookie and (for a browser without one) the seed cookie and no other,
 * the request id and CSP as the server made them, the token present, and none of the per-answer
 * values anywhere in the body but in the places found (not even their first characters).
 */
export function makeTemplate(
  live: LiveAnswer & {
    seed: string | null;
    /** The key the browser brought (no browser key cookie may be set then), or null (decision 125). */
    browserKey?: string | null;
    set: SecurityHeaderSet;
    generation: number;
  },
  /**
   * Mina sidor (decision 124): no browser key cookie, the token of the seed and the session, and
   * values that must not appear in the body (the session cookie).
   */
  shape: { browserKey: boolean; tokenOf: (seed: string) => string; secrets: string[] } = {
    browserKey: true,
    tokenOf: anonymousCsrfToken,
    secrets: [],
  },
): StepTemplate | null {
  const { head, body, nonce, set } = live;
  // A browser key cookie is set on a first visit only (not for a browser with its key, nor Mina sidor).
  const expectKey = shape.browserKey && (live.browserKey ?? null) === null;
  if (live.status !== 200 || !nonce || !live.requestId) return null;
  const out: string[] = [];
  let idSlot = -1;
  let cspSlot = -1;
  let browserKeySlot = -1;
  let seedSlot = -1;
  let browserKey: ReturnType<typeof cookieParts> = null;
  let seedCookie: ReturnType<typeof cookieParts> = null;
  for (let i = 0; i < head.length; i += 2) {
    const name = head[i]!;
    let value = head[i + 1]!;
    const lower = name.toLowerCase();
    if (lower === "content-encoding" || lower === "content-length" || lower === "transfer-encoding") {
      if (lower === "content-encoding") return null;
      continue;
    }
    if (lower === "x-request-id") {
      if (value !== live.requestId) return null;
      idSlot = out.length + 1;
    } else if (lower === "content-security-policy") {
      if (value !== `${set.cspHead}${nonce}${set.cspTail}`) return null;
      cspSlot = out.length + 1;
    } else if (lower === "x-cache") {
      value = "template";
    } else if (lower === "set-cookie") {
      const key = expectKey ? cookieParts(value, eserviceCookieName()) : null;
      const seed = cookieParts(value, csrfCookieName());
      if (key && !browserKey) {
        browserKey = key;
        browserKeySlot = out.length + 1;
      } else if (seed && !seedCookie && live.seed === null) {
        seedCookie = seed;
        seedSlot = out.length + 1;
      } else return null;
    }
    out.push(name, value);
  }
  // A step page for a browser with its key has no X-Cache of its own (the page cache leaves it
  // alone): say it here. Mina sidor (no browser key at all) says nothing, as a personal page.
  if (shape.browserKey && !head.some((h, i) => i % 2 === 0 && h.toLowerCase() === "x-cache"))
    out.push("X-Cache", "template");
  if (idSlot < 0 || cspSlot < 0 || !browserKey === expectKey || (live.seed === null) !== (seedCookie !== null))
    return null;
  const seed = live.seed ?? seedCookie!.value;
  const token = shape.tokenOf(seed);
  const tokens = occurrences(body, token);
  const nonces = occurrences(body, nonce);
  if (tokens.length === 0) return null;
  const slots: Slot[] = [
    ...tokens.map((at): Slot => ({ at, kind: TOKEN })),
    ...nonces.map((at): Slot => ({ at, kind: NONCE })),
  ].sort((a, b) => a.at - b.at);
  for (let i = 1; i < slots.length; i++) {
    const before = slots[i - 1]!;
    if (before.at + (before.kind === TOKEN ? token.length : nonce.length) > slots[i]!.at) return null;
  }
  // Nothing of the visitor's own values anywhere else: not the cookies, not the request id, and
  // no other (escaped or cut) copy of the token or the nonce.
  for (const secret of [seed, browserKey?.value ?? live.browserKey ?? seed, live.requestId, ...shape.secrets])
    if (body.includes(secret.slice(0, 12))) return null;
  if (occurrences(body, token.slice(0, 10)).length !== tokens.length) return null;
  if (occurrences(body, nonce.slice(0, 10)).length !== nonces.length) return null;
  return {
    generation: live.generation,
    storedAt: Date.now(),
    status: live.status,
    head: out,
    idSlot,
    cspSlot,
    browserKeySlot,
    seedSlot,
    browserKeyCookie: browserKey?.around ?? ["", ""],
    seedCookie: seedCookie?.around ?? ["", ""],
    body: Buffer.from(body),
    slots,
    tokenLength: token.length,
    nonceLength: nonce.length,
    set,
  };
}

/** Forgets every template (tests). */
export function clearStepTemplates() {
  entries.clear();
  refused.clear();
  vouched.clear();
  seenOnce.clear();
}
