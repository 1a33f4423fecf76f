import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { adminMunicipalities, requireStaff } from "~/auth/guards.server";
import { municipalityNames } from "~/auth/staff.server";
import { getFixedT } from "~/i18n/i18n.server";
import { swedishDate } from "~/services/permit-clock";
import { adminCatalogueHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta;
export const handle = adminCatalogueHandle("payments.title", "/admin/betalningar");

/** The finance office's reconciliation export per municipality (decision 080). */
export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireStaff(request, "users.admin");
  const scope = adminMunicipalities(admin, "users.admin");
  const names = municipalityNames();
  const today = swedishDate(new Date());
  return {
    title: getFixedT(request, "admin-catalogue")("payments.title"),
    municipalities: (scope ?? [...names.keys()]).map((id) => ({ id, name: names.get(id) ?? "" })),
    from: `${today.slice(0, 7)}-01`,
    to: today,
  };
}

export default function AdminPayments() {
  const { municipalities, from, to } = useLoaderData<typeof loader>();
  const { t } = useTranslation("admin-catalogue");
  return (
    <>
      <h1>{t("payments.title")}</h1>
      <p className="lead">{t("payments.lead")}</p>
      <p>
        <Link to="/admin/betalningar/handlare">{t("payments.merchantLink")}</Link>
      </p>
      <Form method="get" action="/admin/betalningar.csv" reloadDocument>
        <div className="field">
          <label htmlFor="kommun">{t("payments.municipality")}</label>
          <select id="kommun" name="kommun">
            {municipalities.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="fran">{t("payments.from")}</label>
          <input id="fran" name="fran" type="date" defaultValue={from} required />
        </div>
        <div className="field">
          <label htmlFor="till">{t("payments.to")}</label>
          <input id="till" name="till" type="date" defaultValue={to} required />
        </div>
        <button className="button" type="submit">
          {t("payments.download")}
        </button>
      </Form>
    </>
  );
}
