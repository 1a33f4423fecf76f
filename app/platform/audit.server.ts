import { and, count, desc, eq, gte, inArray, like, lte, or, sql, type SQL } from "drizzle-orm";
import { isArea } from "~/domain/areas";
import {
  administration,
  administrationArea,
  auditEvent,
  municipality,
  type AuditEventRow,
} from "../../db/schema/index";
import { placeholderValues, prepared } from "~/db-prepared.server";
import { db } from "~/db.server";
import { commitDurably } from "~/db-durable.server";
import { redact } from "~/utils/logger.server";
import { securityEvent } from "~/monitoring/security-events.server";
import { currentRequestContext } from "~/utils/request-context.server";

/**
 * The audit trail (MISSION.md: traceability). Append-only: this module only inserts, and
 * triggers refuse UPDATE and DELETE on audit_event.
 *
 * Write one for every login and failed login, every change to data, every role change and
 * every time staff open a resident's personal data (then pass `personId`: the resident sees
 * it under "Who has opened my cases" on Mina sidor). Never put a personnummer in `details`
 * (personnummer-shaped digit runs are redacted anyway).
 */
/**
 * Who acted, as audit needs it. Structural on purpose: app/platform sits below app/auth, so it
 * names no identity type; every ResidentUser and StaffUser (app/auth/guards.server.ts) is one.
 */
export interface AuditActor {
  kind: "resident" | "staff";
  personId?: number;
  staffUserId?: number;
  name: string;
  acting?: { kind: "self" | "organisation" };
  roles: readonly AuditActorRole[];
}

interface AuditActorRole {
  role: string;
  municipalityId: number | null;
  area: string | null;
  administrationId: number | null;
}

export interface AuditInput {
  actor: AuditActor | null | "system";
  action: string;
  subjectType: string;
  subjectId?: string | number;
  municipalityId?: number;
  /** The resident whose personal data the event touches (null: none, e.g. an organisation's case). */
  personId?: number | null;
  /** Defaults to the request being served (scripts/serve.mjs sets it). */
  requestId?: string;
  ip?: string;
  details?: Record<string, unknown>;
  /**
   * "refused": an attempt the guards turned away (another municipality's case): the action is
   * stored as `<action>.refused` and counted as a security event (decision 048).
   */
  outcome?: "ok" | "refused";
  /** For events before a session exists (failed logins): who tried. */
  actorHint?: { type: "resident" | "staff"; id?: number; name?: string };
}

function actingRole(
  actor: AuditActor,
  municipalityId?: number,
  area?: string,
): { role: string; administrationId: number | null } {
  if (actor.kind === "resident")
    return { role: actor.acting?.kind === "organisation" ? "representative" : "resident", administrationId: null };
  const matching = (r: AuditActorRole) =>
    municipalityId === undefined || r.municipalityId === null || r.municipalityId === municipalityId;
  const candidates = actor.roles.filter(matching);
  // With samverkan the officer's own municipality differs from the case's: match the area then.
  const officer =
    candidates.find((r) => r.role === "officer" && (area === undefined || r.area === area)) ??
    (area ? actor.roles.find((r) => r.role === "officer" && r.area === area) : undefined);
  const chosen =
    officer ??
    candidates.find((r) => r.role === "editor") ??
    candidates.find((r) => r.role === "admin") ??
    actor.roles[0];
  if (!chosen) return { role: "staff", administrationId: null };
  let administrationId = chosen.administrationId;
  if (chosen.role === "officer" && isArea(chosen.area) && chosen.municipalityId) {
    // Which administration handles the area is run-time data (administration_area, decision 056).
    administrationId =
      db()
        .select({ id: administrationArea.administrationId })
        .from(administrationArea)
        .where(
          and(eq(administrationArea.municipalityId, chosen.municipalityId), eq(administrationArea.area, chosen.area)),
        )
        .get()?.id ?? null;
  }
  return { role: chosen.area ? `${chosen.role}:${chosen.area}` : chosen.role, administrationId };
}

function scrub(details: Record<string, unknown> | undefined): Record<string, unknown> | null {
  if (!details) return null;
  return JSON.parse(redact(JSON.stringify(details))) as Record<string, unknown>;
}

export function audit(event: AuditInput): void {
  const context = currentRequestContext();
  const refused = event.outcome === "refused";
  if (refused) securityEvent("scope_refused");
  const actor = event.actor;
  let actorType = "anonymous";
  let actorId: number | null = null;
  let actorName: string | null = null;
  let actorRole: string | null = null;
  let actorAdministrationId: number | null = null;
  if (actor === "system") actorType = "system";
  else if (actor) {
    actorType = actor.kind;
    actorId = (actor.kind === "staff" ? actor.staffUserId : actor.personId) ?? null;
    actorName = actor.name;
    const area = typeof event.details?.area === "string" ? event.details.area : undefined;
    const r = actingRole(actor, event.municipalityId, area);
    actorRole = r.role;
    actorAdministrationId = r.administrationId;
  } else if (event.actorHint) {
    actorType = event.actorHint.type;
    actorId = event.actorHint.id ?? null;
    actorName = event.actorHint.name ?? null;
  }
  auditInsert().run({
    actorType,
    actorId,
    actorName: actorName ? redact(actorName) : null,
    actorRole,
    actorAdministrationId,
    action: refused ? `${event.action}.refused` : event.action,
    subjectType: event.subjectType,
    subjectId: event.subjectId === undefined ? null : redact(String(event.subjectId)),
    personId: event.personId ?? null,
    municipalityId: event.municipalityId ?? null,
    requestId: event.requestId ?? context?.requestId ?? null,
    ip: event.ip ?? context?.ip ?? null,
    details: storedDetails(scrub(event.details)),
  });
}

