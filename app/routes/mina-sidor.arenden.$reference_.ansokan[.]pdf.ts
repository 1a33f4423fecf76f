import type { LoaderFunctionArgs } from "@remix-run/node";
import { getLanguage } from "~/i18n/i18n.server";
import { applicationCopyCaseForResident, applicationCopyPdf, pdfAttachment } from "~/services/application-copy.server";
import { requireResidentViewer } from "~/services/resident-viewer.server";
import { trail } from "~/services/trail.server";

/**
 * A PDF copy of a childcare or school application, for the residents who may see the case on
 * Mina sidor (404 for anyone else, the same answer as for a case that does not exist).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, viewer } = await requireResidentViewer(request);
  const c = applicationCopyCaseForResident({ reference: String(params.reference ?? "").toUpperCase(), viewer });
  if (!c) throw new Response("Not found", { status: 404 });
  const file = await applicationCopyPdf(c, getLanguage(request));
  trail({
    actor: user,
    action: "case.copy.download",
    subjectType: "case",
    subjectId: c.reference,
    municipalityId: c.municipalityId,
    personId: viewer.personId,
  });
  return pdfAttachment(file);
}
