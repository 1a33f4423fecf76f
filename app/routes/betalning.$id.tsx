import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useNavigate, useRevalidator } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { requireResident } from "~/auth/guards.server";
import { getFixedT } from "~/i18n/i18n.server";
import { paymentFailedKey } from "~/i18n/keys";
import { payersPayment } from "~/services/form-payment.server";
import { getFormDefinition } from "~/services/forms.server";
import { env } from "~/env.server";
import { swishAppSwitchUrl } from "~/services/payment-provider";
import { paymentRequestToken, refreshPayment } from "~/services/payments.server";
import eserviceStyles from "~/styles/eservice.css";
import { formatCurrency } from "~/utils/format";
import type { RouteHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";
import { paymentPath } from "~/utils/payment-path";

export const meta = pageMeta;
export const links: LinksFunction = () => [{ rel: "stylesheet", href: eserviceStyles }];
export const handle: RouteHandle = {
  // Client JavaScript offers the Swish app switch and QR code and polls the payment (decision 094).
  hydrate: true,
  i18n: ["permits", "eservice"],
  // Forms › the form this payment belongs to (back to its check page) › this payment, as the form's
  // own pages say it; the payment page is no longer "Apply for a building permit" (decision 123).
  breadcrumb: (match) => {
    const d = match.data as { back?: string; formTitle?: string | null; title?: string } | undefined;
    if (!d?.back) return null;
    return [
      { labelKey: "ladder.forms.short", href: "/blanketter" },
      ...(d.formTitle ? [{ label: d.formTitle, href: d.back }] : []),
      { label: d.title ?? "", href: d.back },
    ];
  },
};

/**
 * The status of a Swish payment while the payer answers in the app (decision 080), at a path that
 * names no form (decision 111; the old /bygglov/ansok/betalning/… redirects here). Every load
 * asks Swish (the callback's fallback), so without JavaScript a reload shows the news; with
 * JavaScript the page asks its status route every two seconds until the payment is settled.
 * A request made without a phone number (m-commerce, decision 094) offers the app switch to Swish
 * on this device and a QR code for Swish on another, and moves on by itself once it is paid.
 */
/** The title of the form a payment belongs to (its purpose is the form's id), as its own pages show it. */
function formTitleOf(request: Request, formId: string): string | null {
  const def = getFormDefinition(formId);
  return def ? getFixedT(request, "forms")(def.titleKey.slice("forms.".length)) : null;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireResident(request, { partyChosen: true });
  // The bygglov pages' payment or an engine form's (decision 105), whose check page is `back`.
  const mine = payersPayment(request, user, String(params.id ?? ""));
  if (!mine) throw new Response("Not found", { status: 404 });
  const found = mine.payment;
  const p = await refreshPayment(found, "status-page");
  const token = p.status === "CREATED" ? paymentRequestToken(p) : null;
  const self = paymentPath(p.instructionUuid);
  return {
    app: token ? { switchUrl: swishAppSwitchUrl(token, `${env().PUBLIC_URL}${self}`), qr: `${self}/qr` } : null,
    mcommerce: found.requestToken !== null,
    back: mine.back,
    formTitle: formTitleOf(request, found.purpose),
    title: getFixedT(request, "permits")("payment.statusTitle"),
    id: p.instructionUuid,
    status: p.status,
    amount: p.amount,
    reference: p.paymentReference,
  };
}

export default function PaymentStatus() {
  const p = useLoaderData<typeof loader>();
  const { t } = useTranslation("permits");
  const revalidator = useRevalidator();
  const navigate = useNavigate();
  const open = p.status === "CREATED";
  const { id, mcommerce, back } = p;
  // The latest navigate/revalidate without restarting the timer each render.
  const act = useRef({ navigate, revalidator });
  act.current = { navigate, revalidator };
  useEffect(() => {
    if (!open) return;
    let busy = false;
    const timer = setInterval(() => {
      if (busy) return;
      busy = true;
      fetch(`${paymentPath(id)}/status`, { headers: { accept: "application/json" } })
        .then((r) => (r.ok ? (r.json() as Promise<{ status: string }>) : null))
        .then((answer) => {
          if (!answer || answer.status === "CREATED") return;
          clearInterval(timer);
          // Paid in the app: on to the application. Otherwise this page says what happened.
          if (answer.status === "PAID" && mcommerce) act.current.navigate(back);
          else act.current.revalidator.revalidate();
        })
        .catch(() => undefined)
        .finally(() => {
          busy = false;
        });
    }, 2000);
    return () => clearInterval(timer);
  }, [open, id, mcommerce, back]);
  return (
    <>
      <h1>{t("payment.statusTitle")}</h1>
      <div role="status" data-testid="payment-status" data-status={p.status}>
        {open ? (
          <>
            <p>{t("payment.waiting", { amount: formatCurrency(p.amount) })}</p>
            <p>
              <Link to={paymentPath(p.id)} reloadDocument>
                {t("payment.refresh")}
              </Link>
            </p>
          </>
        ) : p.status === "PAID" ? (
          <p>{t("payment.paid", { amount: formatCurrency(p.amount), reference: p.reference ?? "" })}</p>
        ) : (
          <p className="field__error">{t(paymentFailedKey(p.status))}</p>
        )}
      </div>
      {p.app ? (
        <div className="payment-app" data-testid="payment-app">
          <section aria-labelledby="this-device" className="panel">
            <h2 id="this-device">{t("payment.app.thisDevice")}</h2>
            <p>
              <a className="button" href={p.app.switchUrl} data-testid="swish-app-switch">
                {t("payment.app.open")}
              </a>
            </p>
          </section>
          <section aria-labelledby="other-device" className="panel">
            <h2 id="other-device">{t("payment.app.otherDevice")}</h2>
            <p>{t("payment.app.scan")}</p>
            <img className="qr" src={p.app.qr} alt={t("payment.app.qrAlt")} width={246} height={246} />
          </section>
        </div>
      ) : null}
      {!open ? (
        <p>
          <Link className="button" to={p.back}>
            {p.status === "PAID" ? t("payment.continue") : t("payment.tryAgain")}
          </Link>
        </p>
      ) : null}
    </>
  );
}
