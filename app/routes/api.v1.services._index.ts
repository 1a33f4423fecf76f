import { apiAction, apiError, apiLoader, originOf, pagedJson } from "~/services/api.server";
import { municipalitiesData, servicesData } from "~/services/open-data.server";

export const loader = apiLoader(({ request }) => {
  const params = new URL(request.url).searchParams;
  const kommun = params.get("municipality");
  const category = params.get("category");
  if (kommun !== null && !municipalitiesData("").some((m) => m.slug === kommun)) {
    throw apiError(400, "bad_request", `Unknown municipality "${kommun.slice(0, 40)}".`);
  }
  let services = servicesData(originOf(request));
  if (category !== null) {
    if (!services.some((s) => s.category === category))
      throw apiError(400, "bad_request", `Unknown category "${category.slice(0, 40)}".`);
    services = services.filter((s) => s.category === category);
  }
  if (kommun) services = services.filter((s) => s.municipalities.some((m) => m.municipality === kommun));
  return pagedJson(request, services);
});
export const action = apiAction;
