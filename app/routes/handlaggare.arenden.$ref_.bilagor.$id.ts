import type { LoaderFunctionArgs } from "@remix-run/node";
import { attachmentForStaff, lookupCaseForStaff } from "~/services/backoffice.server";
import { audit, requireStaff } from "~/services/permits-access.server";
import { fileResponse, readStoredFile } from "~/services/permit-uploads.server";

/** An attachment of a case in the officer's scope: `?visa=1` views it in the browser (sandboxed), otherwise a download. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request, "case.read");
  const reference = String(params.ref ?? "").toUpperCase();
  const a = attachmentForStaff({ reference, user, publicId: String(params.id ?? "") });
  if (!a) {
    if (lookupCaseForStaff({ reference, user, permission: "case.read" }).kind === "outOfScope")
      audit(request, { actor: user, action: "case.attachment.open", subject: reference, outcome: "refused" });
    throw new Response("Not found", { status: 404 });
  }
  const bytes = readStoredFile(a.storedName);
  if (!bytes) throw new Response("Not found", { status: 404 });
  audit(request, { actor: user, action: "case.attachment.open", subject: reference, details: { attachment: a.publicId } });
  return fileResponse(bytes, a.mime, a.originalName, new URL(request.url).searchParams.get("visa") === "1");
}
