/**
 * Checks a definition for the mistakes the type system cannot catch: duplicate names,
 * conditions pointing at later or missing questions, option values that do not exist,
 * keys outside the form's namespace, limits beyond the ceilings. Run by the definitions
 * index at load (a broken form fails loudly) and by the tests.
 */
import { isIsoDate } from "./format";
import {
  CHOICE_LOOKUPS,
  COMPUTED_HOOKS,
  HOOK_READS,
  HOOKS_NEEDING_EID,
  LOOKUP_FILLS,
  OPTIONS_HOOKS,
  PROPERTY_LOOKUPS,
  SECRET_SUBMIT_HANDLERS,
  SIGNING_SUBMIT_HANDLERS,
  SUBMIT_HANDLERS,
} from "./hooks";
import { isArea } from "../app/domain/areas";
import { LAW_SETUP, isLaw } from "../app/domain/decisions";
import { UnknownFieldTypeError, getFieldModule } from "./fields/registry";
import { GROUP_MAX_CEILING } from "./fields/group";
import { TEXT_MAX_CEILING } from "./fields/text";
import { TEXTAREA_MAX_CEILING } from "./fields/textarea";
import {
  ADMINISTRATION_SLUGS,
  type Field,
  type FormDefinition,
  OPTION_LISTS,
  SENSITIVITIES,
  type ShowIf,
} from "./types";

const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const CAMEL = /^[a-z][a-zA-Z0-9]*$/;
const MAX_UPLOAD_BYTES = 50_000_000;

