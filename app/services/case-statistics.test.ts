import { describe, expect, it } from "vitest";
import {
  decidedSince,
  incomingPerWeek,
  median,
  openByAge,
  percentile,
  processingByGroup,
  summarizeProcessing,
  type StatRow,
} from "./case-statistics";

const row = (over: Partial<StatRow>): StatRow => ({
  municipality: "amal",
  caseType: "bygglov-ansokan",
  receivedOn: "2026-01-05",
  decidedOn: null,
  ...over,
});

describe("median and percentile", () => {
  it("takes the middle value, or the mean of the two middle values", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
  it("uses nearest rank for percentiles", () => {
    const ten = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(percentile(ten, 90)).toBe(9);
    expect(percentile(ten, 100)).toBe(10);
    expect(percentile([7], 90)).toBe(7);
    expect(percentile([], 90)).toBeNull();
    expect(percentile([30, 10, 20], 50)).toBe(20);
  });
});

describe("incoming per week", () => {
  it("counts per Monday-started week and keeps empty weeks", () => {
    const rows = [
      row({ receivedOn: "2026-11-23" }),
      row({ receivedOn: "2026-11-29" }),
      row({ receivedOn: "2026-11-10" }),
      row({ receivedOn: "2025-01-01" }),
    ];
    expect(incomingPerWeek(rows, "2026-11-26", 3)).toEqual([
      { week: "2026-11-09", count: 1 },
      { week: "2026-11-16", count: 0 },
      { week: "2026-11-23", count: 2 },
    ]);
  });
});

describe("open cases by age", () => {
  it("buckets open cases by weeks since received and skips decided ones", () => {
    const today = "2026-11-26";
    const rows = [
      row({ receivedOn: "2026-11-20" }), // 6 days
      row({ receivedOn: "2026-11-12" }), // 14 days → 2-6
      row({ receivedOn: "2026-10-01" }), // 56 days → 6-10
      row({ receivedOn: "2026-09-17" }), // 70 days → 10+
      row({ receivedOn: "2026-09-01", decidedOn: "2026-10-01" }),
    ];
    expect(openByAge(rows, today)).toEqual([
      { bucket: "0-2", count: 1 },
      { bucket: "2-6", count: 1 },
      { bucket: "6-10", count: 1 },
      { bucket: "10+", count: 1 },
    ]);
  });
});

describe("processing times", () => {
  it("summarizes decided cases against the statutory limit", () => {
    const rows = [
      row({ receivedOn: "2026-01-01", decidedOn: "2026-01-31" }), // 30
      row({ receivedOn: "2026-01-01", decidedOn: "2026-03-02" }), // 60
      row({ receivedOn: "2026-01-01", decidedOn: "2026-04-01" }), // 90
      row({ receivedOn: "2026-01-01", decidedOn: "2026-04-01", processingDays: 50 }), // counted by the law: 50
      row({ receivedOn: "2026-01-01" }), // open: not counted
    ];
    expect(summarizeProcessing(rows, 70)).toEqual({ decided: 4, medianDays: 55, p90Days: 90, withinLimit: 0.75 });
    expect(summarizeProcessing([], 70)).toEqual({ decided: 0, medianDays: null, p90Days: null, withinLimit: null });
  });

  it("groups per municipality and case type and leaves out groups with nothing decided", () => {
    const rows = [
      row({ municipality: "mellerud", decidedOn: "2026-02-04" }),
      row({ municipality: "amal", decidedOn: "2026-01-15" }),
      row({ municipality: "amal", caseType: "forskola-ansokan", decidedOn: "2026-03-05" }),
      row({ municipality: "bengtsfors" }),
    ];
    const groups = processingByGroup(rows, (t) => (t === "bygglov-ansokan" ? 70 : 120));
    expect(groups.map((g) => [g.municipality, g.caseType, g.medianDays, g.limitDays])).toEqual([
      ["amal", "bygglov-ansokan", 10, 70],
      ["amal", "forskola-ansokan", 59, 120],
      ["mellerud", "bygglov-ansokan", 30, 70],
    ]);
  });

  it("keeps only cases decided in the reporting window", () => {
    const rows = [row({ decidedOn: "2026-11-01" }), row({ decidedOn: "2025-06-01" }), row({})];
    expect(decidedSince(rows, "2026-11-26", 365)).toHaveLength(1);
  });
});
