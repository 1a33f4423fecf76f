/**
 * The one registry of the form engine's named hooks (decision 087). A definition names a hook
 * (forms/hooks.ts lists the names and the questions each reads; the checker refuses unknown ones);
 * the code behind each name lives here, typed against those lists, so a name without code does
 * not compile. Hooks run on the server only, with the logged-in resident's viewer: the browser
 * receives the resolved options, never the hook.
 */
import { and, asc, eq, isNull } from "drizzle-orm";
import { childcareUnit, municipality } from "../../db/schema/index";
import type {
  ChoiceLookupName,
  ComputedHookName,
  ComputedValue,
  OptionsHookName,
  PropertyLookupName,
  SubmitHandlerName,
} from "../../forms/hooks";
import type { ChoiceOption, Field, FieldErrors, FormDefinition, FormValues } from "../../forms/types";
import { errorKey } from "../../forms/keys";
import { moduleFor } from "../../forms/fields/registry";
import { isBlank } from "../../forms/fields/module";
import { normalizePostalCode } from "../../forms/fields/address";
import { isIsoDate } from "../../forms/format";
import { isMeasureType } from "../../forms/lib/building-permit";
import type { ResidentUser } from "~/auth/guards.server";
import { db } from "~/db.server";
import type { Language } from "~/i18n/config";
import { getFixedT } from "~/i18n/i18n.server";
import { formatCurrency } from "~/utils/format";
import type { ResidentViewer } from "./case-access.server";
import { CARE_KINDS, parseChildcareApplication, type ChildcareApplicationInput } from "./childcare-application";
import { assessStartDate, swedishDate } from "./childcare-rules";
import { childrenForApplication, estimateFee, listUnits, submitChildcareApplication } from "./childcare.server";
import { getChildOfGuardian, registerIsDown, registerPerson, type LookupPurpose } from "./population.server";
import {
  EMPTY_DRAFT,
  feeFor,
  lookupProperty,
  permitAnswersPaymentTerms,
  permitAnswersSigningText,
  submitPermitAnswers,
} from "./building-permits.server";
import type { ApplicantSignature } from "~/auth/oidc-sign.server";
import { residentViewerOf } from "./resident-viewer.server";
import { parseSchoolApplication, submitSchoolApplication } from "./school.server";

interface HookContext {
  /** The form's submit handler names what a register look-up is for (the audited purpose). */
  submitHandler?: FormDefinition["submitHandler"];
  answers: FormValues;
  user: ResidentUser | null;
  lang: Language;
  now?: Date;
}

/** The label key every run-time option carries; the literal `label` is what is shown. */
const RUN_TIME_LABEL = "forms.common.runTimeOption";

function viewerOf(ctx: HookContext): ResidentViewer | undefined {
  return ctx.user ? residentViewerOf(ctx.user) : undefined;
}

/** Why the register is asked (audited with each look-up): the form's own case type, else Mina sidor. */
function purposeOf(ctx: HookContext): LookupPurpose {
  if (ctx.submitHandler === "school") return "school";
  return ctx.submitHandler === "childcare" ? "childcare" : "mypages";
}

function text(answers: FormValues, name: string): string | undefined {
  const v = answers[name];
  return typeof v === "string" || typeof v === "number" ? String(v) : undefined;
}

type OptionsHook = (ctx: HookContext) => Promise<ChoiceOption[]>;
type ComputedHook = (ctx: HookContext) => Promise<ComputedValue | null>;
interface SubmitInput extends HookContext {
  def: FormDefinition;
  idempotencyKey: string;
  /** The engine's owner of the draft and its uploads (the files the case takes, a payment of the draft). */
  ownerKey?: string;
  /**
   * The applicant's e-ID signature, when the definition asks for one (a handler in
   * SIGNING_SUBMIT_HANDLERS): the handler checks it covers its own signing text now (105).
   */
  signature?: ApplicantSignature;
}
/**
 * A refusal may name its HTTP status (503: a register did not answer; 400 otherwise) and, for a
 * signed sending, why the signature was refused (the answers changed since, or another signer).
 */
