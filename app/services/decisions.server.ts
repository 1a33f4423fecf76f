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
} from "../../db/schema/index";
import { db } from "~/db.server";
import { staffScopes, type StaffUser } from "~/auth/guards.server";
import { isArea, type Area } from "~/domain/areas";
import {
  DEFAULT_BODIES,
  fillTemplate,
  templateApplies,
  type AppealRoute,
  type PlaceholderValues,
} from "~/domain/decisions";
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

/** Every template of a municipality × area, whatever law it is for. */
export function templatesOfArea(input: { municipalityId: number; area: Area }) {
  return db()
    .select()
    .from(decisionTemplate)
    .where(and(eq(decisionTemplate.municipalityId, input.municipalityId), eq(decisionTemplate.area, input.area)))
    .orderBy(asc(decisionTemplate.outcome), asc(decisionTemplate.id))
    .all();
}

/**
 * The templates offered for a case: only its own municipality × area (never another type's), and
 * of those only the ones of no law or of the case's own law (decision 106: an LSS case is never
 * offered the SoL templates).
 */
export function templatesFor(input: { municipalityId: number; area: Area; law: string | null }) {
  return templatesOfArea(input).filter((t) => templateApplies(t.law, input.law));
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
  law: string | null;
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
