import { beforeAll, describe, expect, it } from "vitest";
import { prepareDatabase } from "~/db.server";
import * as atomRoute from "~/routes/$kommun.nyheter[.]atom";
import * as rssRoute from "~/routes/$kommun.nyheter[.]rss";
import * as sitemap from "~/routes/sitemap[.]xml";
import { listNews } from "~/services/catalogue.server";
import { getMunicipalityBySlug } from "~/services/municipalities.server";

type Loader = (args: { request: Request; params: object; context: object }) => Promise<Response>;
const call = (route: { loader: unknown }, path: string, params: object = {}) =>
  (route.loader as Loader)({ request: new Request(`http://portal.test${path}`), params, context: {} });

beforeAll(() => prepareDatabase());

describe("news feeds", () => {
  it("gives a municipality's published news as Atom and RSS", async () => {
    const m = getMunicipalityBySlug("amal")!;
    const news = listNews({ municipalityId: m.id, lang: "sv" });
    expect(news.length).toBeGreaterThan(0);
    const atom = await call(atomRoute, "/amal/nyheter.atom", { kommun: "amal" });
    expect(atom.headers.get("Content-Type")).toMatch(/application\/atom\+xml/);
    const xml = await atom.text();
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="sv">');
    expect(xml).toContain(`<id>http://portal.test/amal/nyheter/${news[0]!.slug}</id>`);
    expect(xml.match(/<entry>/g)?.length).toBe(news.length);
    const rss = await (await call(rssRoute, "/amal/nyheter.rss?lang=en", { kommun: "amal" })).text();
    expect(rss).toContain('<rss version="2.0"');
    expect(rss).toContain("<language>en</language>");
    expect(rss).toContain(`/amal/nyheter/${news[0]!.slug}?lang=en</link>`);
  });

  it("escapes text and answers 404 for an unknown municipality", async () => {
    expect((await call(atomRoute, "/oslo/nyheter.atom", { kommun: "oslo" })).status).toBe(404);
  });

  it("the sitemap lists the catalogue and news too", async () => {
    const xml = await (await call(sitemap, "/sitemap.xml")).text();
    expect(xml).toContain("<loc>http://portal.test/tjanster/forskola</loc>");
    expect(xml).toContain("<loc>http://portal.test/amal/tjanster</loc>");
    expect(xml).toMatch(/<loc>http:\/\/portal\.test\/amal\/nyheter\/[a-z0-9-]+<\/loc>/);
  });
});
