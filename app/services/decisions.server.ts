/**
 * Decisions per case type (issue 15, decision 077): the deciding body and appeal route of a
 * municipality × area, its templates, its delegation order (who may decide), and a draft
 * decision that someone without the right can prepare. The decision itself is made by
 * backoffice.server.ts decide(), which asks decisionRight() here first.
 */
import { and, asc, eq, inArray } from "drizzle-orm";
import {
  caseDecision,
  caseTable,
  decisionBody,
  decisionDraft,
  decisionTemplate,
  delegationHolder,
  delegationPoint,
  permitCase,
  staffUser,
} from "../../db/schema/index";
import { db } from "~/db.server";
import { staffScopes, type StaffUser } from "~/auth/guards.server";
import { AREAS, isArea, type Area } from "~/domain/areas";
import {
  DEFAULT_BODIES,
  fillTemplate,
  isAppealRoute,
  unknownPlaceholders,
  type AppealRoute,
  type PlaceholderValues,
} from "~/domain/decisions";
import { DECISION_OUTCOMES, type DecisionOutcome } from "~/domain/statuses";
import { STAFF_ROLES } from "../../db/schema/identity";
import { caseAnswers, childAtSubmission } from "./cases.server";
import { swedishDate } from "./permit-clock";
import { getVisibleCase, type ResidentViewer } from "./case-access.server";

type Lang = "sv" | "en";

/** The deciding body and appeal route of a municipality × area: its row, or the area's defaults. */
export function decisionSetup(
  municipalityId: number,
  area: Area,
): { body: Record<Lang, string>; appealRoute: AppealRoute } {
  const row = db()
    .select()
    .from(decisionBody)
    .where(and(eq(decisionBody.municipalityId, municipalityId), eq(decisionBody.area, area)))
    .get();
  if (row) return { body: { sv: row.bodySv, en: row.bodyEn }, appealRoute: row.appealRoute };
  const d = DEFAULT_BODIES[area];
  return { body: { ...d.body }, appealRoute: d.appealRoute };
}

/** The templates offered for a case: only its own municipality × area (never another type's). */
export function templatesFor(input: { municipalityId: number; area: Area }) {
  return db()
    .select()
    .from(decisionTemplate)
    .where(and(eq(decisionTemplate.municipalityId, input.municipalityId), eq(decisionTemplate.area, input.area)))
    .orderBy(asc(decisionTemplate.outcome), asc(decisionTemplate.id))
    .all();
}

/**
 * The delegation point under which this staff member may decide cases of this municipality × area,
 * or null: no case.decide there (a preparer), or no point of the delegation order names them
 * (by a role they hold in the area, or by name).
 */
export function decisionRight(
  user: StaffUser,
  scope: { municipalityId: number; area: Area },
): { id: number; code: string; titleSv: string; titleEn: string } | null {
  const inScope = (u: StaffUser) =>
    staffScopes(u, "case.decide").some((s) => s.municipalityId === scope.municipalityId && s.area === scope.area);
  if (!inScope(user)) return null;
  const points = db()
    .select()
    .from(delegationPoint)
    .where(and(eq(delegationPoint.municipalityId, scope.municipalityId), eq(delegationPoint.area, scope.area)))
    .orderBy(asc(delegationPoint.id))
    .all();
  if (points.length === 0) return null;
  const holders = db()
    .select()
    .from(delegationHolder)
    .where(
      inArray(
        delegationHolder.pointId,
        points.map((p) => p.id),
      ),
    )
    .all();
  for (const p of points) {
    const held = holders
      .filter((h) => h.pointId === p.id)
      .some(
        (h) =>
          h.staffUserId === user.staffUserId ||
          (h.role !== null && inScope({ ...user, roles: user.roles.filter((r) => r.role === h.role) })),
      );
    if (held) return { id: p.id, code: p.code, titleSv: p.titleSv, titleEn: p.titleEn };
  }
  return null;
}

