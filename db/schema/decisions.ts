import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { AREAS } from "../../app/domain/areas";
import { APPEAL_ROUTES, LAWS } from "../../app/domain/decisions";
import { DECISION_OUTCOMES } from "../../app/domain/statuses";
import { caseTable } from "./cases";
import { municipality } from "./municipalities";
import { STAFF_ROLES, staffUser } from "./identity";

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

/**
 * Who decides an area's cases in a municipality (the nämnd) and where its decisions are appealed
 * (decision 077). Reference data: a municipality without a row gets app/domain/decisions.ts's
 * defaults; its admin edits the row at /admin/beslut.
 */
export const decisionBody = sqliteTable(
  "decision_body",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    municipalityId: integer("municipality_id")
      .notNull()
      .references(() => municipality.id),
    area: text("area", { enum: AREAS }).notNull(),
    bodySv: text("body_sv").notNull(),
    bodyEn: text("body_en").notNull(),
    appealRoute: text("appeal_route", { enum: APPEAL_ROUTES }).notNull(),
    updatedAt: text("updated_at").notNull().default(now),
  },
  (t) => [uniqueIndex("decision_body_municipality_area").on(t.municipalityId, t.area)],
);

/** A decision template per municipality × area × outcome, in both languages, with placeholders. */
export const decisionTemplate = sqliteTable(
  "decision_template",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    municipalityId: integer("municipality_id")
      .notNull()
      .references(() => municipality.id),
    area: text("area", { enum: AREAS }).notNull(),
    outcome: text("outcome", { enum: DECISION_OUTCOMES }).notNull(),
    nameSv: text("name_sv").notNull(),
    nameEn: text("name_en").notNull(),
    textSv: text("text_sv").notNull(),
    textEn: text("text_en").notNull(),
    /** Null: the area's route (decision_body); set: this kind of decision is appealed elsewhere. */
    appealRoute: text("appeal_route", { enum: APPEAL_ROUTES }),
    /** Null: offered for every case of the area; set: only for cases of this law (decision 106). */
    law: text("law", { enum: LAWS }),
    updatedAt: text("updated_at").notNull().default(now),
  },
  (t) => [index("decision_template_municipality_area").on(t.municipalityId, t.area)],
);

/** A point of the delegation order (delegationsordning): who may decide an area's cases. */
export const delegationPoint = sqliteTable(
  "delegation_point",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    municipalityId: integer("municipality_id")
      .notNull()
      .references(() => municipality.id),
    area: text("area", { enum: AREAS }).notNull(),
    code: text("code").notNull(),
    titleSv: text("title_sv").notNull(),
    titleEn: text("title_en").notNull(),
  },
  (t) => [uniqueIndex("delegation_point_code").on(t.municipalityId, t.area, t.code)],
);

/** Who holds a delegation point: every holder of a staff role in the area, or one named officer. */
export const delegationHolder = sqliteTable(
  "delegation_holder",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    pointId: integer("point_id")
      .notNull()
      .references(() => delegationPoint.id, { onDelete: "cascade" }),
    role: text("role", { enum: STAFF_ROLES }),
    staffUserId: integer("staff_user_id").references(() => staffUser.id, { onDelete: "cascade" }),
  },
  (t) => [index("delegation_holder_point").on(t.pointId)],
);

/** A decision prepared but not made (by a beredare, or an officer not yet ready): one per case. */
export const decisionDraft = sqliteTable("decision_draft", {
  caseId: integer("case_id")
    .primaryKey()
    .references(() => caseTable.id),
  templateId: integer("template_id").references(() => decisionTemplate.id, { onDelete: "set null" }),
  text: text("text").notNull(),
  preparedBy: text("prepared_by").notNull(),
  preparedByName: text("prepared_by_name").notNull(),
  updatedAt: text("updated_at").notNull().default(now),
});

export type DecisionBody = typeof decisionBody.$inferSelect;
export type DecisionTemplate = typeof decisionTemplate.$inferSelect;
export type DelegationPoint = typeof delegationPoint.$inferSelect;
