import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import { AREAS } from "../../app/domain/areas";
import { administration, municipality } from "./municipalities";
import { staffSsoMapping } from "./staff-sso";

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

/**
 * A resident known to the portal: created at their first e-ID login.
 * The personnummer is stored encrypted (AES-256-GCM) and as an HMAC for look-ups; the
 * plaintext never touches the database (docs/decisions/008).
 */
export const person = sqliteTable("person", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  personnummerEncrypted: text("personnummer_encrypted").notNull(),
  personnummerHmac: text("personnummer_hmac").notNull().unique(),
  givenName: text("given_name").notNull(),
  familyName: text("family_name").notNull(),
  /**
   * Skyddade personuppgifter (sekretessmarkering or skyddad folkbokföring) as the population
   * register said at the person's latest login (docs/decisions/046). The register stays the
   * source of truth; this copy lets queries and staff views see it without asking again.
   */
  protectedIdentity: integer("protected_identity", { mode: "boolean" }).notNull().default(false),
  createdAt: text("created_at").notNull().default(now),
  lastLoginAt: text("last_login_at"),
});

/** Companies and associations (organisationsnummer validated with its check digit). */
export const organisation = sqliteTable("organisation", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  /** "NNNNNN-NNNN" */
  orgNumber: text("org_number").notNull().unique(),
  name: text("name").notNull(),
  municipalityId: integer("municipality_id").references(() => municipality.id),
  example: integer("example", { mode: "boolean" }).notNull().default(true),
});

/**
 * Who may act for which organisation. The person is named by the HMAC of their
 * personnummer, so a representation can exist before the person first logs in.
 */
export const representation = sqliteTable(
  "representation",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    organisationId: integer("organisation_id")
      .notNull()
      .references(() => organisation.id),
    personnummerHmac: text("personnummer_hmac").notNull(),
    /** firmatecknare (authorised signatory) | ombud (authorised agent) */
    role: text("role", { enum: ["firmatecknare", "ombud"] }).notNull(),
    validFrom: text("valid_from"),
    validTo: text("valid_to"),
  },
  (t) => [uniqueIndex("representation_org_person").on(t.organisationId, t.personnummerHmac)],
);

/**
 * A mandate (ombud) a company's signatory gave in the portal to a named person (decision 069):
 * the person may act for the company in the portal until it ends or is revoked. The grantee is
 * named by personnummer, held encrypted and as an HMAC for the look-up at /valj-part; rows are
 * never deleted, so the company's signatories see every grant and revocation.
 */
export const companyMandate = sqliteTable(
  "company_mandate",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    organisationId: integer("organisation_id")
      .notNull()
      .references(() => organisation.id),
    personnummerHmac: text("personnummer_hmac").notNull(),
    personnummerEncrypted: text("personnummer_encrypted").notNull(),
    /** The grantee's name as the signatory wrote it (shown to the signatories only). */
    granteeName: text("grantee_name").notNull(),
    /** Last day the mandate holds (ISO date); null: until revoked. */
    validTo: text("valid_to"),
    grantedByPersonId: integer("granted_by_person_id")
      .notNull()
      .references(() => person.id),
    grantedAt: text("granted_at").notNull().default(now),
    revokedByPersonId: integer("revoked_by_person_id").references(() => person.id),
    revokedAt: text("revoked_at"),
  },
  (t) => [
    index("company_mandate_person").on(t.personnummerHmac),
    index("company_mandate_organisation").on(t.organisationId),
  ],
);

export const staffUser = sqliteTable("staff_user", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  username: text("username").notNull().unique(),
  name: text("name").notNull(),
  email: text("email").notNull(),
  /** The municipality that employs the user; admins of it manage the account. */
  municipalityId: integer("municipality_id").references(() => municipality.id),
  passwordHash: text("password_hash").notNull(),
  passwordChangedAt: text("password_changed_at").notNull().default(now),
  mustChangePassword: integer("must_change_password", { mode: "boolean" }).notNull().default(false),
  /** Encrypted base32 TOTP secret; null until enrolled (or after an admin reset). */
  totpSecretEncrypted: text("totp_secret_encrypted"),
  totpEnrolledAt: text("totp_enrolled_at"),
  /** Last accepted TOTP time step: a code is accepted once (no replay). */
  totpLastStep: integer("totp_last_step"),
  failedAttempts: integer("failed_attempts").notNull().default(0),
  lockedUntil: text("locked_until"),
  disabledAt: text("disabled_at"),
  createdAt: text("created_at").notNull().default(now),
  lastLoginAt: text("last_login_at"),
  /** The language the user last signed in with (sv | en): e-mails to staff use it. */
  language: text("language", { enum: ["sv", "en"] })
    .notNull()
    .default("sv"),
});

/**
 * A staff member's FIDO2 security key (WebAuthn), an alternative to the TOTP app as the second
 * factor (ASVS 2.3.2, docs/decisions/049). The public key only; the counter detects a cloned key.
 */
export const staffWebauthnCredential = sqliteTable(
  "staff_webauthn_credential",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    staffUserId: integer("staff_user_id")
      .notNull()
      .references(() => staffUser.id, { onDelete: "cascade" }),
    /** base64url credential id, as the authenticator returns it. */
    credentialId: text("credential_id").notNull().unique(),
    /** base64url COSE public key. */
    publicKey: text("public_key").notNull(),
    counter: integer("counter").notNull().default(0),
    /** JSON array of transports ("usb", "nfc" …), a hint for the browser. */
    transports: text("transports"),
    name: text("name").notNull(),
    createdAt: text("created_at").notNull().default(now),
    lastUsedAt: text("last_used_at"),
  },
  (t) => [index("staff_webauthn_credential_user").on(t.staffUserId)],
);

