import { useEffect, useState } from "react";
import { REFERENCE_MARK } from "~/utils/payment-path";

/** Stands for the payment reference in `app.paid` until the status route tells it. */

/** An open request to pay in the Swish app (decision 094): how to answer it and how to follow it. */
interface PaymentAppData {
  /** The status route the island polls (JSON). */
  status: string;
  /** The payment's status page: a reload there asks Swish (the way without JavaScript). */
  statusPage: string;
  switchUrl: string;
  qr: string;
  waiting: string;
  refresh: string;
  thisDevice: string;
  open: string;
  otherDevice: string;
  scan: string;
  qrAlt: string;
  /** "Paid … Reference: [[reference]]." */
  paid: string;
  /** What to say when the request ends unpaid, by status. */
  failed: Record<string, string>;
}

/** The payment step's texts, translated on the server (the panel's island loads no i18next). */
export interface PaymentPanelData {
  errorPrefix: string;
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
  app: PaymentAppData | null;
}

/** How a request in the app ended, as the status route told it. */
interface Settled {
  status: string;
  text: string;
}

/** Asks the status route every two seconds until the request is settled (decision 094). */
function usePaymentPoll(app: PaymentAppData | null): Settled | null {
  const [settled, setSettled] = useState<Settled | null>(null);
  useEffect(() => {
    if (!app) return;
    let busy = false;
    const timer = setInterval(() => {
      if (busy) return;
      busy = true;
      fetch(app.status, { headers: { accept: "application/json" } })
        .then((r) => (r.ok ? (r.json() as Promise<{ status: string; reference?: string | null }>) : null))
        .then((answer) => {
          if (!answer || answer.status === "CREATED") return;
          clearInterval(timer);
          setSettled({
            status: answer.status,
            text:
              answer.status === "PAID"
                ? app.paid.replace(REFERENCE_MARK, answer.reference ?? "")
                : (app.failed[answer.status] ?? app.failed.ERROR ?? ""),
          });
        })
        .catch(() => undefined)
        .finally(() => {
          busy = false;
        });
    }, 2000);
    return () => clearInterval(timer);
  }, [app]);
  return settled;
}

/**
 * The Swish step of an engine form with a fee (decisions 105, 111), as on the bygglov check page
 * (080, 094). It is the check page's island: no Remix hooks, every text and the CSRF token are
 * props. Without JavaScript the phone-number form posts to the page and the payment's status page
 * follows it. Once hydrated it also offers "pay in the app"; while that request is open the panel
 * shows the app switch and the QR code, asks the status route until the request is settled and
 * says so in its live region (paid: on to signing; otherwise the ways to pay again).
 */
export function PaymentPanel({
  p,
  phoneError,
  csrfToken,
}: {
  p: PaymentPanelData;
  phoneError: string | null;
  csrfToken: string;
}) {
  const [scripted, setScripted] = useState(false);
  useEffect(() => setScripted(true), []);
  const settled = usePaymentPoll(p.app);
  const app = settled ? null : p.app;
  const paid = p.paid ?? (settled?.status === "PAID" ? settled.text : null);
  const failed = settled && settled.status !== "PAID" ? settled.text : p.failed;
  const status = paid ? "PAID" : (settled?.status ?? (app ? "CREATED" : "NONE"));
  return (
    <section aria-labelledby="payment-title" className="panel">
      <h2 id="payment-title">{p.title}</h2>
      <div role="status" data-testid="payment-status" data-status={status}>
        {paid ? (
          <p data-testid="payment-paid">{paid}</p>
        ) : failed ? (
          <p className="field__error" data-testid="payment-failed">
            {failed}
          </p>
        ) : app ? (
          <p>{app.waiting}</p>
        ) : null}
      </div>
      {paid ? null : app ? (
        <div data-testid="payment-app">
          <h3>{app.thisDevice}</h3>
          <p>
            <a className="button" href={app.switchUrl} data-testid="swish-app-switch">
              {app.open}
            </a>
          </p>
          <h3>{app.otherDevice}</h3>
          <p>{app.scan}</p>
          <img className="qr" src={app.qr} alt={app.qrAlt} width={246} height={246} />
          <p>
            <a href={app.statusPage}>{app.refresh}</a>
          </p>
        </div>
      ) : (
        <>
          <p>{p.lead}</p>
          {p.online ? (
            <form method="post" encType="multipart/form-data">
              <input type="hidden" name="_csrf" value={csrfToken} />
              <input type="hidden" name="intent" value="pay" />
              <div className={`field${phoneError ? " field--error" : ""}`}>
                <label htmlFor="phone">{p.phone}</label>
                <span className="field__hint" id="phone-hint">
                  {p.phoneHint}
                </span>
                {phoneError ? (
                  <span className="field__error" id="phone-error">
                    <span className="visually-hidden">{p.errorPrefix} </span>
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
            </form>
          ) : (
            <p>{p.onlineUnavailable}</p>
          )}
          {p.online && scripted ? (
            <form method="post" encType="multipart/form-data">
              <input type="hidden" name="_csrf" value={csrfToken} />
              <input type="hidden" name="intent" value="pay-app" />
              <p>{p.appLead}</p>
              <button className="button button--secondary" type="submit">
                {p.appPay}
              </button>
            </form>
          ) : null}
          <p>{p.invoiceLead}</p>
        </>
      )}
    </section>
  );
}
