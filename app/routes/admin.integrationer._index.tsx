import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireCsrf } from "~/auth/csrf.server";
import { adminMunicipalities, requireStaff } from "~/auth/guards.server";
import { municipalityNames } from "~/auth/staff.server";
import { IntegrationTargetFields } from "~/components/admin/IntegrationTargetFields";
import { CsrfField } from "~/components/ui/CsrfField";
import { ErrorSummary, TextField, type FieldErrors } from "~/components/ui/FormErrors";
import { getFixedT } from "~/i18n/i18n.server";
import {
  createIntegrationSystem,
  IntegrationInputError,
  listIntegrationSystems,
  listWaitingCases,
} from "~/services/integration-systems.server";
import { readForm } from "~/services/multipart.server";
import type { RouteHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";
import { AREA_KEY, keyOf } from "~/i18n/keys";

/**
 * /admin/integrationer: the municipalities' case-management systems and the cases waiting for
 * one (docs/decisions/058). Portal-wide admins see all; a municipal admin their municipality's.
 */

export const meta = pageMeta;
export const handle: RouteHandle = {
  i18n: ["auth", "integrations"],
  breadcrumb: () => [
    { labelKey: "auth:staffHome.title", href: "/personal" },
    { labelKey: "integrations:title", href: "/admin/integrationer" },
  ],
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request, "users.admin");
  const scope = adminMunicipalities(user, "users.admin");
  const names = municipalityNames();
  return {
    title: getFixedT(request, "integrations")("title"),
    municipalities: (scope ?? [...names.keys()]).map((id) => ({ id, name: names.get(id) ?? "" })),
    systems: listIntegrationSystems(scope).map((s) => ({
      id: s.id,
      name: s.name,
      slug: s.slug,
      active: s.active,
      targetKind: s.targetKind,
      routes: s.routes.map((r) => ({ municipality: names.get(r.municipalityId) ?? "", area: r.area })),
    })),
    waiting: listWaitingCases(scope).map((w) => ({
      reference: w.reference,
      municipality: names.get(w.municipalityId) ?? "",
      area: w.area,
      createdAt: w.createdAt,
    })),
  };
}

type ActionData = {
  errors?: FieldErrors;
  values?: Record<string, string>;
  created?: { id: number; name: string; token: string };
};

const FIELDS = ["name", "slug", "municipalities", "targetKind", "target", "secret"] as const;

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireStaff(request, "users.admin");
  const form = await readForm(request);
  await requireCsrf(request, form);
  const values = Object.fromEntries(FIELDS.map((f) => [f, String(form.get(f) ?? "").trim()])) as Record<
    (typeof FIELDS)[number],
    string
  >;
  try {
    const created = createIntegrationSystem({
      actor: user,
      scope: adminMunicipalities(user, "users.admin"),
      name: values.name,
      slug: values.slug.toLowerCase(),
      municipalityIds: form.getAll("municipalities").map(Number),
      targetKind: values.targetKind,
      target: values.target,
      secret: values.secret,
    });
    // The callback token is shown once, here; only its hash is kept.
    return Response.json({ created: { id: created.id, name: values.name, token: created.token } } satisfies ActionData);
  } catch (error) {
    if (!(error instanceof IntegrationInputError)) throw error;
    const { secret: _never, ...kept } = values;
    return Response.json(
      {
        errors: { [error.field]: `integrations:errors.${error.field}.${error.code}` },
        values: kept,
      } satisfies ActionData,
      { status: 400 },
    );
  }
}

export default function IntegrationSystems() {
  const { systems, waiting, municipalities } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>() as ActionData | undefined;
  const { t } = useTranslation("integrations");
  const errors = data?.errors;
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>
      {data?.created ? (
        <div className="alert alert--success" role="status">
          <p>{t("created", { name: data.created.name })}</p>
          <p>
            {t("tokenOnce")} <code data-testid="callback-token">{data.created.token}</code>
          </p>
          <p>
            <Link to={`/admin/integrationer/${data.created.id}`}>{t("routeNow")}</Link>
          </p>
        </div>
      ) : null}

      <h2>{t("systems")}</h2>
      {systems.length === 0 ? (
        <p>{t("noSystems")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t("systems")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("fields.name")}</th>
                <th scope="col">{t("fields.target")}</th>
                <th scope="col">{t("routes")}</th>
                <th scope="col">{t("state")}</th>
              </tr>
            </thead>
            <tbody>
              {systems.map((s) => (
                <tr key={s.id}>
                  <td>
                    <Link to={`/admin/integrationer/${s.id}`}>{s.name}</Link>
                  </td>
                  <td>{s.targetKind ? t(`kinds.${s.targetKind}`) : t("noTarget")}</td>
                  <td>
                    {s.routes.length === 0
                      ? t("noRoutes")
                      : s.routes.map((r) => `${r.municipality}: ${t(AREA_KEY[r.area])}`).join(", ")}
                  </td>
                  <td>{s.active ? t("active") : t("inactive")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2>{t("waiting.title")}</h2>
      {waiting.length === 0 ? (
        <p>{t("waiting.none")}</p>
      ) : (
        <>
          <p className="alert alert--warning" role="status">
            {t("waiting.count", { count: waiting.length })}
          </p>
          <ul>
            {waiting.map((w) => (
              <li key={w.reference}>
                {w.reference}: {w.municipality}, {t(keyOf(AREA_KEY, w.area) ?? w.area)}
              </li>
            ))}
          </ul>
        </>
      )}

      <h2 id="new-system">{t("newTitle")}</h2>
      <ErrorSummary errors={errors} order={[...FIELDS]} />
      <Form method="post" reloadDocument noValidate aria-labelledby="new-system">
        <CsrfField />
        <TextField
          name="name"
          label={t("fields.name")}
          defaultValue={data?.values?.name}
          error={errors?.name}
          width="medium"
          autoComplete="off"
        />
        <TextField
          name="slug"
          label={t("fields.slug")}
          hint={t("fields.slugHint")}
          defaultValue={data?.values?.slug}
          error={errors?.slug}
          width="medium"
          autoComplete="off"
        />
        <fieldset
          className={`field${errors?.municipalities ? " field--error" : ""}`}
          aria-describedby={errors?.municipalities ? "municipalities-error" : undefined}
          id="municipalities"
        >
          <legend>{t("fields.municipalities")}</legend>
          {errors?.municipalities ? (
            <span className="field__error" id="municipalities-error">
              {t(errors.municipalities)}
            </span>
          ) : null}
          {municipalities.map((m) => (
            <div className="checkbox" key={m.id}>
              <input type="checkbox" id={`municipality-${m.id}`} name="municipalities" value={m.id} />
              <label htmlFor={`municipality-${m.id}`}>{m.name}</label>
            </div>
          ))}
        </fieldset>
        <IntegrationTargetFields values={data?.values} errors={errors} />
        <button type="submit" className="button">
          {t("create")}
        </button>
      </Form>
    </>
  );
}
