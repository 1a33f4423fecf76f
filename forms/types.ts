import type { Area } from "../app/domain/areas";
import type { Law } from "../app/domain/decisions";
import type {
  ChoiceLookupName,
  ComputedSpec,
  OptionsHookName,
  PropertyLookupName,
  SignatureParty,
  SubmitHandlerName,
} from "./hooks";

/**
 * The declarative form model. A `FormDefinition` is the single source for the server
 * validator, the web renderer (with and without JavaScript), the fillable PDF and the
 * receipt. Everything here is plain data: no React, no `node:` modules, no database.
 *
 * Texts are i18n keys in the "forms" namespace, written with the namespace as the first
 * segment ("forms.errors.required"); see `forms/keys.ts` for the scheme and the helper
 * that turns them into i18next keys ("forms:errors.required").
 */

/**
 * Municipalities are run-time data (the `municipality` table, decision 056): a slug is any
 * kebab-case text here and is checked against the database where it is used.
 */
export type MunicipalitySlug = string;

/**
 * Option lists whose options come from run-time data, resolved by the server at render and
 * validate time (`withOptionLists`, decision 056). A choice names its list instead of listing options.
 */
export const OPTION_LISTS = ["municipalities"] as const;
export type OptionListName = (typeof OPTION_LISTS)[number];

/** Mirrors `db/seed/content/types.ts`; a test keeps them equal. */
export const ADMINISTRATION_SLUGS = [
  "barn-och-utbildning",
  "samhallsbyggnad",
  "socialtjanst",
  "kultur-och-fritid",
  "kommunledning",
] as const;
export type AdministrationSlug = (typeof ADMINISTRATION_SLUGS)[number];

/** A form's case type is the area its cases land in (app/domain/areas.ts, decision 054). */
export type CaseType = Area;

/**
 * How much the diarium must hide later: "public" cases show their subject, "personal"
 * ones hide personal data (GDPR), "secret" ones hide everything but the case type (OSL).
 */
export const SENSITIVITIES = ["public", "personal", "secret"] as const;
export type Sensitivity = (typeof SENSITIVITIES)[number];

/** An i18n key in the "forms" namespace, e.g. "forms.errors.required". */
export type I18nKey = string;

/** What `toText`, `checkYourAnswers` and PDF value helpers use to translate keys. */
export type Translate = (key: I18nKey, params?: Record<string, unknown>) => string;

/**
 * What the public diarium shows of a case filed through this form (decision 076): a subject
 * built from a template over a safe list of answers (choices or short texts, never a sensitive
 * field), or "masked" (no subject, a private person masked), or "secret" (nothing but the case
 * type). The template is a key in the form's own texts with a `{{name}}` per listed answer.
 */
export type DiariumRule = { subject: { template: I18nKey; answers: string[] } } | "masked" | "secret";

export interface FormDefinition {
  /** Stable kebab-case id, used in URLs, case types and i18n keys. Never rename. */
  id: string;
  /** Bumped when the questions change; stored with every submission. */
  version: number;
  administration: AdministrationSlug;
  offeredBy: "shared" | MunicipalitySlug[];
  caseType: CaseType;
  /**
   * The law its cases are decided under where the area holds several (decision 106): only that
   * law's decision templates are offered. Absent: the area's default (SoL for social services).
   */
  law?: Law;
  /** false = anonymous submissions are allowed (the person may still log in). */
  requiresLogin: boolean;
  sensitivity: Sensitivity;
  /**
   * The form needs a resident logged in with e-ID acting for themselves (social services and
   * other sensitive matters, decision 076): anonymous visitors and anyone else go to log in
   * whatever `requiresLogin` says.
   */
  requiresEid?: boolean;
  diarium: DiariumRule;
  titleKey: I18nKey;
  descriptionKey: I18nKey;
  instructionsKey: I18nKey;
  /** Usual processing time, shown on the confirmation page ("what happens next"). */
  processingDays: number;
  steps: Step[];
  /** Values computed by named hooks from the answers, shown on the check page and stored with the case (decision 087). */
  computed?: ComputedSpec[];
  /** The named handler that files the case instead of the generic case creation (decision 087). */
  submitHandler?: SubmitHandlerName;
  /** Parties who sign the answers with e-ID, each at most once (see `SIGNATURE_PARTIES`). */
  signatures?: { party: SignatureParty }[];
}

export interface Step {
  /** kebab-case, unique per form; used in the step URL. */
  id: string;
  titleKey: I18nKey;
  fields: Field[];
}

/**
 * Show a question only when an earlier answer matches:
 * - `equals: "x"`  — the answer is "x" (or, for a multichoice, includes "x");
 * - `equals: true` — a yes/no answer is yes;
 * - `equals: ["a","b"]` — the answer is one of them (or a multichoice includes one of them).
 * The referenced field must come earlier in the form. Inside a group, a sibling field of
 * the same item is looked up first, then the rest of the form.
 * Hidden fields are not required and their values are dropped.
 */
export interface ShowIf {
  field: string;
  equals: string | boolean | string[];
}

/** Where a renderer may take an initial value from; the person can always change it. */
export interface Prefill {
  /** "query": a URL search parameter; "profile": the logged-in person or organisation. */
  from: "query" | "profile";
  key: string;
}

interface FieldBase<T extends string> {
  type: T;
  /** camelCase, unique in the whole form (group sub-fields included). */
  name: string;
  labelKey: I18nKey;
  hintKey?: I18nKey;
  required: boolean;
  showIf?: ShowIf;
  /** Encrypted at rest and masked in logs. */
  sensitive?: true;
  /** HTML autocomplete token, e.g. "email", "tel", "street-address". */
  autocomplete?: string;
  prefill?: Prefill;
}

