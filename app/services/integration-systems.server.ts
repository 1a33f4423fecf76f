import { randomBytes } from "node:crypto";
import { isAbsolute } from "node:path";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import {
  caseExport,
  caseTable,
  integrationRoute,
  integrationSystem,
  integrationSystemMunicipality,
  municipality,
  type IntegrationSystem,
} from "../../db/schema/index";
import { hashIntegrationToken } from "../../db/seed/integration";
import type { SessionUser } from "~/auth/session.server";
import { db } from "~/db.server";
import { env } from "~/env.server";
import { audit } from "~/platform/audit.server";
import { isArea, type Area } from "~/domain/areas";
import { decrypt, encrypt } from "~/platform/crypto.server";

/**
 * Integration systems per municipality × area (docs/decisions/058): the municipality's own
 * case-management systems, their hand-over targets, signing secrets and callback tokens, and
 * the routing table that says which system receives a (municipality, area)'s cases.
 *
 * `scope` is the administrator's municipalities (null: a portal-wide admin). A municipal admin
 * manages a system only when every municipality it belongs to is theirs, so one municipality's
 * admin can never redirect or read the secrets of a system another municipality shares.
 */

export type AdminScope = number[] | null;

export type IntegrationTarget =
  { kind: "folder"; dir: string; secret?: string } | { kind: "webhook"; url: string; secret?: string };

export class IntegrationInputError extends Error {
  constructor(
    readonly field: "name" | "slug" | "municipalities" | "target" | "secret" | "routes",
    readonly code: string,
  ) {
    super(`${field}: ${code}`);
  }
}

export class IntegrationNotFoundError extends Error {}

const SLUG = /^[a-z0-9][a-z0-9-]{1,38}[a-z0-9]$/;
const SECRET_MIN = 16;

/** A callback token: 32 random bytes, url-safe (fits the Bearer pattern of integration.server). */
function newToken(): string {
  return randomBytes(32).toString("base64url");
}

function production(): boolean {
  return env().PORTAL_ENV === "production";
}

/**
 * Checks a target as decision 041 did for the single one: production accepts a webhook only
 * over https and with a signing secret, and a folder only as an absolute path.
 */
export function checkTarget(
  kind: string,
  value: string,
  hasSecret: boolean,
  isProduction = production(),
): IntegrationTarget["kind"] {
  if (kind === "folder") {
    if (!isAbsolute(value) || value.length > 500) throw new IntegrationInputError("target", "folder");
    return "folder";
  }
  if (kind === "webhook") {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw new IntegrationInputError("target", "url");
    }
    if (value.length > 500 || !["http:", "https:"].includes(url.protocol) || url.username || url.password)
      throw new IntegrationInputError("target", "url");
    if (isProduction && url.protocol !== "https:") throw new IntegrationInputError("target", "https");
    if (isProduction && !hasSecret) throw new IntegrationInputError("secret", "required");
    return "webhook";
  }
  throw new IntegrationInputError("target", "kind");
}

function checkSecret(secret: string) {
  if (secret.length < SECRET_MIN || secret.length > 200) throw new IntegrationInputError("secret", "length");
}

function systemMunicipalities(systemId: number): number[] {
  return db()
    .select({ id: integrationSystemMunicipality.municipalityId })
    .from(integrationSystemMunicipality)
    .where(eq(integrationSystemMunicipality.systemId, systemId))
    .all()
    .map((r) => r.id);
}

function manages(scope: AdminScope, municipalityIds: number[]): boolean {
  if (scope === null) return true;
  return municipalityIds.length > 0 && municipalityIds.every((id) => scope.includes(id));
}

/** The system if this admin may manage it; a thrown IntegrationNotFoundError otherwise (no oracle). */
function requireManaged(scope: AdminScope, systemId: number): IntegrationSystem {
  const system = db().select().from(integrationSystem).where(eq(integrationSystem.id, systemId)).get();
  if (!system || !manages(scope, systemMunicipalities(system.id))) throw new IntegrationNotFoundError();
  return system;
}

