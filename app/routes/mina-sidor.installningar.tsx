import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { readForm } from "~/services/multipart.server";
import { requireCsrf } from "~/auth/csrf.server";
import { CsrfField } from "~/components/ui/CsrfField";
import { FieldErrorSummary, TextInput } from "~/components/mypages/Fields";
import { MyPagesNav } from "~/components/mypages/MyPagesNav";
import { getFixedT, getLanguage } from "~/i18n/i18n.server";
import { changeNotificationSettings, getNotificationSettings } from "~/services/notifications.server";
import { requireResidentViewer } from "~/services/resident-viewer.server";
import { swedishMobile } from "~/services/sms.server";
import styles from "~/styles/mypages.css";
import { redirectWithFlash } from "~/utils/flash.server";
import type { RouteHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta;
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const handle: RouteHandle = {
  i18n: ["mypages"],
  breadcrumb: () => [
    { labelKey: "mypages:breadcrumb", href: "/mina-sidor" },
    { labelKey: "mypages:settings.title", href: "/mina-sidor/installningar" },
  ],
};

export async function loader({ request }: LoaderFunctionArgs) {
  const { viewer } = await requireResidentViewer(request);
  return {
    title: getFixedT(request, "mypages")("settings.title"),
    settings: getNotificationSettings(viewer.personnummerHmac),
  };
}

const Email = z.email().max(200);

export async function action({ request }: ActionFunctionArgs) {
  const { user, viewer } = await requireResidentViewer(request);
  const form = await readForm(request);
  await requireCsrf(request, form);
  const emailEnabled = form.get("emailEnabled") === "on";
  const email = String(form.get("email") ?? "")
    .trim()
    .toLowerCase();
  const smsEnabled = form.get("smsEnabled") === "on";
  const phoneText = String(form.get("phone") ?? "")
    .trim()
    .slice(0, 40);
  const values = { emailEnabled, email, smsEnabled, phone: phoneText };
  const phone = phoneText ? swedishMobile(phoneText) : null;
  const errors: Record<string, string> = {};
  if (email && !Email.safeParse(email).success) errors.email = "invalid";
  else if (emailEnabled && !email) errors.email = "required";
  if (phoneText && !phone) errors.phone = "invalid";
  else if (smsEnabled && !phone) errors.phone = "required";
  if (Object.keys(errors).length > 0) return data({ values, errors }, { status: 400 });
  changeNotificationSettings({
    viewer,
    actor: user,
    settings: { emailEnabled, email: email || null, smsEnabled, phone, language: getLanguage(request) },
  });
  return redirectWithFlash("/mina-sidor/installningar", "mypages:settings.saved");
}

const EMAIL_ERROR_KEY = {
  invalid: "mypages:settings.errors.email.invalid",
  required: "mypages:settings.errors.email.required",
} as const;
const PHONE_ERROR_KEY = {
  invalid: "mypages:settings.errors.phone.invalid",
  required: "mypages:settings.errors.phone.required",
} as const;

export default function Settings() {
  const { settings } = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>();
  const { t } = useTranslation("mypages");
  const values = a?.values ?? {
    emailEnabled: settings.emailEnabled,
    email: settings.email ?? "",
    smsEnabled: settings.smsEnabled,
    phone: settings.phone ?? "",
  };
  const errors: Record<string, string> = a?.errors ?? {};
  return (
    <>
      <h1>{t("settings.title")}</h1>
      <p className="lead">{t("settings.lead")}</p>
      <MyPagesNav />
      <FieldErrorSummary
        title={t("case.errors.summary")}
        errors={errors}
        fields={["email", "phone"]}
        keyOf={(f, code) => (f === "phone" ? PHONE_ERROR_KEY : EMAIL_ERROR_KEY)[code as "invalid" | "required"]}
      />
      <Form method="post" reloadDocument>
        <CsrfField />
        <fieldset className="field">
          <legend>{t("settings.emailLegend")}</legend>
          <div className="field choices">
            <label>
              <input type="checkbox" id="emailEnabled" name="emailEnabled" defaultChecked={values.emailEnabled} />
              <span>{t("settings.emailEnabled")}</span>
            </label>
          </div>
          <TextInput
            name="email"
            type="email"
            autoComplete="email"
            label={t("settings.email")}
            hint={t("settings.emailHint")}
            defaultValue={values.email}
            errorKey={errors.email ? EMAIL_ERROR_KEY[errors.email as "invalid" | "required"] : undefined}
          />
        </fieldset>
        <fieldset className="field">
          <legend>{t("settings.smsLegend")}</legend>
          <div className="field choices">
            <label>
              <input type="checkbox" id="smsEnabled" name="smsEnabled" defaultChecked={values.smsEnabled} />
              <span>{t("settings.smsEnabled")}</span>
            </label>
          </div>
          <TextInput
            name="phone"
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            label={t("settings.phone")}
            hint={t("settings.phoneHint")}
            defaultValue={values.phone}
            errorKey={errors.phone ? PHONE_ERROR_KEY[errors.phone as "invalid" | "required"] : undefined}
          />
        </fieldset>
        <button type="submit" className="button">
          {t("settings.save")}
        </button>
      </Form>
    </>
  );
}