type SubmitOutcome =
  | {
      ok: true;
      reference: string;
      /** Where the applicant goes once filed, if not the case on Mina sidor. */
      receipt?: string;
    }
  | { ok: false; messages: string[]; status?: number; error?: "changed" | "signature" };
type SubmitHook = (input: SubmitInput) => Promise<SubmitOutcome>;

const optionsHooks: Record<OptionsHookName, OptionsHook> = {
  /** Open units of the chosen municipality and kind of care, by name. */
  units: async (ctx) => {
    const slug = text(ctx.answers, "municipality");
    const kind = text(ctx.answers, "careKind");
    if (!slug || !kind || !(CARE_KINDS as readonly string[]).includes(kind)) return [];
    const m = db().select({ id: municipality.id }).from(municipality).where(eq(municipality.slug, slug)).get();
    if (!m) return [];
    return listUnits({ municipalityId: m.id, kind: kind as (typeof CARE_KINDS)[number] }).map((u) => ({
      value: String(u.id),
      labelKey: RUN_TIME_LABEL,
      label: `${u.name}, ${u.street}, ${u.town} (${u.ageFrom}–${u.ageTo})`,
    }));
  },
  /** Every open compulsory school of the five municipalities, by municipality and name. */
  schools: async () =>
    db()
      .select({ id: childcareUnit.id, name: childcareUnit.name, town: childcareUnit.town, m: municipality.name })
      .from(childcareUnit)
      .innerJoin(municipality, eq(municipality.id, childcareUnit.municipalityId))
      .where(and(eq(childcareUnit.kind, "grundskola"), isNull(childcareUnit.closedAt)))
      .orderBy(asc(municipality.name), asc(childcareUnit.name))
      .all()
      .map((s) => ({ value: String(s.id), labelKey: RUN_TIME_LABEL, label: `${s.name}, ${s.town} (${s.m})` })),
};

const lookupHooks: Record<ChoiceLookupName, OptionsHook> = {
  /** The children in the resident's custody, from the population register (hmac as the value). */
  children: async (ctx) => {
    const viewer = viewerOf(ctx);
    if (!viewer) return [];
    const purpose = ctx.submitHandler === "school" ? "school" : "childcare";
    return (await childrenForApplication(viewer, purpose)).map((c) => ({
      value: c.hmac,
      labelKey: RUN_TIME_LABEL,
      label: `${c.givenName} ${c.familyName} (${c.birthDate})`,
    }));
  },
};

/**
 * A look-up on a designation: the values of the questions it may fill (`LOOKUP_FILLS`; undefined
 * when the register does not give one), or why the designation cannot be used, as a message in
 * the person's language.
 */
type DesignationOutcome = { ok: true; gives: FormValues } | { ok: false; message: string };
type DesignationLookup = (designation: string, ctx: HookContext) => Promise<DesignationOutcome>;

const propertyLookups: Record<PropertyLookupName, DesignationLookup> = {
  /**
   * The property in the register (Lantmäteriet, audited with its purpose), applied for only in a
   * portal municipality: the bygglov pages' own check and messages (permits:errors.*, a register
   * that does not answer included). Gives the register's address and owners.
   */
  property: async (designation, ctx) => {
    // Asked on behalf of a logged-in person only (the audit names them); the submit handler checks again.
    if (!ctx.user) return { ok: true, gives: {} };
    const check = await lookupProperty(ctx.user, designation);
    if (!check.ok) return { ok: false, message: getFixedT(ctx.lang, "permits")(`errors.${check.code}`) };
    const p = check.property;
    const postalCode = normalizePostalCode(p.postalCode);
    const gives: FormValues = {};
    if (p.street && postalCode && p.town) gives.propertyAddress = { street: p.street, postalCode, town: p.town };
    if (p.ownerName) gives.propertyOwner = p.ownerName;
    return { ok: true, gives };
  },
};

/** Whether a step has a designation with a register look-up: only then does runStepLookups ask anything or change the answers. */
export function stepHasLookups(def: FormDefinition, stepId: string): boolean {
  return (def.steps.find((s) => s.id === stepId)?.fields ?? []).some(
    (field) => field.type === "fastighetsbeteckning" && Boolean(field.lookup),
  );
}

