import { describe, expect, it } from "vitest";
import { RateLimiter } from "./rate-limit.server";

describe("the rate limiter", () => {
  it("allows a burst, then one request per refill interval, per address", () => {
    let now = 0;
    const limiter = new RateLimiter({ perMinute: 60, burst: 3, now: () => now });
    expect([1, 2, 3].map(() => limiter.take("a"))).toEqual([0, 0, 0]);
    expect(limiter.take("a")).toBeGreaterThan(0);
    expect(limiter.take("b")).toBe(0);
    now += 1000;
    expect(limiter.take("a")).toBe(0);
    expect(limiter.take("a")).toBeGreaterThan(0);
  });

  it("is off when the limit is 0", () => {
    const limiter = new RateLimiter({ perMinute: 0 });
    for (let i = 0; i < 1000; i++) expect(limiter.take("a")).toBe(0);
  });
});
