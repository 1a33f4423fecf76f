import { eq } from "drizzle-orm";
import { person, type Person } from "../../db/schema/index";
import { db } from "~/db.server";
import { parsePersonnummer } from "../../forms/lib/identity-number";
import { now } from "~/utils/clock.server";
import { decrypt, encrypt, hmacIndex } from "~/platform/crypto.server";
import { personByNumber } from "./population.server";

/**
 * Residents (whom they may act for: app/auth/representation.server.ts). The personnummer is held encrypted with
 * an HMAC index; it is decrypted only for the person themself or staff with a reason.
 */
export function findOrCreatePersonAtLogin(input: {
  personnummer: string;
  givenName: string;
  familyName: string;
  /** The register's marker, asked by the caller (`registerMarksProtected`) before this transaction. */
  protectedIdentity: boolean;
}): { person: Person; created: boolean } {
  const parsed = parsePersonnummer(input.personnummer, now());
  if (!parsed.ok) throw new Error(`The identity provider sent an invalid personal identity number (${parsed.code})`);
  const pnr = parsed.value.normalized;
  const index = hmacIndex(pnr);
  const at = now().toISOString();
  // The register decides, at every login: a marker set or lifted since is followed (decision 046).
  const protectedIdentity = input.protectedIdentity;
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

/** Whether the population register marks the person as protected: asked at every login (decision 046). */
export async function registerMarksProtected(personnummer: string): Promise<boolean> {
  return (await registerAtLogin(personnummer)).protectedIdentity;
}

/**
 * The login's one register look-up: the protected marker (decision 046) and the municipality the
 * person is registered in (a slug, null when elsewhere), kept with the session (decision 109).
 */
export async function registerAtLogin(
  personnummer: string,
): Promise<{ protectedIdentity: boolean; municipality: string | null }> {
  const parsed = parsePersonnummer(personnummer, now());
  if (!parsed.ok) return { protectedIdentity: false, municipality: null };
  const found = await personByNumber(parsed.value.normalized, "login");
  return { protectedIdentity: (found?.protectedIdentity ?? null) !== null, municipality: found?.municipality ?? null };
}

export function getPersonnummer(personId: number): string | null {
  const row = db().select({ enc: person.personnummerEncrypted }).from(person).where(eq(person.id, personId)).get();
  return row ? decrypt(row.enc) : null;
}
