/**
 * The engine's named extension points (decisions 070, 087). A definition stays data: it names a
 * hook (`"optionsFrom": "units"`, `"lookup": "children"`, `"computed": [{ "hook": "childcareFee" }]`,
 * `"submitHandler": "childcare"`) and the server resolves the name in one registry
 * (`app/services/form-hooks.server.ts`, typed against these lists, so a name without code does not
 * compile). Each hook also says which questions it reads, by name and type: the checker refuses a
 * definition that names an unknown hook or lacks a question the hook reads. Shared by server and
 * browser: no code runs here.
 */
import type { FieldType } from "./types";

/** Choices whose options depend on earlier answers, read from the database (units of the chosen municipality and kind). */
export const OPTIONS_HOOKS = ["units", "schools"] as const;
export type OptionsHookName = (typeof OPTIONS_HOOKS)[number];

/**
 * Look-ups in a register. On a choice they give its options, about the logged-in resident (the
 * children in their custody); on a `fastighetsbeteckning` question they check the designation in
 * the property register and fill the later questions named in `fills` (address, owners).
 */
export const CHOICE_LOOKUPS = ["children"] as const;
export const PROPERTY_LOOKUPS = ["property"] as const;
export const LOOKUP_HOOKS = [...CHOICE_LOOKUPS, ...PROPERTY_LOOKUPS] as const;
export type ChoiceLookupName = (typeof CHOICE_LOOKUPS)[number];
export type PropertyLookupName = (typeof PROPERTY_LOOKUPS)[number];
export type LookupHookName = (typeof LOOKUP_HOOKS)[number];

/**
 * Values computed from the answers, shown on the check page and stored with the case (the childcare
 * fee, the bygglov fee, the date a childcare place is guaranteed by, how many other guardians the
 * chosen child has: their names are shown, never stored).
 */
export const COMPUTED_HOOKS = ["childcareFee", "bygglovTaxa", "childcareGuarantee", "coGuardians"] as const;
export type ComputedHookName = (typeof COMPUTED_HOOKS)[number];

/** Code that files a case of this type instead of the generic case creation (queue rows, parties, notifications). */
export const SUBMIT_HANDLERS = ["childcare", "school", "bygglov"] as const;
export type SubmitHandlerName = (typeof SUBMIT_HANDLERS)[number];

/**
 * Who signs the application with e-ID (issue 16, decisions 081 and 085), over the definition's
 * summary of the answers: `applicant` signs as the sending step (the case is filed once the
 * signature is verified); `co-guardians` means every other guardian of the child signs through
 * Mina sidor after sending, and the case reaches the officer only after the last signature (a
 * decline stops it). Not a hook: the engine's signature step handles both.
 */
export const SIGNATURE_PARTIES = ["applicant", "co-guardians"] as const;
export type SignatureParty = (typeof SIGNATURE_PARTIES)[number];

/** The questions a hook reads: name → type. Options and look-ups read only earlier questions. */
type Reads = Readonly<Record<string, FieldType>>;

export const HOOK_READS: {
  options: Record<OptionsHookName, Reads>;
  lookup: Record<LookupHookName, Reads>;
  computed: Record<ComputedHookName, Reads>;
  submit: Record<SubmitHandlerName, Reads>;
} = {
  options: { units: { municipality: "choice", careKind: "choice" }, schools: {} },
  lookup: { children: {}, property: {} },
  computed: {
    childcareFee: { child: "choice", careKind: "choice", hoursPerWeek: "number", desiredStart: "date" },
    // The municipality's taxa for the measure and area at the property (a `grossFloorArea` number is read too when asked).
    bygglovTaxa: { fastighetsbeteckning: "fastighetsbeteckning", measureType: "choice", buildingArea: "number" },
    // Skollagen 8 kap. 14 §: a place within four months of the application, or on a later start asked for.
    childcareGuarantee: { desiredStart: "date" },
    // The chosen child's other custodial guardians, from the population register.
    coGuardians: { child: "choice" },
  },
  submit: {
    childcare: {
      child: "choice",
      careKind: "choice",
      unit1: "choice",
      desiredStart: "date",
      hoursPerWeek: "number",
    },
    school: { child: "choice", applicationType: "choice", school1: "choice", startDate: "date" },
    // The permit facts (areas, kontrollansvarig and the four drawings are read when the form has them).
    bygglov: { fastighetsbeteckning: "fastighetsbeteckning", measureType: "choice", description: "textarea" },
  },
};

/**
 * The questions a look-up may fill (name → type), each named in the question's `fills`; a filled
 * question comes later in the form. The property look-up gives the register's address and owners.
 */
export const LOOKUP_FILLS: Record<LookupHookName, Reads> = {
  children: {},
  property: { propertyAddress: "address", propertyOwner: "text" },
};

/** Hooks that act for a person (register look-ups, submit handlers that file about a child) need an e-ID form. */
export const HOOKS_NEEDING_EID: ReadonlySet<string> = new Set([
  "lookup:children",
  "computed:coGuardians",
  "submit:childcare",
  "submit:school",
]);

/**
 * Handlers that file a case about a child (childcare, school choice): secret under OSL 23 kap.,
 * and diarium-rules.ts masks their areas whatever a form says. The definition must say so too
 * (sensitivity and diarium "secret"), so what the designer sees is what the diarium holds.
 */
export const SECRET_SUBMIT_HANDLERS: ReadonlySet<string> = new Set(["childcare", "school"]);

/**
 * Handlers that take the applicant's e-ID signature and store it with the case in their own
 * transaction, over a text of their own (bygglov: the bygglov pages' summary, decision 105). A
 * form with another handler cannot ask for the applicant's signature.
 */
export const SIGNING_SUBMIT_HANDLERS: ReadonlySet<string> = new Set(["bygglov"]);

/** A value a computed hook gives: what is stored with the case, and the text the check page shows. */
export interface ComputedValue {
  value: string | number;
  text: string;
}

/** A value a form shows and stores, computed by a named hook (decision 087). */
export interface ComputedSpec {
  /** camelCase, unique among the form's questions and computed values. */
  name: string;
  hook: ComputedHookName;
  labelKey: string;
}
