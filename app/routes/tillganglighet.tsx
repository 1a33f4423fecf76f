import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getFixedT } from "~/i18n/i18n.server";
import { getA11yResults } from "~/services/a11y-results.server";
import { formatDate } from "~/utils/format";
import type { RouteHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";
import { A11Y_ROLE_NAME_KEY, keyOf } from "~/i18n/keys";

export const meta = pageMeta;
export const handle: RouteHandle = {
  i18n: "pages",
  breadcrumb: () => ({ labelKey: "footer.accessibility", href: "/tillganglighet" }),
};

// The date the statement was last reviewed; bump it with every review.
const REVIEWED = "2026-11-26";

export async function loader({ request }: LoaderFunctionArgs) {
  const t = getFixedT(request, "pages");
  return {
    title: t("accessibility.title"),
    description: t("accessibility.lead"),
    reviewed: REVIEWED,
    // Null until a sweep has run against this build (decision 054).
    checks: getA11yResults(),
  };
}

/** Known issues as the latest checks found them (decision 084), never a standing "none known". */
function KnownIssues({ checks }: { checks: ReturnType<typeof useLoaderData<typeof loader>>["checks"] }) {
  const { t } = useTranslation("pages");
  if (!checks) return <p>{t("accessibility.knownIssuesNotRun")}</p>;
  const pdfFailures = checks.pdf?.failures ?? [];
  return (
    <>
      {checks.axeViolations === 0 && pdfFailures.length === 0 ? (
        <p>{t("accessibility.knownIssuesNone")}</p>
      ) : (
        <ul>
          {checks.axeViolations > 0 ? (
            <li>{t("accessibility.knownIssuesAxe", { count: checks.axeViolations })}</li>
          ) : null}
          {pdfFailures.map((f) => (
            <li key={`${f.document} ${f.checkpoint}`}>
              {t("accessibility.knownIssuesPdf", { document: f.document, checkpoint: f.checkpoint })}
            </li>
          ))}
        </ul>
      )}
      <p>{t("accessibility.knownIssuesLimits")}</p>
    </>
  );
}

export default function AccessibilityStatement() {
  const { reviewed, checks } = useLoaderData<typeof loader>();
  const { t } = useTranslation("pages");
  const testing = t("accessibility.testing", { returnObjects: true }) as string[];
  return (
    <div className="prose">
      <h1>{t("accessibility.title")}</h1>
      <p className="lead">{t("accessibility.lead")}</p>
      <h2>{t("accessibility.statusHeading")}</h2>
      <p>{t("accessibility.status")}</p>
      <h2>{t("accessibility.testingHeading")}</h2>
      {testing.map((p) => (
        <p key={p}>{p}</p>
      ))}
      <h2>{t("accessibility.checksHeading")}</h2>
      {checks ? (
        <>
          <p>{t("accessibility.checksLead", { date: formatDate(checks.date) })}</p>
          <ul>
            <li>
              {t("accessibility.checks.axe", {
                violations: checks.axeViolations,
                pages: checks.pages,
                visits: checks.visits,
              })}
            </li>
            <li>
              {t("accessibility.checks.combinations", {
                roles: checks.roles.map((r) => t(keyOf(A11Y_ROLE_NAME_KEY, r) ?? r)).join(", "),
              })}
            </li>
            <li>{t("accessibility.checks.structure", { errors: checks.langErrors + checks.h1Errors })}</li>
            <li>
              {t("accessibility.checks.links", { broken: checks.brokenLinks, serverErrors: checks.serverErrors })}
            </li>
            {checks.pdf ? (
              <li>
                {t("accessibility.checks.pdf", {
                  checkpoints: checks.pdf.checkpoints,
                  failures: checks.pdf.failures.length,
                  documents: checks.pdf.documents,
                })}
              </li>
            ) : null}
          </ul>
        </>
      ) : (
        <p>{t("accessibility.checks.notRun")}</p>
      )}
      <h2>{t("accessibility.knownIssuesHeading")}</h2>
      <KnownIssues checks={checks} />
      <h2>{t("accessibility.reportHeading")}</h2>
      <p>{t("accessibility.report")}</p>
      <p>{t("accessibility.reportHow")}</p>
      <h2>{t("accessibility.enforcementHeading")}</h2>
      <p>{t("accessibility.enforcement")}</p>
      <p>
        <a href="https://www.digg.se/tdosanmalan">{t("accessibility.enforcementLink")}</a>
      </p>
      <p className="note">{t("accessibility.updated", { date: formatDate(reviewed) })}</p>
    </div>
  );
}
