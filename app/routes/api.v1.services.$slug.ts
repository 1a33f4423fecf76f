import { apiAction, apiJson, apiLoader, notFound, originOf } from "~/services/api.server";
import { servicesData } from "~/services/open-data.server";

export const loader = apiLoader(({ request, params }) => {
  const s = servicesData(originOf(request)).find((x) => x.slug === params.slug);
  if (!s) throw notFound(`No published service with slug "${params.slug}".`);
  return apiJson({ data: s });
});
export const action = apiAction;
