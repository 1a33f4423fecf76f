/**
 * Taxa with validity dates (docs/decisions/057): the building-permit taxa per municipality and
 * the maxtaxa per year are rows an administrator enters, next year's in advance; a fee is always
 * computed from the row valid on the date in question.
 */
import { and, asc, desc, eq, inArray, lte } from "drizzle-orm";
import { z } from "zod";
import { municipality, permitTaxa } from "../../db/schema/index";
import type { SessionUser } from "~/auth/session.server";
import { db } from "~/db.server";
import { audit } from "~/platform/audit.server";
import { exampleTaxa, isPermitTaxa, type PermitTaxa } from "./permit-fees";

function isIsoDate(s: string): boolean {
  if (!/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

const isoDate = z.string().trim().max(10, "dateFormat").refine(isIsoDate, "dateFormat");

const decimal = (max: number) =>
  z
    .string()
    .trim()
    .min(1, "required")
    .max(20, "number")
    .transform((s) => Number(s.replace(",", ".").replaceAll(" ", "")))
    .refine((n) => Number.isFinite(n) && n > 0 && n <= max, "number");

/** The figures an administrator sets; the SKR structure (objektsfaktorer, HF per measure) is kept. */
export const PermitTaxaFormSchema = z.object({
  municipalityId: z.coerce.number().int().positive("municipality"),
  validFrom: isoDate,
  prisbasbelopp: decimal(1_000_000),
  municipalityFactor: decimal(10),
  neighbourConsultation: decimal(1000),
});
export type PermitTaxaForm = z.output<typeof PermitTaxaFormSchema>;

function parseTaxa(config: string): PermitTaxa | null {
  try {
    const parsed: unknown = JSON.parse(config);
    return isPermitTaxa(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

/** The taxa valid in a municipality on a date (YYYY-MM-DD): the latest row from on or before it. */
export function getPermitTaxa(input: { municipalityId: number; on: string }): PermitTaxa | null {
  const row = db()
    .select()
    .from(permitTaxa)
    .where(and(eq(permitTaxa.municipalityId, input.municipalityId), lte(permitTaxa.validFrom, input.on)))
    .orderBy(desc(permitTaxa.validFrom))
    .limit(1)
    .get();
  return row ? parseTaxa(row.config) : null;
}

export interface PermitTaxaRow {
  municipalityId: number;
  validFrom: string;
  prisbasbelopp: number;
  municipalityFactor: number;
  neighbourConsultation: number;
  example: boolean;
  updatedAt: string;
}

/** Every taxa row of the municipalities in scope (null: all), per municipality, oldest first. */
export function listPermitTaxa(scope: readonly number[] | null): PermitTaxaRow[] {
  const rows = db()
    .select()
    .from(permitTaxa)
    .where(scope === null ? undefined : inArray(permitTaxa.municipalityId, [...scope]))
    .orderBy(asc(permitTaxa.municipalityId), asc(permitTaxa.validFrom))
    .all();
  return rows.flatMap((r) => {
    const taxa = parseTaxa(r.config);
    if (!taxa) return [];
    return [
      {
        municipalityId: r.municipalityId,
        validFrom: r.validFrom,
        prisbasbelopp: taxa.prisbasbelopp,
        municipalityFactor: taxa.municipalityFactor,
        neighbourConsultation: taxa.neighbourConsultation,
        example: r.example,
        updatedAt: r.updatedAt,
      },
    ];
  });
}

/**
 * Enters (or corrects) the taxa of one municipality from a date. The structure is copied from
 * the row valid on that date, or the SKR model when the municipality has none yet; the row is
 * no longer example data. Audited with the figures before and after.
 */
export function savePermitTaxa(input: {
  actor: SessionUser;
  /** The municipalities the admin manages (null: the whole portal), from adminMunicipalities(). */
  scope: readonly number[] | null;
  value: PermitTaxaForm;
}): "saved" | "outOfScope" {
  const { municipalityId, validFrom } = input.value;
  const known = db()
    .select({ id: municipality.id })
    .from(municipality)
    .where(eq(municipality.id, municipalityId))
    .get();
  if (!known || (input.scope !== null && !input.scope.includes(municipalityId))) return "outOfScope";
  const base = getPermitTaxa({ municipalityId, on: validFrom }) ?? exampleTaxa(1);
  const existing = db()
    .select()
    .from(permitTaxa)
    .where(and(eq(permitTaxa.municipalityId, municipalityId), eq(permitTaxa.validFrom, validFrom)))
    .get();
  const next: PermitTaxa = {
    ...base,
    year: Number(validFrom.slice(0, 4)),
    prisbasbelopp: input.value.prisbasbelopp,
    municipalityFactor: input.value.municipalityFactor,
    neighbourConsultation: input.value.neighbourConsultation,
    example: false,
  };
  const config = JSON.stringify(next);
  const updatedAt = new Date().toISOString();
  db()
    .insert(permitTaxa)
    .values({ municipalityId, validFrom, config, example: false, updatedAt })
    .onConflictDoUpdate({
      target: [permitTaxa.municipalityId, permitTaxa.validFrom],
      set: { config, example: false, updatedAt },
    })
    .run();
  const before = existing ? parseTaxa(existing.config) : null;
  audit({
    actor: input.actor,
    action: existing ? "taxa.permit.updated" : "taxa.permit.created",
    subjectType: "permit_taxa",
    subjectId: `${municipalityId}:${validFrom}`,
    municipalityId,
    details: {
      validFrom,
      before: before
        ? {
            prisbasbelopp: before.prisbasbelopp,
            municipalityFactor: before.municipalityFactor,
            neighbourConsultation: before.neighbourConsultation,
          }
        : null,
      after: {
        prisbasbelopp: next.prisbasbelopp,
        municipalityFactor: next.municipalityFactor,
        neighbourConsultation: next.neighbourConsultation,
      },
    },
  });
  return "saved";
}

export type FormResult<T> = { ok: true; value: T } | { ok: false; errors: Partial<Record<string, string>> };

/** A posted taxa form: the first problem per field as an i18n key in admin-catalogue. */
export function parsePermitTaxaForm(form: FormData): FormResult<PermitTaxaForm> {
  const raw = Object.fromEntries(
    ["municipalityId", "validFrom", "prisbasbelopp", "municipalityFactor", "neighbourConsultation"].map((k) => {
      const v = form.get(k);
      return [k, typeof v === "string" ? v : ""];
    }),
  );
  const parsed = PermitTaxaFormSchema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors: Partial<Record<string, string>> = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? "form");
    const code = ["required", "number", "dateFormat"].includes(issue.message) ? issue.message : "municipality";
    errors[field] ??= `admin-catalogue:taxa.errors.${field === "municipalityId" ? "municipality" : code}`;
  }
  return { ok: false, errors };
}
