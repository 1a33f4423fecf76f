import { eq } from "drizzle-orm";
import type { RequestHead } from "~/utils/request-head";
import { municipality, person } from "../../db/schema/index";
import type { DefinitionDocument } from "../../forms/document";
import { getDocumentVersion, getPublishedDocument, publishedDocuments } from "./eservice-definitions.server";
import { usesOptionLists, withOptionLists, type OptionLists } from "../../forms/option-lists";
import { effectiveMin } from "../../forms/fields/group";
import { optionLabel } from "../../forms/fields/choice";
import {
  CHECK_ANSWERS,
  canVisit,
  checkYourAnswers,
  firstIncompleteStep,
  nextStep,
  previousStep,
  progress,
} from "../../forms/flow";
import { fieldDomId } from "../../forms/form-data";
import { errorKey, i18nextKey, translatorFor } from "../../forms/keys";
import {
  answersForStep,
  formEntriesFor,
  parseSubmission,
  postedUploads,
  scopeFields,
  valuesFromFormData,
} from "../../forms/schema";
import type { FieldErrors, FileField, FileValue, FormDefinition, FormValues, Translate } from "../../forms/types";
import { db } from "~/db.server";
import type { Language } from "~/i18n/config";
import { getFixedT, textTemplate, translatedOnce } from "~/i18n/i18n.server";
import { MUNICIPALITY_CONTROL, type StepViewData } from "../../forms/step-view";
import { audit } from "~/platform/audit.server";
import type { ResidentUser } from "~/auth/guards.server";
import { log } from "~/utils/logger.server";
import { env } from "~/env.server";
import { createCase, getCaseByIdempotencyKey, getCaseForSubmitter, caseAnswers } from "./cases.server";
import { hmacIndex } from "~/platform/crypto.server";
import type { SubmitterViewer } from "./eservice-session.server";
import { deleteWorkingDraft, getWorkingDraft, saveDraftForLater, saveWorkingDraft, type Draft } from "./drafts.server";
import { sendReceiptMailAfterAnswer } from "~/platform/mail.server";
import { commitDurably, durableSoFar } from "~/db-durable.server";
import {
  administrationResolver,
  getAdministrationForArea,
  getMunicipalityBySlug,
  listMunicipalities,
  localized,
} from "./municipalities.server";
import { discardUploads } from "./uploads.server";
import { storeStepUploads, type StepUploads } from "./step-uploads.server";
import { computeValues, runStepLookups, signingTextFor, stepHasLookups, submitHandlerFor } from "./form-hooks.server";
import { caseRecipients, getNotificationSettings, notify } from "./notifications.server";
import type { ApplicantSignature } from "~/auth/oidc-sign.server";
import { recordCaseSignature, signedTextHash, verifyUserSignature } from "./e-signature.server";
import {
  draftFileHashes,
  formSummaryText,
  shownComputed,
  signsBeforeSending,
  type ShownComputed,
} from "./form-signing.server";

/** The lists named by definitions (`optionList`), read now: a municipality added at run time is offered at once. */
export function currentOptionLists(): OptionLists {
  return {
    municipalities: listMunicipalities().map((m) => ({
      value: m.slug,
      labelKey: "forms.common.municipality",
      label: m.name,
    })),
  };
}

/**
 * The published definition with this id (decision 075: read from the e-service table) and its
 * option lists resolved from the database, or undefined (404). With `version`, that version
 * (published or retired): a draft completes on the version it started on.
 */
export function getFormDefinition(id: string, version?: number): FormDefinition | undefined {
  const doc = version === undefined ? getPublishedDocument(id) : getDocumentVersion(id, version);
  if (!doc) return undefined;
  // The municipalities are read only for a definition that names a list (decision 142): most do
  // not, and the start redirect, each step and the check page ask for the definition.
  return usesOptionLists(doc.definition) ? withOptionLists(doc.definition, currentOptionLists()) : doc.definition;
}

/** The published document of an e-service (export), or one version of it; undefined when unknown. */
export function getDefinitionDocument(id: string, version?: number): DefinitionDocument | undefined {
  return version === undefined ? getPublishedDocument(id) : getDocumentVersion(id, version);
}

export const CHECK_SEGMENT = "kontrollera";

export function formBase(def: FormDefinition) {
  return `/blanketter/${def.id}`;
}

export function stepHref(def: FormDefinition, stepId: string) {
  return stepId === CHECK_ANSWERS ? `${formBase(def)}/${CHECK_SEGMENT}` : `${formBase(def)}/${stepId}`;
}

// ---- Listing ------------------------------------------------------------------------

export function offeringMunicipalities(def: FormDefinition) {
  const all = listMunicipalities();
  return def.offeredBy === "shared" ? all : all.filter((m) => (def.offeredBy as string[]).includes(m.slug));
}

/**
 * /blanketter: the forms a municipality offers, grouped by the administration that receives them
 * (the area's administration at run time, `getAdministrationForArea`), so a municipality added in
 * the browser offers every shared form whose area it has mapped.
 */
