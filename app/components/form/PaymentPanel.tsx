import { Form } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { PostGuardField } from "./PostGuardField";

/** The payment step's texts, translated on the server (the check page loads no bygglov texts). */
interface PaymentPanelData {
  title: string;
  /** "Paid … with Swish", once paid; then nothing else is offered. */
  paid: string | null;
  /** Why the last attempt did not pay (declined, timed out …). */
  failed: string | null;
  lead: string;
  online: boolean;
  phone: string;
  phoneHint: string;
  paySwish: string;
  appLead: string;
  appPay: string;
  onlineUnavailable: string;
  invoiceLead: string;
}

/**
 * The Swish step of an engine form with a fee (decision 105), as on the bygglov check page (080,
 * 094): the phone-number form works without JavaScript; the app switch / QR code button appears
 * only after hydration, since that flow needs the status page's polling to move on.
 */
export function PaymentPanel({ p, phoneError }: { p: PaymentPanelData; phoneError: string | null }) {
  const { t } = useTranslation("auth");
  const [scripted, setScripted] = useState(false);
  useEffect(() => setScripted(true), []);
  return (
    <section aria-labelledby="payment-title" className="panel">
      <h2 id="payment-title">{p.title}</h2>
      {p.paid ? (
        <p data-testid="payment-paid">{p.paid}</p>
      ) : (
        <>
          {p.failed ? (
            <p className="field__error" data-testid="payment-failed">
              {p.failed}
            </p>
          ) : null}
          <p>{p.lead}</p>
          {p.online ? (
            <Form method="post" encType="multipart/form-data">
              <PostGuardField />
              <input type="hidden" name="intent" value="pay" />
              <div className={`field${phoneError ? " field--error" : ""}`}>
                <label htmlFor="phone">{p.phone}</label>
                <span className="field__hint" id="phone-hint">
                  {p.phoneHint}
                </span>
                {phoneError ? (
                  <span className="field__error" id="phone-error">
                    <span className="visually-hidden">{t("errors.prefix")} </span>
                    {phoneError}
                  </span>
                ) : null}
                <input
                  id="phone"
                  name="phone"
                  type="text"
                  inputMode="numeric"
                  autoComplete="tel"
                  className="input--medium"
                  spellCheck={false}
                  aria-invalid={phoneError ? true : undefined}
                  aria-describedby={phoneError ? "phone-hint phone-error" : "phone-hint"}
                />
              </div>
              <button className="button" type="submit">
                {p.paySwish}
              </button>
            </Form>
          ) : (
            <p>{p.onlineUnavailable}</p>
          )}
          {p.online && scripted ? (
            <Form method="post" encType="multipart/form-data">
              <PostGuardField />
              <input type="hidden" name="intent" value="pay-app" />
              <p>{p.appLead}</p>
              <button className="button button--secondary" type="submit">
                {p.appPay}
              </button>
            </Form>
          ) : null}
          <p>{p.invoiceLead}</p>
        </>
      )}
    </section>
  );
}
