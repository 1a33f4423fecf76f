import type { LoaderFunctionArgs } from "@remix-run/node";
import { attachmentForStaff, lookupCaseForStaff } from "~/services/backoffice.server";
import { getMessageAttachment } from "~/services/messages.server";
import { requireStaff } from "~/auth/guards.server";
import { audit } from "~/platform/audit.server";
import { fileResponse, readStoredFile } from "~/services/permit-uploads.server";
import { auditIfProtected } from "~/services/protected-identity.server";

/**
 * An attachment of a case in the officer's scope: `?visa=1` views it in the browser (sandboxed),
 * otherwise a download. Every open is audited with the case's municipality and applicant, so the
 * municipal admin and the resident ("Vem har öppnat mina ärenden") see it.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request, "case.read");
  const reference = String(params.reference ?? "").toUpperCase();
  const publicId = String(params.id ?? "");
  const found = attachmentForStaff({ reference, user, publicId });
  if (!found) {
    // Not a case attachment: perhaps a file the applicant sent with a message on this case.
    const c = lookupCaseForStaff({ reference, user, permission: "case.read" });
    const m = c.kind === "found" ? getMessageAttachment({ publicId, caseId: c.id, audience: "staff" }) : undefined;
    if (m && c.kind === "found") {
      audit({
        actor: user,
        action: "case.attachment.open",
        subjectType: "case",
        subjectId: reference,
        municipalityId: c.municipalityId,
        personId: c.applicantPersonId,
        details: { messageAttachment: publicId },
      });
      auditIfProtected({ actor: user, reference, what: "attachment" });
      return fileResponse(m.bytes, m.mime, m.name, false);
    }
    if (c.kind === "outOfScope" || c.kind === "hidden")
      audit({
        actor: user,
        action: "case.attachment.open",
        subjectType: "case",
        subjectId: reference,
        municipalityId: c.municipalityId,
        outcome: "refused",
        details: { reason: c.kind },
      });
    throw new Response("Not found", { status: 404 });
  }
  const { attachment: a, case: c } = found;
  const bytes = readStoredFile(a.storedName);
  if (!bytes) throw new Response("Not found", { status: 404 });
  audit({
    actor: user,
    action: "case.attachment.open",
    subjectType: "case",
    subjectId: reference,
    municipalityId: c.municipalityId,
    personId: c.applicantPersonId,
    details: { attachment: a.publicId },
  });
  auditIfProtected({ actor: user, reference, what: "attachment" });
  return fileResponse(bytes, a.mime, a.originalName, new URL(request.url).searchParams.get("visa") === "1");
}