export function listFormsByAdministration(lang: Language, municipalitySlug: string) {
  const formDefinitions = publishedDocuments().map((d) => d.definition);
  const t = getFixedT(lang, "forms");
  const m = listMunicipalities().find((x) => x.slug === municipalitySlug);
  if (!m) return [];
  const groups = new Map<number, { slug: string; name: string; forms: FormListItem[] }>();
  const administrationFor = administrationResolver(m.id);
  for (const d of formDefinitions) {
    if (d.offeredBy !== "shared" && !(d.offeredBy as string[]).includes(m.slug)) continue;
    const a = administrationFor(d.caseType, d.administration);
    if (!a) continue;
    const group = groups.get(a.id) ?? { slug: a.slug, name: localized(a, "name", lang), forms: [] };
    group.forms.push({
      id: d.id,
      title: t(d.titleKey.slice("forms.".length)),
      description: t(d.descriptionKey.slice("forms.".length)),
      requiresLogin: d.requiresLogin,
      requiresEid: d.requiresEid === true,
      href: formBase(d),
    });
    groups.set(a.id, group);
  }
  return [...groups.values()]
    .map((g) => ({ ...g, forms: g.forms.sort((x, y) => x.title.localeCompare(y.title, "sv")) }))
    .sort((x, y) => x.name.localeCompare(y.name, "sv"));
}

interface FormListItem {
  id: string;
  title: string;
  description: string;
  requiresLogin: boolean;
  requiresEid: boolean;
  href: string;
}

// ---- Steps --------------------------------------------------------------------------

function hasMunicipalityQuestion(def: FormDefinition) {
  return scopeFields(def, "all")?.some((f) => f.name === "municipality") ?? false;
}

function pickerFor(def: FormDefinition, stepId: string, draft: Draft | undefined, chosenSlug: string | null) {
  // A submit handler files the case where its answers say (school choice: the chosen school's municipality).
  if (hasMunicipalityQuestion(def) || def.submitHandler || def.steps[0]?.id !== stepId) return null;
  const options = offeringMunicipalities(def).map((m) => ({ slug: m.slug, name: m.name }));
  const chosen = draft?.municipality ?? (options.some((o) => o.slug === chosenSlug) ? chosenSlug : null);
  return { options, chosen };
}

function filesOf(def: FormDefinition, stepId: string, answers: FormValues): Record<string, FileValue[]> {
  const out: Record<string, FileValue[]> = {};
  for (const f of scopeFields(def, stepId) ?? []) {
    if (f.type === "file" && Array.isArray(answers[f.name]))
      out[f.name] = (answers[f.name] as FileValue[]).map(({ blob: _b, ...rest }) => rest);
  }
  return out;
}

/** Dotted input names ("witnesses.0.name") so indexes can be counted and renumbered. */
function normalizeName(name: string) {
  return name.replace(/\[(\d+)\]/g, ".$1");
}

function groupCounts(
  def: FormDefinition,
  stepId: string,
  entries: [string, string][],
  add?: string,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of scopeFields(def, stepId) ?? []) {
    if (f.type !== "group") continue;
    let max = -1;
    for (const [name] of entries) {
      const m = new RegExp(`^${f.name}\\.(\\d+)\\.`).exec(normalizeName(name));
      if (m) max = Math.max(max, Number(m[1]));
    }
    let count = Math.max(max + 1, effectiveMin(f), 1);
    if (add === f.name) count += 1;
    out[f.name] = Math.min(count, f.max);
  }
  return out;
}

function postedEntries(formData: FormData): [string, string][] {
  const out: [string, string][] = [];
  for (const [k, v] of formData)
    if (typeof v === "string" && !k.startsWith("_")) out.push([normalizeName(k), v.slice(0, 10_000)]);
  return out.slice(0, 2000);
}

export interface StepContext {
  def: FormDefinition;
  stepId: string;
  ownerKey: string;
  personId: number | null;
  chosenMunicipality: string | null;
  lang: Language;
  /** The logged-in person, on whose behalf a step's register look-ups are asked (decision 104). */
  user?: ResidentUser | null;
  /**
   * The working copy this request has already read (formPageContext), so a post does not read and
   * decrypt it again (decision 141); absent: it is read here.
   */
  workingCopy?: { draft: Draft | undefined };
}

function workingCopyOf(c: Omit<StepContext, "stepId">): Draft | undefined {
  return c.workingCopy
    ? c.workingCopy.draft
    : getWorkingDraft({ ownerKey: c.ownerKey, formId: c.def.id, personId: c.personId });
}

function baseView(
  c: StepContext,
  draft: Draft | undefined,
): Omit<StepViewData, "entries" | "errors" | "files" | "groupCounts"> {
  const answers = (draft?.answers ?? {}) as FormValues;
  const others: FormValues = {};
  const mine = new Set((scopeFields(c.def, c.stepId) ?? []).map((f) => f.name));
  // Another step's files are what its conditions and checks read: name, size and type. Their ids
  // (each upload's own) stay out of the page, so that the page is the same for every working copy
  // with the same answers and may be answered from a template (decision 125).
  const files = new Set(c.def.steps.flatMap((s) => s.fields.filter((f) => f.type === "file").map((f) => f.name)));
  for (const [k, v] of Object.entries(answers))
    if (!mine.has(k))
      others[k] = (files.has(k) && Array.isArray(v) ? v.map(withoutId) : stripBlobs(v)) as FormValues[string];
  const prev = previousStep(c.def, c.stepId);
  return {
    formId: c.def.id,
    stepId: c.stepId,
    progress: progress(c.def, c.stepId) ?? { index: 1, total: c.def.steps.length },
    savedAnswers: others,
    municipality: pickerFor(c.def, c.stepId, draft, c.chosenMunicipality),
    backHref: prev ? stepHref(c.def, prev) : null,
    action: stepHref(c.def, c.stepId),
  };
}

