import { apiAction, apiJson, apiLoader, notFound, originOf } from "~/services/api.server";
import { formsData } from "~/services/open-data.server";

export const loader = apiLoader(({ request, params }) => {
  const f = formsData(originOf(request)).find((x) => x.id === params.id);
  if (!f) throw notFound(`No form with id "${params.id}".`);
  return apiJson({ data: f });
});
export const action = apiAction;
