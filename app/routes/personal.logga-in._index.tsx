import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { readForm } from "~/services/multipart.server";
import { requireCsrf } from "~/auth/csrf.server";
import { recordStaffLoginFailure, staffLoginRetryAfter, throttledLoginResponse } from "~/auth/login-throttle.server";
import { createSession, getSessionUser } from "~/auth/session.server";
import { localLoginRefusedBySso, ssoLoginChoices } from "~/auth/staff-sso/providers.server";
import { checkPassword } from "~/auth/staff.server";
import { CsrfField } from "~/components/ui/CsrfField";
import { ErrorSummary, TextField, type FieldErrors } from "~/components/ui/FormErrors";
import { getFixedT } from "~/i18n/i18n.server";
import { audit } from "~/platform/audit.server";
import type { RouteHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";
import { retryAfterHeaders } from "~/utils/retry-after";
import { safeRedirectPath } from "~/utils/safe-redirect";

export const meta = pageMeta;
export const headers = retryAfterHeaders;
export const handle: RouteHandle = {
  i18n: ["auth", "sso"],
  breadcrumb: () => ({ labelKey: "auth:staffLogin.title", href: "/personal/logga-in" }),
};

export async function loader({ request }: LoaderFunctionArgs) {
  const redirectTo = safeRedirectPath(new URL(request.url).searchParams.get("redirectTo"), "/personal");
  const user = await getSessionUser(request);
  if (user?.kind === "staff") throw redirect(redirectTo);
  return { title: getFixedT(request, "auth")("staffLogin.title"), redirectTo, sso: ssoLoginChoices() };
}

type ActionData = { errors: FieldErrors; username: string; minutes?: number; throttled?: boolean };

/** Step 1 of 2: username and password. The session it starts grants nothing until the TOTP step. */
export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  await requireCsrf(request, form);
  const username = String(form.get("username") ?? "").trim();
  const password = String(form.get("password") ?? "");
  const redirectTo = safeRedirectPath(form.get("redirectTo"), "/personal");
  const errors: FieldErrors = {};
  if (!username) errors.username = "staffLogin.errors.usernameRequired";
  if (!password) errors.password = "staffLogin.errors.passwordRequired";
  if (Object.keys(errors).length) return Response.json({ errors, username } satisfies ActionData, { status: 400 });

  // Too many failures from this address (any accounts): no password is checked (decision 038).
  const wait = staffLoginRetryAfter();
  if (wait > 0)
    return throttledLoginResponse(
      { errors: { username: "staffLogin.errors.throttled" }, username } satisfies ActionData,
      wait,
    );

  const result = await checkPassword(username, password);
  if (!result.ok) {
    recordStaffLoginFailure();
    const who = result.user ? { type: "staff" as const, id: result.user.id, name: result.user.name } : undefined;
    audit({
      actor: null,
      actorHint: who,
      action: "login.failed",
      subjectType: "staff_user",
      subjectId: result.user?.id,
      municipalityId: result.user?.municipalityId ?? undefined,
      details: { factor: "password", reason: result.reason },
    });
    // Told only to someone who knew the (temporary) password.
    if (result.reason === "expired")
      return Response.json(
        { errors: { password: "staffLogin.errors.temporaryExpired" }, username } satisfies ActionData,
        { status: 400 },
      );
    // Locked, unknown and wrong look the same, so the answer does not tell which usernames exist.
    return Response.json({ errors: { username: "staffLogin.errors.invalid" }, username } satisfies ActionData, {
      status: 400,
    });
  }
  // The municipality requires its own login (decision 064); told only to someone who knew the password.
  if (localLoginRefusedBySso(result.user.id)) {
    audit({
      actor: null,
      actorHint: { type: "staff", id: result.user.id, name: result.user.name },
      action: "login.refused",
      subjectType: "staff_user",
      subjectId: result.user.id,
      municipalityId: result.user.municipalityId ?? undefined,
      details: { factor: "password", reason: "sso-required" },
    });
    return Response.json({ errors: { username: "sso:ssoRequired" }, username } satisfies ActionData, {
      status: 400,
    });
  }
  const enrolled = Boolean(result.user.totpEnrolledAt);
  const { setCookie } = await createSession(request, {
    kind: "staff",
    staffUserId: result.user.id,
    stage: enrolled ? "second-factor" : "enrol",
  });
  const next = enrolled ? "/personal/logga-in/kod" : "/personal/logga-in/registrera";
  return redirect(`${next}?redirectTo=${encodeURIComponent(redirectTo)}`, { headers: { "Set-Cookie": setCookie } });
}

export default function StaffLogin() {
  const { redirectTo, sso } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>() as ActionData | undefined;
  const { t } = useTranslation("auth");
  const errors = data?.errors;
  // A lock-out or a throttled address is not a field error: one alert says when to try again.
  const blocked = errors?.username === "staffLogin.errors.throttled";
  return (
    <div className="prose">
      <ErrorSummary
        errors={errors ? { ...errors, username: blocked ? undefined : errors.username } : undefined}
        order={["username", "password"]}
      />
      {blocked ? (
        <div className="alert alert--error" role="alert">
          <p>
            {t(data?.throttled ? "staffLogin.errors.throttledMinutes" : "staffLogin.errors.lockedMinutes", {
              count: data?.minutes ?? 1,
            })}
          </p>
        </div>
      ) : null}
      <h1>{t("staffLogin.title")}</h1>
      {sso.length > 0 ? (
        <>
          <section aria-labelledby="sso-heading">
            <h2 id="sso-heading">{t("sso:login.heading")}</h2>
            <p>{t("sso:login.lead")}</p>
            {sso.map((choice) => (
              <Form
                method="post"
                action="/personal/logga-in/sso"
                reloadDocument
                key={`${choice.providerId}-${choice.municipality}`}
              >
                <CsrfField />
                <input type="hidden" name="provider" value={choice.providerId} />
                <input type="hidden" name="redirectTo" value={redirectTo} />
                <button type="submit" className="button">
                  {t("sso:login.button", { municipality: choice.municipality })}
                </button>
              </Form>
            ))}
          </section>
          <h2>{t("sso:login.orLocal")}</h2>
        </>
      ) : null}
      <p className="lead">{t("staffLogin.lead")}</p>
      <Form method="post" reloadDocument noValidate>
        <CsrfField />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <TextField
          name="username"
          label={t("staffLogin.username")}
          autoComplete="username"
          defaultValue={data?.username}
          error={blocked ? undefined : errors?.username}
          width="medium"
        />
        <TextField
          name="password"
          type="password"
          label={t("staffLogin.password")}
          autoComplete="current-password"
          error={errors?.password}
          width="medium"
        />
        <button type="submit" className="button">
          {t("staffLogin.continue")}
        </button>
      </Form>
      <p>{t("staffLogin.forgot")}</p>
    </div>
  );
}
