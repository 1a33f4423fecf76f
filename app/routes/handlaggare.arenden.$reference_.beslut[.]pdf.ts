import type { LoaderFunctionArgs } from "@remix-run/node";
import { decisionPdf, lookupCaseForStaff } from "~/services/backoffice.server";
import { requireStaff } from "~/auth/guards.server";
import { audit } from "~/platform/audit.server";
import { fileResponse } from "~/services/permit-uploads.server";
import { auditIfProtected } from "~/services/protected-identity.server";

/** The decision document; every open is audited with the case's municipality and applicant (§12). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request, "case.read");
  const reference = String(params.reference ?? "").toUpperCase();
  const found = lookupCaseForStaff({ reference, user, permission: "case.read" });
  if (found.kind !== "found") {
    if (found.kind === "outOfScope" || found.kind === "hidden")
      audit({
        actor: user,
        action: "case.decision.open",
        subjectType: "case",
        subjectId: reference,
        municipalityId: found.municipalityId,
        outcome: "refused",
        details: { reason: found.kind },
      });
    throw new Response("Not found", { status: 404 });
  }
  const pdf = await decisionPdf(found.id);
  if (!pdf) throw new Response("Not found", { status: 404 });
  audit({
    actor: user,
    action: "case.decision.open",
    subjectType: "case",
    subjectId: reference,
    municipalityId: found.municipalityId,
    personId: found.applicantPersonId,
  });
  auditIfProtected({ actor: user, reference, what: "decision" });
  return fileResponse(pdf, "application/pdf", `beslut-${reference}.pdf`, false);
}
