/**
 * Atom 1.0 and RSS 2.0 from one list of entries, for news and (when cases land) the diarium.
 * Plain strings, escaped here; nothing else builds XML by hand.
 */
export interface FeedEntry {
  id: string;
  title: string;
  summary: string;
  link: string;
  updated: string;
}

export interface Feed {
  id: string;
  title: string;
  link: string;
  self: string;
  language: "sv" | "en";
  updated: string;
  entries: FeedEntry[];
}

export const escapeXml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");

export function atom(feed: Feed): string {
  const e = escapeXml;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${feed.language}">`,
    `  <id>${e(feed.id)}</id>`,
    `  <title>${e(feed.title)}</title>`,
    `  <updated>${e(feed.updated)}</updated>`,
    `  <link rel="alternate" type="text/html" href="${e(feed.link)}"/>`,
    `  <link rel="self" type="application/atom+xml" href="${e(feed.self)}"/>`,
    `  <author><name>${e(feed.title)}</name></author>`,
    ...feed.entries.map((x) =>
      [
        "  <entry>",
        `    <id>${e(x.id)}</id>`,
        `    <title>${e(x.title)}</title>`,
        `    <updated>${e(x.updated)}</updated>`,
        `    <link rel="alternate" type="text/html" href="${e(x.link)}"/>`,
        `    <summary>${e(x.summary)}</summary>`,
        "  </entry>",
      ].join("\n"),
    ),
    "</feed>",
    "",
  ].join("\n");
}

export function rss(feed: Feed): string {
  const e = escapeXml;
  const date = (iso: string) => new Date(iso).toUTCString();
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    "  <channel>",
    `    <title>${e(feed.title)}</title>`,
    `    <link>${e(feed.link)}</link>`,
    `    <description>${e(feed.title)}</description>`,
    `    <language>${feed.language}</language>`,
    `    <lastBuildDate>${date(feed.updated)}</lastBuildDate>`,
    `    <atom:link href="${e(feed.self)}" rel="self" type="application/rss+xml"/>`,
    ...feed.entries.map((x) =>
      [
        "    <item>",
        `      <title>${e(x.title)}</title>`,
        `      <link>${e(x.link)}</link>`,
        `      <guid isPermaLink="false">${e(x.id)}</guid>`,
        `      <pubDate>${date(x.updated)}</pubDate>`,
        `      <description>${e(x.summary)}</description>`,
        "    </item>",
      ].join("\n"),
    ),
    "  </channel>",
    "</rss>",
    "",
  ].join("\n");
}

export function feedResponse(feed: Feed, format: "atom" | "rss"): Response {
  return new Response(format === "atom" ? atom(feed) : rss(feed), {
    headers: {
      "Content-Type": format === "atom" ? "application/atom+xml; charset=utf-8" : "application/rss+xml; charset=utf-8",
      "Cache-Control": "public, max-age=600",
      "Access-Control-Allow-Origin": "*",
    },
  });
}
