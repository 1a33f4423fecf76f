import type { LoaderFunctionArgs } from "@remix-run/node";
import { adminMunicipalities, requireStaff } from "~/auth/guards.server";
import { audit } from "~/platform/audit.server";
import { addDays, dayNumber } from "~/services/permit-clock";
import { reconciliationCsv } from "~/services/payments.server";

const validDate = (v: string | null): v is string => {
  if (!v || v.length !== 10) return false;
  try {
    dayNumber(v);
    return true;
  } catch {
    return false;
  }
};

/** GET /admin/betalningar.csv?kommun=&fran=&till=: payments and refunds of one municipality, audited. */
export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireStaff(request, "users.admin");
  const url = new URL(request.url);
  const municipalityId = Number(url.searchParams.get("kommun"));
  const from = url.searchParams.get("fran");
  const to = url.searchParams.get("till");
  if (!Number.isInteger(municipalityId) || !validDate(from) || !validDate(to) || to < from)
    return new Response("Ange kommun och ett giltigt datumintervall / Give a municipality and valid dates", {
      status: 400,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  const scope = adminMunicipalities(admin, "users.admin");
  if (scope !== null && !scope.includes(municipalityId)) throw new Response("Forbidden", { status: 403 });
  audit({
    actor: admin,
    action: "payment.reconciliation.export",
    subjectType: "municipality",
    subjectId: municipalityId,
    municipalityId,
    details: { from, to },
  });
  const csv = reconciliationCsv({ municipalityId, from, to: addDays(to, 1) });
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="betalningar-${municipalityId}-${from}-${to}.csv"`,
      "cache-control": "no-store",
    },
  });
}
