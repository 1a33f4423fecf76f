import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { readForm } from "~/services/multipart.server";
import { requireCsrf } from "~/auth/csrf.server";
import { CsrfField } from "~/components/ui/CsrfField";
import { FieldErrorSummary, TextInput } from "~/components/mypages/Fields";
import { MyPagesNav } from "~/components/mypages/MyPagesNav";
import { getFixedT } from "~/i18n/i18n.server";
import { childcareOverview, reportIncome } from "~/services/childcare.server";
import { requireResidentViewer } from "~/services/resident-viewer.server";
import styles from "~/styles/mypages.css";
import { formatCurrency, formatDate } from "~/utils/format";
import { redirectWithFlash } from "~/utils/flash.server";
import type { RouteHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";
import { CASE_STATUS_KEY } from "~/i18n/keys";

export const meta = pageMeta;
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const handle: RouteHandle = {
  i18n: ["mypages", "childcare", "eservice"],
  breadcrumb: () => [
    { labelKey: "mypages:breadcrumb", href: "/mina-sidor" },
    { labelKey: "childcare:overview.title", href: "/mina-sidor/barnomsorg" },
  ],
};

export async function loader({ request }: LoaderFunctionArgs) {
  const { viewer } = await requireResidentViewer(request);
  return { title: getFixedT(request, "childcare")("overview.title"), ...(await childcareOverview({ viewer })) };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, viewer } = await requireResidentViewer(request);
  const form = await readForm(request);
  await requireCsrf(request, form);
  const raw = String(form.get("monthlyIncome") ?? "").replace(/\s/g, "");
  if (!raw) return data({ errors: { monthlyIncome: "required" } }, { status: 400 });
  if (!/^\d{1,8}$/.test(raw)) return data({ errors: { monthlyIncome: "invalid" } }, { status: 400 });
  if (!(await reportIncome({ viewer, actor: user, monthlyIncome: Number(raw) })))
    throw new Response("Not found", { status: 404 });
  return redirectWithFlash("/mina-sidor/barnomsorg", "childcare:fee.income.saved");
}

export default function ChildcareOverview() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>();
  const { t } = useTranslation("childcare");
  const errors: Record<string, string> = a?.errors ?? {};
  return (
    <>
      <h1>{t("overview.title")}</h1>
      <p className="lead">{t("overview.lead")}</p>
      <MyPagesNav />
      <FieldErrorSummary
        title={t("apply.errors.summary")}
        errors={errors}
        fields={["monthlyIncome"]}
        keyOf={(_f, code) => `childcare:fee.income.errors.${code}`}
      />

      <section aria-labelledby="apps-title">
        <h2 id="apps-title">{t("overview.applications")}</h2>
        {d.cases.length === 0 ? (
          <p>{t("overview.none")}</p>
        ) : (
          <div className="table-wrap">
            <table aria-labelledby="apps-title" className="table--wide">
              <thead>
                <tr>
                  <th scope="col">{t("mypages:cases.reference")}</th>
                  <th scope="col">{t("mypages:cases.municipality")}</th>
                  <th scope="col">{t("mypages:cases.status")}</th>
                  <th scope="col">{t("mypages:cases.submitted")}</th>
                </tr>
              </thead>
              <tbody>
                {d.cases.map((c) => (
                  <tr key={c.reference}>
                    <td>
                      <Link to={`/mina-sidor/arenden/${c.reference}`}>{c.reference}</Link>
                    </td>
                    <td>{c.municipality}</td>
                    <td>{t(CASE_STATUS_KEY[c.status], { defaultValue: c.status })}</td>
                    <td>{formatDate(c.createdAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <p>
          <Link to="/blanketter/forskola-ansokan" className="button">
            {t("overview.apply")}
          </Link>
        </p>
      </section>

      <section aria-labelledby="fee-title">
        <h2 id="fee-title">{t("fee.heading")}</h2>
        {d.fee && d.fee.children.length > 0 ? (
          <div className="table-wrap">
            <table aria-labelledby="fee-title">
              <thead>
                <tr>
                  <th scope="col">{t("fee.child")}</th>
                  <th scope="col">{t("fee.basis")}</th>
                  <th scope="col">{t("fee.amount")}</th>
                </tr>
              </thead>
              <tbody>
                {d.fee.children.map((c) => (
                  <tr key={String(c.id)}>
                    <td>
                      {c.name} ({t(`careKind.${c.kind}`)})
                    </td>
                    <td>
                      {t("case.fee.order", { order: c.order })}
                      {c.reasons.map((r) => (
                        <span key={r}>
                          <br />
                          {t(`case.fee.reasons.${r}`, { cap: formatCurrency(d.fee!.config.incomeCapPerMonth) })}
                        </span>
                      ))}
                    </td>
                    <td>{formatCurrency(c.fee)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" colSpan={2}>
                    {t("fee.total")}
                  </th>
                  <td>{formatCurrency(d.fee.result.total)}</td>
                </tr>
              </tfoot>
            </table>
          </div>
        ) : (
          <p>{t("fee.none")}</p>
        )}
        {d.fee ? (
          <p className="note">
            {t("fee.configuration", { year: d.fee.config.year, cap: formatCurrency(d.fee.config.incomeCapPerMonth) })}
          </p>
        ) : null}
      </section>

      {d.fee ? (
        <section aria-labelledby="income-title" className="panel--plain">
          <h2 id="income-title">{t("fee.income.heading")}</h2>
          <p>
            {d.fee.income !== null
              ? t("fee.income.current", { amount: formatCurrency(d.fee.income) })
              : t("fee.income.none")}
          </p>
          <Form method="post" reloadDocument>
            <CsrfField />
            <TextInput
              name="monthlyIncome"
              label={t("fee.income.label")}
              hint={t("fee.income.hint")}
              inputMode="numeric"
              width="input--width-10"
              errorKey={errors.monthlyIncome ? `childcare:fee.income.errors.${errors.monthlyIncome}` : undefined}
            />
            <button type="submit" className="button">
              {t("fee.income.button")}
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}
