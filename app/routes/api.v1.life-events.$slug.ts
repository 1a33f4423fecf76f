import { apiAction, apiJson, apiLoader, notFound, originOf } from "~/services/api.server";
import { lifeEventsData } from "~/services/open-data.server";

export const loader = apiLoader(({ request, params }) => {
  const e = lifeEventsData(originOf(request)).find((x) => x.slug === params.slug);
  if (!e) throw notFound(`No life event with slug "${params.slug}".`);
  return apiJson({ data: e });
});
export const action = apiAction;
