import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireCsrf } from "~/auth/csrf.server";
import { adminMunicipalities, requireStaff } from "~/auth/guards.server";
import { municipalityNames } from "~/auth/staff.server";
import { CsrfField } from "~/components/ui/CsrfField";
import { ErrorSummary, SelectField, TextField, type FieldErrors } from "~/components/ui/FormErrors";
import { AREAS, type Area } from "~/domain/areas";
import {
  APPEAL_ROUTES,
  appealText,
  LAW_SETUP,
  LAWS,
  PLACEHOLDERS,
  type AppealRoute,
  type Placeholder,
} from "~/domain/decisions";
import { DECISION_OUTCOMES } from "~/domain/statuses";
import { getFixedT } from "~/i18n/i18n.server";
import { AREA_KEY, DECISION_OUTCOME_KEY, keyOf, LAW_KEY } from "~/i18n/keys";
import { audit } from "~/platform/audit.server";
import {
  addHolder,
  decisionAdminView,
  exampleValues,
  parseTemplateForm,
  pickTarget,
  previewText,
  removeHolder,
  removePoint,
  saveBody,
  savePoint,
  saveTemplate,
  type Unknown,
} from "~/services/decision-admin.server";
import { readForm } from "~/services/multipart.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { formatDate } from "~/utils/format";
import type { RouteHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";

/**
 * /admin/beslut (issue 15 item 1, decision 083): per municipality × area the deciding body and
 * appeal route, the decision templates in Swedish and English with a preview from an invented
 * example case, the templates' history, and the delegation order. Municipal admins manage their
 * own municipality; every form is a full POST with the CSRF field and works without JavaScript.
 */
export const meta = pageMeta;
export const handle: RouteHandle = {
  i18n: ["auth", "backoffice", "decisions-admin"],
  breadcrumb: () => [
    { labelKey: "auth:staffHome.title", href: "/personal" },
    { labelKey: "decisions-admin:title", href: "/admin/beslut" },
  ],
};

const PLACEHOLDER_KEY = {
  reference: "placeholders.reference",
  applicant: "placeholders.applicant",
  date: "placeholders.date",
  property: "placeholders.property",
  child: "placeholders.child",
  municipality: "placeholders.municipality",
  body: "placeholders.body",
} as const satisfies Record<Placeholder, string>;

const HOLDER_ROLE_KEY = { officer: "holders.roleOfficer" } as const;

function targetOf(request: Request, form?: FormData) {
  const url = new URL(request.url);
  const get = (k: string) => {
    const v = form?.get(k);
    return typeof v === "string" ? v : url.searchParams.get(k);
  };
  return { kommun: get("kommun"), omrade: get("omrade") };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireStaff(request, "users.admin");
  const scope = adminMunicipalities(admin, "users.admin");
  const names = municipalityNames();
  const municipalities = (scope ?? [...names.keys()])
    .map((id) => ({ id, name: names.get(id) ?? "" }))
    .sort((a, b) => a.name.localeCompare(b.name, "sv"));
  const asked = targetOf(request);
  const target =
    pickTarget(scope, asked.kommun, asked.omrade) ??
    (municipalities[0] ? { municipalityId: municipalities[0].id, area: "allmant" as Area } : null);
  if (!target) throw new Response("Forbidden", { status: 403 });
  const view = decisionAdminView(target);
  const municipalityName = names.get(target.municipalityId) ?? "";
  const url = new URL(request.url);
  const editing = view.templates.find((t) => String(t.id) === url.searchParams.get("mall")) ?? null;
  const editingPoint = view.points.find((p) => String(p.id) === url.searchParams.get("punkt")) ?? null;
  const example = (lang: "sv" | "en") =>
    exampleValues({ municipalityName, area: target.area, body: lang === "sv" ? view.body.sv : view.body.en });
  return {
    title: getFixedT(request, "decisions-admin")("title"),
    municipalities,
    target: { ...target, municipalityName },
    ...view,
    editing,
    editingPoint,
    example: { sv: example("sv"), en: example("en") },
    previews: view.templates.map((t) => ({
      id: t.id,
      sv: previewText(t.textSv, example("sv")),
      en: previewText(t.textEn, example("en")),
    })),
  };
}

type ActionData = {
  intent: string;
  errors?: FieldErrors;
  unknown?: Unknown;
  values?: Record<string, string>;
  preview?: { sv: string; en: string };
};

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireStaff(request, "users.admin");
  const form = await readForm(request);
  await requireCsrf(request, form);
  const scope = adminMunicipalities(admin, "users.admin");
  const asked = targetOf(request, form);
  const target = pickTarget(scope, asked.kommun, asked.omrade);
  const intent = String(form.get("intent") ?? "").slice(0, 40);
  if (!target) {
    audit({
      actor: admin,
      action: "decision.admin",
      subjectType: "municipality",
      subjectId: String(asked.kommun ?? "").slice(0, 10),
      outcome: "refused",
      details: { intent, area: String(asked.omrade ?? "").slice(0, 20) },
    });
    throw new Response("Forbidden", { status: 403 });
  }
  const values = Object.fromEntries(
    [...form.entries()].filter(([k, v]) => typeof v === "string" && k !== "_csrf").map(([k, v]) => [k, String(v)]),
  );
  const id = (k: string) => {
    const n = Number(String(form.get(k) ?? "").slice(0, 12));
    return Number.isInteger(n) && n > 0 ? n : null;
  };
  let result: { ok: true } | { ok: false; errors: FieldErrors; unknown?: Unknown };
  switch (intent) {
    case "body":
      result = saveBody({ actor: admin, target, form });
      break;
    case "template":
    case "template-preview": {
      const parsed = parseTemplateForm(form);
      if (!parsed.ok) {
        result = parsed;
        break;
      }
      if (intent === "template-preview") {
        const names = municipalityNames();
        const view = decisionAdminView(target);
        const example = (body: string) =>
          exampleValues({ municipalityName: names.get(target.municipalityId) ?? "", area: target.area, body });
        return data<ActionData>({
          intent,
          values,
          preview: {
            sv: previewText(parsed.value.textSv, example(view.body.sv)),
            en: previewText(parsed.value.textEn, example(view.body.en)),
          },
        });
      }
      result = saveTemplate({ actor: admin, target, id: id("templateId"), value: parsed.value });
      break;
    }
    case "point":
      result = savePoint({ actor: admin, target, id: id("pointId"), form });
      break;
    case "point-remove":
      result = removePoint({ actor: admin, target, id: id("pointId") ?? 0 });
      break;
    case "holder-add":
      result = addHolder({
        actor: admin,
        target,
        pointId: id("pointId") ?? 0,
        holder: String(form.get("holder") ?? ""),
      });
      break;
    case "holder-remove":
      result = removeHolder({ actor: admin, target, id: id("holderId") ?? 0 });
      break;
    default:
      result = { ok: false, errors: { intent: "decisions-admin:errors.intent" } };
  }
  if (!result.ok)
    return data<ActionData>({ intent, errors: result.errors, unknown: result.unknown, values }, { status: 400 });
  return redirectWithFlash(
    `/admin/beslut?kommun=${target.municipalityId}&omrade=${target.area}`,
    "decisions-admin:flash.saved",
  );
}

