import type { Role, StaffRole } from "~/domain/roles";
import type { Area } from "~/domain/areas";

/**
 * The one permission model (deny by default). Pure functions and types only, so that pages
 * may import it to decide what to show; enforcement happens in app/auth/guards.server.ts.
 */
export const PERMISSIONS = [
  "case.read",
  "case.handle",
  // Deciding a case is kept apart from handling: a preparer (beredare) handles and drafts but holds
  // no case.decide, and an officer decides only under a delegation point it holds (decision 077,
  // app/services/decisions.server.ts decisionRight).
  "case.decide",
  "stats.read",
  "content.edit",
  "content.publish",
  "users.admin",
  "audit.read",
  "diarium.admin",
  "municipality.admin",
  // Building and publishing e-service definitions (decision 075): designers, and editors too.
  "eservice.design",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export type { Role, StaffRole };

/**
 * officer and preparer (beredare): municipality × area; editor: municipality × administration, or the whole portal
 * (shared services) when municipalityId is null; contributor (skribent): like an editor of one
 * municipality × administration, but drafts only (never publishes);
 * designer: municipality × administration, builds e-services only (decision 075);
 * admin: municipality, or the whole portal when municipalityId is null.
 */
export interface RoleAssignment {
  role: Role;
  municipalityId: number | null;
  area: Area | null;
  administrationId: number | null;
}

/** Samverkan: `handledByMunicipalityId` handles `area` for `municipalityId`. */
export interface Delegation {
  municipalityId: number;
  area: Area;
  handledByMunicipalityId: number;
}

/** What a permission is checked against; a key left out matches anything. */
export interface Scope {
  municipalityId?: number;
  area?: Area;
  administrationId?: number;
}

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  resident: [],
  representative: [],
  officer: ["case.read", "case.handle", "case.decide", "stats.read"],
  editor: ["content.edit", "content.publish", "eservice.design"],
  contributor: ["content.edit"],
  admin: ["users.admin", "audit.read", "diarium.admin", "municipality.admin"],
  designer: ["eservice.design"],
  preparer: ["case.read", "case.handle", "stats.read"],
};

/** A portal-wide admin (admin role without a municipality): the only one who may add a municipality. */
export function isPortalAdmin(roles: readonly RoleAssignment[]): boolean {
  return roles.some((r) => r.role === "admin" && r.municipalityId === null);
}

/**
 * The concrete scopes a set of role assignments grants for one permission.
 * Delegation moves an area: the handling municipality's officers get it, and the delegating
 * municipality's officers no longer do (one municipality handles a case, docs/decisions).
 */
export function grantedScopes(
  roles: readonly RoleAssignment[],
  delegations: readonly Delegation[],
  allMunicipalityIds: readonly number[],
  permission: Permission,
): Scope[] {
  const out: Scope[] = [];
  const seen = new Set<string>();
  const add = (s: Scope) => {
    const key = `${s.municipalityId ?? "*"}|${s.area ?? "*"}|${s.administrationId ?? "*"}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(s);
  };
  for (const r of roles) {
    if (!ROLE_PERMISSIONS[r.role].includes(permission)) continue;
    if (r.role === "admin") {
      if (r.municipalityId === null) for (const id of allMunicipalityIds) add({ municipalityId: id });
      else add({ municipalityId: r.municipalityId });
    } else if (r.role === "editor" || r.role === "contributor" || r.role === "designer") {
      // A portal-wide editor (no municipality) edits everything, including shared services.
      if (r.municipalityId === null) {
        if (r.role !== "editor") continue; // a contributor or designer always has a municipality
        for (const id of allMunicipalityIds) add({ municipalityId: id });
        continue;
      }
      if (r.administrationId === null) continue;
      add({ municipalityId: r.municipalityId, administrationId: r.administrationId });
    } else if (r.role === "officer" || r.role === "preparer") {
      if (r.municipalityId === null || r.area === null) continue;
      const delegatedAway = delegations.some(
        (d) =>
          d.municipalityId === r.municipalityId && d.area === r.area && d.handledByMunicipalityId !== r.municipalityId,
      );
      if (!delegatedAway) add({ municipalityId: r.municipalityId, area: r.area });
      for (const d of delegations) {
        if (d.handledByMunicipalityId === r.municipalityId && d.area === r.area)
          add({ municipalityId: d.municipalityId, area: d.area });
      }
    }
  }
  return out;
}

/** True when some granted scope agrees with every key the requested scope names. */
export function permits(
  roles: readonly RoleAssignment[],
  delegations: readonly Delegation[],
  allMunicipalityIds: readonly number[],
  permission: Permission,
  scope: Scope = {},
): boolean {
  // A portal-wide admin holds the admin permissions portal-wide even before any municipality
  // exists: on a new production install the first admin must reach /admin to add the first
  // municipality (issue 13, docs/decisions/061). A municipality-scoped check still goes through
  // the concrete scopes below.
  if (scope.municipalityId === undefined && ROLE_PERMISSIONS.admin.includes(permission) && isPortalAdmin(roles))
    return true;
  return grantedScopes(roles, delegations, allMunicipalityIds, permission).some(
    (g) =>
      (scope.municipalityId === undefined ||
        g.municipalityId === undefined ||
        g.municipalityId === scope.municipalityId) &&
      (scope.area === undefined || g.area === undefined || g.area === scope.area) &&
      (scope.administrationId === undefined ||
        g.administrationId === undefined ||
        g.administrationId === scope.administrationId),
  );
}
