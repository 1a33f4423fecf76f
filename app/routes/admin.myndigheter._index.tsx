import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireCsrf } from "~/auth/csrf.server";
import { requireStaff } from "~/auth/guards.server";
import { EditorField } from "~/components/editor/ItemFields";
import { CsrfField } from "~/components/ui/CsrfField";
import { ErrorSummary, SelectField, TextField, type FieldErrors } from "~/components/ui/FormErrors";
import { getFixedT, getLanguage } from "~/i18n/i18n.server";
import {
  AUTHORITY_FIELDS,
  AUTHORITY_LEVEL_CHOICES,
  createAuthority,
  listAuthoritiesForAdmin,
  parseAuthorityForm,
  requireAuthorityAdmin,
} from "~/services/authority-admin.server";
import { readForm } from "~/services/multipart.server";
import { redirectWithFlash } from "~/utils/flash.server";
import type { RouteHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta;
export const handle: RouteHandle = {
  i18n: ["auth", "admin-catalogue", "authorities", "editor"],
  breadcrumb: () => [
    { labelKey: "auth:staffHome.title", href: "/personal" },
    { labelKey: "admin-catalogue:authorities.title", href: "/admin/myndigheter" },
  ],
};

/** Other authorities: portal-wide administrators list and add them (docs/decisions/061). */
export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireStaff(request, "users.admin");
  const lang = getLanguage(request);
  const rows = listAuthoritiesForAdmin(admin).map((a) => ({ ...a, name: lang === "en" ? a.nameEn : a.nameSv }));
  return { title: getFixedT(request, "admin-catalogue")("authorities.title"), rows, levels: AUTHORITY_LEVEL_CHOICES };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireStaff(request, "users.admin");
  requireAuthorityAdmin(admin); // 403 before the body is read
  const form = await readForm(request);
  await requireCsrf(request, form);
  const parsed = parseAuthorityForm(form);
  const saved = parsed.ok ? createAuthority({ actor: admin, value: parsed.value }) : parsed;
  if (!saved.ok) return Response.json({ errors: saved.errors, values: Object.fromEntries(form) }, { status: 400 });
  return redirectWithFlash("/admin/myndigheter", "admin-catalogue:flash.authorityCreated");
}

/** The public page's level names (a map, so the key test can list them; decision 054). */
const LEVEL_KEY = {
  county: "authorities:authorities.levels.county",
  state: "authorities:authorities.levels.state",
  eu: "authorities:authorities.levels.eu",
} as const;

export default function AdminAuthorities() {
  const { rows, levels } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>() as
    { errors?: FieldErrors; values?: Record<string, string | undefined> } | undefined;
  const errors = data?.errors;
  const values = data?.values ?? {};
  const { t } = useTranslation("admin-catalogue");
  const levelName = (level: (typeof levels)[number]) => t(LEVEL_KEY[level]);
  return (
    <>
      <ErrorSummary errors={errors} order={[...AUTHORITY_FIELDS]} />
      <h1>{t("authorities.title")}</h1>
      <p className="lead">{t("authorities.lead")}</p>
      <div className="table-wrap">
        <table>
          <caption>{t("authorities.tableCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("authorities.name")}</th>
              <th scope="col">{t("authorities.level")}</th>
              <th scope="col">{t("authorities.url")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.slug}>
                <th scope="row">
                  <a href={`/andra-myndigheter/${r.slug}`}>{r.name}</a>
                </th>
                <td>{levelName(r.level)}</td>
                <td>
                  {r.url}
                  {r.broken ? <span className="tag">{t("authorities.broken")}</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2 id="authority-form">{t("authorities.addTitle")}</h2>
      <p>{t("authorities.formLead")}</p>
      <Form method="post" reloadDocument noValidate aria-labelledby="authority-form">
        <CsrfField />
        <TextField
          name="slug"
          label={t("authorities.slug")}
          hint={t("authorities.slugHint")}
          error={errors?.slug}
          defaultValue={values.slug}
          width="medium"
        />
        <SelectField
          name="level"
          label={t("authorities.level")}
          error={errors?.level}
          defaultValue={values.level}
          options={levels.map((l) => ({ value: l, label: levelName(l) }))}
        />
        <TextField name="nameSv" label={t("authorities.nameSv")} error={errors?.nameSv} defaultValue={values.nameSv} />
        <TextField name="nameEn" label={t("authorities.nameEn")} error={errors?.nameEn} defaultValue={values.nameEn} />
        <EditorField
          id="descriptionSv"
          label={t("authorities.descriptionSv")}
          error={errors?.descriptionSv}
          kind="text"
          value={values.descriptionSv ?? ""}
          lang="sv"
          required
        />
        <EditorField
          id="descriptionEn"
          label={t("authorities.descriptionEn")}
          error={errors?.descriptionEn}
          kind="text"
          value={values.descriptionEn ?? ""}
          lang="en"
          required
        />
        <TextField
          name="url"
          label={t("authorities.url")}
          hint={t("authorities.urlHint")}
          error={errors?.url}
          defaultValue={values.url}
        />
        <button type="submit" className="button">
          {t("authorities.save")}
        </button>
      </Form>
    </>
  );
}