/** The values a template's placeholders take for a case, in the case's language. */
export function placeholderValuesFor(caseId: number, now: Date = new Date()): PlaceholderValues {
  const c = db().select().from(caseTable).where(eq(caseTable.id, caseId)).get();
  if (!c || !isArea(c.area)) return {};
  const lang: Lang = c.language === "en" ? "en" : "sv";
  const answers = caseAnswers(c) as {
    applicant?: { name?: unknown };
    property?: unknown;
    propertyDesignation?: unknown;
  };
  const permit = db()
    .select({ designation: permitCase.propertyDesignation })
    .from(permitCase)
    .where(eq(permitCase.caseId, c.id))
    .get();
  const child = childAtSubmission(c);
  const property =
    permit?.designation ??
    (typeof answers.propertyDesignation === "string"
      ? answers.propertyDesignation
      : typeof answers.property === "string"
        ? answers.property
        : "");
  return {
    reference: c.reference,
    applicant: typeof answers.applicant?.name === "string" ? answers.applicant.name : "",
    date: swedishDate(now),
    property,
    child: child ? `${child.givenName} ${child.familyName}` : "",
    body: decisionSetup(c.municipalityId, c.area).body[lang],
  };
}

/** A template filled for a case in the case's language; null when it is not one of the case's own. */
export function fillTemplateForCase(input: {
  caseId: number;
  municipalityId: number;
  area: Area;
  templateId: number;
  lang: Lang;
}): { template: typeof decisionTemplate.$inferSelect; text: string } | null {
  const template = templatesFor(input).find((t) => t.id === input.templateId);
  if (!template) return null;
  const values = placeholderValuesFor(input.caseId);
  return { template, text: fillTemplate(input.lang === "en" ? template.textEn : template.textSv, values) };
}

export function getDecisionDraft(caseId: number) {
  return db().select().from(decisionDraft).where(eq(decisionDraft.caseId, caseId)).get() ?? null;
}

/** Keeps a prepared decision text (anyone who may handle the case; deciding is separate). */
export function saveDecisionDraft(input: { caseId: number; user: StaffUser; templateId: number | null; text: string }) {
  const values = {
    caseId: input.caseId,
    templateId: input.templateId,
    text: input.text,
    preparedBy: `staff:${input.user.staffUserId}`,
    preparedByName: input.user.name,
    updatedAt: new Date().toISOString(),
  };
  db().insert(decisionDraft).values(values).onConflictDoUpdate({ target: decisionDraft.caseId, set: values }).run();
}

export function deleteDecisionDraft(caseId: number) {
  db().delete(decisionDraft).where(eq(decisionDraft.caseId, caseId)).run();
}

// ---- /admin/beslut: the municipality's admin edits bodies, templates and the delegation order ----

export function decisionSettings(municipalityId: number) {
  const bodies = AREAS.map((area) => ({ area, ...decisionSetup(municipalityId, area) }));
  const templates = db()
    .select()
    .from(decisionTemplate)
    .where(eq(decisionTemplate.municipalityId, municipalityId))
    .orderBy(asc(decisionTemplate.area), asc(decisionTemplate.outcome), asc(decisionTemplate.id))
    .all();
  const points = db()
    .select()
    .from(delegationPoint)
    .where(eq(delegationPoint.municipalityId, municipalityId))
    .orderBy(asc(delegationPoint.area), asc(delegationPoint.code))
    .all();
  const holders = points.length
    ? db()
        .select({ h: delegationHolder, name: staffUser.name, username: staffUser.username })
        .from(delegationHolder)
        .leftJoin(staffUser, eq(staffUser.id, delegationHolder.staffUserId))
        .where(
          inArray(
            delegationHolder.pointId,
            points.map((p) => p.id),
          ),
        )
        .all()
    : [];
  const staff = db()
    .select({ id: staffUser.id, name: staffUser.name, username: staffUser.username })
    .from(staffUser)
    .where(eq(staffUser.municipalityId, municipalityId))
    .orderBy(asc(staffUser.name))
    .all();
  return {
    bodies,
    templates,
    points: points.map((p) => ({
      ...p,
      holders: holders
        .filter((h) => h.h.pointId === p.id)
        .map((h) => ({ id: h.h.id, role: h.h.role, staffUserId: h.h.staffUserId, name: h.name, username: h.username })),
    })),
    staff,
  };
}

