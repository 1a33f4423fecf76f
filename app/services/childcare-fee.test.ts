import { describe, expect, it } from "vitest";
import { calculateFees, inAllmanForskolaAge, isMaxtaxaConfig, MAXTAXA_2026, type FeeChild } from "./childcare-fee";

const ON = "2026-03-01";
const toddler = (id: string, birthDate: string, hours = 40): FeeChild => ({
  id,
  birthDate,
  kind: "forskola",
  hoursPerWeek: hours,
});
const schoolChild = (id: string, birthDate: string): FeeChild => ({
  id,
  birthDate,
  kind: "fritidshem",
  hoursPerWeek: 15,
});

describe("maxtaxa 2026", () => {
  it("the first child in förskola pays 3 % of the household income", () => {
    const r = calculateFees(MAXTAXA_2026, 40_000, [toddler("a", "2024-05-14")], ON);
    expect(r.children[0]).toMatchObject({ order: 1, percent: 3, fee: 1_200, reasons: [] });
    expect(r.total).toBe(1_200);
  });

  it("rounds down to whole kronor", () => {
    const r = calculateFees(MAXTAXA_2026, 33_333, [toddler("a", "2024-05-14")], ON);
    expect(r.children[0]!.fee).toBe(999);
  });

  it("counts the income only up to the cap of 59 200 kr, so the fee stops at 1 776 kr", () => {
    const r = calculateFees(MAXTAXA_2026, 90_000, [toddler("a", "2024-05-14")], ON);
    expect(r.countedIncome).toBe(59_200);
    expect(r.children[0]).toMatchObject({ fee: 1_776, reasons: ["capped"] });
    expect(calculateFees(MAXTAXA_2026, 59_200, [toddler("a", "2024-05-14")], ON).children[0]!.fee).toBe(1_776);
  });

  it("the youngest child is child 1, whatever order the children are given in", () => {
    const r = calculateFees(
      MAXTAXA_2026,
      70_000,
      [toddler("older", "2023-02-01"), toddler("youngest", "2024-05-14")],
      "2026-01-15", // before allmän förskola for the 2023 child
    );
    const older = r.children.find((c) => c.id === "older")!;
    const youngest = r.children.find((c) => c.id === "youngest")!;
    expect(youngest).toMatchObject({ order: 1, fee: 1_776 });
    expect(older).toMatchObject({ order: 2, fee: 1_184 });
    expect(r.children.map((c) => c.id)).toEqual(["older", "youngest"]); // caller's order kept
  });

  it("three children in förskola and fritidshem: 3 %, 2 %, 1 % by order and each care form's ceiling; child 4 is free", () => {
    // The Anderssons in Mellerud: Wilma (2024) child 1, Liam (2022) child 2, Hugo (2019, fritidshem) child 3.
    const children = [
      schoolChild("hugo", "2019-08-15"),
      toddler("liam", "2022-01-03", 40),
      toddler("wilma", "2024-05-14"),
      schoolChild("eldest", "2017-01-01"),
    ];
    const r = calculateFees(MAXTAXA_2026, 80_000, children, "2026-03-01");
    const by = Object.fromEntries(r.children.map((c) => [c.id, c]));
    expect(by.wilma).toMatchObject({ order: 1, fee: 1_776 });
    // Liam is in allmän förskola age (from autumn 2025) with 40 h: 1 184 reduced by 25 %.
    expect(by.liam).toMatchObject({
      order: 2,
      fullFee: 1_184,
      fee: 888,
      reasons: ["capped", "allman-forskola-reduced"],
    });
    // Hugo in fritidshem as child 3: 1 % capped at 592.
    expect(by.hugo).toMatchObject({ order: 3, percent: 1, fee: 592 });
    expect(by.eldest).toMatchObject({ order: 4, fee: 0, reasons: ["child-4-free"] });
    expect(r.total).toBe(1_776 + 888 + 592);
  });

  it("fritidshem as child 1 is 2 % capped at 1 184 kr", () => {
    const r = calculateFees(MAXTAXA_2026, 100_000, [schoolChild("olle", "2018-11-12")], ON);
    expect(r.children[0]).toMatchObject({ percent: 2, fee: 1_184 });
    expect(calculateFees(MAXTAXA_2026, 30_000, [schoolChild("olle", "2018-11-12")], ON).children[0]!.fee).toBe(600);
  });

  it("part time: a child under allmän förskola age with at most 15 h/week pays 75 %", () => {
    const r = calculateFees(MAXTAXA_2026, 50_000, [toddler("a", "2024-05-14", 15)], ON);
    expect(r.children[0]).toMatchObject({ fullFee: 1_500, fee: 1_125, reasons: ["part-time"] });
    // 16 h is full time.
    expect(calculateFees(MAXTAXA_2026, 50_000, [toddler("a", "2024-05-14", 16)], ON).children[0]!.fee).toBe(1_500);
  });

  it("allmän förskola: within 15 h/week it is free; it starts in August of the year the child turns 3", () => {
    expect(inAllmanForskolaAge("2023-12-31", "2026-07-31", 3)).toBe(false);
    expect(inAllmanForskolaAge("2023-12-31", "2026-08-01", 3)).toBe(true);
    const r = calculateFees(MAXTAXA_2026, 50_000, [toddler("a", "2022-01-02", 15)], ON);
    expect(r.children[0]).toMatchObject({ fee: 0, reasons: ["allman-forskola-free"] });
  });

  it("no income gives no fee, and a negative income is refused", () => {
    expect(calculateFees(MAXTAXA_2026, 0, [toddler("a", "2024-05-14")], ON).total).toBe(0);
    expect(() => calculateFees(MAXTAXA_2026, -1, [toddler("a", "2024-05-14")], ON)).toThrow(RangeError);
    expect(() => calculateFees(MAXTAXA_2026, Number.NaN, [], ON)).toThrow(RangeError);
  });

  it("the 2026 ceilings are exactly the percentages of the income cap", () => {
    for (const steps of [MAXTAXA_2026.forskola, MAXTAXA_2026.fritidshem]) {
      for (const s of steps) expect(Math.floor((MAXTAXA_2026.incomeCapPerMonth * s.percent) / 100)).toBe(s.maxFee);
    }
    expect(isMaxtaxaConfig(JSON.parse(JSON.stringify(MAXTAXA_2026)))).toBe(true);
    expect(isMaxtaxaConfig({ year: 2026 })).toBe(false);
  });
});
