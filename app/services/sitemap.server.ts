import { asc, eq } from "drizzle-orm";
import type { RequestHead } from "~/utils/request-head";
import { authority, lifeEvent, municipality } from "../../db/schema/index";
import { db } from "~/db.server";
import { env } from "~/env.server";
import { listNews, listPages, listServices } from "~/services/catalogue.server";

/**
 * Every public page, for sitemap.xml. Pages that need a log-in never appear here (robots.txt
 * keeps crawlers out of them too). Each page exists in Swedish and, with ?lang=en, English.
 */

/** The configured public address when there is one, else the address the request came to. */
export function publicOrigin(request: RequestHead): string {
  return process.env.PUBLIC_URL ? new URL(env().PUBLIC_URL).origin : new URL(request.url).origin;
}

export interface SitemapEntry {
  path: string;
  lastmod?: string;
}

export function sitemapEntries(): SitemapEntry[] {
  const entries: SitemapEntry[] = [
    { path: "/" },
    { path: "/andra-myndigheter" },
    { path: "/livshandelser" },
    { path: "/tjanster" },
    { path: "/tillganglighet" },
    { path: "/om-webbplatsen" },
  ];
  for (const s of listServices({ lang: "sv" })) entries.push({ path: `/tjanster/${s.slug}` });
  for (const m of db()
    .select({ id: municipality.id, slug: municipality.slug })
    .from(municipality)
    .orderBy(asc(municipality.name))
    .all()) {
    entries.push(
      { path: `/${m.slug}` },
      { path: `/${m.slug}/tjanster` },
      { path: `/${m.slug}/nyheter` },
      { path: `/${m.slug}/verksamheter` },
    );
    for (const n of listNews({ municipalityId: m.id, lang: "sv", limit: 500 })) {
      entries.push({ path: `/${m.slug}/nyheter/${n.slug}`, lastmod: n.publishedAt.slice(0, 10) });
    }
    for (const p of listPages({ municipalityId: m.id, lang: "sv" })) {
      entries.push({ path: `/${m.slug}/${p.kind === "activity" ? "verksamheter" : "sidor"}/${p.slug}` });
    }
  }
  for (const a of db().select({ slug: authority.slug }).from(authority).orderBy(asc(authority.position)).all()) {
    entries.push({ path: `/andra-myndigheter/${a.slug}` });
  }
  for (const e of db()
    .select({ slug: lifeEvent.slug, updatedAt: lifeEvent.updatedAt })
    .from(lifeEvent)
    .where(eq(lifeEvent.published, true))
    .orderBy(asc(lifeEvent.position))
    .all()) {
    entries.push({ path: `/livshandelser/${e.slug}`, lastmod: e.updatedAt.slice(0, 10) });
  }
  return entries;
}

const escapeXml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");

export function sitemapXml(origin: string): string {
  const urls = sitemapEntries().map((e) => {
    const sv = `${origin}${e.path}`;
    const en = `${sv}?lang=en`;
    return [
      "  <url>",
      `    <loc>${escapeXml(sv)}</loc>`,
      e.lastmod ? `    <lastmod>${e.lastmod}</lastmod>` : null,
      `    <xhtml:link rel="alternate" hreflang="sv" href="${escapeXml(sv)}"/>`,
      `    <xhtml:link rel="alternate" hreflang="en" href="${escapeXml(en)}"/>`,
      "  </url>",
    ]
      .filter(Boolean)
      .join("\n");
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ...urls,
    "</urlset>",
    "",
  ].join("\n");
}

/** The areas behind a log-in; crawlers have no business there. */
const PRIVATE = ["/mina-sidor", "/handlaggare", "/redaktor", "/admin", "/personal"];

export function robotsTxt(origin: string): string {
  return ["User-agent: *", ...PRIVATE.map((p) => `Disallow: ${p}`), "", `Sitemap: ${origin}/sitemap.xml`, ""].join(
    "\n",
  );
}