function withoutId(v: unknown): unknown {
  if (!v || typeof v !== "object") return v;
  const { name, size, type } = v as FileValue;
  return { name, size, type };
}

function stripBlobs(v: unknown): unknown {
  if (Array.isArray(v))
    return v.map((x) => (x && typeof x === "object" && "blob" in x ? { ...(x as object), blob: undefined } : x));
  return v;
}

export type StepResult = { redirect: string } | { status: number; view: StepViewData };

/**
 * GET of a step: the saved answers (or a prefill: from the URL, or `profile`, the values the
 * server found for the logged-in person, see form-hooks.server.ts profilePrefills), unless the
 * person may not be here yet.
 */
export function loadStep(c: StepContext, query: URLSearchParams, profile: Record<string, string> = {}): StepResult {
  const draft = workingCopyOf(c);
  const answers = (draft?.answers ?? {}) as FormValues;
  if (!canVisit(c.def, c.stepId, answers)) {
    return { redirect: stepHref(c.def, firstIncompleteStep(c.def, answers) ?? c.def.steps[0]!.id) };
  }
  const stepAnswers = answersForStep(c.def, c.stepId, answers);
  let entries: [string, string][];
  try {
    entries = formEntriesFor(c.def, stepAnswers, c.stepId);
  } catch {
    entries = [];
  }
  for (const f of scopeFields(c.def, c.stepId) ?? []) {
    if (f.prefill?.from === "query" && stepAnswers[f.name] === undefined) {
      const v = query.get(f.prefill.key);
      if (v) entries.push([f.name, v.slice(0, 200)]);
    }
    const mine = profile[f.name];
    if (f.prefill?.from === "profile" && stepAnswers[f.name] === undefined && mine) entries.push([f.name, mine]);
  }
  return {
    status: 200,
    view: {
      ...baseView(c, draft),
      entries,
      errors: {},
      files: filesOf(c.def, c.stepId, answers),
      groupCounts: groupCounts(c.def, c.stepId, entries),
    },
  };
}

function mergeStep(def: FormDefinition, stepId: string, answers: FormValues, stepValues: FormValues): FormValues {
  const mine = new Set((scopeFields(def, stepId) ?? []).map((f) => f.name));
  const out: FormValues = {};
  for (const [k, v] of Object.entries(answers)) if (!mine.has(k)) out[k] = v;
  return { ...out, ...stepValues };
}

/**
 * A refused step post's files that passed their own checks (decision 123): stored, saved in the
 * draft as after a successful post, and listed. Null when the post brought no new file.
 */
async function keepRefusedPostUploads(
  c: StepContext,
  fileFields: FileField[],
  posted: Record<string, FileValue[]>,
  answers: FormValues,
  municipality: string | null,
) {
  if (!Object.values(posted).some((list) => list.some((f) => f.blob))) return null;
  const handled = fileFields.filter((f) => posted[f.name] !== undefined);
  const uploads = await storeStepUploads({ ownerKey: c.ownerKey, formId: c.def.id }, handled, posted, answers);
  return saveStepUploads(c, uploads, answers, municipality);
}

/**
 * Saves the file fields where `uploads` stored new files as it left them (nothing else of the
 * post) and deletes the files those fields dropped; a field whose new files were all refused
 * stays as it was.
 */
function saveStepUploads(c: StepContext, uploads: StepUploads, answers: FormValues, municipality: string | null) {
  if (uploads.storedIn.length === 0) return { errors: uploads.errors, files: filesOf(c.def, c.stepId, answers) };
  const next = { ...answers };
  for (const name of uploads.storedIn) next[name] = uploads.lists[name] ?? [];
  saveWorkingDraft({
    ownerKey: c.ownerKey,
    formId: c.def.id,
    formVersion: c.def.version,
    stepId: c.stepId,
    answers: next,
    municipality,
    personId: c.personId,
  });
  const dropped = new Set(
    uploads.storedIn.flatMap((name) => ((answers[name] as FileValue[] | undefined) ?? []).map((x) => x.id)),
  );
  discardUploads({ ownerKey: c.ownerKey, publicIds: uploads.replaced.filter((id) => dropped.has(id)) });
  return { errors: uploads.errors, files: filesOf(c.def, c.stepId, next) };
}

