import { Link, NavLink, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "~/i18n/config";

export interface HeaderProps {
  lang: Language;
  /** `home`: not chosen in this browser but the logged-in resident's home municipality (decision 109). */
  municipality: { slug: string; name: string; home?: boolean } | null;
  /** The portal's municipalities from the table, in order; none on a fresh install (no subtitle then). */
  municipalityNames: readonly string[];
  /** Extra header content (the signed-in person, staff menu) supplied by the identity layer. */
  account?: React.ReactNode;
}

/** The current URL with `lang` set: a plain link, so switching works without JavaScript. */
export function useLanguageHref(target: Language): string {
  const location = useLocation();
  const params = new URLSearchParams(location.search);
  params.set("lang", target);
  return `${location.pathname}?${params.toString()}`;
}

export function Header({ lang, municipality, municipalityNames, account }: HeaderProps) {
  const { t } = useTranslation();
  const location = useLocation();
  const other: Language = lang === "sv" ? "en" : "sv";
  const languageHref = useLanguageHref(other);
  const back = encodeURIComponent(location.pathname + location.search);
  return (
    <header className="site-header">
      <div className="site-header__top container">
        <Link to="/" className="site-header__brand">
          <span className="site-header__title">{t("site.name")}</span>
          {municipalityNames.length > 0 ? (
            <span className="site-header__subtitle">{municipalityNames.join(" · ")}</span>
          ) : null}
        </Link>
        <div className="site-header__tools">
          <p className="site-header__municipality">
            {municipality ? (
              <>
                <span className="visually-hidden">
                  {municipality.home ? t("municipality.home") : t("municipality.chosen")}{" "}
                </span>
                <Link to={`/${municipality.slug}`}>{municipality.name}</Link>
              </>
            ) : (
              // "None yet" only on an install without municipalities; otherwise none is chosen.
              <span>{municipalityNames.length > 0 ? t("municipality.notChosen") : t("municipality.none")}</span>
            )}{" "}
            <Link to={`/valj-kommun?tillbaka=${back}`} className="site-header__change">
              {municipality ? t("municipality.change") : t("municipality.choose")}
            </Link>
          </p>
          <a href={languageHref} hrefLang={other} lang={other} className="site-header__lang">
            {t(`language.switchTo.${other}`)}
          </a>
          {account}
        </div>
      </div>
      <nav aria-label={t("nav.label")} className="site-nav">
        <ul className="container">
          <li>
            <NavLink to="/tjanster">{t("ladder.information.short")}</NavLink>
          </li>
          <li>
            <NavLink to="/blanketter">{t("ladder.forms.short")}</NavLink>
          </li>
          <li>
            <NavLink to="/mina-sidor">{t("ladder.myPages.short")}</NavLink>
          </li>
          <li>
            <NavLink to="/andra-myndigheter">{t("ladder.authorities.short")}</NavLink>
          </li>
        </ul>
      </nav>
    </header>
  );
}
