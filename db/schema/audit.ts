import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * Append-only trail of who did what (MISSION.md, traceability). There is no update or delete
 * path in the code, and triggers in migration `audit_append_only` refuse both in the database.
 */
export const auditEvent = sqliteTable(
  "audit_event",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: text("at")
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
    /** resident | staff | system | anonymous */
    actorType: text("actor_type").notNull(),
    actorId: integer("actor_id"),
    /** Display name at the time (staff name; never a personnummer). */
    actorName: text("actor_name"),
    /** The role the actor acted in, e.g. "officer:bygglov", "admin", "resident". */
    actorRole: text("actor_role"),
    /** The administration the staff actor belongs to for this event, when known. */
    actorAdministrationId: integer("actor_administration_id"),
    action: text("action").notNull(),
    subjectType: text("subject_type").notNull(),
    subjectId: text("subject_id"),
    /** The resident whose personal data the event concerns (for "who opened my cases"). */
    personId: integer("person_id"),
    municipalityId: integer("municipality_id"),
    requestId: text("request_id"),
    ip: text("ip"),
    details: text("details", { mode: "json" }).$type<Record<string, unknown>>(),
  },
  (t) => [
    index("audit_event_at").on(t.at),
    index("audit_event_person").on(t.personId),
    index("audit_event_municipality").on(t.municipalityId, t.at),
  ],
);

export type AuditEventRow = typeof auditEvent.$inferSelect;
