// The anonymous page cache must give back exactly the bytes a fresh render gives, and no page
// may carry U+0000 (docs/decisions/030, 045). The sweep runs this over every page it crawled.

/**
 * A cookie the app never reads. Any cookie other than the preference cookies and the CSRF seed
 * makes a request personal, so it is neither answered from the cache nor stored in it
 * (app/services/page-cache.server.ts): the answer is a fresh render, in every environment,
 * without a bypass switch in the server.
 */
export const FRESH_RENDER_COOKIE = "cache-check=fresh";

async function get(url, headers) {
  // identity: the bytes as stored, not a gzip made from them.
  const res = await fetch(url, {
    headers: { ...headers, "accept-encoding": "identity" },
    redirect: "manual",
    signal: AbortSignal.timeout(20_000),
  });
  return { status: res.status, xCache: res.headers.get("x-cache"), bytes: Buffer.from(await res.arrayBuffer()) };
}

function firstDifference(a, b) {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return n;
}

/** A readable window around a byte offset (NUL shown as \0). */
function around(bytes, at) {
  return bytes
    .subarray(Math.max(0, at - 40), at + 40)
    .toString("utf8")
    .replaceAll("\u0000", "\\0");
}

/**
 * For each path: fetch it (after the crawl's visit, a cacheable page is now a hit); for every
 * hit, fetch a fresh render with FRESH_RENDER_COOKIE and compare byte for byte.
 * @param {string} base
 * @param {string[]} paths
 * @param {Record<string,string>} [headers] the visitor's headers (e.g. a lang cookie)
 * @returns {Promise<{ hits: string[], mismatches: { path: string, at: number, cached: string, fresh: string }[], nul: string[], bypassFailed: string[] }>}
 */
export async function compareCacheHitsWithFreshRenders(base, paths, headers = {}) {
  const hits = [];
  const mismatches = [];
  const nul = [];
  const bypassFailed = [];
  for (const path of paths) {
    const url = new URL(path, base).href;
    const cached = await get(url, headers);
    if (cached.bytes.includes(0)) nul.push(path);
    if (cached.xCache !== "hit") continue;
    hits.push(path);
    const cookie = [headers.cookie, FRESH_RENDER_COOKIE].filter(Boolean).join("; ");
    const fresh = await get(url, { ...headers, cookie });
    if (fresh.xCache === "hit") {
      bypassFailed.push(path);
      continue;
    }
    if (fresh.bytes.includes(0)) nul.push(`${path} (fresh)`);
    if (cached.status !== fresh.status || !cached.bytes.equals(fresh.bytes)) {
      const at = firstDifference(cached.bytes, fresh.bytes);
      mismatches.push({ path, at, cached: around(cached.bytes, at), fresh: around(fresh.bytes, at) });
    }
  }
  return { hits, mismatches, nul, bypassFailed };
}