/** POST of a step: add/remove items, remove a file, save for later, or validate and go on. */
export async function postStep(c: StepContext, formData: FormData): Promise<StepResult> {
  const draft = workingCopyOf(c);
  const answers = (draft?.answers ?? {}) as FormValues;
  if (!canVisit(c.def, c.stepId, answers)) {
    return { redirect: stepHref(c.def, firstIncompleteStep(c.def, answers) ?? c.def.steps[0]!.id) };
  }
  const action = String(formData.get("_action") ?? "continue").slice(0, 200);
  const base = baseView(c, draft);
  const entries = postedEntries(formData);
  const files = filesOf(c.def, c.stepId, answers);
  const fields = scopeFields(c.def, c.stepId) ?? [];

  // The municipality the case goes to, when the form does not ask itself.
  let municipalitySlug = draft?.municipality ?? null;
  const errors: FieldErrors = {};
  if (base.municipality) {
    const posted = formData.get(MUNICIPALITY_CONTROL);
    if (typeof posted === "string" && base.municipality.options.some((o) => o.slug === posted))
      municipalitySlug = posted;
    else errors[MUNICIPALITY_CONTROL] = { key: "required" };
    base.municipality = { ...base.municipality, chosen: typeof posted === "string" ? posted : null };
  }

  const view = (status: number, extra: Partial<StepViewData> = {}, add?: string): StepResult => ({
    status,
    view: { ...base, entries, errors, files, groupCounts: groupCounts(c.def, c.stepId, entries, add), ...extra },
  });

  const add = /^add:([a-zA-Z][a-zA-Z0-9]{0,60})$/.exec(action);
  if (add) {
    const group = fields.find((f) => f.type === "group" && f.name === add[1]);
    if (!group) return view(400, { errors: { _form: { key: errorKey("invalid") } } });
    return view(200, { errors: {} }, group.name);
  }
  const remove = /^remove:([a-zA-Z][a-zA-Z0-9]{0,60}):(\d{1,3})$/.exec(action);
  if (remove) {
    const [, group, indexText] = remove;
    const index = Number(indexText);
    const prefix = `${group}.`;
    const kept = entries
      .filter(([name]) => !name.startsWith(`${prefix}${index}.`))
      .map(([name, v]): [string, string] => {
        if (!name.startsWith(prefix)) return [name, v];
        const m = /^(\d+)\.(.*)$/.exec(name.slice(prefix.length));
        if (!m) return [name, v];
        const i = Number(m[1]);
        return [`${prefix}${i > index ? i - 1 : i}.${m[2]}`, v];
      });
    return {
      status: 200,
      view: { ...base, entries: kept, errors: {}, files, groupCounts: groupCounts(c.def, c.stepId, kept) },
    };
  }
  const removeFile = /^removeFile:([a-zA-Z][a-zA-Z0-9]{0,60}):([A-Za-z0-9_-]{1,100})$/.exec(action);
  if (removeFile) {
    const [, field, id] = removeFile;
    const list = ((answers[field!] as FileValue[] | undefined) ?? []).filter((f) => f.id !== id);
    const next = { ...answers };
    if (list.length > 0) next[field!] = list;
    else delete next[field!];
    saveWorkingDraft({
      ownerKey: c.ownerKey,
      formId: c.def.id,
      formVersion: c.def.version,
      stepId: c.stepId,
      answers: next,
      municipality: municipalitySlug,
      personId: c.personId,
    });
    // A removed file leaves the disk too (review §6), after the draft no longer points at it.
    discardUploads({ ownerKey: c.ownerKey, publicIds: [id!] });
    return {
      status: 200,
      view: {
        ...base,
        entries,
        errors: {},
        files: filesOf(c.def, c.stepId, next),
        groupCounts: groupCounts(c.def, c.stepId, entries),
      },
    };
  }
  if (action === "save") {
    // Unvalidated answers of this step are kept as they are; the flow re-checks them later.
    const raw = valuesFromFormData(c.def, c.stepId, formData).values;
    const stepValues: FormValues = {};
    for (const f of fields) {
      if (f.type === "file") {
        if (answers[f.name] !== undefined) stepValues[f.name] = answers[f.name]!;
      } else if (
        raw[f.name] !== undefined &&
        raw[f.name] !== "" &&
        !(Array.isArray(raw[f.name]) && (raw[f.name] as unknown[]).length === 0)
      ) {
        stepValues[f.name] = raw[f.name] as FormValues[string];
      }
    }
    // The working copy, its link or owner and the audit row in one commit whose fsync runs off the
    // event loop; the link is shown only after it (decision 150).
    const saved = await commitDurably(() => {
      saveWorkingDraft({
        ownerKey: c.ownerKey,
        formId: c.def.id,
        formVersion: c.def.version,
        stepId: c.stepId,
        answers: mergeStep(c.def, c.stepId, answers, stepValues),
        municipality: municipalitySlug,
        personId: c.personId,
      });
      const kept = saveDraftForLater({ ownerKey: c.ownerKey, formId: c.def.id, personId: c.personId });
      audit({
        actor: null,
        action: "draft.saved",
        subjectType: "form_draft",
        subjectId: c.def.id,
        ...(c.personId ? { personId: c.personId } : {}),
      });
      return kept;
    });
    const link = saved?.token ? `${env().PUBLIC_URL}${formBase(c.def)}/fortsatt/${saved.token}` : null;
    return view(200, { errors: {}, saved: { link } });
  }
  if (action !== "continue") return view(400, { errors: { _form: { key: errorKey("invalid") } } });

  const result = parseSubmission(c.def, c.stepId, formData, { answers });
  const fileFields = fields.filter((f): f is FileField => f.type === "file");
  if (!result.ok || Object.keys(errors).length > 0) {
    const refused = { ...errors, ...(result.ok ? {} : result.errors) };
    // The files that were fine are stored all the same, so they need not be chosen again (decision 123).
    const posted = postedUploads(c.def, c.stepId, formData, { answers });
    const kept = await keepRefusedPostUploads(c, fileFields, posted, answers, municipalitySlug);
    if (!kept) return view(400, { errors: refused });
    return view(400, { errors: { ...kept.errors, ...refused }, files: kept.files });
  }
  // Every new file's content is checked; the files that pass are stored even when another is refused.
  const value = { ...result.value };
  const next = nextStep(c.def, c.stepId) ?? CHECK_ANSWERS;
  const withFiles = (lists: Record<string, FileValue[]>) => {
    for (const f of fileFields) if (value[f.name] !== undefined) value[f.name] = lists[f.name]!;
  };
  const uploads = await storeStepUploads(
    { ownerKey: c.ownerKey, formId: c.def.id },
    fileFields,
    Object.fromEntries(fileFields.map((f) => [f.name, value[f.name] as FileValue[] | undefined])),
    answers,
    // Without a register look-up on the step (nothing to await between the files' rows and the
    // working copy), the working copy is saved in the rows' transaction: one commit (decision 161).
    stepHasLookups(c.def, c.stepId)
      ? undefined
      : (lists) => {
          withFiles(lists);
          saveWorkingDraft({
            ownerKey: c.ownerKey,
            formId: c.def.id,
            formVersion: c.def.version,
            stepId: next,
            answers: mergeStep(c.def, c.stepId, answers, value),
            municipality: municipalitySlug,
            personId: c.personId,
          });
        },
  );
  if (Object.keys(uploads.errors).length > 0) {
    const kept = saveStepUploads(c, uploads, answers, municipalitySlug);
    return view(400, { errors: uploads.errors, files: kept.files });
  }
  const replaced = uploads.replaced;
  if (uploads.committedAlongside) {
    discardUploads({ ownerKey: c.ownerKey, publicIds: replaced });
    return { redirect: stepHref(c.def, next) };
  }
  withFiles(uploads.lists);
  // A designation with a register look-up is checked now and fills what the register gives.
  const looked = await runStepLookups(c.def, c.stepId, answers, mergeStep(c.def, c.stepId, answers, value), {
    user: c.user ?? null,
    lang: c.lang,
  });
  const refused = Object.keys(looked.errors).length > 0;
  saveWorkingDraft({
    ownerKey: c.ownerKey,
    formId: c.def.id,
    formVersion: c.def.version,
    // A refused designation is kept as typed (files too), on this step: nothing is lost when the register is down.
    stepId: refused ? c.stepId : next,
    answers: looked.answers,
    municipality: municipalitySlug,
    personId: c.personId,
  });
  discardUploads({ ownerKey: c.ownerKey, publicIds: replaced });
  if (refused) return view(400, { errors: looked.errors, files: filesOf(c.def, c.stepId, looked.answers) });
  return { redirect: stepHref(c.def, next) };
}

