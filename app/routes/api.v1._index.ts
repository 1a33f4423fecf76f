import { apiAction, apiJson, apiLoader, originOf } from "~/services/api.server";

/** The API's front door: where everything is. */
export const loader = apiLoader(({ request }) => {
  const base = `${originOf(request)}/api/v1`;
  return apiJson({
    name: "Dalslands e-tjänster – open data",
    version: "1",
    documentation: `${base}/openapi.json`,
    endpoints: {
      services: `${base}/services`,
      cpsvAp: `${base}/cpsv-ap`,
      municipalities: `${base}/municipalities`,
      administrations: `${base}/administrations`,
      authorities: `${base}/authorities`,
      lifeEvents: `${base}/life-events`,
      forms: `${base}/forms`,
      diarium: `${base}/diarium`,
    },
  });
});
export const action = apiAction;