export interface SystemSummary {
  id: number;
  slug: string;
  name: string;
  active: boolean;
  targetKind: IntegrationTarget["kind"] | null;
  target: string | null;
  hasSecret: boolean;
  municipalityIds: number[];
  routes: { municipalityId: number; area: Area }[];
  lastUsedAt: string | null;
  tokenRotatedAt: string | null;
}

function summary(system: IntegrationSystem): SystemSummary {
  return {
    id: system.id,
    slug: system.slug,
    name: system.name,
    active: system.active,
    targetKind: system.targetKind,
    target: system.target,
    hasSecret: Boolean(system.secretCiphertext),
    municipalityIds: systemMunicipalities(system.id),
    routes: db()
      .select({ municipalityId: integrationRoute.municipalityId, area: integrationRoute.area })
      .from(integrationRoute)
      .where(eq(integrationRoute.systemId, system.id))
      .all()
      .filter((r): r is { municipalityId: number; area: Area } => isArea(r.area)),
    lastUsedAt: system.lastUsedAt,
    tokenRotatedAt: system.tokenRotatedAt,
  };
}

/** The systems this admin manages, with their routes; never a secret or a token hash. */
export function listIntegrationSystems(scope: AdminScope): SystemSummary[] {
  return db()
    .select()
    .from(integrationSystem)
    .orderBy(asc(integrationSystem.name))
    .all()
    .map(summary)
    .filter((s) => manages(scope, s.municipalityIds));
}

export function getIntegrationSystem(scope: AdminScope, systemId: number): SystemSummary {
  return summary(requireManaged(scope, systemId));
}

/** Creates a system; returns its callback token, which is shown this once and never stored. */
export function createIntegrationSystem(input: {
  actor: SessionUser;
  scope: AdminScope;
  name: string;
  slug: string;
  municipalityIds: number[];
  targetKind: string;
  target: string;
  secret: string;
}): { id: number; token: string } {
  const name = input.name.trim();
  if (name.length < 2 || name.length > 100) throw new IntegrationInputError("name", "length");
  if (!SLUG.test(input.slug)) throw new IntegrationInputError("slug", "format");
  const known = new Set(
    db()
      .select({ id: municipality.id })
      .from(municipality)
      .all()
      .map((m) => m.id),
  );
  const ids = [...new Set(input.municipalityIds)];
  if (ids.length === 0 || ids.some((id) => !known.has(id)) || !manages(input.scope, ids))
    throw new IntegrationInputError("municipalities", "required");
  if (input.secret) checkSecret(input.secret);
  const targetKind = input.target ? checkTarget(input.targetKind, input.target, Boolean(input.secret)) : null;
  if (db().select().from(integrationSystem).where(eq(integrationSystem.slug, input.slug)).get())
    throw new IntegrationInputError("slug", "taken");
  const token = newToken();
  const id = db().transaction((tx) => {
    const row = tx
      .insert(integrationSystem)
      .values({
        slug: input.slug,
        name,
        tokenHash: hashIntegrationToken(token),
        targetKind,
        target: targetKind ? input.target : null,
        secretCiphertext: input.secret ? encrypt(input.secret) : null,
        tokenRotatedAt: new Date().toISOString(),
      })
      .returning({ id: integrationSystem.id })
      .get();
    for (const municipalityId of ids)
      tx.insert(integrationSystemMunicipality).values({ systemId: row.id, municipalityId }).run();
    return row.id;
  });
  for (const municipalityId of ids)
    audit({
      actor: input.actor,
      action: "integration.system-created",
      subjectType: "integration_system",
      subjectId: id,
      municipalityId,
      details: { slug: input.slug, targetKind, secret: Boolean(input.secret) },
    });
  return { id, token };
}

function auditChange(actor: SessionUser, systemId: number, action: string, details: Record<string, unknown> = {}) {
  for (const municipalityId of systemMunicipalities(systemId))
    audit({ actor, action, subjectType: "integration_system", subjectId: systemId, municipalityId, details });
}

