import { useTranslation } from "react-i18next";
import { ErrorSummary } from "~/components/ui/FormErrors";
import type { BilingualField, EditorErrors, FormValues, PlainField } from "~/services/editor-fields";

/** The error summary for editor forms (messages are editor-namespace keys). */
export function EditorErrorSummary({ errors, order }: { errors?: EditorErrors; order: string[] }) {
  const prefixed = errors ? Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, `editor:${v}`])) : undefined;
  return <ErrorSummary errors={prefixed} order={order} />;
}

/** One labelled input or textarea with hint, inline error, aria-invalid and aria-describedby. */
type FrameProps = { id: string; label: string; hint?: string; error?: string; required?: boolean };

/**
 * Label, hint and error of one editor field around its control; the control gets the ids to
 * point at (aria-describedby) from `children`.
 */
export function EditorFieldFrame({
  id,
  label,
  hint,
  error,
  required,
  children,
}: FrameProps & { children: (describedBy: string | undefined) => React.ReactNode }) {
  const { t } = useTranslation("editor");
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`field${error ? " field--error" : ""}`}>
      <label htmlFor={id}>
        {label}
        {required ? null : <span className="note"> {t("optional")}</span>}
      </label>
      {hint ? (
        <span className="field__hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
      {error ? (
        <span className="field__error" id={`${id}-error`}>
          <span className="visually-hidden">{t("errorPrefix")} </span>
          {t(error)}
        </span>
      ) : null}
      {children(describedBy)}
    </div>
  );
}

export function EditorField({
  kind,
  value,
  lang,
  ...frame
}: FrameProps & {
  kind: "line" | "text" | "markdown" | "email" | "tel" | "date" | "datetime-local";
  value: string;
  lang?: "sv" | "en";
}) {
  const { id, error, required } = frame;
  return (
    <EditorFieldFrame {...frame}>
      {(describedBy) => {
        const common = {
          id,
          name: id,
          defaultValue: value,
          "aria-invalid": error ? true : undefined,
          "aria-describedby": describedBy,
          lang,
          "aria-required": required || undefined,
        };
        return kind === "text" || kind === "markdown" ? (
          <textarea
            {...common}
            rows={kind === "markdown" ? 12 : 4}
            className={kind === "markdown" ? "markdown" : undefined}
          />
        ) : (
          <input {...common} type={kind === "line" ? "text" : kind} spellCheck={kind === "line" ? true : false} />
        );
      }}
    </EditorFieldFrame>
  );
}

/** A choice among options in the editor, framed like every other editor field. */
export function EditorSelect({
  value,
  options,
  none,
  ...frame
}: FrameProps & { value: string; options: { value: string; label: string }[]; none?: string }) {
  const { id, error } = frame;
  return (
    <EditorFieldFrame {...frame}>
      {(describedBy) => (
        <select
          id={id}
          name={id}
          defaultValue={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
        >
          {none !== undefined ? <option value="">{none}</option> : null}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </EditorFieldFrame>
  );
}

/** Swedish and English side by side (stacked on narrow screens). */
export function BilingualFields({
  fields,
  values,
  errors,
  prefix = "fields",
}: {
  fields: BilingualField[];
  values: FormValues;
  errors?: EditorErrors;
  prefix?: string;
}) {
  const { t } = useTranslation("editor");
  return (
    <div className="lang-columns">
      {(["sv", "en"] as const).map((lang) => {
        const suffix = lang === "sv" ? "Sv" : "En";
        return (
          <fieldset key={lang} lang={lang === "en" ? "en" : undefined}>
            <legend>{t(`lang.${lang}`)}</legend>
            {lang === "en" ? <p className="note">{t("lang.enHint")}</p> : null}
            {fields.map((f) => {
              const id = `${f.name}${suffix}`;
              return (
                <EditorField
                  key={id}
                  id={id}
                  label={`${t(`${prefix}.${f.name}.label`)} (${t(`lang.short.${lang}`)})`}
                  hint={f.kind === "markdown" ? t("markdownHint") : undefined}
                  error={errors?.[id]}
                  kind={f.kind}
                  value={values[id] ?? ""}
                  lang={lang}
                  required={lang === "sv" && !f.optional}
                />
              );
            })}
          </fieldset>
        );
      })}
    </div>
  );
}

export function PlainFields({
  fields,
  values,
  errors,
  prefix = "fields",
}: {
  fields: PlainField[];
  values: FormValues;
  errors?: EditorErrors;
  prefix?: string;
}) {
  const { t } = useTranslation("editor");
  return (
    <>
      {fields.map((f) => (
        <EditorField
          key={f.name}
          id={f.name}
          label={t(`${prefix}.${f.name}.label`)}
          error={errors?.[f.name]}
          kind={f.kind}
          value={values[f.name] ?? ""}
        />
      ))}
    </>
  );
}

/** Owner and review-by date: required on every item. */
export function LifecycleFields({
  values,
  errors,
  ownerChoices,
}: {
  values: FormValues;
  errors?: EditorErrors;
  /** Staff users who may own the text (docs/decisions/060). */
  ownerChoices: { value: string; label: string }[];
}) {
  const { t } = useTranslation("editor");
  return (
    <fieldset className="editor-fieldset">
      <legend>{t("fields.lifecycle")}</legend>
      <EditorSelect
        id="owner"
        label={t("fields.owner.label")}
        hint={t("fields.owner.hint")}
        error={errors?.owner}
        value={values.owner ?? ""}
        options={ownerChoices}
        none={t("fields.owner.choose")}
        required
      />
      <EditorField
        id="reviewBy"
        label={t("fields.reviewBy.label")}
        hint={t("fields.reviewBy.hint")}
        error={errors?.reviewBy}
        kind="date"
        value={values.reviewBy ?? ""}
        required
      />
    </fieldset>
  );
}
