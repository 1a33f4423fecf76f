import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { adminMunicipalities, requireStaff } from "~/auth/guards.server";
import { getFixedT, getLanguage } from "~/i18n/i18n.server";
import { audit } from "~/platform/audit.server";
import { caseTypeTitle, municipalitiesInScope } from "~/services/retention-rules.server";
import { runRetention } from "~/services/retention.server";
import { formatDate } from "~/utils/format";
import type { RouteHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta;
export const handle: RouteHandle = {
  i18n: ["auth", "records"],
  breadcrumb: () => [
    { labelKey: "auth:staffHome.title", href: "/personal" },
    { labelKey: "records:rules.title", href: "/admin/gallring" },
    { labelKey: "records:report.title", href: "/admin/gallring/rapport" },
  ],
};

/** What the next retention run would archive, thin and delete (a dry run; nothing changes). */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request, "diarium.admin");
  const scope = adminMunicipalities(user, "diarium.admin");
  const municipalityIds = scope ?? municipalitiesInScope(null).map((m) => m.id);
  const report = await runRetention({ dryRun: true, municipalityIds });
  const language = getLanguage(request);
  audit({
    actor: user,
    action: "retention.report-read",
    subjectType: "retention",
    details: { cases: report.cases.length },
  });
  return {
    title: getFixedT(request, "records")("report.title"),
    portalWide: scope === null,
    cases: report.cases.map((c) => ({
      reference: c.reference,
      municipality: c.municipalityName,
      caseType: caseTypeTitle(language, c.caseType),
      action: c.action,
      closedAt: c.closedAt,
      dueAt: c.dueAt,
    })),
    audit: report.audit,
  };
}

export default function RetentionReport() {
  const { cases, audit: auditRows, portalWide } = useLoaderData<typeof loader>();
  const { t } = useTranslation("records");
  return (
    <>
      <h1>{t("report.title")}</h1>
      <p className="lead">{t("report.lead")}</p>
      <p>
        <Link to="/admin/gallring">{t("rules.title")}</Link>
      </p>
      {cases.length === 0 ? (
        <p role="status">{t("report.none")}</p>
      ) : (
        <div className="table-wrap">
          <table className="stack-narrow">
            <caption>{t("report.count", { count: cases.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("report.reference")}</th>
                <th scope="col">{t("rules.municipality")}</th>
                <th scope="col">{t("rules.caseType")}</th>
                <th scope="col">{t("report.what")}</th>
                <th scope="col">{t("report.closed")}</th>
                <th scope="col">{t("report.due")}</th>
              </tr>
            </thead>
            <tbody>
              {cases.map((c) => (
                <tr key={c.reference}>
                  <th scope="row">{c.reference}</th>
                  <td data-label={t("rules.municipality")}>{c.municipality}</td>
                  <td data-label={t("rules.caseType")}>{c.caseType}</td>
                  <td data-label={t("report.what")}>{t(`report.actions.${c.action}`)}</td>
                  <td data-label={t("report.closed")}>{formatDate(c.closedAt)}</td>
                  <td data-label={t("report.due")}>{formatDate(c.dueAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {portalWide ? <p>{t("report.audit", { count: auditRows.rows, cutoff: formatDate(auditRows.cutoff) })}</p> : null}
    </>
  );
}
