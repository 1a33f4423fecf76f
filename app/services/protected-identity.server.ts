import { eq, inArray } from "drizzle-orm";
import { caseTable, person } from "../../db/schema/index";
import { getFormDefinition } from "./forms.server";
import type { Field } from "../../forms/types";
import type { StaffUser } from "~/auth/guards.server";
import { db } from "~/db.server";
import { audit } from "~/platform/audit.server";
import { isProtectedIdentity, type LookupPurpose } from "./population.server";

/**
 * Skyddade personuppgifter (docs/decisions/046). The population register is the source of
 * truth (population.server.ts `isProtectedIdentity`); it is asked at login (person row) and at
 * case creation (case row). What follows from the marker lives here, so every output asks the
 * same questions:
 *  - `withoutAddresses`: the answers of a protected case without any address field;
 *  - `caseIsProtected`: whether a new case involves a protected person;
 *  - `auditIfProtected`: the distinct audit event of every staff read of such a case.
 */

/** The audit action of a staff read of a protected case; the audit view filters on this prefix. */
export const PROTECTED_READ_ACTION = "protected-identity.read";

type Db = Pick<ReturnType<typeof db>, "select">;

/**
 * Whether a case about to be created involves a person with protected personal data: the
 * applicant, the submitter (an organisation's representative) or a person named by register
 * HMAC (a child, a co-guardian). The applicant's and submitter's markers are those stored at their
 * login; the register is asked about the others before the transaction (`anyProtected`).
 */
export function caseIsProtected(tx: Db, input: { personIds: (number | null)[]; involvedProtected: boolean }): boolean {
  if (input.involvedProtected) return true;
  const ids = input.personIds.filter((id): id is number => id !== null);
  const people = ids.length
    ? tx
        .select({ hmac: person.personnummerHmac, marked: person.protectedIdentity })
        .from(person)
        .where(inArray(person.id, ids))
        .all()
    : [];
  return people.some((p) => p.marked);
}

/** Whether the register marks any of these persons (a child, co-guardians), asked before a case is created. */
export async function anyProtected(hmacs: string[], purpose: LookupPurpose): Promise<boolean> {
  const marks = await Promise.all(hmacs.map((h) => isProtectedIdentity(h, purpose)));
  return marks.some(Boolean);
}

function addressFieldNames(fields: Field[]): { top: string[]; inGroups: { group: string; names: string[] }[] } {
  const top: string[] = [];
  const inGroups: { group: string; names: string[] }[] = [];
  for (const f of fields) {
    if (f.type === "address") top.push(f.name);
    else if (f.type === "group") {
      const names = f.fields.filter((g) => g.type === "address").map((g) => g.name);
      if (names.length) inGroups.push({ group: f.name, names });
    }
  }
  return { top, inGroups };
}

/**
 * The answers without any address-type field (also inside repeating groups) when the case is
 * protected; unchanged otherwise. Case types without a form definition (childcare, school,
 * permits) hold no typed address: the register's address is never copied into a case.
 */
export function withoutAddresses<T extends Record<string, unknown>>(
  c: { formId: string; protectedIdentity: boolean },
  answers: T,
): T {
  if (!c.protectedIdentity) return answers;
  const def = getFormDefinition(c.formId);
  if (!def) return answers;
  const { top, inGroups } = addressFieldNames(def.steps.flatMap((s) => s.fields));
  const out: Record<string, unknown> = { ...answers };
  for (const name of top) delete out[name];
  for (const { group, names } of inGroups) {
    const items = out[group];
    if (!Array.isArray(items)) continue;
    out[group] = items.map((item) => {
      if (typeof item !== "object" || item === null) return item;
      const copy = { ...(item as Record<string, unknown>) };
      for (const name of names) delete copy[name];
      return copy;
    });
  }
  return out as T;
}

/**
 * Records a staff read of a protected case with its own action, in addition to the ordinary
 * `case.read` and file events, so the municipal admin can list every such read
 * (/admin/logg?action=protected-identity) and the applicant sees it among the reads of their
 * data. Call it after the scope check, from every staff route that shows a case or its files;
 * it does nothing for an ordinary case.
 */
export function auditIfProtected(input: {
  actor: StaffUser;
  reference: string;
  what: "case" | "attachment" | "application-copy" | "decision";
}): boolean {
  const c = db()
    .select({
      marked: caseTable.protectedIdentity,
      municipalityId: caseTable.municipalityId,
      personId: caseTable.applicantPersonId,
    })
    .from(caseTable)
    .where(eq(caseTable.reference, input.reference.toUpperCase()))
    .get();
  if (!c?.marked) return false;
  audit({
    actor: input.actor,
    action: PROTECTED_READ_ACTION,
    subjectType: "case",
    subjectId: input.reference.toUpperCase(),
    municipalityId: c.municipalityId,
    personId: c.personId ?? undefined,
    details: { what: input.what },
  });
  return true;
}
