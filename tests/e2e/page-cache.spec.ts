import type { APIRequestContext, APIResponse } from "@playwright/test";
import { expect, jsDisabled, loginAsResident, test } from "./fixtures";

/**
 * The anonymous page cache (docs/decisions/030) against the real server: a first-time visitor
 * gets information pages from the cache (no cookie forced on them), a logged-in visitor never
 * does, and pages that carry a CSRF token or personal data are never stored.
 * HTTP only, so it runs in one project (the cache does not care about JavaScript).
 */
const MARIA = "199005122388"; // Åmål; represents nobody

test.beforeEach(({}, testInfo) => {
  test.skip(jsDisabled(testInfo), "HTTP only: the js-on project covers it");
});

const PREFERENCE = new Set(["lang", "kommun"]);
const cookieNames = (res: APIResponse) =>
  res
    .headersArray()
    .filter((h) => h.name.toLowerCase() === "set-cookie")
    .map((h) => h.value.split("=")[0]!.trim());

/** First link on `from` whose path starts with `prefix` and goes one level deeper. */
async function firstLink(request: APIRequestContext, from: string, prefix: string): Promise<string> {
  const html = await (await request.get(from)).text();
  const re = new RegExp(`href="(${prefix.replace(/\//g, "\\/")}[a-z0-9-]+)"`, "g");
  const hit = re.exec(html);
  expect(hit, `a link ${prefix}… on ${from}`).not.toBeNull();
  return hit![1]!;
}

/**
 * GETs `url` up to 4 times until an answer comes from the cache (an editor's publication in a
 * parallel test empties the cache, so one miss after a miss is allowed). Returns every answer.
 */
async function untilHit(request: APIRequestContext, url: string): Promise<APIResponse[]> {
  const answers: APIResponse[] = [];
  for (let i = 0; i < 4; i++) {
    const res = await request.get(url);
    answers.push(res);
    if (res.headers()["x-cache"] === "hit") break;
  }
  return answers;
}

test("a first-time visitor gets the information pages from the cache, and no cookie but preferences", async ({
  playwright,
  baseURL,
}) => {
  const request = await playwright.request.newContext({ baseURL });
  const urls = ["/", "/amal", "/tjanster", "/blanketter", "/andra-myndigheter", "/livshandelser", "/amal/nyheter"];
  urls.push(await firstLink(request, "/tjanster", "/tjanster/"));
  urls.push(await firstLink(request, "/amal", "/amal/nyheter/"));
  urls.push(await firstLink(request, "/amal", "/amal/sidor/"));
  urls.push(await firstLink(request, "/livshandelser", "/livshandelser/"));
  await request.dispose();

  for (const url of urls) {
    // A fresh visitor for every page: nothing in the jar, as after a first click from a search engine.
    const fresh = await playwright.request.newContext({ baseURL });
    const answers = await untilHit(fresh, url);
    const last = answers.at(-1)!;
    expect(last.status(), url).toBe(200);
    expect(last.headers()["x-cache"], `${url}: ${answers.map((a) => a.headers()["x-cache"]).join(", ")}`).toBe("hit");
    for (const a of answers) {
      expect(
        cookieNames(a).filter((n) => !PREFERENCE.has(n)),
        `${url} sets only preference cookies`,
      ).toEqual([]);
      expect(await a.text(), `${url} carries no CSRF field`).not.toContain('name="_csrf"');
    }
    // A hit carries the same security headers as any answer, with a fresh nonce and request id.
    expect(last.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
    const again = await fresh.get(url);
    expect(again.headers()["x-cache"]).toBe("hit");
    expect(again.headers()["x-request-id"]).not.toBe(last.headers()["x-request-id"]);
    await fresh.dispose();
  }
});

test("language and municipality cookies are part of the key", async ({ playwright, baseURL }) => {
  const en = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie: "lang=en" } });
  const sv = await playwright.request.newContext({ baseURL });
  await untilHit(sv, "/tjanster");
  const answers = await untilHit(en, "/tjanster");
  expect(answers.at(-1)!.headers()["x-cache"]).toBe("hit");
  expect(await answers.at(-1)!.text()).toContain('<html lang="en"');
  expect(await (await sv.get("/tjanster")).text()).toContain('<html lang="sv"');
  const amal = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie: "kommun=amal" } });
  const mellerud = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie: "kommun=mellerud" } });
  const a = (await untilHit(amal, "/tjanster")).at(-1)!;
  const m = (await untilHit(mellerud, "/tjanster")).at(-1)!;
  expect(await a.text()).not.toBe(await m.text());
  for (const c of [en, sv, amal, mellerud]) await c.dispose();
});

