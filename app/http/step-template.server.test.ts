import { createServer, request, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { anonymousCsrfToken } from "~/auth/csrf.server";
import { invalidateAnonymousCache } from "~/services/page-cache.server";
import { createSecurityHeaders } from "./security-headers.server";
import {
  clearStepTemplates,
  serveFromStepTemplate,
  stepTemplateEligible,
  vouchForStepTemplate,
} from "./step-template.server";

// A stand-in for the live path (scripts/serve.mjs without Remix): security headers, then a page
// that carries the token (twice) and the nonce, with the browser key and seed cookies as the
// CSRF middleware and the step loader set them. The real page is compared in
// tests/e2e/step-template.spec.ts.
const securityHeaders = createSecurityHeaders({ production: false });
let server: Server;
let port = 0;
let rendered = 0;
const SEED = /^[A-Za-z0-9_-]{43}$/;

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const [k, ...rest] = part.trim().split("=");
    if (k === name) return rest.join("=");
  }
  return undefined;
}

beforeAll(async () => {
  server = createServer((req, res) => {
    if (!req.headers["x-live"] && serveFromStepTemplate(req, res, securityHeaders)) return;
    rendered++;
    securityHeaders(res);
    const locals = (res as unknown as { locals: Record<string, string> }).locals;
    let seed = cookieValue(req.headers.cookie, "csrf");
    const cookies = [
      `eservice=${"k".repeat(10)}${Math.random().toString(36).slice(2, 12)}; Path=/; Max-Age=86400; HttpOnly; SameSite=Lax`,
    ];
    if (!seed || !SEED.test(seed)) {
      seed = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("base64url");
      cookies.push(`csrf=${seed}; Path=/; HttpOnly; SameSite=Lax`);
    }
    const token = anonymousCsrfToken(seed);
    const lang = cookieValue(req.headers.cookie, "lang") ?? "sv";
    if (!req.headers["x-no-vouch"]) vouchForStepTemplate(locals.requestId!, "first");
    res.setHeader("X-Cache", "miss");
    res.setHeader("X-Seen-Encoding", String(req.headers["accept-encoding"] ?? "none"));
    res.setHeader("content-type", "text/html; charset=utf-8");
    res.setHeader("set-cookie", cookies);
    res.setHeader("Cache-Control", "private, no-store");
    res.setHeader("Vary", "Cookie, Accept-Encoding");
    const extra = req.headers["x-leak"] ? `<p>${cookies[0]!.slice(9, 30)}</p>` : "";
    res.write(`<!doctype html><html lang="${lang}"><body><p>Sök i diariet – ${req.url}</p>${extra}`);
    res.write(`<form method="post"><input type="hidden" name="_csrf" value="${token}"/></form>`);
    res.end(
      `<script type="application/json">{"csrfToken":"${token}","x":"${"å".repeat(3000)}"}</script><script type="module" src="/i.js" nonce="${locals.cspNonce}"></script></body></html>`,
    );
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
beforeEach(() => clearStepTemplates());

function get(path: string, headers: Record<string, string> = {}): Promise<{ res: IncomingMessage; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request({ port, path, headers: { connection: "close", ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ res, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}

const nonceOf = (res: IncomingMessage) =>
  /'nonce-([A-Za-z0-9+/=]+)'/.exec(String(res.headers["content-security-policy"]))?.[1] ?? "";
const setCookies = (res: IncomingMessage) => (res.headers["set-cookie"] ?? []) as string[];
const seedOf = (res: IncomingMessage, sent?: string) =>
  sent ?? /^csrf=([^;]+)/.exec(setCookies(res).find((c) => c.startsWith("csrf=")) ?? "")?.[1] ?? "";

/** Body and headers with this answer's token, nonce, cookies, id and date masked. */
function masked(res: IncomingMessage, body: Buffer, seed?: string) {
  const token = anonymousCsrfToken(seedOf(res, seed));
  const nonce = nonceOf(res);
  const text = (res.headers["content-encoding"] === "gzip" ? gunzipSync(body) : body)
    .toString("utf8")
    .split(token)
    .join("<token>")
    .split(nonce)
    .join("<nonce>");
  const head: string[] = [];
  for (let i = 0; i < res.rawHeaders.length; i += 2) {
    const name = res.rawHeaders[i]!;
    if (
      /^(date|connection|keep-alive|transfer-encoding|content-length|content-encoding|x-cache|x-seen-encoding)$/i.test(
        name,
      )
    )
      continue;
    let value = res.rawHeaders[i + 1]!;
    if (/^x-request-id$/i.test(name)) value = "<id>";
    value = value.replace(nonce, "<nonce>").replace(/^(eservice|csrf)=[^;]+/, "$1=<v>");
    head.push(`${name}: ${value}`);
  }
  return { text, head };
}

describe("which requests a template may answer", () => {
  const path = "/blanketter/begaran-allman-handling/handling";
  const seed = "a".repeat(43);
  it("an anonymous first visit, with or without language, municipality and seed", () => {
    expect(stepTemplateEligible("GET", path, undefined, undefined)).toEqual({
      key: path,
      seed: null,
      browserKey: null,
    });
    const withSeed = stepTemplateEligible("GET", path, `lang=en; csrf=${seed}; kommun=amal`, undefined);
    expect(withSeed?.seed).toBe(seed);
    expect(withSeed?.key).not.toContain(seed);
    // Cookies vary the key as they come: the render reads them itself.
    expect(stepTemplateEligible("GET", path, "lang=en", undefined)?.key).not.toBe(
      stepTemplateEligible("GET", path, "lang=sv", undefined)?.key,
    );
  });
  it("a browser with its own key (decision 125), the key's value left out of the template key", () => {
    const key = "b".repeat(43);
    const other = "c".repeat(43);
    const mine = stepTemplateEligible("GET", path, `eservice=${key}; csrf=${seed}`, undefined);
    expect(mine?.browserKey).toBe(key);
    expect(mine?.key).not.toContain(key);
    expect(stepTemplateEligible("GET", path, `eservice=${other}; csrf=${seed}`, undefined)?.key).toBe(mine?.key);
    expect(stepTemplateEligible("GET", path, `eservice=${key}; eservice=${other}`, undefined)).toBeNull();
  });
  it("never anyone with a session, a malformed draft key, another cookie, a query, twice the same cookie or a bad seed", () => {
    for (const cookie of ["eservice=x", "session=y", "lang=en; lang=sv", "csrf=short", "flash=1", "lang"])
      expect(stepTemplateEligible("GET", path, cookie, undefined), cookie).toBeNull();
    expect(stepTemplateEligible("GET", `${path}?lang=en`, undefined, undefined)).toBeNull();
    expect(stepTemplateEligible("GET", `${path}/x`, undefined, undefined)).toBeNull();
    expect(stepTemplateEligible("GET", "/blanketter/x", undefined, undefined)).toBeNull();
    expect(stepTemplateEligible("POST", path, undefined, undefined)).toBeNull();
    expect(stepTemplateEligible("GET", path, undefined, "Bearer x")).toBeNull();
  });
});

describe("a step answered from its template", () => {
  for (const encoding of ["identity", "gzip"]) {
    it(`is the live answer with its own token, cookies and nonce (${encoding})`, async () => {
      const path = `/blanketter/a-form/step-${encoding}`;
      const headers = { "accept-encoding": encoding };
      const miss = await get(path, headers);
      expect(miss.res.headers["x-cache"]).toBe("miss");
      // The answer that became the template went out plain.
      expect(miss.res.headers["content-encoding"]).toBeUndefined();
      const live = await get(path, { ...headers, "x-live": "1" });
      const before = rendered;
      const hit = await get(path, headers);
      const again = await get(path, headers);
      expect(rendered).toBe(before);
      for (const a of [hit, again]) {
        expect(a.res.headers["x-cache"]).toBe("template");
        expect(a.res.headers["content-encoding"]).toBe(encoding === "gzip" ? "gzip" : undefined);
        expect(Number(a.res.headers["content-length"])).toBe(a.body.length);
        expect(masked(a.res, a.body)).toEqual(masked(live.res, live.body));
        expect(masked(a.res, a.body)).toEqual(masked(miss.res, miss.body));
      }
      // Fresh values per answer: seed, browser key, token, nonce, request id.
      const [h, g] = [hit.res, again.res];
      expect(seedOf(h)).toMatch(SEED);
      expect(seedOf(h)).not.toBe(seedOf(g));
      expect(setCookies(h)[0]).not.toBe(setCookies(g)[0]);
      expect(setCookies(h)[0]).toMatch(/^eservice=[A-Za-z0-9_-]{43}; Path=\/; Max-Age=86400; HttpOnly; SameSite=Lax$/);
      expect(nonceOf(h)).not.toBe(nonceOf(g));
      expect(h.headers["x-request-id"]).not.toBe(g.headers["x-request-id"]);
      // The body carries the token of the seed it sets, and the nonce of its own CSP.
      const text = (encoding === "gzip" ? gunzipSync(hit.body) : hit.body).toString("utf8");
      expect(text).toContain(`value="${anonymousCsrfToken(seedOf(h))}"`);
      expect(text).toContain(`"csrfToken":"${anonymousCsrfToken(seedOf(h))}"`);
      expect(text).toContain(`nonce="${nonceOf(h)}"`);
      expect(text).not.toContain(anonymousCsrfToken(seedOf(g)));
    });
  }

  it("keeps the browser's own seed and sets none", async () => {
    const path = "/blanketter/a-form/seeded";
    const seed = "S".repeat(43);
    await get(path, { cookie: `csrf=${seed}; lang=en` });
    const hit = await get(path, { cookie: `csrf=${seed}; lang=en` });
    expect(hit.res.headers["x-cache"]).toBe("template");
    expect(setCookies(hit.res).map((c) => c.split("=")[0])).toEqual(["eservice"]);
    expect(hit.body.toString()).toContain(`value="${anonymousCsrfToken(seed)}"`);
    expect(hit.body.toString()).toContain('lang="en"');
    // A browser without a seed is another key: it gets its own cookie.
    await get(path, { cookie: "lang=en" });
    const fresh = await get(path, { cookie: "lang=en" });
    expect(fresh.res.headers["x-cache"]).toBe("template");
    expect(seedOf(fresh.res)).toMatch(SEED);
  });

  it("is never made from a render the loader did not vouch for, nor from one that shows a cookie", async () => {
    for (const header of ["x-no-vouch", "x-leak"]) {
      const path = `/blanketter/a-form/${header}`;
      await get(path, { [header]: "1", "accept-encoding": "gzip" });
      const next = await get(path, { [header]: "1", "accept-encoding": "gzip" });
      expect(next.res.headers["x-cache"], header).toBe("miss");
      // Such a key is not watched again for a while: its answers keep the client's Accept-Encoding.
      expect(next.res.headers["x-seen-encoding"], header).toBe("gzip");
    }
    expect(stepTemplateEligible("GET", "/blanketter/a-form/kontrollera", undefined, undefined)).toBeNull();
  });

  it("is not used after the anonymous cache is invalidated (publish)", async () => {
    const path = "/blanketter/a-form/published";
    await get(path);
    expect((await get(path)).res.headers["x-cache"]).toBe("template");
    invalidateAnonymousCache();
    expect((await get(path)).res.headers["x-cache"]).toBe("miss");
    expect((await get(path)).res.headers["x-cache"]).toBe("template");
  });
});
