import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireCsrf } from "~/auth/csrf.server";
import { requireStaffUser } from "~/auth/guards.server";
import { DocumentErrors } from "~/components/editor/DocumentErrors";
import { EditorField, EditorSelect } from "~/components/editor/ItemFields";
import { CsrfField } from "~/components/ui/CsrfField";
import { getFixedT } from "~/i18n/i18n.server";
import {
  applyDesignerForm,
  getDesignView,
  GROUP_CHILD_TYPES,
  requireDesigner,
  SIMPLE_FIELD_TYPES,
  subjectCandidates,
} from "~/services/eservice-definitions.server";
import { listMunicipalities } from "~/services/municipalities.server";
import { readForm } from "~/services/multipart.server";
import type { DefinitionDocument } from "../../forms/document";
import { ADMINISTRATION_SLUGS, SENSITIVITIES } from "../../forms/types";
import { AREAS } from "~/domain/areas";
import { ADMINISTRATION_KEY, AREA_KEY, CHOICE_DISPLAY_KEY, DIARIUM_MODE_KEY } from "~/i18n/keys";
import { redirectWithFlash } from "~/utils/flash.server";
import { formatDate } from "~/utils/format";
import type { RouteHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";
import editorStyles from "~/styles/editor.css";

export const meta = pageMeta;
export const links: LinksFunction = () => [{ rel: "stylesheet", href: editorStyles }];
export const handle: RouteHandle = {
  i18n: ["auth", "editor"],
  breadcrumb: (match) => [
    { labelKey: "auth:staffHome.title", href: "/personal" },
    { labelKey: "editor:eservices.title", href: "/redaktor/e-tjanster" },
    { label: (match.data as { formId?: string } | undefined)?.formId ?? "", href: match.pathname },
  ],
};

/** One e-service in the designer (decision 075): its draft, the history; 403 (audited) outside the scope. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaffUser(request);
  requireDesigner(user);
  const formId = params.id ?? "";
  const view = getDesignView(user, formId);
  const t = getFixedT(request, "editor");
  return {
    title: `${t("eservices.design.title")}: ${formId}`,
    formId,
    ...view,
    subjectCandidates: subjectCandidates(view.document.definition).map((c) => c.name),
    municipalities: listMunicipalities().map((m) => ({ id: m.id, slug: m.slug, name: m.name })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaffUser(request);
  requireDesigner(user);
  const formId = params.id ?? "";
  getDesignView(user, formId); // 404 / 403 (audited) before the body is read
  const form = await readForm(request);
  await requireCsrf(request, form);
  const errors = applyDesignerForm(user, formId, form);
  if (errors) {
    const value: Record<string, string> = Object.fromEntries(
      [...form.entries()].map(([k, v]) => [k, String(v).slice(0, 64 * 1024)]),
    );
    // Ticked municipalities come back as one list (a checkbox group posts the name repeatedly).
    if (form.has("offering")) value.offeredBy = form.getAll("offeredBy").map(String).join(",");
    return Response.json({ errors, value }, { status: 400 });
  }
  const published = String(form.get("intent")) === "publish";
  return redirectWithFlash(
    `/redaktor/e-tjanster/${formId}`,
    published ? "editor:eservices.flash.published" : "editor:eservices.flash.saved",
  );
}

type Texts = Record<string, unknown>;
const text = (tree: Texts, ...path: string[]): string => {
  let node: unknown = tree;
  for (const p of path) node = node && typeof node === "object" ? (node as Texts)[p] : undefined;
  return typeof node === "string" ? node : "";
};

/** The posted values of an adder whose inputs carry a prefix, by their unprefixed names. */
const prefixed = (value: Record<string, string>, prefix: string) =>
  Object.fromEntries(
    Object.entries(value).flatMap(([k, v]) => (k.startsWith(prefix) ? [[k.slice(prefix.length), v]] : [])),
  );

function FieldAdder({
  prefix,
  value,
  errors,
  types = SIMPLE_FIELD_TYPES,
}: {
  prefix: string;
  value: Record<string, string>;
  errors: Record<string, string>;
  types?: readonly string[];
}) {
  const { t } = useTranslation("editor");
  const err = (k: string) => (errors[k] ? `eservices.errors.${errors[k]}` : undefined);
  return (
    <>
      <EditorField
        id={`${prefix}fieldName`}
        label={t("eservices.fields.fieldName")}
        hint={t("eservices.fields.fieldNameHint")}
        error={err("fieldName")}
        kind="line"
        value={value.fieldName ?? ""}
        required
      />
      <EditorSelect
        id={`${prefix}fieldType`}
        label={t("eservices.fields.fieldType")}
        error={err("fieldType")}
        value={value.fieldType ?? "text"}
        options={types.map((v) => ({ value: v, label: t(`eservices.types.${v}`) }))}
        required
      />
      <div className="bilingual">
        <EditorField
          id={`${prefix}fieldLabelSv`}
          label={`${t("eservices.fields.fieldLabel")} (${t("lang.short.sv")})`}
          error={err("fieldLabelSv")}
          kind="line"
          lang="sv"
          value={value.fieldLabelSv ?? ""}
          required
        />
        <EditorField
          id={`${prefix}fieldLabelEn`}
          label={`${t("eservices.fields.fieldLabel")} (${t("lang.short.en")})`}
          error={err("fieldLabelEn")}
          kind="line"
          lang="en"
          value={value.fieldLabelEn ?? ""}
          required
        />
        <EditorField
          id={`${prefix}fieldHintSv`}
          label={`${t("eservices.fields.fieldHint")} (${t("lang.short.sv")})`}
          kind="line"
          lang="sv"
          value={value.fieldHintSv ?? ""}
        />
        <EditorField
          id={`${prefix}fieldHintEn`}
          label={`${t("eservices.fields.fieldHint")} (${t("lang.short.en")})`}
          kind="line"
          lang="en"
          value={value.fieldHintEn ?? ""}
        />
      </div>
      <div className="field">
        <input
          type="checkbox"
          id={`${prefix}fieldRequired`}
          name={`${prefix}fieldRequired`}
          defaultChecked={value.fieldRequired === "on"}
        />{" "}
        <label htmlFor={`${prefix}fieldRequired`}>{t("eservices.fields.fieldRequired")}</label>
      </div>
      <EditorField
        id={`${prefix}showIfField`}
        label={t("eservices.fields.showIfField")}
        hint={t("eservices.fields.showIfHint")}
        kind="line"
        value={value.showIfField ?? ""}
      />
      <EditorField
        id={`${prefix}showIfEquals`}
        label={t("eservices.fields.showIfEquals")}
        kind="line"
        value={value.showIfEquals ?? ""}
      />
      <div className="bilingual">
        <EditorField
          id={`${prefix}choicesSv`}
          label={`${t("eservices.fields.choices")} (${t("lang.short.sv")})`}
          hint={t("eservices.fields.choicesHint")}
          error={err("choicesSv")}
          kind="text"
          lang="sv"
          value={value.choicesSv ?? ""}
        />
        <EditorField
          id={`${prefix}choicesEn`}
          label={`${t("eservices.fields.choices")} (${t("lang.short.en")})`}
          hint={t("eservices.fields.choicesHint")}
          error={err("choicesEn")}
          kind="text"
          lang="en"
          value={value.choicesEn ?? ""}
        />
      </div>
      <EditorSelect
        id={`${prefix}choiceDisplay`}
        label={t("eservices.fields.choiceDisplay")}
        value={value.choiceDisplay ?? "radio"}
        options={(["radio", "select"] as const).map((v) => ({ value: v, label: t(CHOICE_DISPLAY_KEY[v]) }))}
        required
      />
      {types.includes("file") ? (
        <>
          <EditorField
            id={`${prefix}fileAccept`}
            label={t("eservices.fields.fileAccept")}
            hint={t("eservices.fields.fileAcceptHint")}
            kind="line"
            value={value.fileAccept ?? ""}
          />
          <EditorField
            id={`${prefix}fileMaxMb`}
            label={t("eservices.fields.fileMaxMb")}
            error={err("fileMaxMb")}
            kind="line"
            value={value.fileMaxMb ?? "10"}
          />
          <EditorField
            id={`${prefix}fileMaxFiles`}
            label={t("eservices.fields.fileMaxFiles")}
            error={err("fileMaxFiles")}
            kind="line"
            value={value.fileMaxFiles ?? "3"}
          />
        </>
      ) : null}
      {types.includes("group") ? (
        <EditorField
          id={`${prefix}groupMax`}
          label={t("eservices.fields.groupMax")}
          hint={t("eservices.fields.groupMaxHint")}
          error={err("groupMax")}
          kind="line"
          value={value.groupMax ?? "10"}
        />
      ) : null}
    </>
  );
}

/**
 * Who offers the e-service (decision 114): all municipalities (only for a shared e-service) or
 * the ones ticked, the owner among them. Radio buttons and checkboxes: no JavaScript needed.
 */
function Offering({
  municipalities,
  owner,
  offeredBy,
  value,
  errors,
}: {
  municipalities: Array<{ id: number; slug: string; name: string }>;
  owner: number | null;
  offeredBy: "shared" | readonly string[];
  value: Record<string, string>;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation("editor");
  const mode = value.offering ?? (offeredBy === "shared" ? "shared" : "list");
  const ticked = new Set(
    value.offering !== undefined
      ? (value.offeredBy ?? "").split(",")
      : offeredBy === "shared"
        ? municipalities.map((m) => m.slug)
        : offeredBy,
  );
  const code = errors.offering ?? errors.offeredBy;
  const error = code ? `eservices.errors.${code}` : undefined;
  const ownerName = municipalities.find((m) => m.id === owner)?.name;
  return (
    <fieldset
      className={`editor-fieldset${error ? " field--error" : ""}`}
      id="offering"
      tabIndex={-1}
      aria-describedby={`offering-hint${error ? " offering-error" : ""}`}
    >
      <legend>{t("eservices.fields.offering")}</legend>
      <p className="field__hint" id="offering-hint">
        {ownerName ? t("eservices.fields.offeringOwnedHint", { owner: ownerName }) : t("eservices.fields.offeringHint")}
      </p>
      {error ? (
        <p className="field__error" id="offering-error">
          <span className="visually-hidden">{t("errorPrefix")} </span>
          {t(error)}
        </p>
      ) : null}
      {owner === null ? (
        <div className="field">
          <input type="radio" id="offering-shared" name="offering" value="shared" defaultChecked={mode === "shared"} />{" "}
          <label htmlFor="offering-shared">{t("eservices.fields.offeringShared")}</label>
        </div>
      ) : null}
      <div className="field">
        <input
          type="radio"
          id="offering-list"
          name="offering"
          value="list"
          defaultChecked={mode !== "shared" || owner !== null}
        />{" "}
        <label htmlFor="offering-list">{t("eservices.fields.offeringList")}</label>
      </div>
      <ul className="checkbox-list">
        {municipalities.map((m) => (
          <li key={m.slug}>
            <input
              type="checkbox"
              id={`offeredBy-${m.slug}`}
              name="offeredBy"
              value={m.slug}
              defaultChecked={ticked.has(m.slug)}
            />
            <label htmlFor={`offeredBy-${m.slug}`}>{m.name}</label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

/** A question inside a group, in the list of steps and questions. */
function ChildLine({ f, label }: { f: GroupDef["fields"][number]; label: string }) {
  const { t } = useTranslation("editor");
  return (
    <li>
      {label || f.name} ({t(`eservices.types.${f.type}`, { defaultValue: f.type })}
      {f.required ? `, ${t("eservices.design.required")}` : ""})
    </li>
  );
}

type DesignField = DefinitionDocument["definition"]["steps"][number]["fields"][number];
type GroupDef = Extract<DesignField, { type: "group" }>;

/**
 * One repeating group (decision 114): its limits and texts, its questions (texts, required,
 * moved and removed by buttons) and a new question, all in one form that works without
 * JavaScript; every button posts every text so nothing typed is lost.
 */
function GroupEditor({
  group,
  sv,
  en,
  value,
  errors,
}: {
  group: GroupDef;
  sv: Texts;
  en: Texts;
  value: Record<string, string>;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation("editor");
  const id = (k: string) => `g-${group.name}-${k}`;
  const err = (k: string) => (errors[k] ? `eservices.errors.${errors[k]}` : undefined);
  const langs = [
    { suffix: "Sv", lang: "sv", tree: sv },
    { suffix: "En", lang: "en", tree: en },
  ] as const;
  const adderErrors = Object.fromEntries(Object.entries(errors).filter(([k]) => !k.startsWith("g-")));
  return (
    <section aria-labelledby={id("title")}>
      <h2 id={id("title")}>
        {t("eservices.design.groupOf", { question: text(sv, "fields", group.name, "label") || group.name })}
      </h2>
      <Form method="post" className="editor-form" noValidate>
        <CsrfField />
        <EditorField
          id={id("min")}
          label={t("eservices.fields.groupMin")}
          error={err(id("min"))}
          kind="line"
          value={value[id("min")] ?? String(group.min)}
          required
        />
        <EditorField
          id={id("max")}
          label={t("eservices.fields.groupMax")}
          hint={t("eservices.fields.groupMaxHint")}
          error={err(id("max"))}
          kind="line"
          value={value[id("max")] ?? String(group.max)}
          required
        />
        <div className="bilingual">
          {(["item", "add"] as const).flatMap((key) =>
            langs.map(({ suffix, lang, tree }) => (
              <EditorField
                key={`${key}${suffix}`}
                id={id(`${key}${suffix}`)}
                label={`${key === "item" ? t("eservices.fields.group_item") : t("eservices.fields.group_add")} (${t(`lang.short.${lang}`)})`}
                hint={
                  key === "item"
                    ? t("eservices.fields.group_itemHint", {
                        open: "{{",
                        close: "}}",
                        interpolation: { escapeValue: false },
                      })
                    : undefined
                }
                error={err(id(`${key}${suffix}`))}
                kind="line"
                lang={lang}
                value={value[id(`${key}${suffix}`)] ?? text(tree, "fields", group.name, key)}
                required
              />
            )),
          )}
        </div>
        {err(id("questions")) ? (
          <p className="field__error" role="alert">
            {t(err(id("questions"))!)}
          </p>
        ) : null}
        <ol className="designer-choices">
          {group.fields.map((f, i) => (
            <li key={f.name}>
              <fieldset>
                <legend>
                  {t("eservices.design.groupQuestion", {
                    name: f.name,
                    type: t(`eservices.types.${f.type}`, { defaultValue: f.type }),
                  })}
                </legend>
                <div className="bilingual">
                  {langs.map(({ suffix, lang, tree }) => (
                    <EditorField
                      key={suffix}
                      id={id(`q-${i}-${suffix}`)}
                      label={`${t("eservices.fields.fieldLabel")} ${f.name} (${t(`lang.short.${lang}`)})`}
                      error={err(id(`q-${i}-${suffix}`))}
                      kind="line"
                      lang={lang}
                      value={value[id(`q-${i}-${suffix}`)] ?? text(tree, "fields", f.name, "label")}
                      required
                    />
                  ))}
                </div>
                <div className="field">
                  <input
                    type="checkbox"
                    id={id(`q-${i}-required`)}
                    name={id(`q-${i}-required`)}
                    defaultChecked={value.intent ? value[id(`q-${i}-required`)] === "on" : f.required}
                  />{" "}
                  <label htmlFor={id(`q-${i}-required`)}>
                    {t("eservices.fields.fieldRequired")}
                    <span className="visually-hidden"> {f.name}</span>
                  </label>
                </div>
                <EditorField
                  id={id(`q-${i}-showIfField`)}
                  label={`${t("eservices.fields.showIfField")} (${f.name})`}
                  hint={t("eservices.fields.showIfHint")}
                  error={err(id(`q-${i}-showIfField`))}
                  kind="line"
                  value={value[id(`q-${i}-showIfField`)] ?? f.showIf?.field ?? ""}
                />
                <EditorField
                  id={id(`q-${i}-showIfEquals`)}
                  label={`${t("eservices.fields.showIfEquals")} (${f.name})`}
                  kind="line"
                  value={
                    value[id(`q-${i}-showIfEquals`)] ??
                    (f.showIf ? [f.showIf.equals].flat().map(String).join(", ") : "")
                  }
                />
                <button
                  type="submit"
                  name="intent"
                  value={`group:${group.name}:up:${i}`}
                  className="button button--secondary"
                  disabled={i === 0}
                >
                  {t("eservices.design.up")}
                  <span className="visually-hidden"> {f.name}</span>
                </button>{" "}
                <button
                  type="submit"
                  name="intent"
                  value={`group:${group.name}:down:${i}`}
                  className="button button--secondary"
                  disabled={i === group.fields.length - 1}
                >
                  {t("eservices.design.down")}
                  <span className="visually-hidden"> {f.name}</span>
                </button>{" "}
                <button
                  type="submit"
                  name="intent"
                  value={`group:${group.name}:remove:${i}`}
                  className="button button--secondary"
                >
                  {t("eservices.design.removeQuestion")}
                  <span className="visually-hidden"> {f.name}</span>
                </button>
              </fieldset>
            </li>
          ))}
        </ol>
        <button type="submit" name="intent" value={`group:${group.name}:save`} className="button">
          {t("eservices.design.saveGroup")}
        </button>
        <fieldset className="editor-fieldset">
          <legend>{t("eservices.design.addToGroup")}</legend>
          <FieldAdder
            prefix={id("")}
            value={value.intent === `group:${group.name}:add` ? prefixed(value, id("")) : {}}
            errors={value.intent === `group:${group.name}:add` ? adderErrors : {}}
            types={GROUP_CHILD_TYPES}
          />
          <button type="submit" name="intent" value={`group:${group.name}:add`} className="button button--secondary">
            {t("eservices.design.addToGroup")}
          </button>
        </fieldset>
      </Form>
    </section>
  );
}

export default function EserviceDesigner() {
  const d = useLoaderData<typeof loader>();
  const data = useActionData<{ errors: Record<string, string>; value: Record<string, string> }>();
  const { t } = useTranslation("editor");
  const errors = data?.errors ?? {};
  const value = data?.value ?? {};
  const sv = d.document.texts.sv as Texts;
  const en = d.document.texts.en as Texts;
  const def = d.document.definition;
  const err = (k: string) =>
    errors[k]
      ? /^[a-zA-Z]+$/.test(errors[k]!)
        ? `eservices.errors.${errors[k]}`
        : "eservices.errors.document"
      : undefined;
  return (
    <>
      <h1>{text(sv, "title") || d.formId}</h1>
      <p>{t("eservices.design.versionLine", { version: d.version, status: t(`eservices.status.${d.status}`) })}</p>
      <p>
        <Link to={`/redaktor/e-tjanster/${d.formId}/forhandsvisning`}>{t("eservices.design.preview")}</Link>
        {" · "}
        <a href={`/redaktor/e-tjanster/${d.formId}/export`} download>
          {t("eservices.design.export")}
        </a>
      </p>
      <DocumentErrors errors={errors} />

      <h2>{t("eservices.design.texts")}</h2>
      <Form method="post" className="editor-form" noValidate>
        <CsrfField />
        <div className="bilingual">
          {(["title", "description", "instructions", "receipt"] as const).map((key) =>
            (["sv", "en"] as const).map((lang) => {
              const id = `${key}${lang === "sv" ? "Sv" : "En"}`;
              return (
                <EditorField
                  key={id}
                  id={id}
                  label={`${t(`eservices.fields.${key}`)} (${t(`lang.short.${lang}`)})`}
                  error={err(id)}
                  kind={key === "title" ? "line" : "text"}
                  lang={lang}
                  value={value[id] ?? text(lang === "sv" ? sv : en, key)}
                  required={key !== "receipt"}
                />
              );
            }),
          )}
        </div>
        <div className="field">
          <input type="checkbox" id="requiresLogin" name="requiresLogin" defaultChecked={def.requiresLogin} />{" "}
          <label htmlFor="requiresLogin">{t("eservices.fields.requiresLogin")}</label>
        </div>
        <EditorSelect
          id="sensitivity"
          label={t("eservices.fields.sensitivity")}
          value={def.sensitivity}
          options={SENSITIVITIES.map((v) => ({ value: v, label: t(`eservices.sensitivity.${v}`) }))}
        />
        <EditorField
          id="processingDays"
          label={t("eservices.fields.processingDays")}
          error={err("processingDays")}
          kind="line"
          value={value.processingDays ?? String(def.processingDays)}
          required
        />
        <button type="submit" name="intent" value="texts" className="button">
          {t("eservices.design.saveTexts")}
        </button>
      </Form>

      <h2>{t("eservices.design.steps")}</h2>
      <Form method="post" noValidate>
        <CsrfField />
        <ol className="designer-steps">
          {def.steps.map((s, i) => (
            <li key={s.id}>
              <strong>{text(sv, "steps", s.id, "title") || s.id}</strong> /{" "}
              <span lang="en">{text(en, "steps", s.id, "title")}</span>
              <ul>
                {s.fields.map((f) => (
                  <li key={f.name}>
                    {text(sv, "fields", f.name, "label") || f.name} (
                    {t(`eservices.types.${f.type}`, { defaultValue: f.type })}
                    {f.required ? `, ${t("eservices.design.required")}` : ""}
                    {f.showIf ? `, ${t("eservices.design.condition", { field: f.showIf.field })}` : ""})
                    {f.type === "group" ? (
                      <ul>
                        {f.fields.map((child) => (
                          <ChildLine key={child.name} f={child} label={text(sv, "fields", child.name, "label")} />
                        ))}
                      </ul>
                    ) : null}
                  </li>
                ))}
              </ul>
              <button
                type="submit"
                name="intent"
                value={`up:${s.id}`}
                className="button button--secondary"
                disabled={i === 0}
              >
                {t("eservices.design.up")}
                <span className="visually-hidden"> {s.id}</span>
              </button>{" "}
              <button
                type="submit"
                name="intent"
                value={`down:${s.id}`}
                className="button button--secondary"
                disabled={i === def.steps.length - 1}
              >
                {t("eservices.design.down")}
                <span className="visually-hidden"> {s.id}</span>
              </button>{" "}
              <button type="submit" name="intent" value={`remove:${s.id}`} className="button button--secondary">
                {t("eservices.design.remove")}
                <span className="visually-hidden"> {s.id}</span>
              </button>
            </li>
          ))}
        </ol>
      </Form>

      <h2>{t("eservices.design.handling")}</h2>
      <Form method="post" className="editor-form" noValidate>
        <CsrfField />
        <EditorSelect
          id="administration"
          label={t("eservices.fields.administration")}
          error={err("administration")}
          value={value.administration ?? def.administration}
          options={ADMINISTRATION_SLUGS.map((v) => ({ value: v, label: t(ADMINISTRATION_KEY[v]) }))}
          required
        />
        <Offering
          municipalities={d.municipalities}
          owner={d.owner}
          offeredBy={def.offeredBy}
          value={value.intent === "handling" ? value : {}}
          errors={value.intent === "handling" ? errors : {}}
        />
        <EditorSelect
          id="caseType"
          label={t("eservices.fields.caseType")}
          error={err("caseType")}
          value={value.caseType ?? def.caseType}
          options={AREAS.map((v) => ({ value: v, label: t(AREA_KEY[v]) }))}
          required
        />
        <div className="field">
          <input type="checkbox" id="requiresEid" name="requiresEid" defaultChecked={def.requiresEid === true} />{" "}
          <label htmlFor="requiresEid">{t("eservices.fields.requiresEid")}</label>
        </div>
        <EditorSelect
          id="diarium"
          label={t("eservices.fields.diarium")}
          error={err("diarium")}
          value={value.diarium ?? (typeof def.diarium === "object" ? "subject" : def.diarium)}
          options={(["masked", "secret", "subject"] as const).map((v) => ({
            value: v,
            label: t(DIARIUM_MODE_KEY[v]),
          }))}
          required
        />
        <EditorField
          id="diariumAnswers"
          label={t("eservices.fields.diariumAnswers")}
          hint={t("eservices.fields.diariumAnswersHint", {
            names: d.subjectCandidates.join(", ") || "–",
          })}
          error={err("diariumAnswers")}
          kind="line"
          value={
            value.diariumAnswers ?? (typeof def.diarium === "object" ? def.diarium.subject.answers.join(", ") : "")
          }
        />
        <div className="bilingual">
          {(["sv", "en"] as const).map((lang) => {
            const id = `diariumTemplate${lang === "sv" ? "Sv" : "En"}`;
            return (
              <EditorField
                key={id}
                id={id}
                label={`${t("eservices.fields.diariumTemplate")} (${t(`lang.short.${lang}`)})`}
                hint={t("eservices.fields.diariumTemplateHint", {
                  open: "{{",
                  close: "}}",
                  interpolation: { escapeValue: false },
                })}
                error={err(id)}
                kind="line"
                lang={lang}
                value={value[id] ?? text(lang === "sv" ? sv : en, "diarium", "subject")}
              />
            );
          })}
        </div>
        <button type="submit" name="intent" value="handling" className="button">
          {t("eservices.design.saveHandling")}
        </button>
      </Form>

      {def.steps
        .flatMap((s) => s.fields)
        .flatMap((f): Array<DesignField | GroupDef["fields"][number]> => (f.type === "group" ? [f, ...f.fields] : [f]))
        .flatMap((f) => (f.type === "multichoice" || (f.type === "choice" && !f.optionList) ? [f] : []))
        .map((f) => {
          const own = value.intent?.startsWith(`options:${f.name}:`) ? value : {};
          const ownErr = (k: string) => (value.intent?.startsWith(`options:${f.name}:`) ? err(k) : undefined);
          return (
            <section key={f.name} aria-labelledby={`choices-${f.name}`}>
              <h2 id={`choices-${f.name}`}>
                {t("eservices.design.choicesOf", { question: text(sv, "fields", f.name, "label") || f.name })}
              </h2>
              <Form method="post" className="editor-form" noValidate>
                <CsrfField />
                {ownErr("options") ? (
                  <p className="field__error" role="alert">
                    {t(ownErr("options")!)}
                  </p>
                ) : null}
                <ol className="designer-choices">
                  {f.options.map((o, i) => (
                    <li key={o.value}>
                      <fieldset>
                        <legend>{t("eservices.design.choice", { value: o.value })}</legend>
                        <div className="bilingual">
                          {(["Sv", "En"] as const).map((lang) => (
                            <EditorField
                              key={lang}
                              id={`c-${f.name}-opt-${i}-${lang}`}
                              label={`${t("eservices.fields.choiceText", { value: o.value })} (${lang === "Sv" ? t("lang.short.sv") : t("lang.short.en")})`}
                              error={ownErr(`c-${f.name}-opt-${i}-${lang}`)}
                              kind="line"
                              lang={lang === "Sv" ? "sv" : "en"}
                              value={
                                own[`c-${f.name}-opt-${i}-${lang}`] ??
                                text(lang === "Sv" ? sv : en, "fields", f.name, "options", o.value, "label")
                              }
                              required
                            />
                          ))}
                        </div>
                        <button
                          type="submit"
                          name="intent"
                          value={`options:${f.name}:up:${i}`}
                          className="button button--secondary"
                          disabled={i === 0}
                        >
                          {t("eservices.design.up")}
                          <span className="visually-hidden"> {o.value}</span>
                        </button>{" "}
                        <button
                          type="submit"
                          name="intent"
                          value={`options:${f.name}:down:${i}`}
                          className="button button--secondary"
                          disabled={i === f.options.length - 1}
                        >
                          {t("eservices.design.down")}
                          <span className="visually-hidden"> {o.value}</span>
                        </button>{" "}
                        <button
                          type="submit"
                          name="intent"
                          value={`options:${f.name}:remove:${i}`}
                          className="button button--secondary"
                        >
                          {t("eservices.design.removeChoice")}
                          <span className="visually-hidden"> {o.value}</span>
                        </button>
                      </fieldset>
                    </li>
                  ))}
                </ol>
                <div className="bilingual">
                  {(["Sv", "En"] as const).map((lang) => (
                    <EditorField
                      key={lang}
                      id={`c-${f.name}-new-${lang}`}
                      label={`${t("eservices.fields.newChoice")} (${lang === "Sv" ? t("lang.short.sv") : t("lang.short.en")})`}
                      error={ownErr(`c-${f.name}-new-${lang}`)}
                      kind="line"
                      lang={lang === "Sv" ? "sv" : "en"}
                      value={own[`c-${f.name}-new-${lang}`] ?? ""}
                    />
                  ))}
                </div>
                <button type="submit" name="intent" value={`options:${f.name}:save`} className="button">
                  {t("eservices.design.saveChoices")}
                </button>{" "}
                <button
                  type="submit"
                  name="intent"
                  value={`options:${f.name}:add`}
                  className="button button--secondary"
                >
                  {t("eservices.design.addChoice")}
                </button>
              </Form>
            </section>
          );
        })}

      {def.steps
        .flatMap((s) => s.fields)
        .flatMap((f) => (f.type === "group" ? [f] : []))
        .map((g) => {
          const mine = value.intent?.startsWith(`group:${g.name}:`) === true;
          return (
            <GroupEditor key={g.name} group={g} sv={sv} en={en} value={mine ? value : {}} errors={mine ? errors : {}} />
          );
        })}

      <h2>{t("eservices.design.addStep")}</h2>
      <Form method="post" className="editor-form" noValidate>
        <CsrfField />
        <EditorField
          id="stepId"
          label={t("eservices.fields.stepId")}
          hint={t("eservices.fields.formIdHint")}
          error={err("stepId")}
          kind="line"
          value={value.stepId ?? ""}
          required
        />
        <div className="bilingual">
          <EditorField
            id="stepTitleSv"
            label={`${t("eservices.fields.stepTitle")} (${t("lang.short.sv")})`}
            error={err("stepTitleSv")}
            kind="line"
            lang="sv"
            value={value.stepTitleSv ?? ""}
            required
          />
          <EditorField
            id="stepTitleEn"
            label={`${t("eservices.fields.stepTitle")} (${t("lang.short.en")})`}
            error={err("stepTitleEn")}
            kind="line"
            lang="en"
            value={value.stepTitleEn ?? ""}
            required
          />
        </div>
        <FieldAdder
          prefix=""
          value={value.intent === "add-step" ? value : {}}
          errors={value.intent === "add-step" ? errors : {}}
        />
        <button type="submit" name="intent" value="add-step" className="button">
          {t("eservices.design.addStep")}
        </button>
      </Form>

      <h2>{t("eservices.design.addField")}</h2>
      <Form method="post" className="editor-form" noValidate>
        <CsrfField />
        <EditorSelect
          id="f-step"
          label={t("eservices.fields.step")}
          value={def.steps[0]?.id ?? ""}
          options={def.steps.map((s) => ({ value: s.id, label: text(sv, "steps", s.id, "title") || s.id }))}
          required
        />
        <FieldAdder
          prefix="f-"
          value={value.intent === "add-field" ? prefixed(value, "f-") : {}}
          errors={value.intent === "add-field" ? errors : {}}
        />
        <button type="submit" name="intent" value="add-field" className="button">
          {t("eservices.design.addField")}
        </button>
      </Form>

      <h2>{t("eservices.design.document")}</h2>
      <Form method="post" className="editor-form" noValidate>
        <CsrfField />
        <EditorField
          id="document"
          label={t("eservices.fields.document")}
          hint={t("eservices.fields.documentHint")}
          error={err("document")}
          kind="markdown"
          value={value.document ?? JSON.stringify(d.document, null, 2)}
        />
        <button type="submit" name="intent" value="json" className="button">
          {t("eservices.design.saveDocument")}
        </button>
      </Form>

      <h2>{t("eservices.design.publishTitle")}</h2>
      <Form method="post" noValidate>
        <CsrfField />
        <p>{t("eservices.design.publishLead")}</p>
        <button type="submit" name="intent" value="publish" className="button" disabled={d.status !== "draft"}>
          {t("eservices.design.publish")}
        </button>
      </Form>

      <h2>{t("eservices.design.history")}</h2>
      <p>
        <Link to={`/redaktor/e-tjanster/${d.formId}/historik`}>{t("eservices.design.historyLink")}</Link>
      </p>
      <div className="table-wrap">
        <table className="editor-items stack-narrow">
          <caption className="visually-hidden">{t("eservices.design.history")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("eservices.design.version")}</th>
              <th scope="col">{t("home.status")}</th>
              <th scope="col">{t("eservices.design.publishedAt")}</th>
            </tr>
          </thead>
          <tbody>
            {d.versions.map((v) => (
              <tr key={v.version}>
                <td>{v.version}</td>
                <td data-label={t("home.status")}>{t(`eservices.status.${v.status}`)}</td>
                <td data-label={t("eservices.design.publishedAt")}>
                  {v.publishedAt ? formatDate(v.publishedAt) : "–"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
