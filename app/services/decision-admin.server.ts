/**
 * /admin/beslut (issue 15 item 1, decision 083): a municipality's admin keeps, per area, the
 * deciding body and appeal route, the decision templates (Swedish and English side by side) and
 * the delegation order (points and who holds them). Every function takes the admin's municipality
 * scope (null: portal-wide) and refuses anything outside it; every change is audited with its
 * before and after, and a template's history is read back from those audit rows.
 */
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import {
  auditEvent,
  decisionBody,
  decisionTemplate,
  delegationHolder,
  delegationPoint,
  municipality,
  roleAssignment,
  staffUser,
} from "../../db/schema/index";
import { STAFF_ROLES } from "../../db/schema/identity";
import { ROLE_PERMISSIONS } from "~/auth/permissions";
import type { StaffUser } from "~/auth/guards.server";
import { db } from "~/db.server";
import { isArea, type Area } from "~/domain/areas";
import {
  fillTemplate,
  isAppealRoute,
  isLaw,
  LAW_SETUP,
  unknownPlaceholders,
  type AppealRoute,
  type Law,
  type PlaceholderValues,
} from "~/domain/decisions";
import { DECISION_OUTCOMES, type DecisionOutcome } from "~/domain/statuses";
import { audit } from "~/platform/audit.server";
import { decisionSetup } from "./decisions.server";
import { swedishDate } from "./permit-clock";

type Scope = number[] | null;
export type Errors = Partial<Record<string, string>>;
/** Unknown placeholders per text field, for the field message that names them. */
export type Unknown = Partial<Record<"textSv" | "textEn", string[]>>;

const E = (key: string) => `decisions-admin:errors.${key}`;

/** The roles that may hold a delegation point: those with case.decide (not a beredare). */
const HOLDER_ROLES = STAFF_ROLES.filter((r) => ROLE_PERMISSIONS[r].includes("case.decide"));

const inScope = (scope: Scope, municipalityId: number) => scope === null || scope.includes(municipalityId);

function str(form: FormData, key: string, max: number): string {
  const v = form.get(key);
  return typeof v === "string" ? v.slice(0, max).trim() : "";
}

/** The municipality × area a form or URL names, when the admin may manage it. */
export function pickTarget(
  scope: Scope,
  kommun: string | null,
  omrade: string | null,
): { municipalityId: number; area: Area } | null {
  const municipalityId = Number((kommun ?? "").slice(0, 10));
  if (!Number.isInteger(municipalityId) || !inScope(scope, municipalityId) || !isArea(omrade)) return null;
  return db().select({ id: municipality.id }).from(municipality).where(eq(municipality.id, municipalityId)).get()
    ? { municipalityId, area: omrade }
    : null;
}

/** An invented example case: the preview never shows a resident's data (nothing to audit). */
export function exampleValues(input: { municipalityName: string; area: Area; body: string }): PlaceholderValues {
  return {
    reference: "EXE-2026-000123",
    applicant: input.area === "bygglov" ? "Exempelbolaget AB" : "Anna Exempel",
    date: swedishDate(new Date()),
    property: input.area === "bygglov" ? "EXEMPLET 1:23" : "",
    child: input.area === "skola" || input.area === "barnomsorg" ? "Elsa Exempel" : "",
    municipality: input.municipalityName,
    body: input.body,
  };
}

export function previewText(text: string, values: PlaceholderValues): string {
  return fillTemplate(text, values);
}

