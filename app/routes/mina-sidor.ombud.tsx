import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { parsePersonnummer } from "../../forms/lib/identity-number";
import { requireCsrf } from "~/auth/csrf.server";
import { requireResident } from "~/auth/guards.server";
import { CsrfField } from "~/components/ui/CsrfField";
import { FieldErrorSummary, TextInput } from "~/components/mypages/Fields";
import { getFixedT } from "~/i18n/i18n.server";
import { grantMandate, listMandates, requireActingSignatory, revokeMandate } from "~/services/mandates.server";
import { readForm } from "~/services/multipart.server";
import { now } from "~/utils/clock.server";
import { redirectWithFlash } from "~/utils/flash.server";
import type { RouteHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";

/** A mandate's state as its text (a map, not a key built at run time: app/i18n/keys-used.test.ts). */
const MANDATE_STATE_KEYS = {
  active: "mandates.states.active",
  ended: "mandates.states.ended",
  revoked: "mandates.states.revoked",
} as const;

export const meta = pageMeta;
export const handle: RouteHandle = {
  i18n: ["auth", "mypages"],
  breadcrumb: () => [
    { labelKey: "mypages:breadcrumb", href: "/mina-sidor" },
    { labelKey: "auth:mandates.title", href: "/mina-sidor/ombud" },
  ],
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireResident(request, { partyChosen: true });
  const company = await requireActingSignatory(user);
  return {
    title: getFixedT(request, "auth")("mandates.title"),
    company,
    mandates: listMandates(company),
  };
}

const Name = z.string().trim().min(1).max(100);
const IsoDate = z.string().regex(/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/);

type Values = { personnummer: string; granteeName: string; validTo: string };

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireResident(request, { partyChosen: true });
  const form = await readForm(request);
  await requireCsrf(request, form);
  const company = await requireActingSignatory(user);
  if (form.get("intent") === "revoke") {
    const id = String(form.get("mandateId") ?? "");
    if (!/^[0-9]{1,9}$/.test(id) || !revokeMandate(user, company, Number(id)))
      throw data({ error: "no such mandate" }, { status: 404 });
    return redirectWithFlash("/mina-sidor/ombud", "auth:mandates.revoked");
  }
  const values: Values = {
    personnummer: String(form.get("personnummer") ?? "").trim(),
    granteeName: String(form.get("granteeName") ?? "").trim(),
    validTo: String(form.get("validTo") ?? "").trim(),
  };
  const errors: Record<string, string> = {};
  const pnr = parsePersonnummer(values.personnummer, now());
  if (!values.personnummer) errors.personnummer = "required";
  else if (!pnr.ok) errors.personnummer = pnr.code;
  if (!Name.safeParse(values.granteeName).success) errors.granteeName = "required";
  const today = now().toISOString().slice(0, 10);
  if (values.validTo) {
    const valid = IsoDate.safeParse(values.validTo).success && !Number.isNaN(Date.parse(values.validTo));
    if (!valid) errors.validTo = "format";
    else if (values.validTo < today) errors.validTo = "past";
  }
  if (Object.keys(errors).length > 0 || !pnr.ok) return data({ values, errors }, { status: 400 });
  const result = grantMandate(user, company, {
    personnummer: pnr.value.normalized,
    granteeName: values.granteeName,
    validTo: values.validTo || null,
  });
  if (!result.ok) return data({ values, errors: { [result.field]: result.code } }, { status: 400 });
  return redirectWithFlash("/mina-sidor/ombud", "auth:mandates.granted", { values: { name: values.granteeName } });
}

const FIELDS = ["personnummer", "granteeName", "validTo"];

export default function Mandates() {
  const { company, mandates } = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>();
  const { t } = useTranslation("auth");
  const errors: Record<string, string> = a?.errors ?? {};
  const values = a?.values ?? { personnummer: "", granteeName: "", validTo: "" };
  const key = (f: string, code: string) => `auth:mandates.errors.${f}.${code}`;
  return (
    <>
      <h1>{t("mandates.title")}</h1>
      <p className="lead">{t("mandates.lead", { company: company.name })}</p>
      <FieldErrorSummary title={t("errors.summaryTitle")} errors={errors} fields={FIELDS} keyOf={key} />
      <h2>{t("mandates.listTitle")}</h2>
      {mandates.length === 0 ? (
        <p>{t("mandates.none")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t("mandates.listTitle")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("mandates.grantee")}</th>
                <th scope="col">{t("mandates.state")}</th>
                <th scope="col">{t("mandates.history")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("mandates.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {mandates.map((m) => (
                <tr key={m.id}>
                  <td>
                    {m.granteeName} <span className="note">({m.personnummer})</span>
                  </td>
                  <td>
                    {t(MANDATE_STATE_KEYS[m.state])}
                    {m.validTo ? ` ${t("mandates.until", { date: m.validTo })}` : ""}
                  </td>
                  <td>
                    {t("mandates.grantedBy", { name: m.grantedBy, date: m.grantedAt.slice(0, 10) })}
                    {m.revokedBy && m.revokedAt ? (
                      <>
                        <br />
                        {t("mandates.revokedBy", { name: m.revokedBy, date: m.revokedAt.slice(0, 10) })}
                      </>
                    ) : null}
                  </td>
                  <td>
                    {m.state === "active" ? (
                      <Form method="post" reloadDocument>
                        <CsrfField />
                        <input type="hidden" name="intent" value="revoke" />
                        <input type="hidden" name="mandateId" value={m.id} />
                        <button type="submit" className="button button--secondary">
                          {t("mandates.revoke", { name: m.granteeName })}
                        </button>
                      </Form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>{t("mandates.grantTitle")}</h2>
      <Form method="post" reloadDocument noValidate>
        <CsrfField />
        <input type="hidden" name="intent" value="grant" />
        <TextInput
          name="personnummer"
          inputMode="numeric"
          label={t("mandates.personnummer")}
          hint={t("mandates.personnummerHint")}
          defaultValue={values.personnummer}
          errorKey={errors.personnummer ? key("personnummer", errors.personnummer) : undefined}
        />
        <TextInput
          name="granteeName"
          autoComplete="off"
          label={t("mandates.granteeName")}
          defaultValue={values.granteeName}
          errorKey={errors.granteeName ? key("granteeName", errors.granteeName) : undefined}
        />
        <TextInput
          name="validTo"
          label={t("mandates.validTo")}
          hint={t("mandates.validToHint")}
          defaultValue={values.validTo}
          errorKey={errors.validTo ? key("validTo", errors.validTo) : undefined}
        />
        <button type="submit" className="button">
          {t("mandates.grant")}
        </button>
      </Form>
    </>
  );
}
