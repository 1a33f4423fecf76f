import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { readForm } from "~/services/multipart.server";
import { requireCsrf } from "~/auth/csrf.server";
import {
  finishSecondFactor,
  finishSecurityKeyLogin,
  pendingLogin,
  type SecondFactorFailure,
} from "~/auth/staff-login.server";
import { hasSecurityKey } from "~/auth/webauthn.server";
import { SecurityKeyLogin } from "~/components/ui/SecurityKey";
import { TotpCodeForm } from "~/components/auth/TotpCodeForm";
import { ErrorSummary } from "~/components/ui/FormErrors";
import { getFixedT } from "~/i18n/i18n.server";
import type { RouteHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";
import { retryAfterHeaders } from "~/utils/retry-after";
import { safeRedirectPath } from "~/utils/safe-redirect";

export const meta = pageMeta;
export const headers = retryAfterHeaders;
// Hydrated for the security-key button only; the TOTP form works without JavaScript.
export const handle: RouteHandle = { i18n: "auth", hydrate: true };

export async function loader({ request }: LoaderFunctionArgs) {
  const row = await pendingLogin(request, "second-factor");
  return {
    hasKey: hasSecurityKey(row.staffUserId!),
    title: getFixedT(request, "auth")("totp.title"),
    redirectTo: safeRedirectPath(new URL(request.url).searchParams.get("redirectTo"), "/personal"),
  };
}

type ActionData = SecondFactorFailure;

/** Step 2 of 2: the TOTP code. Success starts a fresh session id with the user's roles. */
export async function action({ request }: ActionFunctionArgs) {
  const row = await pendingLogin(request, "second-factor");
  const form = await readForm(request);
  await requireCsrf(request, form);
  const redirectTo = safeRedirectPath(form.get("redirectTo"), "/personal");
  if (form.get("intent") === "key")
    return finishSecurityKeyLogin(
      request,
      { idHash: row.idHash, staffUserId: row.staffUserId! },
      String(form.get("credential") ?? ""),
      redirectTo,
    );
  const code = String(form.get("code") ?? "");
  return finishSecondFactor(request, row.staffUserId!, code, redirectTo, "login");
}

export default function TotpStep() {
  const { redirectTo, hasKey } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>() as ActionData | undefined;
  const { t } = useTranslation("auth");
  return (
    <div className="prose">
      <ErrorSummary errors={data?.errors} order={["code", "key"]} />
      <h1>{t("totp.title")}</h1>
      <p className="lead">{t("totp.lead")}</p>
      <TotpCodeForm redirectTo={redirectTo} failure={data} submitLabel={t("totp.submit")} />
      {hasKey ? <SecurityKeyLogin redirectTo={redirectTo} error={data?.errors.key} /> : null}
    </div>
  );
}
