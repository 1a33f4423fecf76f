import { beforeAll, describe, expect, it } from "vitest";
import { prepareDatabase } from "~/db.server";
import { child, childrenNamed, parseXmlStrict, text } from "../helpers/xml-strict";
import * as diariumAtom from "~/routes/diarium[.]atom";
import * as diariumRss from "~/routes/diarium[.]rss";
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

/** Every id of a feed: the feed's own and its entries' (Atom id, RSS guid). */
async function idsOf(route: { loader: unknown }, path: string, params: object = {}) {
  const root = parseXmlStrict(await (await call(route, path, params)).text());
  if (root.name === "feed")
    return [text(child(root, "id")), ...childrenNamed(root, "entry").map((e) => text(child(e, "id")))];
  return childrenNamed(child(root, "channel"), "item").map((e) => text(child(e, "guid")));
}

describe("feeds in two languages (issue 20, decision 063)", () => {
  it("the Swedish and English feeds and entries never share an id, and the ids are the same on every run", async () => {
    for (const [route, path, params] of [
      [atomRoute, "/amal/nyheter.atom", { kommun: "amal" }],
      [rssRoute, "/amal/nyheter.rss", { kommun: "amal" }],
      [diariumAtom, "/diarium.atom", {}],
      [diariumRss, "/diarium.rss", {}],
      [diariumAtom, "/diarium.atom?kommun=mellerud", {}],
    ] as const) {
      const join = path.includes("?") ? "&" : "?";
      const sv = await idsOf(route, path, params);
      const en = await idsOf(route, `${path}${join}lang=en`, params);
      expect(sv.length, path).toBeGreaterThan(1);
      expect(en).toHaveLength(sv.length);
      expect(
        sv.filter((id) => en.includes(id)),
        path,
      ).toEqual([]);
      expect(new Set([...sv, ...en]).size).toBe(sv.length + en.length);
      expect(await idsOf(route, path, params)).toEqual(sv);
      expect(await idsOf(route, `${path}${join}lang=en`, params)).toEqual(en);
    }
  });

  it("the Swedish ids stay as they were published, so Swedish subscribers see nothing new", async () => {
    const m = getMunicipalityBySlug("amal")!;
    const first = listNews({ municipalityId: m.id, lang: "sv" })[0]!;
    const sv = await idsOf(atomRoute, "/amal/nyheter.atom", { kommun: "amal" });
    expect(sv[0]).toBe("http://portal.test/amal/nyheter");
    expect(sv[1]).toBe(`http://portal.test/amal/nyheter/${first.slug}`);
    const diarium = await idsOf(diariumAtom, "/diarium.atom");
    expect(diarium[0]).toBe("tag:portal.test,2026:diarium");
  });
});
