import { index, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * The AuthnRequests this portal sent to a staff SAML identity provider (docs/decisions/065). A
 * response is accepted only when its InResponseTo names one of these rows, for the same identity
 * provider, before `expires_at`, and only once: `used_at` is set by one atomic UPDATE when a
 * response is accepted, so two portal processes on one database cannot both accept it. Rows are
 * deleted once expired. Times are ISO 8601 UTC text, compared as text.
 */
export const samlRequest = sqliteTable(
  "saml_request",
  {
    id: text("id").primaryKey(),
    idpEntityId: text("idp_entity_id").notNull(),
    spEntityId: text("sp_entity_id").notNull(),
    createdAt: text("created_at").notNull(),
    expiresAt: text("expires_at").notNull(),
    usedAt: text("used_at"),
  },
  (t) => [index("saml_request_expires").on(t.expiresAt)],
);

/**
 * Assertion ids already accepted, per identity provider, kept until the assertion's NotOnOrAfter
 * (plus the clock skew): the same assertion presented again is refused as a replay.
 */
export const samlSeenAssertion = sqliteTable(
  "saml_seen_assertion",
  {
    idpEntityId: text("idp_entity_id").notNull(),
    assertionId: text("assertion_id").notNull(),
    expiresAt: text("expires_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.idpEntityId, t.assertionId] }),
    index("saml_seen_assertion_expires").on(t.expiresAt),
  ],
);
