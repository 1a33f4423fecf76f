import type { Area } from "~/domain/areas";
import { CASE_STATUSES, type CaseStatus } from "~/domain/statuses";
/**
 * The case status machine, one per area. Pure data and functions (no database), so the
 * back office, the tests and the diarium agree on what a status means and which moves are
 * legal. A transition not listed here is refused.
 */
export const INITIAL_STATUS: CaseStatus = "received";

/** A school application reaches officers only once every custodial guardian has signed (docs/decisions/023). */
export const NOT_FOR_OFFICERS: readonly CaseStatus[] = ["awaiting_signatures", "signature_declined"];

type Machine = Partial<Record<CaseStatus, readonly CaseStatus[]>>;

const MACHINES: Record<Area, Machine> = {
  // Reports, complaints, requests, permits handled as ordinary errands.
  allmant: {
    received: ["in_progress", "closed", "withdrawn"],
    in_progress: ["awaiting_completion", "decided", "closed", "withdrawn"],
    awaiting_completion: ["in_progress", "closed", "withdrawn"],
    decided: ["closed"],
  },
  // Social services (decision 099): an application under socialtjänstlagen, LSS, the housing
  // adaptation or the färdtjänst act is decided (granted, refused or dismissed), never just
  // closed: a refusal is a decision the applicant may appeal. Withdrawn ends it without one.
  socialtjanst: {
    received: ["in_progress", "withdrawn"],
    in_progress: ["awaiting_completion", "decided", "withdrawn"],
    awaiting_completion: ["in_progress", "withdrawn"],
    decided: ["closed"],
  },
  // Childcare: a place is offered (within four months) and accepted or declined.
  barnomsorg: {
    received: ["in_progress", "withdrawn"],
    in_progress: ["awaiting_completion", "place_offered", "decided", "withdrawn"],
    awaiting_completion: ["in_progress", "withdrawn"],
    place_offered: ["place_accepted", "place_declined"],
    // The placement decision (decision 077) follows the accepted offer.
    place_accepted: ["decided", "closed"],
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

/**
 * Who makes a change, named by the code path that makes it (not by the person): each path
 * checks its own preconditions before it asks for the change. "officer" is the back office's
 * generic status form, which checks nothing beyond the machine, so it may make only the plain
 * moves (docs/decisions/044).
 */
export const TRANSITION_PATHS = [
  "officer", // changeStatusForStaff: the status form on /handlaggare/arenden/$reference
  "supplement", // requestSupplement: an officer asks a building-permit applicant for more
  "decision", // decide(): the decision row and document are written with the change
  "offer", // offerPlace: an offer row exists
  "answer", // answerOffer / terminatePlacement: the guardian answered or gave notice
  "lapse", // the scheduled job: an offer's answer time ran out
  "signing", // signSchoolApplication: every custodial guardian approved or one declined
  "applicant", // the applicant withdraws, or sends what was asked for
  "callback", // the municipality's case system through the integration API
] as const;
export type TransitionPath = (typeof TRANSITION_PATHS)[number];

/**
 * Moves that only some paths may make; a move that no rule matches is open to every path the
 * machine allows. A rule matches on the fields it names.
 */
const RESTRICTED: readonly { area?: Area; from?: CaseStatus; to?: CaseStatus; only: readonly TransitionPath[] }[] = [
  // Not a case yet: only the guardians' signatures (or the applicant withdrawing) move it on.
  { from: "awaiting_signatures", to: "received", only: ["signing"] },
  { from: "awaiting_signatures", to: "signature_declined", only: ["signing"] },
  { from: "awaiting_signatures", to: "withdrawn", only: ["applicant"] },
  // A decision is a document, not a status.
  { to: "decided", only: ["decision", "callback"] },
  // Childcare places: an offer row, and the guardian's answer (or its lapse).
  { area: "barnomsorg", to: "place_offered", only: ["offer"] },
  { area: "barnomsorg", from: "place_offered", to: "place_accepted", only: ["answer"] },
  { area: "barnomsorg", from: "place_offered", to: "place_declined", only: ["answer", "lapse"] },
];

/** May this path make this move? The machine first, then the rules on who. */
export function mayTransition(area: Area, from: CaseStatus, to: CaseStatus, via: TransitionPath): boolean {
  if (!canTransition(area, from, to)) return false;
  return RESTRICTED.every(
    (r) =>
      (r.area !== undefined && r.area !== area) ||
      (r.from !== undefined && r.from !== from) ||
      (r.to !== undefined && r.to !== to) ||
      r.only.includes(via),
  );
}

/** The moves a path may make from a status (the officer's status form lists these). */
export function transitionsFor(area: Area, from: CaseStatus, via: TransitionPath): CaseStatus[] {
  return allowedTransitions(area, from).filter((to) => mayTransition(area, from, to, via));
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

export function assertTransition(area: Area, from: CaseStatus, to: CaseStatus, via?: TransitionPath): void {
  if (via === undefined ? !canTransition(area, from, to) : !mayTransition(area, from, to, via))
    throw new IllegalTransitionError(area, from, to);
}
