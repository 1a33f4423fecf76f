import { apiAction, apiError, apiLoader, originOf, pagedJson } from "~/services/api.server";
import { AUTHORITY_LEVELS, authoritiesData } from "~/services/open-data.server";

export const loader = apiLoader(({ request }) => {
  const level = new URL(request.url).searchParams.get("level");
  if (level !== null && !(AUTHORITY_LEVELS as readonly string[]).includes(level)) {
    throw apiError(400, "bad_request", `level must be one of ${AUTHORITY_LEVELS.join(", ")}.`);
  }
  const all = authoritiesData(originOf(request));
  return pagedJson(request, level ? all.filter((a) => a.level === level) : all);
});
export const action = apiAction;
