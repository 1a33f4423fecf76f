import { apiAction, apiJson, apiLoader, originOf } from "~/services/api.server";
import { openApiDocument } from "~/services/openapi.server";

export const loader = apiLoader(({ request }) =>
  apiJson(openApiDocument(originOf(request)), { cache: "public, max-age=3600" }),
);
export const action = apiAction;
