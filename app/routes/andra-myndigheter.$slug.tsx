import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ExternalLink, hostOf, LinkVerified } from "~/components/authorities/ExternalLink";
import { getLanguage } from "~/i18n/i18n.server";
import { getAuthority, lifeEventsInvolving, servicesInvolving } from "~/services/authorities.server";
import styles from "~/styles/authorities.css";
import type { RouteHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta;
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const handle: RouteHandle = {
  i18n: "authorities",
  breadcrumb: (match) => {
    const d = match.data as { authority?: { slug: string; name: string } } | undefined;
    return [
      { labelKey: "ladder.authorities.title", href: "/andra-myndigheter" },
      ...(d?.authority ? [{ label: d.authority.name, href: `/andra-myndigheter/${d.authority.slug}` }] : []),
    ];
  },
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = getLanguage(request);
  const a = getAuthority(params.slug ?? "", lang);
  if (!a) throw new Response("Not found", { status: 404 });
  return {
    title: a.name,
    description: a.description,
    authority: a,
    guides: lifeEventsInvolving(a.slug, lang),
    services: servicesInvolving(a.slug, lang),
  };
}

export default function AuthorityPage() {
  const { authority: a, guides, services } = useLoaderData<typeof loader>();
  const { t } = useTranslation("authorities");
  return (
    <div className="prose">
      <h1>{a.name}</h1>
      <p>
        <span className="tag">{t(`authorities.levels.${a.level}`)}</span>
      </p>
      <p className="lead">{a.description}</p>
      <p className="authority__visit">
        <ExternalLink link={a.link}>{t("authorities.visit", { host: hostOf(a.link.url) })}</ExternalLink>
      </p>
      <LinkVerified link={a.link} />
      {a.services.length > 0 ? (
        <section aria-labelledby="services-heading">
          <h2 id="services-heading">{t("authorities.servicesHeading", { name: a.name })}</h2>
          {a.services.map((s) => (
            <div key={s.title}>
              <h3>
                <ExternalLink link={s.link}>{s.title}</ExternalLink>
              </h3>
              <p>{s.description}</p>
            </div>
          ))}
        </section>
      ) : null}
      {services.length > 0 ? (
        <section aria-labelledby="our-services-heading">
          <h2 id="our-services-heading">{t("authorities.ourServicesHeading", { name: a.name })}</h2>
          <ul className="link-list">
            {services.map((s) => (
              <li key={s.slug}>
                <Link to={`/tjanster/${s.slug}`}>{s.title}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {guides.length > 0 ? (
        <section aria-labelledby="guides-heading">
          <h2 id="guides-heading">{t("authorities.guidesHeading", { name: a.name })}</h2>
          <ul className="link-list">
            {guides.map((g) => (
              <li key={g.slug}>
                <Link to={`/livshandelser/${g.slug}`}>{g.title}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p>{t("authorities.oneContact")}</p>
      <p>
        <Link to={`/andra-myndigheter#${a.slug}`}>{t("authorities.title")}</Link>
      </p>
    </div>
  );
}
