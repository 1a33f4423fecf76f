import type { LoaderFunctionArgs } from "@remix-run/node";
import { attachmentForStaff, lookupCaseForStaff } from "~/services/backoffice.server";
import { getMessageAttachment } from "~/services/messages.server";
import { audit, requireStaff } from "~/services/permits-access.server";
import { fileResponse, readStoredFile } from "~/services/permit-uploads.server";
import { auditIfProtected } from "~/services/protected-identity.server";

/** An attachment of a case in the officer's scope: `?visa=1` views it in the browser (sandboxed), otherwise a download. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request, "case.read");
  const reference = String(params.ref ?? "").toUpperCase();
  const publicId = String(params.id ?? "");
  const a = attachmentForStaff({ reference, user, publicId });
  if (!a) {
    // Not a case attachment: perhaps a file the applicant sent with a message on this case.
    const found = lookupCaseForStaff({ reference, user, permission: "case.read" });
    const m = found.kind === "found" ? getMessageAttachment({ publicId, caseId: found.id, audience: "staff" }) : undefined;
    if (m && found.kind === "found") {
      audit(request, { actor: user, action: "case.attachment.open", subject: reference, municipalityId: found.municipalityId, details: { messageAttachment: publicId } });
      auditIfProtected({ actor: user.session, reference, what: "attachment" });
      return fileResponse(m.bytes, m.mime, m.name, false);
    }
    if (lookupCaseForStaff({ reference, user, permission: "case.read" }).kind === "outOfScope")
      audit(request, { actor: user, action: "case.attachment.open", subject: reference, outcome: "refused" });
    throw new Response("Not found", { status: 404 });
  }
  const bytes = readStoredFile(a.storedName);
  if (!bytes) throw new Response("Not found", { status: 404 });
  audit(request, { actor: user, action: "case.attachment.open", subject: reference, details: { attachment: a.publicId } });
  auditIfProtected({ actor: user.session, reference, what: "attachment" });
  return fileResponse(bytes, a.mime, a.originalName, new URL(request.url).searchParams.get("visa") === "1");
}
