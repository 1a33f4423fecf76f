/**
 * What a municipal admin may do to another staff account's credentials. Reset (new temporary
 * password, TOTP re-enrolment) and disable/enable hand over or cut off every right the account
 * has, so they are allowed only when the admin's scope covers EVERY role assignment the account
 * holds; anything wider needs a portal-wide admin (review 2026-12-03 §5, docs/decisions/044).
 * Each outcome, refusals included, is audited.
 */
import { audit } from "~/platform/audit.server";
import type { StaffUser } from "./guards.server";
import { revokeAllSessions } from "./session.server";
import { resetStaffUser, setStaffUserDisabled, type StaffListItem } from "./staff.server";

export type AccountAction = "reset" | "disable" | "enable";

/** Does an admin with these municipalities (null = portal-wide) cover every role of the account? */
export function adminCoversAccount(scope: number[] | null, target: Pick<StaffListItem, "roles">): boolean {
  if (scope === null) return true;
  return target.roles.every((r) => r.municipalityId !== null && scope.includes(r.municipalityId));
}

export type AccountActionResult =
  { ok: true; temporaryPassword?: string } | { ok: false; status: 403; error: "admin.user.errors.outsideScope" };

export async function applyAccountAction(input: {
  admin: StaffUser;
  scope: number[] | null;
  target: StaffListItem;
  action: AccountAction;
}): Promise<AccountActionResult> {
  const { admin, scope, target, action } = input;
  const municipalityId = target.municipalityId ?? undefined;
  const auditAction = action === "reset" ? "staff_user.reset" : `staff_user.${action}d`;
  if (!adminCoversAccount(scope, target)) {
    // Written under every municipality the account has rights in, so each of their admins sees the attempt.
    const places = new Set<number | undefined>([
      municipalityId,
      ...target.roles.map((r) => r.municipalityId ?? undefined),
    ]);
    for (const m of places)
      audit({
        actor: admin,
        action: `${auditAction}.refused`,
        subjectType: "staff_user",
        subjectId: target.id,
        municipalityId: m,
        details: { reason: "rolesOutsideScope" },
      });
    return { ok: false, status: 403, error: "admin.user.errors.outsideScope" };
  }
  if (action === "reset") {
    const temporaryPassword = await resetStaffUser(target.id);
    revokeAllSessions({ staffUserId: target.id });
    audit({ actor: admin, action: auditAction, subjectType: "staff_user", subjectId: target.id, municipalityId });
    return { ok: true, temporaryPassword };
  }
  setStaffUserDisabled(target.id, action === "disable");
  if (action === "disable") revokeAllSessions({ staffUserId: target.id });
  audit({ actor: admin, action: auditAction, subjectType: "staff_user", subjectId: target.id, municipalityId });
  return { ok: true };
}
