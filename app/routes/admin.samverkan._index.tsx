import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AREAS } from "~/domain/areas";
import { requireCsrf } from "~/auth/csrf.server";
import { requirePortalAdmin } from "~/auth/guards.server";
import { municipalityNames } from "~/auth/staff.server";
import { AdminFormSection, AdminTable } from "~/components/admin/AdminCatalogue";
import { CsrfField } from "~/components/ui/CsrfField";
import { ErrorSummary, SelectField, type FieldErrors } from "~/components/ui/FormErrors";
import { getFixedT } from "~/i18n/i18n.server";
import {
  createDelegation,
  DELEGATION_FIELDS,
  endDelegation,
  listDelegations,
  parseDelegationForm,
} from "~/services/delegations.server";
import { readForm } from "~/services/multipart.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { adminCatalogueHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta;
export const handle = adminCatalogueHandle("delegations.title", "/admin/samverkan");

const forbidden = () => new Response("Forbidden", { status: 403, statusText: "Forbidden" });

// Samverkan between municipalities, for portal-wide administrators only (docs/decisions/060).

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePortalAdmin(request);
  const names = municipalityNames();
  return {
    title: getFixedT(request, "admin-catalogue")("delegations.title"),
    municipalities: [...names].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, "sv")),
    delegations: listDelegations().map((d) => ({
      ...d,
      municipality: names.get(d.municipalityId) ?? "",
      handledBy: names.get(d.handledByMunicipalityId) ?? "",
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requirePortalAdmin(request);
  const form = await readForm(request);
  await requireCsrf(request, form);
  if (form.get("intent") === "end") {
    const raw = form.get("id");
    const id = typeof raw === "string" && raw.length <= 12 ? Number(raw) : NaN;
    const ended = Number.isInteger(id) ? endDelegation({ actor: admin, id }) : "notFound";
    if (ended === "forbidden") throw forbidden();
    if (ended === "notFound") throw new Response("Not Found", { status: 404 });
    return redirectWithFlash("/admin/samverkan", "admin-catalogue:flash.delegationEnded");
  }
  const parsed = parseDelegationForm(form);
  if (!parsed.ok) return Response.json({ errors: parsed.errors }, { status: 400 });
  const result = createDelegation({ actor: admin, value: parsed.value });
  if (result === "forbidden") throw forbidden();
  if (result === "unknownMunicipality")
    return Response.json(
      { errors: { municipalityId: "admin-catalogue:delegations.errors.municipality" } },
      { status: 400 },
    );
  if (result === "alreadyDelegated")
    return Response.json({ errors: { area: "admin-catalogue:delegations.errors.alreadyDelegated" } }, { status: 400 });
  return redirectWithFlash("/admin/samverkan", "admin-catalogue:flash.delegationSaved");
}

export default function AdminDelegations() {
  const { municipalities, delegations } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>() as { errors?: FieldErrors } | undefined;
  const errors = data?.errors;
  const { t } = useTranslation("admin-catalogue");
  const options = municipalities.map((m) => ({ value: String(m.id), label: m.name }));
  return (
    <>
      <ErrorSummary errors={errors} order={[...DELEGATION_FIELDS]} />
      <h1>{t("delegations.title")}</h1>
      <p className="lead">{t("delegations.lead")}</p>
      {delegations.length === 0 ? (
        <p>{t("delegations.none")}</p>
      ) : (
        <AdminTable
          caption={t("delegations.tableCaption")}
          columns={[
            t("delegations.municipality"),
            t("delegations.area"),
            t("delegations.handledBy"),
            t("delegations.status"),
            t("delegations.actions"),
          ]}
        >
          {delegations.map((d) => (
            <tr key={d.id}>
              <th scope="row">{d.municipality}</th>
              <td>{t(`delegations.areas.${d.area}`)}</td>
              <td>{d.handledBy}</td>
              <td>{d.endedAt ? t("delegations.ended", { date: d.endedAt.slice(0, 10) }) : t("delegations.current")}</td>
              <td>
                {d.endedAt ? null : (
                  <Form method="post" reloadDocument>
                    <CsrfField />
                    <input type="hidden" name="id" value={d.id} />
                    <button type="submit" className="button button--secondary" name="intent" value="end">
                      {t("delegations.end")}
                      <span className="visually-hidden">
                        {" "}
                        {t("delegations.endWhich", {
                          municipality: d.municipality,
                          area: t(`delegations.areas.${d.area}`),
                        })}
                      </span>
                    </button>
                  </Form>
                )}
              </td>
            </tr>
          ))}
        </AdminTable>
      )}

      <AdminFormSection
        id="delegation-form"
        title={t("delegations.addTitle")}
        intro={<p>{t("delegations.formLead")}</p>}
        submitLabel={t("delegations.save")}
        intent="create"
      >
        <SelectField
          name="municipalityId"
          label={t("delegations.municipalityField")}
          error={errors?.municipalityId}
          options={options}
        />
        <SelectField
          name="area"
          label={t("delegations.area")}
          error={errors?.area}
          options={AREAS.map((a) => ({ value: a, label: t(`delegations.areas.${a}`) }))}
        />
        <SelectField
          name="handledByMunicipalityId"
          label={t("delegations.handledByField")}
          error={errors?.handledByMunicipalityId}
          options={options}
        />
      </AdminFormSection>
    </>
  );
}
