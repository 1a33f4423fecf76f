import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ExternalLink, hostOf, LinkVerified } from "~/components/authorities/ExternalLink";
import { getFixedT, getLanguage } from "~/i18n/i18n.server";
import { listAuthoritiesByLevel } from "~/services/authorities.server";
import styles from "~/styles/authorities.css";
import type { RouteHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta;
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const handle: RouteHandle = {
  i18n: "authorities",
  breadcrumb: () => ({ labelKey: "ladder.authorities.title", href: "/andra-myndigheter" }),
};

export async function loader({ request }: LoaderFunctionArgs) {
  const lang = getLanguage(request);
  const t = getFixedT(lang, "authorities");
  return { title: t("authorities.title"), description: t("authorities.lead"), levels: listAuthoritiesByLevel(lang) };
}

export default function OtherAuthorities() {
  const { levels } = useLoaderData<typeof loader>();
  const { t } = useTranslation("authorities");
  return (
    <>
      <h1>{t("authorities.title")}</h1>
      <p className="lead">{t("authorities.lead")}</p>
      <p>{t("authorities.oneContact")}</p>
      <p>
        <Link to="/livshandelser">{t("authorities.lifeEventsLink")}</Link>
      </p>
      <nav aria-labelledby="toc-heading">
        <h2 id="toc-heading" className="visually-hidden">
          {t("authorities.onThisPage")}
        </h2>
        <ul className="toc">
          {levels.map((l) => (
            <li key={l.level}>
              <a href={`#niva-${l.level}`}>{t(`authorities.levels.${l.level}`)}</a>
            </li>
          ))}
        </ul>
      </nav>
      {levels.map((l) => (
        <section key={l.level} aria-labelledby={`niva-${l.level}`}>
          <h2 id={`niva-${l.level}`}>{t(`authorities.levels.${l.level}`)}</h2>
          <p>{t(`authorities.levelIntro.${l.level}`)}</p>
          <ul className="authority-list">
            {l.authorities.map((a) => (
              <li key={a.slug} id={a.slug} className="authority">
                <h3>
                  <Link to={`/andra-myndigheter/${a.slug}`}>{a.name}</Link>
                </h3>
                <p>{a.description}</p>
                <p className="authority__visit">
                  <ExternalLink link={a.link}>{t("authorities.visit", { host: hostOf(a.link.url) })}</ExternalLink>
                </p>
                <LinkVerified link={a.link} />
                {a.services.length > 0 ? (
                  <>
                    <h4>{t("authorities.servicesHeading", { name: a.name })}</h4>
                    <ul className="authority__services">
                      {a.services.map((s) => (
                        <li key={s.title}>
                          <ExternalLink link={s.link}>{s.title}</ExternalLink>
                        </li>
                      ))}
                    </ul>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
