/**
 * Fee estimate for a building permit from a municipality's taxa (plan- och bygglovstaxa).
 * Pure: the taxa is configuration (seeded per municipality, marked example) passed in.
 *
 * The structure follows SKR's model taxa: fee = mPBB × OF × HF × N, where
 *   mPBB = prisbasbelopp / 1000, OF = objektsfaktor by area, HF = handläggningsfaktor per part
 *   of the work (the permit itself, the start notice / technical consultation), N = the
 *   municipality's adjustment factor. Add-ons (neighbour consultation outside a local plan)
 *   are fixed multiples of mPBB. The figures are invented examples, not any council's decision.
 */
import type { MeasureType } from "../../forms/lib/building-permit";

export interface MeasureTaxa {
  /** HF for the permit decision (lov) or for handling the notification. */
  permitFactor: number;
  /** HF for the start notice and technical consultation (startbesked, tekniskt samråd); 0 when none. */
  startFactor: number;
  /** Whether the area decides the objektsfaktor; otherwise OF = 1. */
  byArea: boolean;
}

export interface PermitTaxa {
  /** Year the prisbasbelopp refers to. */
  year: number;
  prisbasbelopp: number;
  /** Kommunfaktor N. */
  municipalityFactor: number;
  /** Objektsfaktor by area (m²), ascending; the first row with area ≤ upToM2 applies; the last row has upToM2 = null. */
  objectFactors: { upToM2: number | null; factor: number }[];
  measures: Record<MeasureType, MeasureTaxa>;
  /** Grannehörande outside a detaljplan, in mPBB. */
  neighbourConsultation: number;
  /** True for the seed's invented figures; an administrator's row is false (docs/decisions/057). */
  example: boolean;
}

export interface FeeInput {
  measure: MeasureType;
  /** The larger of BTA and BYA, m²; null when not asked for. */
  area: number | null;
  insideDetaljplan: boolean;
}

export type FeeLineKey = "permit" | "start" | "neighbours";
export interface FeeEstimate {
  lines: { key: FeeLineKey; amount: number }[];
  total: number;
  objectFactor: number;
  example: boolean;
}

export function objectFactor(taxa: PermitTaxa, area: number | null): number {
  if (area === null) return taxa.objectFactors[0]?.factor ?? 1;
  for (const row of taxa.objectFactors) if (row.upToM2 === null || area <= row.upToM2) return row.factor;
  return taxa.objectFactors[taxa.objectFactors.length - 1]?.factor ?? 1;
}

/** Whole kronor, rounded to the nearest ten as invoices are. */
function kronor(value: number): number {
  return Math.round(value / 10) * 10;
}

export function estimateFee(taxa: PermitTaxa, input: FeeInput): FeeEstimate {
  const m = taxa.measures[input.measure];
  const mpbb = taxa.prisbasbelopp / 1000;
  const of = m.byArea ? objectFactor(taxa, input.area) : 1;
  const lines: FeeEstimate["lines"] = [
    { key: "permit", amount: kronor(mpbb * of * m.permitFactor * taxa.municipalityFactor) },
  ];
  if (m.startFactor > 0)
    lines.push({ key: "start", amount: kronor(mpbb * of * m.startFactor * taxa.municipalityFactor) });
  if (!input.insideDetaljplan && input.measure !== "attefall")
    lines.push({ key: "neighbours", amount: kronor(mpbb * taxa.neighbourConsultation * taxa.municipalityFactor) });
  return { lines, total: lines.reduce((s, l) => s + l.amount, 0), objectFactor: of, example: taxa.example };
}

/** The shared part of every municipality's example taxa; each municipality has its own N. */
export function exampleTaxa(municipalityFactor: number): PermitTaxa {
  return {
    year: 2026,
    prisbasbelopp: 59_200,
    municipalityFactor,
    objectFactors: [
      { upToM2: 49, factor: 6 },
      { upToM2: 129, factor: 8 },
      { upToM2: 199, factor: 10 },
      { upToM2: 299, factor: 14 },
      { upToM2: 499, factor: 20 },
      { upToM2: 799, factor: 25 },
      { upToM2: null, factor: 32 },
    ],
    measures: {
      nybyggnad: { permitFactor: 9, startFactor: 7, byArea: true },
      tillbyggnad: { permitFactor: 7, startFactor: 5, byArea: true },
      "andrad-anvandning": { permitFactor: 6, startFactor: 4, byArea: true },
      fasadandring: { permitFactor: 40, startFactor: 0, byArea: false },
      rivningslov: { permitFactor: 30, startFactor: 20, byArea: false },
      marklov: { permitFactor: 50, startFactor: 0, byArea: false },
      attefall: { permitFactor: 3, startFactor: 3, byArea: true },
    },
    neighbourConsultation: 20,
    example: true,
  };
}

/** Structural check of a taxa read from the database (config is data; bad data must not crash a page). */
export function isPermitTaxa(value: unknown): value is PermitTaxa {
  if (typeof value !== "object" || value === null) return false;
  const t = value as Partial<PermitTaxa>;
  return (
    typeof t.prisbasbelopp === "number" &&
    typeof t.municipalityFactor === "number" &&
    Array.isArray(t.objectFactors) &&
    typeof t.measures === "object" &&
    t.measures !== null
  );
}
