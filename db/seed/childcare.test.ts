import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../client";
import { childcareFeeConfig, childcareUnit, municipality } from "../schema/index";
import { seedChildcareUnits } from "./content/childcare-units";
import { seed } from "./index";

describe("childcare seed", () => {
  const db = openDatabase(process.env.DATABASE_PATH!);

  it("every municipality has förskolor, pedagogisk omsorg and fritidshem with addresses, age groups and capacity", () => {
    seed(db);
    seed(db);
    expect(db.select({ n: count() }).from(childcareUnit).get()?.n).toBe(seedChildcareUnits.length);
    for (const m of db.select().from(municipality).all()) {
      const units = db.select().from(childcareUnit).where(eq(childcareUnit.municipalityId, m.id)).all();
      const kinds = new Set(units.map((u) => u.kind));
      expect([...kinds].sort(), m.slug).toEqual(["forskola", "fritidshem", "grundskola", "pedagogisk-omsorg"]);
      expect(units.filter((u) => u.kind === "forskola").length, m.slug).toBeGreaterThanOrEqual(3);
      for (const u of units) {
        expect(u.postalCode).toMatch(/^\d{3} \d{2}$/);
        expect(u.capacity).toBeGreaterThan(0);
        expect(u.ageFrom).toBeLessThanOrEqual(u.ageTo);
      }
    }
  });

  it("seeds the 2026 maxtaxa figures as configuration", () => {
    const row = db.select().from(childcareFeeConfig).where(eq(childcareFeeConfig.year, 2026)).get();
    expect(JSON.parse(row!.config)).toMatchObject({
      incomeCapPerMonth: 59_200,
      forskola: [{ percent: 3, maxFee: 1_776 }, { maxFee: 1_184 }, { maxFee: 592 }],
    });
  });
});
