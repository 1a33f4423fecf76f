import type { LoaderFunctionArgs } from "@remix-run/node";
import { getLanguage } from "~/i18n/i18n.server";
import { exportDiariumCsv, parseDiariumQuery } from "~/services/diarium.server";

/** `/diarium.csv?…`: the same search as /diarium, as a download (masked like the page). */
export async function loader({ request }: LoaderFunctionArgs) {
  const parsed = parseDiariumQuery(new URL(request.url).searchParams);
  if (!parsed.ok) {
    return new Response(JSON.stringify({ errors: parsed.errors }), {
      status: 400,
      headers: { "Content-Type": "application/json; charset=utf-8" },
    });
  }
  const csv = exportDiariumCsv(parsed.query, getLanguage(request));
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="diarium.csv"',
      "Cache-Control": "no-store",
    },
  });
}
