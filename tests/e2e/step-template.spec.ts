import type { APIRequestContext, APIResponse } from "@playwright/test";
import { browser, JPEG } from "./fetch-browser";
import { test, expect } from "./fixtures";
import { hydrated } from "./mypages-helpers";

// Decision 117: an anonymous first visit of a form step is answered from a template of the live
// page with its own CSRF seed and token, browser key, nonce and request id. It must be the live
// page byte for byte apart from those, and its token must work on POST like a live one.

const FIRST_STEPS = [
  "/blanketter/begaran-allman-handling/handling",
  "/blanketter/felanmalan-gata-park/fel",
  "/blanketter/synpunkter-klagomal/synpunkt",
];

const nonceOf = (r: APIResponse) =>
  /'nonce-([A-Za-z0-9+/=]+)'/.exec(r.headers()["content-security-policy"] ?? "")?.[1] ?? "";
const tokenOf = (html: string) => /name="_csrf" value="([A-Za-z0-9_-]{43})"/.exec(html)?.[1] ?? "";
const cookieOf = (r: APIResponse, name: string) =>
  r
    .headersArray()
    .filter((h) => h.name.toLowerCase() === "set-cookie")
    .map((h) => new RegExp(`^${name}=([^;]+)`).exec(h.value)?.[1])
    .find(Boolean) ?? "";

/** The answer with its per-visitor values masked: headers in order, and the page. */
async function masked(r: APIResponse) {
  const html = await r.text();
  const token = tokenOf(html);
  const nonce = nonceOf(r);
  expect(token, "the page carries a token").not.toBe("");
  const head = r
    .headersArray()
    .filter(
      (h) => !/^(date|connection|keep-alive|transfer-encoding|content-length|content-encoding|x-cache)$/i.test(h.name),
    )
    .map((h) => {
      let value = h.value.replace(nonce, "<nonce>").replace(/^(eservice|csrf)=[^;]+/, "$1=<v>");
      if (/^x-request-id$/i.test(h.name)) value = "<id>";
      return `${h.name}: ${value}`;
    });
  return { status: r.status(), head, html: html.split(token).join("<token>").split(nonce).join("<nonce>") };
}

async function get(context: APIRequestContext, path: string, cookie: string) {
  return context.get(path, { headers: cookie ? { cookie } : {}, maxRedirects: 0 });
}

test("a first visit from the template is the live page apart from token, cookies and nonce, in both languages", async ({
  playwright,
  baseURL,
}) => {
  // A municipality cookie no municipality has: the render ignores it, but it is part of the key,
  // so the first answer is certainly the live one that becomes the template.
  const run =
    Math.random()
      .toString(36)
      .replace(/[^a-z]/g, "")
      .slice(0, 8) || "x";
  for (const path of FIRST_STEPS) {
    for (const lang of ["sv", "en"]) {
      const cookie = `lang=${lang}; kommun=zz-${run}`;
      // A fresh cookie jar per answer: each is a first visit.
      const jar = async () => playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
      const [a, b, c, d] = await Promise.all([jar(), jar(), jar(), jar()]);
      const miss = await get(a, path, cookie);
      expect(miss.status(), path).toBe(200);
      expect(miss.headers()["x-cache"], path).toBe("miss");
      const hit = await get(b, path, cookie);
      const again = await get(c, path, cookie);
      // Any other cookie takes the live path: the same render, never a template.
      const live = await get(d, path, `${cookie}; probe=1`);
      expect(live.headers()["x-cache"]).toBeUndefined();
      for (const r of [hit, again]) {
        expect(r.headers()["x-cache"], `${path} ${lang}`).toBe("template");
        expect(await masked(r), `${path} ${lang}`).toEqual(await masked(miss));
      }
      expect(await masked(live), `${path} ${lang}`).toEqual(await masked(miss));
      expect(await hit.text()).toContain(`<html lang="${lang}"`);
      // Every value of its own: seed, token, browser key, nonce.
      expect(tokenOf(await hit.text())).not.toBe(tokenOf(await again.text()));
      expect(cookieOf(hit, "csrf")).not.toBe(cookieOf(again, "csrf"));
      expect(cookieOf(hit, "eservice")).not.toBe(cookieOf(again, "eservice"));
      expect(nonceOf(hit)).not.toBe(nonceOf(again));
      expect(await hit.text()).toContain(`nonce="${nonceOf(hit)}"`);
      for (const ctx of [a, b, c, d]) await ctx.dispose();
    }
  }
});