/** Everything the page shows for one municipality × area. */
export function decisionAdminView(target: { municipalityId: number; area: Area }) {
  const { municipalityId, area } = target;
  const setup = decisionSetup(municipalityId, area);
  const templates = db()
    .select()
    .from(decisionTemplate)
    .where(and(eq(decisionTemplate.municipalityId, municipalityId), eq(decisionTemplate.area, area)))
    .orderBy(asc(decisionTemplate.outcome), asc(decisionTemplate.id))
    .all();
  const points = db()
    .select()
    .from(delegationPoint)
    .where(and(eq(delegationPoint.municipalityId, municipalityId), eq(delegationPoint.area, area)))
    .orderBy(asc(delegationPoint.code))
    .all();
  const holders =
    points.length === 0
      ? []
      : db()
          .select({ h: delegationHolder, name: staffUser.name })
          .from(delegationHolder)
          .leftJoin(staffUser, eq(staffUser.id, delegationHolder.staffUserId))
          .where(
            inArray(
              delegationHolder.pointId,
              points.map((p) => p.id),
            ),
          )
          .orderBy(asc(delegationHolder.id))
          .all();
  const history =
    templates.length === 0
      ? []
      : db()
          .select({
            at: auditEvent.at,
            actorName: auditEvent.actorName,
            subjectId: auditEvent.subjectId,
            details: auditEvent.details,
          })
          .from(auditEvent)
          .where(
            and(
              eq(auditEvent.action, "decision.template.saved"),
              inArray(
                auditEvent.subjectId,
                templates.map((t) => String(t.id)),
              ),
            ),
          )
          .orderBy(desc(auditEvent.id))
          .limit(50)
          .all()
          .map((h) => ({
            at: h.at,
            actorName: h.actorName ?? "",
            templateId: Number(h.subjectId),
            fields: Array.isArray(h.details?.changed) ? (h.details.changed as unknown[]).map(String) : [],
          }));
  return {
    body: { sv: setup.body.sv, en: setup.body.en, appealRoute: setup.appealRoute },
    templates,
    points: points.map((p) => ({
      ...p,
      holders: holders
        .filter((h) => h.h.pointId === p.id)
        .map((h) => ({ id: h.h.id, role: h.h.role, staffUserId: h.h.staffUserId, name: h.name })),
    })),
    staff: staffWhoMayDecide(target),
    history,
  };
}

/** Staff who hold a role with case.decide in this municipality × area: who may be named a holder. */
function staffWhoMayDecide(target: { municipalityId: number; area: Area }) {
  return db()
    .selectDistinct({ id: staffUser.id, name: staffUser.name })
    .from(roleAssignment)
    .innerJoin(staffUser, eq(staffUser.id, roleAssignment.staffUserId))
    .where(
      and(
        eq(roleAssignment.municipalityId, target.municipalityId),
        eq(roleAssignment.area, target.area),
        inArray(roleAssignment.role, HOLDER_ROLES),
      ),
    )
    .orderBy(asc(staffUser.name))
    .all();
}

type Result = { ok: true } | { ok: false; errors: Errors; unknown?: Unknown };

function auditChange(
  actor: StaffUser,
  action: string,
  subjectType: string,
  subjectId: number | string,
  target: { municipalityId: number; area: Area },
  details: Record<string, unknown>,
) {
  audit({
    actor,
    action,
    subjectType,
    subjectId,
    municipalityId: target.municipalityId,
    details: { area: target.area, ...details },
  });
}

/** The deciding body (both languages) and the area's appeal route. */
export function saveBody(input: {
  actor: StaffUser;
  target: { municipalityId: number; area: Area };
  form: FormData;
}): Result {
  const bodySv = str(input.form, "bodySv", 200);
  const bodyEn = str(input.form, "bodyEn", 200);
  const route = str(input.form, "appealRoute", 60);
  const errors: Errors = {};
  if (bodySv.length < 2) errors.bodySv = E("body");
  if (bodyEn.length < 2) errors.bodyEn = E("body");
  if (!isAppealRoute(route)) errors.appealRoute = E("appealRoute");
  if (Object.keys(errors).length > 0 || !isAppealRoute(route)) return { ok: false, errors };
  const { municipalityId, area } = input.target;
  const before = decisionSetup(municipalityId, area);
  const values = { municipalityId, area, bodySv, bodyEn, appealRoute: route, updatedAt: new Date().toISOString() };
  const row = db()
    .insert(decisionBody)
    .values(values)
    .onConflictDoUpdate({ target: [decisionBody.municipalityId, decisionBody.area], set: values })
    .returning({ id: decisionBody.id })
    .get();
  auditChange(input.actor, "decision.body.saved", "decision_body", row.id, input.target, {
    before: { bodySv: before.body.sv, bodyEn: before.body.en, appealRoute: before.appealRoute },
    after: { bodySv, bodyEn, appealRoute: route },
  });
  return { ok: true };
}

export interface TemplateInput {
  outcome: DecisionOutcome;
  nameSv: string;
  nameEn: string;
  textSv: string;
  textEn: string;
  appealRoute: AppealRoute | null;
  /** Offered only for cases of this law (decision 106); null: every case of the area. */
  law: Law | null;
}