// ---- Check your answers and submission ---------------------------------------------

/** Stable for one version of the answers: a double click or a retry posts the same key. */
function idempotencyKeyFor(draft: Draft): string {
  return hmacIndex(`submit:${draft.id}:${draft.updatedAt}`);
}

/**
 * The forms namespace's `Translate` for a list of answers (the check page, the receipt): a text
 * without parameters (a question's label, an option's, "Ej besvarad") is translated once per
 * language instance (`translatedOnce`, decision 151): the same call of the same fixed `t`, whose
 * result a published text change replaces with the instance. A text with parameters (a group's
 * "Barn {{number}}") goes through i18next each time, as before (decision 160).
 */
function answerListTranslator(lang: Language): Translate {
  const t = translatorFor(getFixedT(lang, "forms") as never);
  return (key, params) => (params === undefined ? translatedOnce(lang, "forms", i18nextKey(key)) : t(key, params));
}

/** `read`: the working copy this request already read (formPageContext's), not read again. */
export function loadCheckAnswers(c: Omit<StepContext, "stepId">, read?: { draft: Draft | undefined }) {
  const draft = read ? read.draft : getWorkingDraft({ ownerKey: c.ownerKey, formId: c.def.id, personId: c.personId });
  const answers = (draft?.answers ?? {}) as FormValues;
  if (!draft || !canVisit(c.def, CHECK_ANSWERS, answers)) {
    return { redirect: stepHref(c.def, firstIncompleteStep(c.def, answers) ?? c.def.steps[0]!.id) } as const;
  }
  const t = answerListTranslator(c.lang);
  const rows = checkYourAnswers(c.def, answers, t, {
    href: (stepId, field) => `${stepHref(c.def, stepId)}#${fieldDomId(field)}`,
  });
  // A form that asks for the municipality shows it among its own answers; the row above the
  // answers is for the municipality chosen on the first step, outside the definition.
  const municipalityName = hasMunicipalityQuestion(c.def) ? null : (resolveMunicipality(c.def, draft)?.name ?? null);
  return {
    rows: rows.map((r) => ({ ...r, label: t(r.labelKey) })),
    municipality: municipalityName,
    municipalityChangeHref: hasMunicipalityQuestion(c.def)
      ? null
      : `${stepHref(c.def, c.def.steps[0]!.id)}#field-kommun`,
    idempotencyKey: idempotencyKeyFor(draft),
    /** For the computed values (decision 087); the route keeps them on the server. */
    answers,
  };
}

function resolveMunicipality(def: FormDefinition, draft: Draft) {
  const slug: unknown = hasMunicipalityQuestion(def) ? draft.answers.municipality : draft.municipality;
  // One of the municipalities offering the form (offeringMunicipalities), read by its slug alone:
  // the send read and mapped every municipality's row to find one (decision 151).
  if (typeof slug !== "string" || (def.offeredBy !== "shared" && !def.offeredBy.includes(slug))) return undefined;
  return getMunicipalityBySlug(slug);
}

