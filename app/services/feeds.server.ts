/**
 * Atom 1.0 and RSS 2.0 from one list of entries, for news and (when cases land) the diarium.
 * Plain strings, escaped here; nothing else builds XML by hand.
 */
import { createHash } from "node:crypto";

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

/**
 * Characters XML 1.0 does not allow at all, not even as references (control characters other than
 * tab/newline/return, lone surrogates, U+FFFE/U+FFFF). One of them in a title would make the whole
 * feed unreadable, so they are dropped.
 */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text for XML content and attribute values: the five special characters escaped, non-XML characters dropped. */
export const escapeXml = (s: string) =>
  s
    .replace(NOT_XML_CHAR, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");

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

/**
 * The feed as a response. Feed readers poll: `maxAge` (seconds) lets caches keep it briefly, and a
 * strong ETag over the body answers a reader's If-None-Match with 304 and no body.
 */
export function feedResponse(
  feed: Feed,
  format: "atom" | "rss",
  options: { maxAge?: number; request?: Request } = {},
): Response {
  const body = format === "atom" ? atom(feed) : rss(feed);
  const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
  const headers = {
    "Content-Type": format === "atom" ? "application/atom+xml; charset=utf-8" : "application/rss+xml; charset=utf-8",
    "Cache-Control": `public, max-age=${options.maxAge ?? 600}`,
    "Access-Control-Allow-Origin": "*",
    ETag: etag,
    Vary: "Cookie",
  };
  const ifNoneMatch = options.request?.headers.get("If-None-Match");
  if (
    ifNoneMatch &&
    ifNoneMatch
      .split(",")
      .map((t) => t.trim())
      .some((t) => t === etag || t === `W/${etag}` || t === "*")
  ) {
    return new Response(null, { status: 304, headers });
  }
  return new Response(body, { headers });
}
