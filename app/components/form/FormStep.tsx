import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useForm, type FieldErrors as RhfErrors, type Resolver } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { fieldDomId } from "../../../forms/form-data";
import { i18nextKey } from "../../../forms/keys";
import { stepEncType } from "../../../forms/post-encoding";
import { parseSubmission, valuesFromFormData } from "../../../forms/schema";
import type { Field, FieldErrors, FormDefinition, FormValues } from "../../../forms/types";
import { FORM_ERROR_PATH } from "../../../forms/types";
import { conditionHolds, lookupIn } from "../../../forms/visibility";
import { MUNICIPALITY_CONTROL, type StepViewData } from "../../../forms/step-view";
import { ErrorSummary } from "./ErrorSummary";
import { errorText, FieldView, type FieldContext } from "./FieldView";

/**
 * What the browser checks a step against before posting: the other steps' answers and this
 * step's stored files. A kept upload is posted by its id only (a hidden input) and resolved
 * against these; `savedAnswers` alone leaves out the step's own fields, so every kept file
 * read as "file.missing" and going back to a step with a file could not go on.
 */
export function answersForCheck(data: Pick<StepViewData, "savedAnswers" | "files">): FormValues {
  return { ...data.savedAnswers, ...data.files };
}

function findField(def: FormDefinition, name: string): Field | undefined {
  for (const step of def.steps) {
    for (const f of step.fields) {
      if (f.name === name) return f;
      if (f.type === "group") {
        const child = f.fields.find((c) => c.name === name);
        if (child) return child;
      }
    }
  }
  return undefined;
}

/** Where an error path's link should land. */
export function errorTarget(def: FormDefinition, path: string): string {
  if (path === FORM_ERROR_PATH) return "form-top";
  if (path === MUNICIPALITY_CONTROL) return "field-kommun";
  const field = findField(def, path.split(".")[0]!);
  if (field?.type === "address" && !path.includes(".")) return fieldDomId(`${path}.street`);
  if (field?.type === "file") return fieldDomId(path.split(".")[0]!);
  return fieldDomId(path);
}

function entriesMap(entries: [string, string][]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const [k, v] of entries) {
    const key = k.replace(/\[(\d+)\]/g, ".$1");
    map.set(key, [...(map.get(key) ?? []), v]);
  }
  return map;
}

/** RHF keeps errors as a nested object; we keep our {key, params} in `message` as JSON. */
function toRhfErrors(errors: FieldErrors): RhfErrors {
  const out: Record<string, { type: string; message: string }> = {};
  for (const [path, error] of Object.entries(errors)) out[path] = { type: "engine", message: JSON.stringify(error) };
  return out as RhfErrors;
}

function fromRhfErrors(errors: RhfErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const [path, e] of Object.entries(errors as Record<string, { message?: string } | undefined>)) {
    if (!e?.message) continue;
    try {
      out[path] = JSON.parse(e.message) as FieldErrors[string];
    } catch {
      // not one of ours
    }
  }
  return out;
}

/**
 * One step of a form. Without JavaScript it is a plain multipart post and the server answers
 * with messages; with JavaScript react-hook-form runs the very same validator (the engine's
 * schema via `parseSubmission`) on the form's own FormData before posting, hides questions
 * whose condition does not hold, and shows messages without a round trip. A step that passes
 * the check is then posted natively, exactly as without JavaScript: the component needs no
 * Remix router, so the step page hydrates it alone as the form island (decision 108).
 */
