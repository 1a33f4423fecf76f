import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SSO_REFUSAL_KEY } from "~/i18n/keys";

/** The page for a refused staff SSO login (OIDC callback and SAML ACS alike, decisions 064 and 073). */
export function StaffSsoRefused() {
  const { reason } = useLoaderData<{ title: string; reason: keyof typeof SSO_REFUSAL_KEY }>();
  const { t } = useTranslation("sso");
  return (
    <div className="prose">
      <h1>{t("refused.title")}</h1>
      <div className="alert alert--error" role="alert">
        <p data-testid="sso-refusal">{t(SSO_REFUSAL_KEY[reason])}</p>
      </div>
      <p>
        <Link to="/personal/logga-in">{t("refused.back")}</Link>
      </p>
    </div>
  );
}
