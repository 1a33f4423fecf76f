import { and, asc, eq, inArray, ne } from "drizzle-orm";
import { z } from "zod";
import {
  administration,
  administrationArea,
  municipality,
  type Administration,
  type Municipality,
} from "../../db/schema/index";
import { parseOrganisationsnummer } from "../../forms/lib/identity-number";
import { isPortalAdmin } from "~/auth/permissions";
import { AREAS, type Area } from "~/domain/areas";
import type { StaffUser } from "~/auth/guards.server";
import { canStaff } from "~/auth/guards.server";
import { db } from "~/db.server";
import { audit } from "~/platform/audit.server";

/**
 * Municipalities and their administrations as run-time data (issue 13, decision 056). Every
 * function takes the acting admin and checks scope itself: a portal-wide admin manages every
 * municipality and alone may add one; a municipal admin manages their own.
 */

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const text = (max: number) => z.string().trim().min(1, "required").max(max, "tooLong");
const optionalDate = z
  .string()
  .trim()
  .refine((v) => v === "" || (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`))), "date")
  .transform((v) => (v === "" ? null : v));

export const MunicipalityFactsSchema = z.object({
  name: text(60),
  logoText: text(80),
  introSv: text(1000),
  introEn: text(1000),
  phone: text(40),
  email: z.string().trim().max(200, "tooLong").email("email"),
  visitingAddress: text(200),
  postalAddress: text(200),
  openingHoursSv: text(300),
  openingHoursEn: text(300),
  orgNumber: z
    .string()
    .trim()
    .max(20, "orgNumber")
    .transform((v, ctx) => {
      const parsed = parseOrganisationsnummer(v);
      if (parsed.ok) return parsed.value.normalized;
      ctx.addIssue({ code: "custom", message: parsed.code === "checksum" ? "orgNumberChecksum" : "orgNumber" });
      return z.NEVER;
    }),
  /** SCB kommunkod, four digits; empty = not entered (the registers cannot place residents then). */
  kommunkod: z
    .string()
    .trim()
    .max(4, "kommunkod")
    .refine((v) => v === "" || (v.length === 4 && [...v].every((c) => c >= "0" && c <= "9")), "kommunkod")
    .transform((v) => (v === "" ? null : v))
    .optional(),
  reviewBy: optionalDate,
});

export const NewMunicipalitySchema = MunicipalityFactsSchema.extend({
  slug: z.string().trim().min(2, "slug").max(40, "slug").regex(KEBAB, "slug"),
  /** Case references start with it (BEN-2026-000123): set once, never changed. */
  code: z
    .string()
    .trim()
    .transform((v) => v.toUpperCase())
    .pipe(z.string().regex(/^[A-Z]{2,5}$/, "code")),
});

export const AdministrationSchema = z.object({
  slug: z.string().trim().min(2, "slug").max(60, "slug").regex(KEBAB, "slug"),
  nameSv: text(120),
  nameEn: text(120),
});

export const RenameSchema = AdministrationSchema.omit({ slug: true });

export type FieldErrorCodes = Record<string, string>;
export type Result<T> = { ok: true; value: T } | { ok: false; errors: FieldErrorCodes };

/** First error code per field, for field-level messages. */
export function errorsOf(error: z.ZodError): FieldErrorCodes {
  const out: FieldErrorCodes = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "_form");
    out[field] ??= issue.message;
  }
  return out;
}

function forbidden(): never {
  throw new Response("Forbidden", { status: 403, statusText: "Forbidden" });
}

function notFound(): never {
  throw new Response("Not found", { status: 404 });
}

function mayManage(user: StaffUser, municipalityId: number): boolean {
  return canStaff(user, "municipality.admin", { municipalityId });
}

/** The municipalities this admin manages (all of them for a portal-wide admin). */
export function listManagedMunicipalities(user: StaffUser): Municipality[] {
  return db()
    .select()
    .from(municipality)
    .orderBy(asc(municipality.name))
    .all()
    .filter((m) => mayManage(user, m.id));
}

export function canCreateMunicipality(user: StaffUser): boolean {
  return isPortalAdmin(user.roles);
}

/** One municipality with its administrations and their areas; 404 unknown, 403 out of scope. */
export function getManagedMunicipality(user: StaffUser, slug: string) {
  const m = db().select().from(municipality).where(eq(municipality.slug, slug)).get();
  if (!m) notFound();
  if (!mayManage(user, m.id)) forbidden();
  const admins = db()
    .select()
    .from(administration)
    .where(eq(administration.municipalityId, m.id))
    .orderBy(asc(administration.nameSv))
    .all();
  const areas = db().select().from(administrationArea).where(eq(administrationArea.municipalityId, m.id)).all();
  return {
    municipality: m,
    administrations: admins.map((a) => ({
      ...a,
      areas: areas.filter((x) => x.administrationId === a.id).map((x) => x.area),
    })),
  };
}

/** The id of the municipality that has this kommunkod, or null. */
function kommunkodTakenBy(kommunkod: string): number | null {
  return (
    db().select({ id: municipality.id }).from(municipality).where(eq(municipality.kommunkod, kommunkod)).get()?.id ??
    null
  );
}

function factsOf(m: Municipality) {
  const { id: _id, createdAt: _c, updatedAt: _u, example: _e, population: _p, ...facts } = m;
  return facts;
}

/** Portal-wide admins only. The slug and code must be free; the row is never an example. */
export function createMunicipality(user: StaffUser, input: Record<string, string>): Result<Municipality> {
  if (!canCreateMunicipality(user)) forbidden();
  const parsed = NewMunicipalitySchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: errorsOf(parsed.error) };
  const v = parsed.data;
  const errors: FieldErrorCodes = {};
  if (db().select({ id: municipality.id }).from(municipality).where(eq(municipality.slug, v.slug)).get())
    errors.slug = "slugTaken";
  if (db().select({ id: municipality.id }).from(municipality).where(eq(municipality.code, v.code)).get())
    errors.code = "codeTaken";
  if (v.kommunkod && kommunkodTakenBy(v.kommunkod) !== null) errors.kommunkod = "kommunkodTaken";
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const row = db()
    .insert(municipality)
    .values({ ...v, population: 0, example: false, updatedAt: new Date().toISOString() })
    .returning()
    .get();
  audit({
    actor: user,
    action: "municipality.created",
    subjectType: "municipality",
    subjectId: row.slug,
    municipalityId: row.id,
    details: { after: factsOf(row) },
  });
  return { ok: true, value: row };
}

export function updateMunicipality(user: StaffUser, slug: string, input: Record<string, string>): Result<Municipality> {
  const { municipality: before } = getManagedMunicipality(user, slug);
  const parsed = MunicipalityFactsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: errorsOf(parsed.error) };
  const holder = parsed.data.kommunkod ? kommunkodTakenBy(parsed.data.kommunkod) : null;
  if (holder !== null && holder !== before.id) return { ok: false, errors: { kommunkod: "kommunkodTaken" } };
  const row = db()
    .update(municipality)
    .set({ ...parsed.data, updatedAt: new Date().toISOString() })
    .where(eq(municipality.id, before.id))
    .returning()
    .get();
  const changed = Object.fromEntries(
    Object.entries(factsOf(row)).filter(([k, v]) => (factsOf(before) as Record<string, unknown>)[k] !== v),
  );
  const was = Object.fromEntries(
    Object.keys(changed).map((k) => [k, (factsOf(before) as Record<string, unknown>)[k] ?? null]),
  );
  audit({
    actor: user,
    action: "municipality.updated",
    subjectType: "municipality",
    subjectId: row.slug,
    municipalityId: row.id,
    details: { before: was, after: changed },
  });
  return { ok: true, value: row };
}

function managedAdministration(user: StaffUser, slug: string, administrationId: number) {
  const { municipality: m, administrations } = getManagedMunicipality(user, slug);
  const a = administrations.find((x) => x.id === administrationId);
  if (!a) notFound();
  return { m, a };
}

export function createAdministration(
  user: StaffUser,
  slug: string,
  input: Record<string, string>,
): Result<Administration> {
  const { municipality: m, administrations } = getManagedMunicipality(user, slug);
  const parsed = AdministrationSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: errorsOf(parsed.error) };
  if (administrations.some((a) => a.slug === parsed.data.slug)) return { ok: false, errors: { slug: "slugTaken" } };
  const row = db()
    .insert(administration)
    .values({
      municipalityId: m.id,
      ...parsed.data,
      descriptionSv: "",
      descriptionEn: "",
      phone: m.phone,
      email: m.email,
      example: false,
    })
    .returning()
    .get();
  audit({
    actor: user,
    action: "administration.created",
    subjectType: "administration",
    subjectId: row.id,
    municipalityId: m.id,
    details: { after: parsed.data },
  });
  return { ok: true, value: row };
}

export function renameAdministration(
  user: StaffUser,
  slug: string,
  administrationId: number,
  input: Record<string, string>,
): Result<null> {
  const { m, a } = managedAdministration(user, slug, administrationId);
  const parsed = RenameSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: errorsOf(parsed.error) };
  db().update(administration).set(parsed.data).where(eq(administration.id, a.id)).run();
  audit({
    actor: user,
    action: "administration.renamed",
    subjectType: "administration",
    subjectId: a.id,
    municipalityId: m.id,
    details: { before: { nameSv: a.nameSv, nameEn: a.nameEn }, after: parsed.data },
  });
  return { ok: true, value: null };
}

/** Retired: keeps its id for old cases and roles, hands its areas back (no new work reaches it). */
export function retireAdministration(user: StaffUser, slug: string, administrationId: number): Result<null> {
  const { m, a } = managedAdministration(user, slug, administrationId);
  if (a.retiredAt) return { ok: true, value: null };
  db().transaction((tx) => {
    tx.update(administration).set({ retiredAt: new Date().toISOString() }).where(eq(administration.id, a.id)).run();
    tx.delete(administrationArea).where(eq(administrationArea.administrationId, a.id)).run();
  });
  audit({
    actor: user,
    action: "administration.retired",
    subjectType: "administration",
    subjectId: a.id,
    municipalityId: m.id,
    details: { before: { areas: a.areas } },
  });
  return { ok: true, value: null };
}

/**
 * The areas this administration handles. An area has one administration per municipality, so
 * giving it to this one takes it from another (said in the audit row).
 */
export function setAdministrationAreas(
  user: StaffUser,
  slug: string,
  administrationId: number,
  requested: readonly string[],
): Result<null> {
  const { m, a } = managedAdministration(user, slug, administrationId);
  if (a.retiredAt) return { ok: false, errors: { areas: "retired" } };
  if (requested.some((x) => !(AREAS as readonly string[]).includes(x))) return { ok: false, errors: { areas: "area" } };
  const areas = [...new Set(requested)] as Area[];
  const takenFrom =
    areas.length === 0
      ? []
      : db()
          .select({ area: administrationArea.area, administrationId: administrationArea.administrationId })
          .from(administrationArea)
          .where(
            and(
              eq(administrationArea.municipalityId, m.id),
              ne(administrationArea.administrationId, a.id),
              inArray(administrationArea.area, areas),
            ),
          )
          .all();
  db().transaction((tx) => {
    tx.delete(administrationArea).where(eq(administrationArea.administrationId, a.id)).run();
    if (areas.length > 0)
      tx.delete(administrationArea)
        .where(and(eq(administrationArea.municipalityId, m.id), inArray(administrationArea.area, areas)))
        .run();
    for (const area of areas)
      tx.insert(administrationArea).values({ municipalityId: m.id, administrationId: a.id, area }).run();
  });
  audit({
    actor: user,
    action: "administration.areas",
    subjectType: "administration",
    subjectId: a.id,
    municipalityId: m.id,
    details: { before: a.areas, after: areas, takenFrom },
  });
  return { ok: true, value: null };
}
