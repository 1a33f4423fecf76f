import { X509Certificate } from "node:crypto";
import { and, asc, eq, inArray, isNull, lt, or } from "drizzle-orm";
import { isArea, type Area } from "~/domain/areas";
import type { StaffRole } from "~/domain/roles";
import {
  administration,
  municipality,
  roleAssignment,
  session,
  staffSsoLink,
  staffSsoMapping,
  staffSsoProvider,
  staffSsoProviderMunicipality,
  staffUser,
  type StaffSsoProviderRow,
} from "../../../db/schema/index";
import { db } from "~/db.server";
import { env, TEST_SSO_CLIENT, TEST_SSO_PATH } from "~/env.server";
import { audit, type AuditActor } from "~/platform/audit.server";
import { decrypt, encrypt } from "~/platform/crypto.server";
import { now } from "~/utils/clock.server";

/**
 * The staff identity providers, their group → role mappings and the SSO-required flag
 * (issue 21, decision 064). Portal-wide admins manage providers; a municipal admin manages the
 * mappings and the flag of their own municipality (`scope` = the municipalities they manage,
 * null = all, as adminMunicipalities returns it). Every change is audited.
 */
export type SsoProvider = Omit<StaffSsoProviderRow, "oidcClientSecretEncrypted" | "mfaValues"> & {
  mfaValues: string[];
  municipalityIds: number[];
  hasClientSecret: boolean;
};

export class SsoInputError extends Error {
  constructor(
    readonly field: string,
    readonly code: string,
  ) {
    super(`${field}: ${code}`);
  }
}

function parseList(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  } catch {
    return [];
  }
}

function shape(row: StaffSsoProviderRow, municipalityIds: number[]): SsoProvider {
  const { oidcClientSecretEncrypted, mfaValues, ...rest } = row;
  return {
    ...rest,
    mfaValues: parseList(mfaValues),
    municipalityIds,
    hasClientSecret: Boolean(oidcClientSecretEncrypted),
  };
}

function servedBy(providerIds: number[]): Map<number, number[]> {
  const out = new Map<number, number[]>();
  if (providerIds.length === 0) return out;
  for (const r of db()
    .select()
    .from(staffSsoProviderMunicipality)
    .where(inArray(staffSsoProviderMunicipality.providerId, providerIds))
    .all())
    out.set(r.providerId, [...(out.get(r.providerId) ?? []), r.municipalityId]);
  return out;
}

/** Providers that serve at least one of `scope` (null = all). */
export function listSsoProviders(scope: number[] | null): SsoProvider[] {
  const rows = db().select().from(staffSsoProvider).orderBy(asc(staffSsoProvider.name)).all();
  const served = servedBy(rows.map((r) => r.id));
  return rows
    .map((r) => shape(r, served.get(r.id) ?? []))
    .filter((p) => scope === null || p.municipalityIds.some((id) => scope.includes(id)));
}

export function getSsoProvider(id: number): SsoProvider | undefined {
  const row = db().select().from(staffSsoProvider).where(eq(staffSsoProvider.id, id)).get();
  return row ? shape(row, servedBy([row.id]).get(row.id) ?? []) : undefined;
}

/** The decrypted OIDC client secret, for the token request only. */
export function ssoClientSecret(id: number): string {
  const row = db()
    .select({ secret: staffSsoProvider.oidcClientSecretEncrypted })
    .from(staffSsoProvider)
    .where(eq(staffSsoProvider.id, id))
    .get();
  return row?.secret ? decrypt(row.secret) : "";
}

/** For the login page's buttons: each municipality with an enabled provider, and that provider. */
export function ssoLoginChoices(): { providerId: number; municipality: string; providerName: string }[] {
  return db()
    .select({ providerId: staffSsoProvider.id, municipality: municipality.name, providerName: staffSsoProvider.name })
    .from(staffSsoProviderMunicipality)
    .innerJoin(staffSsoProvider, eq(staffSsoProvider.id, staffSsoProviderMunicipality.providerId))
    .innerJoin(municipality, eq(municipality.id, staffSsoProviderMunicipality.municipalityId))
    .where(eq(staffSsoProvider.enabled, true))
    .orderBy(asc(municipality.name))
    .all();
}

