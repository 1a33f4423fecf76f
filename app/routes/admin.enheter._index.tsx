import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireCsrf } from "~/auth/csrf.server";
import { adminMunicipalities, requireStaff } from "~/auth/guards.server";
import { municipalityNames } from "~/auth/staff.server";
import { AdminFormSection, AdminTable } from "~/components/admin/AdminCatalogue";
import { CsrfField } from "~/components/ui/CsrfField";
import { ErrorSummary, SelectField, TextField, type FieldErrors } from "~/components/ui/FormErrors";
import { getFixedT } from "~/i18n/i18n.server";
import { readForm } from "~/services/multipart.server";
import {
  getUnitForAdmin,
  listUnitsForAdmin,
  parseUnitForm,
  saveUnit,
  setUnitClosed,
  UNIT_FIELDS,
  UNIT_KINDS,
  unitReferences,
} from "~/services/units.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { adminCatalogueHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta;
export const handle = adminCatalogueHandle("units.title", "/admin/enheter");

const idParam = (v: FormDataEntryValue | string | null) => {
  const n = typeof v === "string" && v.length <= 12 ? Number(v) : NaN;
  return Number.isInteger(n) && n > 0 ? n : null;
};

/** Preschools and schools per municipality: list, create, edit, close (docs/decisions/060). */
export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireStaff(request, "users.admin");
  const scope = adminMunicipalities(admin, "users.admin");
  const names = municipalityNames();
  const editId = idParam(new URL(request.url).searchParams.get("enhet"));
  const editing = editId === null ? null : getUnitForAdmin({ id: editId, scope });
  return {
    title: getFixedT(request, "admin-catalogue")("units.title"),
    municipalities: (scope ?? [...names.keys()]).map((id) => ({ id, name: names.get(id) ?? "" })),
    units: listUnitsForAdmin(scope).map((u) => ({ ...u, municipality: names.get(u.municipalityId) ?? "" })),
    editing: editing ? { ...editing, references: unitReferences(editing.id) } : null,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireStaff(request, "users.admin");
  const form = await readForm(request);
  await requireCsrf(request, form);
  const scope = adminMunicipalities(admin, "users.admin");
  const id = idParam(form.get("id"));
  const intent = form.get("intent");
  if (intent === "close" || intent === "reopen") {
    if (id === null || setUnitClosed({ actor: admin, scope, id, closed: intent === "close" }) === "notFound")
      throw new Response("Not Found", { status: 404 });
    return redirectWithFlash(
      "/admin/enheter",
      `admin-catalogue:flash.${intent === "close" ? "unitClosed" : "unitReopened"}`,
    );
  }
  const parsed = parseUnitForm(form);
  if (!parsed.ok) return Response.json({ errors: parsed.errors }, { status: 400 });
  const saved = saveUnit({ actor: admin, scope, id: id ?? undefined, value: parsed.value });
  if (!saved.ok && saved.reason === "notFound") throw new Response("Not Found", { status: 404 });
  if (!saved.ok)
    return Response.json({ errors: { municipalityId: "admin-catalogue:units.errors.municipality" } }, { status: 400 });
  return redirectWithFlash("/admin/enheter", "admin-catalogue:flash.unitSaved");
}

