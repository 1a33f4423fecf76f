/**
 * Maxtaxa: the national maximum-fee rules for förskola, pedagogisk omsorg and fritidshem
 * (Skollagen 8 kap. 16 §, 14 kap. 12 §; förordning 2001:160). Pure and shared by the server
 * and the browser so that the estimate a guardian sees before submitting is the same number
 * the portal later shows on Mina sidor.
 *
 * The yearly figures are configuration (a row per year in `childcare_fee_config`, seeded from
 * MAXTAXA_2026 below); the rules themselves are law and live here. See
 * docs/decisions/022-maxtaxa-figures-are-yearly-configuration.md.
 */

export type CareKind = "forskola" | "pedagogisk-omsorg" | "fritidshem";

/** One step of the child order: a percentage of the income and a monthly ceiling in kronor. */
export interface FeeStep {
  percent: number;
  maxFee: number;
}

export interface MaxtaxaConfig {
  year: number;
  /** Inkomsttak: income above this (kr/month, household, before tax) is not counted. */
  incomeCapPerMonth: number;
  /** Child 1, 2, 3; child 4 and later pay nothing. Applies to förskola and pedagogisk omsorg. */
  forskola: [FeeStep, FeeStep, FeeStep];
  fritidshem: [FeeStep, FeeStep, FeeStep];
  /**
   * Allmän förskola: from the autumn term of the year a child turns 3, 525 hours a year
   * (15 h/week in term time) are free. Children who attend no more than that pay nothing;
   * children who attend more get the fee reduced by this share (the municipalities' common
   * choice in Dalsland: the free hours are roughly a quarter of a full-time week).
   */
  allmanForskola: { fromAge: number; freeHoursPerWeek: number; reduction: number };
  /**
   * Part-time for younger children (municipal rule, under the national maximum): a child
   * under allmän förskola age with at most `maxHoursPerWeek` (e.g. while a parent is on
   * parental leave or looking for work, Skollagen 8 kap. 5–6 §§) pays `factor` of the fee.
   */
  partTime: { maxHoursPerWeek: number; factor: number };
}

/** Published figures for 2026 (Skolverket, maxtaxa from 1 January 2026). */
export const MAXTAXA_2026: MaxtaxaConfig = {
  year: 2026,
  incomeCapPerMonth: 59_200,
  forskola: [
    { percent: 3, maxFee: 1_776 },
    { percent: 2, maxFee: 1_184 },
    { percent: 1, maxFee: 592 },
  ],
  fritidshem: [
    { percent: 2, maxFee: 1_184 },
    { percent: 1, maxFee: 592 },
    { percent: 1, maxFee: 592 },
  ],
  allmanForskola: { fromAge: 3, freeHoursPerWeek: 15, reduction: 0.25 },
  partTime: { maxHoursPerWeek: 15, factor: 0.75 },
};

export interface FeeChild {
  /** Any stable id the caller uses to match results (e.g. a person id). */
  id: string | number;
  /** YYYY-MM-DD */
  birthDate: string;
  kind: CareKind;
  hoursPerWeek: number;
}

/** Why a child's fee is what it is; the UI turns these into sentences. */
export type FeeReason =
  | "capped" // the household income is above the income cap
  | "child-4-free" // the fourth and later children pay nothing
  | "allman-forskola-free" // within the free hours of allmän förskola
  | "allman-forskola-reduced" // fee reduced for allmän förskola
  | "part-time"; // reduced part-time fee for a younger child

export interface ChildFee {
  id: string | number;
  /** 1 = the youngest child with a place; the order decides the percentage. */
  order: number;
  kind: CareKind;
  percent: number;
  maxFee: number;
  /** Fee before reductions (percent of the counted income, at most maxFee). */
  fullFee: number;
  /** Monthly fee in whole kronor. */
  fee: number;
  reasons: FeeReason[];
}

export interface FeeResult {
  year: number;
  countedIncome: number;
  children: ChildFee[];
  total: number;
}

