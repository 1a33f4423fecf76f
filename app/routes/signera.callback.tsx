import type { LoaderFunctionArgs } from "@remix-run/node";
import { completeSigning } from "~/auth/oidc-sign.server";
import { requireResidentViewer } from "~/services/resident-viewer.server";
import { completeSchoolSigning } from "~/services/school.server";
import { redirectWithFlash } from "~/utils/flash.server";

const MESSAGES = {
  cancelled: "childcare:school.sign.cancelled",
  failed: "childcare:school.sign.failed",
  invalid: "childcare:school.sign.failed",
  changed: "childcare:school.sign.changed",
  "not-pending": "childcare:school.sign.notPending",
  "not-found": "childcare:school.sign.notPending",
} as const;

/** The provider sends the browser back here after a signature (docs/decisions/081). */
export async function loader({ request }: LoaderFunctionArgs) {
  const { user, viewer } = await requireResidentViewer(request);
  const result = await completeSigning(request);
  const headers = { "Set-Cookie": result.clearCookie, "Cache-Control": "no-store" };
  const reference = result.flow?.reference;
  const back = reference ? `/mina-sidor/arenden/${reference}` : "/mina-sidor";
  const r = await completeSchoolSigning({ result, viewer, actor: user });
  if (!r.ok) return redirectWithFlash(back, MESSAGES[r.code], { headers });
  return redirectWithFlash(back, "childcare:school.sign.approved", { headers });
}
