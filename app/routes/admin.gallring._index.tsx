import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireCsrf } from "~/auth/csrf.server";
import { adminMunicipalities, requireStaff } from "~/auth/guards.server";
import { CsrfField } from "~/components/ui/CsrfField";
import { ErrorSummary, TextField, type FieldErrors } from "~/components/ui/FormErrors";
import { getFixedT, getLanguage } from "~/i18n/i18n.server";
import { readForm } from "~/services/multipart.server";
import {
  deleteRetentionRule,
  listRetentionRules,
  municipalitiesInScope,
  retentionCaseTypes,
  RetentionRuleSchema,
  saveRetentionRule,
} from "~/services/retention-rules.server";
import { redirectWithFlash } from "~/utils/flash.server";
import type { RouteHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta;
export const handle: RouteHandle = {
  i18n: ["auth", "records"],
  breadcrumb: () => [
    { labelKey: "auth:staffHome.title", href: "/personal" },
    { labelKey: "records:rules.title", href: "/admin/gallring" },
  ],
};

/** Retention rules per case type (docs/decisions/059): the registrar's admin, own municipality only. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request, "diarium.admin");
  const scope = adminMunicipalities(user, "diarium.admin");
  const language = getLanguage(request);
  return {
    title: getFixedT(request, "records")("rules.title"),
    rules: listRetentionRules(scope, language),
    municipalities: municipalitiesInScope(scope),
    caseTypes: retentionCaseTypes(language),
  };
}

type ActionData = { errors?: FieldErrors; values?: Record<string, string> };

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireStaff(request, "diarium.admin");
  const form = await readForm(request);
  await requireCsrf(request, form);
  const scope = adminMunicipalities(user, "diarium.admin");
  if (form.get("intent") === "delete") {
    if (!deleteRetentionRule(user, scope, Number(form.get("id")))) throw new Response("Not found", { status: 404 });
    return redirectWithFlash("/admin/gallring", "records:rules.deleted");
  }
  const values = Object.fromEntries(
    ["municipalityId", "caseType", "action", "periodMonths", "planReference"].map((k) => [
      k,
      String(form.get(k) ?? ""),
    ]),
  );
  const parsed = RetentionRuleSchema.safeParse(values);
  if (!parsed.success) {
    const errors: FieldErrors = {};
    for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
    return Response.json({ errors, values } satisfies ActionData, { status: 400 });
  }
  if (!saveRetentionRule(user, scope, parsed.data))
    return Response.json(
      { errors: { municipalityId: "records:rules.errors.municipality" }, values } satisfies ActionData,
      { status: 400 },
    );
  return redirectWithFlash("/admin/gallring", "records:rules.saved");
}

const ORDER = ["municipalityId", "caseType", "action", "periodMonths", "planReference"];

export default function RetentionRules() {
  const { rules, municipalities, caseTypes } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>() as ActionData | undefined;
  const { t } = useTranslation("records");
  const errors = data?.errors;
  const values = data?.values ?? {};
  const fieldError = (name: string) =>
    errors?.[name] ? (
      <span className="field__error" id={`${name}-error`}>
        <span className="visually-hidden">{t("auth:errors.prefix")} </span>
        {t(errors[name])}
      </span>
    ) : null;
  return (
    <>
      <h1>{t("rules.title")}</h1>
      <p className="lead">{t("rules.lead")}</p>
      <p>
        <Link to="/admin/gallring/rapport">{t("report.link")}</Link>
      </p>
      <h2>{t("rules.current")}</h2>
      {rules.length === 0 ? (
        <p>{t("rules.none")}</p>
      ) : (
        <div className="table-wrap">
          <table className="stack-narrow">
            <caption className="visually-hidden">{t("rules.current")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("rules.caseType")}</th>
                <th scope="col">{t("rules.municipality")}</th>
                <th scope="col">{t("rules.action")}</th>
                <th scope="col">{t("rules.columns.period")}</th>
                <th scope="col">{t("rules.columns.planReference")}</th>
                <th scope="col">{t("rules.remove")}</th>
              </tr>
            </thead>
            <tbody>
              {rules.map((r) => (
                <tr key={r.id}>
                  <th scope="row">{r.caseTypeTitle}</th>
                  <td data-label={t("rules.municipality")}>{r.municipalityName}</td>
                  <td data-label={t("rules.action")}>{t(`rules.actions.${r.action}`)}</td>
                  <td data-label={t("rules.columns.period")}>{r.periodMonths}</td>
                  <td data-label={t("rules.columns.planReference")}>{r.planReference ?? "–"}</td>
                  <td>
                    <Form method="post">
                      <CsrfField />
                      <input type="hidden" name="intent" value="delete" />
                      <input type="hidden" name="id" value={r.id} />
                      {/* Visible "Ta bort"; the accessible name says which rule (and still starts with the visible words). */}
                      <button type="submit" className="button button--secondary">
                        <span aria-hidden="true">{t("rules.remove")}</span>
                        <span className="visually-hidden">
                          {t("rules.removeRule", { caseType: r.caseTypeTitle, municipality: r.municipalityName })}
                        </span>
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>{t("rules.add")}</h2>
      <ErrorSummary errors={errors} order={ORDER} />
      <Form method="post" noValidate>
        <CsrfField />
        <div className={`field${errors?.municipalityId ? " field--error" : ""}`}>
          <label htmlFor="municipalityId">{t("rules.municipality")}</label>
          {fieldError("municipalityId")}
          <select
            id="municipalityId"
            name="municipalityId"
            defaultValue={values.municipalityId}
            aria-invalid={errors?.municipalityId ? true : undefined}
            aria-describedby={errors?.municipalityId ? "municipalityId-error" : undefined}
          >
            {municipalities.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </div>
        <div className={`field${errors?.caseType ? " field--error" : ""}`}>
          <label htmlFor="caseType">{t("rules.caseType")}</label>
          {fieldError("caseType")}
          <select
            id="caseType"
            name="caseType"
            defaultValue={values.caseType}
            aria-invalid={errors?.caseType ? true : undefined}
            aria-describedby={errors?.caseType ? "caseType-error" : undefined}
          >
            {caseTypes.map((c) => (
              <option key={c.id} value={c.id}>
                {c.title}
              </option>
            ))}
          </select>
        </div>
        <fieldset
          className={`field${errors?.action ? " field--error" : ""}`}
          aria-describedby={errors?.action ? "action-error" : undefined}
        >
          <legend>{t("rules.action")}</legend>
          {fieldError("action")}
          <div className="choices">
            {(["delete", "thin"] as const).map((a) => (
              <label key={a} htmlFor={`action-${a}`}>
                <input
                  type="radio"
                  id={`action-${a}`}
                  name="action"
                  value={a}
                  defaultChecked={(values.action ?? "delete") === a}
                />
                <span>{t(`rules.actions.${a}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <TextField
          name="periodMonths"
          label={t("rules.periodMonths")}
          hint={t("rules.periodHint")}
          error={errors?.periodMonths}
          inputMode="numeric"
          width="short"
          defaultValue={values.periodMonths}
        />
        <TextField
          name="planReference"
          label={t("rules.planReference")}
          error={errors?.planReference}
          width="short"
          defaultValue={values.planReference}
        />
        <button type="submit" className="button">
          {t("rules.save")}
        </button>
      </Form>
    </>
  );
}
