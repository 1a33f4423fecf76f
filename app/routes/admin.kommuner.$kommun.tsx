import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireCsrf } from "~/auth/csrf.server";
import { requireStaff } from "~/auth/guards.server";
import { AREAS } from "~/domain/areas";
import { FACT_FIELDS, MunicipalityFields, adminErrors } from "~/components/admin/MunicipalityFields";
import { CsrfField } from "~/components/ui/CsrfField";
import { ErrorSummary, TextField } from "~/components/ui/FormErrors";
import {
  createAdministration,
  getManagedMunicipality,
  renameAdministration,
  retireAdministration,
  setAdministrationAreas,
  updateMunicipality,
} from "~/services/municipality-admin.server";
import { readForm } from "~/services/multipart.server";
import { redirectWithFlash } from "~/utils/flash.server";
import type { RouteHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta;
export const handle: RouteHandle = {
  i18n: ["auth", "admin", "backoffice"],
  breadcrumb: (match) => {
    const d = match.data as { slug?: string; title?: string } | undefined;
    return [
      { labelKey: "auth:staffHome.title", href: "/personal" },
      { labelKey: "admin:title", href: "/admin" },
      { labelKey: "admin:municipality.listTitle", href: "/admin/kommuner" },
      ...(d?.slug ? [{ label: d.title ?? d.slug, href: `/admin/kommuner/${d.slug}` }] : []),
    ];
  },
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request, "municipality.admin");
  const { municipality: m, administrations } = getManagedMunicipality(user, params.kommun ?? "");
  return {
    title: m.name,
    slug: m.slug,
    code: m.code,
    facts: Object.fromEntries(FACT_FIELDS.map((f) => [f, m[f] ?? ""])),
    administrations: administrations.map((a) => ({
      id: a.id,
      slug: a.slug,
      nameSv: a.nameSv,
      nameEn: a.nameEn,
      retired: a.retiredAt !== null,
      areas: a.areas,
    })),
  };
}

type ActionData = { intent: string; target?: number; errors: Record<string, string>; values: Record<string, string> };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request, "municipality.admin");
  const form = await readForm(request);
  await requireCsrf(request, form);
  const slug = params.kommun ?? "";
  const field = (name: string) => String(form.get(name) ?? "").slice(0, 2000);
  const intent = field("_action");
  const target = Number(field("administrationId"));
  let result;
  let values: Record<string, string> = {};
  if (intent === "facts") {
    values = Object.fromEntries(FACT_FIELDS.map((f) => [f, field(f)]));
    result = updateMunicipality(user, slug, values);
  } else if (intent === "add-administration") {
    values = { slug: field("slug"), nameSv: field("nameSv"), nameEn: field("nameEn") };
    result = createAdministration(user, slug, values);
  } else if (intent === "rename") {
    // Each administration's form has its own field names, so every id on the page is unique.
    values = { nameSv: field(`nameSv-${target}`), nameEn: field(`nameEn-${target}`) };
    result = renameAdministration(user, slug, target, values);
  } else if (intent === "retire") {
    result = retireAdministration(user, slug, target);
  } else if (intent === "areas") {
    result = setAdministrationAreas(
      user,
      slug,
      target,
      form.getAll("areas").map((v) => String(v).slice(0, 40)),
    );
  } else {
    return Response.json({ intent, errors: { _form: "unknownAction" }, values } satisfies ActionData, { status: 400 });
  }
  if (!result.ok)
    return Response.json({ intent, target, errors: result.errors, values } satisfies ActionData, { status: 400 });
  return redirectWithFlash(`/admin/kommuner/${slug}`, "admin:flash.saved");
}

