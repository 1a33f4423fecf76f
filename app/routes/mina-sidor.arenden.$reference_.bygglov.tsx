import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { casePayment, recordedFeeReduction } from "~/services/permit-fee-refund.server";
import { getFixedT, getLanguage } from "~/i18n/i18n.server";
import { getPermitCaseForApplicant } from "~/services/building-permits.server";
import { requireResident } from "~/auth/guards.server";
import permitStyles from "~/styles/permits.css";
import { formatDate, formatLongDate, formatCurrency } from "~/utils/format";
import type { RouteHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";
import { CASE_STATUS_KEY, DECISION_OUTCOME_KEY, PAYMENT_STATE_KEY } from "~/i18n/keys";

export const meta = pageMeta;
export const links: LinksFunction = () => [{ rel: "stylesheet", href: permitStyles }];
export const handle: RouteHandle = {
  i18n: ["permits", "eservice", "backoffice"],
  breadcrumb: () => ({ labelKey: "permits:myCasesBreadcrumb", href: "/mina-sidor/bygglov" }),
};

/** The applicant's view of a building-permit case: the clock from day one, supplements, decision. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireResident(request, { partyChosen: true });
  const c = getPermitCaseForApplicant({ reference: String(params.reference ?? "").toUpperCase(), user });
  if (!c) throw new Response("Not found", { status: 404 });
  const lang = getLanguage(request);
  return {
    title: getFixedT(request, "permits")("case.title", { reference: c.reference }),
    c: { ...c, expected: c.clock.deadline ? formatLongDate(c.clock.deadline, lang) : null },
    payment: casePayment(c.id),
    feeReduction: recordedFeeReduction(c.id),
  };
}

export default function MyPermitCase() {
  const { c, payment, feeReduction } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const { t } = useTranslation("permits");
  const open = c.requests.find((r) => !r.answeredOn);
  return (
    <>
      <h1>{t("case.title", { reference: c.reference })}</h1>
      {params.get("klart") === "komplettering" ? (
        <p className="flash" role="status">
          {t("supplement.sent")}
        </p>
      ) : null}
      <dl className="kv">
        <dt>{t("case.status")}</dt>
        <dd data-testid="case-status">{t(CASE_STATUS_KEY[c.status])}</dd>
        <dt>{t("check.property")}</dt>
        <dd>{c.propertyDesignation}</dd>
        <dt>{t("check.measure")}</dt>
        <dd>{t(`measures.${c.measureType}.label`)}</dd>
        <dt>{t("payment.caseStatus")}</dt>
        <dd data-testid="payment-status">
          {t(PAYMENT_STATE_KEY[payment.status])}
          {payment.amount !== null ? `, ${formatCurrency(payment.amount)}` : ""}
          {payment.refunded > 0 ? `; ${t("payment.refunded", { amount: formatCurrency(payment.refunded) })}` : ""}
        </dd>
        <dt>{t("case.received")}</dt>
        <dd>{formatDate(c.clock.receivedOn)}</dd>
        {c.clock.completeFrom ? (
          <>
            <dt>{t("case.completeFrom")}</dt>
            <dd>{formatDate(c.clock.completeFrom)}</dd>
          </>
        ) : null}
        {c.expected && !c.decision ? (
          <>
            <dt>{t("case.expected")}</dt>
            <dd data-testid="expected-decision">{c.expected}</dd>
            <dt>{t("case.daysLeft")}</dt>
            <dd>{c.clock.daysLeft}</dd>
          </>
        ) : null}
      </dl>
      {c.clock.state === "waiting-for-supplement" ? (
        <p className="alert alert--warning">{t("case.notStarted")}</p>
      ) : null}
      {c.clock.state === "paused" ? <p className="alert alert--warning">{t("case.paused")}</p> : null}
      {c.clock.extended ? <p>{t("case.extended")}</p> : null}

      {c.decision ? (
        <section className="panel" aria-labelledby="decision-title">
          <h2 id="decision-title">{t("case.decision")}</h2>
          <p>
            {t("case.decisionOn", { date: formatDate(c.decision.decidedOn) })}:{" "}
            <strong>{t(DECISION_OUTCOME_KEY[c.decision.outcome])}</strong>
          </p>
          {c.decision.fee !== null ? (
            <p>{t("payment.decidedFee", { amount: formatCurrency(c.decision.fee) })}</p>
          ) : null}
          {feeReduction ? (
            <p data-testid="fee-reduction">
              {t("payment.reduced", {
                weeks: feeReduction.weeksLate,
                before: formatCurrency(feeReduction.feeBefore),
                after: formatCurrency(feeReduction.feeAfter),
              })}
            </p>
          ) : null}
          <p>
            <a href={`/mina-sidor/arenden/${c.reference}/beslut.pdf`} download data-testid="decision-pdf">
              {t("case.downloadDecision")}
            </a>
          </p>
        </section>
      ) : null}

      {c.requests.length > 0 ? (
        <section aria-labelledby="requests-title">
          <h2 id="requests-title">{t("case.requests")}</h2>
          <ul>
            {c.requests.map((r) => (
              <li key={r.id}>
                <p className="preserve-lines">{r.message}</p>
                <p>
                  {r.answeredOn
                    ? t("case.requestAnswered", { date: formatDate(r.answeredOn) })
                    : t("case.requestDue", { date: formatDate(r.dueOn) })}
                </p>
              </li>
            ))}
          </ul>
          {open ? (
            <p>
              <Link className="button" to={`/mina-sidor/arenden/${c.reference}/komplettera`}>
                {t("case.respond")}
              </Link>
            </p>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="attachments-title">
        <h2 id="attachments-title">{t("case.attachments")}</h2>
        <ul>
          {c.attachments.map((a, i) => (
            <li key={`${a.originalName}-${i}`}>
              {t(`attachments.${a.kind}`)}: {a.originalName} ({formatDate(a.createdAt)})
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="timeline-title">
        <h2 id="timeline-title">{t("case.timeline")}</h2>
        <ol className="timeline">
          {c.events.map((e, i) => (
            <li key={i}>
              {formatDate(e.createdAt)}:{" "}
              {t(`backoffice:events.${e.toStatus}`, { defaultValue: t("backoffice:events.other") })}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
