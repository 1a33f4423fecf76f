import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getLanguage } from "~/i18n/i18n.server";
import { listNews, listPages } from "~/services/catalogue.server";
import {
  getMunicipalityBySlug,
  listAdministrations,
  localized,
  municipalityCookieHeader,
} from "~/services/municipalities.server";
import { formatDate } from "~/utils/format";
import type { RouteHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";
import catalogueStyles from "~/styles/catalogue.css";

export const meta = pageMeta;
export const links: LinksFunction = () => [{ rel: "stylesheet", href: catalogueStyles }];

export const handle: RouteHandle = {
  i18n: ["common", "catalogue"],
  breadcrumb: (match) => {
    const d = match.data as { municipality?: { name: string; slug: string } } | undefined;
    return d?.municipality ? { label: d.municipality.name, href: `/${d.municipality.slug}` } : null;
  },
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const m = getMunicipalityBySlug(params.kommun ?? "");
  if (!m) throw new Response("Not found", { status: 404 });
  const lang = getLanguage(request);
  // Visiting a municipality's home page chooses it: the portal then shows its variant of
  // every shared service.
  return data(
    {
      title: m.logoText,
      description: localized(m, "intro", lang),
      municipality: {
        slug: m.slug,
        name: m.name,
        logoText: m.logoText,
        intro: localized(m, "intro", lang),
        phone: m.phone,
        email: m.email,
        visitingAddress: m.visitingAddress,
        postalAddress: m.postalAddress,
        openingHours: localized(m, "openingHours", lang),
        orgNumber: m.orgNumber,
        example: m.example,
      },
      latestNews: listNews({ municipalityId: m.id, lang, limit: 3 }),
      infoPages: listPages({ municipalityId: m.id, lang, kind: "page" }).map((p) => ({ slug: p.slug, title: p.title })),
      administrations: listAdministrations(m.id).map((a) => ({
        slug: a.slug,
        name: localized(a, "name", lang),
        description: localized(a, "description", lang),
        phone: a.phone,
        email: a.email,
      })),
    },
    { headers: { "Set-Cookie": municipalityCookieHeader(m.slug) } },
  );
}

export default function MunicipalityHome() {
  const { municipality: m, administrations, latestNews, infoPages } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const { t: tc } = useTranslation("catalogue");
  return (
    <>
      <p className="municipality-mark" aria-hidden="true">
        {m.logoText}
      </p>
      <h1>{m.logoText}</h1>
      <p className="lead">{m.intro}</p>

      <div className="two-col">
        <section aria-labelledby="contact-heading" className="panel">
          <h2 id="contact-heading">{t("municipality.contactHeading")}</h2>
          <dl className="facts">
            <dt>{t("municipality.phone")}</dt>
            <dd>
              <a href={`tel:${m.phone.replace(/[^0-9+]/g, "")}`}>{m.phone}</a>
            </dd>
            <dt>{t("municipality.email")}</dt>
            <dd>
              <a href={`mailto:${m.email}`}>{m.email}</a>
            </dd>
            <dt>{t("municipality.visitingAddress")}</dt>
            <dd>{m.visitingAddress}</dd>
            <dt>{t("municipality.postalAddress")}</dt>
            <dd>{m.postalAddress}</dd>
            <dt>{t("municipality.openingHours")}</dt>
            <dd>{m.openingHours}</dd>
            <dt>{t("municipality.orgNumber")}</dt>
            <dd>{m.orgNumber}</dd>
          </dl>
          {m.example ? <p className="note">{t("common.exampleData")}</p> : null}
        </section>

        <section aria-labelledby="shortcuts-heading" className="panel">
          <h2 id="shortcuts-heading">{t("municipality.shortcutsHeading")}</h2>
          <ul className="link-list">
            <li>
              <Link to={`/${m.slug}/tjanster`}>{t("municipality.servicesIn", { name: m.name })}</Link>
            </li>
            <li>
              <Link to={`/${m.slug}/verksamheter`}>{tc("municipal.allActivities", { name: m.name })}</Link>
            </li>
            <li>
              <Link to={`/${m.slug}/nyheter`}>{tc("municipal.allNews", { name: m.name })}</Link>
            </li>
            {infoPages.map((p) => (
              <li key={p.slug}>
                <Link to={`/${m.slug}/sidor/${p.slug}`}>{p.title}</Link>
              </li>
            ))}
            <li>
              <Link to="/blanketter">{t("ladder.forms.title")}</Link>
            </li>
            <li>
              <Link to="/mina-sidor">{t("ladder.myPages.title")}</Link>
            </li>
            <li>
              <Link to="/andra-myndigheter">{t("ladder.authorities.title")}</Link>
            </li>
          </ul>
        </section>
      </div>

      {latestNews.length ? (
        <section aria-labelledby="news-heading">
          <h2 id="news-heading">{tc("municipal.latestNews")}</h2>
          <ul className="card-grid">
            {latestNews.map((n) => (
              <li key={n.slug} className="card">
                <h3>
                  <Link to={`/${m.slug}/nyheter/${n.slug}`}>{n.title}</Link>
                </h3>
                <p className="card__meta">{tc("common.published", { date: formatDate(n.publishedAt) })}</p>
                <p>{n.summary}</p>
              </li>
            ))}
          </ul>
          <p>
            <Link to={`/${m.slug}/nyheter`}>{tc("municipal.allNews", { name: m.name })}</Link>
          </p>
        </section>
      ) : null}

      <section aria-labelledby="administrations-heading">
        <h2 id="administrations-heading">{t("municipality.administrationsHeading")}</h2>
        <ul className="card-grid">
          {administrations.map((a) => (
            <li key={a.slug} className="card">
              <h3>{a.name}</h3>
              <p>{a.description}</p>
              <p className="card__meta">
                <a href={`tel:${a.phone.replace(/[^0-9+]/g, "")}`}>{a.phone}</a>
                <br />
                <a href={`mailto:${a.email}`}>{a.email}</a>
              </p>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
