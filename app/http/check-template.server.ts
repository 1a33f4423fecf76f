/**
 * The check-answers page's template (docs/decisions/145).
 *
 * `GET /blanketter/<form>/kontrollera` by an anonymous browser with its own key was rendered live
 * by React every time (the walk's dearest GET). Around its answers the page is the same for every
 * such browser of the form, version and language with the same cookies: only the answer rows, the
 * municipality row, the idempotency key of the send, the CSRF token and the request's own values
 * (request id, CSP nonce, a seed cookie for a browser without one) differ.
 *
 * So the live answer to such a request is kept as a template: its header list (117's
 * `makeTemplate`, which also refuses a page holding a cookie value or the request id) and its
 * body cut at the summary list's rows, the token, the nonce and the idempotency key. It is kept
 * only when the loader vouched for the same frame key (`checkPage`'s `frameKey`) and when
 * `checkAnswerRowsHtml` of that very request's data reproduces the live rows byte for byte. The
 * next such request runs `checkPage` in front of Express exactly as the loader does (its
 * redirect for a visitor who may not see the page yet, a 404, an error: the app answers), and is
 * answered from the template with its own rows, key, token and nonce.
 *
 * Invalidation, TTL and PAGE_CACHE=off are the step templates' (117). At most 32 entries of one
 * page each (~8–12 KB plain plus its gzip parts): under 1 MB.
 */
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { constants, crc32, deflateRawSync } from "node:zlib";
import { requestHead } from "~/utils/request-head";
import { anonymousCsrfToken, csrfCookieName, isCsrfSeed } from "~/auth/csrf.server";
import { translatedOnce } from "~/i18n/i18n.server";
import { eserviceCookieName } from "~/services/eservice-session.server";
import { checkPage, type CheckPage, type EarlyCheckPage } from "~/services/form-check-page.server";
import { anonymousPageCache } from "~/services/page-cache.server";
import { freshNonce, type SecurityHeaderSet } from "./security-headers.server";
import { escapeHtml } from "./diarium-template.server";
import {
  acceptsGzip,
  BROWSER_KEY,
  enabled,
  fresh,
  makeTemplate,
  occurrences,
  randomValue,
  templateCookies,
  watchAnswer,
  type StepTemplate,
} from "./step-template.server";

type Req = IncomingMessage;
type Res = ServerResponse & { locals?: Record<string, unknown> };

const CHECK_PATH = /^\/blanketter\/([a-z0-9-]{1,80})\/kontrollera$/;
const MAX_ENTRIES = 32;
const LIST_OPEN = '<dl class="summary-list">';
const LIST_CLOSE = "</dl>";

type SlotKind = "rows" | "token" | "nonce" | "key";

interface CheckTemplate {
  generation: number;
  storedAt: number;
  set: SecurityHeaderSet;
  head: string[];
  idSlot: number;
  cspSlot: number;
  seedSlot: number;
  seedCookie: [string, string];
  /** The body's fixed text: parts[0], slots[0], parts[1], … parts[slots.length]. */
  parts: Buffer[];
  slots: SlotKind[];
  /** Each part deflated on its own (sync flush), made at the first gzip answer. */
  gzipParts?: Buffer[];
}

const entries = new Map<string, CheckTemplate>();
const refused = new Map<string, { at: number; generation: number }>();
/** Request ids whose render the check loader vouched for, with its frame key. */
const vouched = new Map<string, string>();

/** Called by the check page's loader for a page whose frame may be a template (`frameKey`). */
export function vouchForCheckTemplate(requestId: string, frameKey: string) {
  if (vouched.size >= 64) vouched.delete(vouched.keys().next().value!);
  vouched.set(requestId, frameKey);
}

/**
 * A GET of `/blanketter/<form>/kontrollera` without query or Authorization, whose cookies are only
 * `lang`, `kommun`, a well-formed seed and a well-formed browser key (required: without one there
 * is no working copy to check). The key is the path and cookies with seed and browser key masked.
 */
export function checkTemplateEligible(
  method: string | undefined,
  url: string | undefined,
  cookie: string | undefined,
  authorization: string | undefined,
): { key: string; seed: string | null; browserKey: string; id: string } | null {
  if (method !== "GET" || !url || authorization !== undefined || !cookie) return null;
  const match = CHECK_PATH.exec(url);
  if (!match) return null;
  const seedName = csrfCookieName();
  const keyName = eserviceCookieName();
  const read = templateCookies(cookie, { [seedName]: isCsrfSeed, [keyName]: (v) => BROWSER_KEY.test(v) });
  if (!read || read.values[keyName] === undefined) return null;
  const seed = read.values[seedName] ?? null;
  return {
    key: `${url}\u0000${read.key}\u0000${seed === null ? "" : "seed"}`,
    seed,
    browserKey: read.values[keyName],
    id: match[1]!,
  };
}

