import type { ReactNode } from "react";
import { fieldDomId } from "../../../forms/form-data";
import { describeTypes } from "../../../forms/fields/file";
import { formatBytes } from "../../../forms/format";
import { errorKeyCandidates, i18nextKey } from "../../../forms/keys";
import { ADDRESS_PARTS } from "../../../forms/fields/address";
import type { Field, FieldError, FieldErrors, FileValue, GroupField } from "../../../forms/types";

/**
 * Everything a field needs to render itself. The same markup serves the plain HTML form
 * (no JavaScript) and the enhanced one: `register` adds react-hook-form's handlers when JS
 * runs, and does nothing on the server.
 */
export interface FieldContext {
  formId: string;
  t: (key: string | string[], options?: Record<string, unknown>) => string;
  /** Posted or saved values by input name ("address.street", "witnesses.0.name"). */
  entries: Map<string, string[]>;
  errors: FieldErrors;
  /** Stored uploads by field name. */
  files: Record<string, FileValue[]>;
  /** Number of items to render per group. */
  groupCounts: Record<string, number>;
  /** Whether a field (by dotted path) is shown; the server says yes to all (no-JS shows all). */
  isVisible: (field: Field, path: string) => boolean;
  register: (name: string) => Record<string, unknown>;
  /** Text saying when a conditional question applies (shown without JS). */
  conditionText: (field: Field) => string | null;
}

export const tk = (key: string) => i18nextKey(key);

export function errorText(ctx: FieldContext, path: string, error: FieldError): string {
  return ctx.t(
    errorKeyCandidates(ctx.formId, path, error).map(i18nextKey),
    (error.params ?? {}) as Record<string, unknown>,
  );
}

function firstEntry(ctx: FieldContext, name: string): string {
  return ctx.entries.get(name)?.[0] ?? "";
}

/** The error for exactly this path, or the first one below it (e.g. "photos.0"). */
function errorAt(ctx: FieldContext, path: string): FieldError | undefined {
  if (ctx.errors[path]) return ctx.errors[path];
  const below = Object.keys(ctx.errors).find((k) => k.startsWith(`${path}.`) && !/\.\d+\./.test(k.slice(path.length)));
  return below ? ctx.errors[below] : undefined;
}

interface Described {
  hintId?: string;
  errorId?: string;
  describedBy?: string;
  invalid?: true;
  message?: string;
}

function describe(ctx: FieldContext, field: Field, path: string, extraHint?: string | null): Described {
  const id = fieldDomId(path);
  const error = field.type === "address" ? undefined : errorAt(ctx, path);
  const hasHint = Boolean(field.hintKey) || Boolean(extraHint);
  const hintId = hasHint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return {
    hintId,
    errorId,
    describedBy,
    invalid: error ? true : undefined,
    message: error ? errorText(ctx, errorPathOf(ctx, path), error) : undefined,
  };
}

function errorPathOf(ctx: FieldContext, path: string): string {
  if (ctx.errors[path]) return path;
  return Object.keys(ctx.errors).find((k) => k.startsWith(`${path}.`)) ?? path;
}

function Hint({ ctx, field, id, extra }: { ctx: FieldContext; field: Field; id?: string; extra?: string | null }) {
  if (!id) return null;
  return (
    <span className="field__hint" id={id}>
      {field.hintKey ? ctx.t(tk(field.hintKey)) : null}
      {field.hintKey && extra ? " " : null}
      {extra}
    </span>
  );
}

function ErrorMessage({ id, message, ctx }: { id?: string; message?: string; ctx: FieldContext }) {
  if (!id || !message) return null;
  return (
    <span className="field__error" id={id}>
      <span className="visually-hidden">{ctx.t("eservice:form.errorPrefix")} </span>
      {message}
    </span>
  );
}

function Label({ ctx, field, htmlFor }: { ctx: FieldContext; field: Field; htmlFor: string }) {
  return (
    <label htmlFor={htmlFor}>
      {ctx.t(tk(field.labelKey))}
      {!field.required ? <span className="field__optional"> {ctx.t("forms:common.optional")}</span> : null}
    </label>
  );
}

function Legend({ ctx, field }: { ctx: FieldContext; field: Field }) {
  return (
    <legend>
      {ctx.t(tk(field.labelKey))}
      {!field.required ? <span className="field__optional"> {ctx.t("forms:common.optional")}</span> : null}
    </legend>
  );
}

