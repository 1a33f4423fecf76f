import { apiAction, apiJson, apiLoader, notFound, originOf } from "~/services/api.server";
import { authoritiesData } from "~/services/open-data.server";

export const loader = apiLoader(({ request, params }) => {
  const a = authoritiesData(originOf(request)).find((x) => x.slug === params.slug);
  if (!a) throw notFound(`No authority with slug "${params.slug}".`);
  return apiJson({ data: a });
});
export const action = apiAction;
