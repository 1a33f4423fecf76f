import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ProtectedIdentityMark } from "~/components/ui/ProtectedIdentity";
import { getFixedT } from "~/i18n/i18n.server";
import { listSchoolApplicationsForStaff } from "~/services/school.server";
import { requireStaffArea } from "~/services/staff-area.server";
import { formatDate } from "~/utils/format";
import type { RouteHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";
import { CASE_STATUS_KEY } from "~/i18n/keys";

export const meta = pageMeta;
export const handle: RouteHandle = {
  i18n: ["childcare", "auth", "eservice"],
  breadcrumb: () => [
    { labelKey: "auth:staffHome.title", href: "/personal" },
    { labelKey: "childcare:officer.schoolTitle", href: "/handlaggare/skola" },
  ],
};

export async function loader({ request }: LoaderFunctionArgs) {
  const { municipalityIds } = await requireStaffArea(request, "case.read", "skola");
  return {
    title: getFixedT(request, "childcare")("officer.schoolTitle"),
    rows: listSchoolApplicationsForStaff({ municipalityIds }),
  };
}

export default function SchoolQueue() {
  const { rows } = useLoaderData<typeof loader>();
  const { t } = useTranslation("childcare");
  return (
    <>
      <h1>{t("officer.schoolTitle")}</h1>
      <p>{t("officer.schoolLead")}</p>
      {rows.length === 0 ? (
        <p>{t("officer.none")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t("officer.schoolTitle")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("officer.reference")}</th>
                <th scope="col">{t("officer.municipality")}</th>
                <th scope="col">{t("officer.submitted")}</th>
                <th scope="col">{t("officer.status")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.reference}>
                  <td>
                    <Link to={`/handlaggare/skola/${r.reference}`}>{r.reference}</Link>
                    {r.protectedIdentity ? <ProtectedIdentityMark /> : null}
                  </td>
                  <td>{r.municipality}</td>
                  <td>{formatDate(r.createdAt)}</td>
                  <td>{t(CASE_STATUS_KEY[r.status], { defaultValue: r.status })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