/**
 * Runs the look-ups on a step's designations as the step is saved (decision 104): each designation
 * with `lookup` is asked about; a refusal is that question's error (its message travels as a
 * parameter, so the browser needs no register texts); an accepted one fills the questions named
 * in `fills` that are empty, or all of them when the designation changed since the last save. A
 * value the target question would not accept is left out. `before` are the saved answers, `after`
 * the answers with this step's values merged in; returns `after` with the fills.
 */
export async function runStepLookups(
  def: FormDefinition,
  stepId: string,
  before: FormValues,
  after: FormValues,
  ctx: Omit<HookContext, "answers">,
): Promise<{ answers: FormValues; errors: FieldErrors }> {
  const answers: FormValues = { ...after };
  const errors: FieldErrors = {};
  const fields = def.steps.flatMap((s) => s.fields);
  for (const field of def.steps.find((s) => s.id === stepId)?.fields ?? []) {
    if (field.type !== "fastighetsbeteckning" || !field.lookup) continue;
    const designation = answers[field.name];
    if (typeof designation !== "string" || designation === "") continue;
    const outcome = await propertyLookups[field.lookup](designation, {
      ...ctx,
      answers,
      submitHandler: def.submitHandler,
    });
    if (!outcome.ok) {
      errors[field.name] = { key: errorKey("lookupRefused"), params: { message: outcome.message } };
      continue;
    }
    const changed = before[field.name] !== designation;
    for (const name of field.fills ?? []) {
      if (!changed && !isBlank(answers[name])) continue;
      const target = fields.find((f) => f.name === name);
      const given = outcome.gives[name];
      const parsed = target && given !== undefined ? moduleFor(target).schema(target).safeParse(given) : undefined;
      if (parsed?.success && parsed.data !== undefined) answers[name] = parsed.data as FormValues[string];
      else delete answers[name];
    }
  }
  return { answers, errors };
}

/** The plain answers (strings and numbers) as the flagship services' own parsers read them. */
function rawAnswers(answers: FormValues): Record<string, string> {
  const raw: Record<string, string> = {};
  for (const [k, v] of Object.entries(answers)) if (typeof v === "string" || typeof v === "number") raw[k] = String(v);
  return raw;
}

/** The childcare answers as the childcare service reads them, or its field error codes. */
function childcareInput(answers: FormValues) {
  return parseChildcareApplication(rawAnswers(answers));
}