export default function AdminMunicipality() {
  const { title, code, facts, administrations } = useLoaderData<typeof loader>();
  const data = useActionData<ActionData>();
  const { t } = useTranslation(["admin", "backoffice"]);
  const errorsFor = (intent: string, target?: number) =>
    data?.intent === intent && (target === undefined || data.target === target) ? adminErrors(data.errors) : undefined;
  const factErrors = errorsFor("facts");
  const addErrors = errorsFor("add-administration");
  const active = administrations.filter((a) => !a.retired);
  return (
    <>
      <ErrorSummary errors={adminErrors(data?.errors)} order={[...FACT_FIELDS, "slug", "nameSv", "nameEn", "areas"]} />
      <h1>{title}</h1>
      <p>{t("municipality.codeIs", { code })}</p>

      <section aria-labelledby="facts">
        <h2 id="facts">{t("municipality.factsTitle")}</h2>
        <Form method="post" noValidate>
          <CsrfField />
          <input type="hidden" name="_action" value="facts" />
          <MunicipalityFields values={data?.intent === "facts" ? data.values : facts} errors={factErrors} />
          <button type="submit" className="button">
            {t("municipality.save")}
          </button>
        </Form>
      </section>

      <section aria-labelledby="administrations">
        <h2 id="administrations">{t("administration.title")}</h2>
        {active.length === 0 ? <p>{t("administration.none")}</p> : null}
        {active.map((a) => {
          const errors = errorsFor("rename", a.id) ?? errorsFor("areas", a.id);
          return (
            <article key={a.id} className="admin-card" aria-labelledby={`adm-${a.id}`}>
              <h3 id={`adm-${a.id}`}>{a.nameSv}</h3>
              <Form method="post" noValidate>
                <CsrfField />
                <input type="hidden" name="_action" value="rename" />
                <input type="hidden" name="administrationId" value={a.id} />
                <TextField
                  name={`nameSv-${a.id}`}
                  label={t("administration.fields.nameSv")}
                  error={errors?.nameSv}
                  defaultValue={a.nameSv}
                />
                <TextField
                  name={`nameEn-${a.id}`}
                  label={t("administration.fields.nameEn")}
                  error={errors?.nameEn}
                  defaultValue={a.nameEn}
                />
                <button type="submit" className="button button--secondary">
                  {t("administration.rename", { name: a.nameSv })}
                </button>
              </Form>
              <Form method="post">
                <CsrfField />
                <input type="hidden" name="_action" value="areas" />
                <input type="hidden" name="administrationId" value={a.id} />
                <fieldset className="field">
                  <legend>{t("administration.areas", { name: a.nameSv })}</legend>
                  {AREAS.map((area) => (
                    <div key={area} className="checkbox">
                      <input
                        type="checkbox"
                        id={`areas-${a.id}-${area}`}
                        name="areas"
                        value={area}
                        defaultChecked={a.areas.includes(area)}
                      />
                      <label htmlFor={`areas-${a.id}-${area}`}>{t(`administration.area.${area}`)}</label>
                    </div>
                  ))}
                </fieldset>
                <button type="submit" className="button button--secondary">
                  {t("administration.saveAreas", { name: a.nameSv })}
                </button>
              </Form>
              <Form method="post">
                <CsrfField />
                <input type="hidden" name="_action" value="retire" />
                <input type="hidden" name="administrationId" value={a.id} />
                <button type="submit" className="button button--warning">
                  {t("administration.retire", { name: a.nameSv })}
                </button>
              </Form>
            </article>
          );
        })}
        {administrations.some((a) => a.retired) ? (
          <>
            <h3>{t("administration.retiredTitle")}</h3>
            <ul>
              {administrations
                .filter((a) => a.retired)
                .map((a) => (
                  <li key={a.id}>{a.nameSv}</li>
                ))}
            </ul>
          </>
        ) : null}

        <h3 id="add-administration">{t("administration.addTitle")}</h3>
        <Form method="post" noValidate aria-labelledby="add-administration">
          <CsrfField />
          <input type="hidden" name="_action" value="add-administration" />
          <TextField
            name="slug"
            label={t("administration.fields.slug")}
            hint={t("administration.hints.slug")}
            error={addErrors?.slug}
            defaultValue={data?.intent === "add-administration" ? data.values.slug : ""}
          />
          <TextField
            name="nameSv"
            label={t("administration.fields.nameSv")}
            error={addErrors?.nameSv}
            defaultValue={data?.intent === "add-administration" ? data.values.nameSv : ""}
          />
          <TextField
            name="nameEn"
            label={t("administration.fields.nameEn")}
            error={addErrors?.nameEn}
            defaultValue={data?.intent === "add-administration" ? data.values.nameEn : ""}
          />
          <button type="submit" className="button">
            {t("administration.add")}
          </button>
        </Form>
      </section>
    </>
  );
}
