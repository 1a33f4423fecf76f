import { describe, expect, it } from "vitest";
import { TokenBuckets } from "./rate-limit.server";

describe("token buckets", () => {
  it("lets a client burst up to the capacity, then answers with the seconds to wait", () => {
    const b = new TokenBuckets(3, 1);
    const t = 1_000_000;
    expect([b.take("a", t), b.take("a", t), b.take("a", t)].every((r) => r.allowed)).toBe(true);
    expect(b.take("a", t)).toEqual({ allowed: false, remaining: 0, retryAfterSeconds: 1 });
  });

  it("refills over time and never above the capacity", () => {
    const b = new TokenBuckets(2, 0.5);
    const t = 0;
    b.take("a", t);
    b.take("a", t);
    expect(b.take("a", t).retryAfterSeconds).toBe(2);
    expect(b.take("a", t + 2_000).allowed).toBe(true);
    expect(b.take("a", t + 1_000_000).remaining).toBe(1);
  });

  it("keeps clients apart", () => {
    const b = new TokenBuckets(1, 1);
    expect(b.take("a", 0).allowed).toBe(true);
    expect(b.take("a", 0).allowed).toBe(false);
    expect(b.take("b", 0).allowed).toBe(true);
  });

  it("does not grow without bound under many distinct clients", () => {
    const b = new TokenBuckets(5, 1, 100);
    for (let i = 0; i < 1000; i++) b.take(`k${i}`, 0);
    expect((b as unknown as { buckets: Map<string, unknown> }).buckets.size).toBeLessThanOrEqual(100);
  });
});