const computedHooks: Record<ComputedHookName, ComputedHook> = {
  /** The monthly maxtaxa fee with this child placed as asked (siblings and reported income counted). */
  childcareFee: async (ctx) => {
    const viewer = viewerOf(ctx);
    const child = text(ctx.answers, "child");
    const kind = text(ctx.answers, "careKind");
    const hours = Number(ctx.answers.hoursPerWeek);
    const on = text(ctx.answers, "desiredStart");
    if (!viewer || !child || !kind || !(CARE_KINDS as readonly string[]).includes(kind) || !on || !(hours > 0))
      return null;
    const income = ctx.answers.monthlyIncome;
    const fee = await estimateFee({
      viewer,
      childHmac: child,
      careKind: kind as ChildcareApplicationInput["careKind"],
      hoursPerWeek: hours,
      monthlyIncome: typeof income === "number" ? income : null,
      on,
    });
    const amount = fee?.result.children[0]?.fee;
    if (amount === undefined) return null;
    return { value: amount, text: formatCurrency(amount) };
  },
  /**
   * The bygglov fee estimate from the municipality's taxa valid today (decision 057), for the measure
   * and area at the property the register places in the portal: the same figure as the bygglov
   * check page (building-permits.server.ts feeFor). Nothing before the property and measure are known.
   */
  bygglovTaxa: async (ctx) => {
    const designation = text(ctx.answers, "fastighetsbeteckning");
    const measureType = text(ctx.answers, "measureType");
    if (!ctx.user || !designation || !isMeasureType(measureType)) return null;
    const check = await lookupProperty(ctx.user, designation);
    if (!check.ok) return null;
    const draft = {
      ...EMPTY_DRAFT,
      propertyDesignation: designation,
      measureType,
      buildingArea: text(ctx.answers, "buildingArea") ?? "",
      grossFloorArea: text(ctx.answers, "grossFloorArea") ?? "",
    };
    const fee = feeFor(draft, check.property, ctx.now);
    if (!fee) return null;
    return { value: fee.total, text: formatCurrency(fee.total) };
  },
  /**
   * The date the municipality must offer a place by (skollagen 8 kap. 14 §): the start asked for
   * when it is four months or more after today's application, else four months from today. The
   * text says which, as the childcare service's own review did (childcare-rules.ts).
   */
  childcareGuarantee: async (ctx) => {
    const on = text(ctx.answers, "desiredStart");
    if (!on || !isIsoDate(on)) return null;
    const assessment = assessStartDate(swedishDate(ctx.now ?? new Date()), on);
    const t = getFixedT(ctx.lang, "childcare");
    const date = assessment.guaranteeDate;
    return {
      value: date,
      text:
        assessment.kind === "guaranteed"
          ? t("apply.guarantee.guaranteed", { date })
          : t("apply.guarantee.earlier", { date }),
    };
  },
  /**
   * The chosen child's other custodial guardians by name, from the register (they are told of the
   * application, or must sign it; the definition's label says which). Only their number is stored.
   */
  coGuardians: async (ctx) => {
    const viewer = viewerOf(ctx);
    const childHmac = text(ctx.answers, "child");
    if (!viewer || !childHmac) return null;
    const purpose = purposeOf(ctx);
    const child = await getChildOfGuardian({ guardianHmac: viewer.personnummerHmac, childHmac }, purpose);
    const others = (child?.custody ?? []).filter((h) => h !== viewer.personnummerHmac);
    const names: string[] = [];
    for (const h of others) {
      const g = await registerPerson(h, purpose);
      if (g) names.push(`${g.givenName} ${g.familyName}`);
    }
    if (names.length === 0) return null;
    return { value: others.length, text: new Intl.ListFormat(ctx.lang, { type: "conjunction" }).format(names) };
  },
};

/** Where `prefill: { from: "profile", key }` takes a question's first value from (the person can change it). */
const profileValues = new Map<string, (ctx: HookContext) => Promise<string | undefined>>([
  [
    // The municipality the logged-in person is registered in (folkbokförd), from the population register.
    "municipality",
    async (ctx) => {
      const viewer = viewerOf(ctx);
      if (!viewer) return undefined;
      return (await registerPerson(viewer.personnummerHmac, purposeOf(ctx)))?.municipality ?? undefined;
    },
  ],
]);

/**
 * The first values of a step's questions that say `prefill: { from: "profile" }` and have no
 * answer yet, for the logged-in person. Asked only then (a register look-up each); a register that
 * does not answer leaves the question empty. Keys without a source here are left empty too.
 */
export async function profilePrefills(
  def: FormDefinition,
  stepId: string,
  ctx: HookContext,
): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const field of def.steps.find((s) => s.id === stepId)?.fields ?? []) {
    const source = field.prefill?.from === "profile" ? profileValues.get(field.prefill.key) : undefined;
    if (!source || ctx.answers[field.name] !== undefined) continue;
    try {
      const value = await source({ ...ctx, submitHandler: def.submitHandler });
      if (value) out[field.name] = value;
    } catch (error) {
      if (!registerIsDown(error)) throw error;
    }
  }
  return out;
}