export interface SsoProviderInput {
  name: string;
  protocol: string;
  enabled: boolean;
  municipalityIds: number[];
  oidcIssuer: string;
  oidcClientId: string;
  /** Empty when editing = keep the stored secret. */
  oidcClientSecret: string;
  samlIdpEntityId: string;
  samlSsoUrl: string;
  samlSloUrl: string;
  samlIdpCertificate: string;
  groupsAttribute: string;
  /** One value per line. */
  mfaValues: string;
}

const isUrl = (v: string) => {
  try {
    const u = new URL(v);
    return u.protocol === "https:" || (u.protocol === "http:" && env().PORTAL_ENV !== "production");
  } catch {
    return false;
  }
};

/** A PEM X.509 certificate that node:crypto can parse (decision 073); anything else is a field error. */
function isCertificate(pem: string): boolean {
  if (!pem.includes("-----BEGIN CERTIFICATE-----")) return false;
  try {
    new X509Certificate(pem.trim());
    return true;
  } catch {
    return false;
  }
}

function checkProvider(input: SsoProviderInput, editing: boolean): void {
  if (!input.name.trim() || input.name.length > 200) throw new SsoInputError("name", "required");
  if (input.protocol !== "oidc" && input.protocol !== "saml") throw new SsoInputError("protocol", "required");
  const known = new Set(
    db()
      .select({ id: municipality.id })
      .from(municipality)
      .all()
      .map((m) => m.id),
  );
  if (input.municipalityIds.length === 0 || !input.municipalityIds.every((id) => known.has(id)))
    throw new SsoInputError("municipalities", "required");
  if (input.protocol === "oidc") {
    if (!isUrl(input.oidcIssuer)) throw new SsoInputError("oidcIssuer", "url");
    if (!input.oidcClientId.trim()) throw new SsoInputError("oidcClientId", "required");
    if (!editing && !input.oidcClientSecret) throw new SsoInputError("oidcClientSecret", "required");
  } else {
    if (!input.samlIdpEntityId.trim()) throw new SsoInputError("samlIdpEntityId", "required");
    if (!isUrl(input.samlSsoUrl)) throw new SsoInputError("samlSsoUrl", "url");
    if (input.samlSloUrl && !isUrl(input.samlSloUrl)) throw new SsoInputError("samlSloUrl", "url");
    if (!isCertificate(input.samlIdpCertificate)) throw new SsoInputError("samlIdpCertificate", "pem");
  }
  if (!input.groupsAttribute.trim()) throw new SsoInputError("groupsAttribute", "required");
  if (mfaList(input.mfaValues).length === 0) throw new SsoInputError("mfaValues", "required");
}

function mfaList(text: string): string[] {
  return [
    ...new Set(
      text
        .split("\n")
        .map((l) => l.trim())
        .filter(Boolean),
    ),
  ];
}

function providerValues(input: SsoProviderInput) {
  const oidc = input.protocol === "oidc";
  return {
    name: input.name.trim(),
    protocol: input.protocol as "oidc" | "saml",
    enabled: input.enabled,
    oidcIssuer: oidc ? input.oidcIssuer.trim() : null,
    oidcClientId: oidc ? input.oidcClientId.trim() : null,
    samlIdpEntityId: oidc ? null : input.samlIdpEntityId.trim(),
    samlSsoUrl: oidc ? null : input.samlSsoUrl.trim(),
    samlSloUrl: oidc ? null : input.samlSloUrl.trim() || null,
    samlIdpCertificate: oidc ? null : input.samlIdpCertificate.trim(),
    groupsAttribute: input.groupsAttribute.trim(),
    mfaValues: JSON.stringify(mfaList(input.mfaValues)),
  };
}

