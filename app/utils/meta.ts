import type { MetaArgs, MetaDescriptor } from "@remix-run/node";

/** Web feeds a page announces with <link rel="alternate"> (loader data `feeds`). */
export interface PageFeeds {
  atom: string;
  rss: string;
  atomTitle: string;
  rssTitle: string;
}

/**
 * "<page> – <site>" from the page loader's `title` and the root loader's site name, plus an
 * optional description and the page's web feeds. Loaders translate; meta only assembles.
 */
export function pageMeta({ data, matches }: MetaArgs): MetaDescriptor[] {
  const root = matches.find((m) => m.id === "root")?.data as { titles?: { site?: string } } | undefined;
  const site = root?.titles?.site ?? "Dalslands e-tjänster";
  const page = data as { title?: string; description?: string; feeds?: PageFeeds } | undefined;
  const out: MetaDescriptor[] = [{ title: page?.title && page.title !== site ? `${page.title} – ${site}` : site }];
  if (page?.description) out.push({ name: "description", content: page.description });
  if (page?.feeds) {
    out.push(
      {
        tagName: "link",
        rel: "alternate",
        type: "application/atom+xml",
        title: page.feeds.atomTitle,
        href: page.feeds.atom,
      },
      {
        tagName: "link",
        rel: "alternate",
        type: "application/rss+xml",
        title: page.feeds.rssTitle,
        href: page.feeds.rss,
      },
    );
  }
  return out;
}
