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
import { getFixedT } from "~/i18n/i18n.server";
import { changeNotificationSettings, getNotificationSettings } from "~/services/notifications.server";
import { requireResidentViewer } from "~/services/resident-viewer.server";
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
  const values = { emailEnabled, email };
  if (email && !Email.safeParse(email).success) return data({ values, errors: { email: "invalid" } }, { status: 400 });
  if (emailEnabled && !email) return data({ values, errors: { email: "required" } }, { status: 400 });
  changeNotificationSettings({ viewer, actor: user, settings: { emailEnabled, email: email || null } });
  return redirectWithFlash("/mina-sidor/installningar", "mypages:settings.saved");
}

export default function Settings() {
  const { settings } = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>();
  const { t } = useTranslation("mypages");
  const values = a?.values ?? { emailEnabled: settings.emailEnabled, email: settings.email ?? "" };
  const errors: Record<string, string> = a?.errors ?? {};
  return (
    <>
      <h1>{t("settings.title")}</h1>
      <p className="lead">{t("settings.lead")}</p>
      <MyPagesNav />
      <FieldErrorSummary
        title={t("case.errors.summary")}
        errors={errors}
        fields={["email"]}
        keyOf={(_f, code) => `mypages:settings.errors.email.${code}`}
      />
      <Form method="post" reloadDocument>
        <CsrfField />
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
          errorKey={errors.email ? `mypages:settings.errors.email.${errors.email}` : undefined}
        />
        <button type="submit" className="button">
          {t("settings.save")}
        </button>
      </Form>
    </>
  );
}