test("a page with a form gets the CSRF seed cookie, is never cached, and its token works; the seed alone does not stop hits", async ({
  playwright,
  baseURL,
}) => {
  const request = await playwright.request.newContext({ baseURL });
  for (let i = 0; i < 2; i++) {
    const res = await request.get("/personal/logga-in");
    expect(res.headers()["x-cache"]).not.toBe("hit");
    expect(res.headers()["cache-control"]).toContain("no-store");
    if (i === 0) expect(cookieNames(res)).toContain("csrf");
    expect(await res.text()).toMatch(/name="_csrf" value="[A-Za-z0-9_-]{43}"/);
  }
  // The seed cookie is in the jar now: information pages still come from the cache.
  const answers = await untilHit(request, "/tjanster");
  expect(answers.at(-1)!.headers()["x-cache"]).toBe("hit");
  // CSRF on POST is intact: without the token 403, with a token from the page the check passes
  // (the wrong password then answers 4xx from the form, never 403).
  const noToken = await request.post("/personal/logga-in", {
    form: { username: "x", password: "y" },
    headers: { Origin: baseURL! },
  });
  expect(noToken.status()).toBe(403);
  const html = await (await request.get("/personal/logga-in")).text();
  const token = /name="_csrf" value="([^"]+)"/.exec(html)![1]!;
  const withToken = await request.post("/personal/logga-in", {
    form: { _csrf: token, username: "nobody.here", password: "wrong" },
    headers: { Origin: baseURL! },
  });
  expect(withToken.status()).not.toBe(403);
  expect(withToken.status()).toBeLessThan(500);
  // A token from another browser is refused.
  const other = await playwright.request.newContext({ baseURL });
  await other.get("/personal/logga-in");
  const stolen = await other.post("/personal/logga-in", {
    form: { _csrf: token, username: "x", password: "y" },
    headers: { Origin: baseURL! },
  });
  expect(stolen.status()).toBe(403);
  await request.dispose();
  await other.dispose();
});

test("a logged-in visitor never gets a cached page, and personal pages are never stored", async ({
  page,
  playwright,
  baseURL,
}) => {
  await loginAsResident(page, MARIA);
  const name = (await page.locator(".site-header").innerText()).match(/Maria[^\n]*/)?.[0] ?? "Maria";
  for (const url of ["/", "/tjanster", "/amal", "/mina-sidor", "/mina-sidor", "/mina-sidor/installningar"]) {
    const res = await page.request.get(url);
    expect(res.status(), url).toBe(200);
    expect(res.headers()["x-cache"], url).toBeUndefined();
    expect(res.headers()["cache-control"], url).toContain("no-store");
  }
  // What the logged-in visitor saw was not stored for anyone else.
  const anonymous = await playwright.request.newContext({ baseURL });
  for (const url of ["/", "/tjanster", "/mina-sidor"]) {
    const answers = await untilHit(anonymous, url);
    for (const a of answers) expect(await a.text(), url).not.toContain(name);
  }
  const mine = await anonymous.get("/mina-sidor", { maxRedirects: 0 });
  expect(mine.status()).toBeGreaterThanOrEqual(300);
  expect(mine.headers()["x-cache"]).not.toBe("hit");
  await anonymous.dispose();
});
