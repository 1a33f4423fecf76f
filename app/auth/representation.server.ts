import { asc, eq } from "drizzle-orm";
import { organisation, person, representation } from "../../db/schema/index";
import { db } from "~/db.server";
import { now } from "~/utils/clock.server";

/**
 * The representation register: whom a resident may act for (firmatecknare, ombud). Part of
 * identity because the session re-checks it on every request (a revoked right ends the acting).
 */
export interface RepresentedOrganisation {
  id: number;
  orgNumber: string;
  name: string;
  role: "firmatecknare" | "ombud";
}

/** The organisations a person may act for (representation register). */
export function listRepresentedOrganisations(personId: number): RepresentedOrganisation[] {
  const p = db().select({ index: person.personnummerHmac }).from(person).where(eq(person.id, personId)).get();
  if (!p) return [];
  const today = now().toISOString().slice(0, 10);
  return db()
    .select({
      id: organisation.id,
      orgNumber: organisation.orgNumber,
      name: organisation.name,
      role: representation.role,
      validFrom: representation.validFrom,
      validTo: representation.validTo,
    })
    .from(representation)
    .innerJoin(organisation, eq(organisation.id, representation.organisationId))
    .where(eq(representation.personnummerHmac, p.index))
    .orderBy(asc(organisation.name))
    .all()
    .filter((r) => (!r.validFrom || r.validFrom <= today) && (!r.validTo || r.validTo >= today))
    .map(({ id, orgNumber, name, role }) => ({ id, orgNumber, name, role }));
}

/** Scoped: the organisation only if the person may act for it. */
export function getRepresentedOrganisation(
  personId: number,
  organisationId: number,
): RepresentedOrganisation | undefined {
  return listRepresentedOrganisations(personId).find((o) => o.id === organisationId);
}
