import { and, eq, inArray, isNull } from "drizzle-orm";
import { caseAttachment, caseTable, municipality } from "../../db/schema/index";
import { checkYourAnswers } from "../../forms/flow";
import { SIGNING_SUBMIT_HANDLERS } from "../../forms/hooks";
import { translatorFor } from "../../forms/keys";
import { scopeFields } from "../../forms/schema";
import type { FileField, FileValue, FormDefinition, FormValues } from "../../forms/types";
import type { ResidentUser } from "~/auth/guards.server";
import { oidcConfigured } from "~/auth/oidc.server";
import { db } from "~/db.server";
import { getFixedT } from "~/i18n/i18n.server";
import { caseAnswers } from "./cases.server";
import { computeValues } from "./form-hooks.server";
import { listCaseSignatures } from "./e-signature.server";

/**
 * The applicant's e-ID signature on an engine form (docs/decisions/098): a definition with
 * `signatures: [{ party: "applicant" }]` is sent by signing it. What is signed is the form's
 * summary of the answers (the rows of the check page, in the signer's language) with each
 * attached file's SHA-256, built from the draft before sending and rebuilt from the case after;
 * the two must be identical, so the text reads nothing but its arguments and the translations.
 * A form with a submit handler files its own case (school choice signs after sending, 090); one
 * in SIGNING_SUBMIT_HANDLERS (bygglov) signs the handler's own text and stores the signature in
 * its own transaction (decision 105).
 */
const signsAsApplicant = (def: Pick<FormDefinition, "signatures" | "submitHandler">) =>
  (!def.submitHandler || SIGNING_SUBMIT_HANDLERS.has(def.submitHandler)) &&
  (def.signatures ?? []).some((s) => s.party === "applicant");

/**
 * Whether "send" is "sign and send" now: the form asks for the applicant's signature and an
 * e-ID provider is configured (always in production; a demo without one sends unsigned, as
 * bygglov does, 085).
 */
export const signsBeforeSending = (def: Pick<FormDefinition, "signatures" | "submitHandler">) =>
  signsAsApplicant(def) && oidcConfigured();

/** The file answers in the order the summary lists them: field by field, file by file. */
function filesOf(def: FormDefinition, answers: FormValues) {
  return (scopeFields(def, "all") ?? [])
    .filter((f): f is FileField => f.type === "file")
    .flatMap((field) => ((answers[field.name] as FileValue[] | undefined) ?? []).map((file) => ({ field, file })));
}

/**
 * A value computed from the answers (a fee, a date) as the check page shows it: its label and its
 * text. Signed with the answers (decision 107); the case keeps the texts signed (`_computedText`),
 * since a hook may answer differently later (today's taxa, today's date).
 */
export interface ShownComputed {
  name: string;
  labelKey: string;
  text: string;
}

/** The form's computed values for these answers, as the check page shows them now, in `language`. */
export async function shownComputed(
  def: FormDefinition,
  answers: FormValues,
  user: ResidentUser | null,
  language: "sv" | "en",
): Promise<ShownComputed[]> {
  return (await computeValues(def, { answers, user, lang: language })).map((c) => ({
    name: c.name,
    labelKey: c.labelKey,
    text: c.value.text,
  }));
}

/** The computed texts a signed case keeps, in the definition's order (none for a case signed before 107). */
function keptComputed(def: FormDefinition, kept: unknown): ShownComputed[] {
  if (!kept || typeof kept !== "object") return [];
  const texts = kept as Record<string, unknown>;
  return (def.computed ?? []).flatMap((spec) => {
    const text = texts[spec.name];
    return typeof text === "string" ? [{ name: spec.name, labelKey: spec.labelKey, text }] : [];
  });
}