export function definitionProblems(def: FormDefinition): string[] {
  const problems: string[] = [];
  const problem = (where: string, what: string) => problems.push(`${def.id}: ${where}: ${what}`);
  const formPrefix = `forms.${def.id}.`;
  const ownKey = (where: string, key: string | undefined) => {
    if (
      key !== undefined &&
      !key.startsWith(formPrefix) &&
      !key.startsWith("forms.common.") &&
      !key.startsWith("forms.units.")
    ) {
      problem(where, `key "${key}" is outside "${formPrefix}"`);
    }
  };

  if (!KEBAB.test(def.id)) problem("id", "must be kebab-case");
  if (!Number.isInteger(def.version) || def.version < 1) problem("version", "must be a positive integer");
  if (!Number.isInteger(def.processingDays) || def.processingDays < 1)
    problem("processingDays", "must be a positive integer");
  if (!(ADMINISTRATION_SLUGS as readonly string[]).includes(def.administration))
    problem("administration", "unknown slug");
  if (!isArea(def.caseType)) problem("caseType", "unknown");
  if (def.law !== undefined && (!isLaw(def.law) || LAW_SETUP[def.law].area !== def.caseType))
    problem("law", "not a law of the case type's area");
  if (!(SENSITIVITIES as readonly string[]).includes(def.sensitivity)) problem("sensitivity", "unknown");
  if (def.requiresEid && !def.requiresLogin) problem("requiresEid", "an e-ID form needs requiresLogin too");
  if (def.offeredBy !== "shared") {
    if (def.offeredBy.length === 0) problem("offeredBy", 'empty list (use "shared" or name municipalities)');
    // Which municipalities exist is run-time data (decision 056): only the shape is checked here.
    for (const slug of def.offeredBy) {
      if (!KEBAB.test(slug)) problem("offeredBy", `municipality slug "${slug}" must be kebab-case`);
    }
  }
  ownKey("titleKey", def.titleKey);
  ownKey("descriptionKey", def.descriptionKey);
  ownKey("instructionsKey", def.instructionsKey);
  if (def.steps.length === 0) problem("steps", "a form needs at least one step");

  const stepIds = new Set<string>();
  /** Fields seen so far in form order (for "must come earlier"). */
  const earlier = new Map<string, Field>();
  const allNames = new Set<string>();
  /** Register look-ups that fill later questions, checked once every question is known. */
  const lookupsWithFills: { where: string; lookup: string; fills: string[]; at: string }[] = [];

  const checkShowIf = (where: string, showIf: ShowIf | undefined, visible: Map<string, Field>) => {
    if (!showIf) return;
    const target = visible.get(showIf.field);
    if (!target) return problem(where, `showIf refers to "${showIf.field}", which is not an earlier question`);
    const wanted = showIf.equals;
    if (target.type === "yesno") {
      if (typeof wanted !== "boolean") problem(where, `showIf on yes/no "${target.name}" must compare with true/false`);
    } else if (target.type === "choice" && runTimeOptions(target)) {
      // Options from run-time data: any value may be compared with.
    } else if (target.type === "choice" || target.type === "multichoice") {
      const values = target.options.map((o) => o.value);
      const list = typeof wanted === "string" ? [wanted] : Array.isArray(wanted) ? wanted : null;
      if (!list) problem(where, `showIf on "${target.name}" must compare with option values`);
      else
        for (const v of list)
          if (!values.includes(v)) problem(where, `showIf value "${v}" is not an option of "${target.name}"`);
    } else if (typeof wanted === "boolean") {
      problem(where, `showIf compares "${target.name}" (${target.type}) with a boolean`);
    }
  };

  const checkField = (where: string, field: Field, visible: Map<string, Field>, inGroup: boolean) => {
    try {
      getFieldModule(field.type);
    } catch (error) {
      if (error instanceof UnknownFieldTypeError)
        return problem(where, `unknown field type ${JSON.stringify(field.type)}`);
      throw error;
    }
    if (!CAMEL.test(field.name)) problem(where, "name must be camelCase");
    if (allNames.has(field.name)) problem(where, `name "${field.name}" is used twice`);
    allNames.add(field.name);
    ownKey(`${where}.labelKey`, field.labelKey);
    ownKey(`${where}.hintKey`, field.hintKey);
    checkShowIf(where, field.showIf, visible);
    if (field.type === "personnummer" && !field.sensitive) problem(where, "personnummer fields must be sensitive");

    switch (field.type) {
      case "text":
        if ((field.maxLength ?? 0) > TEXT_MAX_CEILING) problem(where, `maxLength above ${TEXT_MAX_CEILING}`);
        break;
      case "textarea":
        if ((field.maxLength ?? 0) > TEXTAREA_MAX_CEILING) problem(where, `maxLength above ${TEXTAREA_MAX_CEILING}`);
        break;
      case "number":
        if (field.min !== undefined && field.max !== undefined && field.min > field.max)
          problem(where, "min above max");
        ownKey(`${where}.unitKey`, field.unitKey);
        break;
      case "date":
        for (const bound of [field.min, field.max]) {
          if (typeof bound === "string" && !isIsoDate(bound)) problem(where, `date bound "${bound}" is not YYYY-MM-DD`);
          if (typeof bound === "object" && "field" in bound && visible.get(bound.field)?.type !== "date") {
            problem(where, `date bound refers to "${bound.field}", which is not an earlier date question`);
          }
        }
        break;
      case "choice":
      case "multichoice": {
        if (field.type === "choice" && runTimeOptions(field)) {
          const named = [field.optionList, field.optionsFrom, field.lookup].filter((n) => n !== undefined);
          if (named.length > 1) problem(where, "names more than one of optionList, optionsFrom and lookup");
          if (field.optionList !== undefined && !(OPTION_LISTS as readonly string[]).includes(field.optionList))
            problem(where, `unknown option list "${field.optionList}"`);
          if (field.optionsFrom !== undefined)
            checkHook(where, "options", field.optionsFrom, OPTIONS_HOOKS, HOOK_READS.options, visible);
          if (field.lookup !== undefined)
            checkHook(where, "lookup", field.lookup, CHOICE_LOOKUPS, HOOK_READS.lookup, visible);
          if (inGroup && field.optionList === undefined) problem(where, "hook options cannot repeat inside a group");
          if (field.options.length > 0) problem(where, "run-time options and options of its own");
          break;
        }
        if (field.options.length < 2) problem(where, "needs at least two options");
        const values = field.options.map((o) => o.value);
        if (new Set(values).size !== values.length) problem(where, "option values repeat");
        for (const o of field.options) {
          if (!KEBAB.test(o.value)) problem(where, `option value "${o.value}" must be kebab-case`);
          ownKey(`${where}.options.${o.value}`, o.labelKey);
          ownKey(`${where}.options.${o.value}`, o.hintKey);
        }
        if (
          field.type === "multichoice" &&
          field.maxSelected !== undefined &&
          field.maxSelected > field.options.length
        ) {
          problem(where, "maxSelected above the number of options");
        }
        break;
      }
      case "file":
        if (field.maxFiles < 1 || field.maxFiles > 20) problem(where, "maxFiles must be 1–20");
        if (field.maxBytes < 1 || field.maxBytes > MAX_UPLOAD_BYTES)
          problem(where, `maxBytes must be 1–${MAX_UPLOAD_BYTES}`);
        if (field.accept.length === 0) problem(where, "accept lists no types");
        if (inGroup) problem(where, "uploads cannot repeat inside a group");
        break;
      case "fastighetsbeteckning":
        if (field.lookup !== undefined) {
          checkHook(where, "lookup", field.lookup, PROPERTY_LOOKUPS, HOOK_READS.lookup, visible);
          if (inGroup) problem(where, "a register look-up cannot repeat inside a group");
          lookupsWithFills.push({ where, lookup: field.lookup, fills: field.fills ?? [], at: field.name });
        } else if (field.fills !== undefined) problem(where, "fills without a lookup");
        break;
      case "group": {
        if (inGroup) return problem(where, "groups cannot nest");
        if (field.min < 0 || field.min > field.max) problem(where, "needs 0 <= min <= max");
        if (field.max > GROUP_MAX_CEILING) problem(where, `max above ${GROUP_MAX_CEILING}`);
        if (field.required && field.min === 0) problem(where, "a required group needs min >= 1");
        ownKey(`${where}.itemLabelKey`, field.itemLabelKey);
        ownKey(`${where}.addLabelKey`, field.addLabelKey);
        const inner = new Map(visible);
        for (const child of field.fields) {
          checkField(`${where}.${child.name}`, child, inner, true);
          inner.set(child.name, child);
        }
        break;
      }
      default:
        // The other question types have no settings to check.
        break;
    }
  };

  /** A named hook exists, and the questions it reads are there (earlier, for options) with the right type. */
  const checkHook = (
    where: string,
    kind: "options" | "lookup" | "computed" | "submit",
    name: string,
    known: readonly string[],
    reads: Record<string, Readonly<Record<string, string>>>,
    fields: Map<string, Field>,
  ) => {
    if (!known.includes(name)) return problem(where, `unknown ${kind} hook "${name}"`);
    for (const [question, type] of Object.entries(reads[name] ?? {})) {
      const found = fields.get(question);
      if (!found) problem(where, `${kind} hook "${name}" reads "${question}", which is not an earlier question`);
      else if (found.type !== type)
        problem(where, `${kind} hook "${name}" reads "${question}" as ${type}, but it is ${found.type}`);
    }
    if (HOOKS_NEEDING_EID.has(`${kind}:${name}`) && !def.requiresEid)
      problem(where, `${kind} hook "${name}" acts for a person: the form needs requiresEid`);
  };

  for (const step of def.steps) {
    if (!KEBAB.test(step.id)) problem(`step ${step.id}`, "id must be kebab-case");
    if (step.id === "check-answers") problem(`step ${step.id}`, "id is reserved");
    if (stepIds.has(step.id)) problem(`step ${step.id}`, "id is used twice");
    stepIds.add(step.id);
    ownKey(`step ${step.id}.titleKey`, step.titleKey);
    if (step.fields.length === 0) problem(`step ${step.id}`, "has no fields");
    for (const field of step.fields) {
      checkField(`${step.id}.${field.name}`, field, earlier, false);
      earlier.set(field.name, field);
    }
  }
  checkFills(lookupsWithFills, def, problem);
  for (const spec of def.computed ?? []) {
    const where = `computed ${spec.name}`;
    if (!CAMEL.test(spec.name)) problem(where, "name must be camelCase");
    if (allNames.has(spec.name)) problem(where, `name "${spec.name}" is used twice`);
    allNames.add(spec.name);
    ownKey(`${where}.labelKey`, spec.labelKey);
    checkHook(where, "computed", spec.hook, COMPUTED_HOOKS, HOOK_READS.computed, earlier);
  }
  if (def.submitHandler !== undefined)
    checkHook("submitHandler", "submit", def.submitHandler, SUBMIT_HANDLERS, HOOK_READS.submit, earlier);
  if (
    def.submitHandler !== undefined &&
    SECRET_SUBMIT_HANDLERS.has(def.submitHandler) &&
    (def.sensitivity !== "secret" || def.diarium !== "secret")
  )
    problem(
      "submitHandler",
      `submit hook "${def.submitHandler}" files secret cases: sensitivity and diarium must be "secret"`,
    );
  const parties = new Set<string>();
  for (const { party } of def.signatures ?? []) {
    if (parties.has(party)) problem("signatures", `party "${party}" signs twice`);
    parties.add(party);
    // A signature is made with e-ID by a known person (decision 085). The applicant needs only a
    // resident login, which is an e-ID login (042), and may act for an organisation (105); the
    // co-guardians are found from the applicant's own children, so that form is about a person.
    if (party === "applicant" && !def.requiresLogin)
      problem("signatures", `party "${party}" signs with e-ID: the form needs requiresLogin`);
    if (party === "co-guardians" && !def.requiresEid)
      problem("signatures", `party "${party}" signs with e-ID: the form needs requiresEid`);
    if (party === "applicant" && def.submitHandler !== undefined && !SIGNING_SUBMIT_HANDLERS.has(def.submitHandler))
      problem("signatures", `submit hook "${def.submitHandler}" files its case without the applicant's signature`);
  }
  checkDiarium(def, earlier, problem, ownKey);
  return problems;
}

