import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireCsrf } from "~/auth/csrf.server";
import { requireStaff } from "~/auth/guards.server";
import { FACT_FIELDS, MunicipalityFields, adminErrors } from "~/components/admin/MunicipalityFields";
import { CsrfField } from "~/components/ui/CsrfField";
import { ErrorSummary, TextField } from "~/components/ui/FormErrors";
import { getFixedT } from "~/i18n/i18n.server";
import {
  canCreateMunicipality,
  createMunicipality,
  listManagedMunicipalities,
} from "~/services/municipality-admin.server";
import { readForm } from "~/services/multipart.server";
import { redirectWithFlash } from "~/utils/flash.server";
import type { RouteHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta;
export const handle: RouteHandle = {
  i18n: ["auth", "admin"],
  breadcrumb: () => [
    { labelKey: "auth:staffHome.title", href: "/personal" },
    { labelKey: "admin:title", href: "/admin" },
    { labelKey: "admin:municipality.listTitle", href: "/admin/kommuner" },
  ],
};

const CREATE_FIELDS = ["slug", "code", ...FACT_FIELDS] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request, "municipality.admin");
  return {
    title: getFixedT(request, "admin")("municipality.listTitle"),
    canCreate: canCreateMunicipality(user),
    municipalities: listManagedMunicipalities(user).map((m) => ({
      slug: m.slug,
      name: m.name,
      code: m.code,
      reviewBy: m.reviewBy,
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireStaff(request, "municipality.admin");
  const form = await readForm(request);
  await requireCsrf(request, form);
  const values = Object.fromEntries(CREATE_FIELDS.map((f) => [f, String(form.get(f) ?? "").slice(0, 2000)]));
  const result = createMunicipality(user, values);
  if (!result.ok) return Response.json({ errors: result.errors, values }, { status: 400 });
  return redirectWithFlash(`/admin/kommuner/${result.value.slug}`, "admin:flash.created");
}

export default function AdminMunicipalities() {
  const { municipalities, canCreate } = useLoaderData<typeof loader>();
  const data = useActionData<{ errors?: Record<string, string>; values?: Record<string, string> }>();
  const { t } = useTranslation("admin");
  const errors = adminErrors(data?.errors);
  return (
    <>
      <ErrorSummary errors={errors} order={[...CREATE_FIELDS]} />
      <h1>{t("municipality.listTitle")}</h1>
      {municipalities.length === 0 ? (
        <p>{t("municipality.none")}</p>
      ) : (
        <ul className="choice-list">
          {municipalities.map((m) => (
            <li key={m.slug}>
              <Link className="choice-list__link" to={`/admin/kommuner/${m.slug}`}>
                {m.name} ({m.code})
              </Link>
            </li>
          ))}
        </ul>
      )}
      {canCreate ? (
        <section aria-labelledby="new-municipality">
          <h2 id="new-municipality">{t("municipality.createTitle")}</h2>
          <Form method="post" noValidate>
            <CsrfField />
            <TextField
              name="slug"
              label={t("municipality.fields.slug")}
              hint={t("municipality.hints.slug")}
              error={errors?.slug}
              defaultValue={data?.values?.slug ?? ""}
            />
            <TextField
              name="code"
              label={t("municipality.fields.code")}
              hint={t("municipality.hints.code")}
              error={errors?.code}
              defaultValue={data?.values?.code ?? ""}
              width="short"
            />
            <MunicipalityFields values={data?.values ?? {}} errors={errors} />
            <button type="submit" className="button">
              {t("municipality.create")}
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}
