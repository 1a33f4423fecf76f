/**
 * The case status machine, one per area. Pure data and functions (no database), so the
 * back office, the tests and the diarium agree on what a status means and which moves are
 * legal. A transition not listed here is refused.
 */
export const AREAS = ["allmant", "barnomsorg", "skola", "bygglov"] as const;
export type Area = (typeof AREAS)[number];

export const CASE_STATUSES = [
  // A school application waiting for the second custodial guardian (docs/decisions/023).
  "awaiting_signatures",
  "signature_declined",
  "received",
  "in_progress",
  "awaiting_completion",
  "complete",
  "place_offered",
  "place_accepted",
  "place_declined",
  "decided",
  "closed",
  "withdrawn",
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const INITIAL_STATUS: CaseStatus = "received";

type Machine = Partial<Record<CaseStatus, readonly CaseStatus[]>>;

const MACHINES: Record<Area, Machine> = {
  // Reports, complaints, requests, permits handled as ordinary errands.
  allmant: {
    received: ["in_progress", "closed", "withdrawn"],
    in_progress: ["awaiting_completion", "decided", "closed", "withdrawn"],
    awaiting_completion: ["in_progress", "closed", "withdrawn"],
    decided: ["closed"],
  },
  // Childcare: a place is offered (within four months) and accepted or declined.
  barnomsorg: {
    received: ["in_progress", "withdrawn"],
    in_progress: ["awaiting_completion", "place_offered", "decided", "withdrawn"],
    awaiting_completion: ["in_progress", "withdrawn"],
    place_offered: ["place_accepted", "place_declined"],
    place_accepted: ["closed"],
    place_declined: ["in_progress", "closed"],
    decided: ["closed"],
  },
  skola: {
    awaiting_signatures: ["received", "signature_declined", "withdrawn"],
    received: ["in_progress", "withdrawn"],
    in_progress: ["awaiting_completion", "decided", "withdrawn"],
    awaiting_completion: ["in_progress", "withdrawn"],
    decided: ["closed"],
  },
  // Building permits: the 10-week clock starts when the application is complete (PBL 9:27).
  bygglov: {
    received: ["awaiting_completion", "complete", "withdrawn"],
    awaiting_completion: ["complete", "closed", "withdrawn"],
    complete: ["in_progress", "decided", "withdrawn"],
    in_progress: ["decided", "withdrawn"],
    decided: ["closed"],
  },
};

export function isArea(value: unknown): value is Area {
  return typeof value === "string" && (AREAS as readonly string[]).includes(value);
}

export function isCaseStatus(value: unknown): value is CaseStatus {
  return typeof value === "string" && (CASE_STATUSES as readonly string[]).includes(value);
}

export function allowedTransitions(area: Area, from: CaseStatus): readonly CaseStatus[] {
  return MACHINES[area][from] ?? [];
}

export function canTransition(area: Area, from: CaseStatus, to: CaseStatus): boolean {
  return allowedTransitions(area, from).includes(to);
}

/** Every status that can occur in an area (for filters). */
export function statusesOf(area: Area): CaseStatus[] {
  const seen = new Set<CaseStatus>([INITIAL_STATUS]);
  for (const [from, tos] of Object.entries(MACHINES[area])) {
    seen.add(from as CaseStatus);
    for (const to of tos ?? []) seen.add(to);
  }
  return CASE_STATUSES.filter((s) => seen.has(s));
}

export function isFinal(area: Area, status: CaseStatus): boolean {
  return allowedTransitions(area, status).length === 0;
}

export class IllegalTransitionError extends Error {
  constructor(
    readonly area: Area,
    readonly from: CaseStatus,
    readonly to: CaseStatus,
  ) {
    super(`A ${area} case cannot go from ${from} to ${to}`);
  }
}

export function assertTransition(area: Area, from: CaseStatus, to: CaseStatus): void {
  if (!canTransition(area, from, to)) throw new IllegalTransitionError(area, from, to);
}
