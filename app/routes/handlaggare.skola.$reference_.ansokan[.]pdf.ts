import type { LoaderFunctionArgs } from "@remix-run/node";
import { getLanguage } from "~/i18n/i18n.server";
import { applicationCopyCaseById, applicationCopyPdf, pdfAttachment } from "~/services/application-copy.server";
import { getSchoolCaseForStaff } from "~/services/school.server";
import { auditStaffCaseRead, requireStaffArea } from "~/services/staff-area.server";

/** The application as PDF for an officer of the case's municipality and area (not before both guardians signed); audited. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, municipalityIds } = await requireStaffArea(request, "case.read", "skola");
  const scoped = await getSchoolCaseForStaff({ reference: params.reference ?? "", municipalityIds });
  const c = scoped ? applicationCopyCaseById(scoped.caseId) : undefined;
  if (!scoped || !c) throw new Response("Not found", { status: 404 });
  auditStaffCaseRead({ user, caseId: c.id, reference: c.reference, municipalityId: c.municipalityId, area: "skola" });
  return pdfAttachment(await applicationCopyPdf(c, getLanguage(request)));
}
