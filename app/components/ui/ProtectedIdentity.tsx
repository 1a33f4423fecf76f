import { useTranslation } from "react-i18next";

/** The officer's warning on a case involving protected personal data (docs/decisions/046). */
export function ProtectedIdentityWarning() {
  const { t } = useTranslation("eservice");
  return (
    <div
      className="protected-identity-warning"
      data-testid="protected-identity-warning"
      aria-labelledby="protected-identity-title"
    >
      <h2 id="protected-identity-title">{t("protectedIdentity.title")}</h2>
      <p>{t("protectedIdentity.text")}</p>
    </div>
  );
}

/** The mark on a queue row: text, not only a colour or an icon. */
export function ProtectedIdentityMark() {
  const { t } = useTranslation("eservice");
  return (
    <strong className="protected-identity-mark" data-testid="protected-identity-mark">
      {t("protectedIdentity.mark")}
    </strong>
  );
}