const KEY_PATTERN = /^[A-Za-z0-9_-]{20,100}$/;

/**
 * The subject line the public register shows, from the form's `diarium` rule (decision 076): its
 * template filled with the listed answers as the applicant saw them (an option's label, a short
 * text), or null when the form is masked or secret. docs/decisions/017 and 045 say why so little.
 */
export function diariumSubject(def: FormDefinition, answers: FormValues, lang: Language): string | null {
  if (typeof def.diarium !== "object") return null;
  const fields = scopeFields(def, "all") ?? [];
  const names = def.diarium.subject.answers;
  const values: Record<string, string> = {};
  for (const name of names) {
    const field = fields.find((f) => f.name === name);
    const answer = answers[name];
    if (typeof answer !== "string" || !answer.trim()) return null;
    // An option's text translated once per language instance (decision 154), as `optionLabel` would.
    values[name] =
      field?.type === "choice"
        ? optionLabel(field.options, answer, (key) => translatedOnce(lang, "forms", i18nextKey(key)))
        : answer;
  }
  // The e-service's subject template, made once per language instance and version (decision 154).
  const subject = textTemplate(
    lang,
    "forms",
    i18nextKey(def.diarium.subject.template),
    names,
    `${def.id}@${def.version}`,
  )(values).trim();
  return subject || null;
}

function partyOf(
  def: FormDefinition,
  answers: FormValues,
): { partyKind: "person" | "organisation" | "none"; partyName: string | null } {
  const org = [answers.companyName, answers.associationName, answers.organisationName].find(
    (v) => typeof v === "string" && v.trim(),
  );
  if (typeof org === "string") return { partyKind: "organisation", partyName: org };
  const person = [
    answers.name,
    answers.applicantName,
    answers.contactName,
    answers.recipientName,
    answers.partner1Name,
  ].find((v) => typeof v === "string" && v.trim());
  if (typeof person === "string") return { partyKind: "person", partyName: person };
  return { partyKind: "none", partyName: null };
}

function splitSensitive(def: FormDefinition, answers: FormValues) {
  const open: Record<string, unknown> = {};
  const secret: Record<string, unknown> = {};
  for (const f of scopeFields(def, "all") ?? []) {
    if (answers[f.name] === undefined) continue;
    const sensitive = f.sensitive || (f.type === "group" && f.fields.some((c) => c.sensitive));
    (sensitive ? secret : open)[f.name] = answers[f.name];
  }
  return { open, secret: Object.keys(secret).length > 0 ? secret : null };
}

function fileIds(def: FormDefinition, answers: FormValues): string[] {
  return (scopeFields(def, "all") ?? [])
    .filter((f): f is FileField => f.type === "file")
    .flatMap((f) =>
      ((answers[f.name] as FileValue[] | undefined) ?? []).map((x) => x.id).filter((id): id is string => Boolean(id)),
    );
}

function firstEmail(def: FormDefinition, answers: FormValues): string | null {
  for (const f of scopeFields(def, "all") ?? [])
    if (f.type === "email" && typeof answers[f.name] === "string") return answers[f.name] as string;
  return null;
}

/**
 * The text the applicant is asked to sign before sending (decision 098): the draft's answers as
 * they will be stored, in `language`; or where to go when the draft is not ready to send.
 */
export async function formSigningText(
  c: Omit<StepContext, "stepId"> & { user: ResidentUser },
  language: Language,
): Promise<{ ok: true; text: string } | { ok: false; redirect: string }> {
  const draft = getWorkingDraft({ ownerKey: c.ownerKey, formId: c.def.id, personId: c.personId });
  if (!draft) return { ok: false, redirect: stepHref(c.def, c.def.steps[0]!.id) };
  const answers = draft.answers as FormValues;
  const parsed = parseSubmission(c.def, "all", answers, { answers });
  const incomplete = () => stepHref(c.def, firstIncompleteStep(c.def, answers) ?? c.def.steps[0]!.id);
  if (!parsed.ok || !canVisit(c.def, CHECK_ANSWERS, answers)) return { ok: false, redirect: incomplete() };
  // A handler that files the case signs its own text (bygglov: the bygglov pages' summary, 105).
  const handlerText = signingTextFor(c.def);
  if (handlerText) {
    const r = await handlerText({ answers: parsed.value, user: c.user, lang: c.lang, ownerKey: c.ownerKey }, language);
    return r.ok ? r : { ok: false, redirect: stepHref(c.def, CHECK_ANSWERS) };
  }
  const m = resolveMunicipality(c.def, draft);
  if (!m) return { ok: false, redirect: incomplete() };
  const computed = await shownComputed(c.def, parsed.value, c.user, language);
  return { ok: true, text: draftSummary(c.def, parsed.value, m.name, c.ownerKey, language, computed) };
}

function draftSummary(
  def: FormDefinition,
  value: FormValues,
  municipalityName: string,
  ownerKey: string,
  language: Language,
  computed: readonly ShownComputed[],
) {
  return formSummaryText({
    def,
    answers: value,
    municipality: municipalityName,
    sha256Of: draftFileHashes(def, value, ownerKey),
    language,
    computed,
  });
}

/** The idempotency key of the draft as it is now (the signature's callback sends with it). */
export function currentIdempotencyKey(c: Omit<StepContext, "stepId">): string | null {
  const draft = getWorkingDraft({ ownerKey: c.ownerKey, formId: c.def.id, personId: c.personId });
  return draft ? idempotencyKeyFor(draft) : null;
}

