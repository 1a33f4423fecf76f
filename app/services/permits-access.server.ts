/**
 * The building-permit e-service and the back office reach identity only through this module.
 *
 * Until feat/identity lands (sessions, OIDC, staff login + TOTP, permissions, audit), this is a
 * stand-in with the same shapes as that contract: `requireResident`, `requireStaff`,
 * `staffScopes`, `audit`. It keeps a signed cookie set by the development-only page
 * /testinloggning (refused when PORTAL_ENV=production). At merge, each function body becomes a
 * call to app/auth/*; routes and services do not change (docs/decisions/027).
 */
import { createCookie, redirect } from "@remix-run/node";
import { organisations, representations, testPersons } from "../../db/seed/content/people";
import { env } from "~/env.server";
import { listMunicipalities } from "~/services/municipalities.server";
import { log } from "~/utils/logger.server";

export type Permission = "case.read" | "case.handle" | "case.decide" | "stats.read";
export type Area = "barnomsorg" | "skola" | "bygglov" | "allmant";

export interface ResidentUser {
  kind: "resident";
  personId: number;
  personnummer: string;
  name: string;
  acting: { kind: "self" } | { kind: "organisation"; organisationId: number; organisationsnummer: string; name: string };
}

export interface StaffRole {
  municipality: string;
  area: Area;
  permissions: Permission[];
}

export interface StaffUser {
  kind: "staff";
  id: number;
  username: string;
  name: string;
  /** Home municipality (slug). */
  municipality: string;
  roles: StaffRole[];
  /** Samverkan: areas of other municipalities this officer handles. */
  delegations: StaffRole[];
}

const ALL: Permission[] = ["case.read", "case.handle", "case.decide", "stats.read"];

/** Stand-in staff roster (mirrors the identity branch's seeded officers as far as known). */
export const STANDIN_STAFF: StaffUser[] = [
  {
    kind: "staff",
    id: 101,
    username: "anna.bengtsfors",
    name: "Anna Berglund",
    municipality: "bengtsfors",
    roles: [
      { municipality: "bengtsfors", area: "bygglov", permissions: ALL },
      { municipality: "bengtsfors", area: "allmant", permissions: ["case.read", "case.handle"] },
    ],
    // Bengtsfors' building office handles Dals-Ed's building permits (samverkan).
    delegations: [{ municipality: "dals-ed", area: "bygglov", permissions: ALL }],
  },
  {
    kind: "staff",
    id: 102,
    username: "bo.bengtsfors",
    name: "Bo Ekström",
    municipality: "bengtsfors",
    roles: [{ municipality: "bengtsfors", area: "bygglov", permissions: ALL }],
    delegations: [{ municipality: "dals-ed", area: "bygglov", permissions: ALL }],
  },
  {
    kind: "staff",
    id: 201,
    username: "frida.fargelanda",
    name: "Frida Gran",
    municipality: "fargelanda",
    roles: [
      { municipality: "fargelanda", area: "bygglov", permissions: ALL },
      { municipality: "fargelanda", area: "allmant", permissions: ["case.read", "case.handle"] },
    ],
    delegations: [],
  },
  {
    kind: "staff",
    id: 301,
    username: "mats.mellerud",
    name: "Mats Lindberg",
    municipality: "mellerud",
    roles: [{ municipality: "mellerud", area: "bygglov", permissions: ALL }],
    delegations: [],
  },
  {
    kind: "staff",
    id: 401,
    username: "amir.amal",
    name: "Amir Haddad",
    municipality: "amal",
    roles: [{ municipality: "amal", area: "bygglov", permissions: ALL }],
    delegations: [],
  },
  {
    kind: "staff",
    id: 402,
    username: "lisa.amal",
    name: "Lisa Nordin",
    municipality: "amal",
    roles: [{ municipality: "amal", area: "bygglov", permissions: ALL }],
    delegations: [],
  },
];

const standinCookie = () =>
  createCookie("permits_standin", {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: env().PORTAL_ENV === "production",
    secrets: [env().SESSION_SECRET],
    maxAge: 8 * 3600,
  });

type CookieValue = { kind: "staff"; username: string } | { kind: "resident"; personnummer: string; organisationsnummer: string | null };

export function standinLoginAllowed(): boolean {
  return env().PORTAL_ENV !== "production";
}

async function readCookie(request: Request): Promise<CookieValue | null> {
  if (!standinLoginAllowed()) return null;
  const value = (await standinCookie().parse(request.headers.get("Cookie"))) as CookieValue | null;
  return value && typeof value === "object" ? value : null;
}

