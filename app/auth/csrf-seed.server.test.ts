import type { IncomingMessage, ServerResponse } from "node:http";
import { describe, expect, it } from "vitest";
import { csrfCookieMiddleware } from "./csrf.server";

function run(url: string) {
  const headers: string[] = [];
  const req = { url, headers: {} } as IncomingMessage;
  const res = { appendHeader: (_: string, v: string) => headers.push(v) } as unknown as ServerResponse;
  let nexted = false;
  csrfCookieMiddleware(req, res, () => {
    nexted = true;
  });
  return { nexted, setsSeed: headers.some((h) => /^csrf[^=]*=/.test(h)) };
}

describe("the CSRF seed cookie", () => {
  it("is set on pages, which may carry forms", () => {
    for (const url of ["/", "/diarium?kommun=amal", "/blanketter/felanmalan", "/amal/nyheter"]) expect(run(url), url).toEqual({ nexted: true, setsSeed: true });
  });

  it("is not set on feeds, the sitemap, robots.txt or the API, so that they stay cacheable", () => {
    for (const url of ["/diarium.atom", "/diarium.rss?kommun=amal", "/amal/nyheter.atom?lang=en", "/amal/nyheter.rss", "/sitemap.xml", "/robots.txt", "/api/v1/diarium?page=2"]) {
      expect(run(url), url).toEqual({ nexted: true, setsSeed: false });
    }
  });
});
