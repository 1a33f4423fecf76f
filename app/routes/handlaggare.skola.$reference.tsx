import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ESignatures } from "~/components/mypages/ESignatures";
import { ProtectedIdentityWarning } from "~/components/ui/ProtectedIdentity";
import { getSchoolCaseForStaff } from "~/services/school.server";
import { auditStaffCaseRead, requireStaffArea } from "~/services/staff-area.server";
import styles from "~/styles/mypages.css";
import { formatDateTime } from "~/utils/format";
import type { RouteHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";
import { CASE_STATUS_KEY } from "~/i18n/keys";

export const meta = pageMeta;
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const handle: RouteHandle = {
  i18n: ["childcare", "auth", "eservice"],
  breadcrumb: () => [
    { labelKey: "auth:staffHome.title", href: "/personal" },
    { labelKey: "childcare:officer.schoolTitle", href: "/handlaggare/skola" },
  ],
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, municipalityIds } = await requireStaffArea(request, "case.read", "skola");
  const c = await getSchoolCaseForStaff({ reference: params.reference ?? "", municipalityIds });
  if (!c) throw new Response("Not found", { status: 404 });
  auditStaffCaseRead({
    user,
    caseId: c.caseId,
    reference: c.reference,
    municipalityId: c.municipalityId,
    area: "skola",
  });
  return { title: c.reference, c };
}

export default function OfficerSchoolCase() {
  const { c } = useLoaderData<typeof loader>();
  const { t } = useTranslation("childcare");
  return (
    <>
      <h1>{c.reference}</h1>
      {c.protectedIdentity ? <ProtectedIdentityWarning /> : null}
      <dl className="facts">
        <dt>{t("officer.status")}</dt>
        <dd>{t(CASE_STATUS_KEY[c.status], { defaultValue: c.status })}</dd>
        <dt>{t("school.details.child")}</dt>
        <dd>{c.childName}</dd>
        <dt>{t("school.details.type")}</dt>
        <dd>{t(`school.applicationType.${c.applicationType}`)}</dd>
        <dt>{t("school.details.schools")}</dt>
        <dd>{c.schools.map((s) => s.name).join(", ")}</dd>
        <dt>{t("school.details.startDate")}</dt>
        <dd>{c.startDate}</dd>
        <dt>{t("school.details.reason")}</dt>
        <dd>{c.reason ?? "–"}</dd>
      </dl>
      <p>
        <a href={`/handlaggare/skola/${c.reference}/ansokan.pdf`} download>
          {t("officer.applicationPdf")}
        </a>
      </p>
      <h2>{t("school.signatures.heading")}</h2>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{t("school.signatures.heading")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("school.signatures.guardian")}</th>
              <th scope="col">{t("officer.status")}</th>
              <th scope="col">{t("school.signatures.hash")}</th>
            </tr>
          </thead>
          <tbody>
            {c.signatures.map((s, i) => (
              <tr key={i}>
                <td>{s.guardianName}</td>
                <td>
                  {t(`school.signatures.${s.decision}`, { date: s.decidedAt ? formatDateTime(s.decidedAt) : "" })}
                </td>
                <td className="hash">{s.contentHash}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ESignatures signatures={c.eSignatures} />
      <p>
        {t("school.signatures.hash")}: <span className="hash">{c.contentHash}</span>
      </p>
    </>
  );
}
