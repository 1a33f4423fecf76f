import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prepareDatabase } from "~/db.server";
import {
  clearDiariumTemplates,
  diariumTemplateEligible,
  escapeHtml,
  resultSectionHtml,
  serveFromDiariumTemplate,
} from "~/http/diarium-template.server";
import { anonymousPageCacheMiddleware, serveFromAnonymousPageCache } from "~/http/middleware.server";
import { createSecurityHeaders } from "~/http/security-headers.server";
import { parseDiariumQuery, searchDiarium, type DiariumQuery } from "~/services/diarium.server";
import { invalidateAnonymousCache } from "~/services/page-cache.server";

// Decision 144. The real page (React's render against the template's) is compared byte for byte in
// tests/e2e/diarium-template.spec.ts; here a stand-in for the live path (the page cache's
// middleware and a page written from the request) tests the slots, the refusals, gzip and the cache.

const securityHeaders = createSecurityHeaders({ production: false });
let server: Server;
let port = 0;
let rendered = 0;
/** What the stand-in's live page leaves out or changes, to see a template refused. */
let breakLive: "none" | "results" | "languageLink" = "none";

// TRUST_PROXY=1 in scripts/serve.mjs: the template's rate limit keys by the forwarded client.
let trustOneProxy = false;

function livePage(url: string, cookie: string | undefined): string {
  const u = new URL(url, "http://localhost");
  const lang = /(?:^|; )lang=en(?:;|$)/.test(cookie ?? "") ? "en" : "sv";
  const parsed = parseDiariumQuery(u.searchParams);
  if (!parsed.ok) throw new Error("the stand-in renders valid searches only");
  const back = escapeHtml(encodeURIComponent(u.pathname + u.search));
  const other = new URLSearchParams(u.search);
  other.set("lang", lang === "sv" ? "en" : "sv");
  const results = resultSectionHtml(parsed.query, searchDiarium(parsed.query, lang), lang);
  return [
    `<!DOCTYPE html><html lang="${lang}"><body><a href="/valj-kommun?tillbaka=${back}">Välj</a>`,
    breakLive === "languageLink" ? "" : `<a href="${escapeHtml(`/diarium?${other}`)}" hrefLang="x">Lang</a>`,
    `<a href="/logga-in?redirectTo=${back}">Logga in</a><main>`,
    `<input id="q" name="q" type="search" autoComplete="off" value="${escapeHtml(parsed.query.q ?? "")}"/>`,
    breakLive === "results" ? results.replace("</h2>", " </h2>") : results,
    `<section aria-labelledby="feed-heading"><p>Å ä ö – ${"x".repeat(3000)}</p></section></main></body></html>`,
  ].join("");
}

beforeAll(async () => {
  prepareDatabase();
  server = createServer((req: IncomingMessage, res: ServerResponse & { locals?: Record<string, unknown> }) => {
    // scripts/serve.mjs's order: a cache hit, then the template.
    if (serveFromAnonymousPageCache(req, res, securityHeaders)) return;
    if (serveFromDiariumTemplate(req, res, securityHeaders, trustOneProxy)) return;
    rendered++;
    securityHeaders(res);
    anonymousPageCacheMiddleware(req, res, () => {
      res.setHeader("content-type", "text/html; charset=utf-8");
      res.end(livePage(req.url ?? "/", req.headers.cookie));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => new Promise<void>((r) => server.close(() => r())));

beforeEach(() => {
  clearDiariumTemplates();
  invalidateAnonymousCache();
  breakLive = "none";
});

function get(path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: IncomingMessage["headers"]; body: Buffer }>((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const raw = Buffer.concat(chunks);
        const body = res.headers["content-encoding"] === "gzip" ? gunzipSync(raw) : raw;
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
      });
    });
    req.on("error", reject);
    req.end();
  });
}

const eligible = (url: string, headers: Record<string, string> = {}, method = "GET") =>
  diariumTemplateEligible({ method, url, headers } as unknown as IncomingMessage);

describe("which diarium requests a template may answer", () => {
  it("a search by words and page, with or without language, municipality and seed cookies", () => {
    expect(eligible("/diarium?q=bygglov")?.key).toBe("");
    expect(eligible("/diarium?q=bygglov&sida=2", { cookie: "lang=en; csrf=abc; kommun=amal" })?.key).toBe(
      "lang=en; kommun=amal",
    );
    expect(eligible("/diarium?sida=3")?.lang).toBe("sv");
    expect(eligible("/diarium?q=x", { cookie: "lang=en" })?.lang).toBe("en");
  });

  it("anything else goes to the app", () => {
    for (const url of [
      "/diarium",
      "/diarium?",
      "/diarium?q=x&kommun=amal",
      "/diarium?q=x&lang=en",
      "/diarium?q=a&q=b",
      "/diarium?q=x&sida=0",
      "/diarium?q=x&foo=1",
      `/diarium?q=${"y".repeat(101)}`,
      "/diarium.csv?q=x",
      "/en/diarium?q=x",
    ])
      expect(eligible(url), url).toBeNull();
    expect(eligible("/diarium?q=x", {}, "HEAD")).toBeNull();
    expect(eligible("/diarium?q=x", { authorization: "Bearer x" })).toBeNull();
    for (const cookie of [
      "session=abc",
      "lang=en; lang=sv",
      "lang=de",
      "lang=en; flash=x",
      "kommun=amal; kommun=mellerud",
    ])
      expect(eligible("/diarium?q=x", { cookie }), cookie).toBeNull();
  });
});

