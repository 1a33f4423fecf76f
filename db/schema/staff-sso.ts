import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { AREAS } from "../../app/domain/areas";
import { administration, municipality } from "./municipalities";
import { staffUser } from "./identity";

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

export const SSO_PROTOCOLS = ["oidc", "saml"] as const;
export type SsoProtocol = (typeof SSO_PROTOCOLS)[number];
/** The staff roles a directory group can map to (the same list as role_assignment.role). */
const MAPPABLE_ROLES = ["officer", "editor", "contributor", "admin"] as const;

/**
 * A municipality's (or several municipalities' shared) staff identity provider, issue 21 and
 * decision 064. OIDC and SAML settings sit in one row; the protocol says which half is used.
 * The OIDC client secret is encrypted with the field key ring (decision 008) and never shown again.
 */
export const staffSsoProvider = sqliteTable("staff_sso_provider", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  name: text("name").notNull(),
  protocol: text("protocol", { enum: SSO_PROTOCOLS }).notNull(),
  enabled: integer("enabled", { mode: "boolean" }).notNull().default(true),
  oidcIssuer: text("oidc_issuer"),
  oidcClientId: text("oidc_client_id"),
  oidcClientSecretEncrypted: text("oidc_client_secret_encrypted"),
  samlIdpEntityId: text("saml_idp_entity_id"),
  samlSsoUrl: text("saml_sso_url"),
  samlSloUrl: text("saml_slo_url"),
  /** PEM; public, so stored in clear. */
  samlIdpCertificate: text("saml_idp_certificate"),
  /** The claim (OIDC) or attribute (SAML) that lists the person's directory groups. */
  groupsAttribute: text("groups_attribute").notNull().default("groups"),
  /** JSON array of strings: acr/amr values (OIDC) or AuthnContextClassRef values (SAML) that mean MFA. */
  mfaValues: text("mfa_values").notNull().default("[]"),
  createdAt: text("created_at").notNull().default(now),
  updatedAt: text("updated_at"),
});

/** Which municipalities' staff sign in through the provider (one provider may serve several). */
export const staffSsoProviderMunicipality = sqliteTable(
  "staff_sso_provider_municipality",
  {
    providerId: integer("provider_id")
      .notNull()
      .references(() => staffSsoProvider.id, { onDelete: "cascade" }),
    municipalityId: integer("municipality_id")
      .notNull()
      .references(() => municipality.id),
  },
  (t) => [primaryKey({ columns: [t.providerId, t.municipalityId] })],
);

/**
 * Directory group → portal role (role × municipality × area or administration). A role granted
 * through a mapping names it in role_assignment.sso_mapping_id; deleting the mapping removes those roles.
 */
export const staffSsoMapping = sqliteTable(
  "staff_sso_mapping",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    providerId: integer("provider_id")
      .notNull()
      .references(() => staffSsoProvider.id, { onDelete: "cascade" }),
    groupName: text("group_name").notNull(),
    role: text("role", { enum: MAPPABLE_ROLES }).notNull(),
    municipalityId: integer("municipality_id")
      .notNull()
      .references(() => municipality.id),
    area: text("area", { enum: AREAS }),
    administrationId: integer("administration_id").references(() => administration.id),
    createdAt: text("created_at").notNull().default(now),
    createdBy: integer("created_by"),
  },
  (t) => [index("staff_sso_mapping_provider_group").on(t.providerId, t.groupName)],
);

/** The staff account a provider's subject (OIDC sub, SAML NameID) signs in as. */
export const staffSsoLink = sqliteTable(
  "staff_sso_link",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    providerId: integer("provider_id")
      .notNull()
      .references(() => staffSsoProvider.id, { onDelete: "cascade" }),
    subject: text("subject").notNull(),
    staffUserId: integer("staff_user_id")
      .notNull()
      .references(() => staffUser.id, { onDelete: "cascade" }),
    createdAt: text("created_at").notNull().default(now),
    lastLoginAt: text("last_login_at"),
  },
  (t) => [
    uniqueIndex("staff_sso_link_subject").on(t.providerId, t.subject),
    index("staff_sso_link_user").on(t.staffUserId),
  ],
);

export type StaffSsoProviderRow = typeof staffSsoProvider.$inferSelect;
export type StaffSsoMappingRow = typeof staffSsoMapping.$inferSelect;
