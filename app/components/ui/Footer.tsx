import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatNameList } from "~/utils/format";

export interface FooterMunicipality {
  slug: string;
  name: string;
  phone: string;
  email: string;
}

export function Footer({ municipalities, lang }: { municipalities: FooterMunicipality[]; lang: "sv" | "en" }) {
  const { t } = useTranslation();
  const names = municipalities.map((m) => m.name);
  return (
    <footer className="site-footer">
      <div className="container">
        <h2 className="site-footer__heading">{t("footer.contactHeading")}</h2>
        <ul className="site-footer__municipalities">
          {municipalities.map((m) => (
            <li key={m.slug}>
              <Link to={`/${m.slug}`}>{t("footer.municipality", { name: m.name })}</Link>
              <span>
                {t("footer.phone")} <a href={`tel:${m.phone.replace(/[^0-9+]/g, "")}`}>{m.phone}</a>
              </span>
              <span>
                <a href={`mailto:${m.email}`}>{m.email}</a>
              </span>
            </li>
          ))}
        </ul>
        <ul className="site-footer__links">
          <li>
            <Link to="/tillganglighet">{t("footer.accessibility")}</Link>
          </li>
          <li>
            <Link to="/om-webbplatsen">{t("footer.about")}</Link>
          </li>
        </ul>
        <p className="site-footer__note">
          {names.length > 0
            ? t("footer.note", { municipalities: formatNameList(names, lang) })
            : t("footer.noteNoMunicipality")}
        </p>
      </div>
    </footer>
  );
}