it("text and attribute values are escaped as React escapes them", () => {
  const s = `<a href="x">&'tést' – ö\u00a0`;
  expect(renderToString(createElement("p", { title: s }, s))).toBe(`<p title="${escapeHtml(s)}">${escapeHtml(s)}</p>`);
});

describe("a diarium search from its template", () => {
  it("is made from the first live answer and then answers other searches as the live page would", async () => {
    const first = await get("/diarium?q=bygglov", { "accept-encoding": "gzip" });
    expect(first.headers["x-cache"]).toBe("miss");
    const before = rendered;
    const requestIds = new Set<string>();
    for (const [path, cookie] of [
      ["/diarium?q=f%C3%B6rskola+bidr", ""],
      ["/diarium?q=%3Cb%3E%26%22x%27", ""],
      ["/diarium?sida=2&q=skola", ""],
      ["/diarium?q=zzzqqq", "csrf=seed"],
    ] as const) {
      const r = await get(path, { "accept-encoding": "gzip", ...(cookie ? { cookie } : {}) });
      expect(r.headers["x-cache"], path).toBe("template");
      expect(r.headers["content-type"]).toBe("text/html; charset=utf-8");
      expect(r.headers["content-security-policy"]).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
      // Each answer its own request id, as a live answer gets one.
      expect(r.headers["x-request-id"]).toMatch(/^\S+$/);
      requestIds.add(String(r.headers["x-request-id"]));
      expect(r.body.toString(), path).toBe(livePage(path, cookie));
      // A repeat is the page cache's, plain this time.
      const again = await get(path, cookie ? { cookie } : {});
      expect(again.headers["x-cache"]).toBe("hit");
      expect(again.body.equals(r.body)).toBe(true);
    }
    expect(requestIds.size).toBe(4);
    expect(rendered).toBe(before);
    // Another language is another cookie header: its own live answer first.
    expect((await get("/diarium?q=vatten", { cookie: "lang=en" })).headers["x-cache"]).toBe("miss");
    expect((await get("/diarium?q=avlopp", { cookie: "lang=en" })).headers["x-cache"]).toBe("template");
  });

  it("is not made when the live answer is not exactly the template filled for it", async () => {
    for (const broken of ["results", "languageLink"] as const) {
      clearDiariumTemplates();
      invalidateAnonymousCache();
      breakLive = broken;
      expect((await get("/diarium?q=bygglov")).headers["x-cache"]).toBe("miss");
      expect((await get("/diarium?q=vatten")).headers["x-cache"], broken).toBe("miss");
    }
  });

  it("is dropped when the anonymous page cache is emptied (a publication, a municipality changed)", async () => {
    await get("/diarium?q=bygglov");
    expect((await get("/diarium?q=vatten")).headers["x-cache"]).toBe("template");
    invalidateAnonymousCache();
    expect((await get("/diarium?q=avlopp")).headers["x-cache"]).toBe("miss");
  });
});

it("the result section shows no rows and no paging for a search without matches", () => {
  const query: DiariumQuery = { q: "zzzqqq" };
  const html = resultSectionHtml(query, searchDiarium(query, "sv"), "sv");
  expect(html).toContain("<p>");
  expect(html).not.toContain("<table");
  expect(html).not.toContain("pagination");
});

// Last: it empties this address's bucket.
it("a search from its template draws from the expensive-GET rate limit as the live path does", async () => {
  clearDiariumTemplates();
  invalidateAnonymousCache();
  await get("/diarium?q=bygglov");
  const statuses: number[] = [];
  for (let i = 0; i < 40; i++) statuses.push((await get(`/diarium?q=ord${i}`)).status);
  expect(statuses).toContain(200);
  expect(statuses.at(-1)).toBe(429);
});

// After the test above (this address's own bucket is empty): behind one trusted proxy each
// forwarded client has its own bucket, as Express's req.ip gives the live path.
it("behind a trusted proxy the template's rate limit keys by the forwarded client address", async () => {
  trustOneProxy = true;
  try {
    clearDiariumTemplates();
    invalidateAnonymousCache();
    const from = (ip: string) => ({ "X-Forwarded-For": `198.51.100.200, ${ip}` });
    await get("/diarium?q=bygglov", from("203.0.113.1"));
    const first: number[] = [];
    for (let i = 0; i < 40; i++) first.push((await get(`/diarium?q=proxy${i}`, from("203.0.113.1"))).status);
    expect(first).toContain(200);
    expect(first.at(-1)).toBe(429);
    // Another client behind the same proxy (same socket address) is not limited by the first.
    expect((await get("/diarium?q=annan", from("203.0.113.2"))).status).toBe(200);
  } finally {
    trustOneProxy = false;
  }
});
