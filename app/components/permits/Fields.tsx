/**
 * Small, accessible form fields for the permit and back-office pages: label, hint and error are
 * tied to the control with aria-describedby; aria-invalid marks an error. Plain HTML controls,
 * so every page works without JavaScript.
 */
import type { ReactNode } from "react";

interface Common {
  id: string;
  name?: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
}

function describedBy(id: string, hint: unknown, error: unknown) {
  return [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
}

function HintAndError({ id, hint, error }: { id: string; hint?: ReactNode; error?: string | null }) {
  return (
    <>
      {hint ? (
        <span id={`${id}-hint`} className="field__hint">
          {hint}
        </span>
      ) : null}
      {error ? (
        <span id={`${id}-error`} className="field__error">
          {error}
        </span>
      ) : null}
    </>
  );
}

export function TextField(
  props: Common & {
    defaultValue?: string;
    inputMode?: "numeric" | "decimal" | "text";
    width?: string;
    autoComplete?: string;
    type?: string;
    required?: boolean;
  },
) {
  const { id, name = id, label, hint, error } = props;
  return (
    <div className={`field${error ? " field--error" : ""}`}>
      <label htmlFor={id}>{label}</label>
      <HintAndError id={id} hint={hint} error={error} />
      <input
        id={id}
        name={name}
        type={props.type ?? "text"}
        defaultValue={props.defaultValue}
        inputMode={props.inputMode}
        autoComplete={props.autoComplete ?? "off"}
        className={props.width}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        required={props.required}
      />
    </div>
  );
}

export function TextArea(props: Common & { defaultValue?: string; rows?: number; required?: boolean }) {
  const { id, name = id, label, hint, error } = props;
  return (
    <div className={`field${error ? " field--error" : ""}`}>
      <label htmlFor={id}>{label}</label>
      <HintAndError id={id} hint={hint} error={error} />
      <textarea
        id={id}
        name={name}
        rows={props.rows ?? 5}
        defaultValue={props.defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        required={props.required}
      />
    </div>
  );
}

export function RadioGroup(
  props: Common & {
    options: { value: string; label: ReactNode; hint?: ReactNode }[];
    defaultValue?: string;
    legendClass?: string;
  },
) {
  const { id, name = id, label, hint, error } = props;
  return (
    <div className={`field${error ? " field--error" : ""}`}>
      <fieldset aria-describedby={describedBy(id, hint, error)}>
        <legend className={props.legendClass}>{label}</legend>
        <HintAndError id={id} hint={hint} error={error} />
        <div className="radios">
          {props.options.map((o, i) => {
            const optionId = i === 0 ? id : `${id}-${o.value}`;
            return (
              <div className="radios__item" key={o.value}>
                <input
                  type="radio"
                  id={optionId}
                  name={name}
                  value={o.value}
                  defaultChecked={props.defaultValue === o.value}
                  aria-describedby={o.hint ? `${optionId}-hint` : undefined}
                />
                <label htmlFor={optionId}>{o.label}</label>
                {o.hint ? (
                  <span id={`${optionId}-hint`} className="field__hint radios__hint">
                    {o.hint}
                  </span>
                ) : null}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

export function SelectField(props: Common & { options: { value: string; label: string }[]; defaultValue?: string }) {
  const { id, name = id, label, hint, error } = props;
  return (
    <div className={`field${error ? " field--error" : ""}`}>
      <label htmlFor={id}>{label}</label>
      <HintAndError id={id} hint={hint} error={error} />
      <select
        id={id}
        name={name}
        defaultValue={props.defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
