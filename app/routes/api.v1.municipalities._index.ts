import { apiAction, apiLoader, originOf, pagedJson } from "~/services/api.server";
import { municipalitiesData } from "~/services/open-data.server";

export const loader = apiLoader(({ request }) => pagedJson(request, municipalitiesData(originOf(request))));
export const action = apiAction;
