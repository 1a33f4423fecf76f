import { describe, expect, it } from "vitest";
import { MEASURE_TYPES } from "../../forms/lib/building-permit";
import { estimateFee, exampleTaxa, isPermitTaxa, objectFactor } from "./permit-fees";

const amal = exampleTaxa(1.0);

describe("fee estimate from a municipality's taxa", () => {
  it("uses mPBB × OF × HF × N for a new building inside a local plan", () => {
    // 59.2 × 10 (130–199 m²) × 9 × 1.0 = 5328 → 5330; start 59.2 × 10 × 7 = 4144 → 4140
    const fee = estimateFee(amal, { measure: "nybyggnad", area: 150, insideDetaljplan: true });
    expect(fee.lines).toEqual([
      { key: "permit", amount: 5330 },
      { key: "start", amount: 4140 },
    ]);
    expect(fee.total).toBe(9470);
    expect(fee.example).toBe(true);
  });

  it("adds neighbour consultation outside a local plan", () => {
    const fee = estimateFee(amal, { measure: "nybyggnad", area: 150, insideDetaljplan: false });
    expect(fee.lines.map((l) => l.key)).toEqual(["permit", "start", "neighbours"]);
    expect(fee.lines[2]!.amount).toBe(1180);
  });

  it("does not charge neighbour consultation for an attefall notification", () => {
    const fee = estimateFee(amal, { measure: "attefall", area: 25, insideDetaljplan: false });
    expect(fee.lines.map((l) => l.key)).toEqual(["permit", "start"]);
  });

  it("applies the municipality's factor", () => {
    const dalsEd = exampleTaxa(0.85);
    const a = estimateFee(amal, { measure: "tillbyggnad", area: 40, insideDetaljplan: true }).total;
    const d = estimateFee(dalsEd, { measure: "tillbyggnad", area: 40, insideDetaljplan: true }).total;
    expect(d).toBeLessThan(a);
    expect(Math.abs(d - a * 0.85)).toBeLessThanOrEqual(20);
  });

  it("grows with the area band and ignores area for measures without one", () => {
    expect(objectFactor(amal, 49)).toBe(6);
    expect(objectFactor(amal, 50)).toBe(8);
    expect(objectFactor(amal, 5000)).toBe(32);
    expect(objectFactor(amal, null)).toBe(6);
    const small = estimateFee(amal, { measure: "fasadandring", area: 10, insideDetaljplan: true }).total;
    const big = estimateFee(amal, { measure: "fasadandring", area: 900, insideDetaljplan: true }).total;
    expect(small).toBe(big);
  });

  it("gives a positive whole-ten amount for every measure type", () => {
    for (const measure of MEASURE_TYPES) {
      const fee = estimateFee(amal, { measure, area: 100, insideDetaljplan: true });
      expect(fee.total).toBeGreaterThan(0);
      expect(fee.total % 10).toBe(0);
    }
  });

  it("recognizes a well-formed taxa and refuses junk", () => {
    expect(isPermitTaxa(amal)).toBe(true);
    expect(isPermitTaxa(JSON.parse(JSON.stringify(amal)))).toBe(true);
    expect(isPermitTaxa({ prisbasbelopp: "x" })).toBe(false);
    expect(isPermitTaxa(null)).toBe(false);
  });
});
