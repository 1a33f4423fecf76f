/**
 * The diarium's search page from a template (docs/decisions/144).
 *
 * A first search of the diarium (a URL the anonymous page cache has not stored yet) was rendered by
 * Express, Remix and React in full: about two thirds of its CPU went to the page around the 25 rows
 * (header, footer, the search form and its choices, route matching, compression), the same bytes
 * for every search of a visitor with the same cookies. Here that page is kept as a template per
 * cookie header, made from a live answer, and only the search's own parts are written per request:
 * - the address in the header's links (choose municipality, log in, the other language) and the
 *   search field's value;
 * - the result section (count, CSV link, table, paging), written by `resultSectionHtml`, which
 *   writes what the route's JSX renders.
 * A template is kept only when the live answer it is made from is, byte for byte, that template
 * filled for the same search, result section included.
 *
 * Eligible: GET `/diarium?…` with `q` and/or `sida` only (each at most once) that the page's own
 * parser accepts, no Authorization, no cookie but `lang`, `kommun` and the CSRF seed (each at most
 * once): exactly the requests whose answer the anonymous page cache stores. Filters, errors, `?lang=`
 * and everything else go to the app. Same rate limit (`rateLimits`, the expensive-GET bucket), same
 * security headers; the answer is stored in the anonymous page cache as the live one would be.
 * A template lives while the page cache's generation is the one it was made under (municipalities,
 * administrations, published texts, decision 030) and for `PAGE_CACHE_TTL_MS`; `PAGE_CACHE=off`
 * turns it off.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { gzipSync } from "node:zlib";
import { env } from "~/env.server";
import { getFixedT } from "~/i18n/i18n.server";
import { defaultLanguage, isLanguage, type Language } from "~/i18n/config";
import {
  DIARIUM_CSV_MAX,
  parseDiariumQuery,
  searchDiarium,
  type DiariumQuery,
  type PublicDiariumEntry,
} from "~/services/diarium.server";
import { anonymousPageCache, NEUTRAL_COOKIES, PREFERENCE_COOKIES } from "~/services/page-cache.server";
import { diariumCsvHref, diariumPageHref } from "~/utils/diarium-links";
import { formatDate } from "~/utils/format";
import { withoutNulBytes } from "~/utils/html-stream.server";
import { log } from "~/utils/logger.server";
import { clientAddress } from "./client-address.server";
import { rateLimitsFor } from "./middleware.server";
import { enabled, fresh } from "./step-template.server";

type Req = IncomingMessage;
type Res = ServerResponse & { locals?: Record<string, unknown> };

const PATH = "/diarium";
const MAX_ENTRIES = 16;
const RESULTS_START = '<section aria-labelledby="result-heading">';
const RESULTS_END = '<section aria-labelledby="feed-heading">';
const ALLOWED_COOKIES = new Set<string>([...PREFERENCE_COOKIES, ...NEUTRAL_COOKIES]);

/** What varies in the page around the results: the address (three links) and the search field. */
type Slot = "back" | "languageHref" | "q";

interface Template {
  /** Literal text and slots, alternating: text, slot, text, …, text. */
  head: string[];
  slots: Slot[];
  tail: string;
  headers: [string, string][];
  generation: number;
  storedAt: number;
}

interface Eligible {
  /** The cookie header without the seed's value: what the page around the results depends on. */
  key: string;
  cacheKey: string;
  search: string;
  query: DiariumQuery;
  lang: Language;
}

const templates = new Map<string, Template>();
/** Keys whose live answer could not be made a template, with when: not tried again within the TTL. */
const refused = new Map<string, number>();
/** Keys whose live answer is being watched. */
const watching = new Set<string>();

