import { describe, expect, it } from "vitest";
import { feeReduction } from "./permit-fee-reduction";

describe("the PBL fee reduction (12 kap. 8 a §)", () => {
  const fee = 12_340;
  it("takes nothing off a decision on the deadline day", () => {
    expect(feeReduction({ fee, deadline: "2026-03-10", decidedOn: "2026-03-10" })).toMatchObject({
      weeksLate: 0,
      fifths: 0,
      feeAfter: fee,
      reduction: 0,
    });
  });
  it("takes off one fifth the day after the deadline: a started week counts", () => {
    expect(feeReduction({ fee, deadline: "2026-03-10", decidedOn: "2026-03-11" })).toMatchObject({
      weeksLate: 1,
      fifths: 1,
      feeAfter: 9_872,
      reduction: 2_468,
    });
  });
  it("counts seven days as one week and eight as two", () => {
    expect(feeReduction({ fee: 10_000, deadline: "2026-03-10", decidedOn: "2026-03-17" }).feeAfter).toBe(8_000);
    expect(feeReduction({ fee: 10_000, deadline: "2026-03-10", decidedOn: "2026-03-18" }).feeAfter).toBe(6_000);
  });
  it("reduces to nothing after five started weeks and never below", () => {
    expect(feeReduction({ fee: 10_000, deadline: "2026-03-10", decidedOn: "2026-04-14" })).toMatchObject({
      weeksLate: 5,
      feeAfter: 0,
    });
    expect(feeReduction({ fee: 10_000, deadline: "2026-03-10", decidedOn: "2026-06-01" })).toMatchObject({
      fifths: 5,
      feeAfter: 0,
      reduction: 10_000,
    });
  });
  it("takes nothing off without a deadline (the application was never complete)", () => {
    expect(feeReduction({ fee, deadline: null, decidedOn: "2026-06-01" }).reduction).toBe(0);
  });
});
