import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { vouchForStartTemplate } from "~/http/start-template.server";
import { getLanguage } from "~/i18n/i18n.server";
import { requestIdOf } from "~/load-context";
import { blankFormPdf } from "~/pdf/blank-form.server";
import { getFormDefinition, offeringMunicipalities } from "~/services/forms.server";

/**
 * `/blanketter/{id}.pdf` is the fillable PDF; `/blanketter/{id}` starts the web form at its
 * first step (the query string, e.g. ?diarienummer=…, goes along as a prefill).
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const file = params.file ?? "";
  const pdf = file.endsWith(".pdf");
  const def = getFormDefinition(pdf ? file.slice(0, -4) : file);
  if (!def) throw new Response("Not found", { status: 404 });
  if (!pdf) {
    const search = new URL(request.url).search;
    const location = `/blanketter/${def.id}/${def.steps[0]!.id}${search.length <= 300 ? search : ""}`;
    // The same redirect answers the next such request before Express (decision 145).
    if (!search) vouchForStartTemplate(requestIdOf(context), location);
    return redirect(location);
  }
  const bytes = await blankFormPdf(def, {
    lang: getLanguage(request),
    municipalities: offeringMunicipalities(def).map((m) => m.name),
  });
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="${def.id}.pdf"`,
      "Cache-Control": "public, max-age=3600",
    },
  });
}
