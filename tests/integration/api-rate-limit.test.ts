import { describe, expect, it } from "vitest";

describe("the open API's rate limit", () => {
  it("answers 429 in the API's JSON shape with Retry-After and CORS, per client address", async () => {
    process.env.RATE_LIMIT_API = "60";
    process.env.RATE_LIMIT_API_BURST = "3";
    const { rateLimits } = await import("~/http/middleware.server");
    const hit = (ip: string) => {
      const headers: Record<string, string> = {};
      const res = {
        statusCode: 200,
        body: "",
        setHeader: (k: string, v: string) => (headers[k] = v),
        end: (b: string) => (res.body = b),
      };
      let passed = false;
      rateLimits(
        { ip, method: "GET", originalUrl: "/api/v1/services", socket: {} } as never,
        res as never,
        () => (passed = true),
      );
      return { passed, res, headers };
    };
    expect([hit("192.0.2.1"), hit("192.0.2.1"), hit("192.0.2.1")].every((r) => r.passed)).toBe(true);
    const limited = hit("192.0.2.1");
    expect(limited.passed).toBe(false);
    expect(limited.res.statusCode).toBe(429);
    expect(limited.headers["Retry-After"]).toMatch(/^\d+$/);
    expect(limited.headers["Access-Control-Allow-Origin"]).toBe("*");
    expect(JSON.parse(limited.res.body)).toMatchObject({ error: "rate_limited", status: 429 });
    expect(hit("192.0.2.2").passed).toBe(true);
  });
});

describe("the case-management systems' callback", () => {
  it("draws from the same per-address API bucket (and the write bucket) as the rest of /api/", async () => {
    process.env.RATE_LIMIT_API = "60";
    process.env.RATE_LIMIT_API_BURST = "3";
    const { rateLimits } = await import("~/http/middleware.server");
    const post = (ip: string) => {
      const res = { statusCode: 200, body: "", setHeader: () => undefined, end: (b: string) => (res.body = b) };
      let passed = false;
      rateLimits(
        { ip, method: "POST", originalUrl: "/api/v1/integration/cases/AML-2026-000001", socket: {} } as never,
        res as never,
        () => (passed = true),
      );
      return { passed, res };
    };
    expect([post("192.0.2.9"), post("192.0.2.9"), post("192.0.2.9")].every((r) => r.passed)).toBe(true);
    const limited = post("192.0.2.9");
    expect(limited.passed).toBe(false);
    expect(limited.res.statusCode).toBe(429);
  });
});
