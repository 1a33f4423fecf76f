import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { readForm } from "~/services/multipart.server";
import { requireCsrf } from "~/auth/csrf.server";
import { requireStaff } from "~/auth/guards.server";
import {
  BilingualFields,
  EditorErrorSummary,
  EditorField,
  LifecycleFields,
  PlainFields,
} from "~/components/editor/ItemFields";
import { CsrfField } from "~/components/ui/CsrfField";
import { getFixedT, getLanguage } from "~/i18n/i18n.server";
import { CATEGORIES } from "~/services/catalogue.server";
import { createItem, creationScopes, parseCreateForm } from "~/services/editor.server";
import { reviewOwnerChoices, reviewOwnerError } from "~/services/review-owners.server";
import {
  BILINGUAL_FIELDS,
  fieldOrder,
  PLAIN_FIELDS,
  SEGMENT_OF,
  typeOfSegment,
  type EditorErrors,
  type FormValues,
} from "~/services/editor-fields";
import { redirectWithFlash } from "~/utils/flash.server";
import type { RouteHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";
import editorStyles from "~/styles/editor.css";

export const meta = pageMeta;
export const links: LinksFunction = () => [{ rel: "stylesheet", href: editorStyles }];
export const handle: RouteHandle = {
  i18n: ["auth", "editor", "catalogue"],
  breadcrumb: (match) => [
    { labelKey: "auth:staffHome.title", href: "/personal" },
    { labelKey: "editor:title", href: "/redaktor" },
    { labelKey: "editor:create.crumb", href: match.pathname },
  ],
};

function typeOr404(segment: string | undefined) {
  const type = typeOfSegment(segment);
  if (!type) throw new Response("Not found", { status: 404 });
  return type;
}

/** The municipalities of creation scopes ("municipalityId:administrationId"); null when one is shared. */
function ownerMunicipalities(scopes: string[]): number[] | null {
  if (scopes.includes("shared")) return null;
  return scopes.map((s) => Number(s.split(":")[0])).filter((n) => Number.isInteger(n) && n > 0);
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request, "content.edit");
  const type = typeOr404(params.typ);
  const scopes = creationScopes(user, type, getLanguage(request));
  if (scopes.length === 0) throw new Response("Forbidden", { status: 403 });
  return {
    title: getFixedT(request, "editor")(`create.title.${type}`),
    type,
    scopes,
    categories: [...CATEGORIES],
    ownerChoices: reviewOwnerChoices(ownerMunicipalities(scopes.map((o) => o.value))),
  };
}

type ActionData = { errors?: EditorErrors; values?: FormValues };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request, "content.edit");
  const type = typeOr404(params.typ);
  const form = await readForm(request);
  await requireCsrf(request, form);
  const { values, errors } = parseCreateForm(user, type, form);
  const ownerError = reviewOwnerError(values.owner, ownerMunicipalities([values.scope ?? ""]));
  if (ownerError) errors.owner = ownerError;
  if (Object.keys(errors).length) return Response.json({ errors, values } satisfies ActionData, { status: 400 });
  const created = createItem(user, type, values);
  if ("errors" in created)
    return Response.json({ errors: created.errors, values } satisfies ActionData, { status: 400 });
  return redirectWithFlash(`/redaktor/${SEGMENT_OF[type]}/${created.id}`, "editor:flash.created");
}

export default function CreateItem() {
  const { type, scopes, categories, ownerChoices } = useLoaderData<typeof loader>();
  const data = useActionData<ActionData>();
  const { t } = useTranslation("editor");
  const { t: tc } = useTranslation("catalogue");
  const values = data?.values ?? {};
  const errors = data?.errors;
  const select = (id: string, options: { value: string; label: string }[]) => (
    <div className={`field${errors?.[id] ? " field--error" : ""}`}>
      <label htmlFor={id}>{t(`fields.${id}.label`)}</label>
      {errors?.[id] ? (
        <span className="field__error" id={`${id}-error`}>
          <span className="visually-hidden">{t("errorPrefix")} </span>
          {t(errors[id]!)}
        </span>
      ) : null}
      <select
        id={id}
        name={id}
        defaultValue={values[id] ?? ""}
        aria-invalid={errors?.[id] ? true : undefined}
        aria-describedby={errors?.[id] ? `${id}-error` : undefined}
      >
        <option value="">{t("choose")}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <>
      <h1>{t(`create.title.${type}`)}</h1>
      <p>{t("create.lead")}</p>
      <EditorErrorSummary errors={errors} order={fieldOrder(type, true)} />
      <Form method="post" className="editor-form" noValidate>
        <CsrfField />
        <fieldset className="editor-fieldset">
          <legend>{t("create.where")}</legend>
          <EditorField
            id="slug"
            label={t("fields.slug.label")}
            hint={t("fields.slug.hint")}
            error={errors?.slug}
            kind="line"
            value={values.slug ?? ""}
            required
          />
          {select(
            "scope",
            scopes.map((s) => ({ value: s.value, label: s.value === "shared" ? t("create.sharedScope") : s.label })),
          )}
          {type === "service"
            ? select(
                "category",
                categories.map((c) => ({ value: c, label: tc(`categories.${c}`) })),
              )
            : null}
          {type === "page"
            ? select("kind", [
                { value: "page", label: t("fields.kind.page") },
                { value: "activity", label: t("fields.kind.activity") },
              ])
            : null}
        </fieldset>
        <BilingualFields fields={BILINGUAL_FIELDS[type]} values={values} errors={errors} />
        <PlainFields fields={PLAIN_FIELDS[type]} values={values} errors={errors} />
        <LifecycleFields values={values} errors={errors} ownerChoices={ownerChoices} />
        <div className="button-row">
          <button type="submit" className="button">
            {t("create.submit")}
          </button>
        </div>
      </Form>
    </>
  );
}
