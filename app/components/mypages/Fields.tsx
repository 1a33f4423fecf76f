import { useTranslation } from "react-i18next";
import { ErrorSummary } from "~/components/form/ErrorSummary";

/**
 * Form fields for Mina sidor, childcare and school pages: label, hint, inline error with
 * aria-invalid/aria-describedby, as STYLE.md asks. `errorKey` is a full i18n key ("ns:path").
 */
interface Base {
  name: string;
  label: string;
  hint?: string;
  errorKey?: string;
}

function describedBy(name: string, hint?: string, error?: string) {
  return [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(" ") || undefined;
}

function Message({ name, errorKey }: { name: string; errorKey?: string }) {
  const { t } = useTranslation();
  if (!errorKey) return null;
  return (
    <span className="field__error" id={`${name}-error`}>
      {t(errorKey)}
    </span>
  );
}

export function TextInput(
  props: Base & {
    defaultValue?: string;
    type?: "text" | "email" | "number" | "tel";
    inputMode?: "numeric" | "text" | "tel";
    autoComplete?: string;
    width?: string;
  },
) {
  const { name, label, hint, errorKey } = props;
  return (
    <div className={`field${errorKey ? " field--error" : ""}`}>
      <label htmlFor={name}>{label}</label>
      {hint ? (
        <span className="field__hint" id={`${name}-hint`}>
          {hint}
        </span>
      ) : null}
      <Message name={name} errorKey={errorKey} />
      <input
        id={name}
        name={name}
        type={props.type ?? "text"}
        inputMode={props.inputMode}
        autoComplete={props.autoComplete ?? "off"}
        defaultValue={props.defaultValue}
        aria-invalid={errorKey ? true : undefined}
        aria-describedby={describedBy(name, hint, errorKey)}
        className={props.width}
      />
    </div>
  );
}

export function TextArea(props: Base & { defaultValue?: string }) {
  const { name, label, hint, errorKey } = props;
  return (
    <div className={`field${errorKey ? " field--error" : ""}`}>
      <label htmlFor={name}>{label}</label>
      {hint ? (
        <span className="field__hint" id={`${name}-hint`}>
          {hint}
        </span>
      ) : null}
      <Message name={name} errorKey={errorKey} />
      <textarea
        id={name}
        name={name}
        defaultValue={props.defaultValue}
        aria-invalid={errorKey ? true : undefined}
        aria-describedby={describedBy(name, hint, errorKey)}
      />
    </div>
  );
}

export function SelectInput(
  props: Base & { defaultValue?: string; options: { value: string; label: string }[]; emptyLabel?: string },
) {
  const { name, label, hint, errorKey } = props;
  return (
    <div className={`field${errorKey ? " field--error" : ""}`}>
      <label htmlFor={name}>{label}</label>
      {hint ? (
        <span className="field__hint" id={`${name}-hint`}>
          {hint}
        </span>
      ) : null}
      <Message name={name} errorKey={errorKey} />
      <select
        id={name}
        name={name}
        defaultValue={props.defaultValue ?? ""}
        aria-invalid={errorKey ? true : undefined}
        aria-describedby={describedBy(name, hint, errorKey)}
      >
        {props.emptyLabel !== undefined ? <option value="">{props.emptyLabel}</option> : null}
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The error summary for a map of field → error code, in the order of `fields`. */
export function FieldErrorSummary({
  errors,
  fields,
  keyOf,
  title,
}: {
  errors: Record<string, string> | null | undefined;
  fields: string[];
  keyOf: (field: string, code: string) => string;
  title: string;
}) {
  const { t } = useTranslation();
  const items = fields.filter((f) => errors?.[f]).map((f) => ({ href: f, text: t(keyOf(f, errors![f]!)) }));
  return <ErrorSummary title={title} items={items} />;
}
