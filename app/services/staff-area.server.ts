import { and, eq, inArray } from "drizzle-orm";
import type { RequestHead } from "~/utils/request-head";
import { requireStaff, staffScopes, type StaffUser } from "~/auth/guards.server";
import { type Area } from "~/domain/areas";
import type { Permission } from "~/auth/permissions";
import { caseParty, caseTable, person } from "../../db/schema/index";
import { db } from "~/db.server";
import { audit } from "~/platform/audit.server";
import { auditIfProtected } from "./protected-identity.server";

/**
 * The officer's simple childcare and school views are guarded by area: the municipalities
 * (own and delegated) where the user holds `permission` for that area. 403 when none.
 */
export async function requireStaffArea(
  request: RequestHead,
  permission: Permission,
  area: Area,
): Promise<{ user: StaffUser; municipalityIds: number[] }> {
  const user = await requireStaff(request, permission);
  const municipalityIds = [
    ...new Set(
      staffScopes(user, permission)
        .filter((s) => s.area === undefined || s.area === area)
        .map((s) => s.municipalityId)
        .filter((id): id is number => id !== undefined),
    ),
  ];
  if (municipalityIds.length === 0) throw new Response("Forbidden", { status: 403 });
  return { user, municipalityIds };
}

/**
 * Records that an officer opened a case's personal data, once for each resident party who has
 * a person row (applicant and co-guardians), so each sees it under "Who has opened my cases".
 */
export function auditStaffCaseRead(input: {
  user: StaffUser;
  caseId: number;
  reference: string;
  municipalityId: number;
  area: Area;
}) {
  const c = db()
    .select({ a: caseTable.applicantPersonId, protectedIdentity: caseTable.protectedIdentity })
    .from(caseTable)
    .where(eq(caseTable.id, input.caseId))
    .get();
  // A protected case is not the other parties' to know of (docs/decisions/046): not even in
  // their access log. The applicant alone sees the read.
  const hmacs = c?.protectedIdentity
    ? []
    : db()
        .select({ h: caseParty.personnummerHmac })
        .from(caseParty)
        .where(eq(caseParty.caseId, input.caseId))
        .all()
        .map((r) => r.h);
  const parties = hmacs.length
    ? db()
        .select({ id: person.id })
        .from(person)
        .where(and(inArray(person.personnummerHmac, hmacs)))
        .all()
        .map((p) => p.id)
    : [];
  const ids = [...new Set([...(c?.a ? [c.a] : []), ...parties])];
  for (const personId of ids.length ? ids : [undefined]) {
    audit({
      actor: input.user,
      action: "case.read",
      subjectType: "case",
      subjectId: input.reference,
      municipalityId: input.municipalityId,
      personId,
      details: { area: input.area },
    });
  }
  auditIfProtected({ actor: input.user, reference: input.reference, what: "case" });
}
