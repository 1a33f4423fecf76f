/**
 * Preschools, family daycare, after-school centres and schools (childcare_unit) as run-time data an
 * administrator keeps (issue 13, docs/decisions/060). A unit is never deleted: offers, placements and
 * applications refer to it, so an administrator closes it, which takes it out of the application forms.
 */
import { asc, count, eq, inArray, like } from "drizzle-orm";
import { z } from "zod";
import {
  childcareOffer,
  childcarePlacement,
  childcarePreference,
  childcareUnit,
  municipality,
} from "../../db/schema/index";
import type { SessionUser } from "~/auth/session.server";
import { db } from "~/db.server";
import { audit } from "~/platform/audit.server";
import type { FormResult } from "./taxa.server";

export const UNIT_KINDS = ["forskola", "pedagogisk-omsorg", "fritidshem", "grundskola"] as const;

const text = (max: number) => z.string().trim().min(1, "required").max(max, "tooLong");
const wholeNumber = (min: number, max: number, code: string) =>
  z
    .string()
    .trim()
    .min(1, "required")
    .max(6, code)
    .refine((s) => /^[0-9]+$/.test(s), code)
    .transform(Number)
    .refine((n) => n >= min && n <= max, code);

export const UnitFormSchema = z
  .object({
    municipalityId: z.coerce.number().int().positive("municipality"),
    name: text(120),
    kind: z.enum(UNIT_KINDS, { message: "kind" }),
    street: text(120),
    postalCode: z
      .string()
      .trim()
      .max(6, "postalCode")
      .transform((s) => s.replace(" ", ""))
      .refine((s) => /^[0-9]{5}$/.test(s), "postalCode")
      .transform((s) => `${s.slice(0, 3)} ${s.slice(3)}`),
    town: text(60),
    ageFrom: wholeNumber(0, 16, "age"),
    ageTo: wholeNumber(0, 16, "age"),
    capacity: wholeNumber(1, 2000, "capacity"),
    phone: z.string().trim().max(30, "tooLong"),
  })
  .refine((u) => u.ageTo >= u.ageFrom, { message: "ageOrder", path: ["ageTo"] });
type UnitForm = z.output<typeof UnitFormSchema>;

export const UNIT_FIELDS = [
  "municipalityId",
  "name",
  "kind",
  "street",
  "postalCode",
  "town",
  "ageFrom",
  "ageTo",
  "capacity",
  "phone",
] as const;

/** A posted unit form: the first problem per field as an i18n key in admin-catalogue. */
export function parseUnitForm(form: FormData): FormResult<UnitForm> {
  const raw = Object.fromEntries(
    UNIT_FIELDS.map((k) => {
      const v = form.get(k);
      return [k, typeof v === "string" ? v : ""];
    }),
  );
  const parsed = UnitFormSchema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors: Partial<Record<string, string>> = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? "name");
    errors[field] ??= `admin-catalogue:units.errors.${field === "municipalityId" ? "municipality" : issue.message}`;
  }
  // zod runs the object-level order check only when every field parsed; say it alongside the others.
  const from = Number(raw.ageFrom);
  const to = Number(raw.ageTo);
  if (!errors.ageFrom && !errors.ageTo && to < from) errors.ageTo = "admin-catalogue:units.errors.ageOrder";
  return { ok: false, errors };
}

type UnitRow = typeof childcareUnit.$inferSelect;

/** The units of the municipalities in scope (null: all), open ones first, by name. */
export function listUnitsForAdmin(scope: readonly number[] | null): UnitRow[] {
  return db()
    .select()
    .from(childcareUnit)
    .where(scope === null ? undefined : inArray(childcareUnit.municipalityId, [...scope]))
    .orderBy(asc(childcareUnit.municipalityId), asc(childcareUnit.closedAt), asc(childcareUnit.name))
    .all();
}

/** One unit, if it is in the admin's scope. */
export function getUnitForAdmin(input: { id: number; scope: readonly number[] | null }): UnitRow | null {
  const unit = db().select().from(childcareUnit).where(eq(childcareUnit.id, input.id)).get();
  if (!unit || (input.scope !== null && !input.scope.includes(unit.municipalityId))) return null;
  return unit;
}

/** How many applications, offers and placements name the unit (why it cannot be deleted). */
export function unitReferences(unitId: number): number {
  const n = (rows: { n: number } | undefined) => rows?.n ?? 0;
  return (
    n(db().select({ n: count() }).from(childcarePreference).where(eq(childcarePreference.unitId, unitId)).get()) +
    n(db().select({ n: count() }).from(childcareOffer).where(eq(childcareOffer.unitId, unitId)).get()) +
    n(db().select({ n: count() }).from(childcarePlacement).where(eq(childcarePlacement.unitId, unitId)).get())
  );
}

