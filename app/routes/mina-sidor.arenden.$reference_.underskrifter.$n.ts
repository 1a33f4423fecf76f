import type { LoaderFunctionArgs } from "@remix-run/node";
import { signedTextForResident } from "~/services/case-signatures.server";
import { requireResidentViewer } from "~/services/resident-viewer.server";
import { trail } from "~/services/trail.server";

/**
 * The text an e-ID signature of the case covers, as plain text (decision 107), for the residents
 * who may see the case on Mina sidor (404 for anyone else, as for a case that does not exist).
 * Rebuilt from the case, as the page verifies it; the download is audited as a copy is.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, viewer } = await requireResidentViewer(request);
  const reference = String(params.reference ?? "").toUpperCase();
  const index = Number(params.n);
  const found =
    /^[A-Z]{3}-\d{4}-\d{6}$/.test(reference) && Number.isInteger(index) && index >= 1 && index <= 50
      ? await signedTextForResident({ reference, viewer, index })
      : undefined;
  if (!found) throw new Response("Not found", { status: 404 });
  trail({
    actor: user,
    action: "case.signature.download",
    subjectType: "case",
    subjectId: found.reference,
    municipalityId: found.municipalityId,
    personId: viewer.personId,
    details: { index, valid: found.valid },
  });
  return new Response(`${found.text}\n`, {
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "Content-Disposition": `attachment; filename="underskrift-${found.reference}-${index}.txt"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
