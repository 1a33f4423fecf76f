import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireStaff, staffScopes } from "~/auth/guards.server";
import { getFixedT } from "~/i18n/i18n.server";
import { listCasesForStaff } from "~/services/cases.server";
import type { RouteHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta;
export const handle: RouteHandle = { i18n: ["auth", "eservice", "diarium"], breadcrumb: () => [{ labelKey: "auth:staffHome.title", href: "/personal" }, { labelKey: "auth:officer.title", href: "/handlaggare" }] };

/** The officer's queue (placeholder until the case-handling issue builds the real one). */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request, "case.read");
  return { title: getFixedT(request, "auth")("officer.title"), cases: listCasesForStaff(staffScopes(user, "case.read")) };
}

export default function OfficerQueue() {
  const { cases } = useLoaderData<typeof loader>();
  const { t } = useTranslation(["auth", "eservice", "diarium"]);
  return (
    <>
      <h1>{t("officer.title")}</h1>
      {cases.length === 0 ? (
        <p>{t("officer.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t("officer.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("myPages.reference")}</th>
                <th scope="col">{t("myPages.municipality")}</th>
                <th scope="col">{t("officer.area")}</th>
                <th scope="col">{t("officer.status")}</th>
              </tr>
            </thead>
            <tbody>
              {cases.map((c) => (
                <tr key={c.reference}>
                  <td>
                    <Link to={`/handlaggare/arenden/${c.reference}`}>{c.reference}</Link>
                  </td>
                  <td>{c.municipality}</td>
                  <td>
                    {t(`areas.${c.area}`)}
                    <br />
                    <span className="field__hint">{t(`diarium:caseTypes.${c.caseType}`, { defaultValue: c.caseType })}</span>
                  </td>
                  <td>{t(`eservice:caseStatus.${c.status}`, { defaultValue: c.status })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
