import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfField } from "~/components/ui/CsrfField";
import { formatDateTime } from "~/utils/format";

export interface HandOverView {
  state: "pending" | "retrying" | "delivered";
  attempts: number;
  nextAttemptAt: string | null;
  lastAttemptAt: string | null;
  lastError: string | null;
  deliveredAt: string | null;
}

/**
 * Where the case is in its hand-over to the case-management system (docs/decisions/034):
 * waiting, delivered at a time, or failing with attempts and the next try. Officers who may
 * handle the case can ask for a new try at once ("Skicka igen"), without JavaScript too.
 */
export function HandOverStatus({ handOver, canRetry }: { handOver: HandOverView | null; canRetry: boolean }) {
  const { t } = useTranslation("backoffice");
  return (
    <section className="panel" aria-labelledby="handover-title">
      <h2 id="handover-title">{t("handOver.title")}</h2>
      {handOver === null ? (
        <p data-testid="handover-status">{t("handOver.none")}</p>
      ) : (
        <>
          <p data-testid="handover-status" data-state={handOver.state}>
            {handOver.state === "delivered"
              ? t("handOver.delivered", { when: formatDateTime(handOver.deliveredAt ?? "") })
              : handOver.state === "retrying"
                ? t("handOver.retrying", { count: handOver.attempts })
                : t("handOver.pending")}
          </p>
          {handOver.state === "retrying" ? (
            <dl className="kv">
              <dt>{t("handOver.lastAttempt")}</dt>
              <dd>{handOver.lastAttemptAt ? formatDateTime(handOver.lastAttemptAt) : "–"}</dd>
              <dt>{t("handOver.lastError")}</dt>
              <dd>{handOver.lastError ?? "–"}</dd>
              <dt>{t("handOver.nextAttempt")}</dt>
              <dd data-testid="handover-next">
                {handOver.nextAttemptAt ? formatDateTime(handOver.nextAttemptAt) : "–"}
              </dd>
            </dl>
          ) : null}
          {canRetry && handOver.state !== "delivered" ? (
            <Form method="post" id="resend-form">
              <CsrfField />
              <input type="hidden" name="intent" value="resend" />
              <button className="button button--secondary" type="submit">
                {t("handOver.resend")}
              </button>
            </Form>
          ) : null}
        </>
      )}
    </section>
  );
}
