import { useTranslation } from "react-i18next";

/**
 * The problems the e-service checker found (decision 075), each named by where it is in the
 * document (step, field, language) with the checker's own words; at the top of the page so a
 * screen reader meets them first.
 */
export function DocumentErrors({ errors }: { errors: Record<string, string> }) {
  const { t } = useTranslation("editor");
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1}>
      <h2>{t("eservices.errors.summary")}</h2>
      <ul>
        {entries.map(([where, what]) => (
          <li key={where}>
            <code>{where}</code>: {what.length < 40 && /^[a-zA-Z]+$/.test(what) ? t(`eservices.errors.${what}`) : what}
          </li>
        ))}
      </ul>
    </div>
  );
}
