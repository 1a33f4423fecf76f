import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { readForm } from "~/services/multipart.server";
import { requireCsrf } from "~/auth/csrf.server";
import { finishSecondFactor, pendingLogin, type SecondFactorFailure } from "~/auth/staff-login.server";
import { enrolmentFor } from "~/auth/staff.server";
import { TotpCodeForm } from "~/components/auth/TotpCodeForm";
import { ErrorSummary } from "~/components/ui/FormErrors";
import { getFixedT } from "~/i18n/i18n.server";
import type { RouteHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";
import { retryAfterHeaders } from "~/utils/retry-after";
import { safeRedirectPath } from "~/utils/safe-redirect";

export const meta = pageMeta;
export const headers = retryAfterHeaders;
export const handle: RouteHandle = { i18n: "auth" };

/** First login (or after an admin reset): enrol an authenticator app with a QR code. */
export async function loader({ request }: LoaderFunctionArgs) {
  const row = await pendingLogin(request, "enrol");
  const { secret, qrDataUrl } = await enrolmentFor(row.staffUserId!);
  return {
    title: getFixedT(request, "auth")("enrol.title"),
    redirectTo: safeRedirectPath(new URL(request.url).searchParams.get("redirectTo"), "/personal"),
    qrDataUrl,
    // Grouped in fours for typing by hand (and for screen reader users who cannot scan).
    secret: secret.match(/.{1,4}/g)?.join(" ") ?? secret,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const row = await pendingLogin(request, "enrol");
  const form = await readForm(request);
  await requireCsrf(request, form);
  return finishSecondFactor(
    request,
    row.staffUserId!,
    String(form.get("code") ?? ""),
    safeRedirectPath(form.get("redirectTo"), "/personal"),
    "enrol",
  );
}

export default function Enrol() {
  const { redirectTo, qrDataUrl, secret } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>() as SecondFactorFailure | undefined;
  const { t } = useTranslation("auth");
  return (
    <div className="prose">
      <ErrorSummary errors={data?.errors} order={["code"]} />
      <h1>{t("enrol.title")}</h1>
      <p className="lead">{t("enrol.lead")}</p>
      <ol>
        <li>{t("enrol.step1")}</li>
        <li>
          {t("enrol.step2")}
          <p>
            <img src={qrDataUrl} alt={t("enrol.qrAlt")} width={246} height={246} className="qr" />
          </p>
          <p>
            {t("enrol.manual")}{" "}
            <code className="totp-secret" data-testid="totp-secret">
              {secret}
            </code>
          </p>
        </li>
        <li>{t("enrol.step3")}</li>
      </ol>
      <TotpCodeForm redirectTo={redirectTo} failure={data} submitLabel={t("enrol.submit")} />
    </div>
  );
}