/** Sets (or clears, with an empty value) where routed cases go. */
export function setIntegrationTarget(input: {
  actor: SessionUser;
  scope: AdminScope;
  systemId: number;
  targetKind: string;
  target: string;
}) {
  const system = requireManaged(input.scope, input.systemId);
  const targetKind = input.target
    ? checkTarget(input.targetKind, input.target, Boolean(system.secretCiphertext))
    : null;
  db()
    .update(integrationSystem)
    .set({ targetKind, target: targetKind ? input.target : null })
    .where(eq(integrationSystem.id, system.id))
    .run();
  auditChange(input.actor, system.id, "integration.target-set", {
    targetKind,
    target: targetKind ? input.target : null,
  });
  releaseWaiting(system.id);
}

/** Sets or replaces the signing secret; it is encrypted at rest and never shown again. */
export function setIntegrationSecret(input: {
  actor: SessionUser;
  scope: AdminScope;
  systemId: number;
  secret: string;
}) {
  const system = requireManaged(input.scope, input.systemId);
  checkSecret(input.secret);
  db()
    .update(integrationSystem)
    .set({ secretCiphertext: encrypt(input.secret) })
    .where(eq(integrationSystem.id, system.id))
    .run();
  auditChange(input.actor, system.id, "integration.secret-set");
  releaseWaiting(system.id);
}

/** A new callback token; the old one stops working at once. Returns the token to show once. */
export function rotateIntegrationToken(input: { actor: SessionUser; scope: AdminScope; systemId: number }): string {
  const system = requireManaged(input.scope, input.systemId);
  const token = newToken();
  db()
    .update(integrationSystem)
    .set({ tokenHash: hashIntegrationToken(token), tokenRotatedAt: new Date().toISOString() })
    .where(eq(integrationSystem.id, system.id))
    .run();
  auditChange(input.actor, system.id, "integration.token-rotated");
  return token;
}

/** Deactivated: no deliveries, no callbacks; its routes are removed so the cases wait visibly. */
export function deactivateIntegrationSystem(input: { actor: SessionUser; scope: AdminScope; systemId: number }) {
  const system = requireManaged(input.scope, input.systemId);
  db().transaction((tx) => {
    tx.update(integrationSystem).set({ active: false }).where(eq(integrationSystem.id, system.id)).run();
    tx.delete(integrationRoute).where(eq(integrationRoute.systemId, system.id)).run();
  });
  auditChange(input.actor, system.id, "integration.system-deactivated");
}

/**
 * Replaces the system's routes within the municipalities this admin manages and the system
 * belongs to. A (municipality, area) routed to another system moves to this one (one system per
 * pair, by the primary key).
 */
export function setIntegrationRoutes(input: {
  actor: SessionUser;
  scope: AdminScope;
  systemId: number;
  routes: { municipalityId: number; area: string }[];
}) {
  const system = requireManaged(input.scope, input.systemId);
  if (!system.active) throw new IntegrationInputError("routes", "inactive");
  const own = systemMunicipalities(system.id);
  const wanted = new Map<string, { municipalityId: number; area: Area }>();
  for (const r of input.routes) {
    if (!own.includes(r.municipalityId) || !isArea(r.area)) throw new IntegrationInputError("routes", "scope");
    wanted.set(`${r.municipalityId}:${r.area}`, { municipalityId: r.municipalityId, area: r.area });
  }
  db().transaction((tx) => {
    tx.delete(integrationRoute).where(eq(integrationRoute.systemId, system.id)).run();
    for (const r of wanted.values())
      tx.insert(integrationRoute)
        .values({ ...r, systemId: system.id })
        .onConflictDoUpdate({
          target: [integrationRoute.municipalityId, integrationRoute.area],
          set: { systemId: system.id },
        })
        .run();
  });
  auditChange(input.actor, system.id, "integration.routes-set", {
    routes: [...wanted.values()].map((r) => `${r.municipalityId}:${r.area}`),
  });
  releaseWaiting(system.id);
}