/** Where to go after sending (with a one-shot message to show there, an i18n key), or why not. */
export type SubmitResult =
  { redirect: string; flash?: string } | { status: number; error: string; messages?: string[] };

export async function submitForm(
  c: Omit<StepContext, "stepId"> & { request: RequestHead; user: ResidentUser | null },
  formData: FormData,
  /** The applicant's e-ID signature, when the form is sent by signing it (decision 098). */
  signature?: ApplicantSignature,
): Promise<SubmitResult> {
  const key = formData.get("_idempotency");
  if (typeof key !== "string" || !KEY_PATTERN.test(key)) return { status: 400, error: "idempotency" };
  const existing = getCaseByIdempotencyKey(key);
  if (existing) {
    if (existing.submitterKey !== c.ownerKey) return { status: 409, error: "idempotency" };
    // The first send of this key may still be waiting for its fsync (decision 146): its receipt
    // is not shown before the case is on disk.
    await durableSoFar();
    return { redirect: `${formBase(c.def)}/kvitto/${existing.reference}` };
  }
  const draft = workingCopyOf(c);
  if (!draft) return { redirect: stepHref(c.def, c.def.steps[0]!.id) };
  const answers = draft.answers as FormValues;
  // The answers changed since the check page was shown (another tab): show them again.
  if (idempotencyKeyFor(draft) !== key) return { redirect: stepHref(c.def, CHECK_ANSWERS) };
  // Realistic human time (ASVS 11.1.2, docs/decisions/047): an anonymous walk from the first
  // saved answer to "send" faster than a person reads the check page is not accepted; the page
  // asks to check the answers and send again, which a person then does (the clock keeps running).
  const minSeconds = env().FORM_MIN_SECONDS;
  if (c.personId === null && minSeconds > 0 && Date.now() - new Date(draft.createdAt).getTime() < minSeconds * 1000) {
    log("info", "anonymous submission faster than a person: asked to confirm", { formId: c.def.id });
    return { status: 400, error: "tooFast" };
  }
  const parsed = parseSubmission(c.def, "all", answers, { answers });
  if (!parsed.ok || !canVisit(c.def, CHECK_ANSWERS, answers)) {
    return { redirect: stepHref(c.def, firstIncompleteStep(c.def, answers) ?? c.def.steps[0]!.id) };
  }
  // A case type with its own handler files its case itself (decision 087): queue rows, parties, notifications.
  const handler = submitHandlerFor(c.def);
  if (handler) {
    // A handler that stores the applicant's signature (105) is sent only by it, by the person logged in.
    if (signsBeforeSending(c.def) && !signature) return { status: 409, error: "signatureRequired" };
    if (signature && c.personId === null) return { status: 403, error: "signature" };
    const r = await handler({
      def: c.def,
      answers: parsed.value,
      user: c.user,
      lang: c.lang,
      idempotencyKey: key,
      ownerKey: c.ownerKey,
      ...(signature ? { signature } : {}),
    });
    if (!r.ok) return { status: r.status ?? 400, error: r.error ?? "rejected", messages: r.messages };
    deleteWorkingDraft({ ownerKey: c.ownerKey, formId: c.def.id, personId: c.personId });
    return { redirect: r.receipt ?? `/mina-sidor/arenden/${r.reference}`, flash: "mypages:flash.submitted" };
  }
  const m = resolveMunicipality(c.def, draft);
  if (!m) return { redirect: `${stepHref(c.def, c.def.steps[0]!.id)}#field-kommun` };
  // A form the applicant signs is sent only by its signature, over exactly these answers (098).
  if (signsBeforeSending(c.def) && !signature) return { status: 409, error: "signatureRequired" };
  let signedText: string | null = null;
  // The computed values signed with the answers, kept as signed (decision 107).
  let signedComputed: ShownComputed[] = [];
  if (signature) {
    if (c.personId === null) return { status: 403, error: "signature" };
    signedComputed = await shownComputed(c.def, parsed.value, c.user, signature.language);
    signedText = draftSummary(c.def, parsed.value, m.name, c.ownerKey, signature.language, signedComputed);
    // Something changed between the text the applicant signed and now: nothing is sent.
    if (signedTextHash(signedText) !== signature.textHash) return { status: 409, error: "changed" };
    const check = verifyUserSignature({ userSignature: signature.userSignature, text: signedText });
    if (!check.ok || hmacIndex(check.personnummer) !== signature.personnummerHmac)
      return { status: 403, error: "signature" };
  }
  const admin = getAdministrationForArea({
    municipalityId: m.id,
    area: c.def.caseType,
    defaultSlug: c.def.administration,
  });
  if (!admin) return { status: 400, error: "administration" };
  const value = parsed.value;
  const { open, secret } = splitSensitive(c.def, value);
  // Computed values (the fee) are stored as the applicant saw them on the check page.
  const computed = await computeValues(c.def, { answers: value, user: c.user, lang: c.lang });
  if (computed.length > 0) open._computed = Object.fromEntries(computed.map((v) => [v.name, v.value.value]));
  if (signedComputed.length > 0) open._computedText = Object.fromEntries(signedComputed.map((v) => [v.name, v.text]));
  const contactEmail = firstEmail(c.def, value);
  const file = () =>
    createCase({
      idempotencyKey: key,
      municipalityId: m.id,
      administrationId: admin.id,
      formId: c.def.id,
      formVersion: c.def.version,
      area: c.def.caseType,
      law: c.def.law,
      // A form whose diarium rule is "secret" files secret cases, whatever its sensitivity says.
      sensitivity: c.def.diarium === "secret" ? "secret" : c.def.sensitivity,
      data: open,
      sensitiveData: secret,
      applicantPersonId: c.personId,
      applicantOrganisationId: null,
      submittedByPersonId: c.personId,
      contactEmail,
      submitterKey: c.ownerKey,
      language: c.lang,
      decisionDays: c.def.caseType === "bygglov" ? 70 : null,
      diarium: { subject: diariumSubject(c.def, value, c.lang), ...partyOf(c.def, value) },
      attachments: { publicIds: fileIds(c.def, value), ownerKey: c.ownerKey },
    });
  // One transaction, one commit (one fsync, decision 121): the case, the applicant's signature
  // (no signed case without it), the end of the working copy and the audit row are kept together
  // or not at all. Its fsync runs off the event loop, shared with the sends committed meanwhile,
  // and nothing below (the answer, the receipt mail) happens before it completed (decision 146).
  const created = await commitDurably(() => {
    const made = file();
    if (!made.created) return made;
    if (signature && signedText !== null && c.personId !== null) {
      const stored = recordCaseSignature({
        caseId: made.id,
        reference: made.reference,
        municipalityId: m.id,
        party: "applicant",
        signer: { personId: c.personId, personnummerHmac: signature.personnummerHmac },
        text: signedText,
        language: signature.language,
        userSignature: signature.userSignature,
        issuer: signature.issuer,
        signedAt: signature.signedAt,
        actor: c.user,
      });
      if (!stored.ok) throw new Error("applicant signature failed its second check");
    }
    deleteWorkingDraft({ ownerKey: c.ownerKey, formId: c.def.id, personId: c.personId });
    audit({
      actor: c.user ?? null,
      action: "case.submitted",
      subjectType: "case",
      subjectId: made.reference,
      municipalityId: m.id,
      ...(c.personId ? { personId: c.personId } : {}),
      details: { formId: c.def.id, area: c.def.caseType, ...(signature ? { signed: true } : {}) },
    });
    return made;
  });
  if (created.created) {
    // A person logged in hears of it like of every change: on Mina sidor and by the channels
    // they chose (decision 092); the e-service's own receipt mail then goes only to an address
    // those channels do not already reach.
    const told = c.personId !== null ? await tellReceived(created.id, c.personId) : null;
    if (contactEmail && contactEmail.toLowerCase() !== told?.toLowerCase()) {
      sendReceiptMailAfterAnswer({
        to: contactEmail,
        reference: created.reference,
        formTitle: translatedOnce(c.lang, "forms", c.def.titleKey.slice("forms.".length)),
        municipality: m.name,
        processingDays: c.def.processingDays,
        receiptText: receiptText(c.def, c.lang),
        receiptUrl: `${env().PUBLIC_URL}${formBase(c.def)}/kvitto/${created.reference}`,
        lang: c.lang,
      });
    }
  } else {
    log("info", "duplicate submission answered with the existing case", { reference: created.reference });
  }
  return { redirect: `${formBase(c.def)}/kvitto/${created.reference}` };
}

