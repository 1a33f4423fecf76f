import { and, eq } from "drizzle-orm";
import type { DB } from "../client";
import { administration, municipality } from "../schema/index";
import { seedCatalogue } from "./catalogue";
import { seedAdministrations, seedMunicipalities } from "./content/municipalities";
import { seedChildcare } from "./childcare";
import { seedDiarium } from "./diarium";

/**
 * Idempotent: runs at every start. Rows are upserted by their natural keys, so editing the
 * seed content and restarting updates the example data without duplicating it.
 */
export function seed(db: DB) {
  db.transaction((tx) => {
    for (const m of seedMunicipalities) {
      const values = {
        slug: m.slug,
        code: m.code,
        name: m.name,
        logoText: m.logoText,
        introSv: m.intro.sv,
        introEn: m.intro.en,
        phone: m.phone,
        email: m.email,
        visitingAddress: m.visitingAddress,
        postalAddress: m.postalAddress,
        openingHoursSv: m.openingHours.sv,
        openingHoursEn: m.openingHours.en,
        orgNumber: m.orgNumber,
        population: m.population,
        example: m.example,
      };
      const row = tx
        .insert(municipality)
        .values(values)
        .onConflictDoUpdate({ target: municipality.slug, set: values })
        .returning({ id: municipality.id })
        .get();
      const domain = `${m.slug}.example.se`;
      for (const a of seedAdministrations) {
        const adminValues = {
          municipalityId: row.id,
          slug: a.slug,
          nameSv: a.name.sv,
          nameEn: a.name.en,
          descriptionSv: a.description.sv,
          descriptionEn: a.description.en,
          phone: `${m.phone.slice(0, -2)}${a.extension}`,
          email: `${a.mailbox}@${domain}`,
          example: true,
        };
        const existing = tx
          .select({ id: administration.id })
          .from(administration)
          .where(and(eq(administration.municipalityId, row.id), eq(administration.slug, a.slug)))
          .get();
        if (existing) tx.update(administration).set(adminValues).where(eq(administration.id, existing.id)).run();
        else tx.insert(administration).values(adminValues).run();
      }
    }
  });
  seedCatalogue(db);
  seedDiarium(db);
  seedChildcare(db);
}