function Wrapper({
  ctx,
  field,
  path,
  invalid,
  children,
}: {
  ctx: FieldContext;
  field: Field;
  path: string;
  invalid?: boolean;
  children: ReactNode;
}) {
  const visible = ctx.isVisible(field, path);
  return (
    <div className={`field${invalid ? " field--error" : ""}`} hidden={!visible || undefined} data-field={path}>
      {children}
    </div>
  );
}

export function FieldView({ ctx, field, path }: { ctx: FieldContext; field: Field; path: string }): ReactNode {
  const id = fieldDomId(path);
  const name = path;
  const condition = ctx.conditionText(field);
  const d = describe(ctx, field, path, condition);
  const common = { "aria-invalid": d.invalid, "aria-describedby": d.describedBy };

  switch (field.type) {
    case "text":
    case "email":
    case "phone":
    case "personnummer":
    case "organisationsnummer":
    case "fastighetsbeteckning":
    case "number":
    case "date": {
      const type = field.type === "email" ? "email" : field.type === "phone" ? "tel" : "text";
      const inputMode =
        field.type === "number"
          ? (field.decimals ?? 0) > 0
            ? "decimal"
            : "numeric"
          : field.type === "personnummer" || field.type === "organisationsnummer" || field.type === "date"
            ? "numeric"
            : field.type === "text"
              ? field.inputMode
              : undefined;
      const maxLength =
        field.type === "text"
          ? (field.maxLength ?? 200)
          : field.type === "date"
            ? 10
            : field.type === "number"
              ? 20
              : field.type === "email"
                ? 254
                : 40;
      const narrow =
        field.type === "number" ||
        field.type === "date" ||
        field.type === "personnummer" ||
        field.type === "organisationsnummer" ||
        field.type === "phone";
      return (
        <Wrapper ctx={ctx} field={field} path={path} invalid={d.invalid}>
          <Label ctx={ctx} field={field} htmlFor={id} />
          <Hint ctx={ctx} field={field} id={d.hintId} extra={condition} />
          <ErrorMessage ctx={ctx} id={d.errorId} message={d.message} />
          <span className="input-with-unit">
            <input
              id={id}
              type={type}
              defaultValue={firstEntry(ctx, name)}
              inputMode={inputMode}
              maxLength={maxLength}
              autoComplete={
                field.autocomplete ?? (field.type === "email" ? "email" : field.type === "phone" ? "tel" : "off")
              }
              spellCheck={field.type === "email" ? false : undefined}
              className={narrow ? "input--width-10" : undefined}
              placeholder={field.type === "date" ? ctx.t("eservice:form.datePlaceholder") : undefined}
              {...common}
              {...ctx.register(name)}
              name={name}
            />
            {field.type === "number" && field.unitKey ? (
              <span className="input-unit"> {ctx.t(tk(field.unitKey))}</span>
            ) : null}
          </span>
        </Wrapper>
      );
    }
    case "textarea":
      return (
        <Wrapper ctx={ctx} field={field} path={path} invalid={d.invalid}>
          <Label ctx={ctx} field={field} htmlFor={id} />
          <Hint ctx={ctx} field={field} id={d.hintId} extra={condition} />
          <ErrorMessage ctx={ctx} id={d.errorId} message={d.message} />
          <textarea
            id={id}
            rows={field.rows ?? 5}
            maxLength={field.maxLength ?? 4000}
            defaultValue={firstEntry(ctx, name)}
            {...common}
            {...ctx.register(name)}
            name={name}
          />
        </Wrapper>
      );
    case "choice": {
      const chosen = firstEntry(ctx, name);
      if (field.display === "select") {
        return (
          <Wrapper ctx={ctx} field={field} path={path} invalid={d.invalid}>
            <Label ctx={ctx} field={field} htmlFor={id} />
            <Hint ctx={ctx} field={field} id={d.hintId} extra={condition} />
            <ErrorMessage ctx={ctx} id={d.errorId} message={d.message} />
            <select id={id} defaultValue={chosen} {...common} {...ctx.register(name)} name={name}>
              <option value="">{ctx.t("eservice:form.selectPlaceholder")}</option>
              {field.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label ?? ctx.t(tk(o.labelKey))}
                </option>
              ))}
            </select>
          </Wrapper>
        );
      }
      return (
        <Wrapper ctx={ctx} field={field} path={path} invalid={d.invalid}>
          <fieldset aria-describedby={d.describedBy}>
            <Legend ctx={ctx} field={field} />
            <Hint ctx={ctx} field={field} id={d.hintId} extra={condition} />
            <ErrorMessage ctx={ctx} id={d.errorId} message={d.message} />
            <div className="choices">
              {field.options.map((o, i) => {
                const optionId = i === 0 ? id : `${id}-${o.value}`;
                return (
                  <div key={o.value}>
                    <label htmlFor={optionId}>
                      <input
                        id={optionId}
                        type="radio"
                        value={o.value}
                        defaultChecked={chosen === o.value}
                        {...ctx.register(name)}
                        name={name}
                      />
                      <span>
                        {o.label ?? ctx.t(tk(o.labelKey))}
                        {o.hintKey ? <span className="field__hint">{ctx.t(tk(o.hintKey))}</span> : null}
                      </span>
                    </label>
                  </div>
                );
              })}
            </div>
          </fieldset>
        </Wrapper>
      );
    }
    case "multichoice": {
      const chosen = new Set(ctx.entries.get(name) ?? []);
      return (
        <Wrapper ctx={ctx} field={field} path={path} invalid={d.invalid}>
          <fieldset aria-describedby={d.describedBy}>
            <Legend ctx={ctx} field={field} />
            <Hint ctx={ctx} field={field} id={d.hintId} extra={condition} />
            <ErrorMessage ctx={ctx} id={d.errorId} message={d.message} />
            <div className="choices">
              {field.options.map((o, i) => {
                const optionId = i === 0 ? id : `${id}-${o.value}`;
                return (
                  <div key={o.value}>
                    <label htmlFor={optionId}>
                      <input
                        id={optionId}
                        type="checkbox"
                        value={o.value}
                        defaultChecked={chosen.has(o.value)}
                        {...ctx.register(name)}
                        name={name}
                      />
                      <span>
                        {o.label ?? ctx.t(tk(o.labelKey))}
                        {o.hintKey ? <span className="field__hint">{ctx.t(tk(o.hintKey))}</span> : null}
                      </span>
                    </label>
                  </div>
                );
              })}
            </div>
          </fieldset>
        </Wrapper>
      );
    }
    case "yesno": {
      const chosen = firstEntry(ctx, name);
      return (
        <Wrapper ctx={ctx} field={field} path={path} invalid={d.invalid}>
          <fieldset aria-describedby={d.describedBy}>
            <Legend ctx={ctx} field={field} />
            <Hint ctx={ctx} field={field} id={d.hintId} extra={condition} />
            <ErrorMessage ctx={ctx} id={d.errorId} message={d.message} />
            <div className="choices choices--inline">
              {(["yes", "no"] as const).map((v, i) => (
                <div key={v}>
                  <label htmlFor={i === 0 ? id : `${id}-${v}`}>
                    <input
                      id={i === 0 ? id : `${id}-${v}`}
                      type="radio"
                      value={v}
                      defaultChecked={chosen === v}
                      {...ctx.register(name)}
                      name={name}
                    />
                    <span>{ctx.t(`forms:common.${v}`)}</span>
                  </label>
                </div>
              ))}
            </div>
          </fieldset>
        </Wrapper>
      );
    }
    case "address": {
      const partErrors = ADDRESS_PARTS.map(
        (p) => [p, ctx.errors[`${path}.${p}`] ?? (p === "street" ? ctx.errors[path] : undefined)] as const,
      );
      const anyError = partErrors.some(([, e]) => e);
      const auto: Record<string, string> = {
        street: "street-address",
        postalCode: "postal-code",
        town: "address-level2",
      };
      return (
        <Wrapper ctx={ctx} field={field} path={path} invalid={anyError}>
          <fieldset aria-describedby={d.hintId}>
            <Legend ctx={ctx} field={field} />
            <Hint ctx={ctx} field={field} id={d.hintId} extra={condition} />
            {partErrors.map(([part, error]) => {
              const partPath = `${path}.${part}`;
              const partId = fieldDomId(partPath);
              const errorId = error ? `${partId}-error` : undefined;
              return (
                <div className="field field--part" key={part}>
                  <label htmlFor={partId}>{ctx.t(`forms:common.address.${part}`)}</label>
                  {error ? (
                    <span className="field__error" id={errorId}>
                      <span className="visually-hidden">{ctx.t("eservice:form.errorPrefix")} </span>
                      {errorText(ctx, ctx.errors[partPath] ? partPath : path, error)}
                    </span>
                  ) : null}
                  <input
                    id={partId}
                    type="text"
                    defaultValue={firstEntry(ctx, partPath)}
                    autoComplete={auto[part]}
                    inputMode={part === "postalCode" ? "numeric" : undefined}
                    maxLength={part === "street" ? 100 : part === "postalCode" ? 10 : 60}
                    className={part === "postalCode" ? "input--width-10" : undefined}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={errorId}
                    {...ctx.register(partPath)}
                    name={partPath}
                  />
                </div>
              );
            })}
          </fieldset>
        </Wrapper>
      );
    }
    case "file": {
      const stored = ctx.files[field.name] ?? [];
      const limits = ctx.t("forms:common.file.limits", {
        maxFiles: field.maxFiles,
        maxSize: formatBytes(field.maxBytes),
        types: describeTypes(field.accept),
      });
      return (
        <Wrapper ctx={ctx} field={field} path={path} invalid={d.invalid}>
          <Label ctx={ctx} field={field} htmlFor={id} />
          <span className="field__hint" id={`${id}-hint`}>
            {field.hintKey ? `${ctx.t(tk(field.hintKey))} ` : null}
            {limits}
            {condition ? ` ${condition}` : null}
          </span>
          <ErrorMessage ctx={ctx} id={d.errorId} message={d.message} />
          {stored.length > 0 ? (
            <>
              <p className="field__hint">{ctx.t("forms:common.file.uploaded")}</p>
              <ul className="file-list">
                {stored.map((f) => (
                  <li key={f.id}>
                    <input type="hidden" name={name} value={f.id} />
                    <a href={`/bilagor/${f.id}`}>{f.name}</a> ({formatBytes(f.size)}){" "}
                    <button
                      type="submit"
                      name="_action"
                      value={`removeFile:${field.name}:${f.id}`}
                      className="link-button"
                      formNoValidate
                    >
                      {ctx.t("forms:common.file.remove", { name: f.name })}
                    </button>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {stored.length < field.maxFiles ? (
            <input
              id={id}
              type="file"
              multiple={field.maxFiles - stored.length > 1}
              accept={field.accept.join(",")}
              aria-invalid={d.invalid}
              aria-describedby={[`${id}-hint`, d.errorId].filter(Boolean).join(" ")}
              {...ctx.register(name)}
              name={name}
            />
          ) : null}
        </Wrapper>
      );
    }
    case "group":
      return <GroupView ctx={ctx} field={field} path={path} />;
    default: {
      const unknown: never = field;
      throw new Error(`No renderer for field type ${(unknown as Field).type}`);
    }
  }
}

function GroupView({ ctx, field, path }: { ctx: FieldContext; field: GroupField; path: string }) {
  const count = ctx.groupCounts[field.name] ?? Math.max(field.min, 1);
  const groupError = ctx.errors[path];
  const id = fieldDomId(path);
  const condition = ctx.conditionText(field);
  return (
    <div
      className={`field${groupError ? " field--error" : ""}`}
      hidden={!ctx.isVisible(field, path) || undefined}
      data-field={path}
    >
      <h3 id={id} tabIndex={-1}>
        {ctx.t(tk(field.labelKey))}
        {!field.required ? <span className="field__optional"> {ctx.t("forms:common.optional")}</span> : null}
      </h3>
      {field.hintKey || condition ? (
        <p className="field__hint">
          {field.hintKey ? ctx.t(tk(field.hintKey)) : null} {condition}
        </p>
      ) : null}
      {groupError ? (
        <p className="field__error" id={`${id}-error`}>
          <span className="visually-hidden">{ctx.t("eservice:form.errorPrefix")} </span>
          {errorText(ctx, path, groupError)}
        </p>
      ) : null}
      {Array.from({ length: count }, (_, i) => (
        <fieldset className="group-item" key={i}>
          <legend>{ctx.t(tk(field.itemLabelKey), { number: i + 1 })}</legend>
          {field.fields.map((child) => (
            <FieldView key={child.name} ctx={ctx} field={child} path={`${path}.${i}.${child.name}`} />
          ))}
          {count > field.min ? (
            <button
              type="submit"
              name="_action"
              value={`remove:${field.name}:${i}`}
              className="button button--secondary"
              formNoValidate
            >
              {ctx.t("forms:common.group.remove")}
              <span className="visually-hidden"> {ctx.t(tk(field.itemLabelKey), { number: i + 1 })}</span>
            </button>
          ) : null}
        </fieldset>
      ))}
      {count < field.max ? (
        <button
          type="submit"
          name="_action"
          value={`add:${field.name}`}
          className="button button--secondary"
          formNoValidate
        >
          {ctx.t(tk(field.addLabelKey))}
        </button>
      ) : null}
    </div>
  );
}