/**
 * A one-time enrolment link for a staff account (`npm run admin:create`, decision 056): only the
 * SHA-256 of the token is stored; it expires and is used once.
 */
export const staffEnrolment = sqliteTable(
  "staff_enrolment",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    staffUserId: integer("staff_user_id")
      .notNull()
      .references(() => staffUser.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull().unique(),
    expiresAt: text("expires_at").notNull(),
    usedAt: text("used_at"),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [index("staff_enrolment_user").on(t.staffUserId)],
);

export const ROLES = [
  "resident",
  "representative",
  "officer",
  "editor",
  "contributor",
  "admin",
  "designer",
  "preparer",
] as const;
export type Role = (typeof ROLES)[number];
// preparer (beredare, decision 077): handles an area's cases like an officer but holds no decision right.
export const STAFF_ROLES = ["officer", "editor", "contributor", "admin", "designer", "preparer"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/**
 * officer: municipality × area; editor: municipality × administration;
 * admin: municipality, or portal-wide when municipality_id is null.
 */
export const roleAssignment = sqliteTable(
  "role_assignment",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    staffUserId: integer("staff_user_id")
      .notNull()
      .references(() => staffUser.id, { onDelete: "cascade" }),
    role: text("role", { enum: STAFF_ROLES }).notNull(),
    municipalityId: integer("municipality_id").references(() => municipality.id),
    area: text("area", { enum: AREAS }),
    administrationId: integer("administration_id").references(() => administration.id),
    createdAt: text("created_at").notNull().default(now),
    createdBy: integer("created_by"),
    /**
     * The directory group mapping that granted the role at an SSO login (decision 064); null = granted
     * locally by an admin. SSO logins replace only the mapped roles, never the local ones.
     */
    ssoMappingId: integer("sso_mapping_id").references((): AnySQLiteColumn => staffSsoMapping.id, {
      onDelete: "cascade",
    }),
  },
  (t) => [index("role_assignment_user").on(t.staffUserId)],
);

/** Samverkan: `handledByMunicipalityId` handles `area` for `municipalityId`. */
export const areaDelegation = sqliteTable(
  "area_delegation",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    municipalityId: integer("municipality_id")
      .notNull()
      .references(() => municipality.id),
    area: text("area", { enum: AREAS }).notNull(),
    handledByMunicipalityId: integer("handled_by_municipality_id")
      .notNull()
      .references(() => municipality.id),
    /**
     * ISO instant an administrator ended the delegation; an ended row stays (rather than being
     * deleted) so the demo seed, which inserts only when the pair is absent, cannot bring it back
     * (decision 060). A new delegation of the same pair reuses the row.
     */
    endedAt: text("ended_at"),
  },
  (t) => [uniqueIndex("area_delegation_unique").on(t.municipalityId, t.area)],
);

/**
 * A login session. The cookie holds the random id; the table holds only its SHA-256, so a
 * copy of the database does not let anyone take over a session (docs/decisions/007).
 */
export const session = sqliteTable(
  "session",
  {
    idHash: text("id_hash").primaryKey(),
    kind: text("kind", { enum: ["resident", "staff"] }).notNull(),
    personId: integer("person_id").references(() => person.id),
    staffUserId: integer("staff_user_id").references(() => staffUser.id),
    /** Staff between password and TOTP: the session grants nothing yet. */
    stage: text("stage", { enum: ["active", "second-factor", "enrol"] })
      .notNull()
      .default("active"),
    actingOrganisationId: integer("acting_organisation_id").references(() => organisation.id),
    /** null = not chosen yet; "self" or "organisation". */
    actingKind: text("acting_kind", { enum: ["self", "organisation"] }),
    /** Always null since decision 042: the ID token (it carries the personnummer) is not kept. */
    idToken: text("id_token"),
    createdAt: text("created_at").notNull(),
    lastSeenAt: text("last_seen_at").notNull(),
    /** Absolute expiry, regardless of activity. */
    expiresAt: text("expires_at").notNull(),
    idleTimeoutSeconds: integer("idle_timeout_seconds").notNull(),
    revokedAt: text("revoked_at"),
    ip: text("ip"),
    userAgent: text("user_agent"),
    /** Staff SSO (decision 064): the provider that signed the person in, for logout there. */
    ssoProviderId: integer("sso_provider_id"),
    /** The provider's session id (OIDC sid, SAML SessionIndex): an opaque handle, no personal data. */
    ssoSessionIndex: text("sso_session_index"),
    /**
     * Residents: the municipality slug the population register named at this login (decision 109),
     * the header's and the forms' municipality while the browser has chosen none. Ends with the session.
     */
    homeMunicipality: text("home_municipality"),
  },
  (t) => [index("session_person").on(t.personId), index("session_staff").on(t.staffUserId)],
);

export type Person = typeof person.$inferSelect;
export type Organisation = typeof organisation.$inferSelect;
export type Representation = typeof representation.$inferSelect;
export type CompanyMandate = typeof companyMandate.$inferSelect;
export type StaffUserRow = typeof staffUser.$inferSelect;
export type StaffWebauthnCredentialRow = typeof staffWebauthnCredential.$inferSelect;
export type RoleAssignmentRow = typeof roleAssignment.$inferSelect;
export type SessionRow = typeof session.$inferSelect;
