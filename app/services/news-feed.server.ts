import type { Language } from "~/i18n/config";
import { getFixedT } from "~/i18n/i18n.server";
import { listNews } from "~/services/catalogue.server";
import type { Feed } from "~/services/feeds.server";
import { getMunicipalityBySlug } from "~/services/municipalities.server";
import type { PageFeeds } from "~/utils/meta";

/** A municipality's news feeds as the news pages announce and link them (relative addresses). */
export function newsFeedLinks(m: { slug: string; name: string }, lang: Language): PageFeeds {
  const suffix = lang === "en" ? "?lang=en" : "";
  const title = getFixedT(lang, "authorities")("feeds.news", { name: m.name });
  const t = getFixedT(lang, "catalogue");
  return {
    atom: `/${m.slug}/nyheter.atom${suffix}`,
    rss: `/${m.slug}/nyheter.rss${suffix}`,
    atomTitle: t("municipal.newsFeedAtom", { title }),
    rssTitle: t("municipal.newsFeedRss", { title }),
  };
}

/** A municipality's published news as a feed; undefined for an unknown municipality. */
export function newsFeed(kommun: string, origin: string, lang: Language, format: "atom" | "rss"): Feed | undefined {
  const m = getMunicipalityBySlug(kommun);
  if (!m) return undefined;
  const items = listNews({ municipalityId: m.id, lang, limit: 50 });
  const suffix = lang === "en" ? "?lang=en" : "";
  // Ids per language (decision 063): the English feed's and entries' ids are their English
  // addresses, the Swedish ones unchanged, so the two feeds never share an id.
  return {
    id: `${origin}/${m.slug}/nyheter${suffix}`,
    title: getFixedT(lang, "authorities")("feeds.news", { name: m.name }),
    link: `${origin}/${m.slug}/nyheter${suffix}`,
    self: `${origin}/${m.slug}/nyheter.${format}${suffix}`,
    language: lang,
    updated: items[0]?.publishedAt ?? m.createdAt,
    entries: items.map((n) => ({
      id: `${origin}/${m.slug}/nyheter/${n.slug}${suffix}`,
      title: n.title,
      summary: n.summary,
      link: `${origin}/${m.slug}/nyheter/${n.slug}${suffix}`,
      updated: n.publishedAt,
    })),
  };
}
