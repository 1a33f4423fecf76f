/**
 * The property register over the example properties (demo and test only, decision 066): the
 * seeded `property` table, answered in the shape Lantmäteriet's client gives. A private owner's
 * personnummer is not in the table; whether the owner is the applicant is read from the example
 * people (db/seed/content/people.ts) and leaves this module only as an HMAC.
 */
import { eq } from "drizzle-orm";
import { municipality, property } from "../../db/schema/index";
import { organisations, properties, testPersons } from "../../db/seed/content/people";
import type { MunicipalitySlug } from "../../db/seed/content/types";
import { EXAMPLE_KOMMUNKOD, exampleObjektidentitet } from "../../db/seed/content/property-register";
import type { PropertyDesignation } from "../../forms/lib/property-designation";
import { db } from "~/db.server";
import { hmacIndex } from "~/platform/crypto.server";
import type { PropertyLookup, PropertyRegister } from "./property-register.server";

export function createDemoPropertyRegister(): PropertyRegister {
  return {
    name: "demo",
    lookup(designation: PropertyDesignation): Promise<PropertyLookup> {
      const row = db()
        .select({ p: property, m: municipality })
        .from(property)
        .innerJoin(municipality, eq(municipality.id, property.municipalityId))
        .where(eq(property.designation, designation.text))
        .get();
      if (!row) return Promise.resolve({ found: false });
      const { p, m } = row;
      const content = properties.find((x) => x.designation === p.designation);
      const pnr = content?.owner.kind === "person" ? content.owner.personnummer : null;
      return Promise.resolve({
        found: true,
        property: {
          designation: p.designation,
          objektidentitet: exampleObjektidentitet(p.designation),
          kind: "fastighet",
          municipality: { code: EXAMPLE_KOMMUNKOD[m.slug as MunicipalitySlug] ?? null, name: m.name },
          address: { street: p.street, postalCode: p.postalCode, town: p.town },
          owners: [
            p.ownerKind === "organisation"
              ? { kind: "organisation", name: p.ownerName, organisationsnummer: p.ownerOrganisationsnummer ?? "" }
              : { kind: "person", name: p.ownerName, personnummerHmac: pnr ? hmacIndex(pnr) : null },
            // Co-owners (decision 093) are example people; like the first owner they leave here only as an HMAC.
            ...(content?.coOwners ?? []).map((co) => {
              const t = testPersons.find((x) => x.personnummer === co);
              const name = t ? `${t.givenName} ${t.familyName}` : "";
              return { kind: "person" as const, name, personnummerHmac: hmacIndex(co) };
            }),
            // Co-owning organisations (decision 100): their signatory is asked.
            ...(content?.coOwnerOrganisations ?? []).map((orgnr) => ({
              kind: "organisation" as const,
              name: organisations.find((x) => x.organisationsnummer === orgnr)?.name ?? orgnr,
              organisationsnummer: orgnr,
            })),
          ],
          detaljplan: p.detaljplan,
        },
      });
    },
  };
}