/**
 * The "received" notification of a case sent from /blanketter by a logged-in person, to everyone
 * with access to it; returns the e-mail address it goes to for the sender, or null.
 */
async function tellReceived(caseId: number, senderPersonId: number): Promise<string | null> {
  await notify({ recipients: caseRecipients(caseId), caseId, kind: "case-submitted" });
  const sender = db().select({ hmac: person.personnummerHmac }).from(person).where(eq(person.id, senderPersonId)).get();
  if (!sender) return null;
  const settings = getNotificationSettings(sender.hmac);
  return settings.emailEnabled ? settings.email : null;
}

/** The confirmation page and receipt PDF: only for whoever sent the case. */
export function getReceipt(input: { def: FormDefinition; reference: string; viewer: SubmitterViewer; lang: Language }) {
  const c = getCaseForSubmitter({ reference: input.reference, viewer: input.viewer });
  if (!c || c.formId !== input.def.id) return undefined;
  const answers = caseAnswers(c) as FormValues;
  const t = answerListTranslator(input.lang);
  // The questions and texts of the version the case was sent on (decision 086).
  const def = getFormDefinition(c.formId, c.formVersion) ?? input.def;
  const rows = checkYourAnswers(def, answers, t).map((r) => ({
    label: t(r.labelKey),
    text: r.text,
    stepId: r.stepId,
  }));
  const m = db().select().from(municipality).where(eq(municipality.id, c.municipalityId)).get();
  return {
    reference: c.reference,
    createdAt: c.createdAt,
    status: c.status,
    contactEmail: c.contactEmail,
    municipality: m ? { name: m.name, phone: m.phone, email: m.email } : null,
    answers,
    rows,
    formVersion: c.formVersion,
    receiptText: receiptText(def, input.lang),
  };
}

/** The e-service's own receipt text (`texts.receipt`, set in the designer), or "" when it has none. */
export function receiptText(def: FormDefinition, lang: Language): string {
  const key = def.titleKey.replace(/\.title$/, ".receipt").slice("forms.".length);
  return translatedOnce(lang, "forms", key, "");
}
