import { createHash, randomBytes } from "node:crypto";
import { createCookie } from "@remix-run/node";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { RequestHead } from "~/utils/request-head";
import { organisation, person, roleAssignment, session, staffUser, type SessionRow } from "../../db/schema/index";
import { db } from "~/db.server";
import { prepared } from "~/db-prepared.server";
import { audit } from "~/platform/audit.server";
import { RegisterUnavailableError } from "~/platform/register-http.server";
import { getRepresentedOrganisation, type RepresentedOrganisation } from "./representation.server";
import { env } from "~/env.server";
import { now } from "~/utils/clock.server";
import { currentRequestContext } from "~/utils/request-context.server";
import type { RoleAssignment } from "./permissions";

/**
 * Sessions are rows in the database referenced by a signed cookie (docs/decisions/007).
 * The cookie carries a random 256-bit token; the row's key is its SHA-256.
 */
export type Acting =
  { kind: "self" } | { kind: "organisation"; organisationId: number; orgNumber: string; name: string };

export interface SessionUser {
  /** The row's key (a hash of the cookie's token, safe to log and compare). */
  sessionId: string;
  kind: "resident" | "staff";
  personId?: number;
  staffUserId?: number;
  name: string;
  /** Residents: the party they act for; undefined until chosen. */
  acting?: Acting;
  /**
   * Residents: the organisation they were acting for until this request, when the register no
   * longer lets them (they are back to acting for themself; the layout says so once).
   */
  actingEnded?: { name: string };
  roles: RoleAssignment[];
  /**
   * Residents: the municipality slug the population register named at login (decision 109): the
   * header's and the forms' municipality while the browser has chosen none.
   */
  homeMunicipality?: string;
  /** Staff: the municipality that employs them. */
  municipalityId?: number | null;
  /** Staff who must change their password before doing anything else. */
  mustChangePassword?: boolean;
}

export type SessionKind = SessionUser["kind"];
export type SessionStage = SessionRow["stage"];

const production = () => env().PORTAL_ENV === "production";
const cookieName = () => (production() ? "__Host-session" : "session");

let cookie: ReturnType<typeof createCookie> | undefined;
function sessionCookie() {
  // No Max-Age: a browser-session cookie; expiry is enforced on the row.
  cookie ??= createCookie(cookieName(), {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: production(),
    secrets: [env().SESSION_SECRET],
  });
  return cookie;
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("base64url");
}

/** Reads the signed cookie; null when absent or tampered with. */
export async function sessionTokenOf(request: RequestHead): Promise<string | null> {
  const value = await sessionCookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" && /^[A-Za-z0-9_-]{43}$/.test(value) ? value : null;
}

function idleSecondsFor(kind: SessionKind): number {
  const e = env();
  return (kind === "staff" ? e.SESSION_IDLE_MINUTES_STAFF : e.SESSION_IDLE_MINUTES_RESIDENT) * 60;
}

/** Is the row usable at `at`? Revoked, past its absolute expiry or idle too long: no. */
export function sessionIsLive(
  row: Pick<SessionRow, "revokedAt" | "expiresAt" | "lastSeenAt" | "idleTimeoutSeconds">,
  at = now(),
): boolean {
  if (row.revokedAt) return false;
  if (new Date(row.expiresAt).getTime() <= at.getTime()) return false;
  return new Date(row.lastSeenAt).getTime() + row.idleTimeoutSeconds * 1000 > at.getTime();
}

/**
 * Starts a session with a fresh id (never reusing the one the browser had: no fixation) and
 * revokes the browser's previous session. Returns the Set-Cookie header.
 */
