import { beforeAll, describe, expect, it } from "vitest";
import { prepareDatabase } from "~/db.server";
import * as robots from "~/routes/robots[.]txt";
import * as sitemap from "~/routes/sitemap[.]xml";
import { seedAuthorities } from "../../db/seed/content/authorities";
import { seedLifeEvents } from "../../db/seed/content/life-events";

type Loader = (args: { request: Request; params: object; context: object }) => Promise<Response>;
const call = (route: { loader: unknown }, path: string) =>
  (route.loader as Loader)({ request: new Request(`http://portal.test${path}`), params: {}, context: {} });

beforeAll(() => prepareDatabase());

describe("sitemap.xml and robots.txt", () => {
  it("lists every public page with its English alternate, and no private area", async () => {
    const response = await call(sitemap, "/sitemap.xml");
    expect(response.headers.get("Content-Type")).toMatch(/application\/xml/);
    const xml = await response.text();
    expect(xml).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<urlset xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9"/,
    );
    for (const path of ["/", "/amal", "/andra-myndigheter", "/livshandelser", "/tillganglighet"]) {
      expect(xml).toContain(`<loc>http://portal.test${path}</loc>`);
    }
    for (const a of seedAuthorities) expect(xml).toContain(`<loc>http://portal.test/andra-myndigheter/${a.slug}</loc>`);
    for (const e of seedLifeEvents) expect(xml).toContain(`<loc>http://portal.test/livshandelser/${e.slug}</loc>`);
    expect(xml).toContain('hreflang="en" href="http://portal.test/amal?lang=en"');
    expect(xml).not.toMatch(/mina-sidor|handlaggare|redaktor|\/admin/);
  });

  it("robots.txt keeps crawlers out of the log-in areas and names the sitemap", async () => {
    const text = await (await call(robots, "/robots.txt")).text();
    expect(text).toContain("Disallow: /mina-sidor");
    expect(text).toContain("Disallow: /admin");
    expect(text).toContain("Sitemap: http://portal.test/sitemap.xml");
  });
});