/**
 * The markup `CheckAnswerRows` renders for these rows, as React writes it (the `<!-- -->` between
 * two adjacent texts included), or null when a value is one whose markup this does not write
 * (an empty text: React writes nothing and no separator).
 */
export function checkAnswerRowsHtml(p: {
  rows: { label: string; text: string; changeHref: string }[];
  municipality: string | null;
  municipalityChangeHref: string | null;
  change: string;
  municipalityLabel: string;
}): string | null {
  const change = escapeHtml(p.change);
  if (!change) return null;
  let out = "";
  if (p.municipality) {
    const label = escapeHtml(p.municipalityLabel);
    if (!label) return null;
    out += `<div class="summary-list__row"><dt>${label}</dt><dd>${escapeHtml(p.municipality)}</dd><dd>`;
    if (p.municipalityChangeHref)
      out += `<a href="${escapeHtml(p.municipalityChangeHref)}">${change}<span class="visually-hidden"> <!-- -->${label}</span></a>`;
    out += "</dd></div>";
  }
  for (const row of p.rows) {
    if (typeof row.label !== "string" || typeof row.text !== "string" || typeof row.changeHref !== "string")
      return null;
    if (!row.label || !row.text) return null;
    const label = escapeHtml(row.label);
    out += `<div class="summary-list__row"><dt>${label}</dt><dd>${escapeHtml(row.text)}</dd><dd><a href="${escapeHtml(
      row.changeHref,
    )}">${change}<span class="visually-hidden"> <!-- -->${label}</span></a></dd></div>`;
  }
  return out;
}

/** The rows' markup of one check page's data, in its language. */
function rowsOf(page: CheckPage): string | null {
  return checkAnswerRowsHtml({
    rows: page.data.rows,
    municipality: page.data.municipality,
    municipalityChangeHref: page.data.municipalityChangeHref,
    // Translated once per language instance (decisions 151, 160), as the live page's texts.
    change: translatedOnce(page.lang, "forms", "common.change"),
    municipalityLabel: translatedOnce(page.lang, "eservice", "form.municipality.label"),
  });
}

/**
 * In front of Express (scripts/serve.mjs): false when the app must answer, else a promise of
 * whether this answered the request (false: the app answers, with the page read here in its
 * load context so that its loader does not read it again).
 */
export function serveFromCheckTemplate(
  req: Req,
  res: Res,
  securityHeaders: { set?: SecurityHeaderSet },
): false | Promise<boolean> {
  const set = securityHeaders.set;
  if (!set || req.method !== "GET" || !enabled()) return false;
  const eligible = checkTemplateEligible(req.method, req.url, req.headers.cookie, req.headers.authorization);
  if (!eligible || res.getHeaderNames().length > 0) return false;
  // Read as the loader reads it: URL and cookies (decision 191: no Fetch Request made for it).
  const request = requestHead(`http://portal${req.url}`, "GET", new Headers({ cookie: req.headers.cookie ?? "" }));
  return checkPage(request, { id: eligible.id }).then(
    (page) => {
      const early: EarlyCheckPage = { path: req.url!, page };
      (res.locals ??= {}).earlyCheckPage = early;
      if (!page.frameKey || res.getHeaderNames().length > 0) return false;
      const key = `${eligible.key}\u0000${page.frameKey}`;
      const entry = entries.get(key);
      if (entry && entry.set === set && fresh(entry)) {
        const rows = rowsOf(page);
        if (rows === null) return false;
        send(req, res, entry, eligible.seed, rows, page.data.idempotencyKey);
        return true;
      }
      if (entry) entries.delete(key);
      const no = refused.get(key);
      if (!(no && fresh({ storedAt: no.at, generation: no.generation }))) watch(res, key, eligible, page, set);
      return false;
    },
    // A redirect (a visitor who may not see the page yet), a 404, an error: the app answers.
    () => false,
  );
}

function watch(
  res: Res,
  key: string,
  eligible: { seed: string | null; browserKey: string },
  page: CheckPage,
  set: SecurityHeaderSet,
) {
  const generation = anonymousPageCache().currentGeneration();
  const refuse = () => {
    refused.delete(key);
    refused.set(key, { at: Date.now(), generation });
    if (refused.size > MAX_ENTRIES * 4) refused.delete(refused.keys().next().value!);
  };
  watchAnswer(res.req, res, (live) => {
    const vouchedFor = live ? vouched.get(live.requestId) : undefined;
    if (live) vouched.delete(live.requestId);
    if (!live || vouchedFor !== page.frameKey) return refuse();
    const head = makeTemplate({ ...live, seed: eligible.seed, browserKey: eligible.browserKey, set, generation });
    const rows = rowsOf(page);
    const template = head && rows !== null ? cut(head, rows, page.data.idempotencyKey) : null;
    if (!head || !template) return refuse();
    if (generation !== anonymousPageCache().currentGeneration()) return;
    refused.delete(key);
    entries.delete(key);
    entries.set(key, {
      generation,
      storedAt: Date.now(),
      set,
      head: head.head,
      idSlot: head.idSlot,
      cspSlot: head.cspSlot,
      seedSlot: head.seedSlot,
      seedCookie: head.seedCookie,
      ...template,
    });
    while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  });
}

