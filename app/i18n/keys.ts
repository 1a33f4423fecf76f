/**
 * Typed maps from a domain value to the full i18n key that names it (decision 054). A key built
 * at run time (`t(\`caseStatus.${s}\`)`) cannot be listed by a test; a map can, and `satisfies
 * Record<…>` makes the compiler refuse a list value without its key. app/i18n/keys-used.test.ts
 * checks that every value here, and every literal key in app/ and forms/, exists in sv and en.
 * Each key names its namespace, so it works from any `t`, as long as the page loads that namespace.
 */
import type { Role } from "~/domain/roles";
import type { Area } from "~/domain/areas";
import type { Law } from "~/domain/decisions";
import type { AdministrationSlug } from "../../forms/types";
import type { CaseStatus, DecisionOutcome, DeliveryChannel, DeliveryStatus } from "~/domain/statuses";

export const CASE_STATUS_KEY = {
  awaiting_signatures: "eservice:caseStatus.awaiting_signatures",
  signature_declined: "eservice:caseStatus.signature_declined",
  received: "eservice:caseStatus.received",
  in_progress: "eservice:caseStatus.in_progress",
  awaiting_completion: "eservice:caseStatus.awaiting_completion",
  complete: "eservice:caseStatus.complete",
  place_offered: "eservice:caseStatus.place_offered",
  place_accepted: "eservice:caseStatus.place_accepted",
  place_declined: "eservice:caseStatus.place_declined",
  decided: "eservice:caseStatus.decided",
  closed: "eservice:caseStatus.closed",
  withdrawn: "eservice:caseStatus.withdrawn",
} as const satisfies Record<CaseStatus, string>;

/** An area's name for staff pages (auth namespace, loaded by every staff page). */
export const AREA_KEY = {
  barnomsorg: "auth:areas.barnomsorg",
  skola: "auth:areas.skola",
  bygglov: "auth:areas.bygglov",
  allmant: "auth:areas.allmant",
  socialtjanst: "auth:areas.socialtjanst",
} as const satisfies Record<Area, string>;

/** The back office's own area names (its filter and case pages load backoffice, not auth). */
export const BACKOFFICE_AREA_KEY = {
  barnomsorg: "backoffice:areas.barnomsorg",
  skola: "backoffice:areas.skola",
  bygglov: "backoffice:areas.bygglov",
  allmant: "backoffice:areas.allmant",
  socialtjanst: "backoffice:areas.socialtjanst",
} as const satisfies Record<Area, string>;

export const ROLE_KEY = {
  resident: "auth:roles.resident",
  representative: "auth:roles.representative",
  officer: "auth:roles.officer",
  editor: "auth:roles.editor",
  contributor: "auth:roles.contributor",
  admin: "auth:roles.admin",
  designer: "auth:roles.designer",
  preparer: "auth:roles.preparer",
} as const satisfies Record<Role, string>;

/** The laws a template or case may be decided under (decision 106), as /admin/beslut names them. */
export const LAW_KEY = {
  sol: "decisions-admin:laws.sol",
  lss: "decisions-admin:laws.lss",
  bab: "decisions-admin:laws.bab",
  fardtjanst: "decisions-admin:laws.fardtjanst",
  riksfardtjanst: "decisions-admin:laws.riksfardtjanst",
} as const satisfies Record<Law, string>;

export const DECISION_OUTCOME_KEY = {
  approved: "backoffice:outcomes.approved",
  rejected: "backoffice:outcomes.rejected",
  dismissed: "backoffice:outcomes.dismissed",
} as const satisfies Record<DecisionOutcome, string>;