const submitHandlers: Record<SubmitHandlerName, SubmitHook> = {
  /** Childcare's own case: queue facts, ranked units, parties, income, notifications (childcare.server.ts). */
  childcare: async (input) => {
    const viewer = viewerOf(input);
    const t = getFixedT(input.lang, "childcare");
    const refuse = (errors: Record<string, string>) => ({
      ok: false as const,
      // The same messages as the childcare route gave (childcare:apply.errors.<field>.<code>).
      messages: Object.entries(errors).map(([field, code]) => {
        const key = `apply.errors.${field}.${code}`;
        return t(key);
      }),
    });
    if (!viewer) return refuse({ child: "notYours" });
    const parsed = childcareInput(input.answers);
    if (!parsed.ok) return refuse(parsed.errors);
    let r: Awaited<ReturnType<typeof submitChildcareApplication>>;
    try {
      r = await submitChildcareApplication({
        viewer,
        actor: input.user,
        answers: parsed.value,
        idempotencyKey: `childcare:${viewer.personId}:${input.idempotencyKey}`,
        language: input.lang,
        ...(input.now ? { now: input.now } : {}),
      });
    } catch (error) {
      // Navet not answering: no case, the draft stays, the check page says so (503, decision 067).
      if (!registerIsDown(error)) throw error;
      return { ...refuse({ child: "registerUnavailable" }), status: 503 };
    }
    return r.ok ? r : refuse(r.errors);
  },
  /**
   * A school choice (school.server.ts): filed as waiting for signatures; the applicant signs the
   * summary with e-ID on Mina sidor (decision 081) and, when the definition names
   * `signatures: [{ party: "co-guardians" }]`, every other guardian of the child too (decision 090).
   */
  school: async (input) => {
    const viewer = viewerOf(input);
    const t = getFixedT(input.lang, "childcare");
    // The school page's own messages (childcare:school.errors.<field>.<code>), in the applicant's language.
    const refuse = (errors: Record<string, string>) => ({
      ok: false as const,
      messages: Object.entries(errors).map(([field, code]) => t(`school.errors.${field}.${code}`)),
    });
    if (!viewer) return refuse({ child: "notYours" });
    const parsed = parseSchoolApplication(rawAnswers(input.answers));
    if (!parsed.ok) return refuse(parsed.errors);
    try {
      const r = await submitSchoolApplication({
        viewer,
        actor: input.user,
        answers: parsed.value,
        idempotencyKey: `school:${viewer.personId}:${input.idempotencyKey}`,
        language: input.lang,
        applicantSignsWithEId: true,
        coGuardiansSign: (input.def.signatures ?? []).some((s) => s.party === "co-guardians"),
        formVersion: input.def.version,
        ...(input.now ? { now: input.now } : {}),
      });
      return r.ok ? { ok: true, reference: r.reference } : refuse(r.errors);
    } catch (error) {
      // Navet not answering must not lose the answers: the draft stays and the check page says so.
      if (!registerIsDown(error)) throw error;
      return refuse({ child: "registerUnavailable" });
    }
  },
  /**
   * A bygglov application (decision 097): the permit facts, receivedOn for the statutory clock, a
   * paid Swish payment, the owners' consent requests, the signature, the audit event and the
   * "received" notification, filed as the bygglov pages file them (building-permits.server.ts).
   */
  bygglov: async (input) => {
    const t = getFixedT(input.lang, "permits");
    if (!input.user || !input.ownerKey) return { ok: false, messages: [t("errors.noDraft")] };
    const r = await submitPermitAnswers({
      user: input.user,
      lang: input.lang,
      answers: input.answers,
      ownerKey: input.ownerKey,
      idempotencyKey: input.idempotencyKey,
      formVersion: input.def.version,
      ...(input.now ? { now: input.now } : {}),
      ...(input.signature ? { signature: input.signature } : {}),
    });
    // The bygglov receipt: the reference, the Swish payment and the expected decision date (decision 110).
    if (r.ok) return { ...r, receipt: `/bygglov/kvitto/${r.reference}` };
    if (r.status === 409 || r.status === 403)
      return { ok: false, status: r.status, error: r.status === 409 ? "changed" : "signature", messages: [] };
    // The bygglov pages' own messages (permits:errors.<code>), in the applicant's language.
    const list = (r.missing ?? []).map((kind) => t(`attachments.${kind}`).toLocaleLowerCase()).join(", ");
    return { ok: false, status: r.status, messages: r.codes.map((code) => t(`errors.${code}`, { list })) };
  },
};

