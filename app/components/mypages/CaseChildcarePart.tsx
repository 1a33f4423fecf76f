import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfField } from "~/components/ui/CsrfField";
import { TextInput } from "~/components/mypages/Fields";
import { formatCurrency, formatDateTime } from "~/utils/format";
import type { getMyCaseDetail } from "~/services/mypages.server";

/** The case page's data as the browser receives it (the loader in routes/mina-sidor.arenden.$reference.tsx). */
type Detail = NonNullable<Awaited<ReturnType<typeof getMyCaseDetail>>>;

/** A childcare application on the resident's case page: offers to answer, placement, fee. */
export function ChildcarePart({
  cc,
  errors,
}: {
  cc: NonNullable<Detail["childcare"]>;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation("childcare");
  const pending = cc.offers.filter((o) => o.status === "pending");
  return (
    <section aria-labelledby="childcare-title">
      <h2 id="childcare-title">{t("case.heading")}</h2>
      <dl className="facts">
        <dt>{t("case.child")}</dt>
        <dd>
          {cc.childName}{" "}
          <span className="note">({t("mypages:myData.source", { source: t(`source.${cc.childSource}`) })})</span>
        </dd>
        <dt>{t("case.careKind")}</dt>
        <dd>{t(`careKind.${cc.careKind}`)}</dd>
        <dt>{t("case.desiredStart")}</dt>
        <dd>{cc.desiredStart}</dd>
        <dt>{t("case.guaranteeDate")}</dt>
        <dd>{cc.guaranteeDate}</dd>
        <dt>{t("case.hours")}</dt>
        <dd>{cc.hoursPerWeek}</dd>
        {cc.specialNeeds ? (
          <>
            <dt>{t("case.specialNeeds")}</dt>
            <dd>{cc.specialNeeds}</dd>
          </>
        ) : null}
      </dl>
      {cc.queue.length > 0 ? (
        <>
          <h3>{t("case.queue.heading")}</h3>
          <ul>
            {cc.queue.map((q) => (
              <li key={q.unitId}>
                {t("case.queue.rank", { rank: q.rank })}: {q.unitName} –{" "}
                {q.position ? t("case.queue.position", { position: q.position }) : t("case.queue.unknown")}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {cc.offers.map((o) => (
        <div key={o.id} className="panel--plain">
          <h3>{t("case.offer.heading")}</h3>
          <dl className="facts">
            <dt>{t("case.offer.unit")}</dt>
            <dd>
              {o.unitName}, {o.unitAddress}
            </dd>
            <dt>{t("case.offer.start")}</dt>
            <dd>{o.startDate}</dd>
            <dt>{t("case.offer.deadline")}</dt>
            <dd>{formatDateTime(o.deadlineAt)}</dd>
            <dt>{t("mypages:case.status")}</dt>
            <dd>{t(`case.offer.status.${o.status}`)}</dd>
          </dl>
          {pending.some((p) => p.id === o.id) ? (
            <>
              <p className="note">{t("case.offer.declineHint")}</p>
              <div className="button-row">
                <Form method="post" reloadDocument>
                  <CsrfField />
                  <input type="hidden" name="offerId" value={o.id} />
                  <button type="submit" name="intent" value="accept" className="button">
                    {t("case.offer.accept")}
                  </button>
                </Form>
                <Form method="post" reloadDocument>
                  <CsrfField />
                  <input type="hidden" name="offerId" value={o.id} />
                  <button type="submit" name="intent" value="decline" className="button button--secondary">
                    {t("case.offer.decline")}
                  </button>
                </Form>
              </div>
            </>
          ) : null}
        </div>
      ))}
      {cc.placement ? (
        <>
          <h3>{t("case.placement.heading")}</h3>
          <dl className="facts">
            <dt>{t("case.placement.unit")}</dt>
            <dd>{cc.placement.unitName}</dd>
            <dt>{t("case.placement.start")}</dt>
            <dd>{cc.placement.startDate}</dd>
            <dt>{t("mypages:case.status")}</dt>
            <dd>{t(`case.placement.status.${cc.placement.status}`)}</dd>
            {cc.placement.lastDay ? (
              <>
                <dt>{t("case.placement.lastDay")}</dt>
                <dd>{cc.placement.lastDay}</dd>
              </>
            ) : null}
          </dl>
        </>
      ) : null}
      {cc.fee ? <FeeBreakdown fee={cc.fee} /> : null}
      {cc.placement?.status === "active" ? (
        <div className="panel--plain">
          <h3>{t("case.terminate.heading")}</h3>
          <p>{t("case.terminate.body")}</p>
          <Form method="post" reloadDocument>
            <CsrfField />
            <input type="hidden" name="intent" value="terminate" />
            <TextInput
              name="lastDay"
              label={t("case.terminate.lastDay")}
              hint={t("case.terminate.lastDayHint")}
              errorKey={errors.lastDay ? `childcare:case.terminate.errors.${errors.lastDay}` : undefined}
              width="input--width-10"
            />
            <button type="submit" className="button button--warning">
              {t("case.terminate.button")}
            </button>
          </Form>
        </div>
      ) : null}
      <p>
        <Link to={`/mina-sidor/barnomsorg`}>{t("mypages:nav.childcare")}</Link>
      </p>
    </section>
  );
}

export function FeeBreakdown({
  fee,
}: {
  fee: {
    result: {
      children: {
        id: string | number;
        order: number;
        percent: number;
        maxFee: number;
        fee: number;
        reasons: string[];
      }[];
      countedIncome: number;
    };
    incomeKnown: boolean;
  };
}) {
  const { t } = useTranslation("childcare");
  const first = fee.result.children[0];
  if (!first) return null;
  return (
    <div>
      <h3>{t("case.fee.heading")}</h3>
      <p>
        <strong>{t("apply.feeLine", { amount: formatCurrency(first.fee) })}</strong>
      </p>
      <ul>
        <li>{t("case.fee.order", { order: first.order })}</li>
        {first.percent > 0 ? (
          <li>{t("case.fee.percent", { percent: first.percent, max: formatCurrency(first.maxFee) })}</li>
        ) : null}
        {first.reasons.map((r) => (
          <li key={r}>{t(`case.fee.reasons.${r}`, { cap: formatCurrency(fee.result.countedIncome) })}</li>
        ))}
        {!fee.incomeKnown ? <li>{t("case.fee.incomeMissing")}</li> : null}
      </ul>
    </div>
  );
}
