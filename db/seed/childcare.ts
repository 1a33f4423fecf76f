import { eq } from "drizzle-orm";
import type { DB } from "../client";
import { childcareFeeConfig, childcareUnit, municipality } from "../schema/index";
import { MAXTAXA_2026 } from "../../app/services/childcare-fee";
import { seedChildcareUnits } from "./content/childcare-units";

/**
 * The year's maxtaxa figures (Skolverket): real reference data, also in production. Only
 * inserted, never overwritten: an administrator may have corrected the figures.
 */
export function seedChildcareFeeConfig(db: DB) {
  const existing = db
    .select({ year: childcareFeeConfig.year })
    .from(childcareFeeConfig)
    .where(eq(childcareFeeConfig.year, MAXTAXA_2026.year))
    .get();
  if (existing) return;
  db.insert(childcareFeeConfig)
    .values({ year: MAXTAXA_2026.year, config: JSON.stringify(MAXTAXA_2026), source: "Skolverket: maxtaxa 2026" })
    .onConflictDoNothing()
    .run();
}

/** Example units per municipality (demo and test), inserted by slug only when absent. */
export function seedChildcare(db: DB) {
  db.transaction((tx) => {
    const ids = new Map(
      tx
        .select({ id: municipality.id, slug: municipality.slug })
        .from(municipality)
        .all()
        .map((m) => [m.slug, m.id]),
    );
    for (const u of seedChildcareUnits) {
      const municipalityId = ids.get(u.municipality);
      if (!municipalityId) throw new Error(`Seed: unknown municipality ${u.municipality}`);
      const values = {
        municipalityId,
        slug: u.slug,
        name: u.name,
        kind: u.kind,
        street: u.street,
        postalCode: u.postalCode,
        town: u.town,
        ageFrom: u.ageFrom,
        ageTo: u.ageTo,
        capacity: u.capacity,
        phone: u.phone,
        example: u.example,
      };
      tx.insert(childcareUnit).values(values).onConflictDoNothing({ target: childcareUnit.slug }).run();
    }
  });
}