/** What drizzle's json column stores: the text, or NULL (a placeholder skips the column's own mapping). */
function storedDetails(details: Record<string, unknown> | null): string | null {
  return details === null ? null : JSON.stringify(details);
}

/**
 * The audit row's insert, built and compiled once per connection (decision 141): a form walk
 * writes two or three and drizzle built the statement each time. `at` keeps its SQL default.
 * Each value is a bare placeholder (inside sql``): the values are passed as stored.
 */
const AUDIT_COLUMNS = [
  "actorType",
  "actorId",
  "actorName",
  "actorRole",
  "actorAdministrationId",
  "action",
  "subjectType",
  "subjectId",
  "personId",
  "municipalityId",
  "requestId",
  "ip",
  "details",
] as const;
const auditInsert = () =>
  prepared("audit.insert", (d) => d.insert(auditEvent).values(placeholderValues(AUDIT_COLUMNS)).prepare());

export interface AuditQuery {
  /** The municipalities the admin may see; null = every event (portal-wide admin). */
  municipalityIds: number[] | null;
  from?: string;
  to?: string;
  action?: string;
  actor?: string;
  subject?: string;
  page?: number;
  pageSize?: number;
}

export function listAuditEvents(q: AuditQuery): { events: AuditEventRow[]; total: number } {
  const where: SQL[] = [];
  if (q.municipalityIds !== null) {
    if (q.municipalityIds.length === 0) return { events: [], total: 0 };
    where.push(inArray(auditEvent.municipalityId, q.municipalityIds));
  }
  if (q.from) where.push(gte(auditEvent.at, q.from));
  if (q.to) where.push(lte(auditEvent.at, `${q.to}T23:59:59.999Z`));
  if (q.action) where.push(like(auditEvent.action, `${q.action}%`));
  if (q.actor) where.push(like(auditEvent.actorName, `%${q.actor}%`));
  if (q.subject)
    where.push(or(like(auditEvent.subjectId, `%${q.subject}%`), like(auditEvent.subjectType, `%${q.subject}%`))!);
  const condition = where.length ? and(...where) : undefined;
  const pageSize = Math.min(q.pageSize ?? 50, 200);
  const page = Math.max(1, q.page ?? 1);
  const events = db()
    .select()
    .from(auditEvent)
    .where(condition)
    .orderBy(desc(auditEvent.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .all();
  const total = db().select({ n: count() }).from(auditEvent).where(condition).get()?.n ?? 0;
  return { events, total };
}

export interface PersonDataAccess {
  at: string;
  action: string;
  subjectType: string;
  subjectId: string | null;
  role: string | null;
  administration: { sv: string; en: string } | null;
  municipality: string | null;
}

/** Staff reads of a resident's personal data, newest first (Mina sidor). No staff names. */
export function listAccessToPersonData(personId: number, limit = 100): PersonDataAccess[] {
  return (
    db()
      .select({
        at: auditEvent.at,
        action: auditEvent.action,
        subjectType: auditEvent.subjectType,
        subjectId: auditEvent.subjectId,
        role: auditEvent.actorRole,
        administrationSv: administration.nameSv,
        administrationEn: administration.nameEn,
        municipality: municipality.name,
      })
      .from(auditEvent)
      .leftJoin(administration, eq(administration.id, auditEvent.actorAdministrationId))
      // The actor's municipality (via their administration): with samverkan it can differ from the case's.
      .leftJoin(
        municipality,
        eq(municipality.id, sql`coalesce(${administration.municipalityId}, ${auditEvent.municipalityId})`),
      )
      .where(and(eq(auditEvent.personId, personId), eq(auditEvent.actorType, "staff")))
      .orderBy(desc(auditEvent.id))
      .limit(limit)
      .all()
      .map((r) => ({
        at: r.at,
        action: r.action,
        subjectType: r.subjectType,
        subjectId: r.subjectId,
        role: r.role,
        administration: r.administrationSv
          ? { sv: r.administrationSv, en: r.administrationEn ?? r.administrationSv }
          : null,
        municipality: r.municipality,
      }))
  );
}

/**
 * An audit row in a commit of its own whose fsync runs off the event loop (`commitDurably`,
 * decision 155): resolves once the row is on disk, so what the caller shows or does after it was
 * logged first. For the rows a person waits behind (a register read of personal data, an
 * officer's action); rows inside a larger commit use `audit` in it.
 */
export function auditDurably(event: AuditInput): Promise<void> {
  return commitDurably(() => audit(event));
}
