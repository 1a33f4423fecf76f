import type { LoaderFunctionArgs } from "@remix-run/node";
import { actingForOf, submitterViewer } from "~/services/eservice-session.server";
import { getUploadForOwner } from "~/services/uploads.server";
import { getResidentUser } from "~/auth/guards.server";

/**
 * An uploaded file, only to the person or anonymous browser that uploaded it (decision 042;
 * staff access comes with the back office). Always a download with a neutral type handling:
 * never rendered inline, so an uploaded HTML or SVG can never run in the portal's origin.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getResidentUser(request);
  const file = getUploadForOwner(params.id ?? "", submitterViewer(request, user?.personId ?? null, actingForOf(user)));
  if (!file) throw new Response("Not found", { status: 404 });
  const ascii = file.originalName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      "Content-Type": file.mime,
      "Content-Length": String(file.size),
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.originalName)}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
