/**
 * What a municipal admin may do to another staff account's credentials. Reset (new temporary
 * password, TOTP re-enrolment) and disable/enable hand over or cut off every right the account
 * has, so they are allowed only when the admin's scope covers EVERY role assignment the account
 * holds; anything wider needs a portal-wide admin (review 2026-12-03 §5, docs/decisions/044).
 * Each outcome, refusals included, is audited. Role grants and removals live here too, so the
 * route /admin/anvandare/:id keeps only guard, parse, one call (changeStaffAccount), respond.
 */
import { audit } from "~/platform/audit.server";
import type { StaffUser } from "./guards.server";
import { isArea } from "~/domain/areas";
import { type StaffRole } from "./permissions";
import { revokeAllSessions } from "./session.server";
import {
  addRoleAssignment,
  listAdministrationsOf,
  removeRoleAssignment,
  resetStaffUser,
  setStaffUserDisabled,
  type StaffListItem,
} from "./staff.server";

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

const STAFF_ROLES: readonly StaffRole[] = ["officer", "preparer", "editor", "contributor", "admin", "designer"];
const isStaffRole = (value: string): value is StaffRole => (STAFF_ROLES as readonly string[]).includes(value);

/** What the admin asked for, as posted (strings as the form sent them; checked here). */
export type StaffAccountChange =
  | { intent: "addRole"; role: string; municipalityId: string; area: string; administrationId: string }
  | { intent: "removeRole"; assignmentId: string }
  | { intent: AccountAction }
  | { intent: "unknown" };

/** i18n keys (auth namespace) by form field. */
type FieldErrors = Partial<Record<string, string>>;

export type StaffAccountResult =
  | { ok: true; flash: "flash.roleAdded" | "flash.roleRemoved" | "flash.userDisabled" | "flash.userEnabled" }
  | { ok: true; temporaryPassword: string }
  | { ok: false; status: 400 | 403; errors: FieldErrors };

const refused = (errors: FieldErrors, status: 400 | 403 = 400): StaffAccountResult => ({ ok: false, status, errors });

/**
 * One change an admin makes to another staff account: grant a role (within the admin's
 * municipalities; officers need an area, editors and contributors an administration of that
 * municipality), remove one (the account's sessions end, so the right goes at once), or reset,
 * disable, enable (applyAccountAction). Nobody changes their own account here.
 */
export async function changeStaffAccount(input: {
  admin: StaffUser;
  scope: number[] | null;
  target: StaffListItem;
  change: StaffAccountChange;
}): Promise<StaffAccountResult> {
  const { admin, scope, target, change } = input;
  if (target.id === admin.staffUserId) return refused({ intent: "admin.user.errors.self" });
  if (change.intent === "addRole") return grantRole(admin, scope, target, change);
  if (change.intent === "removeRole") return revokeRole(admin, scope, target, Number(change.assignmentId));
  if (change.intent === "reset" || change.intent === "disable" || change.intent === "enable") {
    const result = await applyAccountAction({ admin, scope, target, action: change.intent });
    if (!result.ok) return refused({ intent: result.error }, result.status);
    if (change.intent === "reset") return { ok: true, temporaryPassword: result.temporaryPassword ?? "" };
    return { ok: true, flash: change.intent === "disable" ? "flash.userDisabled" : "flash.userEnabled" };
  }
  return refused({ intent: "admin.user.errors.intent" });
}

function grantRole(
  admin: StaffUser,
  scope: number[] | null,
  target: StaffListItem,
  change: Extract<StaffAccountChange, { intent: "addRole" }>,
): StaffAccountResult {
  const { role, area } = change;
  const m = Number(change.municipalityId);
  const administrationId = Number(change.administrationId);
  const errors: FieldErrors = {};
  if (!isStaffRole(role)) errors.role = "admin.user.errors.role";
  if (!Number.isInteger(m) || (scope !== null && !scope.includes(m)))
    errors.municipalityId = "admin.users.errors.municipality";
  const byArea = role === "officer" || role === "preparer";
  if (byArea && !isArea(area)) errors.area = "admin.user.errors.area";
  const administration = listAdministrationsOf(scope).find((a) => a.id === administrationId);
  const byAdministration = role === "editor" || role === "contributor" || role === "designer";
  if (byAdministration && (!administration || administration.municipalityId !== m))
    errors.administrationId = "admin.user.errors.administration";
  if (Object.keys(errors).length || !isStaffRole(role)) return refused(errors);
  const created = addRoleAssignment({
    staffUserId: target.id,
    role,
    municipalityId: m,
    area: byArea && isArea(area) ? area : null,
    administrationId: byAdministration ? administrationId : null,
    createdBy: admin.staffUserId,
  });
  if (created === null) return refused({ role: "admin.user.errors.duplicate" });
  audit({
    actor: admin,
    action: "role.granted",
    subjectType: "staff_user",
    subjectId: target.id,
    municipalityId: m,
    details: {
      role,
      area: role === "officer" ? area : undefined,
      administrationId: byAdministration ? administrationId : undefined,
    },
  });
  return { ok: true, flash: "flash.roleAdded" };
}

function revokeRole(
  admin: StaffUser,
  scope: number[] | null,
  target: StaffListItem,
  assignmentId: number,
): StaffAccountResult {
  const assignment = target.roles.find((r) => r.id === assignmentId);
  // A municipal admin may only remove roles within their municipalities.
  if (
    !assignment ||
    (scope !== null && (assignment.municipalityId === null || !scope.includes(assignment.municipalityId)))
  )
    return refused({ intent: "admin.user.errors.role" });
  removeRoleAssignment(target.id, assignment.id);
  revokeAllSessions({ staffUserId: target.id });
  audit({
    actor: admin,
    action: "role.revoked",
    subjectType: "staff_user",
    subjectId: target.id,
    municipalityId: assignment.municipalityId ?? target.municipalityId ?? undefined,
    details: { role: assignment.role, area: assignment.area, administrationId: assignment.administrationId },
  });
  return { ok: true, flash: "flash.roleRemoved" };
}