export async function createSession(
  request: RequestHead,
  data: {
    kind: SessionKind;
    personId?: number;
    staffUserId?: number;
    stage?: SessionStage;
    /** Staff SSO (decision 064): the provider and its session id, for logout there. */
    sso?: { providerId: number; sessionIndex: string | null };
    /** Residents: the municipality the register named at this login (decision 109). */
    homeMunicipality?: string | null;
  },
): Promise<{ sessionId: string; setCookie: string }> {
  const previous = await sessionTokenOf(request);
  if (previous) revokeSession(hashToken(previous));
  const token = randomBytes(32).toString("base64url");
  const at = now();
  const absolute = new Date(at.getTime() + env().SESSION_ABSOLUTE_HOURS * 3600_000);
  const idHash = hashToken(token);
  db()
    .insert(session)
    .values({
      idHash,
      kind: data.kind,
      personId: data.personId ?? null,
      staffUserId: data.staffUserId ?? null,
      stage: data.stage ?? "active",
      // The provider's ID token is never kept: it carries the personnummer (review §7).
      idToken: null,
      createdAt: at.toISOString(),
      lastSeenAt: at.toISOString(),
      expiresAt: absolute.toISOString(),
      // Between password and second factor the window is short.
      idleTimeoutSeconds: data.stage && data.stage !== "active" ? 10 * 60 : idleSecondsFor(data.kind),
      ip: currentRequestContext()?.ip ?? null,
      userAgent: request.headers.get("User-Agent")?.slice(0, 300) ?? null,
      ssoProviderId: data.sso?.providerId ?? null,
      ssoSessionIndex: data.sso?.sessionIndex?.slice(0, 200) ?? null,
      homeMunicipality: data.kind === "resident" ? (data.homeMunicipality ?? null) : null,
    })
    .run();
  return { sessionId: idHash, setCookie: await sessionCookie().serialize(token) };
}

/** The Set-Cookie header that removes the session cookie. */
export async function clearSessionCookie(): Promise<string> {
  return sessionCookie().serialize("", { maxAge: 0, expires: new Date(0) });
}

export function revokeSession(sessionId: string) {
  db()
    .update(session)
    .set({ revokedAt: now().toISOString() })
    .where(and(eq(session.idHash, sessionId), isNull(session.revokedAt)))
    .run();
}

/** "Log out everywhere": every session of the person or staff user. Returns how many. */
export function revokeAllSessions(owner: { personId: number } | { staffUserId: number }): number {
  const where = "personId" in owner ? eq(session.personId, owner.personId) : eq(session.staffUserId, owner.staffUserId);
  return db()
    .update(session)
    .set({ revokedAt: now().toISOString() })
    .where(and(where, isNull(session.revokedAt)))
    .run().changes;
}

/** The live row behind the request's cookie, in any stage; touches last-seen (at most once a minute). */
export async function getSessionRow(request: RequestHead): Promise<SessionRow | null> {
  const token = await sessionTokenOf(request);
  if (!token) return null;
  // Every signed-in request runs these: prepared once (decision 120).
  const row = prepared("session.row", (d) =>
    d
      .select()
      .from(session)
      .where(eq(session.idHash, sql.placeholder("idHash")))
      .prepare(),
  ).get({ idHash: hashToken(token) });
  if (!row) return null;
  const at = now();
  if (!sessionIsLive(row, at)) return null;
  if (at.getTime() - new Date(row.lastSeenAt).getTime() > 60_000) {
    db().update(session).set({ lastSeenAt: at.toISOString() }).where(eq(session.idHash, row.idHash)).run();
  }
  return row;
}

const memo = new WeakMap<RequestHead, Promise<SessionUser | null>>();

/** The signed-in user of a request, or null. Memoised per request (root and route loaders). */
export function getSessionUser(request: RequestHead): Promise<SessionUser | null> {
  let pending = memo.get(request);
  if (!pending) {
    pending = loadSessionUser(request);
    memo.set(request, pending);
  }
  return pending;
}

async function loadSessionUser(request: RequestHead): Promise<SessionUser | null> {
  const row = await getSessionRow(request);
  if (!row || row.stage !== "active") return null;
  if (row.kind === "resident" && row.personId && row.actingKind === "organisation" && row.actingOrganisationId)
    return sessionUserOf(row, await recheckActing(row.personId, row.actingOrganisationId));
  return sessionUserOf(row);
}

/**
 * The signed-in user as getSessionUser finds it (the same row, liveness checks and last-seen
 * touch), for Mina sidor's render cache (decision 124), which never asks a register: a session
 * acting for an organisation (whose right is re-checked on every request) gives "organisation"
 * and the cache steps aside.
 */
export async function getSessionUserUnlessActingForOrganisation(
  request: RequestHead,
): Promise<SessionUser | null | "organisation"> {
  const row = await getSessionRow(request);
  if (!row || row.stage !== "active") return null;
  if (row.actingKind === "organisation") return "organisation";
  return sessionUserOf(row);
}