/** A decision's outcome in the words of its case type (decision 077): a school places, bygglov grants. */
export const DECISION_OUTCOME_BY_AREA_KEY = {
  bygglov: DECISION_OUTCOME_KEY,
  skola: {
    approved: "backoffice:areaOutcomes.skola.approved",
    rejected: "backoffice:areaOutcomes.skola.rejected",
    dismissed: "backoffice:areaOutcomes.skola.dismissed",
  },
  barnomsorg: {
    approved: "backoffice:areaOutcomes.barnomsorg.approved",
    rejected: "backoffice:areaOutcomes.barnomsorg.rejected",
    dismissed: "backoffice:areaOutcomes.barnomsorg.dismissed",
  },
  allmant: {
    approved: "backoffice:areaOutcomes.allmant.approved",
    rejected: "backoffice:areaOutcomes.allmant.rejected",
    dismissed: "backoffice:areaOutcomes.allmant.dismissed",
  },
  socialtjanst: {
    approved: "backoffice:areaOutcomes.socialtjanst.approved",
    rejected: "backoffice:areaOutcomes.socialtjanst.rejected",
    dismissed: "backoffice:areaOutcomes.socialtjanst.dismissed",
  },
} as const satisfies Record<Area, Record<DecisionOutcome, string>>;

/** An outcome as said in a callback from an integration system (its own wording). */
export const CALLBACK_OUTCOME_KEY = {
  approved: "backoffice:integration.outcomes.approved",
  rejected: "backoffice:integration.outcomes.rejected",
  dismissed: "backoffice:integration.outcomes.dismissed",
} as const satisfies Record<DecisionOutcome, string>;

/** The roles the accessibility sweep visits as (scripts/a11y-report.mjs writes these names). */
export const A11Y_ROLE_NAME_KEY = {
  anonymous: "pages:accessibility.roleNames.anonymous",
  resident: "pages:accessibility.roleNames.resident",
  company: "pages:accessibility.roleNames.company",
  officer: "pages:accessibility.roleNames.officer",
  editor: "pages:accessibility.roleNames.editor",
  admin: "pages:accessibility.roleNames.admin",
} as const;

/** The scheduled jobs' names (app/services/scheduled-jobs.server.ts). */
export const JOB_NAME_KEY = {
  "case-outbox": "jobs:names.case-outbox",
  "link-check": "jobs:names.link-check",
  "review-reminders": "jobs:names.review-reminders",
  "offer-lapse": "jobs:names.offer-lapse",
  cleanup: "jobs:names.cleanup",
  retention: "jobs:names.retention",
  "staff-sso-inactive": "jobs:names.staff-sso-inactive",
  "notification-delivery": "jobs:names.notification-delivery",
  "owner-consent": "jobs:names.owner-consent",
  "diarium-fts-merge": "jobs:names.diarium-fts-merge",
} as const;

/** Why a staff SSO login was refused (app/auth/staff-sso/login.server.ts, oidc.server.ts). */
export const SSO_REFUSAL_KEY = {
  mfa: "sso:refused.mfa",
  noRoles: "sso:refused.noRoles",
  disabled: "sso:refused.disabled",
  provider: "sso:refused.provider",
  failed: "sso:refused.failed",
  cancelled: "sso:refused.cancelled",
} as const;

/** The staff SSO admin form's fields, each with its error text (app/routes/admin.inloggning.tsx). */
export const SSO_FIELD_ERROR_KEY = {
  name: "sso:admin.errors.name",
  protocol: "sso:admin.errors.protocol",
  municipalities: "sso:admin.errors.municipalities",
  oidcIssuer: "sso:admin.errors.oidcIssuer",
  oidcClientId: "sso:admin.errors.oidcClientId",
  oidcClientSecret: "sso:admin.errors.oidcClientSecret",
  samlIdpEntityId: "sso:admin.errors.samlIdpEntityId",
  samlSsoUrl: "sso:admin.errors.samlSsoUrl",
  samlSloUrl: "sso:admin.errors.samlSloUrl",
  samlIdpCertificate: "sso:admin.errors.samlIdpCertificate",
  groupsAttribute: "sso:admin.errors.groupsAttribute",
  mfaValues: "sso:admin.errors.mfaValues",
  providerId: "sso:admin.errors.providerId",
  groupName: "sso:admin.errors.groupName",
  role: "sso:admin.errors.role",
  area: "sso:admin.errors.area",
  administrationId: "sso:admin.errors.administrationId",
} as const;

