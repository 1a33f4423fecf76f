import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getFixedT, getLanguage } from "~/i18n/i18n.server";
import { getPermitCaseForApplicant } from "~/services/building-permits.server";
import { requireResident } from "~/auth/guards.server";
import eserviceStyles from "~/styles/eservice.css";
import { formatCurrency, formatDateTime, formatLongDate } from "~/utils/format";
import { casePayment } from "~/services/permit-fee-refund.server";
import type { RouteHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta;
export const links: LinksFunction = () => [{ rel: "stylesheet", href: eserviceStyles }];
// "eservice": the flash of the engine's signing callback that leads here (decision 110).
export const handle: RouteHandle = { i18n: ["permits", "eservice"] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireResident(request, { partyChosen: true });
  const c = getPermitCaseForApplicant({ reference: String(params.reference ?? ""), user });
  if (!c) throw new Response("Not found", { status: 404 });
  const lang = getLanguage(request);
  return {
    title: getFixedT(request, "permits")("receipt.title"),
    reference: c.reference,
    expected: c.clock.deadline ? formatLongDate(c.clock.deadline, lang) : null,
    payment: casePayment(c.id),
  };
}

export default function PermitReceipt() {
  const { reference, expected, payment } = useLoaderData<typeof loader>();
  const { t } = useTranslation("permits");
  return (
    <>
      <div className="confirmation">
        <h1>{t("receipt.title")}</h1>
        <p>{t("receipt.reference")}</p>
        <p className="confirmation__reference" data-testid="case-reference">
          {reference}
        </p>
      </div>
      {payment.status === "paid" && payment.amount !== null ? (
        <section aria-labelledby="payment-receipt-title" className="panel" data-testid="payment-receipt">
          <h2 id="payment-receipt-title">{t("payment.receiptTitle")}</h2>
          <dl className="kv">
            <dt>{t("payment.receiptAmount")}</dt>
            <dd>{formatCurrency(payment.amount)}</dd>
            <dt>{t("payment.receiptMethod")}</dt>
            <dd>Swish</dd>
            <dt>{t("payment.receiptReference")}</dt>
            <dd>{payment.paymentReference}</dd>
            {payment.datePaid ? (
              <>
                <dt>{t("payment.receiptDate")}</dt>
                <dd>{formatDateTime(payment.datePaid)}</dd>
              </>
            ) : null}
          </dl>
        </section>
      ) : payment.status === "invoice" ? (
        <p>{t("payment.invoiceReceipt")}</p>
      ) : null}
      <h2>{t("receipt.next")}</h2>
      <p>{t("receipt.nextBody")}</p>
      {expected ? <p>{t("receipt.expected", { date: expected })}</p> : null}
      <p>
        <Link to={`/mina-sidor/arenden/${reference}/bygglov`}>{t("receipt.follow")}</Link>
      </p>
    </>
  );
}
