import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireCsrf } from "~/auth/csrf.server";
import { adminMunicipalities, requireStaff } from "~/auth/guards.server";
import { municipalityNames } from "~/auth/staff.server";
import { CsrfField } from "~/components/ui/CsrfField";
import { ErrorSummary, TextAreaField, TextField, type FieldErrors } from "~/components/ui/FormErrors";
import { getFixedT } from "~/i18n/i18n.server";
import { readForm } from "~/services/multipart.server";
import { merchantView, saveMerchant } from "~/services/payment-merchants.server";
import type { RouteHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta;
export const handle: RouteHandle = {
  i18n: ["auth", "admin-catalogue"],
  breadcrumb: () => [
    { labelKey: "auth:staffHome.title", href: "/personal" },
    { labelKey: "admin-catalogue:payments.title", href: "/admin/betalningar" },
  ],
};

/**
 * /admin/betalningar/handlare?kommun=ID: the Swish merchant of a municipality (each is its own
 * merchant; decision 094): merchant number, certificate and key (write-only, encrypted at rest,
 * shown back as a fingerprint), callback address. Only for administrators of that municipality.
 */
async function guard(request: Request, requested: string | null) {
  const admin = await requireStaff(request, "users.admin");
  const scope = adminMunicipalities(admin, "users.admin");
  const names = municipalityNames();
  const allowed = scope ?? [...names.keys()];
  const chosen = requested === null ? allowed[0] : Number(requested);
  if (chosen === undefined || !Number.isSafeInteger(chosen) || !names.has(chosen))
    throw new Response("Not found", { status: 404 });
  if (!allowed.includes(chosen)) throw new Response("Forbidden", { status: 403, statusText: "Forbidden" });
  return { admin, municipalityId: chosen, names, allowed };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { municipalityId, names, allowed } = await guard(request, new URL(request.url).searchParams.get("kommun"));
  return {
    title: getFixedT(request, "admin-catalogue")("payments.merchant.title"),
    municipalityId,
    municipalityName: names.get(municipalityId) ?? "",
    municipalities: allowed.map((id) => ({ id, name: names.get(id) ?? "" })),
    merchant: merchantView(municipalityId),
  };
}

type ActionData = { errors?: FieldErrors; saved?: boolean };

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const { admin, municipalityId } = await guard(request, String(form.get("kommun") ?? ""));
  await requireCsrf(request, form);
  const field = (name: string, max: number) => String(form.get(name) ?? "").slice(0, max);
  const result = saveMerchant({
    actor: admin,
    municipalityId,
    payeeAlias: field("payeeAlias", 40),
    certPem: field("cert", 20_000),
    keyPem: field("key", 20_000),
    callbackUrl: field("callbackUrl", 600),
  });
  if (!result.ok) return data({ errors: result.errors } satisfies ActionData, { status: 400 });
  return { saved: true } satisfies ActionData;
}

export default function AdminPaymentMerchant() {
  const { municipalityId, municipalityName, municipalities, merchant } = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>() as ActionData | undefined;
  const { t } = useTranslation("admin-catalogue");
  const errors = posted?.errors;
  return (
    <>
      <h1>{t("payments.merchant.title")}</h1>
      <p className="lead">{t("payments.merchant.lead")}</p>
      {municipalities.length > 1 ? (
        <Form method="get" className="inline-form">
          <div className="field">
            <label htmlFor="kommun-val">{t("payments.municipality")}</label>
            <select id="kommun-val" name="kommun" defaultValue={municipalityId}>
              {municipalities.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
          </div>
          <button className="button button--secondary" type="submit">
            {t("payments.merchant.choose")}
          </button>
        </Form>
      ) : null}
      {posted?.saved ? (
        <div className="alert alert--success" role="status">
          <p>{t("payments.merchant.saved", { municipality: municipalityName })}</p>
        </div>
      ) : null}
      <ErrorSummary errors={errors} order={["payeeAlias", "cert", "key", "callbackUrl"]} />
      <h2 id="current-title">{t("payments.merchant.current", { municipality: municipalityName })}</h2>
      <dl className="summary-list" aria-labelledby="current-title" data-testid="merchant-current">
        <div className="summary-list__row">
          <dt>{t("payments.merchant.payeeAlias")}</dt>
          <dd>{merchant.payeeAlias ?? t("payments.merchant.default")}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t("payments.merchant.certificate")}</dt>
          <dd>
            {merchant.certFingerprint
              ? t("payments.merchant.certStored", {
                  fingerprint: merchant.certFingerprint,
                  validTo: (merchant.certValidTo ?? "").slice(0, 10),
                })
              : t("payments.merchant.default")}
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>{t("payments.merchant.callbackUrl")}</dt>
          <dd>{merchant.callbackUrl ?? t("payments.merchant.callbackDefault")}</dd>
        </div>
      </dl>
      <Form method="post" noValidate aria-labelledby="edit-title">
        <h2 id="edit-title">{t("payments.merchant.edit")}</h2>
        <CsrfField />
        <input type="hidden" name="kommun" value={municipalityId} />
        <TextField
          name="payeeAlias"
          label={t("payments.merchant.payeeAlias")}
          hint={t("payments.merchant.payeeAliasHint")}
          inputMode="numeric"
          width="short"
          defaultValue={merchant.payeeAlias ?? ""}
          error={errors?.payeeAlias}
        />
        <TextAreaField
          name="cert"
          label={t("payments.merchant.certificate")}
          hint={t("payments.merchant.certHint")}
          error={errors?.cert}
        />
        <TextAreaField
          name="key"
          label={t("payments.merchant.key")}
          hint={t("payments.merchant.keyHint")}
          error={errors?.key}
        />
        <TextField
          name="callbackUrl"
          label={t("payments.merchant.callbackUrl")}
          hint={t("payments.merchant.callbackUrlHint")}
          defaultValue={merchant.callbackUrl ?? ""}
          error={errors?.callbackUrl}
        />
        <button className="button" type="submit">
          {t("payments.merchant.save")}
        </button>
      </Form>
    </>
  );
}
