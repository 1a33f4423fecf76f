import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfField } from "~/components/ui/CsrfField";
import { formatDateTime } from "~/utils/format";
import type { getMyCaseDetail } from "~/services/mypages.server";

/** The case page's data as the browser receives it (the loader in routes/mina-sidor.arenden.$reference.tsx). */
type Detail = NonNullable<Awaited<ReturnType<typeof getMyCaseDetail>>>;

/** A school application on the resident's case page: its details and the guardians' signatures. */
export function SchoolPart({ sc, reference }: { sc: NonNullable<Detail["school"]>; reference: string }) {
  const { t } = useTranslation("childcare");
  return (
    <section aria-labelledby="school-title">
      <h2 id="school-title">{t("school.details.type")}</h2>
      <dl className="facts">
        <dt>{t("school.details.child")}</dt>
        <dd>{sc.childName}</dd>
        <dt>{t("school.details.type")}</dt>
        <dd>{t(`school.applicationType.${sc.applicationType}`)}</dd>
        <dt>{t("school.details.schools")}</dt>
        <dd>{sc.schools.map((s) => s.name).join(", ")}</dd>
        <dt>{t("school.details.startDate")}</dt>
        <dd>{sc.startDate}</dd>
        {sc.reason ? (
          <>
            <dt>{t("school.details.reason")}</dt>
            <dd>{sc.reason}</dd>
          </>
        ) : null}
      </dl>
      <h3>{t("school.signatures.heading")}</h3>
      <ul>
        {sc.signatures.map((s, i) => (
          <li key={i}>
            {s.guardianName}:{" "}
            {s.decision === "pending"
              ? t("school.signatures.pending")
              : t(`school.signatures.${s.decision}`, { date: s.decidedAt ? formatDateTime(s.decidedAt) : "" })}
          </li>
        ))}
      </ul>
      <p>
        {t("school.signatures.hash")}: <span className="hash">{sc.contentHash}</span>
      </p>
      {sc.canSign ? (
        <div className="panel--plain">
          <h3>{t("school.sign.heading")}</h3>
          <p>{t("school.sign.body")}</p>
          <div className="button-row">
            <a href={`/mina-sidor/arenden/${reference}/signera`} className="button">
              {t("school.sign.approve")}
            </a>
            <Form method="post" reloadDocument>
              <CsrfField />
              <input type="hidden" name="hash" value={sc.contentHash} />
              <button type="submit" name="intent" value="decline-signature" className="button button--warning">
                {t("school.sign.decline")}
              </button>
            </Form>
          </div>
        </div>
      ) : null}
    </section>
  );
}
