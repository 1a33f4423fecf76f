/**
 * The bench's Lighthouse row (decision 182): what is read from a report, which run is shown, and
 * one real run of Lighthouse's CLI in this machine's Chromium against a page served on localhost,
 * so that the flags, the JSON and the numbers the bench reports are Lighthouse's own.
 */
import { existsSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumPath } from "../chromium.mjs";
import { lighthouse, medianRun, summarise } from "./lighthouse.mjs";

const report = (tbt: number, extra: Record<string, unknown> = {}) => ({
  lighthouseVersion: "12.8.2",
  configSettings: { formFactor: "mobile", throttlingMethod: "simulate" },
  categories: {
    performance: { score: 0.87 },
    accessibility: { score: 1 },
    "best-practices": { score: 0.96 },
    seo: { score: null },
  },
  audits: {
    "total-blocking-time": { numericValue: tbt },
    "first-contentful-paint": { numericValue: 1200 },
    "largest-contentful-paint": { numericValue: 1500 },
    interactive: { numericValue: 2300 },
    "cumulative-layout-shift": { numericValue: 0.01 },
  },
  ...extra,
});

describe("summarise", () => {
  it("gives the four scores out of 100 (null where Lighthouse gave none) and the timings in ms", () => {
    const s = summarise(report(530));
    expect(s.scores).toEqual({ performance: 87, accessibility: 100, "best-practices": 96, seo: null });
    expect(s.tbtMs).toBe(530);
    expect([s.fcpMs, s.lcpMs, s.ttiMs, s.cls]).toEqual([1200, 1500, 2300, 0.01]);
    expect([s.version, s.formFactor, s.throttling]).toEqual(["12.8.2", "mobile", "simulate"]);
  });

  it("refuses a report of a run that failed, rather than reporting its zeros", () => {
    expect(() =>
      summarise(report(0, { runtimeError: { code: "NO_FCP", message: "The page did not paint any content." } })),
    ).toThrow("NO_FCP");
  });
});

describe("medianRun", () => {
  it("shows the run with the median TBT and keeps every run's TBT in run order", () => {
    const runs = [40, 120, 70].map((tbt) => summarise(report(tbt)));
    const m = medianRun(runs);
    expect(m.tbtMs).toBe(70);
    expect(m.tbtRunsMs).toEqual([40, 120, 70]);
    expect(medianRun([summarise(report(90)), summarise(report(10))]).tbtMs).toBe(10);
    expect(() => medianRun([])).toThrow();
  });
});

describe.skipIf(!existsSync(chromiumPath))("a real Lighthouse run", () => {
  let server: Server;
  let url = "";
  beforeAll(async () => {
    const page =
      '<!doctype html><html lang="sv"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
      '<meta name="description" content="Provsida för mätningen."><title>Provsida</title></head>' +
      "<body><main><h1>Provsida</h1><p>En sida utan skript.</p></main></body></html>";
    server = createServer((req, res) => {
      if (req.url === "/robots.txt") {
        res.writeHead(200, { "Content-Type": "text/plain" });
        res.end("User-agent: *\nAllow: /\n");
        return;
      }
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
      res.end(page);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("scores a page without scripts and gives its TBT, from Lighthouse's CLI and JSON", async () => {
    const r = await lighthouse(url, { runs: 1 });
    expect(r.version).toMatch(/^12\./);
    expect(r.formFactor).toBe("mobile");
    expect(r.throttling).toBe("simulate");
    expect(r.scores.accessibility).toBe(100);
    expect(r.scores.seo).toBe(100);
    // Performance and TBT move with the machine's load (the browser's own parsing and layout,
    // scaled 4× by the simulation: 25 ms on a quiet machine): numbers, in their ranges.
    expect(r.scores.performance).toBeGreaterThan(0);
    expect(r.scores.performance).toBeLessThanOrEqual(100);
    expect(Number.isFinite(r.tbtMs)).toBe(true);
    expect(r.tbtMs).toBeGreaterThanOrEqual(0);
    expect(r.tbtRunsMs).toEqual([r.tbtMs]);
    expect(r.fcpMs).toBeGreaterThan(0);
  }, 120_000);
});