/** Portal-wide admins only (checked by the caller's guard and here by `scope === null`). */
export function saveSsoProvider(
  actor: AuditActor,
  scope: number[] | null,
  id: number | null,
  input: SsoProviderInput,
): number {
  if (scope !== null) throw new Response("Forbidden", { status: 403 });
  checkProvider(input, id !== null);
  const values = providerValues(input);
  const secret = input.protocol === "oidc" && input.oidcClientSecret ? encrypt(input.oidcClientSecret) : undefined;
  const savedId = db().transaction((tx) => {
    let providerId: number;
    if (id === null) {
      providerId = tx
        .insert(staffSsoProvider)
        .values({ ...values, oidcClientSecretEncrypted: secret ?? null })
        .returning({ id: staffSsoProvider.id })
        .get().id;
    } else {
      providerId = id;
      tx.update(staffSsoProvider)
        .set({
          ...values,
          ...(secret ? { oidcClientSecretEncrypted: secret } : {}),
          ...(input.protocol === "saml" ? { oidcClientSecretEncrypted: null } : {}),
          updatedAt: now().toISOString(),
        })
        .where(eq(staffSsoProvider.id, id))
        .run();
      tx.delete(staffSsoProviderMunicipality).where(eq(staffSsoProviderMunicipality.providerId, id)).run();
    }
    for (const municipalityId of new Set(input.municipalityIds))
      tx.insert(staffSsoProviderMunicipality).values({ providerId, municipalityId }).run();
    return providerId;
  });
  audit({
    actor,
    action: id === null ? "sso.provider.created" : "sso.provider.updated",
    subjectType: "staff_sso_provider",
    subjectId: savedId,
    // Never the secret; only whether a new one was given.
    details: {
      name: values.name,
      protocol: values.protocol,
      enabled: values.enabled,
      municipalities: input.municipalityIds,
      secretChanged: Boolean(secret),
    },
  });
  return savedId;
}

export interface SsoMappingView {
  id: number;
  providerId: number;
  groupName: string;
  role: StaffRole;
  municipalityId: number;
  area: Area | null;
  administrationId: number | null;
}

export function listSsoMappings(scope: number[] | null): SsoMappingView[] {
  return db()
    .select({
      id: staffSsoMapping.id,
      providerId: staffSsoMapping.providerId,
      groupName: staffSsoMapping.groupName,
      role: staffSsoMapping.role,
      municipalityId: staffSsoMapping.municipalityId,
      area: staffSsoMapping.area,
      administrationId: staffSsoMapping.administrationId,
    })
    .from(staffSsoMapping)
    .where(scope === null ? undefined : inArray(staffSsoMapping.municipalityId, scope.length ? scope : [-1]))
    .orderBy(asc(staffSsoMapping.municipalityId), asc(staffSsoMapping.groupName))
    .all();
}

/**
 * A mapping in a municipality the admin manages, through a provider that serves it. An officer
 * maps to an area, an editor or contributor to one of the municipality's administrations; an
 * admin role covers the municipality (a directory group never makes a portal-wide admin).
 */
export function addSsoMapping(
  actor: AuditActor,
  scope: number[] | null,
  input: {
    providerId: number;
    groupName: string;
    role: string;
    municipalityId: number;
    area: string;
    administrationId: number | null;
  },
): number {
  if (scope !== null && !scope.includes(input.municipalityId)) throw new Response("Forbidden", { status: 403 });
  const provider = getSsoProvider(input.providerId);
  if (!provider || !provider.municipalityIds.includes(input.municipalityId))
    throw new SsoInputError("providerId", "required");
  const groupName = input.groupName.trim();
  if (!groupName || groupName.length > 256) throw new SsoInputError("groupName", "required");
  if (!["officer", "editor", "contributor", "admin"].includes(input.role)) throw new SsoInputError("role", "required");
  // Directory groups map to the four older roles; a designer or a preparer is granted locally (decisions 075, 077).
  const role = input.role as Exclude<StaffRole, "designer" | "preparer">;
  let area: Area | null = null;
  let administrationId: number | null = null;
  if (role === "officer") {
    if (!isArea(input.area)) throw new SsoInputError("area", "required");
    area = input.area;
  }
  if (role === "editor" || role === "contributor") {
    const admin = input.administrationId
      ? db()
          .select({ id: administration.id })
          .from(administration)
          .where(
            and(eq(administration.id, input.administrationId), eq(administration.municipalityId, input.municipalityId)),
          )
          .get()
      : undefined;
    if (!admin) throw new SsoInputError("administrationId", "required");
    administrationId = admin.id;
  }
  const id = db()
    .insert(staffSsoMapping)
    .values({
      providerId: input.providerId,
      groupName,
      role,
      municipalityId: input.municipalityId,
      area,
      administrationId,
      createdBy: actor.staffUserId ?? null,
    })
    .returning({ id: staffSsoMapping.id })
    .get().id;
  audit({
    actor,
    action: "sso.mapping.created",
    subjectType: "staff_sso_mapping",
    subjectId: id,
    municipalityId: input.municipalityId,
    details: { provider: input.providerId, group: groupName, role, area, administrationId },
  });
  return id;
}