/**
 * A look-up fills only what it gives (`LOOKUP_FILLS`), each question once, and only questions that
 * come after it outside a group, so the filled answer is there when the person reaches them.
 */
function checkFills(
  lookups: { where: string; lookup: string; fills: string[]; at: string }[],
  def: FormDefinition,
  problem: (where: string, what: string) => void,
) {
  const order = def.steps.flatMap((s) => s.fields);
  for (const { where, lookup, fills, at } of lookups) {
    const gives: Readonly<Record<string, string>> = LOOKUP_FILLS[lookup as keyof typeof LOOKUP_FILLS] ?? {};
    const after = order.slice(order.findIndex((f) => f.name === at) + 1);
    if (new Set(fills).size !== fills.length) problem(where, "fills names a question twice");
    for (const name of fills) {
      const type = gives[name];
      const target = after.find((f) => f.name === name);
      if (type === undefined) problem(where, `lookup "${lookup}" cannot fill "${name}"`);
      else if (!target) problem(where, `fills "${name}", which is not a later question`);
      else if (target.type !== type)
        problem(where, `lookup "${lookup}" fills "${name}" as ${type}, but it is ${target.type}`);
    }
  }
}

/** True when a choice takes its options from run-time data (a list, a hook or a register). */
function runTimeOptions(field: Extract<Field, { type: "choice" }>): boolean {
  return field.optionList !== undefined || field.optionsFrom !== undefined || field.lookup !== undefined;
}

