import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { SecondFactorFailure } from "~/auth/staff-login.server";
import { CsrfField } from "~/components/ui/CsrfField";
import { TextField } from "~/components/ui/FormErrors";

/**
 * The staff login's one-time code from the authenticator app, with the time a throttled or locked
 * account waits: the second step of a login (/personal/logga-in/kod) and the first code at
 * enrolment (/personal/logga-in/registrera). A plain post; works without JavaScript.
 */
export function TotpCodeForm({
  redirectTo,
  failure,
  submitLabel,
}: {
  redirectTo: string;
  failure: SecondFactorFailure | undefined;
  submitLabel: string;
}) {
  const { t } = useTranslation("auth");
  return (
    <Form method="post" reloadDocument noValidate>
      <CsrfField />
      <input type="hidden" name="redirectTo" value={redirectTo} />
      <TextField
        name="code"
        label={t("totp.code")}
        hint={t("totp.hint")}
        autoComplete="one-time-code"
        inputMode="numeric"
        error={failure?.errors.code}
        width="short"
      />
      {failure?.minutes ? (
        <p>
          {t(failure.throttled ? "staffLogin.errors.throttledMinutes" : "staffLogin.errors.lockedMinutes", {
            count: failure.minutes,
          })}
        </p>
      ) : null}
      <button type="submit" className="button">
        {submitLabel}
      </button>
    </Form>
  );
}