/** The text the applicant signs. `sha256Of` gives an attached file's hash by its public id. */
export function formSummaryText(input: {
  def: FormDefinition;
  answers: FormValues;
  municipality: string | null;
  sha256Of: (publicId: string) => string | undefined;
  language: "sv" | "en";
  /** The computed values shown below the answers on the check page (decision 107). */
  computed?: readonly ShownComputed[];
}): string {
  const { def, answers, language } = input;
  const tf = getFixedT(language, "forms");
  const t = translatorFor(tf as never);
  const te = getFixedT(language, "eservice");
  const plain = { interpolation: { escapeValue: false } };
  const lines = [te("sign.textTitle", { title: tf(def.titleKey.slice("forms.".length)), ...plain })];
  if (input.municipality) lines.push(`${te("form.municipality.label")}: ${input.municipality}`);
  for (const row of checkYourAnswers(def, answers, t)) lines.push(`${t(row.labelKey)}: ${row.text}`);
  for (const c of input.computed ?? []) lines.push(`${t(c.labelKey)}: ${c.text}`);
  const files = filesOf(def, answers);
  if (files.length > 0) lines.push(`${te("sign.files")}:`);
  for (const { field, file } of files)
    lines.push(`- ${t(field.labelKey)}: ${file.name} (SHA-256 ${(file.id && input.sha256Of(file.id)) || "–"})`);
  lines.push("", te("sign.statement"));
  return lines.join("\n");
}

/** The hashes of a draft's uploaded files (the browser's or person's, not yet with a case). */
export function draftFileHashes(def: FormDefinition, answers: FormValues, ownerKey: string) {
  const ids = filesOf(def, answers)
    .map(({ file }) => file.id)
    .filter((id): id is string => Boolean(id));
  const rows = ids.length
    ? db()
        .select({ publicId: caseAttachment.publicId, sha256: caseAttachment.sha256 })
        .from(caseAttachment)
        .where(
          and(
            inArray(caseAttachment.publicId, ids),
            eq(caseAttachment.ownerKey, ownerKey),
            isNull(caseAttachment.caseId),
          ),
        )
        .all()
    : [];
  const byId = new Map(rows.map((r) => [r.publicId, r.sha256]));
  return (publicId: string) => byId.get(publicId);
}

/**
 * The signed summary of a sent case, rebuilt from what the case keeps (its answers, its
 * municipality, the files sent with it) on the definition version it was sent on; null when the
 * case is not an engine form's.
 */
export function formCaseSummaryText(
  caseId: number,
  def: FormDefinition | undefined,
  language: "sv" | "en",
): string | null {
  const c = db().select().from(caseTable).where(eq(caseTable.id, caseId)).get();
  if (!c || !def || c.formId !== def.id) return null;
  // Every answer as sent: a protected identity's addresses are hidden on screens, not in the signed text.
  const {
    _computed: _,
    _computedText: computedText,
    ...answers
  } = caseAnswers({ data: c.data, sensitiveData: c.sensitiveData });
  const m = db()
    .select({ name: municipality.name })
    .from(municipality)
    .where(eq(municipality.id, c.municipalityId))
    .get();
  const rows = db()
    .select({ publicId: caseAttachment.publicId, sha256: caseAttachment.sha256 })
    .from(caseAttachment)
    .where(eq(caseAttachment.caseId, caseId))
    .all();
  const byId = new Map(rows.map((r) => [r.publicId, r.sha256]));
  return formSummaryText({
    def,
    answers: answers as FormValues,
    municipality: m?.name ?? null,
    sha256Of: (id) => byId.get(id),
    language,
    computed: keptComputed(def, computedText),
  });
}

/**
 * The applicant's e-ID signature of an engine form's case, verified again against the summary
 * rebuilt from the case (the officer's case view); none for a form that is not signed this way.
 * Callers have already checked that the viewer may see the case.
 */
export async function formCaseSignatures(caseId: number, def: FormDefinition | undefined) {
  // A handler's case is verified against the handler's own text (bygglov: the case view's permit branch).
  if (!def || def.submitHandler || !signsAsApplicant(def)) return [];
  return listCaseSignatures(caseId, async (language) => formCaseSummaryText(caseId, def, language) ?? "");
}
