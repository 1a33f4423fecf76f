import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./fixtures";

// Decision 144: a first search of the diarium is answered from a template of the live page (the
// page around the results made once per cookie header, the results written per search). It must be
// the live page byte for byte. A cookie the portal does not know changes nothing on the page but
// makes the request personal, so it is always rendered live: the two answers are compared.

const SEARCHES = [
  "bygglov",
  "förskola bidr",
  "tillstånd",
  "zzzqqq",
  "ed",
  "a",
  `<b>&"quoted" it's`,
  "  spaced   out ",
  "ÅMÅL Ö",
  "100% a+b",
];

async function get(request: APIRequestContext, path: string, cookie: string) {
  const r = await request.get(path, { headers: { cookie, "accept-encoding": "gzip" } });
  expect(r.status(), path).toBe(200);
  return { cache: r.headers()["x-cache"], body: await r.body() };
}

for (const lang of ["sv", "en"]) {
  test(`a first diarium search (${lang}) is the live page byte for byte, from the page's template`, async ({
    request,
  }, testInfo) => {
    // Per project and run: no other test shares these cookie headers or addresses.
    const tag = `${testInfo.project.name.replace(/[^a-z]/g, "")}${Date.now().toString(36).replace(/\d/g, "")}`;
    const cookieFor = (name: string) => `lang=${lang}; kommun=${name}`;
    const templated = cookieFor(`${tag}t`.slice(0, 20));
    // The first search with this cookie header is rendered live and becomes its template.
    expect((await get(request, `/diarium?q=${tag}`, templated)).cache).toBe("miss");
    // Other tests running at the same time publish and change things, and each such change empties
    // the page cache and drops its templates (decision 030): the next search is then rendered live
    // ("miss") and makes the template again. A few of those are allowed; every answer, whichever
    // way it was made, must be the live page byte for byte.
    let redone = 0;
    let fromTemplates = 0;
    for (const q of SEARCHES) {
      for (const sida of [undefined, 2, 10_000]) {
        const path = `/diarium?q=${encodeURIComponent(q).replace(/%20/g, "+")}${sida ? `&sida=${sida}` : ""}`;
        const live = await get(request, path, `${templated}; e2e-live=1`);
        expect(live.cache, path).toBeUndefined();
        const fromTemplate = await get(request, path, templated);
        if (fromTemplate.cache === "template") fromTemplates++;
        else {
          expect(fromTemplate.cache, path).toBe("miss");
          redone++;
        }
        // Other tests submit cases meanwhile, and each adds a diarium entry (counts, pages): an
        // answer must equal the live page rendered just before it or one rendered just after it.
        const asLive = async (body: Buffer) =>
          body.equals(live.body) || body.equals((await get(request, path, `${templated}; e2e-live=1`)).body);
        expect(await asLive(fromTemplate.body), `${path}: template and live differ`).toBe(true);
        // And a repeat is the page cache's (unless emptied meanwhile), the same bytes.
        const again = await get(request, path, templated);
        if (again.cache !== "hit") {
          expect(again.cache, path).toBe("miss");
          redone++;
        }
        expect(again.body.equals(fromTemplate.body) || (await asLive(again.body))).toBe(true);
      }
    }
    expect(redone, "answers rendered live again after the page cache was emptied").toBeLessThanOrEqual(6);
    expect(fromTemplates).toBeGreaterThanOrEqual(SEARCHES.length * 3 - 6);
  });
}
