import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ContentFooter, FallbackNote, SanitizedHtml } from "~/components/catalogue/ContentNotes";
import { getFixedT, getLanguage } from "~/i18n/i18n.server";
import { getNewsItem, municipalityOr404 } from "~/services/catalogue.server";
import type { RouteHandle } from "~/utils/handle";
import { newsFeedLinks } from "~/services/news-feed.server";
import { pageMeta } from "~/utils/meta";
import catalogueStyles from "~/styles/catalogue.css";

export const meta = pageMeta;
export const links: LinksFunction = () => [{ rel: "stylesheet", href: catalogueStyles }];
export const handle: RouteHandle = {
  i18n: "catalogue",
  breadcrumb: (match) => {
    const d = match.data as
      | { municipality?: { slug: string; name: string }; crumb?: string; item?: { slug: string; title: string } }
      | undefined;
    if (!d?.municipality || !d.item) return null;
    return [
      { label: d.municipality.name, href: `/${d.municipality.slug}` },
      { label: d.crumb ?? "", href: `/${d.municipality.slug}/nyheter` },
      { label: d.item.title, href: `/${d.municipality.slug}/nyheter/${d.item.slug}` },
    ];
  },
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const m = municipalityOr404(params.kommun);
  const lang = getLanguage(request);
  const item = getNewsItem({ municipalityId: m.id, slug: params.slug ?? "", lang });
  if (!item) throw new Response("Not found", { status: 404 });
  const t = getFixedT(lang, "catalogue");
  return {
    title: item.title,
    description: item.summary,
    crumb: t("municipal.newsCrumb"),
    municipality: { slug: m.slug, name: m.name },
    feeds: newsFeedLinks(m, lang),
    item,
  };
}

export default function NewsItem() {
  const { item } = useLoaderData<typeof loader>();
  return (
    <article>
      <h1>{item.title}</h1>
      <p className="lead">{item.summary}</p>
      <FallbackNote show={item.fallback} />
      <SanitizedHtml html={item.bodyHtml} />
      <ContentFooter publishedAt={item.publishedAt} example={item.example} />
    </article>
  );
}
