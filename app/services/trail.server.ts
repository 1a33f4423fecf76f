/**
 * The one place Mina sidor, childcare and school services write to the audit trail, so that
 * every change is recorded the same way. Delegates to the identity branch's `audit()`.
 */
export interface TrailEntry {
  /** The session user behind the change, or "system" for lapses done by the clock. */
  actor: unknown;
  action: string;
  subjectType: string;
  subjectId?: string | number;
  municipalityId?: number;
  personId?: number;
  details?: Record<string, unknown>;
}

type Sink = (entry: TrailEntry) => void;

let sink: Sink = () => {};

/** Wired at start-up to the audit module (see app/services/trail-wiring.server.ts). */
export function setTrailSink(next: Sink) {
  sink = next;
}

export function trail(entry: TrailEntry) {
  sink(entry);
}
