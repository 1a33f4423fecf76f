import { json } from "@remix-run/node";
import { and, desc, eq, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { companyMandate, person } from "../../db/schema/index";
import { maskPersonnummer } from "../../forms/lib/identity-number";
import type { ResidentUser } from "~/auth/guards.server";
import { getRepresentedOrganisation } from "~/auth/representation.server";
import { db } from "~/db.server";
import { audit } from "~/platform/audit.server";
import { decrypt, encrypt, hmacIndex } from "~/platform/crypto.server";
import { RegisterUnavailableError } from "~/platform/register-http.server";
import { now } from "~/utils/clock.server";

/**
 * Mandates (ombud) a company gives in the portal (decision 069). Only a signatory acting for the
 * company (the company register says so, now) may see, give or revoke them; every grant and
 * revocation is audited, and the list keeps revoked and ended mandates so every signatory sees
 * the history. The person given a mandate may choose the company at /valj-part until it ends.
 */

export interface SignatoryContext {
  organisationId: number;
  orgNumber: string;
  name: string;
}

/** The company the resident acts for, if the register says they sign for it alone; else 403 (503: no answer). */
export async function requireActingSignatory(user: ResidentUser): Promise<SignatoryContext> {
  if (user.acting?.kind !== "organisation") throw json({ error: "not acting for a company" }, { status: 403 });
  let o;
  try {
    o = await getRepresentedOrganisation(user.personId, user.acting.organisationId, "mandate");
  } catch (error) {
    if (error instanceof RegisterUnavailableError) throw json({ error: "register unavailable" }, { status: 503 });
    throw error;
  }
  if (o?.role !== "firmatecknare") {
    audit({
      actor: user,
      action: "mandate.list",
      outcome: "refused",
      subjectType: "organisation",
      subjectId: user.acting.orgNumber,
    });
    throw json({ error: "not a signatory" }, { status: 403 });
  }
  return { organisationId: o.id, orgNumber: o.orgNumber, name: o.name };
}

export interface MandateView {
  id: number;
  granteeName: string;
  personnummer: string;
  validTo: string | null;
  grantedBy: string;
  grantedAt: string;
  revokedBy: string | null;
  revokedAt: string | null;
  state: "active" | "ended" | "revoked";
}

export function listMandates(company: SignatoryContext): MandateView[] {
  const granter = alias(person, "granter");
  const revoker = alias(person, "revoker");
  const today = now().toISOString().slice(0, 10);
  return db()
    .select({
      id: companyMandate.id,
      granteeName: companyMandate.granteeName,
      encrypted: companyMandate.personnummerEncrypted,
      validTo: companyMandate.validTo,
      grantedAt: companyMandate.grantedAt,
      revokedAt: companyMandate.revokedAt,
      gGiven: granter.givenName,
      gFamily: granter.familyName,
      rGiven: revoker.givenName,
      rFamily: revoker.familyName,
    })
    .from(companyMandate)
    .innerJoin(granter, eq(granter.id, companyMandate.grantedByPersonId))
    .leftJoin(revoker, eq(revoker.id, companyMandate.revokedByPersonId))
    .where(eq(companyMandate.organisationId, company.organisationId))
    .orderBy(desc(companyMandate.grantedAt), desc(companyMandate.id))
    .all()
    .map((r) => ({
      id: r.id,
      granteeName: r.granteeName,
      personnummer: maskPersonnummer(decrypt(r.encrypted)),
      validTo: r.validTo,
      grantedBy: `${r.gGiven} ${r.gFamily}`,
      grantedAt: r.grantedAt,
      revokedBy: r.rGiven ? `${r.rGiven} ${r.rFamily ?? ""}`.trim() : null,
      revokedAt: r.revokedAt,
      state: r.revokedAt ? "revoked" : r.validTo && r.validTo < today ? "ended" : "active",
    }));
}

export type GrantResult = { ok: true; id: number } | { ok: false; field: "personnummer"; code: "already" | "self" };

/** personnummer: normalised 12 digits; validTo: ISO date not in the past (checked by the route). */
export function grantMandate(
  user: ResidentUser,
  company: SignatoryContext,
  grant: { personnummer: string; granteeName: string; validTo: string | null },
): GrantResult {
  const index = hmacIndex(grant.personnummer);
  const self = db().select({ index: person.personnummerHmac }).from(person).where(eq(person.id, user.personId)).get();
  if (self?.index === index) return { ok: false, field: "personnummer", code: "self" };
  const today = now().toISOString().slice(0, 10);
  const open = db()
    .select({ validTo: companyMandate.validTo })
    .from(companyMandate)
    .where(
      and(
        eq(companyMandate.organisationId, company.organisationId),
        eq(companyMandate.personnummerHmac, index),
        isNull(companyMandate.revokedAt),
      ),
    )
    .all()
    .some((m) => !m.validTo || m.validTo >= today);
  if (open) return { ok: false, field: "personnummer", code: "already" };
  const row = db()
    .insert(companyMandate)
    .values({
      organisationId: company.organisationId,
      personnummerHmac: index,
      personnummerEncrypted: encrypt(grant.personnummer),
      granteeName: grant.granteeName,
      validTo: grant.validTo,
      grantedByPersonId: user.personId,
    })
    .returning({ id: companyMandate.id })
    .get();
  audit({
    actor: user,
    action: "mandate.granted",
    subjectType: "organisation",
    subjectId: company.orgNumber,
    details: { mandateId: row.id, validTo: grant.validTo },
  });
  return { ok: true, id: row.id };
}

/** Scoped by company: a mandate of another company is not found. */
export function revokeMandate(user: ResidentUser, company: SignatoryContext, mandateId: number): boolean {
  const changed = db()
    .update(companyMandate)
    .set({ revokedAt: now().toISOString(), revokedByPersonId: user.personId })
    .where(
      and(
        eq(companyMandate.id, mandateId),
        eq(companyMandate.organisationId, company.organisationId),
        isNull(companyMandate.revokedAt),
      ),
    )
    .run().changes;
  if (changed === 0) return false;
  audit({
    actor: user,
    action: "mandate.revoked",
    subjectType: "organisation",
    subjectId: company.orgNumber,
    details: { mandateId },
  });
  return true;
}
