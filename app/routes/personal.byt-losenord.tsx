import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { readForm } from "~/services/multipart.server";
import { requireCsrf } from "~/auth/csrf.server";
import { requireStaffUser } from "~/auth/guards.server";
import { changePassword, PASSWORD_MIN } from "~/auth/staff.server";
import { CsrfField } from "~/components/ui/CsrfField";
import { PasswordStrength, ShowPasswordToggle } from "~/components/ui/PasswordAids";
import { ErrorSummary, TextField, type FieldErrors } from "~/components/ui/FormErrors";
import { getFixedT } from "~/i18n/i18n.server";
import { audit } from "~/platform/audit.server";
import { redirectWithFlash } from "~/utils/flash.server";
import type { RouteHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";
import { safeRedirectPath } from "~/utils/safe-redirect";

export const meta = pageMeta;
// Hydrated for the show-password buttons and the strength meter (progressive enhancement).
export const handle: RouteHandle = {
  i18n: "auth",
  hydrate: true,
  breadcrumb: () => [
    { labelKey: "auth:staffHome.title", href: "/personal" },
    { labelKey: "auth:password.title", href: "/personal/byt-losenord" },
  ],
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaffUser(request, { allowPasswordChange: true });
  return {
    title: getFixedT(request, "auth")("password.title"),
    forced: Boolean(user.mustChangePassword),
    redirectTo: safeRedirectPath(new URL(request.url).searchParams.get("redirectTo"), "/personal"),
    min: PASSWORD_MIN,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireStaffUser(request, { allowPasswordChange: true });
  const form = await readForm(request);
  await requireCsrf(request, form);
  const current = String(form.get("current") ?? "");
  const next = String(form.get("next") ?? "");
  const confirm = String(form.get("confirm") ?? "");
  const errors: FieldErrors = {};
  if (!current) errors.current = "password.errors.currentRequired";
  if (!next) errors.next = "password.errors.nextRequired";
  else if (next !== confirm) errors.confirm = "password.errors.mismatch";
  if (Object.keys(errors).length) return Response.json({ errors }, { status: 400 });
  const result = await changePassword(user.staffUserId, current, next, user.sessionId);
  if (!result.ok) {
    if (result.field === "current")
      audit({
        actor: user,
        action: "password.change.failed",
        subjectType: "staff_user",
        subjectId: user.staffUserId,
        municipalityId: user.municipalityId ?? undefined,
        details: result.lockedOut ? { lockedOut: true } : undefined,
      });
    return Response.json({ errors: { [result.field]: `password.errors.${result.code}` } }, { status: 400 });
  }
  audit({
    actor: user,
    action: "password.changed",
    subjectType: "staff_user",
    subjectId: user.staffUserId,
    municipalityId: user.municipalityId ?? undefined,
    details: { otherSessionsEnded: result.revokedSessions },
  });
  return redirectWithFlash(safeRedirectPath(form.get("redirectTo"), "/personal"), "flash.passwordChanged");
}

export default function ChangePassword() {
  const { forced, redirectTo, min } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>() as { errors: FieldErrors } | undefined;
  const { t } = useTranslation("auth");
  return (
    <div className="prose">
      <ErrorSummary errors={data?.errors} order={["current", "next", "confirm"]} />
      <h1>{t("password.title")}</h1>
      {forced ? <p className="alert alert--warning">{t("password.forced")}</p> : null}
      <Form method="post" reloadDocument noValidate>
        <CsrfField />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <TextField
          name="current"
          type="password"
          label={t("password.current")}
          autoComplete="current-password"
          error={data?.errors.current}
          width="medium"
        />
        <ShowPasswordToggle target="current" label={t("password.current")} />
        <TextField
          name="next"
          type="password"
          label={t("password.next")}
          hint={t("password.rules", { min })}
          autoComplete="new-password"
          error={data?.errors.next}
          width="medium"
        />
        <ShowPasswordToggle target="next" label={t("password.next")} />
        <PasswordStrength target="next" min={min} />
        <TextField
          name="confirm"
          type="password"
          label={t("password.confirm")}
          autoComplete="new-password"
          error={data?.errors.confirm}
          width="medium"
        />
        <ShowPasswordToggle target="confirm" label={t("password.confirm")} />
        <button type="submit" className="button">
          {t("password.submit")}
        </button>
      </Form>
    </div>
  );
}
