import type { RequestHead } from "~/utils/request-head";
import type { FormDefinition, FormValues } from "../../forms/types";
import type { ResidentUser } from "~/auth/guards.server";
import type { Language } from "~/i18n/config";
import { getFixedT } from "~/i18n/i18n.server";
import { PAYMENT_ERROR_KEY, paymentFailedKey } from "~/i18n/keys";
import { env } from "~/env.server";
import { formatCurrency } from "~/utils/format";
import { paymentPath, REFERENCE_MARK } from "~/utils/payment-path";
import { actingForOf, eserviceSession } from "./eservice-session.server";
import { paymentTermsFor } from "./form-hooks.server";
import { swishAppSwitchUrl } from "./payment-provider";
import {
  canPayOnline,
  getPaymentForOwner,
  latestDraftPayment,
  paidDraftPayment,
  paymentRequestToken,
  refreshPayment,
  startPayment,
  type StartResult,
} from "./payments.server";

/**
 * The payment step of an engine form with a fee (decision 105), on the check page before signing
 * and sending, as on the bygglov pages (080, 085, 094): the fee is paid with Swish (phone number
 * without JavaScript, app switch or QR code with it) or invoiced; the handler links a paid
 * payment of the draft to the case when it files it. Reuses payments.server.ts throughout.
 */
interface PaymentContext {
  answers: FormValues;
  user: ResidentUser | null;
  lang: Language;
  /** The engine's owner of the draft: the payment belongs to the draft. */
  ownerKey: string;
}

interface FormPaymentState {
  amount: number;
  municipalityId: number;
  purpose: string;
  online: boolean;
  paid: { amount: number; reference: string | null } | null;
  /** The last attempt's final status when it was not paid (declined, timed out …). */
  lastFailed: string | null;
  /** An open request to pay in the Swish app (no number, decision 094): its id and token. */
  open: { instructionUuid: string; token: string } | null;
}

/** What the draft costs and how far its payment is; null for a form without a fee (or no login). */
export async function formPayment(def: FormDefinition, c: PaymentContext): Promise<FormPaymentState | null> {
  const hook = paymentTermsFor(def);
  if (!hook || !c.user) return null;
  const terms = await hook({ answers: c.answers, user: c.user, lang: c.lang, ownerKey: c.ownerKey });
  if (!terms) return null;
  let latest = latestDraftPayment({ ownerKey: c.ownerKey, purpose: terms.purpose });
  // An open request is asked about anew (as its status page does), so a reload shows the news.
  if (latest?.status === "CREATED") latest = await refreshPayment(latest, "check-page");
  const paid = paidDraftPayment({ ownerKey: c.ownerKey, purpose: terms.purpose, amount: terms.amount });
  const last = paid ? null : latest;
  const token = last?.status === "CREATED" ? paymentRequestToken(last) : null;
  return {
    ...terms,
    online: canPayOnline(terms.municipalityId),
    paid: paid ? { amount: paid.amount, reference: paid.paymentReference } : null,
    lastFailed: last && last.status !== "CREATED" && last.status !== "PAID" ? last.status : null,
    open: last && token ? { instructionUuid: last.instructionUuid, token } : null,
  };
}

/** Asks Swish for the draft's fee: on `phone`, or with `null` through the app or a QR code (094). */
export async function startFormPayment(
  def: FormDefinition,
  c: PaymentContext,
  phone: string | null,
): Promise<StartResult> {
  const state = await formPayment(def, c);
  if (!state || !state.online || state.paid || !c.user) return { ok: false, error: "unavailable" };
  return startPayment({
    actor: c.user,
    personId: c.user.personId,
    ownerKey: c.ownerKey,
    municipalityId: state.municipalityId,
    purpose: state.purpose,
    amount: state.amount,
    phone,
    message: getFixedT(c.lang, "permits")("payment.swishMessage"),
  });
}

/**
 * A payment of the person logged in, by its id, and the check page to go back to: one an engine
 * form started under the engine's owner key (person × party; its purpose is the form's id). Null
 * for anyone else's. The bygglov pages' own owner key went with those pages (decision 110).
 */
export function payersPayment(request: RequestHead, user: ResidentUser, instructionUuid: string) {
  const { ownerKey } = eserviceSession(request, user.personId, actingForOf(user));
  const engine = getPaymentForOwner({ instructionUuid, ownerKey });
  return engine ? { payment: engine, back: `/blanketter/${engine.purpose}/kontrollera` } : null;
}

/** The statuses a request in the app ends with when it is not paid (permits:payment.failed.*). */
const FAILED_STATUSES = ["DECLINED", "ERROR", "CANCELLED", "TIMEOUT"] as const;

/**
 * The payment panel's texts in `lang` (the bygglov pages' own, under permits:payment), and, while
 * a request in the app is open, what the panel's island needs to offer it and follow it: the app
 * switch, the QR code, the status route it polls and every message it may announce (decision 111).
 */
export function paymentPanelTexts(state: FormPaymentState, lang: Language) {
  const t = getFixedT(lang, "permits");
  const amount = formatCurrency(state.amount);
  const open = state.open;
  const page = open ? paymentPath(open.instructionUuid) : "";
  return {
    errorPrefix: getFixedT(lang, "auth")("errors.prefix"),
    title: t("payment.title"),
    paid: state.paid
      ? t("payment.paid", { amount: formatCurrency(state.paid.amount), reference: state.paid.reference ?? "" })
      : null,
    failed: state.lastFailed ? t(paymentFailedKey(state.lastFailed)) : null,
    lead: t("payment.lead", { amount }),
    online: state.online,
    phone: t("payment.phone"),
    phoneHint: t("payment.phoneHint"),
    paySwish: t("payment.paySwish", { amount }),
    appLead: t("payment.app.lead"),
    appPay: t("payment.app.pay", { amount }),
    onlineUnavailable: t("payment.onlineUnavailable"),
    invoiceLead: t("payment.invoiceLead"),
    app: open
      ? {
          status: `${page}/status`,
          statusPage: page,
          switchUrl: swishAppSwitchUrl(open.token, `${env().PUBLIC_URL}${page}`),
          qr: `${page}/qr`,
          waiting: t("payment.waiting", { amount }),
          refresh: t("payment.refresh"),
          thisDevice: t("payment.app.thisDevice"),
          open: t("payment.app.open"),
          otherDevice: t("payment.app.otherDevice"),
          scan: t("payment.app.scan"),
          qrAlt: t("payment.app.qrAlt"),
          // The reference is known only once paid: the island puts it in place of the marker.
          paid: t("payment.paid", { amount, reference: REFERENCE_MARK }),
          failed: Object.fromEntries(FAILED_STATUSES.map((s) => [s, t(paymentFailedKey(s))])),
        }
      : null,
  };
}

/** A refused start's message in `lang` (field message for a wrong number). */
export function paymentErrorText(error: keyof typeof PAYMENT_ERROR_KEY, lang: Language): string {
  return getFixedT(lang, "permits")(PAYMENT_ERROR_KEY[error].slice("permits:".length));
}
