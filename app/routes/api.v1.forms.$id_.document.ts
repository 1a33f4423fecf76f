import { apiAction, apiJson, apiLoader, notFound } from "~/services/api.server";
import { getDefinitionDocument } from "~/services/forms.server";

/**
 * An e-service's definition document (decision 070): definition, its own texts in Swedish and
 * English, and an example answer. What another municipality imports to offer the same e-service;
 * its shape is /api/v1/schemas/eservice-definition.json.
 */
export const loader = apiLoader(({ params }) => {
  const document = params.id ? getDefinitionDocument(params.id) : undefined;
  if (!document) throw notFound(`No form with id "${params.id}".`);
  return apiJson(document);
});
export const action = apiAction;