/** A posted template: field errors, an unknown placeholder named in its field. */
export function parseTemplateForm(
  form: FormData,
): { ok: true; value: TemplateInput } | { ok: false; errors: Errors; unknown: Unknown } {
  const outcome = DECISION_OUTCOMES.find((o) => o === str(form, "outcome", 20));
  const nameSv = str(form, "nameSv", 200);
  const nameEn = str(form, "nameEn", 200);
  const textSv = str(form, "textSv", 9000);
  const textEn = str(form, "textEn", 9000);
  const route = str(form, "templateAppealRoute", 60);
  const law = str(form, "templateLaw", 40);
  const errors: Errors = {};
  const unknown: Unknown = {};
  if (!outcome) errors.outcome = E("outcome");
  if (nameSv.length < 2 || nameSv.length > 120) errors.nameSv = E("name");
  if (nameEn.length < 2 || nameEn.length > 120) errors.nameEn = E("name");
  for (const [field, text] of [
    ["textSv", textSv],
    ["textEn", textEn],
  ] as const) {
    const names = unknownPlaceholders(text);
    if (names.length > 0) {
      errors[field] = E("placeholder");
      unknown[field] = names;
    } else if (text.length < 10 || text.length > 8000) errors[field] = E("text");
  }
  if (route !== "" && !isAppealRoute(route)) errors.templateAppealRoute = E("appealRoute");
  if (law !== "" && !isLaw(law)) errors.templateLaw = E("law");
  if (!outcome || Object.keys(errors).length > 0) return { ok: false, errors, unknown };
  return {
    ok: true,
    value: {
      outcome,
      nameSv,
      nameEn,
      textSv,
      textEn,
      appealRoute: isAppealRoute(route) ? route : null,
      law: isLaw(law) ? law : null,
    },
  };
}

/** Creates a template (no id) or changes one of this municipality × area's. */
export function saveTemplate(input: {
  actor: StaffUser;
  target: { municipalityId: number; area: Area };
  id: number | null;
  value: TemplateInput;
}): Result {
  const { municipalityId, area } = input.target;
  // A law of another area (an SoL template in the bygglov area) could never be offered.
  if (input.value.law !== null && LAW_SETUP[input.value.law].area !== area)
    return { ok: false, errors: { templateLaw: E("law") } };
  const before =
    input.id === null
      ? null
      : db()
          .select()
          .from(decisionTemplate)
          .where(
            and(
              eq(decisionTemplate.id, input.id),
              eq(decisionTemplate.municipalityId, municipalityId),
              eq(decisionTemplate.area, area),
            ),
          )
          .get();
  if (before === undefined) return { ok: false, errors: { templateId: E("template") } };
  const values = { ...input.value, updatedAt: new Date().toISOString() };
  const id = before
    ? (db().update(decisionTemplate).set(values).where(eq(decisionTemplate.id, before.id)).run(), before.id)
    : db()
        .insert(decisionTemplate)
        .values({ municipalityId, area, ...values })
        .returning({ id: decisionTemplate.id })
        .get().id;
  const keys = ["outcome", "nameSv", "nameEn", "textSv", "textEn", "appealRoute", "law"] as const;
  const changed = before ? keys.filter((k) => before[k] !== input.value[k]) : [...keys];
  auditChange(input.actor, "decision.template.saved", "decision_template", id, input.target, {
    changed,
    before: before ? Object.fromEntries(keys.map((k) => [k, before[k]])) : null,
    after: input.value,
  });
  return { ok: true };
}

/** A delegation point: created (no id) or its code and titles changed. */
export function savePoint(input: {
  actor: StaffUser;
  target: { municipalityId: number; area: Area };
  id: number | null;
  form: FormData;
}): Result {
  const code = str(input.form, "code", 40);
  const titleSv = str(input.form, "titleSv", 300);
  const titleEn = str(input.form, "titleEn", 300);
  const errors: Errors = {};
  // Letters, digits, spaces, dots and dashes, as a delegation order numbers its points ("B 3.1").
  if (code.length < 1 || code.length > 20 || ![...code].every((ch) => /[\p{L}\p{N} .-]/u.test(ch)))
    errors.code = E("code");
  if (titleSv.length < 3 || titleSv.length > 200) errors.titleSv = E("title");
  if (titleEn.length < 3 || titleEn.length > 200) errors.titleEn = E("title");
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const { municipalityId, area } = input.target;
  const here = and(eq(delegationPoint.municipalityId, municipalityId), eq(delegationPoint.area, area));
  const clash = db()
    .select({ id: delegationPoint.id })
    .from(delegationPoint)
    .where(and(here, eq(delegationPoint.code, code)))
    .get();
  if (clash && clash.id !== input.id) return { ok: false, errors: { code: E("codeTaken") } };
  if (input.id !== null) {
    const before = db()
      .select()
      .from(delegationPoint)
      .where(and(here, eq(delegationPoint.id, input.id)))
      .get();
    if (!before) return { ok: false, errors: { code: E("point") } };
    db().update(delegationPoint).set({ code, titleSv, titleEn }).where(eq(delegationPoint.id, before.id)).run();
    auditChange(input.actor, "delegation.point.saved", "delegation_point", before.id, input.target, {
      before: { code: before.code, titleSv: before.titleSv, titleEn: before.titleEn },
      after: { code, titleSv, titleEn },
    });
    return { ok: true };
  }
  const id = db()
    .insert(delegationPoint)
    .values({ municipalityId, area, code, titleSv, titleEn })
    .returning({ id: delegationPoint.id })
    .get().id;
  auditChange(input.actor, "delegation.point.saved", "delegation_point", id, input.target, {
    before: null,
    after: { code, titleSv, titleEn },
  });
  return { ok: true };
}