/**
 * Asked again on every request (decisions 047, 069): a revoked or ended mandate loses the
 * company's cases at once; the company register's answer is kept for five minutes, and when the
 * register cannot confirm the right (no answer and no recent one) the acting ends too.
 */
async function recheckActing(
  personId: number,
  organisationId: number,
): Promise<{ organisation: RepresentedOrganisation | undefined; reason: string }> {
  try {
    const o = await getRepresentedOrganisation(personId, organisationId, "acting-recheck");
    return { organisation: o, reason: "representation no longer in the register" };
  } catch (error) {
    if (!(error instanceof RegisterUnavailableError)) throw error;
    return { organisation: undefined, reason: "the company register did not answer" };
  }
}

export function sessionUserOf(
  row: Pick<SessionRow, "idHash" | "kind" | "personId" | "staffUserId" | "actingKind" | "actingOrganisationId"> &
    Partial<Pick<SessionRow, "homeMunicipality">>,
  /** The acting re-check's outcome (loadSessionUser); without it, acting for an organisation ends. */
  checked?: { organisation: RepresentedOrganisation | undefined; reason: string },
): SessionUser | null {
  if (row.kind === "resident" && row.personId) {
    const p = prepared("session.person", (d) =>
      d
        .select()
        .from(person)
        .where(eq(person.id, sql.placeholder("id")))
        .prepare(),
    ).get({ id: row.personId });
    if (!p) return null;
    let acting: Acting | undefined;
    let actingEnded: SessionUser["actingEnded"];
    if (row.actingKind === "self") acting = { kind: "self" };
    if (row.actingKind === "organisation" && row.actingOrganisationId) {
      const o = checked?.organisation?.id === row.actingOrganisationId ? checked.organisation : undefined;
      if (o) acting = { kind: "organisation", organisationId: o.id, orgNumber: o.orgNumber, name: o.name };
      else {
        const gone = db()
          .select({ name: organisation.name, orgNumber: organisation.orgNumber })
          .from(organisation)
          .where(eq(organisation.id, row.actingOrganisationId))
          .get();
        setActing(row.idHash, { kind: "self" });
        acting = { kind: "self" };
        actingEnded = { name: gone?.name ?? "" };
        audit({
          actor: null,
          action: "party.revoked",
          subjectType: "organisation",
          subjectId: gone?.orgNumber ?? String(row.actingOrganisationId),
          personId: p.id,
          details: { reason: checked?.reason ?? "not re-checked" },
        });
      }
    }
    const roles: RoleAssignment[] = [{ role: "resident", municipalityId: null, area: null, administrationId: null }];
    if (acting?.kind === "organisation")
      roles.push({ role: "representative", municipalityId: null, area: null, administrationId: null });
    return {
      sessionId: row.idHash,
      kind: "resident",
      personId: p.id,
      name: `${p.givenName} ${p.familyName}`,
      acting,
      roles,
      ...(actingEnded ? { actingEnded } : {}),
      ...(row.homeMunicipality ? { homeMunicipality: row.homeMunicipality } : {}),
    };
  }
  if (row.kind === "staff" && row.staffUserId) {
    const u = prepared("session.staff", (d) =>
      d
        .select()
        .from(staffUser)
        .where(eq(staffUser.id, sql.placeholder("id")))
        .prepare(),
    ).get({ id: row.staffUserId });
    if (!u || u.disabledAt) return null;
    const roles = prepared("session.roles", (d) =>
      d
        .select({
          role: roleAssignment.role,
          municipalityId: roleAssignment.municipalityId,
          area: roleAssignment.area,
          administrationId: roleAssignment.administrationId,
        })
        .from(roleAssignment)
        .where(eq(roleAssignment.staffUserId, sql.placeholder("id")))
        .prepare(),
    ).all({ id: u.id });
    return {
      sessionId: row.idHash,
      kind: "staff",
      staffUserId: u.id,
      name: u.name,
      roles,
      municipalityId: u.municipalityId,
      mustChangePassword: u.mustChangePassword,
    };
  }
  return null;
}

/** Records the party a resident acts for (party selection). */
export function setActing(
  sessionId: string,
  acting: { kind: "self" } | { kind: "organisation"; organisationId: number },
) {
  db()
    .update(session)
    .set({
      actingKind: acting.kind,
      actingOrganisationId: acting.kind === "organisation" ? acting.organisationId : null,
    })
    .where(eq(session.idHash, sessionId))
    .run();
}