/** Removes the mapping and, with it (ON DELETE CASCADE), every role it granted. */
export function removeSsoMapping(actor: AuditActor, scope: number[] | null, id: number): boolean {
  const row = db().select().from(staffSsoMapping).where(eq(staffSsoMapping.id, id)).get();
  if (!row || (scope !== null && !scope.includes(row.municipalityId))) return false;
  const holders = db()
    .select({ staffUserId: roleAssignment.staffUserId })
    .from(roleAssignment)
    .where(eq(roleAssignment.ssoMappingId, id))
    .all();
  db().delete(staffSsoMapping).where(eq(staffSsoMapping.id, id)).run();
  audit({
    actor,
    action: "sso.mapping.removed",
    subjectType: "staff_sso_mapping",
    subjectId: id,
    municipalityId: row.municipalityId,
    details: { group: row.groupName, role: row.role, rolesRemoved: holders.map((h) => h.staffUserId) },
  });
  return true;
}

export function ssoRequiredMunicipalities(): number[] {
  return db()
    .select({ id: municipality.id })
    .from(municipality)
    .where(eq(municipality.staffSsoRequired, true))
    .all()
    .map((m) => m.id);
}

export function setSsoRequired(actor: AuditActor, scope: number[] | null, municipalityId: number, required: boolean) {
  if (scope !== null && !scope.includes(municipalityId)) throw new Response("Forbidden", { status: 403 });
  db().update(municipality).set({ staffSsoRequired: required }).where(eq(municipality.id, municipalityId)).run();
  audit({
    actor,
    action: "sso.required.changed",
    subjectType: "municipality",
    subjectId: municipalityId,
    municipalityId,
    details: { required },
  });
}

/**
 * Break-glass (decision 064): a portal-wide admin keeps the local password + TOTP login whatever
 * their municipality requires. Everyone else employed by, or holding a role in, a municipality
 * that requires SSO signs in through its provider.
 */
export function localLoginRefusedBySso(staffUserId: number): boolean {
  const required = new Set(ssoRequiredMunicipalities());
  if (required.size === 0) return false;
  const user = db()
    .select({ municipalityId: staffUser.municipalityId })
    .from(staffUser)
    .where(eq(staffUser.id, staffUserId))
    .get();
  const roles = db()
    .select({ role: roleAssignment.role, municipalityId: roleAssignment.municipalityId })
    .from(roleAssignment)
    .where(eq(roleAssignment.staffUserId, staffUserId))
    .all();
  if (roles.some((r) => r.role === "admin" && r.municipalityId === null)) return false;
  const places = [user?.municipalityId ?? null, ...roles.map((r) => r.municipalityId)];
  return places.some((id) => id !== null && required.has(id));
}

/** Where each role of a staff user came from: the mapping's provider and group, or null = local grant. */
export function roleSources(staffUserId: number): Map<number, { provider: string; group: string } | null> {
  const rows = db()
    .select({
      id: roleAssignment.id,
      group: staffSsoMapping.groupName,
      provider: staffSsoProvider.name,
    })
    .from(roleAssignment)
    .leftJoin(staffSsoMapping, eq(staffSsoMapping.id, roleAssignment.ssoMappingId))
    .leftJoin(staffSsoProvider, eq(staffSsoProvider.id, staffSsoMapping.providerId))
    .where(eq(roleAssignment.staffUserId, staffUserId))
    .all();
  return new Map(rows.map((r) => [r.id, r.group && r.provider ? { provider: r.provider, group: r.group } : null]));
}

