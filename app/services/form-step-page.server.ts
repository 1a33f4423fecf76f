import { createHash } from "node:crypto";
import type { RequestHead } from "~/utils/request-head";
import { errorKey } from "../../forms/keys";
import { translatedOnce } from "~/i18n/i18n.server";
import type { FormDefinition } from "../../forms/types";
import { cookieHeaders, formPageContext, islandTextKeys, redirectWith, stepTemplateKind } from "./form-page.server";
import { currentOptionLists, loadStep } from "./forms.server";
import { profilePrefills } from "./form-hooks.server";

function stepTitle(lang: "sv" | "en", def: FormDefinition, stepId: string, formTitle: string, hasErrors: boolean) {
  const step = def.steps.find((s) => s.id === stepId);
  const title = `${step ? translatedOnce(lang, "forms", step.titleKey.slice("forms.".length)) : ""} – ${formTitle}`;
  return hasErrors ? `${translatedOnce(lang, "eservice", "form.errorTitlePrefix")} ${title}` : title;
}

/**
 * What a form step's page is made of (the step loader's data), and whether the server may answer
 * the same request from a template (decisions 117, 125): `first` for an anonymous first visit,
 * `answers` for an anonymous browser with its own key whose page is a function of this data
 * alone. Used by the loader and, for the latter, by the template's look-up in front of Express,
 * which runs exactly this and keys the template by a hash of the data (`stepDataKey`).
 * Reads only: nothing is written. The look-up leaves what it read in the request's load context
 * (`readStepPage`), so the loader of the same request does not read it again.
 */
export async function stepPage(request: RequestHead, params: { id?: string; step?: string }) {
  const { def, lang, user, session, title, chosen, formTexts, unavailable, textsId, answers, workingCopy } =
    await formPageContext(request, params.id);
  const stepId = params.step ?? "";
  if (!def.steps.some((s) => s.id === stepId)) throw new Response("Not found", { status: 404 });
  // Questions the person's own facts can start with (the home municipality from the register).
  const profile = await profilePrefills(def, stepId, { answers, user, lang });
  const result = loadStep(
    // The working copy formPageContext read, not read and decrypted again (decision 152).
    {
      def,
      stepId,
      ownerKey: session.ownerKey,
      personId: user?.personId ?? null,
      chosenMunicipality: chosen,
      lang,
      workingCopy,
    },
    new URL(request.url).searchParams,
    profile,
  );
  if ("redirect" in result) throw redirectWith(session, result.redirect);
  // A register that does not answer is said at its question; what was typed stays saved (decision 087).
  const here = new Set(def.steps.find((s) => s.id === stepId)?.fields.map((f) => f.name));
  for (const name of unavailable)
    if (here.has(name)) result.view.errors[name] = { key: errorKey("registerUnavailable") };
  const template = stepTemplateKind({ request, user, session, def, textsId, unavailable, profile, view: result.view });
  return {
    template,
    headers: cookieHeaders(session),
    data: {
      kind: "step" as const,
      title: stepTitle(lang, def, stepId, title, false),
      formTitle: title,
      formId: def.id,
      formTexts,
      textsId,
      // The version this visitor fills in (a draft keeps its version, decision 075) travels with the page.
      definition: def,
      description: translatedOnce(lang, "forms", def.descriptionKey.slice("forms.".length)),
      // The browser resolves the same lists the server validated against (decision 056).
      optionLists: currentOptionLists(),
      view: result.view,
      // Only the texts this form can show go into the island's data (decision 116).
      textKeys: islandTextKeys(def, textsId),
    },
  };
}

/** The JSON of a definition or an e-service's texts, once per object (decision 169). */
const jsonOnce = new WeakMap<object, string>();
function stableJson(value: unknown): string {
  if (typeof value !== "object" || value === null) return JSON.stringify(value) ?? "";
  let json = jsonOnce.get(value);
  if (json === undefined) {
    json = JSON.stringify(value);
    jsonOnce.set(value, json);
  }
  return json;
}

/**
 * The template key of a step page's data: equal data, equal page (decision 125). The definition and
 * the e-service's texts, most of the data's JSON, are serialised once per object: a published
 * definition and its document are objects that are never changed (decision 152); a changed one is a
 * new object (a new version, a hook's options, a publish) and gets its own JSON (decision 169).
 */
export function stepDataKey(data: Record<string, unknown>): string {
  const { definition, formTexts, ...rest } = data;
  return createHash("sha256")
    .update(JSON.stringify(rest))
    .update("\u0000")
    .update(stableJson(definition))
    .update("\u0000")
    .update(stableJson(formTexts))
    .digest("base64url");
}

type StepPage = Awaited<ReturnType<typeof stepPage>>;

/** The step page read in front of Express for one request (decision 125), with its data key. */
export interface EarlyStepPage {
  path: string;
  page: StepPage;
  dataKey: string;
}

/**
 * The step page the template look-up already read for this very request (`context.earlyStepPage`,
 * set by scripts/serve.mjs from the response's locals), or null: the loader then reads it itself.
 */
export function earlyStepPage(context: unknown, request: RequestHead): EarlyStepPage | null {
  const early = (context as { earlyStepPage?: EarlyStepPage } | undefined)?.earlyStepPage;
  if (!early) return null;
  const url = new URL(request.url);
  return early.path === url.pathname + url.search ? early : null;
}