export type SettingsResult = { ok: true } | { ok: false; errors: Record<string, string> };

const text = (v: string, max: number) => v.trim().slice(0, max);

export function saveDecisionBody(input: {
  municipalityId: number;
  area: string;
  bodySv: string;
  bodyEn: string;
  appealRoute: string;
}): SettingsResult {
  const errors: Record<string, string> = {};
  if (!isArea(input.area)) errors.area = "area";
  if (text(input.bodySv, 200).length < 2) errors.bodySv = "required";
  if (text(input.bodyEn, 200).length < 2) errors.bodyEn = "required";
  if (!isAppealRoute(input.appealRoute)) errors.appealRoute = "required";
  if (Object.keys(errors).length || !isArea(input.area) || !isAppealRoute(input.appealRoute))
    return { ok: false, errors };
  const values = {
    municipalityId: input.municipalityId,
    area: input.area,
    bodySv: text(input.bodySv, 200),
    bodyEn: text(input.bodyEn, 200),
    appealRoute: input.appealRoute,
    updatedAt: new Date().toISOString(),
  };
  db()
    .insert(decisionBody)
    .values(values)
    .onConflictDoUpdate({ target: [decisionBody.municipalityId, decisionBody.area], set: values })
    .run();
  return { ok: true };
}

export function saveDecisionTemplate(input: {
  municipalityId: number;
  id: number | null;
  area: string;
  outcome: string;
  nameSv: string;
  nameEn: string;
  textSv: string;
  textEn: string;
  appealRoute: string;
}): SettingsResult {
  const errors: Record<string, string> = {};
  const outcome = DECISION_OUTCOMES.find((o) => o === input.outcome);
  if (!isArea(input.area)) errors.area = "area";
  if (!outcome) errors.outcome = "required";
  for (const k of ["nameSv", "nameEn"] as const) if (text(input[k], 200).length < 2) errors[k] = "required";
  for (const k of ["textSv", "textEn"] as const) {
    const v = text(input[k], 8000);
    if (v.length < 10) errors[k] = "required";
    else if (unknownPlaceholders(v).length) errors[k] = "placeholder";
  }
  const route = input.appealRoute === "" ? null : isAppealRoute(input.appealRoute) ? input.appealRoute : undefined;
  if (route === undefined) errors.appealRoute = "required";
  if (Object.keys(errors).length || !isArea(input.area) || !outcome || route === undefined)
    return { ok: false, errors };
  const values = {
    municipalityId: input.municipalityId,
    area: input.area,
    outcome: outcome as DecisionOutcome,
    nameSv: text(input.nameSv, 200),
    nameEn: text(input.nameEn, 200),
    textSv: text(input.textSv, 8000),
    textEn: text(input.textEn, 8000),
    appealRoute: route,
    updatedAt: new Date().toISOString(),
  };
  if (input.id === null) db().insert(decisionTemplate).values(values).run();
  else {
    const updated = db()
      .update(decisionTemplate)
      .set(values)
      .where(and(eq(decisionTemplate.id, input.id), eq(decisionTemplate.municipalityId, input.municipalityId)))
      .run();
    if (updated.changes === 0) return { ok: false, errors: { id: "notFound" } };
  }
  return { ok: true };
}

export function deleteDecisionTemplate(input: { municipalityId: number; id: number }): SettingsResult {
  db().update(decisionDraft).set({ templateId: null }).where(eq(decisionDraft.templateId, input.id)).run();
  const r = db()
    .delete(decisionTemplate)
    .where(and(eq(decisionTemplate.id, input.id), eq(decisionTemplate.municipalityId, input.municipalityId)))
    .run();
  return r.changes ? { ok: true } : { ok: false, errors: { id: "notFound" } };
}

