import { apiAction, apiError, apiJson, apiLoader, notFound } from "~/services/api.server";
import { DIARIUM_PAGE_SIZE, parseDiariumQuery, searchDiarium } from "~/services/diarium.server";
import { getLanguage } from "~/i18n/i18n.server";

/**
 * The public register of cases, masked exactly as on the web: the entries come from the
 * diarium module's own search (its one masking function), never from the tables directly.
 * Filters as on /diarium (q, kommun, forvaltning, status, fran, till); pages of 25.
 */
export const loader = apiLoader(({ request }) => {
  const url = new URL(request.url);
  const params = new URLSearchParams(url.searchParams);
  const page = params.get("page");
  const pageSize = params.get("pageSize");
  if (pageSize !== null && pageSize !== String(DIARIUM_PAGE_SIZE)) {
    throw apiError(400, "bad_request", `The diarium comes in pages of ${DIARIUM_PAGE_SIZE}.`);
  }
  params.delete("page");
  params.delete("pageSize");
  if (page !== null) params.set("sida", page);
  const parsed = parseDiariumQuery(params);
  if (!parsed.ok) {
    throw apiError(
      400,
      "bad_request",
      Object.entries(parsed.errors)
        .map(([k, v]) => `${k === "sida" ? "page" : k}: ${v.code}`)
        .join("; "),
    );
  }
  const result = searchDiarium(parsed.query, getLanguage(request));
  if ((parsed.query.sida ?? 1) > result.pages) throw notFound(`There are ${result.pages} pages.`);
  const link = (p: number) => {
    const u = new URL(request.url);
    u.searchParams.set("page", String(p));
    return u.toString();
  };
  return apiJson(
    {
      data: result.entries,
      meta: { page: result.page, pageSize: DIARIUM_PAGE_SIZE, total: result.total, totalPages: result.pages },
      links: {
        self: link(result.page),
        first: link(1),
        last: link(result.pages),
        prev: result.page > 1 ? link(result.page - 1) : null,
        next: result.page < result.pages ? link(result.page + 1) : null,
      },
    },
    { cache: "public, max-age=60" },
  );
});
export const action = apiAction;
