import type { LoaderFunctionArgs } from "@remix-run/node";
import { getFixedT, getLanguage } from "~/i18n/i18n.server";
import { renderReceipt } from "~/pdf/receipt.server";
import { submitterViewer } from "~/services/eservice-session.server";
import { getFormDefinition, getReceipt } from "~/services/forms.server";
import { getResidentUser } from "~/auth/guards.server";

/** The receipt as PDF, for whoever sent the case only; always a download. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const def = getFormDefinition(params.id ?? "");
  if (!def) throw new Response("Not found", { status: 404 });
  const lang = getLanguage(request);
  const user = await getResidentUser(request);
  const receipt = getReceipt({
    def,
    reference: params.reference ?? "",
    viewer: submitterViewer(request, user?.personId ?? null),
    lang,
  });
  if (!receipt) throw new Response("Not found", { status: 404 });
  const bytes = await renderReceipt({
    lang,
    formTitle: getFixedT(lang, "forms")(def.titleKey.slice("forms.".length)),
    reference: receipt.reference,
    createdAt: receipt.createdAt,
    municipality: receipt.municipality?.name ?? "",
    processingDays: def.processingDays,
    rows: receipt.rows,
  });
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="kvitto-${receipt.reference}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
}
