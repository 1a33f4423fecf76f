import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireCsrf } from "~/auth/csrf.server";
import { completeEnrolment, getOpenEnrolment } from "~/auth/enrolment.server";
import { createSession } from "~/auth/session.server";
import { CsrfField } from "~/components/ui/CsrfField";
import { ErrorSummary, TextField } from "~/components/ui/FormErrors";
import { getFixedT } from "~/i18n/i18n.server";
import { readForm } from "~/services/multipart.server";
import type { RouteHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta;
export const handle: RouteHandle = { i18n: ["auth", "admin"] };

/** The one-time link `npm run admin:create` prints (decision 056): set a password, then enrol TOTP. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const open = getOpenEnrolment(params.token ?? "");
  const title = getFixedT(request, "admin")("enrolment.title");
  if (!open) return Response.json({ title, valid: false, username: "" }, { status: 410 });
  return { title, valid: true, username: open.username };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request);
  await requireCsrf(request, form);
  const result = await completeEnrolment(
    params.token ?? "",
    String(form.get("password") ?? "").slice(0, 500),
    String(form.get("confirm") ?? "").slice(0, 500),
  );
  if (!result.ok) {
    if (result.error === "invalid")
      return Response.json({ errors: { password: "admin:enrolment.invalid" } }, { status: 410 });
    const field = result.error === "mismatch" ? "confirm" : "password";
    return Response.json({ errors: { [field]: `admin:enrolment.errors.${result.error}` } }, { status: 400 });
  }
  // The existing first-login flow takes over: the TOTP enrolment page, then /admin.
  const { setCookie } = await createSession(request, {
    kind: "staff",
    staffUserId: result.staffUserId,
    stage: "enrol",
  });
  return redirect("/personal/logga-in/registrera?redirectTo=%2Fadmin", { headers: { "Set-Cookie": setCookie } });
}

export default function Enrolment() {
  const { valid, username } = useLoaderData<{ valid: boolean; username: string }>();
  const data = useActionData<{ errors?: Record<string, string> }>();
  const { t } = useTranslation("admin");
  if (!valid)
    return (
      <div className="prose">
        <h1>{t("enrolment.title")}</h1>
        <p>{t("enrolment.invalid")}</p>
      </div>
    );
  return (
    <div className="prose">
      <ErrorSummary errors={data?.errors} order={["password", "confirm"]} />
      <h1>{t("enrolment.title")}</h1>
      <p className="lead">{t("enrolment.lead", { username })}</p>
      <Form method="post" noValidate>
        <CsrfField />
        <TextField
          name="password"
          type="password"
          autoComplete="new-password"
          label={t("enrolment.password")}
          hint={t("enrolment.passwordHint")}
          error={data?.errors?.password}
        />
        <TextField
          name="confirm"
          type="password"
          autoComplete="new-password"
          label={t("enrolment.confirm")}
          error={data?.errors?.confirm}
        />
        <button type="submit" className="button">
          {t("enrolment.submit")}
        </button>
      </Form>
    </div>
  );
}