function slugify(s: string): string {
  const folded = s.toLowerCase().replaceAll("å", "a").replaceAll("ä", "a").replaceAll("ö", "o").normalize("NFKD");
  let out = "";
  for (const ch of folded) {
    if ((ch >= "a" && ch <= "z") || (ch >= "0" && ch <= "9")) out += ch;
    else if (out.length > 0 && !out.endsWith("-")) out += "-";
  }
  while (out.endsWith("-")) out = out.slice(0, -1);
  return out.slice(0, 60) || "enhet";
}

/** A slug unique across the portal, from the municipality and the unit name ("<kommun>-solrosen-2"). */
function freeSlug(municipalitySlug: string, name: string): string {
  const base = `${municipalitySlug}-${slugify(name)}`;
  const taken = new Set(
    db()
      .select({ slug: childcareUnit.slug })
      .from(childcareUnit)
      .where(like(childcareUnit.slug, `${base}%`))
      .all()
      .map((r) => r.slug),
  );
  if (!taken.has(base)) return base;
  let i = 2;
  while (taken.has(`${base}-${i}`)) i += 1;
  return `${base}-${i}`;
}

function describe(u: UnitForm | UnitRow) {
  return {
    municipalityId: u.municipalityId,
    name: u.name,
    kind: u.kind,
    street: u.street,
    postalCode: u.postalCode,
    town: u.town,
    ageFrom: u.ageFrom,
    ageTo: u.ageTo,
    capacity: u.capacity,
    phone: u.phone,
  };
}

/**
 * Creates a unit (no id) or changes one. The municipality must be in the admin's scope, both the
 * unit's current one and the one it is moved to. The row is no longer example data; the seed, which
 * inserts by slug only when absent, leaves it alone. Audited with the fields before and after.
 */
export function saveUnit(input: {
  actor: SessionUser;
  scope: readonly number[] | null;
  id?: number;
  value: UnitForm;
}): { ok: true; id: number } | { ok: false; reason: "outOfScope" | "notFound" } {
  const { value, scope } = input;
  const target = db().select().from(municipality).where(eq(municipality.id, value.municipalityId)).get();
  if (!target || (scope !== null && !scope.includes(target.id))) return { ok: false, reason: "outOfScope" };
  const fields = { ...describe(value), example: false };
  if (input.id === undefined) {
    const created = db()
      .insert(childcareUnit)
      .values({ ...fields, slug: freeSlug(target.slug, value.name) })
      .returning({ id: childcareUnit.id })
      .get();
    audit({
      actor: input.actor,
      action: "unit.created",
      subjectType: "childcare_unit",
      subjectId: String(created.id),
      municipalityId: target.id,
      details: { before: null, after: describe(value) },
    });
    return { ok: true, id: created.id };
  }
  const existing = getUnitForAdmin({ id: input.id, scope });
  if (!existing) return { ok: false, reason: "notFound" };
  db().update(childcareUnit).set(fields).where(eq(childcareUnit.id, existing.id)).run();
  audit({
    actor: input.actor,
    action: "unit.updated",
    subjectType: "childcare_unit",
    subjectId: String(existing.id),
    municipalityId: target.id,
    details: { before: describe(existing), after: describe(value) },
  });
  return { ok: true, id: existing.id };
}

/** Closes (retires) or reopens a unit in the admin's scope. Never deletes: cases refer to units. */
export function setUnitClosed(input: {
  actor: SessionUser;
  scope: readonly number[] | null;
  id: number;
  closed: boolean;
}): "saved" | "notFound" {
  const existing = getUnitForAdmin({ id: input.id, scope: input.scope });
  if (!existing) return "notFound";
  if ((existing.closedAt !== null) === input.closed) return "saved";
  const closedAt = input.closed ? new Date().toISOString() : null;
  db().update(childcareUnit).set({ closedAt, example: false }).where(eq(childcareUnit.id, existing.id)).run();
  audit({
    actor: input.actor,
    action: input.closed ? "unit.closed" : "unit.reopened",
    subjectType: "childcare_unit",
    subjectId: String(existing.id),
    municipalityId: existing.municipalityId,
    details: { name: existing.name, before: { closedAt: existing.closedAt }, after: { closedAt } },
  });
  return "saved";
}
