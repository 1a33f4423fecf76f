/**
 * An e-service definition as a document (decision 070): the definition the engine runs, its own
 * texts in both languages and a valid example answer, in one JSON file that can be stored,
 * exported and imported by another municipality. The zod model here is the structural check of
 * a document from outside (a file, an import, the designer); `definitionProblems` in
 * check-definition.ts then checks what a schema cannot (names, conditions, keys). The published
 * JSON Schema (/api/v1/schemas/eservice-definition.json) is generated from this model.
 * Shared by server and browser: no `node:` modules.
 */
import { z } from "zod";
import { AREAS } from "../app/domain/areas";
import { LAWS } from "../app/domain/decisions";
import { addDays, todayInSweden } from "./format";
import {
  CHOICE_LOOKUPS,
  COMPUTED_HOOKS,
  OPTIONS_HOOKS,
  PROPERTY_LOOKUPS,
  SIGNATURE_PARTIES,
  SUBMIT_HANDLERS,
} from "./hooks";
import {
  ADMINISTRATION_SLUGS,
  OPTION_LISTS,
  SENSITIVITIES,
  type FieldValue,
  type FormDefinition,
  type FormValues,
} from "./types";

/** The document format's version: bumped only when the shape changes incompatibly. */
export const DOCUMENT_FORMAT = 1;
export const DOCUMENT_SCHEMA_PATH = "/api/v1/schemas/eservice-definition.json";

const id = z.string().min(1).max(100);
const key = z.string().min(1).max(300);

const showIf = z
  .object({ field: id, equals: z.union([z.string().max(200), z.boolean(), z.array(z.string().max(200)).max(100)]) })
  .strict();
const prefill = z.object({ from: z.enum(["query", "profile"]), key: id }).strict();

const base = {
  name: id,
  labelKey: key,
  hintKey: key.optional(),
  required: z.boolean(),
  showIf: showIf.optional(),
  sensitive: z.literal(true).optional(),
  autocomplete: z.string().max(100).optional(),
  prefill: prefill.optional(),
};
const int = z.number().int();
const option = z
  .object({ value: id, labelKey: key, hintKey: key.optional(), label: z.string().max(200).optional() })
  .strict();
const options = z.array(option).max(200);
const dateBound = z.union([
  z.string().max(10),
  z.object({ daysFromToday: int }).strict(),
  z.object({ field: id }).strict(),
]);

const text = z
  .object({
    type: z.literal("text"),
    ...base,
    maxLength: int.optional(),
    minLength: int.optional(),
    inputMode: z.enum(["text", "numeric", "decimal"]).optional(),
  })
  .strict();
const textarea = z
  .object({ type: z.literal("textarea"), ...base, maxLength: int.optional(), rows: int.optional() })
  .strict();
const number = z
  .object({
    type: z.literal("number"),
    ...base,
    min: z.number().optional(),
    max: z.number().optional(),
    decimals: int.optional(),
    unitKey: key.optional(),
  })
  .strict();
const date = z
  .object({ type: z.literal("date"), ...base, min: dateBound.optional(), max: dateBound.optional() })
  .strict();
const choice = z
  .object({
    type: z.literal("choice"),
    ...base,
    display: z.enum(["radio", "select"]),
    options,
    optionList: z.enum(OPTION_LISTS).optional(),
    optionsFrom: z.enum(OPTIONS_HOOKS).optional(),
    lookup: z.enum(CHOICE_LOOKUPS).optional(),
  })
  .strict();
const multichoice = z
  .object({
    type: z.literal("multichoice"),
    ...base,
    options,
    minSelected: int.optional(),
    maxSelected: int.optional(),
  })
  .strict();
const simple = <T extends string>(type: T) => z.object({ type: z.literal(type), ...base }).strict();
const personnummer = z
  .object({ type: z.literal("personnummer"), ...base, allowSamordningsnummer: z.boolean().optional() })
  .strict();

const fastighetsbeteckning = z
  .object({
    type: z.literal("fastighetsbeteckning"),
    ...base,
    lookup: z.enum(PROPERTY_LOOKUPS).optional(),
    fills: z.array(id).max(20).optional(),
  })
  .strict();

const groupChild = z.discriminatedUnion("type", [
  text,
  textarea,
  number,
  date,
  choice,
  multichoice,
  simple("yesno"),
  personnummer,
  simple("organisationsnummer"),
  simple("email"),
  simple("phone"),
  simple("address"),
  fastighetsbeteckning,
]);
const file = z
  .object({
    type: z.literal("file"),
    ...base,
    maxBytes: int,
    maxFiles: int,
    accept: z.array(z.string().min(1).max(100)).min(1).max(20),
  })
  .strict();
const group = z
  .object({
    type: z.literal("group"),
    ...base,
    fields: z.array(groupChild).min(1).max(50),
    min: int,
    max: int,
    itemLabelKey: key,
    addLabelKey: key,
  })
  .strict();
const field = z.discriminatedUnion("type", [...groupChild.options, file, group]);