// ----------------------------------------------------------------------------- the outbox's view

export type Routing =
  | { kind: "system"; system: IntegrationSystem; target: IntegrationTarget }
  /** A route to a system that cannot deliver yet (no target), or no route at all. */
  | { kind: "waiting"; reason: "no-route" | "no-target" };

/** Where a case of this municipality and area goes now (decision 058). */
export function routeFor(municipalityId: number, area: Area): Routing {
  const row = db()
    .select({ system: integrationSystem })
    .from(integrationRoute)
    .innerJoin(integrationSystem, eq(integrationSystem.id, integrationRoute.systemId))
    .where(and(eq(integrationRoute.municipalityId, municipalityId), eq(integrationRoute.area, area)))
    .get();
  if (!row || !row.system.active) return { kind: "waiting", reason: "no-route" };
  const { system } = row;
  if (!system.targetKind || !system.target) return { kind: "waiting", reason: "no-target" };
  const secret = system.secretCiphertext ? decrypt(system.secretCiphertext) : undefined;
  // A production webhook without a secret cannot be saved, but a row written by hand could be:
  // fail closed rather than hand over unsigned.
  if (production() && system.targetKind === "webhook" && !secret) return { kind: "waiting", reason: "no-target" };
  const target: IntegrationTarget =
    system.targetKind === "folder"
      ? { kind: "folder", dir: system.target, secret }
      : { kind: "webhook", url: system.target, secret };
  return { kind: "system", system, target };
}

/** The system a routed case was handed over to, or is routed to now (for the callback scope). */
export function routedSystemId(municipalityId: number, area: Area): number | null {
  const row = db()
    .select({ systemId: integrationRoute.systemId })
    .from(integrationRoute)
    .where(and(eq(integrationRoute.municipalityId, municipalityId), eq(integrationRoute.area, area)))
    .get();
  return row?.systemId ?? null;
}

/** Cases of a changed system's routes that were waiting are tried now rather than after their wait. */
function releaseWaiting(systemId: number) {
  const now = new Date().toISOString();
  const routes = db().select().from(integrationRoute).where(eq(integrationRoute.systemId, systemId)).all();
  for (const r of routes) {
    const refs = db()
      .select({ reference: caseTable.reference })
      .from(caseTable)
      .where(and(eq(caseTable.municipalityId, r.municipalityId), eq(caseTable.area, r.area)))
      .all()
      .map((c) => c.reference);
    for (let i = 0; i < refs.length; i += 500)
      db()
        .update(caseExport)
        .set({ nextAttemptAt: now })
        .where(
          and(
            eq(caseExport.status, "pending"),
            isNull(caseExport.systemId),
            inArray(caseExport.reference, refs.slice(i, i + 500)),
          ),
        )
        .run();
  }
}

export interface WaitingCase {
  reference: string;
  municipalityId: number;
  area: string;
  createdAt: string;
  lastError: string | null;
}

/**
 * Cases no system can take yet (no route, or a route to a system without a target), for the
 * admins of their municipality: they wait in the outbox rather than going anywhere.
 */
export function listWaitingCases(scope: AdminScope): WaitingCase[] {
  const rows = db()
    .select({
      reference: caseExport.reference,
      municipalityId: caseTable.municipalityId,
      area: caseTable.area,
      createdAt: caseExport.createdAt,
      lastError: caseExport.lastError,
    })
    .from(caseExport)
    .innerJoin(caseTable, eq(caseTable.reference, caseExport.reference))
    .where(and(eq(caseExport.status, "pending"), isNull(caseExport.systemId)))
    .orderBy(asc(caseExport.createdAt))
    .all();
  return rows.filter(
    (r) =>
      (scope === null || scope.includes(r.municipalityId)) && routeFor(r.municipalityId, r.area).kind === "waiting",
  );
}
