import { useTranslation } from "react-i18next";

/** Field errors as i18n keys (auth namespace unless "ns:key"). */
export type FieldErrors = Partial<Record<string, string>>;

/** GOV.UK-style summary at the top of a form: one link per field error. Focused on load. */
export function ErrorSummary({ errors, order }: { errors: FieldErrors | undefined; order: string[] }) {
  const { t } = useTranslation("auth");
  const fields = order.filter((f) => errors?.[f]);
  if (fields.length === 0) return null;
  return (
    <div className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
      <h2 id="error-summary-title">{t("errors.summaryTitle")}</h2>
      <ul>
        {fields.map((f) => (
          <li key={f}>
            <a href={`#${f}`}>{t(errors![f]!)}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Label, hint and error around one control, wired for assistive technology (GOV.UK's field pattern). */
function FieldShell({
  name,
  label,
  hint,
  error,
  children,
}: {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  children: (control: { "aria-invalid": true | undefined; "aria-describedby": string | undefined }) => React.ReactNode;
}) {
  const { t } = useTranslation("auth");
  const describedBy =
    [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`field${error ? " field--error" : ""}`}>
      <label htmlFor={name}>{label}</label>
      {hint ? (
        <span className="field__hint" id={`${name}-hint`}>
          {hint}
        </span>
      ) : null}
      {error ? (
        <span className="field__error" id={`${name}-error`}>
          <span className="visually-hidden">{t("errors.prefix")} </span>
          {t(error)}
        </span>
      ) : null}
      {children({ "aria-invalid": error ? true : undefined, "aria-describedby": describedBy })}
    </div>
  );
}

export function TextField({
  name,
  label,
  hint,
  error,
  type = "text",
  autoComplete,
  defaultValue,
  inputMode,
  width,
}: {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  type?: "text" | "password" | "email" | "date" | "search";
  autoComplete?: string;
  defaultValue?: string;
  inputMode?: "numeric" | "text";
  width?: "short" | "medium";
}) {
  return (
    <FieldShell name={name} label={label} hint={hint} error={error}>
      {(aria) => (
        <input
          id={name}
          name={name}
          type={type}
          autoComplete={autoComplete}
          defaultValue={defaultValue}
          inputMode={inputMode}
          {...aria}
          className={width ? `input--${width}` : undefined}
          spellCheck={false}
        />
      )}
    </FieldShell>
  );
}

/**
 * The multi-line variant of TextField, with the same label, hint and error markup (a pasted
 * certificate, a longer note). Spell-checking is off by default: the admin pages paste codes.
 */
export function TextAreaField({
  name,
  label,
  hint,
  error,
  defaultValue,
  rows = 4,
  autoComplete = "off",
  spellCheck = false,
}: {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  defaultValue?: string;
  rows?: number;
  autoComplete?: string;
  spellCheck?: boolean;
}) {
  return (
    <FieldShell name={name} label={label} hint={hint} error={error}>
      {(aria) => (
        <textarea
          id={name}
          name={name}
          rows={rows}
          defaultValue={defaultValue}
          autoComplete={autoComplete}
          spellCheck={spellCheck}
          {...aria}
        />
      )}
    </FieldShell>
  );
}

/** A labelled select with the same error markup as TextField. */
export function SelectField({
  name,
  label,
  error,
  defaultValue,
  options,
}: {
  name: string;
  label: string;
  error?: string;
  defaultValue?: string;
  options: { value: string; label: string }[];
}) {
  const { t } = useTranslation("auth");
  return (
    <div className={`field${error ? " field--error" : ""}`}>
      <label htmlFor={name}>{label}</label>
      {error ? (
        <span className="field__error" id={`${name}-error`}>
          <span className="visually-hidden">{t("errors.prefix")} </span>
          {t(error)}
        </span>
      ) : null}
      <select
        id={name}
        name={name}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${name}-error` : undefined}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
