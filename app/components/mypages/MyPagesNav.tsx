import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** The sections of Mina sidor; every page of it shows the same navigation. */
export function MyPagesNav() {
  const { t } = useTranslation("mypages");
  const items: [string, string][] = [
    ["/mina-sidor", "nav.overview"],
    ["/mina-sidor/barnomsorg", "nav.childcare"],
    ["/blanketter/forskola-ansokan", "nav.applyChildcare"],
    ["/blanketter/skolval-ansokan", "nav.applySchool"],
    ["/mina-sidor/medgivande", "nav.ownerConsents"],
    ["/mina-sidor/mina-uppgifter", "nav.myData"],
    ["/mina-sidor/installningar", "nav.settings"],
  ];
  return (
    <nav aria-label={t("nav.heading")}>
      <ul className="mypages-nav">
        {items.map(([href, key]) => (
          <li key={href}>
            <Link to={href}>{t(key)}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
