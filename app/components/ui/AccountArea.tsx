import { Form, Link, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfField } from "./CsrfField";

export interface AccountSummary {
  kind: "resident" | "staff";
  name: string;
  acting: { kind: "self" } | { kind: "organisation"; name: string; orgNumber: string } | null;
  canChooseParty: boolean;
}

/** The header's account area: log-in link, or who is signed in, for whom, and log out. */
export function AccountArea({ account }: { account: AccountSummary | null }) {
  const { t } = useTranslation("auth");
  const location = useLocation();
  const here = `${location.pathname}${location.search}`;
  if (!account) {
    const target = location.pathname.startsWith("/logga-in")
      ? "/logga-in"
      : `/logga-in?redirectTo=${encodeURIComponent(here)}`;
    return (
      <p className="account">
        <Link to={target} className="account__login">
          {t("header.login")}
        </Link>
      </p>
    );
  }
  return (
    <div className="account">
      <p className="account__who">
        <span className="visually-hidden">{t("header.signedInAs")} </span>
        <Link to={account.kind === "staff" ? "/personal" : "/mina-sidor"} className="account__name">
          {account.name}
        </Link>
        {account.acting?.kind === "organisation" ? (
          <span className="account__acting"> {t("header.actingFor", { name: account.acting.name })}</span>
        ) : null}
        {account.canChooseParty ? (
          <>
            {" "}
            <Link to={`/valj-part?redirectTo=${encodeURIComponent(here)}`} className="account__change">
              {t("header.changeParty")}
            </Link>
          </>
        ) : null}
      </p>
      <Form method="post" action="/logga-ut" className="account__logout" reloadDocument>
        <CsrfField />
        <button type="submit" className="link-button">
          {t("header.logout")}
        </button>
      </Form>
    </div>
  );
}
