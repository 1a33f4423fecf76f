/**
 * The diarium page's own links from its parsed query: the result pages and the CSV of a search.
 * Shared by the route and the page's template (app/http/diarium-template.server.ts, decision 144),
 * so that both write the same address.
 */
type Query = Record<string, unknown>;

function params(query: Query): URLSearchParams {
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (k !== "sida" && v !== undefined && v !== "") out.set(k, String(v));
  return out;
}

/** A page of the search's results (page 1 without `sida`). */
export function diariumPageHref(query: Query, page: number): string {
  const p = params(query);
  if (page > 1) p.set("sida", String(page));
  const s = p.toString();
  return s ? `/diarium?${s}` : "/diarium";
}

/** The search's results as CSV (every page). */
export function diariumCsvHref(query: Query): string {
  const s = params(query).toString();
  return `/diarium.csv${s ? `?${s}` : ""}`;
}
