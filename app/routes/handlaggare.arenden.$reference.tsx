import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireStaff, staffScopes } from "~/auth/guards.server";
import { getFixedT } from "~/i18n/i18n.server";
import { audit } from "~/services/audit.server";
import { getCaseForStaff, getCaseScope } from "~/services/cases.server";
import type { RouteHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";
import { formatPersonnummer } from "../../forms/lib/identity-number";

export const meta = pageMeta;
export const handle: RouteHandle = { i18n: "auth", breadcrumb: () => [{ labelKey: "auth:staffHome.title", href: "/personal" }, { labelKey: "auth:officer.title", href: "/handlaggare" }] };

/**
 * One case for an officer (placeholder view). The guard decides from the case's municipality
 * and area; opening it is audited, so the applicant sees it on Mina sidor.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const reference = params.reference ?? "";
  const scope = getCaseScope(reference);
  if (!scope) throw new Response("Not found", { status: 404 });
  const user = await requireStaff(request, "case.read", scope);
  const found = getCaseForStaff({ reference, scopes: staffScopes(user, "case.read") });
  if (!found) throw new Response("Not found", { status: 404 });
  audit({ actor: user, action: "case.read", subjectType: "case", subjectId: reference, municipalityId: found.municipalityId, personId: found.applicantPersonId ?? undefined, details: { area: found.area } });
  return {
    title: `${getFixedT(request, "auth")("officer.case")} ${reference}`,
    case: {
      reference: found.reference,
      municipality: found.municipality,
      area: found.area,
      caseType: found.caseType,
      status: found.status,
      applicant: found.givenName ? `${found.givenName} ${found.familyName}` : null,
      personnummer: found.personnummer ? formatPersonnummer(found.personnummer) : null,
      organisation: found.organisationName ? `${found.organisationName} (${found.orgNumber})` : null,
    },
  };
}

export default function OfficerCase() {
  const { case: c } = useLoaderData<typeof loader>();
  const { t } = useTranslation("auth");
  return (
    <>
      <h1>
        {t("officer.case")} {c.reference}
      </h1>
      <dl className="facts">
        <dt>{t("myPages.municipality")}</dt>
        <dd>{c.municipality}</dd>
        <dt>{t("officer.area")}</dt>
        <dd>{t(`areas.${c.area}`)}</dd>
        <dt>{t("officer.caseType")}</dt>
        <dd>{c.caseType}</dd>
        <dt>{t("officer.status")}</dt>
        <dd>{c.status}</dd>
        <dt>{t("officer.applicant")}</dt>
        <dd>
          {c.applicant} {c.personnummer ? `(${c.personnummer})` : ""}
        </dd>
        {c.organisation ? (
          <>
            <dt>{t("officer.organisation")}</dt>
            <dd>{c.organisation}</dd>
          </>
        ) : null}
      </dl>
    </>
  );
}
