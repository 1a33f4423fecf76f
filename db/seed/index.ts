import { and, eq, isNull } from "drizzle-orm";
import type { DB } from "../client";
import type { Area } from "../../app/domain/areas";
import { administration, administrationArea, municipality } from "../schema/index";
import { seedAuthoritiesAndLifeEvents, seedAuthorityRegistry } from "./authorities";
import { seedIntegrationSystems } from "./integration";
import { seedCatalogue } from "./catalogue";
import { seedAdministrations, seedMunicipalities } from "./content/municipalities";
import { seedChildcare, seedChildcareFeeConfig } from "./childcare";
import { seedDiarium } from "./diarium";
import { seedEserviceDefinitions } from "./eservices";
import { seedDecisionReferenceData } from "./decisions";
import { seedPermitHistory, seedPermitRegisters } from "./permits";

/** The example administrations' areas (decision 056); an operator sets their own at /admin/kommuner. */
const EXAMPLE_AREAS: Readonly<Record<string, readonly Area[]>> = {
  "barn-och-utbildning": ["barnomsorg", "skola"],
  samhallsbyggnad: ["bygglov"],
  kommunledning: ["allmant"],
  socialtjanst: ["socialtjanst"],
};

/**
 * What production writes (docs/decisions/041): reference data that is true and that no one in
 * the portal edits: the national authorities with their links, and the year's maxtaxa figures
 * (inserted only when absent). No example row: municipalities, administrations, the
 * catalogue, guides, units, registers, staff and the integration system come from the
 * operator. Idempotent; runs at every production start.
 */
export function seedReferenceData(db: DB) {
  db.transaction((tx) => seedAuthorityRegistry(tx));
  seedChildcareFeeConfig(db);
  seedEserviceDefinitions(db);
  seedDecisionReferenceData(db);
}

/**
 * Demo and test: the reference data plus the example data. Idempotent: runs at every start.
 * Example rows are written only when absent (by natural key), so an edit made in the portal
 * (a municipality's phone number, a taxa, a unit) survives a restart; the catalogue is refreshed
 * only while no editor has changed a row (db/seed/catalogue.ts).
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
        kommunkod: m.kommunkod,
        population: m.population,
        example: m.example,
      };
      tx.insert(municipality).values(values).onConflictDoNothing({ target: municipality.slug }).run();
      // A database from before the column gets the code; an edited one keeps it (decision 057).
      tx.update(municipality)
        .set({ kommunkod: m.kommunkod })
        .where(and(eq(municipality.slug, m.slug), isNull(municipality.kommunkod)))
        .run();
      const row = tx.select({ id: municipality.id }).from(municipality).where(eq(municipality.slug, m.slug)).get()!;
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
        if (existing) continue;
        const created = tx.insert(administration).values(adminValues).returning({ id: administration.id }).get();
        // Which areas it handles is written with the administration only: an admin's later choice stands.
        for (const area of EXAMPLE_AREAS[a.slug] ?? [])
          tx.insert(administrationArea).values({ municipalityId: row.id, administrationId: created.id, area }).run();
      }
    }
    seedAuthoritiesAndLifeEvents(tx);
    seedIntegrationSystems(tx);
  });
  seedDiarium(db);
  seedCatalogue(db);
  seedChildcareFeeConfig(db);
  seedEserviceDefinitions(db);
  seedChildcare(db);
  seedPermitRegisters(db);
  seedPermitHistory(db);
  seedDecisionReferenceData(db);
}
