import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { anonymousPageCache } from "~/services/page-cache.server";
import { anonymousPageCacheMiddleware } from "./middleware.server";

// An admin's change to public facts (a new municipality, a unit, a taxa) must empty the anonymous
// page cache, as an editor's publish does; the e2e sweep found cached pages without a
// municipality an admin had just added.

function answer(method: string, url: string, status: number): number {
  const before = anonymousPageCache().currentGeneration();
  const req = Object.assign(new EventEmitter(), { method, url, originalUrl: url, headers: {} });
  const res = Object.assign(new EventEmitter(), {
    statusCode: status,
    locals: {},
    setHeader: () => undefined,
    getHeaders: () => ({}),
    write: () => true,
    end: () => undefined,
  });
  let nextCalled = false;
  anonymousPageCacheMiddleware(req as never, res as never, () => {
    nextCalled = true;
  });
  expect(nextCalled).toBe(true);
  res.emit("finish");
  return anonymousPageCache().currentGeneration() - before;
}

describe("staff changes and the anonymous page cache", () => {
  it("a successful POST on an admin page of public facts empties the cache", () => {
    expect(answer("POST", "/admin/kommuner", 303)).toBe(1);
    expect(answer("POST", "/admin/kommuner/bengtsfors", 303)).toBe(1);
    expect(answer("POST", "/admin/enheter?x=1", 200)).toBe(1);
    expect(answer("POST", "/admin/taxor", 303)).toBe(1);
  });
  it("a refused change, a GET, or a resident's POST leaves it", () => {
    expect(answer("POST", "/admin/kommuner", 400)).toBe(0);
    expect(answer("POST", "/admin/kommuner", 403)).toBe(0);
    expect(answer("GET", "/admin/kommuner", 200)).toBe(0);
    expect(answer("POST", "/blanketter/felanmalan-gata-park/beskrivning", 303)).toBe(0);
    // Accounts, jobs and integrations change nothing public (editors' services empty it themselves).
    expect(answer("POST", "/admin/anvandare/3", 303)).toBe(0);
    expect(answer("POST", "/admin/jobb", 303)).toBe(0);
    expect(answer("POST", "/admin/kommunerx", 303)).toBe(0);
  });
});
