/**
 * The anonymous page cache (docs/decisions/030).
 *
 * Anonymous visitors all see the same HTML for a URL, given their language and chosen
 * municipality. Rendering it with React for every request costs far more than sending bytes,
 * so the server keeps finished pages in memory, keyed by URL + `lang` cookie + `kommun` cookie.
 *
 * Only for GET requests that carry no cookie other than those two and the CSRF seed (so never
 * for anyone with a session, a draft or a flash message), only for 200 HTML answers that
 * contain no CSP nonce (pages that ship no script) and no CSRF field, set no cookie other than
 * the preference cookies and do not say `no-store`/`private`.
 * The CSRF seed does not vary a cacheable page: the seed cookie is set, and the token shown,
 * only with pages that carry a form or hydrate, and those are `private, no-store`
 * (app/auth/csrf.server.ts), so a stored page never contains anything derived from a seed.
 * Editors' publish actions call `invalidateAnonymousCache()`; a short time-to-live also bounds
 * staleness for changes that are not publications (scheduled publishing, new diarium entries).
 */

import { gzipSync } from "node:zlib";
import { env } from "~/env.server";

/** Cookies that only carry preferences and may vary a cached page; any other cookie bypasses. */
export const PREFERENCE_COOKIES = ["lang", "kommun"] as const;
/**
 * Cookies that neither vary a cacheable page nor make a request personal: the CSRF seed (a page
 * that shows a token derived from it is never cacheable, see above).
 */
export const NEUTRAL_COOKIES = ["csrf", "__Host-csrf"] as const;

export interface CachedPage {
  status: number;
  headers: [string, string | string[]][];
  body: Buffer;
  /** The body gzip-compressed, made at the first hit that accepts gzip. */
  gzip?: Buffer;
  /** The fast path's header lists (app/http/middleware.server.ts), made at the first hit. */
  wire?: HitWire;
  wireGzip?: HitWire;
  storedAt: number;
}

interface HitWire {
  set: object;
  list: string[];
  idSlot: number;
  cspSlot: number;
}

export interface PageCacheOptions {
  maxEntries?: number;
  maxBytes?: number;
  ttlMs?: number;
  now?: () => number;
}

export function parseCookieNames(header: string | undefined | null): Map<string, string> {
  const out = new Map<string, string>();
  if (!header) return out;
  for (const part of header.split(";")) {
    const i = part.indexOf("=");
    if (i <= 0) continue;
    out.set(part.slice(0, i).trim(), part.slice(i + 1).trim());
  }
  return out;
}

/** True when the request carries a cookie that is not a mere preference or the CSRF seed (a session, a draft key …). */
export function hasPersonalCookie(cookieHeader: string | undefined | null): boolean {
  for (const name of parseCookieNames(cookieHeader).keys()) {
    if (
      !(PREFERENCE_COOKIES as readonly string[]).includes(name) &&
      !(NEUTRAL_COOKIES as readonly string[]).includes(name)
    )
      return true;
  }
  return false;
}

/** The names of the cookies a Set-Cookie header list sets. */
export function setCookieNames(setCookie: string | string[] | number | undefined): string[] {
  if (setCookie === undefined || typeof setCookie === "number") return [];
  return (Array.isArray(setCookie) ? setCookie : [setCookie]).map((c) => (c.split("=")[0] ?? "").trim());
}

export class AnonymousPageCache {
  private entries = new Map<string, CachedPage>();
  /** The key inserted or touched last: the Map's last entry. */
  private newest: string | undefined;
  private bytes = 0;
  private generation = 0;
  readonly maxEntries: number;
  readonly maxBytes: number;
  readonly ttlMs: number;
  private now: () => number;
  stats = { hits: 0, misses: 0, stores: 0, invalidations: 0 };

  constructor(options: PageCacheOptions = {}) {
    this.maxEntries = options.maxEntries ?? 5_000;
    this.maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
    this.ttlMs = options.ttlMs ?? 60_000;
    this.now = options.now ?? Date.now;
  }

  /** Key for a request, or null when the request must not be served from or stored in the cache. */
  keyFor(
    method: string,
    url: string,
    cookieHeader: string | undefined | null,
    authorization?: string | null,
  ): string | null {
    if (method !== "GET") return null;
    if (authorization) return null;
    // Most anonymous requests carry no cookie at all: no parsing.
    if (!cookieHeader) return `${url}\u0000\u0000`;
    if (hasPersonalCookie(cookieHeader)) return null;
    const cookies = parseCookieNames(cookieHeader);
    return `${url}\u0000${cookies.get("lang") ?? ""}\u0000${cookies.get("kommun") ?? ""}`;
  }

