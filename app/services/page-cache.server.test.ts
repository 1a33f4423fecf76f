import { describe, expect, it } from "vitest";
import { AnonymousPageCache, hasPersonalCookie, isCacheable } from "./page-cache.server";

const page = (body = "<html>hej</html>") => ({
  status: 200,
  headers: [["content-type", "text/html; charset=utf-8"]] as [string, string][],
  body: Buffer.from(body),
});

describe("the anonymous page cache", () => {
  it("keys by URL, language and municipality cookie, and never for a session or a POST", () => {
    const cache = new AnonymousPageCache();
    expect(cache.keyFor("GET", "/", "lang=en; kommun=amal")).not.toBe(cache.keyFor("GET", "/", "lang=sv; kommun=amal"));
    expect(cache.keyFor("GET", "/", "kommun=amal")).not.toBe(cache.keyFor("GET", "/", "kommun=mellerud"));
    expect(cache.keyFor("GET", "/", "lang=sv; __session=abc")).toBeNull();
    expect(cache.keyFor("GET", "/", undefined, "Bearer x")).toBeNull();
    expect(cache.keyFor("POST", "/", undefined)).toBeNull();
    expect(hasPersonalCookie("lang=sv; kommun=amal")).toBe(false);
    expect(hasPersonalCookie("draft=1")).toBe(true);
  });

  it("the CSRF seed alone neither makes a visitor personal nor varies the key; a session still does", () => {
    const cache = new AnonymousPageCache();
    const seed = "a".repeat(43);
    expect(hasPersonalCookie(`csrf=${seed}; lang=en`)).toBe(false);
    expect(hasPersonalCookie(`__Host-csrf=${seed}`)).toBe(false);
    expect(cache.keyFor("GET", "/", `csrf=${seed}; lang=en`)).toBe(cache.keyFor("GET", "/", "lang=en"));
    expect(cache.keyFor("GET", "/", `csrf=${seed}; session=abc`)).toBeNull();
    expect(cache.keyFor("GET", "/", `csrf=${seed}; flash=x`)).toBeNull();
  });

  it("an editor's publication empties it, and a page rendered before the publication is not stored", () => {
    const cache = new AnonymousPageCache();
    const key = cache.keyFor("GET", "/amal", "")!;
    cache.set(key, page());
    expect(cache.get(key)?.body.toString()).toBe("<html>hej</html>");
    const before = cache.currentGeneration();
    cache.invalidate();
    expect(cache.get(key)).toBeUndefined();
    expect(cache.set(key, page("stale"), before)).toBe(false);
    expect(cache.get(key)).toBeUndefined();
  });

  it("expires entries after the time-to-live and stays within its bounds", () => {
    let now = 0;
    const cache = new AnonymousPageCache({ ttlMs: 1000, maxEntries: 2, now: () => now });
    cache.set("a", page());
    cache.set("b", page());
    cache.get("a"); // a is now more recently used than b
    cache.set("c", page());
    expect(cache.size).toBe(2);
    expect(cache.get("b")).toBeUndefined();
    now = 2000;
    expect(cache.get("a")).toBeUndefined();
  });

  it("keeps least-recently-used order when the newest entry is hit again and again (decision 119)", () => {
    const cache = new AnonymousPageCache({ maxEntries: 2 });
    cache.set("a", page());
    cache.set("b", page());
    cache.get("b"); // b is the newest already: nothing moves
    cache.get("b");
    cache.get("a"); // a becomes the newest, b the oldest
    cache.get("a");
    cache.set("c", page());
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")).toBeDefined();
    expect(cache.get("c")).toBeDefined();
    // The newest entry deleted (invalidated) and stored again is still tracked.
    cache.invalidate();
    cache.set("d", page());
    cache.set("e", page());
    cache.get("d");
    cache.set("f", page());
    expect(cache.get("e")).toBeUndefined();
    expect(cache.get("d")).toBeDefined();
  });

  it("stores only plain 200 HTML without a nonce, personal cookies or no-store", () => {
    const html = { "content-type": "text/html; charset=utf-8" };
    expect(isCacheable(200, html, Buffer.from("<p>x</p>"), "n0nce")).toBe(true);
    expect(isCacheable(404, html, Buffer.from("<p>x</p>"), "n0nce")).toBe(false);
    expect(isCacheable(200, { "content-type": "application/json" }, Buffer.from("{}"), "n0nce")).toBe(false);
    expect(isCacheable(200, html, Buffer.from('<script nonce="n0nce">'), "n0nce")).toBe(false);
    expect(isCacheable(200, { ...html, "set-cookie": ["__session=1; Path=/"] }, Buffer.from("x"), "n")).toBe(false);
    expect(isCacheable(200, { ...html, "set-cookie": ["lang=en; Path=/"] }, Buffer.from("x"), "n")).toBe(true);
    expect(isCacheable(200, { ...html, "cache-control": "private, no-store" }, Buffer.from("x"), "n")).toBe(false);
    // A page with a CSRF field belongs to one browser (it is no-store already; this is the backstop).
    expect(
      isCacheable(
        200,
        html,
        Buffer.from('<form method="post"><input type="hidden" name="_csrf" value="t"></form>'),
        "n",
      ),
    ).toBe(false);
    expect(isCacheable(200, { ...html, "set-cookie": ["csrf=abc; Path=/; HttpOnly"] }, Buffer.from("x"), "n")).toBe(
      false,
    );
  });

  it("counts an entry's compressed copy towards the byte bound and frees it with the entry", () => {
    const body = "<html>" + "Öppettider och kontakt. ".repeat(2000) + "</html>";
    const cache = new AnonymousPageCache({ maxBytes: 16 * 60_000 });
    const key = cache.keyFor("GET", "/a", undefined)!;
    cache.set(key, page(body));
    const plain = cache.heldBytes;
    expect(plain).toBe(Buffer.byteLength(body));
    const gzip = cache.gzipOf(key, cache.get(key)!);
    expect(cache.heldBytes).toBe(plain + gzip.length);
    expect(cache.gzipOf(key, cache.get(key)!)).toBe(gzip);
    cache.invalidate();
    expect(cache.heldBytes).toBe(0);
    // Over the bound with the copies counted: the oldest entry goes.
    const small = new AnonymousPageCache({ maxBytes: 16 * Buffer.byteLength(body) });
    const keys = Array.from({ length: 16 }, (_, i) => small.keyFor("GET", `/p${i}`, undefined)!);
    for (const k of keys) small.set(k, page(body));
    expect(small.size).toBe(16);
    small.gzipOf(keys[15]!, small.get(keys[15]!)!);
    expect(small.size).toBe(15);
    expect(small.get(keys[0]!)).toBeUndefined();
    expect(small.heldBytes).toBeLessThanOrEqual(small.maxBytes);
  });
});