export function saveDelegationPoint(input: {
  municipalityId: number;
  area: string;
  code: string;
  titleSv: string;
  titleEn: string;
}): SettingsResult {
  const errors: Record<string, string> = {};
  if (!isArea(input.area)) errors.area = "area";
  if (!/^[A-ZÅÄÖ0-9 .]{1,20}$/i.test(input.code.trim())) errors.code = "code";
  if (text(input.titleSv, 300).length < 2) errors.titleSv = "required";
  if (text(input.titleEn, 300).length < 2) errors.titleEn = "required";
  if (Object.keys(errors).length || !isArea(input.area)) return { ok: false, errors };
  const values = {
    municipalityId: input.municipalityId,
    area: input.area,
    code: input.code.trim(),
    titleSv: text(input.titleSv, 300),
    titleEn: text(input.titleEn, 300),
  };
  db()
    .insert(delegationPoint)
    .values(values)
    .onConflictDoUpdate({
      target: [delegationPoint.municipalityId, delegationPoint.area, delegationPoint.code],
      set: { titleSv: values.titleSv, titleEn: values.titleEn },
    })
    .run();
  return { ok: true };
}

function pointOf(municipalityId: number, pointId: number) {
  return db()
    .select({ id: delegationPoint.id })
    .from(delegationPoint)
    .where(and(eq(delegationPoint.id, pointId), eq(delegationPoint.municipalityId, municipalityId)))
    .get();
}

/** Gives a delegation point to a staff role (every holder in the area) or to one of the municipality's staff. */
export function addDelegationHolder(input: {
  municipalityId: number;
  pointId: number;
  holder: string;
}): SettingsResult {
  if (!pointOf(input.municipalityId, input.pointId)) return { ok: false, errors: { pointId: "notFound" } };
  const [kind, value] = input.holder.split(":");
  if (kind === "role" && (STAFF_ROLES as readonly string[]).includes(value ?? "")) {
    db()
      .insert(delegationHolder)
      .values({ pointId: input.pointId, role: value as (typeof STAFF_ROLES)[number] })
      .run();
    return { ok: true };
  }
  const staffId = Number(value);
  const staff =
    kind === "staff" && Number.isInteger(staffId)
      ? db()
          .select({ id: staffUser.id })
          .from(staffUser)
          .where(and(eq(staffUser.id, staffId), eq(staffUser.municipalityId, input.municipalityId)))
          .get()
      : undefined;
  if (!staff) return { ok: false, errors: { holder: "required" } };
  db().insert(delegationHolder).values({ pointId: input.pointId, staffUserId: staff.id }).run();
  return { ok: true };
}

export function removeDelegationHolder(input: { municipalityId: number; holderId: number }): SettingsResult {
  const h = db().select().from(delegationHolder).where(eq(delegationHolder.id, input.holderId)).get();
  if (!h || !pointOf(input.municipalityId, h.pointId)) return { ok: false, errors: { holderId: "notFound" } };
  db().delete(delegationHolder).where(eq(delegationHolder.id, h.id)).run();
  return { ok: true };
}

/**
 * A decided case as Mina sidor shows it, for everyone on the resident side who may see the case
 * (the applicant and, for school and childcare, every guardian with access); undefined otherwise.
 */
export function decisionForResident(input: { reference: string; viewer: ResidentViewer }) {
  const c = getVisibleCase({ reference: input.reference.toUpperCase(), viewer: input.viewer });
  if (!c || !isArea(c.area)) return undefined;
  const d = db()
    .select({ outcome: caseDecision.outcome, decidedOn: caseDecision.decidedOn })
    .from(caseDecision)
    .where(eq(caseDecision.caseId, c.id))
    .get();
  return d ? { id: c.id, reference: c.reference, area: c.area, ...d } : undefined;
}