/**
 * Allmän förskola starts at the autumn term (1 August) of the calendar year the child turns
 * `fromAge`, not on the birthday.
 */
export function inAllmanForskolaAge(birthDate: string, on: string, fromAge: number): boolean {
  const birthYear = Number(birthDate.slice(0, 4));
  const startsOn = `${birthYear + fromAge}-08-01`;
  return on >= startsOn;
}

/**
 * Monthly fees for the children of one household. The youngest child with a place is child 1
 * (förskola and fritidshem children are counted together); child 4 and later are free. Each
 * child pays its own care form's percentage at its place in the order.
 */
export function calculateFees(
  config: MaxtaxaConfig,
  monthlyIncome: number,
  children: FeeChild[],
  on: string,
): FeeResult {
  if (!Number.isFinite(monthlyIncome) || monthlyIncome < 0)
    throw new RangeError("monthlyIncome must be a non-negative number");
  const countedIncome = Math.min(Math.floor(monthlyIncome), config.incomeCapPerMonth);
  const capped = monthlyIncome > config.incomeCapPerMonth;
  // Youngest first: later birth date = younger. Ties (twins) keep the caller's order.
  const ordered = children
    .map((c, i) => ({ c, i }))
    .sort((a, b) => (a.c.birthDate === b.c.birthDate ? a.i - b.i : a.c.birthDate < b.c.birthDate ? 1 : -1))
    .map((x) => x.c);
  const results = ordered.map((child, index): ChildFee => {
    const order = index + 1;
    const reasons: FeeReason[] = [];
    if (order > 3) {
      return {
        id: child.id,
        order,
        kind: child.kind,
        percent: 0,
        maxFee: 0,
        fullFee: 0,
        fee: 0,
        reasons: ["child-4-free"],
      };
    }
    const step = (child.kind === "fritidshem" ? config.fritidshem : config.forskola)[order - 1]!;
    // Whole kronor, rounded down: the fee never exceeds the ceiling or the percentage.
    const fullFee = Math.min(step.maxFee, Math.floor((countedIncome * step.percent) / 100));
    if (capped) reasons.push("capped");
    let fee = fullFee;
    if (child.kind !== "fritidshem") {
      if (inAllmanForskolaAge(child.birthDate, on, config.allmanForskola.fromAge)) {
        if (child.hoursPerWeek <= config.allmanForskola.freeHoursPerWeek) {
          fee = 0;
          reasons.push("allman-forskola-free");
        } else {
          fee = Math.floor(fullFee * (1 - config.allmanForskola.reduction));
          reasons.push("allman-forskola-reduced");
        }
      } else if (child.hoursPerWeek <= config.partTime.maxHoursPerWeek) {
        fee = Math.floor(fullFee * config.partTime.factor);
        reasons.push("part-time");
      }
    }
    return { id: child.id, order, kind: child.kind, percent: step.percent, maxFee: step.maxFee, fullFee, fee, reasons };
  });
  // Report in the caller's order; the order number says where each child stands.
  const byId = new Map(results.map((r) => [r.id, r]));
  const inCallerOrder = children.map((c) => byId.get(c.id)!);
  return {
    year: config.year,
    countedIncome,
    children: inCallerOrder,
    total: results.reduce((sum, r) => sum + r.fee, 0),
  };
}

/** Validates a stored configuration row (JSON) before it is used. */
export function isMaxtaxaConfig(value: unknown): value is MaxtaxaConfig {
  if (!value || typeof value !== "object") return false;
  const v = value as Record<string, unknown>;
  const steps = (s: unknown) =>
    Array.isArray(s) &&
    s.length === 3 &&
    s.every(
      (x) =>
        x &&
        typeof x === "object" &&
        typeof (x as FeeStep).percent === "number" &&
        typeof (x as FeeStep).maxFee === "number",
    );
  return (
    typeof v.year === "number" &&
    typeof v.incomeCapPerMonth === "number" &&
    steps(v.forskola) &&
    steps(v.fritidshem) &&
    typeof v.allmanForskola === "object" &&
    typeof v.partTime === "object"
  );
}
