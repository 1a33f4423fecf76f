import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../db/client";
import { caseDecision, caseTable, municipality, permitTaxa, property } from "../../db/schema/index";
import { seed } from "../../db/seed/index";
import { properties } from "../../db/seed/content/people";
import { isPermitTaxa } from "../../app/services/permit-fees";

describe("building-permit seed", () => {
  const db = openDatabase(process.env.DATABASE_PATH!);
  seed(db);
  seed(db);

  it("loads the stand-in property register with owners, once", () => {
    expect(db.select({ n: count() }).from(property).get()?.n).toBe(properties.length);
    const plogen = db.select().from(property).where(eq(property.designation, "Åmål Plogen 4:2")).get();
    expect(plogen?.ownerName).toBe("Plogen Fastigheter i Åmål AB");
    const villa = db.select().from(property).where(eq(property.designation, "Bengtsfors Sågen 1:23")).get();
    expect(villa?.ownerName).toBe("Erik Lindqvist");
    expect(villa?.ownerOrganisationsnummer).toBeNull();
  });

  it("gives every municipality a well-formed example taxa", () => {
    const rows = db.select().from(permitTaxa).all();
    expect(rows).toHaveLength(5);
    for (const r of rows) {
      expect(r.example).toBe(true);
      expect(isPermitTaxa(JSON.parse(r.config))).toBe(true);
    }
  });

  it("seeds a history of decided and open building-permit cases per municipality, once", () => {
    const perMunicipality = db
      .select({ m: municipality.slug, n: count() })
      .from(caseTable)
      .innerJoin(municipality, eq(municipality.id, caseTable.municipalityId))
      .where(eq(caseTable.area, "bygglov"))
      .groupBy(municipality.slug)
      .all();
    expect(perMunicipality).toHaveLength(5);
    for (const r of perMunicipality) expect(r.n).toBe(46);
    expect(db.select({ n: count() }).from(caseDecision).get()?.n).toBe(5 * 39);
  });
});