  get(key: string): CachedPage | undefined {
    const hit = this.entries.get(key);
    if (!hit || this.now() - hit.storedAt > this.ttlMs) {
      if (hit) this.delete(key);
      this.stats.misses++;
      return undefined;
    }
    // Least recently used goes first: re-insert on a hit, unless it is the newest already (a
    // page hit again and again, the common case: the Map's delete + set was a twentieth of a
    // hit's JavaScript, decision 119).
    if (key !== this.newest) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      this.newest = key;
    }
    this.stats.hits++;
    return hit;
  }

  /** The entry for a key as stored, without counting a hit or touching its age (decision 144). */
  peek(key: string): CachedPage | undefined {
    return this.entries.get(key);
  }

  /** The generation at the start of a render; a page rendered before an invalidation is not stored. */
  currentGeneration(): number {
    return this.generation;
  }

  set(key: string, page: Omit<CachedPage, "storedAt">, generation = this.generation): boolean {
    if (generation !== this.generation) return false;
    if (page.body.length > this.maxBytes / 16) return false;
    this.delete(key);
    this.entries.set(key, { ...page, storedAt: this.now() });
    this.newest = key;
    this.bytes += page.body.length + (page.gzip?.length ?? 0);
    this.stats.stores++;
    this.evictOverBounds();
    return true;
  }

  /**
   * The entry's body gzip-compressed, made at its first hit that accepts gzip. Its bytes count
   * towards `maxBytes` as the body's do, so the bound holds for both copies (decision 113).
   */
  gzipOf(key: string, page: CachedPage): Buffer {
    if (page.gzip) return page.gzip;
    const gzip = gzipSync(page.body);
    page.gzip = gzip;
    if (this.entries.get(key) === page) {
      this.bytes += gzip.length;
      this.evictOverBounds();
    }
    return gzip;
  }

  private evictOverBounds() {
    while (this.entries.size > this.maxEntries || this.bytes > this.maxBytes) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.delete(oldest);
    }
  }

  /** Bytes held: bodies and their compressed copies. */
  get heldBytes() {
    return this.bytes;
  }

  invalidate() {
    this.entries.clear();
    this.newest = undefined;
    this.bytes = 0;
    this.generation++;
    this.stats.invalidations++;
  }

  get size() {
    return this.entries.size;
  }

  private delete(key: string) {
    const e = this.entries.get(key);
    if (!e) return;
    this.bytes -= e.body.length + (e.gzip?.length ?? 0);
    this.entries.delete(key);
    if (key === this.newest) this.newest = undefined;
  }
}

/**
 * Whether an answer may be stored: 200, HTML, no nonce in the body (a page with scripts carries
 * the response's nonce and must not be replayed under another response's CSP), no CSRF field
 * (a token belongs to one browser and session), no cookie other
 * than preferences, and the route did not opt out with `Cache-Control: no-store` or `private`.
 */
export function isCacheable(
  status: number,
  headers: Record<string, string | string[] | number | undefined>,
  body: Buffer,
  nonce: string,
): boolean {
  if (status !== 200) return false;
  const type = String(headers["content-type"] ?? "");
  if (!type.startsWith("text/html")) return false;
  const cc = String(headers["cache-control"] ?? "");
  if (/no-store|private|no-cache/i.test(cc)) return false;
  if (setCookieNames(headers["set-cookie"]).some((n) => !(PREFERENCE_COOKIES as readonly string[]).includes(n)))
    return false;
  if (nonce && body.includes(nonce)) return false;
  // Belt and braces: a page with a CSRF field is `private, no-store` already (csrf.server.ts).
  if (body.includes('name="_csrf"')) return false;
  return true;
}

const globalKey = Symbol.for("dalsland-portal.anonymous-page-cache");
type WithCache = typeof globalThis & { [globalKey]?: AnonymousPageCache };

/** The process's cache (one per server process; survives dev rebuilds via globalThis). */
export function anonymousPageCache(): AnonymousPageCache {
  const g = globalThis as WithCache;
  g[globalKey] ??= new AnonymousPageCache({ ttlMs: env().PAGE_CACHE_TTL_MS });
  return g[globalKey];
}

/** Call after anything visible to anonymous visitors changes (publish, unpublish, edit). */
export function invalidateAnonymousCache() {
  anonymousPageCache().invalidate();
}