export interface TextField extends FieldBase<"text"> {
  /** Default 200, at most 500. */
  maxLength?: number;
  minLength?: number;
  /** Hint for the on-screen keyboard. */
  inputMode?: "text" | "numeric" | "decimal";
}

export interface TextareaField extends FieldBase<"textarea"> {
  /** Default 4000, at most 10000. */
  maxLength?: number;
  rows?: number;
}

export interface NumberField extends FieldBase<"number"> {
  min?: number;
  max?: number;
  /** Decimals allowed; 0 (the default) means whole numbers only. */
  decimals?: number;
  /** Unit shown after the input and in summaries, e.g. "forms.units.metres". */
  unitKey?: I18nKey;
}

/** "YYYY-MM-DD", a number of days from today (Swedish time), or another date field. */
export type DateBound = string | { daysFromToday: number } | { field: string };

export interface DateField extends FieldBase<"date"> {
  min?: DateBound;
  max?: DateBound;
}

export interface ChoiceOption {
  /** kebab-case; what is posted and stored. */
  value: string;
  labelKey: I18nKey;
  hintKey?: I18nKey;
  /** A literal text from run-time data (a municipality's name), shown instead of `labelKey`. */
  label?: string;
}

export interface ChoiceField extends FieldBase<"choice"> {
  display: "radio" | "select";
  /** Empty when `optionList` names where the options come from. */
  options: ChoiceOption[];
  optionList?: OptionListName;
  /** Options computed by a named hook from earlier answers and the database (decision 087). */
  optionsFrom?: OptionsHookName;
  /** Options looked up in a register about the logged-in resident (decision 087). */
  lookup?: ChoiceLookupName;
}

export interface MultichoiceField extends FieldBase<"multichoice"> {
  options: ChoiceOption[];
  minSelected?: number;
  maxSelected?: number;
}

export interface YesNoField extends FieldBase<"yesno"> {}

export interface PersonnummerField extends FieldBase<"personnummer"> {
  /** Accept samordningsnummer too (default true). */
  allowSamordningsnummer?: boolean;
}

export interface OrganisationsnummerField extends FieldBase<"organisationsnummer"> {}

export interface EmailField extends FieldBase<"email"> {}

export interface PhoneField extends FieldBase<"phone"> {}

/** Compound: street, postalCode ("NNN NN"), town. Sub-labels are common keys. */
export interface AddressField extends FieldBase<"address"> {}

/** Property designation, e.g. "Bengtsfors Sågen 1:23". */
export interface FastighetsbeteckningField extends FieldBase<"fastighetsbeteckning"> {
  /** The designation is checked in the property register when its step is saved (decision 097). */
  lookup?: PropertyLookupName;
  /** Later questions the look-up fills from the register (see `LOOKUP_FILLS`). */
  fills?: string[];
}

export interface FileField extends FieldBase<"file"> {
  /** Per file. */
  maxBytes: number;
  maxFiles: number;
  /** MIME types; "image/*" style wildcards allowed. */
  accept: string[];
}

/** Fields that may appear inside a repeating group (no nested groups, no uploads). */
export type GroupChildField =
  | TextField
  | TextareaField
  | NumberField
  | DateField
  | ChoiceField
  | MultichoiceField
  | YesNoField
  | PersonnummerField
  | OrganisationsnummerField
  | EmailField
  | PhoneField
  | AddressField
  | FastighetsbeteckningField;

/** Repeating set of questions ("add another"). */
export interface GroupField extends FieldBase<"group"> {
  fields: GroupChildField[];
  /** Fewest items (a required group needs at least one). */
  min: number;
  /** Most items, at most 50; also the number of rows on the paper/PDF form. */
  max: number;
  /** Heading for each item; gets `{{number}}` (1-based). */
  itemLabelKey: I18nKey;
  /** Text of the "add another" button. */
  addLabelKey: I18nKey;
}

export type Field = GroupChildField | FileField | GroupField;
export type FieldType = Field["type"];
export type FieldOfType<T extends FieldType> = Extract<Field, { type: T }>;

export const FIELD_TYPES = [
  "text",
  "textarea",
  "number",
  "date",
  "choice",
  "multichoice",
  "yesno",
  "personnummer",
  "organisationsnummer",
  "email",
  "phone",
  "address",
  "fastighetsbeteckning",
  "file",
  "group",
] as const satisfies readonly FieldType[];

// ---- Values -------------------------------------------------------------------------

export interface AddressValue {
  street: string;
  /** "NNN NN" */
  postalCode: string;
  town: string;
}

/**
 * An uploaded file. A fresh upload carries the `blob` (the server stores it and replaces
 * the value with one that has an `id`); a stored upload has an `id` and no blob.
 * `type` is what the browser claimed: the server must check the content too.
 */
export interface FileValue {
  name: string;
  size: number;
  type: string;
  id?: string;
  blob?: Blob;
}

export type GroupItemValue = { [name: string]: ScalarValue };

export type ScalarValue = string | number | boolean | string[] | AddressValue;
export type FieldValue = ScalarValue | FileValue[] | GroupItemValue[];

/** Answers keyed by field name. Unanswered and hidden fields are absent. */
export type FormValues = { [name: string]: FieldValue };

/** One field's validation error: an i18n key plus interpolation values. */
export interface FieldError {
  key: I18nKey;
  params?: Record<string, unknown>;
}

/**
 * Errors keyed by field path: "email", "address.postalCode", "witnesses.0.witnessName".
 * Form-level problems (e.g. fields that do not belong to the form) use `FORM_ERROR_PATH`.
 */
export type FieldErrors = Record<string, FieldError>;
export const FORM_ERROR_PATH = "_form";