function pointHere(target: { municipalityId: number; area: Area }, id: number) {
  return db()
    .select()
    .from(delegationPoint)
    .where(
      and(
        eq(delegationPoint.id, id),
        eq(delegationPoint.municipalityId, target.municipalityId),
        eq(delegationPoint.area, target.area),
      ),
    )
    .get();
}

/** Removes a point and its holders. */
export function removePoint(input: {
  actor: StaffUser;
  target: { municipalityId: number; area: Area };
  id: number;
}): Result {
  const p = pointHere(input.target, input.id);
  if (!p) return { ok: false, errors: { pointId: E("point") } };
  db().delete(delegationPoint).where(eq(delegationPoint.id, p.id)).run();
  auditChange(input.actor, "delegation.point.removed", "delegation_point", p.id, input.target, {
    before: { code: p.code, titleSv: p.titleSv, titleEn: p.titleEn },
    after: null,
  });
  return { ok: true };
}

/** A holder: `role:<role>` (every holder of that role in the area) or `staff:<id>` (one officer). */
export function addHolder(input: {
  actor: StaffUser;
  target: { municipalityId: number; area: Area };
  pointId: number;
  holder: string;
}): Result {
  const p = pointHere(input.target, input.pointId);
  if (!p) return { ok: false, errors: { holder: E("point") } };
  const [kind, value] = input.holder.slice(0, 40).split(":");
  const role = kind === "role" ? HOLDER_ROLES.find((r) => r === value) : undefined;
  const staffId =
    kind === "staff" && staffWhoMayDecide(input.target).some((s) => s.id === Number(value)) ? Number(value) : undefined;
  if (!role && staffId === undefined) return { ok: false, errors: { holder: E("holder") } };
  const existing = db()
    .select()
    .from(delegationHolder)
    .where(eq(delegationHolder.pointId, p.id))
    .all()
    .some((h) => (role ? h.role === role : h.staffUserId === staffId));
  if (existing) return { ok: false, errors: { holder: E("holderTaken") } };
  const id = db()
    .insert(delegationHolder)
    .values({ pointId: p.id, role: role ?? null, staffUserId: staffId ?? null })
    .returning({ id: delegationHolder.id })
    .get().id;
  auditChange(input.actor, "delegation.holder.added", "delegation_holder", id, input.target, {
    point: p.code,
    after: { role: role ?? null, staffUserId: staffId ?? null },
  });
  return { ok: true };
}

export function removeHolder(input: {
  actor: StaffUser;
  target: { municipalityId: number; area: Area };
  id: number;
}): Result {
  const row = db()
    .select({ h: delegationHolder, p: delegationPoint })
    .from(delegationHolder)
    .innerJoin(delegationPoint, eq(delegationPoint.id, delegationHolder.pointId))
    .where(
      and(
        eq(delegationHolder.id, input.id),
        eq(delegationPoint.municipalityId, input.target.municipalityId),
        eq(delegationPoint.area, input.target.area),
      ),
    )
    .get();
  if (!row) return { ok: false, errors: { holder: E("holder") } };
  db().delete(delegationHolder).where(eq(delegationHolder.id, row.h.id)).run();
  auditChange(input.actor, "delegation.holder.removed", "delegation_holder", row.h.id, input.target, {
    point: row.p.code,
    before: { role: row.h.role, staffUserId: row.h.staffUserId },
  });
  return { ok: true };
}
