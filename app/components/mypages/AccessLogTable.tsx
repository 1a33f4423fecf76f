import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { AccessEntry } from "~/services/mypages.server";
import { formatDateTime } from "~/utils/format";
import { AREA_KEY, ROLE_KEY, keyOf } from "~/i18n/keys";

/**
 * "Who has opened my cases": staff reads of the resident's personal data (the audit log's
 * access entries, from listAccessToPersonData via accessLogFor). Names the reader's role,
 * administration and municipality, never the person. Used by the overview and by My data.
 */
export function AccessLogTable({ entries, children }: { entries: AccessEntry[]; children?: ReactNode }) {
  const { t } = useTranslation("mypages");
  const roleLabel = (role: string | null) => {
    if (!role) return t("auth:roles.staff");
    const [r, area] = role.split(":");
    return area
      ? t("auth:roles.officerIn", { area: t(keyOf(AREA_KEY, area) ?? area) })
      : t(keyOf(ROLE_KEY, r ?? "") ?? role);
  };
  return (
    <section aria-labelledby="access-title">
      <h2 id="access-title">{t("accessLog.heading")}</h2>
      <p>{t("accessLog.lead")}</p>
      {entries.length === 0 ? (
        <p>{t("accessLog.none")}</p>
      ) : (
        // Scrolls sideways at phone width: focusable, so a keyboard can scroll it (WCAG 2.1.1).
        <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="access-title">
          <table aria-labelledby="access-title" className="access-log">
            <thead>
              <tr>
                <th scope="col">{t("accessLog.when")}</th>
                <th scope="col">{t("accessLog.who")}</th>
                <th scope="col">{t("accessLog.what")}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((a, i) => (
                <tr key={i}>
                  <td>{formatDateTime(a.at)}</td>
                  <td>
                    {roleLabel(a.role)}
                    {a.administration ? `, ${a.administration}` : ""}
                    {a.municipality ? `, ${a.municipality}` : ""}
                  </td>
                  <td>
                    {t(`auth:audit.actions.${a.action}`, { defaultValue: a.action })} {a.case}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {children}
    </section>
  );
}
