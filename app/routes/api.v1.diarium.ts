import { apiAction, apiError, apiLoader, pageJson, pageOf, pageOutOfRange, parsePage } from "~/services/api.server";
import { parseDiariumQuery, searchDiarium } from "~/services/diarium.server";
import { isLanguage } from "~/i18n/config";

/**
 * The public register of cases, masked exactly as on the web: the entries come from the
 * diarium module's own search (its one masking function), never from the tables directly.
 * Filters as on /diarium (q, kommun, forvaltning, status, fran, till, lang); paged as every
 * list of the API (page, pageSize 1–100, default 20) with the Link header (decision 063).
 */
export const loader = apiLoader(({ request }) => {
  const params = new URLSearchParams(new URL(request.url).searchParams);
  const page = parsePage(request);
  params.delete("page");
  params.delete("pageSize");
  const lang = params.get("lang") ?? "sv";
  if (!isLanguage(lang)) throw apiError(400, "bad_request", "lang must be sv or en.");
  // The web's page parameter is not the API's: sida here is an unknown parameter, as any other.
  if (params.has("sida")) throw apiError(400, "bad_request", "Unknown parameter sida: use page.");
  const parsed = parseDiariumQuery(params);
  if (!parsed.ok) {
    throw apiError(
      400,
      "bad_request",
      Object.entries(parsed.errors)
        .map(([k, v]) => `${k}: ${v.code}`)
        .join("; "),
    );
  }
  const result = searchDiarium({ ...parsed.query, sida: page.page }, lang, page.pageSize);
  if (page.page > result.pages) throw pageOutOfRange(result.pages);
  return pageJson(pageOf(request, result.entries, page, result.total), "public, max-age=60");
});
export const action = apiAction;
