import { apiAction, apiJson, apiLoader, originOf } from "~/services/api.server";
import { cpsvDocument } from "~/services/cpsv.server";

export const loader = apiLoader(({ request }) =>
  apiJson(cpsvDocument(originOf(request)), { headers: { "Content-Type": "application/ld+json; charset=utf-8" } }),
);
export const action = apiAction;
