import { useTranslation } from "react-i18next";
import { CASE_STATUS_KEY, keyOf } from "~/i18n/keys";
import { formatDate } from "~/utils/format";
import { formTitleKey } from "~/utils/mypages-format";
import { oncePerKey } from "~/utils/once-per-key";

interface CaseRow {
  reference: string;
  formId: string;
  municipality: string;
  status: string;
  createdAt: string;
  decisionDueAt: string | null;
}

/**
 * Mina sidor's list of the resident's cases (one row per case; a resident may have hundreds).
 * Rendered cheaply (decision 116): the row's links are plain `<a>` (the page ships no JavaScript,
 * so a router `Link` would only resolve its path per row), and the type and status texts are
 * translated once per distinct value instead of once per row.
 */
export function CaseTable({ cases }: { cases: readonly CaseRow[] }) {
  const { t } = useTranslation("mypages");
  const once = oncePerKey<string>();
  const noDueDate = t("cases.noDueDate");
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="cases-title">
      <table aria-labelledby="cases-title" className="table--wide">
        <thead>
          <tr>
            <th scope="col">{t("cases.reference")}</th>
            <th scope="col">{t("cases.type")}</th>
            <th scope="col">{t("cases.municipality")}</th>
            <th scope="col">{t("cases.status")}</th>
            <th scope="col">{t("cases.submitted")}</th>
            <th scope="col">{t("cases.decisionDue")}</th>
          </tr>
        </thead>
        <tbody>
          {cases.map((c) => (
            <tr key={c.reference}>
              <td>
                <a href={`/mina-sidor/arenden/${c.reference}`}>{c.reference}</a>
              </td>
              <td>{once(`form:${c.formId}`, () => t(formTitleKey(c.formId), { formId: c.formId }))}</td>
              <td>{c.municipality}</td>
              <td>{once(`status:${c.status}`, () => t(keyOf(CASE_STATUS_KEY, c.status) ?? c.status))}</td>
              <td>{formatDate(c.createdAt)}</td>
              <td>{c.decisionDueAt ? formatDate(c.decisionDueAt) : noDueDate}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