/**
 * The key for a value that arrives as a plain string (a row from the database, a JSON file):
 * undefined when the map has no such value, so the caller shows the raw value instead.
 */
export function keyOf<K extends string, V extends string>(map: Readonly<Record<K, V>>, value: string): V | undefined {
  return Object.hasOwn(map, value) ? map[value as K] : undefined;
}

/** A notification delivery's channel and status on /admin/jobb (decision 079). */
export const DELIVERY_CHANNEL_KEY = {
  email: "jobs:deliveries.channel.email",
  sms: "jobs:deliveries.channel.sms",
} as const satisfies Record<DeliveryChannel, string>;

export const DELIVERY_STATUS_KEY = {
  pending: "jobs:deliveries.status.pending",
  sent: "jobs:deliveries.status.sent",
  failed: "jobs:deliveries.status.failed",
  cancelled: "jobs:deliveries.status.cancelled",
} as const satisfies Record<DeliveryStatus, string>;
/** A payment that did not go through, as the resident is told (decision 080). */
const PAYMENT_FAILED_KEY = {
  DECLINED: "permits:payment.failed.DECLINED",
  ERROR: "permits:payment.failed.ERROR",
  CANCELLED: "permits:payment.failed.CANCELLED",
  TIMEOUT: "permits:payment.failed.TIMEOUT",
} as const;

/** Why starting or using a payment was refused. */
export const PAYMENT_ERROR_KEY = {
  phone: "permits:payment.errors.phone",
  unavailable: "permits:payment.errors.unavailable",
  refused: "permits:payment.errors.refused",
  unpaid: "permits:payment.errors.unpaid",
} as const;

/** A case's payment for the applicant (permits) and for the officer (backoffice). */
export const PAYMENT_STATE_KEY = {
  paid: "permits:payment.state.paid",
  unpaid: "permits:payment.state.unpaid",
  invoice: "permits:payment.state.invoice",
} as const;
export const STAFF_PAYMENT_STATE_KEY = {
  paid: "backoffice:payment.paid",
  unpaid: "backoffice:payment.unpaid",
  invoice: "backoffice:payment.invoice",
} as const;

/** A status the payment table holds that is final but not paid. */
export function paymentFailedKey(status: string): string {
  return status in PAYMENT_FAILED_KEY
    ? PAYMENT_FAILED_KEY[status as keyof typeof PAYMENT_FAILED_KEY]
    : PAYMENT_FAILED_KEY.ERROR;
}

/** An e-service version's status in the designer (decision 075). */
export const ESERVICE_STATUS_KEY = {
  draft: "editor:eservices.status.draft",
  published: "editor:eservices.status.published",
  retired: "editor:eservices.status.retired",
} as const satisfies Record<"draft" | "published" | "retired", string>;

/** The administrations an e-service's cases can go to, in the designer (decision 086). */
export const ADMINISTRATION_KEY = {
  "barn-och-utbildning": "editor:eservices.administrations.barn-och-utbildning",
  samhallsbyggnad: "editor:eservices.administrations.samhallsbyggnad",
  socialtjanst: "editor:eservices.administrations.socialtjanst",
  "kultur-och-fritid": "editor:eservices.administrations.kultur-och-fritid",
  kommunledning: "editor:eservices.administrations.kommunledning",
} as const satisfies Record<AdministrationSlug, string>;

/** What the public diarium shows of an e-service's cases, in the designer (decision 086). */
export const DIARIUM_MODE_KEY = {
  masked: "editor:eservices.diarium.masked",
  secret: "editor:eservices.diarium.secret",
  subject: "editor:eservices.diarium.subject",
} as const satisfies Record<"masked" | "secret" | "subject", string>;

/** How a choice question shows its choices, in the designer (decision 086). */
export const CHOICE_DISPLAY_KEY = {
  radio: "editor:eservices.display.radio",
  select: "editor:eservices.display.select",
} as const satisfies Record<"radio" | "select", string>;
