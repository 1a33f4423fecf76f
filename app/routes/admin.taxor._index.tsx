import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireCsrf } from "~/auth/csrf.server";
import { adminMunicipalities, requireStaff } from "~/auth/guards.server";
import { municipalityNames } from "~/auth/staff.server";
import { AdminFormSection, AdminTable } from "~/components/admin/AdminCatalogue";
import { ErrorSummary, TextField, type FieldErrors } from "~/components/ui/FormErrors";
import { getFixedT } from "~/i18n/i18n.server";
import { readForm } from "~/services/multipart.server";
import { listPermitTaxa, parsePermitTaxaForm, savePermitTaxa } from "~/services/taxa.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { formatNumber } from "~/utils/format";
import { adminCatalogueHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta;
export const handle = adminCatalogueHandle("taxa.title", "/admin/taxor");

/** Building-permit taxa per municipality with validity dates (docs/decisions/057). */
export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireStaff(request, "users.admin");
  const scope = adminMunicipalities(admin, "users.admin");
  const names = municipalityNames();
  const url = new URL(request.url);
  const rows = listPermitTaxa(scope);
  const editing = rows.find(
    (r) => String(r.municipalityId) === url.searchParams.get("kommun") && r.validFrom === url.searchParams.get("fran"),
  );
  return {
    title: getFixedT(request, "admin-catalogue")("taxa.title"),
    municipalities: (scope ?? [...names.keys()]).map((id) => ({ id, name: names.get(id) ?? "" })),
    rows: rows.map((r) => ({ ...r, municipality: names.get(r.municipalityId) ?? "" })),
    editing: editing ?? null,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireStaff(request, "users.admin");
  const form = await readForm(request);
  await requireCsrf(request, form);
  const parsed = parsePermitTaxaForm(form);
  if (!parsed.ok) return Response.json({ errors: parsed.errors }, { status: 400 });
  const scope = adminMunicipalities(admin, "users.admin");
  if (savePermitTaxa({ actor: admin, scope, value: parsed.value }) === "outOfScope")
    return Response.json({ errors: { municipalityId: "admin-catalogue:taxa.errors.municipality" } }, { status: 400 });
  return redirectWithFlash("/admin/taxor", "admin-catalogue:flash.taxaSaved");
}

export default function AdminTaxa() {
  const { municipalities, rows, editing } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>() as { errors?: FieldErrors } | undefined;
  const errors = data?.errors;
  const { t } = useTranslation("admin-catalogue");
  return (
    <>
      <ErrorSummary
        errors={errors}
        order={["municipalityId", "validFrom", "prisbasbelopp", "municipalityFactor", "neighbourConsultation"]}
      />
      <h1>{t("taxa.title")}</h1>
      <p className="lead">{t("taxa.lead")}</p>
      {rows.length === 0 ? (
        <p>{t("taxa.none")}</p>
      ) : (
        <AdminTable
          caption={t("taxa.tableCaption")}
          columns={[
            t("taxa.municipality"),
            t("taxa.validFrom"),
            t("taxa.prisbasbelopp"),
            t("taxa.municipalityFactor"),
            t("taxa.neighbourConsultation"),
            t("taxa.actions"),
          ]}
        >
          {rows.map((r) => (
            <tr key={`${r.municipalityId}:${r.validFrom}`} data-testid={`taxa-${r.municipalityId}-${r.validFrom}`}>
              <th scope="row">
                {r.municipality}
                {r.example ? ` (${t("taxa.example")})` : ""}
              </th>
              <td>{r.validFrom === "2000-01-01" ? t("taxa.always") : r.validFrom}</td>
              <td>{formatNumber(r.prisbasbelopp, 0)}</td>
              <td>{formatNumber(r.municipalityFactor)}</td>
              <td>{formatNumber(r.neighbourConsultation)}</td>
              <td>
                <a href={`/admin/taxor?kommun=${r.municipalityId}&fran=${r.validFrom}#taxa-form`}>
                  {t("taxa.edit")}
                  <span className="visually-hidden">
                    {" "}
                    {r.municipality} {r.validFrom}
                  </span>
                </a>
              </td>
            </tr>
          ))}
        </AdminTable>
      )}

      <AdminFormSection
        id="taxa-form"
        title={editing ? t("taxa.editTitle") : t("taxa.addTitle")}
        intro={<p>{t("taxa.formLead")}</p>}
        submitLabel={t("taxa.save")}
      >
        <div className={`field${errors?.municipalityId ? " field--error" : ""}`}>
          <label htmlFor="municipalityId">{t("taxa.municipality")}</label>
          {errors?.municipalityId ? (
            <span className="field__error" id="municipalityId-error">
              {t(errors.municipalityId)}
            </span>
          ) : null}
          <select
            id="municipalityId"
            name="municipalityId"
            defaultValue={editing?.municipalityId}
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
        <TextField
          name="validFrom"
          label={t("taxa.validFrom")}
          hint={t("taxa.validFromHint")}
          error={errors?.validFrom}
          defaultValue={editing?.validFrom}
          width="medium"
        />
        <TextField
          name="prisbasbelopp"
          label={t("taxa.prisbasbelopp")}
          hint={t("taxa.prisbasbeloppHint")}
          error={errors?.prisbasbelopp}
          defaultValue={editing ? String(editing.prisbasbelopp) : undefined}
          inputMode="numeric"
          width="medium"
        />
        <TextField
          name="municipalityFactor"
          label={t("taxa.municipalityFactor")}
          hint={t("taxa.municipalityFactorHint")}
          error={errors?.municipalityFactor}
          defaultValue={editing ? String(editing.municipalityFactor) : undefined}
          width="short"
        />
        <TextField
          name="neighbourConsultation"
          label={t("taxa.neighbourConsultation")}
          hint={t("taxa.neighbourConsultationHint")}
          error={errors?.neighbourConsultation}
          defaultValue={editing ? String(editing.neighbourConsultation) : undefined}
          width="short"
        />
      </AdminFormSection>
    </>
  );
}
