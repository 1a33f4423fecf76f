import { apiAction, apiLoader, originOf, pagedJson } from "~/services/api.server";
import { lifeEventsData } from "~/services/open-data.server";

export const loader = apiLoader(({ request }) => pagedJson(request, lifeEventsData(originOf(request))));
export const action = apiAction;
