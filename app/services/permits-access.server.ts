/**
 * How the building-permit e-service and the back office use identity (app/auth/*): the
 * resident with the party they act for, the officer with concrete municipality × area scopes
 * (delegations included), colleagues for assignment, and the audit trail. One small adapter so
 * services take plain, typed users.
 */
import { redirect } from "@remix-run/node";
import { areaDelegation, municipality, roleAssignment, staffUser } from "../../db/schema/index";
import { isNull } from "drizzle-orm";
import {
  requireResident as requireResidentSession,
  requireStaff as requireStaffSession,
  staffScopes as identityScopes,
  type StaffUser as IdentityStaffUser,
} from "~/auth/guards.server";
import {
  grantedScopes,
  type Area,
  type Permission as IdentityPermission,
  type RoleAssignment,
} from "~/auth/permissions";
import type { SessionUser } from "~/auth/session.server";
import { db } from "~/db.server";
import { audit as identityAudit } from "~/services/audit.server";
import { securityEvent } from "~/monitoring/security-events.server";

export type { Area };

/** The back office's needs, mapped onto identity's permissions: deciding is handling; statistics are reading. */
export type Permission = "case.read" | "case.handle" | "case.decide" | "stats.read";
const IDENTITY_PERMISSION: Record<Permission, IdentityPermission> = {
  "case.read": "case.read",
  "case.handle": "case.handle",
  "case.decide": "case.handle",
  "stats.read": "case.read",
};

export interface ResidentUser {
  kind: "resident";
  personId: number;
  name: string;
  session: SessionUser;
  acting:
    { kind: "self" } | { kind: "organisation"; organisationId: number; organisationsnummer: string; name: string };
}

export interface StaffUser {
  kind: "staff";
  id: number;
  name: string;
  session: IdentityStaffUser;
}

function here(request: Request) {
  const url = new URL(request.url);
  return `${url.pathname}${url.search}`;
}

/** A signed-in resident who has chosen whom they act for (party selection first otherwise). */
export async function requireResident(request: Request): Promise<ResidentUser> {
  const user = await requireResidentSession(request);
  if (!user.acting) throw redirect(`/valj-part?redirectTo=${encodeURIComponent(here(request))}`);
  const acting: ResidentUser["acting"] =
    user.acting.kind === "organisation"
      ? {
          kind: "organisation",
          organisationId: user.acting.organisationId,
          organisationsnummer: user.acting.orgNumber,
          name: user.acting.name,
        }
      : { kind: "self" };
  return { kind: "resident", personId: user.personId, name: user.name, session: user, acting };
}

export async function requireStaff(request: Request, permission: Permission): Promise<StaffUser> {
  const user = await requireStaffSession(request, IDENTITY_PERMISSION[permission]);
  return { kind: "staff", id: user.staffUserId, name: user.name, session: user };
}

export interface Scope {
  municipalityId: number;
  municipality: string;
  area: Area;
}

function slugs(): Map<number, string> {
  return new Map(
    db()
      .select({ id: municipality.id, slug: municipality.slug })
      .from(municipality)
      .all()
      .map((m) => [m.id, m.slug]),
  );
}

/** Concrete municipality × area pairs where the officer holds `permission` (delegations included). */
export function staffScopes(user: StaffUser, permission: Permission): Scope[] {
  const names = slugs();
  return identityScopes(user.session, IDENTITY_PERMISSION[permission])
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

export interface AuditEvent {
  actor: StaffUser | ResidentUser;
  action: string;
  /** Case reference. */
  subject: string;
  municipalityId?: number;
  /** The resident whose personal data the event touches (shown to them on Mina sidor). */
  personId?: number | null;
  outcome?: "ok" | "refused";
  details?: Record<string, unknown>;
}

/** Into identity's append-only audit trail; refused attempts carry outcome "refused". */
export function audit(_request: Request | undefined, event: AuditEvent): void {
  if (event.outcome === "refused") securityEvent("scope_refused");
  identityAudit({
    actor: event.actor.session,
    action: event.outcome === "refused" ? `${event.action}.refused` : event.action,
    subjectType: "case",
    subjectId: event.subject,
    municipalityId: event.municipalityId,
    personId: event.personId ?? undefined,
    details: event.details,
  });
}