export async function standinLoginHeader(value: CookieValue): Promise<string> {
  return standinCookie().serialize(value);
}

export async function standinLogoutHeader(): Promise<string> {
  return standinCookie().serialize("", { maxAge: 0 });
}

export function residentFrom(personnummer: string, organisationsnummer: string | null): ResidentUser | null {
  const index = testPersons.findIndex((p) => p.personnummer === personnummer);
  const person = testPersons[index];
  if (!person) return null;
  const base = { kind: "resident" as const, personId: index + 1, personnummer, name: `${person.givenName} ${person.familyName}` };
  if (!organisationsnummer) return { ...base, acting: { kind: "self" } };
  const may = representations.some((r) => r.personnummer === personnummer && r.organisationsnummer === organisationsnummer);
  const orgIndex = organisations.findIndex((o) => o.organisationsnummer === organisationsnummer);
  const org = organisations[orgIndex];
  if (!may || !org) return null;
  return { ...base, acting: { kind: "organisation", organisationId: orgIndex + 1, organisationsnummer, name: org.name } };
}

/** Organisations a person may act for (representation register stand-in). */
export function organisationsFor(personnummer: string) {
  return representations
    .filter((r) => r.personnummer === personnummer)
    .map((r) => organisations.find((o) => o.organisationsnummer === r.organisationsnummer))
    .filter((o): o is (typeof organisations)[number] => Boolean(o))
    .map((o) => ({ organisationsnummer: o.organisationsnummer, name: o.name }));
}

export function organisationById(id: number) {
  return organisations[id - 1];
}

function loginRedirect(request: Request, who: "resident" | "staff"): Response {
  const url = new URL(request.url);
  return redirect(`/testinloggning?roll=${who}&tillbaka=${encodeURIComponent(url.pathname + url.search)}`);
}

export async function getSessionUser(request: Request): Promise<ResidentUser | StaffUser | null> {
  const c = await readCookie(request);
  if (!c) return null;
  if (c.kind === "staff") return STANDIN_STAFF.find((s) => s.username === c.username) ?? null;
  return residentFrom(c.personnummer, c.organisationsnummer);
}

export async function requireResident(request: Request): Promise<ResidentUser> {
  const user = await getSessionUser(request);
  if (user?.kind === "resident") return user;
  throw loginRedirect(request, "resident");
}

export interface Scope {
  municipalityId: number;
  municipality: string;
  area: Area;
}

/** Municipality × area pairs where the officer holds `permission`, delegations included. */
export function staffScopes(user: StaffUser, permission: Permission): Scope[] {
  const ids = new Map(listMunicipalities().map((m) => [m.slug, m.id]));
  const out: Scope[] = [];
  for (const r of [...user.roles, ...user.delegations]) {
    const id = ids.get(r.municipality);
    if (id !== undefined && r.permissions.includes(permission) && !out.some((s) => s.municipalityId === id && s.area === r.area))
      out.push({ municipalityId: id, municipality: r.municipality, area: r.area });
  }
  return out;
}

export function canStaff(user: StaffUser, permission: Permission, scope: { municipalityId: number; area: string }): boolean {
  return staffScopes(user, permission).some((s) => s.municipalityId === scope.municipalityId && s.area === scope.area);
}

/** A logged-in officer with `permission` somewhere; the scope of each case is checked in the service query. */
export async function requireStaff(request: Request, permission: Permission): Promise<StaffUser> {
  const user = await getSessionUser(request);
  if (user?.kind !== "staff") throw loginRedirect(request, "staff");
  if (staffScopes(user, permission).length === 0) {
    audit(request, { actor: `staff:${user.id}`, action: "access.refused", subject: new URL(request.url).pathname, outcome: "refused" });
    throw new Response("Forbidden", { status: 403 });
  }
  return user;
}

/** Colleagues who may handle cases in this scope (for assignment). */
export function colleaguesFor(scope: { municipalityId: number; area: string }): { id: number; name: string }[] {
  return STANDIN_STAFF.filter((s) => canStaff(s, "case.handle", scope)).map((s) => ({ id: s.id, name: s.name }));
}

export interface AuditEvent {
  actor: string;
  action: string;
  subject?: string;
  outcome?: "ok" | "refused";
  details?: Record<string, unknown>;
}

/**
 * Stand-in for identity's append-only audit_event: a structured log line with the request id
 * and path. Tests read the server log to prove that refused attempts are recorded.
 */
export function audit(request: Request | undefined, event: AuditEvent): void {
  log("info", "audit", {
    ...event,
    outcome: event.outcome ?? "ok",
    path: request ? new URL(request.url).pathname : undefined,
  });
}
