import type { LoaderFunctionArgs } from "@remix-run/node";
import { decisionPdf, lookupCaseForStaff } from "~/services/backoffice.server";
import { audit, requireStaff } from "~/services/permits-access.server";
import { fileResponse } from "~/services/permit-uploads.server";
import { auditIfProtected } from "~/services/protected-identity.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request, "case.read");
  const reference = String(params.ref ?? "").toUpperCase();
  const found = lookupCaseForStaff({ reference, user, permission: "case.read" });
  if (found.kind !== "found") {
    if (found.kind === "outOfScope") audit(request, { actor: user, action: "case.decision.open", subject: reference, outcome: "refused" });
    throw new Response("Not found", { status: 404 });
  }
  const pdf = await decisionPdf(found.id);
  if (!pdf) throw new Response("Not found", { status: 404 });
  auditIfProtected({ actor: user.session, reference, what: "decision" });
  return fileResponse(pdf, "application/pdf", `beslut-${reference}.pdf`, false);
}
