import { apiAction, apiError, apiLoader, pagedJson } from "~/services/api.server";
import { municipalitiesData, administrationsData } from "~/services/open-data.server";

export const loader = apiLoader(({ request }) => {
  const wanted = new URL(request.url).searchParams.get("municipality") ?? undefined;
  if (wanted !== undefined && !municipalitiesData("").some((m) => m.slug === wanted)) {
    throw apiError(400, "bad_request", `Unknown municipality "${wanted.slice(0, 40)}".`);
  }
  return pagedJson(request, administrationsData({ municipality: wanted }));
});
export const action = apiAction;
