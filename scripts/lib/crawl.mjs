// A bounded breadth-first crawl over plain HTTP: which pages exist, one or a few URLs per route
// pattern, every internal link checked. The Playwright sweep and the benchmark start from it.
import { internalLinks } from "./html.mjs";
import { matchRoute } from "./routes.mjs";

/**
 * @param {string} base e.g. http://127.0.0.1:3380
 * `scope` (optional) bounds the crawl to an area, e.g. a logged-in role's pages: a link outside
 * it is only checked (one GET, its status kept, not parsed), never crawled further.
 * @param {{routes: any[], start?: string[], maxPages?: number, perPattern?: number, headers?: Record<string,string>, scope?: (url: URL) => boolean}} o
 * @returns pages (fetched documents) and links (every internal link seen, with its status)
 */
export async function crawl(base, { routes, start = ["/"], maxPages = 150, perPattern = 3, headers = {}, scope }) {
  const queue = start.map((p) => new URL(p, base).href);
  const seen = new Set(queue);
  const perRoute = new Map();
  const pages = [];
  const linkStatus = new Map(); // url -> status (from a HEAD-like GET)
  const linkedFrom = new Map();
  while (queue.length > 0 && pages.length < maxPages) {
    const url = /** @type {string} */ (queue.shift());
    const res = await fetch(url, { headers, redirect: "manual", signal: AbortSignal.timeout(20_000) });
    const type = res.headers.get("content-type") ?? "";
    const body = type.includes("text/html") ? await res.text() : (await res.arrayBuffer(), "");
    linkStatus.set(url, res.status);
    const u = new URL(url);
    const route = matchRoute(routes, u.pathname);
    pages.push({
      url,
      path: u.pathname + u.search,
      status: res.status,
      type,
      route: route?.id ?? null,
      html: body,
      location: res.headers.get("location"),
    });
    const targets =
      res.status >= 300 && res.status < 400 && res.headers.get("location")
        ? [new URL(res.headers.get("location"), url).href]
        : internalLinks(body, url);
    for (const link of targets) {
      if (!linkedFrom.has(link)) linkedFrom.set(link, url);
      if (seen.has(link)) continue;
      seen.add(link);
      const lu = new URL(link);
      if (/\.(pdf|csv|zip|png|jpe?g|svg|ico|css|js|json|txt|xml)$/i.test(lu.pathname)) {
        // Files are checked for existence, not crawled.
        const r = await fetch(link, { headers, signal: AbortSignal.timeout(20_000) });
        await r.arrayBuffer();
        linkStatus.set(link, r.status);
        continue;
      }
      if (scope && !scope(lu)) {
        const r = await fetch(link, { headers, redirect: "manual", signal: AbortSignal.timeout(20_000) });
        await r.arrayBuffer();
        linkStatus.set(link, r.status);
        continue;
      }
      // Both languages of a pattern are covered: the key includes ?lang=.
      const key = `${matchRoute(routes, lu.pathname)?.id ?? lu.pathname}|${lu.searchParams.get("lang") ?? ""}`;
      const n = perRoute.get(key) ?? 0;
      if (n >= perPattern) continue;
      perRoute.set(key, n + 1);
      queue.push(link);
    }
  }
  const broken = [...linkStatus]
    .filter(([, s]) => s === 404 || s >= 500)
    .map(([url, status]) => ({ url, status, from: linkedFrom.get(url) ?? null }));
  return { pages, broken, linkStatus, unvisited: queue.length };
}
