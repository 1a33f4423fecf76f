import { createServer, request, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anonymousPageCacheMiddleware, serveFromAnonymousPageCache } from "./middleware.server";
import { createSecurityHeaders, freshNonce } from "./security-headers.server";

// The fast path answers a cache hit with one header list made once per entry (decision 113).
// It must send exactly what the general path sends: the server's security headers (set one by
// one with setHeader), then the stored headers, X-Cache, Vary, Content-Length, with a fresh
// request id and nonce per answer. A real node:http server answers both ways.

const HTML = '<!doctype html><html lang="sv"><body><p>Öppettider</p></body></html>';
const securityHeaders = createSecurityHeaders({ production: true });
let server: Server;
let port = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    // `x-general: 1` skips the fast path, as when a page is stored after the fast path looked.
    if (!req.headers["x-general"] && serveFromAnonymousPageCache(req, res, securityHeaders)) return;
    securityHeaders(res);
    anonymousPageCacheMiddleware(req, res, () => {
      res.setHeader("Content-Type", "text/html; charset=utf-8");
      res.setHeader("Set-Cookie", ["lang=sv; Path=/; SameSite=Lax", "kommun=amal; Path=/; SameSite=Lax"]);
      res.setHeader("X-Frame-Options", "DENY");
      res.end(HTML);
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

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

/** The raw header lines, with the per-answer values (request id, nonce, date) masked. */
function shape(res: IncomingMessage): string[] {
  const lines: string[] = [];
  for (let i = 0; i < res.rawHeaders.length; i += 2) {
    const name = res.rawHeaders[i]!;
    let value = res.rawHeaders[i + 1]!;
    if (/^x-request-id$/i.test(name)) value = "<id>";
    if (/^date$/i.test(name)) value = "<date>";
    value = value.replace(/'nonce-[A-Za-z0-9+/=]+'/, "'nonce-<n>'");
    lines.push(`${name}: ${value}`);
  }
  return lines;
}

const nonceOf = (res: IncomingMessage) =>
  /'nonce-([A-Za-z0-9+/=]+)'/.exec(String(res.headers["content-security-policy"]))?.[1];

describe("a cache hit on the fast path", () => {
  for (const encoding of ["identity", "gzip"]) {
    it(`sends the same headers as the general path, fresh id and nonce (${encoding})`, async () => {
      const path = `/hit-headers-${encoding}`;
      const headers = { "accept-encoding": encoding };
      const miss = await get(path, headers);
      expect(miss.res.headers["x-cache"]).toBe("miss");
      const general = await get(path, { ...headers, "x-general": "1" });
      const fast = await get(path, headers);
      const again = await get(path, headers);
      expect(general.res.headers["x-cache"]).toBe("hit");
      expect(fast.res.headers["x-cache"]).toBe("hit");
      expect(shape(fast.res)).toEqual(shape(general.res));
      expect(shape(again.res)).toEqual(shape(general.res));
      // Every security header of a live answer is there, Strict-Transport-Security included.
      for (const name of ["strict-transport-security", "x-content-type-options", "permissions-policy", "vary"])
        expect(fast.res.headers[name], name).toBe(miss.res.headers[name] ?? general.res.headers[name]);
      expect(fast.res.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
      expect(fast.res.headers["set-cookie"]).toHaveLength(2);
      const ids = [miss, general, fast, again].map((a) => a.res.headers["x-request-id"]);
      expect(new Set(ids).size).toBe(4);
      const nonces = [miss, general, fast, again].map((a) => nonceOf(a.res));
      expect(new Set(nonces).size).toBe(4);
      const text = (a: { res: IncomingMessage; body: Buffer }) =>
        (a.res.headers["content-encoding"] === "gzip" ? gunzipSync(a.body) : a.body).toString("utf8");
      expect(text(fast)).toBe(HTML);
      expect(fast.res.headers["content-encoding"]).toBe(encoding === "gzip" ? "gzip" : undefined);
      expect(Number(fast.res.headers["content-length"])).toBe(fast.body.length);
    });
  }
});

describe("many hits of one entry (its header list is reused in place, decision 133)", () => {
  it("each answer has its own id and nonce and the same header lines, whichever encoding came before", async () => {
    const path = "/hit-reuse";
    await get(path);
    const general = await get(path, { "x-general": "1" });
    const generalGzip = await get(path, { "x-general": "1", "accept-encoding": "gzip" });
    const answers = [];
    for (let i = 0; i < 40; i++) answers.push(await get(path, i % 3 === 0 ? { "accept-encoding": "gzip" } : {}));
    for (const [i, a] of answers.entries()) {
      expect(a.res.headers["x-cache"]).toBe("hit");
      expect(shape(a.res)).toEqual(shape(i % 3 === 0 ? generalGzip.res : general.res));
      expect(Number(a.res.headers["content-length"])).toBe(a.body.length);
    }
    expect(new Set(answers.map((a) => a.res.headers["x-request-id"])).size).toBe(answers.length);
    expect(new Set(answers.map((a) => nonceOf(a.res))).size).toBe(answers.length);
  });
});

describe("freshNonce", () => {
  it("gives 16 random bytes each time, never the same twice", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const nonce = freshNonce();
      expect(Buffer.from(nonce, "base64")).toHaveLength(16);
      seen.add(nonce);
    }
    expect(seen.size).toBe(2000);
  });
});