/** Answers a public subject may quote: short, chosen or typed by the applicant, never a sensitive one. */
const SUBJECT_FIELD_TYPES: ReadonlySet<string> = new Set(["choice", "text"]);

/** The `{{name}}` placeholders of a template, in order. */
export function templateNames(template: string): string[] {
  return template
    .split("{{")
    .slice(1)
    .map((part) => part.split("}}")[0] ?? "");
}

function checkDiarium(
  def: FormDefinition,
  fields: Map<string, Field>,
  problem: (where: string, what: string) => void,
  ownKey: (where: string, key: string | undefined) => void,
) {
  const rule = def.diarium as FormDefinition["diarium"] | undefined;
  if (rule === undefined) return problem("diarium", 'required: a subject template, "masked" or "secret"');
  if (rule === "masked") {
    if (def.sensitivity === "secret") problem("diarium", 'a secret form cannot be "masked" in the diarium');
    return;
  }
  if (rule === "secret") return;
  if (def.sensitivity !== "public") problem("diarium", "only a public form may show a subject");
  ownKey("diarium.subject.template", rule.subject.template);
  for (const name of rule.subject.answers) {
    const field = fields.get(name);
    if (!field) problem("diarium", `subject answer "${name}" is not a question of the form`);
    else if (!SUBJECT_FIELD_TYPES.has(field.type) || field.sensitive)
      problem("diarium", `subject answer "${name}" (${field.type}) may not be shown in public`);
  }
  if (def.requiresEid) problem("diarium", "an e-ID form is about a person: its diarium cannot show a subject");
}

export function assertValidDefinition(def: FormDefinition): void {
  const problems = definitionProblems(def);
  if (problems.length > 0) throw new Error(`Invalid form definition:\n${problems.join("\n")}`);
}