test("two visitors answered from the template each get a token that works on POST, and only for them", async ({
  playwright,
  baseURL,
}) => {
  const path = FIRST_STEPS[0]!;
  const visitors: APIRequestContext[] = [];
  const tokens: string[] = [];
  while (visitors.length < 2) {
    // Each visitor has a jar of its own; an answer that was not from the template (the first, or
    // one after the template's time-to-live) is left behind.
    const v = await playwright.request.newContext({ baseURL });
    const r = await v.get(path);
    if (r.headers()["x-cache"] !== "template") {
      await v.dispose();
      continue;
    }
    visitors.push(v);
    tokens.push(tokenOf(await r.text()));
  }
  expect(tokens[0]).not.toBe(tokens[1]);
  const post = (v: APIRequestContext, token: string) =>
    v.post(path, {
      form: { _csrf: token, documentDescription: "Protokollet från mötet", municipality: "amal" },
      headers: { Origin: baseURL! },
      maxRedirects: 0,
    });
  // Each other's token is refused; each one's own goes on to the next step.
  expect((await post(visitors[0]!, tokens[1]!)).status()).toBe(403);
  expect((await post(visitors[1]!, tokens[0]!)).status()).toBe(403);
  for (const [i, v] of visitors.entries()) {
    const r = await post(v, tokens[i]!);
    expect(r.status()).toBeGreaterThanOrEqual(300);
    expect(r.status()).toBeLessThan(400);
    expect(r.headers()["location"]).toContain("/blanketter/begaran-allman-handling/leverans");
  }
  for (const v of visitors) await v.dispose();
});

test("a page from the template works in the browser", async ({ page, playwright, baseURL, a11y }) => {
  const path = FIRST_STEPS[1]!;
  const warm = await playwright.request.newContext({ baseURL });
  await warm.get(path);
  await warm.dispose();
  // The browser's own cookie jar is empty: its visit is a first visit.
  const response = await page.goto(path);
  expect(response?.headers()["x-cache"]).toBe("template");
  await hydrated(page);
  const token = await page.locator("form[method='post'] input[name='_csrf']").inputValue();
  const seed = (await page.context().cookies()).find((c) => c.name === "csrf");
  expect(seed?.httpOnly).toBe(true);
  expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  await a11y();
});

// Decision 125: a browser with its own key (a working copy) is answered from a template keyed by
// the step's data. Two browsers with the same answers get the same page (own token and nonce);
// each must equal its own live render (forced with a neutral extra cookie), also on a revisit of a
// step with its values and its photo, in both languages.
/** Status, headers (sorted by fetch) and page, with token, nonce and request id masked. */
async function maskedFetch(r: Response) {
  const html = await r.text();
  const token = tokenOf(html);
  const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(r.headers.get("content-security-policy") ?? "")?.[1] ?? "";
  expect(token, "the page carries a token").not.toBe("");
  const head = [...r.headers]
    .filter(
      ([n]) => !/^(date|connection|keep-alive|transfer-encoding|content-length|content-encoding|x-cache)$/.test(n),
    )
    .map(([n, v]) => `${n}: ${n === "x-request-id" ? "<id>" : v.replace(nonce, "<nonce>")}`);
  return { status: r.status, head, html: html.split(token).join("<token>").split(nonce).join("<nonce>") };
}

/** A step post's redirect to `next`; otherwise the answer's status and text say what it was instead. */
async function expectRedirect(r: Response, next: string) {
  const location = r.headers.get("location");
  const said = location === null ? ` ${(await r.text()).slice(0, 300)}` : "";
  expect(location, `status ${r.status}${said}`).toContain(next);
}

test("a step of a working copy from the template is the visitor's own live page, for two visitors with the same answers", async ({
  baseURL,
}) => {
  const form = "/blanketter/felanmalan-gata-park";
  for (const lang of ["sv", "en"]) {
    // Answers no other test gives, so that the first answers of these keys are live.
    const run = `${lang} ${Math.random().toString(36).slice(2, 10)}`;
    const visitors = [browser(baseURL!, lang), browser(baseURL!, lang)];
    for (const v of visitors) {
      const start = await v.get(form);
      expect(start.status).toBe(302);
      const fel = await v.get(`${form}/fel`);
      const step1 = new FormData();
      step1.set("_csrf", tokenOf(await fel.text()));
      step1.set("_kommun", "amal");
      step1.set("category", "klotter");
      step1.set("description", `Klotter på muren ${run}`);
      await expectRedirect(await v.post(`${form}/fel`, step1), "/plats");
      const plats = await v.get(`${form}/plats`);
      const step2 = new FormData();
      step2.set("_csrf", tokenOf(await plats.text()));
      step2.set("location", `Storgatan 1 ${run}`);
      step2.set("photos", new Blob([JPEG], { type: "image/jpeg" }), "foto.jpg");
      await expectRedirect(await v.post(`${form}/plats`, step2), "/kontakt");
    }
    for (const path of [`${form}/kontakt`, `${form}/plats`]) {
      // Per visitor: the live page (a neutral cookie takes the live path), then until a template answers.
      for (const [n, v] of visitors.entries()) {
        const live = await maskedFetch(await v.get(path, "; probe=1"));
        let hit: Response | null = null;
        for (let i = 0; i < 4 && !hit; i++) {
          const r = await v.get(path);
          expect(await maskedFetch(r.clone()), `${path} ${lang} answer ${i}`).toEqual(live);
          if (r.headers.get("x-cache") === "template") hit = r;
          // The second visitor's kontakt (same answers, a photo of its own) is the first one's template.
          if (n === 1 && path.endsWith("/kontakt")) expect(hit, "kontakt shared").not.toBeNull();
        }
        // kontakt: both visitors share one template; plats (a revisit: the visitor's own values
        // and photo id) is a template of this visitor's data only.
        expect(hit, `${path} ${lang} answered from a template`).not.toBeNull();
        expect(await hit!.text()).toContain(`<html lang="${lang}"`);
      }
    }
  }
});
