import { apiAction, apiLoader, originOf, pagedJson } from "~/services/api.server";
import { formsData } from "~/services/open-data.server";

export const loader = apiLoader(({ request }) => pagedJson(request, formsData(originOf(request))));
export const action = apiAction;
