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
  requireDesigner,
  SIMPLE_FIELD_TYPES,
} from "~/services/eservice-definitions.server";
import { readForm } from "~/services/multipart.server";
import { SENSITIVITIES } from "../../forms/types";
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
  return { title: `${t("eservices.design.title")}: ${formId}`, formId, ...view };
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
    const value = Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v).slice(0, 64 * 1024)]));
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

function FieldAdder({
  prefix,
  value,
  errors,
}: {
  prefix: string;
  value: Record<string, string>;
  errors: Record<string, string>;
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
        options={SIMPLE_FIELD_TYPES.map((v) => ({ value: v, label: t(`eservices.types.${v}`) }))}
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
          value={value.intent === "add-field" ? value : {}}
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
