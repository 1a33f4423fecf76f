import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BarChart } from "~/components/permits/BarChart";
import { getFixedT, getLanguage } from "~/i18n/i18n.server";
import { getFormDefinition } from "~/services/forms.server";
import { swedishDate } from "~/services/permit-clock";
import { publicProcessingTimes } from "~/services/statistics.server";
import permitStyles from "~/styles/permits.css";
import { formatLongDate, formatNumber } from "~/utils/format";
import type { RouteHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta;
export const links: LinksFunction = () => [{ rel: "stylesheet", href: permitStyles }];
export const handle: RouteHandle = {
  i18n: "permits",
  breadcrumb: () => ({ labelKey: "permits:times.title", href: "/handlaggningstider" }),
};

/** Public, live processing times (median and 90th percentile) from the portal's own cases. */
export async function loader({ request }: LoaderFunctionArgs) {
  const t = getFixedT(request, "permits");
  const formsT = getFixedT(request, "forms");
  const today = swedishDate(new Date());
  const groups = publicProcessingTimes(today);
  // A service is named by its own short name where it has one, else by its e-service's title:
  // every case type is a form id, and a raw id is never shown.
  const names = Object.fromEntries(
    groups.map((g) => {
      const def = getFormDefinition(g.caseType);
      return [g.caseType, t(`serviceNames.${g.caseType}`, { defaultValue: def ? formsT(def.titleKey) : g.caseType })];
    }),
  );
  return {
    title: t("times.title"),
    description: t("times.lead"),
    updated: formatLongDate(today, getLanguage(request)),
    groups,
    names,
  };
}

export default function ProcessingTimes() {
  const { groups, updated, names } = useLoaderData<typeof loader>();
  const { t } = useTranslation("permits");
  const service = (id: string) => names[id] ?? id;
  const reported = groups.filter((g) => g.reported);
  return (
    <>
      <h1>{t("times.title")}</h1>
      <p className="lead">{t("times.lead")}</p>
      <p>{t("times.explanation")}</p>
      {groups.length === 0 ? (
        <p>{t("times.none")}</p>
      ) : (
        <>
          <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="times-caption">
            <table data-testid="processing-times" className="wide-table">
              <caption id="times-caption">{t("times.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("times.service")}</th>
                  <th scope="col">{t("times.municipality")}</th>
                  <th scope="col">{t("times.decided")}</th>
                  <th scope="col">{t("times.median")}</th>
                  <th scope="col">{t("times.p90")}</th>
                  <th scope="col">{t("times.limit")}</th>
                  <th scope="col">{t("times.within")}</th>
                </tr>
              </thead>
              <tbody>
                {groups.map((g) => (
                  <tr key={`${g.caseType}-${g.municipality}`} data-municipality={g.municipality}>
                    <th scope="row">{service(g.caseType)}</th>
                    <td>{g.municipalityName}</td>
                    <td>{g.decided}</td>
                    {g.reported ? (
                      <>
                        <td data-testid="median">{g.medianDays === null ? "–" : formatNumber(g.medianDays, 1)}</td>
                        <td>{g.p90Days ?? "–"}</td>
                        <td>{g.limitDays}</td>
                        <td>{g.withinLimit === null ? "–" : `${formatNumber(g.withinLimit * 100, 0)} %`}</td>
                      </>
                    ) : (
                      <td colSpan={4}>{t("times.tooFew")}</td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {reported.length > 0 ? (
            <BarChart
              id="times-chart"
              title={t("times.caption")}
              bars={reported.map((g) => ({
                label: `${g.municipalityName}: ${service(g.caseType)}`,
                value: g.medianDays ?? 0,
                second: g.p90Days,
              }))}
              limit={Math.max(...reported.map((g) => g.limitDays))}
              valueLabel={t("times.median")}
              secondLabel={t("times.p90")}
              limitLabel={t("times.limit")}
            />
          ) : null}
        </>
      )}
      <p>{t("times.updated", { date: updated })}</p>
    </>
  );
}
