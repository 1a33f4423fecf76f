import type { LoaderFunctionArgs } from "@remix-run/node";
import { getMyDocument } from "~/services/mypages.server";
import { requireResidentViewer } from "~/services/resident-viewer.server";

/** A document of one of the resident's cases; 404 for anything else (never 403: no hint that it exists). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer } = await requireResidentViewer(request);
  const file = getMyDocument({ reference: params.reference ?? "", publicId: params.fileId ?? "", viewer });
  if (!file) throw new Response("Not found", { status: 404 });
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      "Content-Type": file.mime,
      "Content-Length": String(file.bytes.byteLength),
      "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