function TextArea({
  name,
  label,
  error,
  extra,
  defaultValue,
  lang,
}: {
  name: string;
  label: string;
  error?: string;
  extra?: string;
  defaultValue?: string;
  lang: "sv" | "en";
}) {
  const { t } = useTranslation("decisions-admin");
  return (
    <div className={`field${error ? " field--error" : ""}`}>
      <label htmlFor={name}>{label}</label>
      {error ? (
        <span className="field__error" id={`${name}-error`}>
          <span className="visually-hidden">{t("auth:errors.prefix")} </span>
          {t(error)}
          {extra ? ` ${extra}` : ""}
        </span>
      ) : null}
      <textarea
        id={name}
        name={name}
        rows={6}
        lang={lang}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={[`placeholders-list`, error ? `${name}-error` : null].filter(Boolean).join(" ")}
      />
    </div>
  );
}

/** Hidden fields that keep the municipality × area on every form. */
function TargetFields({ target }: { target: { municipalityId: number; area: string } }) {
  return (
    <>
      <CsrfField />
      <input type="hidden" name="kommun" value={target.municipalityId} />
      <input type="hidden" name="omrade" value={target.area} />
    </>
  );
}

export default function AdminDecisions() {
  const d = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>() as ActionData | undefined;
  const { t } = useTranslation("decisions-admin");
  const errors = posted?.errors;
  const v = (intent: string | string[], key: string, fallback: string | null | undefined) =>
    posted && [intent].flat().includes(posted.intent) && posted.values ? (posted.values[key] ?? "") : (fallback ?? "");
  const routeLabel = (r: AppealRoute) => `${appealText(r, "sv").title} (${appealText(r, "sv").law})`;
  const base = `/admin/beslut?kommun=${d.target.municipalityId}&omrade=${d.target.area}`;
  const templateIntents = ["template", "template-preview"];
  const editingTemplate =
    posted && templateIntents.includes(posted.intent) ? (posted.values?.templateId ?? "") : String(d.editing?.id ?? "");
  // The laws this area decides under (decision 106); an area of one law shows no law select.
  const areaLaws = LAWS.filter((l) => LAW_SETUP[l].area === d.target.area);
  const nameOfTemplate = (id: number) => d.templates.find((tp) => tp.id === id)?.nameSv ?? String(id);
  return (
    <>
      <ErrorSummary
        errors={errors}
        order={[
          "bodySv",
          "bodyEn",
          "appealRoute",
          "templateId",
          "outcome",
          "templateAppealRoute",
          "templateLaw",
          "nameSv",
          "nameEn",
          "textSv",
          "textEn",
          "code",
          "titleSv",
          "titleEn",
          "pointId",
          "holder",
          "intent",
        ]}
      />
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>

      <Form method="get" reloadDocument aria-labelledby="choose-title" className="panel">
        <h2 id="choose-title">{t("choose.title")}</h2>
        <SelectField
          name="kommun"
          label={t("choose.municipality")}
          defaultValue={String(d.target.municipalityId)}
          options={d.municipalities.map((m) => ({ value: String(m.id), label: m.name }))}
        />
        <SelectField
          name="omrade"
          label={t("choose.area")}
          defaultValue={d.target.area}
          options={AREAS.map((a) => ({ value: a, label: t(AREA_KEY[a]) }))}
        />
        <button type="submit" className="button">
          {t("choose.show")}
        </button>
      </Form>

      <h2 id="body-title">
        {t("body.title", { municipality: d.target.municipalityName, area: t(AREA_KEY[d.target.area]) })}
      </h2>
      <p>{t("body.lead")}</p>
      <Form method="post" reloadDocument noValidate aria-labelledby="body-title" data-testid="body-form">
        <TargetFields target={d.target} />
        <div className="two-col">
          <TextField
            name="bodySv"
            label={t("body.sv")}
            error={errors?.bodySv}
            defaultValue={v("body", "bodySv", d.body.sv)}
          />
          <TextField
            name="bodyEn"
            label={t("body.en")}
            error={errors?.bodyEn}
            defaultValue={v("body", "bodyEn", d.body.en)}
          />
        </div>
        <SelectField
          name="appealRoute"
          label={t("body.appealRoute")}
          error={errors?.appealRoute}
          defaultValue={v("body", "appealRoute", d.body.appealRoute)}
          options={APPEAL_ROUTES.map((r) => ({ value: r, label: routeLabel(r) }))}
        />
        <details>
          <summary>{t("body.appealTexts")}</summary>
          <dl>
            {APPEAL_ROUTES.map((r) => (
              <div key={r}>
                <dt>{routeLabel(r)}</dt>
                <dd>{appealText(r, "sv").text}</dd>
              </div>
            ))}
          </dl>
        </details>
        <button type="submit" className="button" name="intent" value="body">
          {t("body.save")}
        </button>
      </Form>

      <h2 id="templates-title">{t("templates.title")}</h2>
      {d.templates.length === 0 ? (
        <p>{t("templates.none")}</p>
      ) : (
        <div className="table-wrap">
          <table data-testid="templates">
            <caption>{t("templates.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("templates.name")}</th>
                <th scope="col">{t("templates.outcome")}</th>
                <th scope="col">{t("templates.appealRoute")}</th>
                <th scope="col">{t("templates.law")}</th>
                <th scope="col">{t("templates.preview")}</th>
                <th scope="col">{t("templates.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {d.templates.map((tp) => (
                <tr key={tp.id} data-template={tp.id}>
                  <th scope="row">
                    {tp.nameSv}
                    <br />
                    <span lang="en">{tp.nameEn}</span>
                  </th>
                  <td>{t(DECISION_OUTCOME_KEY[tp.outcome])}</td>
                  <td>{tp.appealRoute ? routeLabel(tp.appealRoute) : t("templates.areaRoute")}</td>
                  <td>{tp.law ? t(LAW_KEY[tp.law]) : t("templates.anyLaw")}</td>
                  <td>
                    <p>{d.previews.find((p) => p.id === tp.id)?.sv}</p>
                    <p lang="en">{d.previews.find((p) => p.id === tp.id)?.en}</p>
                  </td>
                  <td>
                    <a href={`${base}&mall=${tp.id}#template-title`}>
                      {t("templates.edit")}
                      <span className="visually-hidden"> {tp.nameSv}</span>
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h3 id="template-title">{editingTemplate ? t("templates.editTitle") : t("templates.addTitle")}</h3>
      <div id="placeholders-list">
        <p>{t("templates.placeholdersLead")}</p>
        <ul>
          {PLACEHOLDERS.map((p) => (
            <li key={p}>
              <code>{`{${p}}`}</code> – {t(PLACEHOLDER_KEY[p])}
            </li>
          ))}
        </ul>
      </div>
      <Form method="post" reloadDocument noValidate aria-labelledby="template-title" data-testid="template-form">
        <TargetFields target={d.target} />
        {editingTemplate ? <input type="hidden" name="templateId" value={editingTemplate} /> : null}
        <SelectField
          name="outcome"
          label={t("templates.outcome")}
          error={errors?.outcome}
          defaultValue={v(templateIntents, "outcome", d.editing?.outcome)}
          options={DECISION_OUTCOMES.map((o) => ({ value: o, label: t(DECISION_OUTCOME_KEY[o]) }))}
        />
        <SelectField
          name="templateAppealRoute"
          label={t("templates.appealRoute")}
          error={errors?.templateAppealRoute}
          defaultValue={v(templateIntents, "templateAppealRoute", d.editing?.appealRoute)}
          options={[
            { value: "", label: t("templates.areaRoute") },
            ...APPEAL_ROUTES.map((r) => ({ value: r, label: routeLabel(r) })),
          ]}
        />
        {areaLaws.length > 0 ? (
          <SelectField
            name="templateLaw"
            label={t("templates.law")}
            error={errors?.templateLaw}
            defaultValue={v(templateIntents, "templateLaw", d.editing?.law ?? "")}
            options={[
              { value: "", label: t("templates.anyLaw") },
              ...areaLaws.map((l) => ({ value: l, label: t(LAW_KEY[l]) })),
            ]}
          />
        ) : null}
        <div className="two-col">
          <TextField
            name="nameSv"
            label={t("templates.nameSv")}
            error={errors?.nameSv}
            defaultValue={v(templateIntents, "nameSv", d.editing?.nameSv)}
          />
          <TextField
            name="nameEn"
            label={t("templates.nameEn")}
            error={errors?.nameEn}
            defaultValue={v(templateIntents, "nameEn", d.editing?.nameEn)}
          />
        </div>
        <div className="two-col">
          <TextArea
            name="textSv"
            lang="sv"
            label={t("templates.textSv")}
            error={errors?.textSv}
            extra={posted?.unknown?.textSv?.map((n) => `{${n}}`).join(", ")}
            defaultValue={v(templateIntents, "textSv", d.editing?.textSv)}
          />
          <TextArea
            name="textEn"
            lang="en"
            label={t("templates.textEn")}
            error={errors?.textEn}
            extra={posted?.unknown?.textEn?.map((n) => `{${n}}`).join(", ")}
            defaultValue={v(templateIntents, "textEn", d.editing?.textEn)}
          />
        </div>
        {posted?.preview ? (
          <section aria-labelledby="preview-title" className="panel" data-testid="template-preview">
            <h4 id="preview-title">{t("templates.previewTitle")}</h4>
            <p>{posted.preview.sv}</p>
            <p lang="en">{posted.preview.en}</p>
          </section>
        ) : null}
        <button type="submit" className="button button--secondary" name="intent" value="template-preview">
          {t("templates.previewButton")}
        </button>{" "}
        <button type="submit" className="button" name="intent" value="template">
          {t("templates.save")}
        </button>
      </Form>

      <h3 id="history-title">{t("history.title")}</h3>
      {d.history.length === 0 ? (
        <p>{t("history.none")}</p>
      ) : (
        <div className="table-wrap">
          <table data-testid="template-history">
            <caption>{t("history.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("history.at")}</th>
                <th scope="col">{t("history.who")}</th>
                <th scope="col">{t("history.template")}</th>
                <th scope="col">{t("history.fields")}</th>
              </tr>
            </thead>
            <tbody>
              {d.history.map((h, i) => (
                <tr key={i}>
                  <td>{formatDate(h.at)}</td>
                  <td>{h.actorName}</td>
                  <td>{nameOfTemplate(h.templateId)}</td>
                  <td>{h.fields.join(", ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2 id="points-title">{t("points.title")}</h2>
      <p>{t("points.lead")}</p>
      {d.points.length === 0 ? <p>{t("points.none")}</p> : null}
      {d.points.map((p) => (
        <section key={p.id} aria-labelledby={`point-${p.id}`} className="panel" data-point={p.code}>
          <h3 id={`point-${p.id}`}>
            {p.code} {p.titleSv}
          </h3>
          <p lang="en">{p.titleEn}</p>
          <h4 id={`holders-${p.id}`}>{t("holders.title")}</h4>
          {p.holders.length === 0 ? <p>{t("holders.none")}</p> : null}
          <ul aria-labelledby={`holders-${p.id}`}>
            {p.holders.map((h) => (
              <li key={h.id}>
                {h.role ? t(keyOf(HOLDER_ROLE_KEY, h.role) ?? "holders.roleOther") : (h.name ?? "")}{" "}
                <Form method="post" reloadDocument className="inline-form">
                  <TargetFields target={d.target} />
                  <input type="hidden" name="holderId" value={h.id} />
                  <button type="submit" className="button button--secondary" name="intent" value="holder-remove">
                    {t("holders.remove")}
                    <span className="visually-hidden">
                      {" "}
                      {h.role ? t(keyOf(HOLDER_ROLE_KEY, h.role) ?? "holders.roleOther") : (h.name ?? "")}, {p.code}
                    </span>
                  </button>
                </Form>
              </li>
            ))}
          </ul>
          <Form method="post" reloadDocument noValidate aria-label={t("holders.addLabel", { code: p.code })}>
            <TargetFields target={d.target} />
            <input type="hidden" name="pointId" value={p.id} />
            <div
              className={`field${errors?.holder && posted?.values?.pointId === String(p.id) ? " field--error" : ""}`}
            >
              <label htmlFor={`holder-${p.id}`}>{t("holders.add")}</label>
              {errors?.holder && posted?.values?.pointId === String(p.id) ? (
                <span className="field__error" id={`holder-${p.id}-error`}>
                  {t(errors.holder)}
                </span>
              ) : null}
              <select
                id={`holder-${p.id}`}
                name="holder"
                aria-invalid={errors?.holder && posted?.values?.pointId === String(p.id) ? true : undefined}
                aria-describedby={
                  errors?.holder && posted?.values?.pointId === String(p.id) ? `holder-${p.id}-error` : undefined
                }
              >
                <option value="role:officer">{t("holders.roleOfficer")}</option>
                {d.staff.map((s) => (
                  <option key={s.id} value={`staff:${s.id}`}>
                    {s.name}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="button" name="intent" value="holder-add">
              {t("holders.addButton")}
            </button>
          </Form>
          <p>
            <a href={`${base}&punkt=${p.id}#point-form-title`}>
              {t("points.edit")}
              <span className="visually-hidden"> {p.code}</span>
            </a>
          </p>
          <Form method="post" reloadDocument>
            <TargetFields target={d.target} />
            <input type="hidden" name="pointId" value={p.id} />
            <button type="submit" className="button button--secondary" name="intent" value="point-remove">
              {t("points.remove")}
              <span className="visually-hidden"> {p.code}</span>
            </button>
          </Form>
        </section>
      ))}

      <h3 id="point-form-title">{d.editingPoint ? t("points.editTitle") : t("points.addTitle")}</h3>
      <Form method="post" reloadDocument noValidate aria-labelledby="point-form-title" data-testid="point-form">
        <TargetFields target={d.target} />
        {d.editingPoint ? <input type="hidden" name="pointId" value={d.editingPoint.id} /> : null}
        <TextField
          name="code"
          label={t("points.code")}
          hint={t("points.codeHint")}
          error={errors?.code}
          defaultValue={v("point", "code", d.editingPoint?.code)}
          width="short"
        />
        <div className="two-col">
          <TextField
            name="titleSv"
            label={t("points.titleSv")}
            error={errors?.titleSv}
            defaultValue={v("point", "titleSv", d.editingPoint?.titleSv)}
          />
          <TextField
            name="titleEn"
            label={t("points.titleEn")}
            error={errors?.titleEn}
            defaultValue={v("point", "titleEn", d.editingPoint?.titleEn)}
          />
        </div>
        <button type="submit" className="button" name="intent" value="point">
          {t("points.save")}
        </button>
      </Form>
    </>
  );
}
