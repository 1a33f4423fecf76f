import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getFixedT, getLanguage } from "~/i18n/i18n.server";
import { listNews, municipalityOr404 } from "~/services/catalogue.server";
import { formatDate } from "~/utils/format";
import type { RouteHandle } from "~/utils/handle";
import { newsFeedLinks } from "~/services/news-feed.server";
import { pageMeta } from "~/utils/meta";
import catalogueStyles from "~/styles/catalogue.css";

export const meta = pageMeta;
export const links: LinksFunction = () => [{ rel: "stylesheet", href: catalogueStyles }];
export const handle: RouteHandle = {
  i18n: "catalogue",
  breadcrumb: (match) => {
    const d = match.data as { municipality?: { slug: string; name: string }; crumb?: string } | undefined;
    if (!d?.municipality) return null;
    return [
      { label: d.municipality.name, href: `/${d.municipality.slug}` },
      { label: d.crumb ?? "", href: `/${d.municipality.slug}/nyheter` },
    ];
  },
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const m = municipalityOr404(params.kommun);
  const lang = getLanguage(request);
  const t = getFixedT(lang, "catalogue");
  return {
    title: t("municipal.newsTitle", { name: m.name }),
    description: t("municipal.newsLead", { name: m.name }),
    crumb: t("municipal.newsCrumb"),
    municipality: { slug: m.slug, name: m.name },
    feeds: newsFeedLinks(m, lang),
    news: listNews({ municipalityId: m.id, lang }),
  };
}

export default function NewsList() {
  const { municipality: m, news, feeds } = useLoaderData<typeof loader>();
  const { t } = useTranslation("catalogue");
  return (
    <>
      <h1>{t("municipal.newsTitle", { name: m.name })}</h1>
      <p className="lead">{t("municipal.newsLead", { name: m.name })}</p>
      {news.length === 0 ? <p>{t("municipal.noNews")}</p> : null}
      <ul className="service-list">
        {news.map((n) => (
          <li key={n.slug} className="service-list__item">
            <h2 className="service-list__title">
              <Link to={`/${m.slug}/nyheter/${n.slug}`}>{n.title}</Link>
            </h2>
            <p className="note">
              <time dateTime={n.publishedAt}>{t("common.published", { date: formatDate(n.publishedAt) })}</time>
            </p>
            <p>{n.summary}</p>
          </li>
        ))}
      </ul>
      <p>
        {t("municipal.newsFeeds")}{" "}
        <a href={feeds.atom} type="application/atom+xml">
          {t("municipal.feedAtom")}
        </a>
        {", "}
        <a href={feeds.rss} type="application/rss+xml">
          {t("municipal.feedRss")}
        </a>
      </p>
    </>
  );
}
