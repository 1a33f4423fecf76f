/**
 * Every status and other closed list a database column holds: one declaration each (decision 054).
 * The schema types the column with `text(…, { enum })`, migration 0012 makes the database refuse
 * any other value, and code derives its types from here. Pure: pages and db/ may import it.
 */

/** A case's status; which moves are legal per area is app/services/case-status.ts. */
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

export function isCaseStatus(value: unknown): value is CaseStatus {
  return typeof value === "string" && (CASE_STATUSES as readonly string[]).includes(value);
}

/**
 * What a case event's to_status may hold: a status, or "extended" (a building permit's time
 * limit was extended, which changes no status but belongs in the case's history).
 */
export const CASE_EVENT_STATUSES = [...CASE_STATUSES, "extended"] as const;

/** A childcare application's place in the queue. */
export const QUEUE_STATUSES = ["queued", "offered", "placed", "closed"] as const;

/** A childcare offer; "lapsed" is also derived at read time once the deadline has passed. */
export const OFFER_STATUSES = ["pending", "accepted", "declined", "lapsed", "withdrawn"] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

/** A childcare placement. */
export const PLACEMENT_STATUSES = ["active", "terminated"] as const;

/** Whether a notification's e-mail copy went out. */
export const EMAIL_STATUSES = ["off", "pending", "sent", "failed", "no-address"] as const;
export type EmailStatus = (typeof EMAIL_STATUSES)[number];

/** The channels a notification is delivered through besides the portal (decision 079). */
export const DELIVERY_CHANNELS = ["email", "sms"] as const;
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];

/** A delivery: waiting (or retrying), sent, given up after the last attempt, or no longer wanted. */
export const DELIVERY_STATUSES = ["pending", "sent", "failed", "cancelled"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** A building-permit decision's outcome. */
export const DECISION_OUTCOMES = ["approved", "rejected", "dismissed"] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

/** A building-permit supplement request: before completeness, or a clarification after (permit-clock.ts). */
export const SUPPLEMENT_KINDS = ["completeness", "clarification"] as const;
export type SupplementKind = (typeof SUPPLEMENT_KINDS)[number];
