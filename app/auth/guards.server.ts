import { redirect } from "@remix-run/node";
import { isNull } from "drizzle-orm";
import type { RequestHead } from "~/utils/request-head";
import { areaDelegation, municipality } from "../../db/schema/index";
import { prepared } from "~/db-prepared.server";
import { grantedScopes, permits, type Delegation, type Permission, type Scope } from "./permissions";
import { getSessionUser, type SessionUser } from "./session.server";

/**
 * The identity vocabulary (docs/decisions/052). The guards every loader and action starts with
 * (deny by default):
 *   const user = await requireResident(request);
 *   const staff = await requireStaff(request, "case.read", { municipalityId, area });
 * Services take these two types as they are; no module wraps them in a type of its own.
 */
/** A signed-in resident: `personId`, `name`, and `acting` (undefined until a party is chosen). */
export type ResidentUser = SessionUser & { kind: "resident"; personId: number };
/** A signed-in staff member: `staffUserId`, `name`, `roles` (check them with canStaff/staffScopes). */
export type StaffUser = SessionUser & { kind: "staff"; staffUserId: number };

/**
 * Where to return after logging in. An absurdly long address (a hostile or broken link) is cut
 * back to its path, or to the start page, so the redirect's Location header stays small.
 */
function here(request: RequestHead): string {
  const url = new URL(request.url);
  const full = `${url.pathname}${url.search}`;
  if (full.length <= 1000) return full;
  return url.pathname.length <= 1000 ? url.pathname : "/";
}

/** The signed-in resident, or null (anonymous visitors may use some e-services). */
export async function getResidentUser(request: RequestHead): Promise<ResidentUser | null> {
  const user = await getSessionUser(request);
  return user?.kind === "resident" && user.personId ? (user as ResidentUser) : null;
}

/**
 * A signed-in resident; anonymous visitors go to the login. With `partyChosen` (e-services that
 * file a case for the party acted for) a resident who has not yet chosen whom they act for is
 * sent to the party choice first, so `acting` is set.
 */
export async function requireResident(
  request: RequestHead,
  options: { partyChosen?: boolean } = {},
): Promise<ResidentUser> {
  const user = await getResidentUser(request);
  if (!user) throw redirect(`/logga-in?redirectTo=${encodeURIComponent(here(request))}`);
  if (options.partyChosen && !user.acting) {
    throw redirect(`/valj-part?redirectTo=${encodeURIComponent(here(request))}`);
  }
  return user;
}

/** A signed-in staff member, whatever their roles (the staff start page, password change). */
export async function requireStaffUser(
  request: RequestHead,
  options: { allowPasswordChange?: boolean } = {},
): Promise<StaffUser> {
  const user = await getSessionUser(request);
  if (user?.kind !== "staff" || !user.staffUserId) {
    throw redirect(`/personal/logga-in?redirectTo=${encodeURIComponent(here(request))}`);
  }
  if (user.mustChangePassword && !options.allowPasswordChange) {
    throw redirect(`/personal/byt-losenord?redirectTo=${encodeURIComponent(here(request))}`);
  }
  return user as StaffUser;
}

/** Redirects anonymous visitors to the staff login; 403 when the roles do not permit. */
export async function requireStaff(request: RequestHead, permission: Permission, scope?: Scope): Promise<StaffUser> {
  const user = await requireStaffUser(request);
  if (!canStaff(user, permission, scope)) {
    throw new Response("Forbidden", { status: 403, statusText: "Forbidden" });
  }
  return user;
}

// Both tables are tiny and change rarely; read them fresh each time to stay correct after edits.
// Prepared once per connection (decision 120): an officer's request asks them up to six times, and
// drizzle's building of the SQL text cost more than the reads (decision 143).
function delegations(): Delegation[] {
  return prepared("guards.delegations", (d) =>
    d.select().from(areaDelegation).where(isNull(areaDelegation.endedAt)).prepare(),
  ).all();
}

function municipalityIds(): number[] {
  return prepared("guards.municipality-ids", (d) => d.select({ id: municipality.id }).from(municipality).prepare())
    .all()
    .map((m) => m.id);
}

export function canStaff(user: SessionUser | null, permission: Permission, scope?: Scope): boolean {
  if (!user || user.kind !== "staff") return false;
  return permits(user.roles, delegations(), municipalityIds(), permission, scope);
}

/**
 * Where a staff user may use a permission, for list queries: concrete scopes with a
 * municipalityId and, for officers, an area (delegated areas included).
 */
export function staffScopes(user: SessionUser, permission: Permission): Scope[] {
  if (user.kind !== "staff") return [];
  return grantedScopes(user.roles, delegations(), municipalityIds(), permission);
}

/** The municipality ids of `staffScopes` (e.g. for the audit search). */
export function staffMunicipalityIds(user: SessionUser, permission: Permission): number[] {
  return [
    ...new Set(
      staffScopes(user, permission)
        .map((s) => s.municipalityId)
        .filter((id): id is number => id !== undefined),
    ),
  ];
}

/**
 * The municipalities an administrator manages: null for a portal-wide admin (everything,
 * including portal-level events without a municipality), else the list.
 */
export function adminMunicipalities(
  user: SessionUser,
  permission: "users.admin" | "audit.read" | "diarium.admin",
): number[] | null {
  if (user.roles.some((r) => r.role === "admin" && r.municipalityId === null)) return null;
  return staffMunicipalityIds(user, permission);
}

/**
 * 403 unless the user is a portal-wide administrator: for what belongs to the whole portal
 * (maxtaxa, samverkan, scheduled jobs; docs/decisions/053, 060).
 */
export async function requirePortalAdmin(request: RequestHead): Promise<StaffUser> {
  const admin = await requireStaff(request, "users.admin");
  if (adminMunicipalities(admin, "users.admin") !== null)
    throw new Response("Forbidden", { status: 403, statusText: "Forbidden" });
  return admin;
}
