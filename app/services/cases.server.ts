import { and, asc, count, desc, eq, ne, or, type SQL } from "drizzle-orm";
import { caseTable, municipality, organisation, person } from "../../db/schema/index";
import type { Area, Scope } from "~/auth/permissions";
import { db } from "~/db.server";

import { decrypt } from "./crypto.server";

/**
 * Minimal case access for the identity issue (who may open which case). The forms and case
 * issues extend this module; keep every function scoped (by staff scopes or by person).
 */
const CLOSED = "closed";

function scopeCondition(scopes: Scope[]): SQL | undefined {
  const parts = scopes
    .filter((s) => s.municipalityId !== undefined)
    .map((s) => (s.area ? and(eq(caseTable.municipalityId, s.municipalityId!), eq(caseTable.area, s.area)) : eq(caseTable.municipalityId, s.municipalityId!)));
  return parts.length ? or(...parts) : undefined;
}

/** Where a case belongs, without any personal data: what a guard needs to decide. */
export function getCaseScope(reference: string): { municipalityId: number; area: Area } | undefined {
  return db().select({ municipalityId: caseTable.municipalityId, area: caseTable.area }).from(caseTable).where(eq(caseTable.reference, reference)).get();
}

export function countOpenCases(scopes: Scope[]): number {
  const cond = scopeCondition(scopes);
  if (!cond) return 0;
  return db().select({ n: count() }).from(caseTable).where(and(cond, ne(caseTable.status, CLOSED))).get()?.n ?? 0;
}

export function listCasesForStaff(scopes: Scope[]) {
  const cond = scopeCondition(scopes);
  if (!cond) return [];
  return db()
    .select({ reference: caseTable.reference, caseType: caseTable.caseType, area: caseTable.area, status: caseTable.status, createdAt: caseTable.createdAt, municipality: municipality.name })
    .from(caseTable)
    .innerJoin(municipality, eq(municipality.id, caseTable.municipalityId))
    .where(cond)
    .orderBy(asc(caseTable.createdAt))
    .all();
}

/** One case with its applicant, only within the staff member's scopes. */
export function getCaseForStaff({ reference, scopes }: { reference: string; scopes: Scope[] }) {
  const cond = scopeCondition(scopes);
  if (!cond) return undefined;
  const row = db()
    .select({
      id: caseTable.id,
      reference: caseTable.reference,
      caseType: caseTable.caseType,
      area: caseTable.area,
      status: caseTable.status,
      createdAt: caseTable.createdAt,
      municipalityId: caseTable.municipalityId,
      municipality: municipality.name,
      applicantPersonId: caseTable.applicantPersonId,
      givenName: person.givenName,
      familyName: person.familyName,
      personnummerEncrypted: person.personnummerEncrypted,
      organisationName: organisation.name,
      orgNumber: organisation.orgNumber,
    })
    .from(caseTable)
    .innerJoin(municipality, eq(municipality.id, caseTable.municipalityId))
    .leftJoin(person, eq(person.id, caseTable.applicantPersonId))
    .leftJoin(organisation, eq(organisation.id, caseTable.applicantOrganisationId))
    .where(and(eq(caseTable.reference, reference), cond))
    .get();
  if (!row) return undefined;
  const { personnummerEncrypted, ...rest } = row;
  return { ...rest, personnummer: personnummerEncrypted ? decrypt(personnummerEncrypted) : null };
}

/** A resident's own cases (as applicant, for themself or an organisation). */
export function listCasesForPerson(personId: number) {
  return db()
    .select({ reference: caseTable.reference, caseType: caseTable.caseType, status: caseTable.status, createdAt: caseTable.createdAt, municipality: municipality.name, organisationName: organisation.name })
    .from(caseTable)
    .innerJoin(municipality, eq(municipality.id, caseTable.municipalityId))
    .leftJoin(organisation, eq(organisation.id, caseTable.applicantOrganisationId))
    .where(eq(caseTable.applicantPersonId, personId))
    .orderBy(desc(caseTable.createdAt))
    .all();
}