/**
 * The live body cut into its fixed parts, or null unless it is exactly the expected shape: one
 * summary list whose rows are `rows` byte for byte, the idempotency key once and after it, and
 * the token's and nonce's places (found by `makeTemplate`, which refused any other copy of
 * either) outside it.
 */
function cut(t: StepTemplate, rows: string, idempotencyKey: string): { parts: Buffer[]; slots: SlotKind[] } | null {
  const body = t.body;
  const opens = occurrences(body, LIST_OPEN);
  if (opens.length !== 1) return null;
  const from = opens[0]! + LIST_OPEN.length;
  const to = body.indexOf(LIST_CLOSE, from);
  if (to < 0 || !body.subarray(from, to).equals(Buffer.from(rows))) return null;
  const places: { at: number; length: number; kind: SlotKind }[] = [{ at: from, length: to - from, kind: "rows" }];
  const keys = occurrences(body, idempotencyKey);
  if (keys.length !== 1 || keys[0]! < to) return null;
  places.push({ at: keys[0]!, length: idempotencyKey.length, kind: "key" });
  for (const slot of t.slots) {
    const length = slot.kind === 0 ? t.tokenLength : t.nonceLength;
    if (slot.at < to && slot.at + length > from) return null;
    places.push({ at: slot.at, length, kind: slot.kind === 0 ? "token" : "nonce" });
  }
  places.sort((a, b) => a.at - b.at);
  const parts: Buffer[] = [];
  let at = 0;
  for (const p of places) {
    if (p.at < at) return null;
    parts.push(Buffer.from(body.subarray(at, p.at)));
    at = p.at + p.length;
  }
  parts.push(Buffer.from(body.subarray(at)));
  return { parts, slots: places.map((p) => p.kind) };
}

function send(req: Req, res: Res, t: CheckTemplate, existingSeed: string | null, rows: string, key: string) {
  const seed = existingSeed ?? randomValue();
  const token = anonymousCsrfToken(seed);
  const nonce = freshNonce();
  const values = t.slots.map((kind) =>
    Buffer.from(kind === "rows" ? rows : kind === "token" ? token : kind === "nonce" ? nonce : key),
  );
  const pieces: Buffer[] = [t.parts[0]!];
  for (let i = 0; i < values.length; i++) pieces.push(values[i]!, t.parts[i + 1]!);
  const body = Buffer.concat(pieces);
  const head = t.head.slice();
  head[t.idSlot] = randomUUID();
  head[t.cspSlot] = `${t.set.cspHead}${nonce}${t.set.cspTail}`;
  if (t.seedSlot >= 0) head[t.seedSlot] = `${t.seedCookie[0]}${seed}${t.seedCookie[1]}`;
  let out: Buffer = body;
  if (acceptsGzip(req)) {
    out = gzip(t, values, body);
    head.push("Content-Encoding", "gzip");
  }
  head.push("Content-Length", String(out.length));
  res.writeHead(200, head);
  res.end(out);
}

/**
 * The body as gzip: each fixed part deflated once per template (a sync flush ends it on a byte
 * boundary and nothing refers across it), each value a stored block written per answer, then an
 * empty final block and the trailer (CRC-32 and length of this answer's body).
 */
function gzip(t: CheckTemplate, values: Buffer[], body: Buffer): Buffer {
  const parts = (t.gzipParts ??= t.parts.map((p) =>
    p.length ? deflateRawSync(p, { finishFlush: constants.Z_SYNC_FLUSH }) : Buffer.alloc(0),
  ));
  const out: Buffer[] = [Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]), parts[0]!];
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    for (let at = 0; at < v.length; at += 0xffff) {
      const n = Math.min(0xffff, v.length - at);
      out.push(Buffer.from([0, n & 0xff, n >> 8, ~n & 0xff, (~n >> 8) & 0xff]), v.subarray(at, at + n));
    }
    out.push(parts[i + 1]!);
  }
  const tail = Buffer.alloc(13);
  tail.set([1, 0, 0, 0xff, 0xff]);
  tail.writeUInt32LE(crc32(body) >>> 0, 5);
  tail.writeUInt32LE(body.length >>> 0, 9);
  out.push(tail);
  return Buffer.concat(out);
}
