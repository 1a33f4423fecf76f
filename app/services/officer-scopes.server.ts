/**
 * The back office's view of an officer's reach: concrete municipality × area pairs (delegations
 * included, with the municipality's slug for filters) and the colleagues a case can be assigned
 * to. Identity itself (guards, users, permissions) is app/auth; this only narrows it for queries.
 */
import { isNull } from "drizzle-orm";
import { municipality, roleAssignment, areaDelegation, staffUser } from "../../db/schema/index";
import { staffScopes, type StaffUser } from "~/auth/guards.server";
import { grantedScopes, type Permission, type RoleAssignment } from "~/auth/permissions";
import type { Area } from "~/domain/areas";
import { db } from "~/db.server";
import { prepared } from "~/db-prepared.server";

/** One municipality × area where an officer holds a permission. */
export interface CaseScope {
  municipalityId: number;
  /** The municipality's slug (what the queue's filter names). */
  municipality: string;
  area: Area;
}

function slugs(): Map<number, string> {
  return new Map(
    prepared("officer-scopes.slugs", (d) =>
      d.select({ id: municipality.id, slug: municipality.slug }).from(municipality).prepare(),
    )
      .all()
      .map((m) => [m.id, m.slug]),
  );
}

/** Concrete municipality × area pairs where the officer holds `permission` (delegations included). */
export function officerScopes(user: StaffUser, permission: Permission): CaseScope[] {
  const names = slugs();
  return staffScopes(user, permission)
    .filter((s): s is { municipalityId: number; area: Area } => s.municipalityId !== undefined && s.area !== undefined)
    .map((s) => ({ municipalityId: s.municipalityId, area: s.area, municipality: names.get(s.municipalityId) ?? "" }));
}

/** Officers (enabled accounts) who may handle cases in this scope, for assignment. */
export function colleaguesFor(scope: { municipalityId: number; area: string }): { id: number; name: string }[] {
  const roles = db().select().from(roleAssignment).all();
  const delegations = db().select().from(areaDelegation).where(isNull(areaDelegation.endedAt)).all();
  const ids = [...slugs().keys()];
  return db()
    .select({ id: staffUser.id, name: staffUser.name })
    .from(staffUser)
    .where(isNull(staffUser.disabledAt))
    .all()
    .filter((s) => {
      const mine: RoleAssignment[] = roles
        .filter((r) => r.staffUserId === s.id)
        .map((r) => ({
          role: r.role,
          municipalityId: r.municipalityId,
          area: r.area,
          administrationId: r.administrationId,
        }));
      return grantedScopes(mine, delegations, ids, "case.handle").some(
        (g) => g.municipalityId === scope.municipalityId && g.area === scope.area,
      );
    })
    .sort((a, b) => a.name.localeCompare(b.name, "sv"));
}
