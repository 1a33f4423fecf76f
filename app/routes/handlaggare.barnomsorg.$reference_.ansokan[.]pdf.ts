import type { LoaderFunctionArgs } from "@remix-run/node";
import { getLanguage } from "~/i18n/i18n.server";
import { applicationCopyCaseById, applicationCopyPdf, pdfAttachment } from "~/services/application-copy.server";
import { getChildcareCaseForStaff } from "~/services/childcare.server";
import { auditStaffCaseRead, requireStaffArea } from "~/services/staff-area.server";

/** The application as PDF for an officer of the case's municipality and area; audited as a read of the applicant's data. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, municipalityIds } = await requireStaffArea(request, "case.read", "barnomsorg");
  const scoped = await getChildcareCaseForStaff({ reference: params.reference ?? "", municipalityIds });
  const c = scoped ? applicationCopyCaseById(scoped.caseId) : undefined;
  if (!scoped || !c) throw new Response("Not found", { status: 404 });
  auditStaffCaseRead({
    user,
    caseId: c.id,
    reference: c.reference,
    municipalityId: c.municipalityId,
    area: "barnomsorg",
  });
  return pdfAttachment(await applicationCopyPdf(c, getLanguage(request)));
}
