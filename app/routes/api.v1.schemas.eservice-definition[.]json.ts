import { documentJsonSchema } from "../../forms/document";
import { apiAction, apiJson, apiLoader } from "~/services/api.server";

/** The JSON Schema of an e-service definition document (decision 070), generated from the engine's model. */
export const loader = apiLoader(() => apiJson(documentJsonSchema()));
export const action = apiAction;
