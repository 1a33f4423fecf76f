import { apiAction, apiJson, apiLoader, notFound, originOf } from "~/services/api.server";
import { municipalitiesData } from "~/services/open-data.server";

export const loader = apiLoader(({ request, params }) => {
  const m = municipalitiesData(originOf(request)).find((x) => x.slug === params.slug);
  if (!m) throw notFound(`No municipality with slug "${params.slug}".`);
  return apiJson({ data: m });
});
export const action = apiAction;
