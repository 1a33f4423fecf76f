import { browser, JPEG } from "./fetch-browser";
import { test, expect } from "./fixtures";

// Decision 145: a browser's check-answers page is answered from a template of the page around its
// answers, the rows, the send's idempotency key, the token and the nonce written per request; a
// form's start redirect from an earlier answer's headers. Each must be the live answer byte for
// byte apart from the request id, the nonce and X-Cache, and the page must work as the live one.

const tokenOf = (html: string) => /name="_csrf" value="([A-Za-z0-9_-]{43})"/.exec(html)?.[1] ?? "";
const keyOf = (html: string) => /name="_idempotency" value="([^"]+)"/.exec(html)?.[1] ?? "";

type Browser = ReturnType<typeof browser>;

/** Status, headers (sorted by fetch) and page, with the nonce and request id masked. */
async function masked(r: Response) {
  const html = await r.text();
  const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(r.headers.get("content-security-policy") ?? "")?.[1] ?? "";
  expect(nonce).not.toBe("");
  const head = [...r.headers]
    .filter(
      ([n]) => !/^(date|connection|keep-alive|transfer-encoding|content-length|content-encoding|x-cache)$/.test(n),
    )
    .map(([n, v]) => `${n}: ${n === "x-request-id" ? "<id>" : v.replace(nonce, "<nonce>")}`);
  return { status: r.status, head, html: nonce ? html.split(nonce).join("<nonce>") : html };
}

const form = "/blanketter/felanmalan-gata-park";

async function fillFel(v: Browser, description: string) {
  const fel = await v.get(`${form}/fel`);
  const step = new FormData();
  step.set("_csrf", tokenOf(await fel.text()));
  step.set("_kommun", "amal");
  step.set("category", "klotter");
  step.set("description", description);
  expect((await v.post(`${form}/fel`, step)).headers.get("location")).toContain("/plats");
}

async function walkToCheck(v: Browser, run: string) {
  expect((await v.get(form)).status).toBe(302);
  await fillFel(v, `Klotter på muren <${run}> & "${run}"`);
  const plats = await v.get(`${form}/plats`);
  const step2 = new FormData();
  step2.set("_csrf", tokenOf(await plats.text()));
  step2.set("location", `Storgatan 1 ${run}`);
  step2.set("photos", new Blob([JPEG], { type: "image/jpeg" }), `foto-${run}.jpg`);
  expect((await v.post(`${form}/plats`, step2)).headers.get("location")).toContain("/kontakt");
  const kontakt = await v.get(`${form}/kontakt`);
  const step3 = new FormData();
  step3.set("_csrf", tokenOf(await kontakt.text()));
  step3.set("wantsFeedback", "no");
  const to = await v.post(`${form}/kontakt`, step3);
  expect(to.headers.get("location")).toContain("/kontrollera");
}

/** The visitor's live page (a neutral cookie takes the live path), and an answer from the template. */
async function liveAndTemplate(v: Browser, label: string) {
  const live = await masked(await v.get(`${form}/kontrollera`, "; probe=1"));
  expect(live.status, label).toBe(200);
  for (let i = 0; i < 4; i++) {
    const r = await v.get(`${form}/kontrollera`);
    const answer = await masked(r.clone());
    expect(answer, `${label}: answer ${i} is the live page`).toEqual(live);
    if (r.headers.get("x-cache") === "template") return { live, html: answer.html };
  }
  throw new Error(`${label}: never answered from a template`);
}

test("the check page from the template is each visitor's own live page, and its send works", async ({ baseURL }) => {
  for (const lang of ["sv", "en"]) {
    const runs = [0, 1].map(() => `${lang}${Math.random().toString(36).slice(2, 10)}`);
    const visitors = runs.map(() => browser(baseURL!, lang));
    for (const [i, v] of visitors.entries()) await walkToCheck(v, runs[i]!);
    for (const [i, v] of visitors.entries()) {
      const { html } = await liveAndTemplate(v, `${lang} visitor ${i}`);
      // Its own answers (escaped as React escapes them), photo name and language; not the other's.
      expect(html).toContain(`Klotter på muren &lt;${runs[i]}&gt; &amp; &quot;${runs[i]}&quot;`);
      expect(html).toContain(`foto-${runs[i]}.jpg`);
      expect(html).not.toContain(runs[1 - i]!);
      expect(html).toContain(`<html lang="${lang}"`);
      expect(html).toContain(`${form}/fel#field-description`);
    }
    // An answer changed: the template's page shows the new one, still the live page.
    await fillFel(visitors[0]!, `Ny beskrivning ${runs[0]}`);
    const { html } = await liveAndTemplate(visitors[0]!, `${lang} after a change`);
    expect(html).toContain(`Ny beskrivning ${runs[0]}`);
    // The send from the template's page: its token and idempotency key work.
    const send = new FormData();
    send.set("_csrf", tokenOf(html));
    send.set("_idempotency", keyOf(html));
    const sent = await visitors[0]!.post(`${form}/kontrollera`, send);
    expect([302, 303]).toContain(sent.status);
    expect(sent.headers.get("location")).toContain(`${form}/kvitto/`);
  }
});

test("a visitor who may not see the check page yet is redirected as before, from the template's path too", async ({
  baseURL,
}) => {
  const v = browser(baseURL!, "sv");
  expect((await v.get(form)).status).toBe(302);
  await fillFel(v, `Halvvägs ${Math.random().toString(36).slice(2, 8)}`);
  const live = await masked(await v.get(`${form}/kontrollera`, "; probe=1"));
  const early = await masked(await v.get(`${form}/kontrollera`));
  expect(live.status).toBe(302);
  expect(early).toEqual(live);
  // A browser with no working copy at all: to the first step.
  const fresh = browser(baseURL!, "sv");
  await fresh.get(`${form}/fel`);
  const none = await fresh.get(`${form}/kontrollera`);
  expect(none.status).toBe(302);
  expect(none.headers.get("location")).toBe(`${form}/fel`);
});

test("a form's start redirect from the template is the live one", async ({ baseURL }) => {
  for (const cookie of [undefined, "lang=en"]) {
    const answers = [];
    for (let i = 0; i < 3; i++) {
      const r = await fetch(baseURL + form, { headers: cookie ? { cookie } : {}, redirect: "manual" });
      answers.push({ x: r.headers.get("x-cache"), ...(await masked(r)) });
    }
    for (const a of answers) {
      expect(a.status).toBe(302);
      expect(a.head).toEqual(answers[0]!.head);
      expect(a.head).toContain(`location: ${form}/fel`);
    }
    expect(answers.map((a) => a.x)).toContain("template");
  }
});
