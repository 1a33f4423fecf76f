import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { requireResident } from "~/auth/guards.server";
import { getFixedT } from "~/i18n/i18n.server";
import { paymentFailedKey } from "~/i18n/keys";
import { ownerKeyOf } from "~/services/building-permits.server";
import { getPaymentForOwner, refreshPayment } from "~/services/payments.server";
import eserviceStyles from "~/styles/eservice.css";
import { formatCurrency } from "~/utils/format";
import type { RouteHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta;
export const links: LinksFunction = () => [{ rel: "stylesheet", href: eserviceStyles }];
export const handle: RouteHandle = {
  i18n: ["permits", "eservice"],
  breadcrumb: () => ({ labelKey: "permits:breadcrumb", href: "/bygglov/ansok" }),
};

/**
 * The status of a Swish payment while the payer answers in the app (decision 080). Every load
 * asks Swish (the callback's fallback), so without JavaScript a reload shows the news; with
 * JavaScript the page reloads its data every two seconds until the payment is settled.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireResident(request, { partyChosen: true });
  const found = getPaymentForOwner({ instructionUuid: String(params.id ?? ""), ownerKey: ownerKeyOf(user) });
  if (!found) throw new Response("Not found", { status: 404 });
  const p = await refreshPayment(found, "status-page");
  return {
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
  const open = p.status === "CREATED";
  useEffect(() => {
    if (!open) return;
    const timer = setInterval(() => {
      if (revalidator.state === "idle") revalidator.revalidate();
    }, 2000);
    return () => clearInterval(timer);
  }, [open, revalidator]);
  return (
    <>
      <h1>{t("payment.statusTitle")}</h1>
      <div role="status" data-testid="payment-status" data-status={p.status}>
        {open ? (
          <>
            <p>{t("payment.waiting", { amount: formatCurrency(p.amount) })}</p>
            <p>
              <Link to={`/bygglov/ansok/betalning/${p.id}`} reloadDocument>
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
      {!open ? (
        <p>
          <Link className="button" to="/bygglov/ansok/kontrollera">
            {p.status === "PAID" ? t("payment.continue") : t("payment.tryAgain")}
          </Link>
        </p>
      ) : null}
    </>
  );
}
