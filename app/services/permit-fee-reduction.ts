import { daysBetween, type IsoDate } from "./permit-clock";

/**
 * Plan- och bygglagen 12 kap. 8 a §: when a decision on a building permit comes later than the
 * statutory time (9 kap. 27 §, the clock of permit-clock.ts), the fee is reduced by one fifth for
 * every started week the time is exceeded, down to nothing. Pure; whole kronor.
 */
export interface FeeReduction {
  /** Started weeks after the deadline (0 when on time). */
  weeksLate: number;
  /** Fifths taken off, 0–5. */
  fifths: number;
  feeBefore: number;
  feeAfter: number;
  reduction: number;
}

export function feeReduction(input: { fee: number; deadline: IsoDate | null; decidedOn: IsoDate }): FeeReduction {
  const daysLate = input.deadline ? daysBetween(input.deadline, input.decidedOn) : 0;
  // The deadline day itself is in time; the day after starts the first week over.
  const weeksLate = daysLate > 0 ? Math.ceil(daysLate / 7) : 0;
  const fifths = Math.min(5, weeksLate);
  const feeAfter = Math.round((input.fee * (5 - fifths)) / 5);
  return { weeksLate, fifths, feeBefore: input.fee, feeAfter, reduction: input.fee - feeAfter };
}
