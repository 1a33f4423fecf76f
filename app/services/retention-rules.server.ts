import { and, asc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { caseTable, municipality, retentionRule, RETENTION_ACTIONS } from "../../db/schema/index";
import { formDefinitions, getFormDefinition } from "../../forms/definitions/index";
import { localeFileKey } from "../../forms/keys";
import type { SessionUser } from "~/auth/session.server";
import { db } from "~/db.server";
import type { Language } from "~/i18n/config";
import { getFixedT } from "~/i18n/i18n.server";
import { audit } from "~/platform/audit.server";
import { caseTypeTitles } from "./diarium-text.server";

/**
 * The retention rules an admin edits at /admin/gallring (docs/decisions/059). `scope` is the
 * admin's municipality ids, or null for a portal-wide admin; every read and write is limited to it.
 */
type MunicipalityScope = readonly number[] | null;

const CASE_TYPE = /^[a-z0-9][a-z0-9-]{0,79}$/;

/** Field errors are keys in the records namespace. */
export const RetentionRuleSchema = z.object({
  municipalityId: z.coerce
    .number({ message: "records:rules.errors.municipality" })
    .int("records:rules.errors.municipality"),
  caseType: z.string().trim().regex(CASE_TYPE, "records:rules.errors.caseType"),
  action: z.enum(RETENTION_ACTIONS, { message: "records:rules.errors.action" }),
  periodMonths: z.coerce
    .number({ message: "records:rules.errors.periodMonths" })
    .int("records:rules.errors.periodMonths")
    .min(1, "records:rules.errors.periodMonths")
    .max(1200, "records:rules.errors.periodMonths"),
  planReference: z.string().trim().max(40, "records:rules.errors.planReference").optional().default(""),
});
type RetentionRuleInput = z.infer<typeof RetentionRuleSchema>;

const inScope = (scope: MunicipalityScope, id: number) => scope === null || scope.includes(id);

/**
 * A case type as a person reads it: the e-service's title from its form definition (a full key
 * held as data), else the register's name for a type without a form (bistånd, detaljplan), else the id.
 */
export function caseTypeTitle(language: Language, caseType: string): string {
  const def = getFormDefinition(caseType);
  if (def) return getFixedT(language, "forms")(localeFileKey(def.titleKey));
  return caseTypeTitles(caseType)[language === "en" ? 1 : 0] ?? caseType;
}

export function listRetentionRules(scope: MunicipalityScope, language: Language) {
  const rows = db()
    .select({
      id: retentionRule.id,
      municipalityId: retentionRule.municipalityId,
      municipalityName: municipality.name,
      caseType: retentionRule.caseType,
      action: retentionRule.action,
      periodMonths: retentionRule.periodMonths,
      planReference: retentionRule.planReference,
      updatedAt: retentionRule.updatedAt,
      updatedBy: retentionRule.updatedBy,
    })
    .from(retentionRule)
    .innerJoin(municipality, eq(municipality.id, retentionRule.municipalityId))
    .where(scope === null ? undefined : inArray(retentionRule.municipalityId, [...scope]))
    .orderBy(asc(municipality.name), asc(retentionRule.caseType))
    .all();
  return rows.map((r) => ({ ...r, caseTypeTitle: caseTypeTitle(language, r.caseType) }));
}

/**
 * Case types a rule can name: every form, and any type cases already carry (older forms, bygglov),
 * by title in `language`.
 */
export function retentionCaseTypes(language: Language): { id: string; title: string }[] {
  const fromCases = db().selectDistinct({ formId: caseTable.formId }).from(caseTable).all();
  return [...new Set([...formDefinitions.map((d) => d.id), ...fromCases.map((c) => c.formId)])]
    .map((id) => ({ id, title: caseTypeTitle(language, id) }))
    .sort((a, b) => a.title.localeCompare(b.title, language));
}

export function municipalitiesInScope(scope: MunicipalityScope) {
  return db()
    .select({ id: municipality.id, name: municipality.name })
    .from(municipality)
    .where(scope === null ? undefined : inArray(municipality.id, [...scope]))
    .orderBy(asc(municipality.name))
    .all();
}

/** Creates or replaces the rule for (municipality, case type); false when out of scope. */
export function saveRetentionRule(actor: SessionUser, scope: MunicipalityScope, input: RetentionRuleInput): boolean {
  if (!inScope(scope, input.municipalityId)) return false;
  const values = {
    action: input.action,
    periodMonths: input.periodMonths,
    planReference: input.planReference || null,
    updatedAt: new Date().toISOString(),
    updatedBy: actor.name,
  };
  db().transaction(() => {
    const before = db()
      .select()
      .from(retentionRule)
      .where(and(eq(retentionRule.municipalityId, input.municipalityId), eq(retentionRule.caseType, input.caseType)))
      .get();
    db()
      .insert(retentionRule)
      .values({ municipalityId: input.municipalityId, caseType: input.caseType, ...values })
      .onConflictDoUpdate({ target: [retentionRule.municipalityId, retentionRule.caseType], set: values })
      .run();
    audit({
      actor,
      action: before ? "retention_rule.updated" : "retention_rule.created",
      subjectType: "retention_rule",
      subjectId: input.caseType,
      municipalityId: input.municipalityId,
      details: {
        before: before ? { action: before.action, periodMonths: before.periodMonths } : null,
        after: { action: input.action, periodMonths: input.periodMonths, planReference: values.planReference },
      },
    });
  });
  return true;
}

/** Removes a rule in scope; false when there is none. */
export function deleteRetentionRule(actor: SessionUser, scope: MunicipalityScope, id: number): boolean {
  const rule = db().select().from(retentionRule).where(eq(retentionRule.id, id)).get();
  if (!rule || !inScope(scope, rule.municipalityId)) return false;
  db().transaction(() => {
    db().delete(retentionRule).where(eq(retentionRule.id, id)).run();
    audit({
      actor,
      action: "retention_rule.deleted",
      subjectType: "retention_rule",
      subjectId: rule.caseType,
      municipalityId: rule.municipalityId,
      details: { action: rule.action, periodMonths: rule.periodMonths },
    });
  });
  return true;
}
