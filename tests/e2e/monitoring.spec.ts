import { expect, jsDisabled, test } from "./fixtures";

// /metrics and /readyz through the real server (scripts/serve.mjs): the client address the
// route sees is the server's, and a cross-origin POST refused in serve.mjs is counted
// (ASVS 11.1.7, 11.1.8; decision 048). Requests only: once, with JavaScript on.

const counter = (text: string, event: string) =>
  Number(
    text
      .split("\n")
      .find((l) => l.startsWith(`portal_security_events_total{event="${event}"}`))
      ?.split(" ")
      .pop() ?? NaN,
  );

test.describe("monitoring endpoints", () => {
  test("/metrics is readable from loopback, not when forwarded by a proxy, and counts a refused cross-origin POST", async ({
    request,
  }, testInfo) => {
    test.skip(jsDisabled(testInfo), "requests only");
    const before = await request.get("/metrics");
    expect(before.status()).toBe(200);
    expect(before.headers()["cache-control"]).toBe("no-store");
    const start = counter(await before.text(), "csrf_refused");
    expect(start).toBeGreaterThanOrEqual(0);
    const refused = await request.post("/personal/logga-in", {
      headers: { Origin: "https://evil.example" },
      form: { username: "x" },
    });
    expect(refused.status()).toBe(403);
    expect(counter(await (await request.get("/metrics")).text(), "csrf_refused")).toBeGreaterThanOrEqual(start + 1); // other workers may refuse too
    const forwarded = await request.get("/metrics", { headers: { "X-Forwarded-For": "203.0.113.7" } });
    expect(forwarded.status()).toBe(404);
    expect(await forwarded.text()).not.toContain("portal_security_events_total");
  });

  test("/readyz answers ready with every migration applied", async ({ request }, testInfo) => {
    test.skip(jsDisabled(testInfo), "requests only");
    const res = await request.get("/readyz");
    expect(res.status()).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ready", database: true });
  });
});
