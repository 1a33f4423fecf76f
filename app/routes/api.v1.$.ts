import { apiAction, apiLoader, notFound } from "~/services/api.server";

/** Unknown paths under /api/v1 answer in JSON, not with the HTML 404 page. */
export const loader = apiLoader(({ request }) => {
  throw notFound(`No endpoint ${new URL(request.url).pathname}. See /api/v1/openapi.json.`);
});
export const action = apiAction;