/**
 * The definition with every hook-named choice given its current options for this person and these
 * answers. A register that does not answer leaves the field without options and is reported in
 * `unavailable`, so the step can say so while the draft stays savable.
 */
export async function resolveFieldHooks(
  def: FormDefinition,
  ctx: HookContext,
): Promise<{ def: FormDefinition; unavailable: string[] }> {
  const unavailable: string[] = [];
  const resolve = async (field: Field): Promise<Field> => {
    if (field.type !== "choice") return field;
    const hook = field.optionsFrom
      ? optionsHooks[field.optionsFrom]
      : field.lookup
        ? lookupHooks[field.lookup]
        : undefined;
    if (!hook) return field;
    try {
      return { ...field, options: await hook({ ...ctx, submitHandler: def.submitHandler }) };
    } catch (error) {
      if (!registerIsDown(error)) throw error;
      unavailable.push(field.name);
      return { ...field, options: [] };
    }
  };
  const uses = def.steps.some((s) => s.fields.some((f) => f.type === "choice" && (f.optionsFrom ?? f.lookup)));
  if (!uses) return { def, unavailable };
  const steps = [];
  for (const step of def.steps) {
    const fields: Field[] = [];
    for (const f of step.fields) fields.push(await resolve(f));
    steps.push({ ...step, fields });
  }
  return { def: { ...def, steps }, unavailable };
}

/** The form's computed values for these answers, in the definition's order (a value not computable yet is left out). */
export async function computeValues(
  def: FormDefinition,
  ctx: HookContext,
): Promise<{ name: string; labelKey: string; value: ComputedValue }[]> {
  const out: { name: string; labelKey: string; value: ComputedValue }[] = [];
  for (const spec of def.computed ?? []) {
    let value: ComputedValue | null;
    try {
      value = await computedHooks[spec.hook]({ ...ctx, submitHandler: def.submitHandler });
    } catch (error) {
      if (!registerIsDown(error)) throw error;
      value = null;
    }
    if (value) out.push({ name: spec.name, labelKey: spec.labelKey, value });
  }
  return out;
}

type SigningTextHook = (
  input: { answers: FormValues; user: ResidentUser; lang: Language; ownerKey: string },
  language: Language,
) => Promise<{ ok: true; text: string } | { ok: false; messages: string[]; status: number }>;

/**
 * The text the applicant signs for a form whose handler files the case (SIGNING_SUBMIT_HANDLERS,
 * decision 105): the handler's own summary, which it checks the signature against when filing.
 */
const signingTexts: Partial<Record<SubmitHandlerName, SigningTextHook>> = {
  bygglov: async (input, language) => {
    const r = await permitAnswersSigningText(input, language);
    if (r.ok) return r;
    const t = getFixedT(input.lang, "permits");
    return { ok: false, status: r.status, messages: r.codes.map((code) => t(`errors.${code}`, { list: "" })) };
  },
};

export function signingTextFor(def: FormDefinition): SigningTextHook | undefined {
  return def.submitHandler ? signingTexts[def.submitHandler] : undefined;
}

type PaymentTermsHook = (input: {
  answers: FormValues;
  user: ResidentUser;
  lang: Language;
  ownerKey: string;
}) => Promise<{ amount: number; municipalityId: number; purpose: string } | null>;

/**
 * What a form whose handler charges a fee costs, to which municipality's merchant, under which
 * purpose (the handler links a paid payment of the draft under it to the case; decision 105).
 */
const paymentTerms: Partial<Record<SubmitHandlerName, PaymentTermsHook>> = {
  bygglov: permitAnswersPaymentTerms,
};

export function paymentTermsFor(def: FormDefinition): PaymentTermsHook | undefined {
  return def.submitHandler ? paymentTerms[def.submitHandler] : undefined;
}

/** Runs the definition's submit handler (undefined when it has none: the generic case creation applies). */
export function submitHandlerFor(def: FormDefinition): SubmitHook | undefined {
  return def.submitHandler ? submitHandlers[def.submitHandler] : undefined;
}
