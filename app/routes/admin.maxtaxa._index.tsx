import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireCsrf } from "~/auth/csrf.server";
import { requirePortalAdmin } from "~/auth/guards.server";
import { AdminFormSection, AdminTable } from "~/components/admin/AdminCatalogue";
import { ErrorSummary, TextField, type FieldErrors } from "~/components/ui/FormErrors";
import { getFixedT } from "~/i18n/i18n.server";
import { readForm } from "~/services/multipart.server";
import { listMaxtaxa, MAXTAXA_FIELDS, parseMaxtaxaForm, saveMaxtaxa } from "~/services/taxa.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { formatNumber } from "~/utils/format";
import { adminCatalogueHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta;
export const handle = adminCatalogueHandle("maxtaxa.title", "/admin/maxtaxa");

const forbidden = () => new Response("Forbidden", { status: 403, statusText: "Forbidden" });

// The maxtaxa is national: portal-wide administrators only (docs/decisions/060).

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePortalAdmin(request);
  const rows = listMaxtaxa();
  const year = new URL(request.url).searchParams.get("ar");
  return {
    title: getFixedT(request, "admin-catalogue")("maxtaxa.title"),
    rows,
    editing: rows.find((r) => String(r.year) === year) ?? null,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requirePortalAdmin(request);
  const form = await readForm(request);
  await requireCsrf(request, form);
  const parsed = parseMaxtaxaForm(form);
  if (!parsed.ok) return Response.json({ errors: parsed.errors }, { status: 400 });
  if (saveMaxtaxa({ actor: admin, value: parsed.value }) === "forbidden") throw forbidden();
  return redirectWithFlash("/admin/maxtaxa", "admin-catalogue:flash.maxtaxaSaved");
}

export default function AdminMaxtaxa() {
  const { rows, editing } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>() as { errors?: FieldErrors } | undefined;
  const errors = data?.errors;
  const { t } = useTranslation("admin-catalogue");
  const fees = (xs: number[]) => xs.map((x) => formatNumber(x, 0)).join(" / ");
  return (
    <>
      <ErrorSummary errors={errors} order={[...MAXTAXA_FIELDS]} />
      <h1>{t("maxtaxa.title")}</h1>
      <p className="lead">{t("maxtaxa.lead")}</p>
      <AdminTable
        caption={t("maxtaxa.tableCaption")}
        columns={[
          t("maxtaxa.year"),
          t("maxtaxa.incomeCap"),
          t("maxtaxa.forskola"),
          t("maxtaxa.fritidshem"),
          t("maxtaxa.source"),
          t("maxtaxa.actions"),
        ]}
      >
        {rows.map((r) => (
          <tr key={r.year}>
            <th scope="row">{r.year}</th>
            <td>{formatNumber(r.incomeCapPerMonth, 0)}</td>
            <td>{fees(r.forskolaMaxFees)}</td>
            <td>{fees(r.fritidshemMaxFees)}</td>
            <td>{r.source}</td>
            <td>
              <a href={`/admin/maxtaxa?ar=${r.year}#maxtaxa-form`}>
                {t("maxtaxa.edit")}
                <span className="visually-hidden"> {r.year}</span>
              </a>
            </td>
          </tr>
        ))}
      </AdminTable>

      <AdminFormSection
        id="maxtaxa-form"
        title={editing ? t("maxtaxa.editTitle", { year: editing.year }) : t("maxtaxa.addTitle")}
        intro={<p>{t("maxtaxa.formLead")}</p>}
        submitLabel={t("maxtaxa.save")}
      >
        <TextField
          name="year"
          label={t("maxtaxa.year")}
          hint={t("maxtaxa.yearHint")}
          error={errors?.year}
          defaultValue={editing ? String(editing.year) : undefined}
          inputMode="numeric"
          width="short"
        />
        <TextField
          name="incomeCapPerMonth"
          label={t("maxtaxa.incomeCap")}
          hint={t("maxtaxa.incomeCapHint")}
          error={errors?.incomeCapPerMonth}
          defaultValue={editing ? String(editing.incomeCapPerMonth) : undefined}
          inputMode="numeric"
          width="medium"
        />
        <TextField
          name="source"
          label={t("maxtaxa.source")}
          hint={t("maxtaxa.sourceHint")}
          error={errors?.source}
          defaultValue={editing?.source}
        />
      </AdminFormSection>
    </>
  );
}
