import { describe, expect, it } from "vitest";
import { todayInSweden } from "./format";

const formatter = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Stockholm",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

describe("todayInSweden", () => {
  it("turns to the next day at Swedish midnight, in winter and in summer, right after an answer from the same hour", () => {
    // Winter (UTC+1): midnight is 23:00 UTC; summer (UTC+2): 22:00 UTC.
    expect(todayInSweden(new Date("2026-01-14T22:59:59.999Z"))).toBe("2026-01-14");
    expect(todayInSweden(new Date("2026-01-14T23:00:00.000Z"))).toBe("2026-01-15");
    expect(todayInSweden(new Date("2026-07-14T21:59:59.999Z"))).toBe("2026-07-14");
    expect(todayInSweden(new Date("2026-07-14T22:00:00.000Z"))).toBe("2026-07-15");
    // Back within the same minute after another minute was asked.
    expect(todayInSweden(new Date("2026-07-14T21:59:00.000Z"))).toBe("2026-07-14");
  });

  it("agrees with the formatter every 7 minutes across a summer-time change and a new year", () => {
    for (const start of [Date.UTC(2026, 2, 28, 12), Date.UTC(2026, 9, 24, 12), Date.UTC(2026, 11, 31, 12)]) {
      for (let t = start; t < start + 2 * 86_400_000; t += 7 * 60_000 + 13_000) {
        const at = new Date(t);
        expect(todayInSweden(at)).toBe(formatter.format(at));
        expect(todayInSweden(at)).toBe(formatter.format(at));
      }
    }
  });

  it("still refuses an invalid date", () => {
    expect(() => todayInSweden(new Date(Number.NaN))).toThrow(RangeError);
  });
});
