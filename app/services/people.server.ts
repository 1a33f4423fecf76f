import { eq, asc } from "drizzle-orm";
import { organisation, person, representation, type Person } from "../../db/schema/index";
import { db } from "~/db.server";
import { parsePersonnummer } from "../../forms/lib/identity-number";
import { now } from "~/utils/clock.server";
import { decrypt, encrypt, hmacIndex } from "./crypto.server";
import { isProtectedIdentity } from "./population.server";

/**
 * Residents and the organisations they may act for. The personnummer is held encrypted with
 * an HMAC index; it is decrypted only for the person themself or staff with a reason.
 */
export function findOrCreatePersonAtLogin(input: { personnummer: string; givenName: string; familyName: string }): {
  person: Person;
  created: boolean;
} {
  const parsed = parsePersonnummer(input.personnummer, now());
  if (!parsed.ok) throw new Error(`The identity provider sent an invalid personal identity number (${parsed.code})`);
  const pnr = parsed.value.normalized;
  const index = hmacIndex(pnr);
  const at = now().toISOString();
  // The register decides, at every login: a marker set or lifted since is followed (decision 046).
  const protectedIdentity = isProtectedIdentity(index);
  const existing = db().select().from(person).where(eq(person.personnummerHmac, index)).get();
  if (existing) {
    const updated = db()
      .update(person)
      .set({
        givenName: input.givenName || existing.givenName,
        familyName: input.familyName || existing.familyName,
        protectedIdentity,
        lastLoginAt: at,
      })
      .where(eq(person.id, existing.id))
      .returning()
      .get();
    return { person: updated, created: false };
  }
  const created = db()
    .insert(person)
    .values({
      personnummerEncrypted: encrypt(pnr),
      personnummerHmac: index,
      givenName: input.givenName,
      familyName: input.familyName,
      protectedIdentity,
      lastLoginAt: at,
    })
    .returning()
    .get();
  return { person: created, created: true };
}

export function getPersonnummer(personId: number): string | null {
  const row = db().select({ enc: person.personnummerEncrypted }).from(person).where(eq(person.id, personId)).get();
  return row ? decrypt(row.enc) : null;
}

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
