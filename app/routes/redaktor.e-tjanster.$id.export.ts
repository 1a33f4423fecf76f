import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireStaffUser } from "~/auth/guards.server";
import { getPreviewDocument, requireDesigner } from "~/services/eservice-definitions.server";

/** The designer's version of an e-service as a JSON file (decision 075), for another municipality to import. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaffUser(request);
  requireDesigner(user);
  const formId = params.id ?? "";
  const { document, version } = getPreviewDocument(user, formId);
  return new Response(JSON.stringify(document, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${formId}-v${version}.json"`,
      "Cache-Control": "no-store",
    },
  });
}