/**
 * The scheduled sweep: accounts that sign in by SSO and have not done so for
 * STAFF_SSO_DISABLE_AFTER_DAYS are disabled and their sessions ended. Local-only accounts (the
 * break-glass admins among them) are left to their admins. Returns how many were disabled.
 */
export function disableInactiveSsoAccounts(at: Date): number {
  const days = env().STAFF_SSO_DISABLE_AFTER_DAYS;
  if (days === 0) return 0;
  const cutoff = new Date(at.getTime() - days * 86_400_000).toISOString();
  const linked = db()
    .selectDistinct({ id: staffUser.id, municipalityId: staffUser.municipalityId, lastLoginAt: staffUser.lastLoginAt })
    .from(staffUser)
    .innerJoin(staffSsoLink, eq(staffSsoLink.staffUserId, staffUser.id))
    .where(
      and(
        isNull(staffUser.disabledAt),
        or(lt(staffUser.lastLoginAt, cutoff), and(isNull(staffUser.lastLoginAt), lt(staffUser.createdAt, cutoff))),
      ),
    )
    .all();
  for (const u of linked) {
    db().update(staffUser).set({ disabledAt: at.toISOString() }).where(eq(staffUser.id, u.id)).run();
    db()
      .update(session)
      .set({ revokedAt: at.toISOString() })
      .where(and(eq(session.staffUserId, u.id), isNull(session.revokedAt)))
      .run();
    audit({
      actor: "system",
      action: "sso.account.disabled",
      subjectType: "staff_user",
      subjectId: u.id,
      municipalityId: u.municipalityId ?? undefined,
      details: { reason: "inactive", days, lastLoginAt: u.lastLoginAt },
    });
  }
  return linked.length;
}

/**
 * Demo and test only (never production, decision 041): one provider for Åmål that points at the
 * local test SSO provider at this run's PUBLIC_URL, and three mappings. Idempotent; the issuer
 * follows PUBLIC_URL at every start (the e2e server runs on its own port).
 */
export function seedDemoSsoProvider(): void {
  if (env().PORTAL_ENV === "production" || env().TEST_SSO !== "on") return;
  const issuer = `${env().PUBLIC_URL}${TEST_SSO_PATH}`;
  const name = "Åmåls kommuns inloggning (test)";
  const amal = db().select({ id: municipality.id }).from(municipality).where(eq(municipality.slug, "amal")).get();
  if (!amal) return;
  const existing = db().select().from(staffSsoProvider).where(eq(staffSsoProvider.name, name)).get();
  if (existing) {
    if (existing.oidcIssuer !== issuer)
      db().update(staffSsoProvider).set({ oidcIssuer: issuer }).where(eq(staffSsoProvider.id, existing.id)).run();
    return;
  }
  db().transaction((tx) => {
    const providerId = tx
      .insert(staffSsoProvider)
      .values({
        name,
        protocol: "oidc",
        enabled: true,
        oidcIssuer: issuer,
        oidcClientId: TEST_SSO_CLIENT.clientId,
        oidcClientSecretEncrypted: encrypt(TEST_SSO_CLIENT.clientSecret),
        groupsAttribute: "groups",
        mfaValues: JSON.stringify(["mfa", "otp", "hwk", "sc", "http://id.elegnamnden.se/loa/1.0/loa3"]),
      })
      .returning({ id: staffSsoProvider.id })
      .get().id;
    tx.insert(staffSsoProviderMunicipality).values({ providerId, municipalityId: amal.id }).run();
    tx.insert(staffSsoMapping)
      .values([
        { providerId, groupName: "AML-Handlaggare-Allmant", role: "officer", municipalityId: amal.id, area: "allmant" },
        { providerId, groupName: "AML-Handlaggare-Bygglov", role: "officer", municipalityId: amal.id, area: "bygglov" },
        {
          providerId,
          groupName: "AML-Handlaggare-Barnomsorg",
          role: "officer",
          municipalityId: amal.id,
          area: "barnomsorg",
        },
      ])
      .run();
  });
}
