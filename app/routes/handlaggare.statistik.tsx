import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BarChart } from "~/components/permits/BarChart";
import { SelectField } from "~/components/permits/Fields";
import { getFixedT } from "~/i18n/i18n.server";
import { listMunicipalities } from "~/services/municipalities.server";
import { requireStaff } from "~/auth/guards.server";
import { dashboardFor } from "~/services/statistics.server";
import eserviceStyles from "~/styles/eservice.css";
import permitStyles from "~/styles/permits.css";
import { formatDate, formatNumber } from "~/utils/format";
import type { RouteHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta;
export const links: LinksFunction = () => [
  { rel: "stylesheet", href: eserviceStyles },
  { rel: "stylesheet", href: permitStyles },
];
export const handle: RouteHandle = {
  i18n: ["backoffice", "permits"],
  breadcrumb: () => [
    { labelKey: "backoffice:breadcrumb", href: "/handlaggare" },
    { labelKey: "backoffice:statsBreadcrumb", href: "/handlaggare/statistik" },
  ],
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request, "stats.read");
  const url = new URL(request.url);
  const filter = {
    municipality: (url.searchParams.get("kommun") ?? "").slice(0, 40),
    caseType: (url.searchParams.get("typ") ?? "").slice(0, 60),
  };
  const names = new Map(listMunicipalities().map((m) => [m.slug, m.name]));
  const d = dashboardFor(user, filter);
  return {
    title: getFixedT(request, "backoffice")("stats.title"),
    filter,
    municipalities: [...new Set(d.scopes.map((s) => s.municipality))].map((slug) => ({
      slug,
      name: names.get(slug) ?? slug,
    })),
    names: Object.fromEntries(names),
    ...d,
  };
}

export default function Statistics() {
  const d = useLoaderData<typeof loader>();
  const { t } = useTranslation("backoffice");
  const typeName = (id: string) => t(`permits:serviceNames.${id}`, { defaultValue: id });
  return (
    <>
      <h1>{t("stats.title")}</h1>
      <p className="lead">{t("stats.lead")}</p>
      <Form method="get" aria-labelledby="stats-filter-title">
        <h2 id="stats-filter-title" className="visually-hidden">
          {t("stats.filter")}
        </h2>
        <div className="filters">
          <SelectField
            id="kommun"
            label={t("queue.municipality")}
            defaultValue={d.filter.municipality}
            options={[
              { value: "", label: t("stats.allMunicipalities") },
              ...d.municipalities.map((m) => ({ value: m.slug, label: m.name })),
            ]}
          />
          <SelectField
            id="typ"
            label={t("case.area")}
            defaultValue={d.filter.caseType}
            options={[
              { value: "", label: t("stats.allTypes") },
              ...d.caseTypes.map((c) => ({ value: c, label: typeName(c) })),
            ]}
          />
        </div>
        <button className="button" type="submit">
          {t("stats.apply")}
        </button>
      </Form>

      <h2>{t("stats.incoming")}</h2>
      <div className="chart-block">
        <BarChart
          id="incoming-chart"
          title={t("stats.chartLabel", { title: t("stats.incoming") })}
          bars={d.incoming.map((w) => ({ label: formatDate(w.week), value: w.count }))}
        />
        <div className="table-wrap">
          <table data-testid="incoming-table">
            <caption>{t("stats.incomingCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("stats.week")}</th>
                <th scope="col">{t("stats.count")}</th>
              </tr>
            </thead>
            <tbody>
              {d.incoming.map((w) => (
                <tr key={w.week}>
                  <th scope="row">{formatDate(w.week)}</th>
                  <td>{w.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>

      <h2>{t("stats.openByAge")}</h2>
      <div className="chart-block">
        <BarChart
          id="age-chart"
          title={t("stats.chartLabel", { title: t("stats.openByAge") })}
          bars={d.openByAge.map((b) => ({ label: t(`stats.ages.${b.bucket}`), value: b.count }))}
        />
        <div className="table-wrap">
          <table>
            <caption>{t("stats.openByAgeCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("stats.age")}</th>
                <th scope="col">{t("stats.count")}</th>
              </tr>
            </thead>
            <tbody>
              {d.openByAge.map((b) => (
                <tr key={b.bucket}>
                  <th scope="row">{t(`stats.ages.${b.bucket}`)}</th>
                  <td>{b.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>

      <h2>{t("stats.processing")}</h2>
      {d.processing.length === 0 ? (
        <p>{t("stats.none")}</p>
      ) : (
        <div className="chart-block">
          <BarChart
            id="processing-chart"
            title={t("stats.chartLabel", { title: t("stats.processing") })}
            bars={d.processing.map((g) => ({
              label: `${d.names[g.municipality] ?? g.municipality}: ${typeName(g.caseType)}`,
              value: g.medianDays ?? 0,
              second: g.p90Days,
            }))}
            limit={Math.max(...d.processing.map((g) => g.limitDays))}
            valueLabel={t("stats.legendMedian")}
            secondLabel={t("stats.p90")}
            limitLabel={t("stats.legendLimit")}
          />
          <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="processing-caption">
            <table data-testid="processing-table" className="wide-table">
              <caption id="processing-caption">{t("stats.processingCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("stats.group")}</th>
                  <th scope="col">{t("stats.decided")}</th>
                  <th scope="col">{t("stats.median")}</th>
                  <th scope="col">{t("stats.p90")}</th>
                  <th scope="col">{t("stats.limit")}</th>
                  <th scope="col">{t("stats.within")}</th>
                </tr>
              </thead>
              <tbody>
                {d.processing.map((g) => (
                  <tr key={`${g.municipality}-${g.caseType}`}>
                    <th scope="row">
                      {d.names[g.municipality] ?? g.municipality}: {typeName(g.caseType)}
                    </th>
                    <td>{g.decided}</td>
                    <td>{g.medianDays === null ? "–" : formatNumber(g.medianDays, 1)}</td>
                    <td>{g.p90Days ?? "–"}</td>
                    <td>{g.limitDays}</td>
                    <td>{g.withinLimit === null ? "–" : `${formatNumber(g.withinLimit * 100, 0)} %`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </>
  );
}
