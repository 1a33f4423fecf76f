/**
 * Taxa with validity dates (docs/decisions/057): the building-permit taxa per municipality and
 * the maxtaxa per year are rows an administrator enters, next year's in advance; a fee is always
 * computed from the row valid on the date in question.
 */
import { and, asc, desc, eq, inArray, lte } from "drizzle-orm";
import { z } from "zod";
import { childcareFeeConfig, municipality, permitTaxa } from "../../db/schema/index";
import { adminMunicipalities } from "~/auth/guards.server";
import type { SessionUser } from "~/auth/session.server";
import { db } from "~/db.server";
import { audit } from "~/platform/audit.server";
import { isMaxtaxaConfig, MAXTAXA_2026, type FeeStep, type MaxtaxaConfig } from "./childcare-fee";
import { maxtaxaFor } from "./childcare.server";
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

/**
 * The maxtaxa for a year (decisions 022 and 060): an administrator enters Skolverket's inkomsttak;
 * the percentages per child are law (SFS 2001:160) and each ceiling is the percentage of the
 * inkomsttak, as Skolverket publishes them. The rules that are municipal choices (allmän förskola,
 * part time) carry over from the year before.
 */
export const MaxtaxaFormSchema = z.object({
  year: z
    .string()
    .trim()
    .refine((s) => /^[0-9]{4}$/.test(s), "year")
    .transform(Number)
    .refine((n) => n >= 2020 && n <= 2100, "year"),
  incomeCapPerMonth: z
    .string()
    .trim()
    .min(1, "required")
    .max(12, "number")
    .transform((s) => Number(s.replaceAll(" ", "")))
    .refine((n) => Number.isInteger(n) && n >= 10_000 && n <= 1_000_000, "incomeCap"),
  source: z.string().trim().min(1, "required").max(200, "tooLong"),
});
type MaxtaxaForm = z.output<typeof MaxtaxaFormSchema>;
export const MAXTAXA_FIELDS = ["year", "incomeCapPerMonth", "source"] as const;

export function parseMaxtaxaForm(form: FormData): FormResult<MaxtaxaForm> {
  const raw = Object.fromEntries(
    MAXTAXA_FIELDS.map((k) => {
      const v = form.get(k);
      return [k, typeof v === "string" ? v : ""];
    }),
  );
  const parsed = MaxtaxaFormSchema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors: Partial<Record<string, string>> = {};
  for (const issue of parsed.error.issues) {
    errors[String(issue.path[0] ?? "year")] ??= `admin-catalogue:maxtaxa.errors.${issue.message}`;
  }
  return { ok: false, errors };
}

interface MaxtaxaRow {
  year: number;
  incomeCapPerMonth: number;
  forskolaMaxFees: number[];
  fritidshemMaxFees: number[];
  source: string;
  updatedAt: string;
}

/** Every year's maxtaxa, newest first. */
export function listMaxtaxa(): MaxtaxaRow[] {
  return db()
    .select()
    .from(childcareFeeConfig)
    .orderBy(desc(childcareFeeConfig.year))
    .all()
    .flatMap((r) => {
      const parsed: unknown = JSON.parse(r.config);
      if (!isMaxtaxaConfig(parsed)) return [];
      return [
        {
          year: r.year,
          incomeCapPerMonth: parsed.incomeCapPerMonth,
          forskolaMaxFees: parsed.forskola.map((s) => s.maxFee),
          fritidshemMaxFees: parsed.fritidshem.map((s) => s.maxFee),
          source: r.source,
          updatedAt: r.updatedAt,
        },
      ];
    });
}

const withCap = (steps: readonly FeeStep[], cap: number) =>
  steps.map((s) => ({ percent: s.percent, maxFee: Math.round((s.percent / 100) * cap) })) as [
    FeeStep,
    FeeStep,
    FeeStep,
  ];

/**
 * Enters (or corrects) a year's maxtaxa. The maxtaxa is national, so only a portal-wide
 * administrator may. Audited with the inkomsttak before and after.
 */
export function saveMaxtaxa(input: { actor: SessionUser; value: MaxtaxaForm }): "saved" | "forbidden" {
  if (adminMunicipalities(input.actor, "users.admin") !== null) return "forbidden";
  const { year, incomeCapPerMonth, source } = input.value;
  const existing = db().select().from(childcareFeeConfig).where(eq(childcareFeeConfig.year, year)).get();
  const base = maxtaxaFor(year);
  const next: MaxtaxaConfig = {
    ...base,
    year,
    incomeCapPerMonth,
    forskola: withCap(MAXTAXA_2026.forskola, incomeCapPerMonth),
    fritidshem: withCap(MAXTAXA_2026.fritidshem, incomeCapPerMonth),
  };
  const config = JSON.stringify(next);
  const updatedAt = new Date().toISOString();
  db()
    .insert(childcareFeeConfig)
    .values({ year, config, source, updatedAt })
    .onConflictDoUpdate({ target: childcareFeeConfig.year, set: { config, source, updatedAt } })
    .run();
  const before: unknown = existing ? JSON.parse(existing.config) : null;
  audit({
    actor: input.actor,
    action: existing ? "taxa.maxtaxa.updated" : "taxa.maxtaxa.created",
    subjectType: "childcare_fee_config",
    subjectId: String(year),
    details: {
      year,
      before: isMaxtaxaConfig(before)
        ? { incomeCapPerMonth: before.incomeCapPerMonth, source: existing?.source }
        : null,
      after: { incomeCapPerMonth, source },
    },
  });
  return "saved";
}
