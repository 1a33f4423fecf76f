import type { IncomingMessage, ServerResponse } from "node:http";
import { describe, expect, it } from "vitest";
import { CSRF_USED_HEADER, csrfCookieMiddleware } from "./csrf.server";

/** One request through the middleware; `carriesToken` is what entry.server says of the page. */
function run(method: string, url: string, carriesToken = false) {
  const cookies: string[] = [];
  const headers = new Map<string, string>();
  const res = {
    appendHeader: (name: string, v: string) => name.toLowerCase() === "set-cookie" && cookies.push(v),
    hasHeader: (name: string) => headers.has(name.toLowerCase()),
    removeHeader: (name: string) => headers.delete(name.toLowerCase()),
    setHeader: (name: string, v: string) => headers.set(name.toLowerCase(), v),
    writeHead: () => res,
  } as unknown as ServerResponse;
  csrfCookieMiddleware({ method, url, headers: {} } as IncomingMessage, res, () => {});
  if (carriesToken) res.setHeader(CSRF_USED_HEADER, "1");
  res.writeHead(200);
  return { setsSeed: cookies.some((h) => /^csrf[^=]*=/.test(h)), cacheControl: headers.get("cache-control") ?? null };
}

describe("the CSRF seed cookie", () => {
  it("is set on pages that carry a token, which are then never stored", () => {
    for (const url of ["/blanketter/felanmalan", "/diarium?kommun=amal"])
      expect(run("GET", url, true), url).toEqual({ setsSeed: true, cacheControl: "private, no-store" });
  });

  it("is set at once for a POST", () => {
    expect(run("POST", "/blanketter/felanmalan").setsSeed).toBe(true);
  });

  it("is not set on pages, feeds, the sitemap or the API that carry no token, so that they stay cacheable", () => {
    for (const url of [
      "/",
      "/amal/nyheter",
      "/diarium.atom",
      "/diarium.rss?kommun=amal",
      "/amal/nyheter.atom?lang=en",
      "/sitemap.xml",
      "/robots.txt",
      "/api/v1/diarium?page=2",
    ]) {
      expect(run("GET", url), url).toEqual({ setsSeed: false, cacheControl: null });
    }
  });
});

describe("the CSRF token", () => {
  it("is the HMAC of its seed and session, remembered for a while and bounded, and new with a new secret (decision 191)", async () => {
    const { createHmac } = await import("node:crypto");
    const { env, resetEnvForTests } = await import("~/env.server");
    const { anonymousCsrfToken, sessionCsrfToken, rememberedCsrfTokensForTests } = await import("./csrf.server");
    const hmac = (secret: string, seed: string, session: string) =>
      createHmac("sha256", secret).update(`csrf|${seed}|${session}`).digest("base64url");
    const seed = "a".repeat(43);
    const first = anonymousCsrfToken(seed);
    expect(first).toBe(hmac(env().SESSION_SECRET, seed, ""));
    expect(anonymousCsrfToken(seed)).toBe(first);
    expect(sessionCsrfToken(seed, "s1")).toBe(hmac(env().SESSION_SECRET, seed, "s1"));
    for (let i = 0; i < 5000; i++) anonymousCsrfToken(`seed-${i}`);
    expect(rememberedCsrfTokensForTests()).toBe(2048);

    const before = process.env.SESSION_SECRET;
    process.env.SESSION_SECRET = "another-secret-of-at-least-thirty-two-characters";
    resetEnvForTests();
    try {
      expect(env().SESSION_SECRET).not.toBe(before);
      expect(anonymousCsrfToken(seed)).toBe(hmac(env().SESSION_SECRET, seed, ""));
      expect(anonymousCsrfToken(seed)).not.toBe(first);
    } finally {
      if (before === undefined) delete process.env.SESSION_SECRET;
      else process.env.SESSION_SECRET = before;
      resetEnvForTests();
    }
    expect(anonymousCsrfToken(seed)).toBe(first);
  });
});
