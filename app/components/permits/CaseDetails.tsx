import type { SerializeFrom } from "@remix-run/node";
import { useTranslation } from "react-i18next";
import type { StaffCase } from "~/services/backoffice.server";
import { formatCurrency, formatDate, formatDateTime } from "~/utils/format";
import { BACKOFFICE_AREA_KEY, CASE_STATUS_KEY, DECISION_OUTCOME_KEY, STAFF_PAYMENT_STATE_KEY } from "~/i18n/keys";

type C = SerializeFrom<StaffCase>;

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "–";
  if (typeof value === "object") {
    const o = value as Record<string, unknown>;
    if ("name" in o) return [o.name, o.organisationsnummer, o.certificationNumber].filter(Boolean).join(", ");
    return Object.values(o)
      .filter((v) => v !== null && v !== "")
      .join(", ");
  }
  return String(value);
}

const KNOWN = [
  "applicant",
  "submittedByName",
  "propertyDesignation",
  "measureType",
  "description",
  "buildingArea",
  "grossFloorArea",
  "kontrollansvarig",
];

/** The left column of the officer's case view: facts, clock, submitted data, attachments, timeline. */
export function CaseDetails({ c }: { c: C }) {
  const { t } = useTranslation("backoffice");
  const data = c.data as Record<string, unknown>;
  const property = data.property as
    { ownerName?: string; street?: string; postalCode?: string; town?: string } | undefined;
  const propertyAddress = [property?.street, [property?.postalCode, property?.town].filter(Boolean).join(" ")]
    .filter(Boolean)
    .join(", ");
  const rest = Object.entries(data).filter(
    ([k]) => !KNOWN.includes(k) && k !== "property" && k !== "feeEstimate" && k !== "attachments" && k !== "payment",
  );
  return (
    <div>
      <section className="panel" aria-labelledby="summary-title">
        <h2 id="summary-title">{t("case.summary")}</h2>
        <dl className="kv">
          <dt>{t("fields.applicant")}</dt>
          <dd>{c.applicant ?? "–"}</dd>
          <dt>{t("case.municipality")}</dt>
          <dd>{c.municipalityName}</dd>
          <dt>{t("case.area")}</dt>
          <dd>{t(BACKOFFICE_AREA_KEY[c.area])}</dd>
          <dt>{t("case.status")}</dt>
          <dd data-testid="officer-case-status">{t(CASE_STATUS_KEY[c.status])}</dd>
          <dt>{t("case.received")}</dt>
          <dd>{formatDate(c.clock?.receivedOn ?? c.createdAt)}</dd>
          <dt>{t("case.form")}</dt>
          <dd data-testid="officer-case-form">{t("case.formVersion", { form: c.formId, version: c.formVersion })}</dd>
          {c.clock ? (
            <>
              <dt>{t("case.completeFrom")}</dt>
              <dd>{c.clock.completeFrom ? formatDate(c.clock.completeFrom) : "–"}</dd>
              <dt>{t("case.deadline")}</dt>
              <dd data-testid="officer-deadline">{c.clock.deadline ? formatDate(c.clock.deadline) : "–"}</dd>
              {c.clock.daysLeft !== null ? (
                <>
                  <dt>{t("case.daysLeft")}</dt>
                  <dd>{c.clock.daysLeft}</dd>
                </>
              ) : null}
              {c.clock.pausedDays > 0 ? (
                <>
                  <dt>{t("case.pausedDays")}</dt>
                  <dd>{c.clock.pausedDays}</dd>
                </>
              ) : null}
            </>
          ) : null}
          {c.permit?.feeEstimate ? (
            <>
              <dt>{t("case.fee")}</dt>
              <dd>{formatCurrency(c.permit.feeEstimate)}</dd>
            </>
          ) : null}
          {c.permit ? (
            <>
              <dt>{t("payment.status")}</dt>
              <dd data-testid="payment-status">
                {t(STAFF_PAYMENT_STATE_KEY[c.payment.status])}
                {c.payment.amount !== null ? `, ${formatCurrency(c.payment.amount)}` : ""}
                {c.payment.paymentReference ? ` (Swish ${c.payment.paymentReference})` : ""}
                {c.payment.refunded > 0
                  ? `; ${t("payment.refunded", { amount: formatCurrency(c.payment.refunded) })}`
                  : ""}
              </dd>
            </>
          ) : null}
        </dl>
        {c.clock?.state === "waiting-for-supplement" ? (
          <p className="alert alert--warning">{t("case.clockWaiting")}</p>
        ) : null}
        {c.clock?.state === "paused" ? <p className="alert alert--warning">{t("case.clockPaused")}</p> : null}
        {c.permit?.extensionWeeks ? (
          <p>{t("case.extendedBy", { weeks: c.permit.extensionWeeks, reason: c.permit.extensionReason })}</p>
        ) : null}
      </section>

      <section className="panel" aria-labelledby="data-title">
        <h2 id="data-title">{t("case.data")}</h2>
        <dl className="kv">
          {KNOWN.filter((k) => k in data).map((k) => (
            <div key={k} className="kv__row">
              <dt>{t(`fields.${k}`)}</dt>
              <dd>
                {k === "measureType"
                  ? t(`permits:measures.${String(data[k])}.label`, { defaultValue: String(data[k]) })
                  : show(data[k])}
              </dd>
            </div>
          ))}
          {property?.ownerName ? (
            <>
              <dt>{t("fields.owner")}</dt>
              <dd data-testid="officer-property-owner">{property.ownerName}</dd>
            </>
          ) : null}
          {propertyAddress ? (
            <>
              <dt>{t("fields.propertyAddress")}</dt>
              <dd data-testid="officer-property-address">{propertyAddress}</dd>
            </>
          ) : null}
          {rest.map(([k, v]) => (
            <div key={k} className="kv__row">
              <dt>{k}</dt>
              <dd>{show(v)}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section className="panel" aria-labelledby="attachments-title">
        <h2 id="attachments-title">{t("case.attachments")}</h2>
        {c.attachments.length === 0 ? (
          <p>{t("case.noAttachments")}</p>
        ) : (
          <ul className="file-list">
            {c.attachments.map((a) => {
              const base = `/handlaggare/arenden/${c.reference}/bilagor/${a.publicId}`;
              const kind = t(`permits:attachments.${a.kind}`, { defaultValue: a.kind });
              return (
                <li key={a.publicId}>
                  <strong>{kind}</strong>: {a.originalName} ({Math.ceil(a.size / 1024)} kB, {formatDate(a.createdAt)}){" "}
                  <a href={`${base}?visa=1`} target="_blank" rel="noopener noreferrer">
                    {t("case.view")}
                    <span className="visually-hidden"> {a.originalName}</span>
                  </a>{" "}
                  <a href={base} download>
                    {t("case.download")}
                    <span className="visually-hidden"> {a.originalName}</span>
                  </a>
                </li>
              );
            })}
          </ul>
        )}
      </section>

      {c.requests.length > 0 ? (
        <section className="panel" aria-labelledby="requests-title">
          <h2 id="requests-title">{t("case.requests")}</h2>
          <ul>
            {c.requests.map((r) => (
              <li key={r.id}>
                <span className="preserve-lines">
                  {t("case.requestLine", {
                    date: formatDate(r.requestedOn),
                    message: r.message,
                    due: formatDate(r.dueOn),
                  })}
                </span>{" "}
                <strong>
                  {r.answeredOn ? t("case.requestAnswered", { date: formatDate(r.answeredOn) }) : t("case.requestOpen")}
                </strong>
                {r.answerText ? <p className="preserve-lines">{r.answerText}</p> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {c.decision ? (
        <section className="panel" aria-labelledby="decision-title">
          <h2 id="decision-title">{t("case.decision")}</h2>
          <p>
            <strong>{t(DECISION_OUTCOME_KEY[c.decision.outcome])}</strong>, {formatDate(c.decision.decidedOn)} (
            {c.decision.decidedByName})
          </p>
          <p className="preserve-lines">{c.decision.text}</p>
          {c.decision.fee !== null ? <p>{formatCurrency(c.decision.fee)}</p> : null}
          {c.feeReduction ? (
            <p data-testid="fee-reduction">
              {t("payment.reduced", {
                weeks: c.feeReduction.weeksLate,
                before: formatCurrency(c.feeReduction.feeBefore),
                after: formatCurrency(c.feeReduction.feeAfter),
              })}
            </p>
          ) : null}
          <p>
            <a href={`/handlaggare/arenden/${c.reference}/beslut.pdf`} download>
              {t("case.decisionPdf")}
            </a>
          </p>
        </section>
      ) : null}

      <section className="panel" aria-labelledby="timeline-title">
        <h2 id="timeline-title">{t("case.timeline")}</h2>
        <ol className="timeline">
          {c.events.map((e) => (
            <li key={e.id}>
              {formatDateTime(e.createdAt)}: {t(`events.${e.toStatus}`, { defaultValue: t("events.other") })}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
