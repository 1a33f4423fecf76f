import { describe, expect, it } from "vitest";
import { LoginThrottle } from "./login-throttle.server";

describe("login throttling per address", () => {
  it("lets an address fail `failures` times, then makes it wait until the window refills one attempt", () => {
    let now = 0;
    const throttle = new LoginThrottle({ failures: 3, windowMinutes: 15, now: () => now });
    expect(throttle.retryAfterSeconds("10.0.0.1")).toBe(0);
    expect([1, 2].map(() => throttle.recordFailure("10.0.0.1"))).toEqual([false, false]);
    expect(throttle.retryAfterSeconds("10.0.0.1")).toBe(0);
    // The third failure uses up the allowance.
    expect(throttle.recordFailure("10.0.0.1")).toBe(true);
    // 3 per 15 minutes: one attempt back after 5 minutes.
    expect(throttle.retryAfterSeconds("10.0.0.1")).toBe(300);
    // Other addresses are not affected.
    expect(throttle.retryAfterSeconds("10.0.0.2")).toBe(0);
    now += 299_000;
    expect(throttle.retryAfterSeconds("10.0.0.1")).toBe(1);
    now += 1_000;
    expect(throttle.retryAfterSeconds("10.0.0.1")).toBe(0);
    // One more failure blocks it again at once.
    expect(throttle.recordFailure("10.0.0.1")).toBe(true);
    expect(throttle.retryAfterSeconds("10.0.0.1")).toBe(300);
  });

  it("asking does not count as a failure", () => {
    const throttle = new LoginThrottle({ failures: 1, windowMinutes: 1, now: () => 0 });
    for (let i = 0; i < 100; i++) expect(throttle.retryAfterSeconds("a")).toBe(0);
  });

  it("is off with 0 failures", () => {
    const throttle = new LoginThrottle({ failures: 0, windowMinutes: 15 });
    for (let i = 0; i < 1000; i++) throttle.recordFailure("a");
    expect(throttle.retryAfterSeconds("a")).toBe(0);
  });
});

describe("the login pages' headers", () => {
  it("pass the action's Retry-After on to the page, and nothing otherwise", async () => {
    const { retryAfterHeaders } = await import("~/utils/retry-after");
    const args = (h: HeadersInit) => ({
      actionHeaders: new Headers(h),
      loaderHeaders: new Headers(),
      parentHeaders: new Headers(),
      errorHeaders: undefined,
    });
    expect(new Headers(retryAfterHeaders(args({ "Retry-After": "120" }))).get("Retry-After")).toBe("120");
    expect(new Headers(retryAfterHeaders(args({}))).get("Retry-After")).toBeNull();
  });
});