const step = z.object({ id, titleKey: key, fields: z.array(field).min(1).max(100) }).strict();

export const definitionSchema = z
  .object({
    id,
    version: int.min(1),
    administration: z.enum(ADMINISTRATION_SLUGS),
    offeredBy: z.union([z.literal("shared"), z.array(id).min(1).max(50)]),
    caseType: z.enum(AREAS),
    law: z.enum(LAWS).optional(),
    requiresLogin: z.boolean(),
    sensitivity: z.enum(SENSITIVITIES),
    requiresEid: z.boolean().optional(),
    diarium: z.union([
      z.object({ subject: z.object({ template: key, answers: z.array(id).min(1).max(5) }).strict() }).strict(),
      z.literal("masked"),
      z.literal("secret"),
    ]),
    titleKey: key,
    descriptionKey: key,
    instructionsKey: key,
    processingDays: int.min(1),
    steps: z.array(step).min(1).max(50),
    computed: z
      .array(z.object({ name: id, hook: z.enum(COMPUTED_HOOKS), labelKey: key }).strict())
      .max(10)
      .optional(),
    submitHandler: z.enum(SUBMIT_HANDLERS).optional(),
    signatures: z
      .array(z.object({ party: z.enum(SIGNATURE_PARTIES) }).strict())
      .max(SIGNATURE_PARTIES.length)
      .optional(),
  })
  .strict();

/** The form's own texts (the `forms.<formId>` subtree of the forms namespace): nested objects of strings. */
export type TextTree = { [key: string]: string | TextTree };
const textTree: z.ZodType<TextTree> = z.lazy(() =>
  z.record(z.string().min(1).max(100), z.union([z.string().max(20_000), textTree])),
);

/** A date answer in an example, relative to the day the example is used, so examples never go stale. */
const relativeDate = z.object({ daysFromToday: int }).strict();
const scalar = z.union([
  z.string().max(20_000),
  z.number(),
  z.boolean(),
  z.array(z.string().max(200)).max(200),
  z.object({ street: z.string(), postalCode: z.string(), town: z.string() }).strict(),
  relativeDate,
]);
const fileValue = z
  .object({ name: z.string().max(255), size: int.min(0), type: z.string().max(100), id: z.string().max(100) })
  .strict();
const exampleValue = z.union([scalar, z.array(fileValue).max(20), z.array(z.record(id, scalar)).max(50)]);

export const documentSchema = z
  .object({
    $schema: z.string().max(200).optional(),
    format: z.literal(DOCUMENT_FORMAT),
    definition: definitionSchema,
    texts: z.object({ sv: textTree, en: textTree }).strict(),
    example: z.record(id, exampleValue),
  })
  .strict();

export type DocumentExample = z.infer<typeof documentSchema>["example"];
export interface DefinitionDocument {
  $schema?: string;
  format: typeof DOCUMENT_FORMAT;
  definition: FormDefinition;
  texts: { sv: TextTree; en: TextTree };
  example: DocumentExample;
}

// The model and the engine's types must not drift apart: each must be assignable to the other.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const definitionModelMatchesTypes: Same<z.infer<typeof definitionSchema>, FormDefinition> = true;
void definitionModelMatchesTypes;

export type DocumentResult = { ok: true; document: DefinitionDocument } | { ok: false; problems: string[] };

/** Check a document's shape (not yet its meaning: see `definitionProblems`). Never throws. */
export function parseDocument(input: unknown): DocumentResult {
  const parsed = documentSchema.safeParse(input);
  if (parsed.success) return { ok: true, document: parsed.data as DefinitionDocument };
  return {
    ok: false,
    problems: parsed.error.issues.slice(0, 50).map((i) => `${i.path.join(".") || "document"}: ${i.message}`),
  };
}

/** The example with its relative dates made into dates from today (Swedish time). */
export function resolveExample(example: DocumentExample, today = todayInSweden()): FormValues {
  const resolve = (value: unknown): FieldValue => {
    if (value !== null && typeof value === "object" && !Array.isArray(value) && "daysFromToday" in value)
      return addDays(today, (value as { daysFromToday: number }).daysFromToday);
    if (Array.isArray(value))
      return value.map((item: unknown) =>
        item !== null && typeof item === "object" && !("size" in item)
          ? Object.fromEntries(Object.entries(item).map(([k, v]) => [k, resolve(v)]))
          : item,
      ) as FieldValue;
    return value as FieldValue;
  };
  return Object.fromEntries(Object.entries(example).map(([k, v]) => [k, resolve(v)]));
}

/** The JSON Schema of a document (draft 2020-12), generated from the model above. */
export function documentJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(documentSchema, { target: "draft-2020-12", unrepresentable: "any" }),
    $id: DOCUMENT_SCHEMA_PATH,
    title: "E-service definition document",
    description:
      "An e-service of the Dalsland e-service portal: its definition, its own texts in Swedish and English, and a valid example answer (decision 070).",
  };
}