/** React's escaping of text and attribute values (escapeTextForBrowser). */
export function escapeHtml(value: string): string {
  return value.replace(/["&'<>]/g, (c) =>
    c === '"' ? "&quot;" : c === "&" ? "&amp;" : c === "'" ? "&#x27;" : c === "<" ? "&lt;" : "&gt;",
  );
}

/** The request when its answer may come from a template, else null (the app answers it). */
export function diariumTemplateEligible(req: Req): Eligible | null {
  if (req.method !== "GET" || req.headers.authorization) return null;
  const url = req.url ?? "";
  if (!url.startsWith(`${PATH}?`)) return null;
  // The address as Remix sees it (a WHATWG URL: some characters percent-encoded), as the header's
  // links are written from it.
  const search = new URL(url, "http://localhost").search;
  const params = new URLSearchParams(search);
  const names = [...params.keys()];
  if (names.length === 0 || names.some((n) => n !== "q" && n !== "sida") || new Set(names).size !== names.length)
    return null;
  const cookies: string[] = [];
  let lang: Language = defaultLanguage;
  const seen = new Set<string>();
  for (const part of (req.headers.cookie ?? "").split(";")) {
    const trimmed = part.trim();
    if (!trimmed) continue;
    const i = trimmed.indexOf("=");
    const name = i <= 0 ? trimmed : trimmed.slice(0, i);
    if (!ALLOWED_COOKIES.has(name) || seen.has(name)) return null;
    seen.add(name);
    if ((NEUTRAL_COOKIES as readonly string[]).includes(name)) continue;
    const value = trimmed.slice(i + 1);
    if (name === "lang") {
      if (!isLanguage(value)) return null;
      lang = value;
    }
    cookies.push(trimmed);
  }
  const cacheKey = anonymousPageCache().keyFor("GET", url, req.headers.cookie);
  if (cacheKey === null) return null;
  const parsed = parseDiariumQuery(params);
  if (!parsed.ok) return null;
  return { key: cookies.join("; "), cacheKey, search, query: parsed.query, lang };
}

/** The slots' values for a request. */
function slotValues(e: Eligible): Record<Slot, string> {
  const params = new URLSearchParams(e.search);
  params.set("lang", e.lang === "sv" ? "en" : "sv");
  const q = e.query.q;
  return {
    back: escapeHtml(encodeURIComponent(`${PATH}${e.search}`)),
    languageHref: escapeHtml(`${PATH}?${params.toString()}`),
    q: escapeHtml(q === undefined ? "" : String(q)),
  };
}

/**
 * The result section as the route renders it (app/routes/diarium.tsx): the same elements,
 * attributes, texts and React's `<!-- -->` between two adjacent texts.
 */
export function resultSectionHtml(
  query: DiariumQuery,
  result: { total: number; page: number; pages: number; entries: PublicDiariumEntry[] },
  lang: Language,
): string {
  const t = getFixedT(lang, "diarium");
  const x = escapeHtml;
  const out: string[] = [
    RESULTS_START,
    `<h2 id="result-heading" aria-live="polite">${x(t("resultCount", { count: result.total }))}</h2>`,
  ];
  if (result.total === 0) {
    out.push(`<p>${x(t("noResults"))}</p>`);
  } else {
    const q = query as Record<string, unknown>;
    out.push(
      `<p><a href="${x(diariumCsvHref(q))}" download="">${x(t("export"))}</a> <span class="field__hint">${x(t("exportNote", { max: DIARIUM_CSV_MAX }))}</span></p>`,
      `<div class="table-wrap" tabindex="0" role="region" aria-labelledby="diarium-caption"><table class="diarium-table"><caption id="diarium-caption">${x(t("table.caption"))}</caption><thead><tr>`,
    );
    // Literal keys, so the key check (app/i18n/keys-used.test.ts) sees each of them.
    const headings = [
      t("table.reference"),
      t("table.date"),
      t("table.title"),
      t("table.party"),
      t("table.municipalityAndAdministration"),
      t("table.status"),
      t("table.request"),
    ];
    for (const heading of headings) out.push(`<th scope="col">${x(heading)}</th>`);
    out.push("</tr></thead><tbody>");
    const requestLink = x(t("requestLink"));
    for (const e of result.entries) {
      out.push(
        `<tr><th scope="row" class="nowrap">${x(e.reference)}</th><td class="nowrap">${x(formatDate(e.registeredAt))}</td><td>${x(e.title)}`,
      );
      if (e.subject) out.push(`<br/><span class="field__hint">${x(e.subject)}</span>`);
      out.push(
        `</td><td>${x(e.party)}</td><td>${x(e.municipality)}<br/><span class="field__hint">${x(e.administration)}</span></td><td>${x(e.statusLabel)}</td><td>`,
      );
      if (e.requestable)
        out.push(
          `<a href="${x(`/blanketter/begaran-allman-handling?diarienummer=${encodeURIComponent(e.reference)}`)}">${requestLink}<!-- --> <span class="visually-hidden">${x(t("requestLinkContext", { reference: e.reference }))}</span></a>`,
        );
      out.push("</td></tr>");
    }
    out.push(`</tbody></table></div><nav aria-label="${x(t("pagination.label"))}"><ul class="pagination">`);
    if (result.page > 1)
      out.push(
        `<li><a rel="prev" data-discover="true" href="${x(diariumPageHref(q, result.page - 1))}">${x(t("pagination.previous"))}</a></li>`,
      );
    out.push(`<li aria-current="page">${x(t("pagination.page", { page: result.page, pages: result.pages }))}</li>`);
    if (result.page < result.pages)
      out.push(
        `<li><a rel="next" data-discover="true" href="${x(diariumPageHref(q, result.page + 1))}">${x(t("pagination.next"))}</a></li>`,
      );
    out.push("</ul></nav>");
  }
  out.push("</section>");
  return out.join("");
}

/**
 * Answers an eligible search from its template (true), or lets the app answer it (false) and, when
 * there is no template for its cookies yet, makes one from that live answer.
 */
export function serveFromDiariumTemplate(
  req: Req,
  res: Res,
  securityHeaders: (res: Res) => void,
  trustOneProxy = false,
): boolean {
  if (!enabled() || req.method !== "GET" || !req.url?.startsWith(`${PATH}?`)) return false;
  const eligible = diariumTemplateEligible(req);
  if (!eligible) return false;
  const template = templates.get(eligible.key);
  if (!template || !fresh(template)) {
    if (template) templates.delete(eligible.key);
    watch(res, eligible);
    return false;
  }
  // The server's own order: security headers, then the rate limit (scripts/serve.mjs).
  securityHeaders(res);
  let allowed = false;
  // Keyed by the client address Express would give the app (one trusted proxy hop or none).
  rateLimitsFor(clientAddress(req, trustOneProxy) ?? "unknown", req, res, () => {
    allowed = true;
  });
  if (!allowed) return true;
  let body: Buffer;
  try {
    // As the live answer (decision 045): no 0x00 byte, a search's U+0000 included.
    body = withoutNulBytes(Buffer.from(fill(template, eligible), "utf8"));
  } catch (error) {
    // The app answers, as without a template (its error page, its log line).
    log("warn", "diarium template not used", { error: String(error) });
    templates.delete(eligible.key);
    return false;
  }
  const cache = anonymousPageCache();
  const page = { status: 200, headers: template.headers, body, gzip: undefined as Buffer | undefined };
  const gzip = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
  if (gzip) page.gzip = gzipSync(body);
  for (const [name, value] of template.headers) res.setHeader(name, value);
  res.setHeader("X-Cache", "template");
  res.setHeader("Vary", "Accept-Encoding");
  if (gzip) res.setHeader("Content-Encoding", "gzip");
  const sent = gzip ? page.gzip! : body;
  res.setHeader("Content-Length", sent.length);
  res.statusCode = 200;
  res.end(sent);
  // A repeat of this search is a cache hit, as after a live answer.
  cache.set(eligible.cacheKey, page, template.generation);
  return true;
}

function fill(template: Template, e: Eligible): string {
  const values = slotValues(e);
  const result = searchDiarium(e.query, e.lang);
  const out: string[] = [];
  template.head.forEach((text, i) => {
    out.push(text);
    const slot = template.slots[i];
    if (slot) out.push(values[slot]);
  });
  out.push(resultSectionHtml(e.query, result, e.lang), template.tail);
  return out.join("");
}

/** Watches a live answer and, when it was stored by the page cache, makes it the key's template. */
function watch(res: Res, e: Eligible) {
  // A U+0000 in the search is dropped from the live page (decision 045): its places cannot be found.
  if (watching.has(e.key) || e.search.includes("%00")) return;
  const refusedAt = refused.get(e.key);
  if (refusedAt !== undefined && Date.now() - refusedAt <= env().PAGE_CACHE_TTL_MS) return;
  const cache = anonymousPageCache();
  const generation = cache.currentGeneration();
  watching.add(e.key);
  res.on("close", () => watching.delete(e.key));
  res.on("finish", () => {
    watching.delete(e.key);
    const page = cache.peek(e.cacheKey);
    if (!page || generation !== cache.currentGeneration()) return;
    try {
      const made = makeTemplate(page.body.toString("utf8"), e, page.headers, generation);
      if (made) {
        // The oldest goes first: one per cookie header (languages × municipality cookies) is few.
        while (templates.size >= MAX_ENTRIES) templates.delete(templates.keys().next().value!);
        templates.set(e.key, made);
        refused.delete(e.key);
      } else refused.set(e.key, Date.now());
    } catch (error) {
      refused.set(e.key, Date.now());
      log("warn", "diarium template not made", { error: String(error) });
    }
  });
}

/**
 * A template from a live answer, or null when the answer is not exactly the template filled for
 * the same search: each slot's value found where expected, the result section written as the route
 * writes it.
 */
export function makeTemplate(
  html: string,
  e: Eligible,
  headers: [string, string | string[]][],
  generation: number,
): Template | null {
  const start = html.indexOf(RESULTS_START);
  const end = html.indexOf(RESULTS_END);
  if (
    start < 0 ||
    end < start ||
    html.indexOf(RESULTS_START, start + 1) >= 0 ||
    html.indexOf(RESULTS_END, end + 1) >= 0
  )
    return null;
  const before = html.slice(0, start);
  const values = slotValues(e);
  // Where each slot's value stands: after its attribute, up to the closing quote.
  const marks: { at: number; length: number; slot: Slot }[] = [];
  const find = (prefix: string, slot: Slot) => {
    const needle = `${prefix}${values[slot]}"`;
    for (let i = before.indexOf(needle); i >= 0; i = before.indexOf(needle, i + 1))
      marks.push({ at: i + prefix.length, length: values[slot].length, slot });
  };
  find("?tillbaka=", "back");
  find("?redirectTo=", "back");
  find('<a href="', "languageHref");
  const input = before.indexOf('<input id="q" name="q"');
  if (input < 0) return null;
  const valueAt = before.indexOf(' value="', input);
  if (valueAt < 0 || before.indexOf("/>", input) < valueAt) return null;
  marks.push({ at: valueAt + ' value="'.length, length: values.q.length, slot: "q" });
  marks.sort((a, b) => a.at - b.at);
  // Every header link must have been found, and no two places may overlap.
  const count = (slot: Slot) => marks.filter((m) => m.slot === slot).length;
  if (count("back") !== 2 || count("languageHref") !== 1) return null;
  const head: string[] = [];
  const slots: Slot[] = [];
  let from = 0;
  for (const m of marks) {
    if (m.at < from) return null;
    head.push(before.slice(from, m.at));
    slots.push(m.slot);
    from = m.at + m.length;
  }
  head.push(before.slice(from));
  const keep: [string, string][] = [];
  for (const [name, value] of headers) for (const v of Array.isArray(value) ? value : [value]) keep.push([name, v]);
  if (keep.some(([name]) => name.toLowerCase() === "set-cookie")) return null;
  const template: Template = { head, slots, tail: html.slice(end), headers: keep, generation, storedAt: Date.now() };
  // The live answer must be the template filled for the same search, result section included.
  return fill(template, e) === html ? template : null;
}

/** Forgets every template (tests). */
export function clearDiariumTemplates() {
  templates.clear();
  refused.clear();
  watching.clear();
}
