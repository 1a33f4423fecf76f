import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getFixedT } from "~/i18n/i18n.server";
import { requireStaff } from "~/auth/guards.server";
import { workload } from "~/services/officer-tools.server";
import permitStyles from "~/styles/permits.css";
import type { RouteHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";
import { CASE_STATUS_KEY, keyOf } from "~/i18n/keys";

export const meta = pageMeta;
export const links: LinksFunction = () => [{ rel: "stylesheet", href: permitStyles }];
export const handle: RouteHandle = {
  i18n: ["backoffice", "eservice", "officer-tools"],
  breadcrumb: () => ({ labelKey: "backoffice:breadcrumb", href: "/handlaggare" }),
};

/** Open cases per officer and status in the officer's scope (decision 078). Counts only: no personal data. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request, "case.read");
  return {
    title: getFixedT(request, "officer-tools")("workload.title"),
    ...workload({ user }),
  };
}

export default function Workload() {
  const { rows, statuses } = useLoaderData<typeof loader>();
  const { t } = useTranslation(["officer-tools", "backoffice"]);
  const link = (handler: string, status?: string) =>
    `/handlaggare/sok?handlaggare=${handler}&status=${status ?? "open"}`;
  return (
    <>
      <h1>{t("workload.title")}</h1>
      <p className="lead">{t("workload.lead")}</p>
      <p>
        <Link to="/handlaggare/sok">{t("search.title")}</Link>
      </p>
      {rows.length === 0 ? (
        <p role="status">{t("workload.none")}</p>
      ) : (
        <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="workload-caption">
          <table className="queue-table wide-table" data-testid="workload">
            <caption id="workload-caption">{t("workload.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("backoffice:queue.handler")}</th>
                {statuses.map((s) => (
                  <th scope="col" key={s}>
                    {t(keyOf(CASE_STATUS_KEY, s) ?? "backoffice:queue.status")}
                  </th>
                ))}
                <th scope="col">{t("workload.total")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const handler = r.staffUserId === null ? "none" : String(r.staffUserId);
                return (
                  <tr key={handler} data-handler={handler}>
                    <th scope="row">{r.name ?? t("workload.unassigned")}</th>
                    {statuses.map((s) => (
                      <td key={s}>{r.byStatus[s] ? <Link to={link(handler, s)}>{r.byStatus[s]}</Link> : 0}</td>
                    ))}
                    <td>
                      <Link to={link(handler)} data-testid="workload-total">
                        {r.total}
                      </Link>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