export default function AdminUnits() {
  const { municipalities, units, editing } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>() as { errors?: FieldErrors } | undefined;
  const errors = data?.errors;
  const { t } = useTranslation("admin-catalogue");
  return (
    <>
      <ErrorSummary errors={errors} order={[...UNIT_FIELDS]} />
      <h1>{t("units.title")}</h1>
      <p className="lead">{t("units.lead")}</p>
      {units.length === 0 ? (
        <p>{t("units.none")}</p>
      ) : (
        <AdminTable
          caption={t("units.tableCaption")}
          columns={[
            t("units.name"),
            t("units.municipality"),
            t("units.kind"),
            t("units.ages"),
            t("units.capacity"),
            t("units.status"),
            t("units.actions"),
          ]}
        >
          {units.map((u) => (
            <tr key={u.id} data-testid={`unit-${u.id}`}>
              <th scope="row">
                {u.name}
                {u.example ? ` (${t("units.example")})` : ""}
              </th>
              <td>{u.municipality}</td>
              <td>{t(`units.kinds.${u.kind}`)}</td>
              <td>{t("units.agesValue", { from: u.ageFrom, to: u.ageTo })}</td>
              <td>{u.capacity}</td>
              <td>{u.closedAt ? t("units.closed", { date: u.closedAt.slice(0, 10) }) : t("units.open")}</td>
              <td>
                <a href={`/admin/enheter?enhet=${u.id}#unit-form`}>
                  {t("units.edit")}
                  <span className="visually-hidden"> {u.name}</span>
                </a>
              </td>
            </tr>
          ))}
        </AdminTable>
      )}

      <AdminFormSection
        id="unit-form"
        title={editing ? t("units.editTitle", { name: editing.name }) : t("units.addTitle")}
        intro={
          editing ? (
            <p>
              <a href="/admin/enheter#unit-form">{t("units.addInstead")}</a>
            </p>
          ) : null
        }
        submitLabel={t("units.save")}
        intent="save"
      >
        {editing ? <input type="hidden" name="id" value={editing.id} /> : null}
        <SelectField
          name="municipalityId"
          label={t("units.municipality")}
          error={errors?.municipalityId}
          defaultValue={editing ? String(editing.municipalityId) : undefined}
          options={municipalities.map((m) => ({ value: String(m.id), label: m.name }))}
        />
        <TextField name="name" label={t("units.name")} error={errors?.name} defaultValue={editing?.name} />
        <SelectField
          name="kind"
          label={t("units.kind")}
          error={errors?.kind}
          defaultValue={editing?.kind}
          options={UNIT_KINDS.map((k) => ({ value: k, label: t(`units.kinds.${k}`) }))}
        />
        <TextField
          name="street"
          label={t("units.street")}
          error={errors?.street}
          defaultValue={editing?.street}
          autoComplete="off"
        />
        <TextField
          name="postalCode"
          label={t("units.postalCode")}
          hint={t("units.postalCodeHint")}
          error={errors?.postalCode}
          defaultValue={editing?.postalCode}
          inputMode="numeric"
          width="short"
        />
        <TextField name="town" label={t("units.town")} error={errors?.town} defaultValue={editing?.town} />
        <TextField
          name="ageFrom"
          label={t("units.ageFrom")}
          error={errors?.ageFrom}
          defaultValue={editing ? String(editing.ageFrom) : undefined}
          inputMode="numeric"
          width="short"
        />
        <TextField
          name="ageTo"
          label={t("units.ageTo")}
          error={errors?.ageTo}
          defaultValue={editing ? String(editing.ageTo) : undefined}
          inputMode="numeric"
          width="short"
        />
        <TextField
          name="capacity"
          label={t("units.capacity")}
          hint={t("units.capacityHint")}
          error={errors?.capacity}
          defaultValue={editing ? String(editing.capacity) : undefined}
          inputMode="numeric"
          width="short"
        />
        <TextField name="phone" label={t("units.phone")} error={errors?.phone} defaultValue={editing?.phone} />
      </AdminFormSection>

      {editing ? (
        <>
          <h2 id="unit-close">{editing.closedAt ? t("units.reopenTitle") : t("units.closeTitle")}</h2>
          <p>{editing.closedAt ? t("units.reopenLead") : t("units.closeLead", { count: editing.references })}</p>
          <Form method="post" reloadDocument aria-labelledby="unit-close">
            <CsrfField />
            <input type="hidden" name="id" value={editing.id} />
            <button
              type="submit"
              className="button button--secondary"
              name="intent"
              value={editing.closedAt ? "reopen" : "close"}
            >
              {editing.closedAt ? t("units.reopen") : t("units.close")}
            </button>
          </Form>
        </>
      ) : null}
    </>
  );
}
