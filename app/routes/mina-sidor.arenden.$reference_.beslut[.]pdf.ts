import type { LoaderFunctionArgs } from "@remix-run/node";
import { decisionPdf } from "~/services/backoffice.server";
import { decisionForResident } from "~/services/decisions.server";
import { requireResidentViewer } from "~/services/resident-viewer.server";
import { fileResponse } from "~/services/permit-uploads.server";

/** The decision document of any case type, for everyone who may see the case on Mina sidor (decision 077). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer } = await requireResidentViewer(request);
  const c = decisionForResident({ reference: String(params.reference ?? ""), viewer });
  if (!c) throw new Response("Not found", { status: 404 });
  const pdf = await decisionPdf(c.id);
  if (!pdf) throw new Response("Not found", { status: 404 });
  return fileResponse(pdf, "application/pdf", `beslut-${c.reference}.pdf`, false);
}
