import type { LoaderFunctionArgs } from "@remix-run/node";
import { decisionPdf } from "~/services/backoffice.server";
import { decisionForApplicant } from "~/services/building-permits.server";
import { requireResident } from "~/auth/guards.server";
import { fileResponse } from "~/services/permit-uploads.server";

/** The decision document, for the applicant only, as a download. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireResident(request, { partyChosen: true });
  const c = decisionForApplicant({ reference: String(params.reference ?? "").toUpperCase(), user });
  if (!c) throw new Response("Not found", { status: 404 });
  const pdf = await decisionPdf(c.id);
  if (!pdf) throw new Response("Not found", { status: 404 });
  return fileResponse(pdf, "application/pdf", `beslut-${c.reference}.pdf`, false);
}