export function FormStep({ def, data, csrfToken }: { def: FormDefinition; data: StepViewData; csrfToken: string }) {
  const { t } = useTranslation(["forms", "eservice"]);
  const formRef = useRef<HTMLFormElement>(null);
  // Set when the client check passed: the next submit event is let through to the native post.
  const checked = useRef(false);
  const [submitting, setSubmitting] = useState(false);
  const step = def.steps.find((s) => s.id === data.stepId)!;
  const [enhanced, setEnhanced] = useState(false);
  const [live, setLive] = useState<Record<string, unknown>>({});

  const readLive = useCallback(() => {
    if (!formRef.current) return;
    setLive(valuesFromFormData(def, data.stepId, new FormData(formRef.current)).values);
  }, [def, data.stepId]);

  useEffect(() => {
    setEnhanced(true);
    readLive();
  }, [readLive]);

  // A page restored from the back/forward cache is not submitting any more.
  useEffect(() => {
    const restored = (event: PageTransitionEvent) => {
      if (event.persisted) setSubmitting(false);
    };
    window.addEventListener("pageshow", restored);
    return () => window.removeEventListener("pageshow", restored);
  }, []);

  const resolver: Resolver = useCallback(async () => {
    const form = formRef.current;
    if (!form) return { values: {}, errors: {} };
    const result = parseSubmission(def, data.stepId, new FormData(form), { answers: answersForCheck(data) });
    if (result.ok) return { values: result.value, errors: {} };
    return { values: {}, errors: toRhfErrors(result.errors) };
  }, [def, data]);

  const { register, handleSubmit, formState } = useForm({
    resolver,
    mode: "onSubmit",
    reValidateMode: "onChange",
    shouldFocusError: false,
  });
  const clientErrors = fromRhfErrors(formState.errors);
  const errors = Object.keys(clientErrors).length > 0 ? clientErrors : data.errors;

  const municipalityError = errors[MUNICIPALITY_CONTROL];
  const lookupFor = useCallback(
    (path: string) => {
      const parts = path.split(".");
      const item =
        parts.length >= 3
          ? ((live[parts[0]!] as Record<string, unknown>[] | undefined)?.[Number(parts[1])] as FormValues | undefined)
          : undefined;
      return lookupIn(item, live as FormValues, data.savedAnswers);
    },
    [live, data.savedAnswers],
  );

  const ctx: FieldContext = useMemo(
    () => ({
      formId: def.id,
      t: (key, options) => t(key as string, options ?? {}) as string,
      entries: entriesMap(data.entries),
      errors,
      files: data.files,
      groupCounts: data.groupCounts,
      isVisible: (field, path) => !enhanced || conditionHolds(field.showIf, lookupFor(path)),
      register: (name) => (enhanced ? register(name) : {}),
      conditionText: (field) => {
        if (!field.showIf || enhanced) return null;
        const source = findField(def, field.showIf.field);
        if (!source) return null;
        const wanted = field.showIf.equals;
        const answers = (Array.isArray(wanted) ? wanted : [wanted]).map((w) => {
          if (typeof w === "boolean") return t(`forms:common.${w ? "yes" : "no"}`);
          const option = "options" in source ? source.options.find((o) => o.value === w) : undefined;
          return option ? (option.label ?? t(i18nextKey(option.labelKey))) : String(w);
        });
        return t("eservice:form.conditional", {
          question: t(i18nextKey(source.labelKey)),
          answer: answers.join(` ${t("eservice:form.or")} `),
        });
      },
    }),
    [def, t, data, errors, enhanced, lookupFor, register],
  );

  const summary = [
    ...(municipalityError
      ? [{ href: "field-kommun", text: t(`eservice:form.municipality.errors.${municipalityError.key}`) }]
      : []),
    ...Object.entries(errors)
      .filter(([path]) => path !== MUNICIPALITY_CONTROL)
      .map(([path, error]) => ({ href: errorTarget(def, path), text: errorText(ctx, path, error) })),
  ];

  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const action = submitter?.value ?? "continue";
    // Adding/removing items and saving for later are not answers: they post without a check.
    if (action !== "continue" || checked.current) {
      checked.current = false;
      // After the browser has read the form's entries (a disabled button would not be sent).
      if (action === "continue") setTimeout(() => setSubmitting(true), 0);
      return;
    }
    void handleSubmit(() => {
      checked.current = true;
      // Once this submit event is over: a form ignores a submission asked for while it fires one.
      setTimeout(() => formRef.current?.requestSubmit(submitter ?? undefined), 0);
    })(event);
  };

  return (
    <>
      <p className="progress">
        <span className="visually-hidden">{t(i18nextKey(def.titleKey))} – </span>
        {t("forms:common.progress", data.progress)}
      </p>
      <ErrorSummary title={t("forms:common.errorSummaryTitle")} items={summary} />
      {data.saved ? (
        <div className="alert alert--success" role="status">
          <h2>{t("eservice:draft.savedTitle")}</h2>
          {data.saved.link ? (
            <>
              <p>{t("eservice:draft.savedAnonymous")}</p>
              <p className="resume-link">
                <a href={data.saved.link}>{data.saved.link}</a>
              </p>
            </>
          ) : (
            <p>{t("eservice:draft.savedPerson")}</p>
          )}
        </div>
      ) : null}
      <h1>{t(i18nextKey(step.titleKey))}</h1>
      <form
        method="post"
        // Multipart only for a step that needs it: url-encoded is cheaper to read (decision 188).
        encType={stepEncType(step)}
        action={data.action}
        noValidate
        ref={formRef}
        id="form-top"
        tabIndex={-1}
        // Set in the same commit that registers the fields and hides unmet conditions: from then
        // on the layout stands still and answers are read by the client check (e2e `hydrated()`).
        data-enhanced={enhanced ? "" : undefined}
        onSubmit={onSubmit}
        onChange={readLive}
      >
        <input type="hidden" name="_csrf" value={csrfToken} />
        {data.municipality ? (
          <div className={`field${municipalityError ? " field--error" : ""}`}>
            <label htmlFor="field-kommun">{t("eservice:form.municipality.label")}</label>
            <span className="field__hint" id="field-kommun-hint">
              {t("eservice:form.municipality.hint")}
            </span>
            {municipalityError ? (
              <span className="field__error" id="field-kommun-error">
                <span className="visually-hidden">{t("eservice:form.errorPrefix")} </span>
                {t(`eservice:form.municipality.errors.${municipalityError.key}`)}
              </span>
            ) : null}
            <select
              id="field-kommun"
              name={MUNICIPALITY_CONTROL}
              defaultValue={data.municipality.chosen ?? ""}
              aria-invalid={municipalityError ? true : undefined}
              aria-describedby={`field-kommun-hint${municipalityError ? " field-kommun-error" : ""}`}
            >
              <option value="">{t("eservice:form.selectPlaceholder")}</option>
              {data.municipality.options.map((m) => (
                <option key={m.slug} value={m.slug}>
                  {m.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        {step.fields.map((field) => (
          <FieldView key={field.name} ctx={ctx} field={field} path={field.name} />
        ))}
        <div className="form-actions">
          <button type="submit" name="_action" value="continue" className="button" disabled={submitting || undefined}>
            {t("forms:common.continue")}
          </button>
          <button type="submit" name="_action" value="save" className="button button--secondary" formNoValidate>
            {t("eservice:draft.save")}
          </button>
        </div>
      </form>
      {data.backHref ? (
        <p>
          <a href={data.backHref}>{t("forms:common.back")}</a>
        </p>
      ) : null}
    </>
  );
}
