import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { readForm } from "~/services/multipart.server";
import { CsrfField } from "~/components/ui/CsrfField";
import {
  isMeasureType,
  missingAttachments,
  normalizeCertificationNumber,
  requiresKontrollansvarig,
  parseArea,
} from "../../forms/lib/building-permit";
import { ErrorSummary } from "~/components/form/ErrorSummary";
import { MissingList } from "~/components/permits/MissingList";
import { getFixedT, getLanguage } from "~/i18n/i18n.server";
import {
  feeFor,
  getDraft,
  listDraftUploads,
  ownerKeyOf,
  PAYMENT_PURPOSE,
  permitSigningText,
  submitApplication,
  validateDetails,
} from "~/services/building-permits.server";
import { canPayOnline, latestDraftPayment, paidDraftPayment, startPayment } from "~/services/payments.server";
import { TextField } from "~/components/ui/FormErrors";
import { PAYMENT_ERROR_KEY, paymentFailedKey } from "~/i18n/keys";
import { requireResident } from "~/auth/guards.server";
import eserviceStyles from "~/styles/eservice.css";
import permitStyles from "~/styles/permits.css";
import { formatCurrency } from "~/utils/format";
import type { RouteHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";
import { requireCsrf } from "~/auth/csrf.server";
import { oidcConfigured } from "~/auth/oidc.server";

export const meta = pageMeta;
export const links: LinksFunction = () => [
  { rel: "stylesheet", href: eserviceStyles },
  { rel: "stylesheet", href: permitStyles },
];
export const handle: RouteHandle = {
  // Client JavaScript offers the Swish app switch and QR code and polls the payment (decision 094).
  hydrate: true,
  i18n: ["permits", "eservice"],
  breadcrumb: () => ({ labelKey: "permits:breadcrumb", href: "/bygglov/ansok" }),
};

async function review(user: Awaited<ReturnType<typeof requireResident>>) {
  const draft = getDraft(user);
  if (!draft) throw redirect("/bygglov/ansok");
  const { errors, applicable: property } = await validateDetails(user, draft);
  if (Object.keys(errors).length > 0 || !property || !isMeasureType(draft.measureType))
    throw redirect("/bygglov/ansok");
  const uploads = listDraftUploads(user);
  const bta = parseArea(draft.grossFloorArea);
  const fee = feeFor(draft, property);
  const payable = fee !== null && fee.total > 0;
  const paid = payable
    ? paidDraftPayment({ ownerKey: ownerKeyOf(user), purpose: PAYMENT_PURPOSE, amount: fee.total })
    : null;
  const last = payable ? latestDraftPayment({ ownerKey: ownerKeyOf(user), purpose: PAYMENT_PURPOSE }) : null;
  return {
    payment: {
      payable,
      online: payable && canPayOnline(property.municipalityId),
      paid: paid ? { amount: paid.amount, reference: paid.paymentReference } : null,
      // The last attempt's outcome, so that a declined or timed-out payment is explained here too.
      lastFailed: !paid && last && last.status !== "CREATED" && last.status !== "PAID" ? last.status : null,
    },
    draft,
    measureType: draft.measureType,
    property,
    uploads,
    missing: missingAttachments(
      draft.measureType,
      uploads.map((u) => u.kind),
    ),
    fee,
    ka: requiresKontrollansvarig(draft.measureType, bta.ok ? bta.value : null)
      ? `${draft.kaName.trim()}, ${normalizeCertificationNumber(draft.kaCertification) ?? ""}`
      : null,
    applicant: user.acting?.kind === "organisation" ? `${user.acting.name} (${user.acting.orgNumber})` : user.name,
    submittedBy: user.name,
  };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireResident(request, { partyChosen: true });
  // The applicant signs with e-ID before the application is sent whenever the portal has an
  // e-ID provider (docs/decisions/085); without one (a demo without it) the button sends.
  return { title: getFixedT(request, "permits")("check.title"), signing: oidcConfigured(), ...(await review(user)) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireResident(request, { partyChosen: true });
  const form = await readForm(request);
  await requireCsrf(request, form);
  const intent = form.get("intent");
  if (intent === "pay" || intent === "pay-app") {
    const r = await review(user);
    if (!r.payment.online || !r.fee) return data({ missing: [], payment: "unavailable" as const }, { status: 400 });
    const started = await startPayment({
      actor: user,
      personId: user.personId,
      ownerKey: ownerKeyOf(user),
      municipalityId: r.property.municipalityId,
      purpose: PAYMENT_PURPOSE,
      amount: r.fee.total,
      // "pay-app" (offered with JavaScript): no number, the app switch or a QR code (decision 094).
      phone: intent === "pay-app" ? null : String(form.get("phone") ?? "").slice(0, 40),
      message: getFixedT(request, "permits")("payment.swishMessage"),
    });
    if (started.ok) return redirect(`/bygglov/ansok/betalning/${started.instructionUuid}`);
    return data({ missing: [], payment: started.error }, { status: started.error === "phone" ? 400 : 503 });
  }
  if (oidcConfigured()) {
    // Sending is the signature's callback (/bygglov/ansok/signera): a plain POST only says what is missing.
    const ready = await permitSigningText(user, getLanguage(request));
    if (!ready.ok && ready.reason !== "missing") throw redirect("/bygglov/ansok");
    return data(
      { missing: ready.ok ? [] : (await review(user)).missing, payment: null, sign: true },
      { status: ready.ok ? 409 : 400 },
    );
  }
  const method = form.get("method") === "swish" ? "swish" : "invoice";
  const result = await submitApplication(user, getLanguage(request), new Date(), method);
  if (result.ok) return redirect(`/bygglov/kvitto/${result.reference}`);
  if (result.reason === "noDraft" || result.reason === "details") throw redirect("/bygglov/ansok");
  if (result.reason === "unpaid") return data({ missing: [], payment: "unpaid" as const }, { status: 409 });
  return data({ missing: result.missing ?? [], payment: null }, { status: 400 });
}

export default function PermitCheck() {
  const r = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>();
  const { t } = useTranslation("permits");
  const paymentError = posted && "payment" in posted ? posted.payment : null;
  // The app switch and QR code need the status page's polling, so they are offered with JavaScript only.
  const [scripted, setScripted] = useState(false);
  useEffect(() => setScripted(true), []);
  const missingNames = (posted?.missing ?? r.missing).map((k) => t(`attachments.${k}`).toLocaleLowerCase());
  const rows: [string, React.ReactNode, string][] = [
    [t("check.applicant"), r.applicant, ""],
    [t("check.submittedBy"), r.submittedBy, ""],
    [
      t("check.property"),
      `${r.property.designation} – ${r.property.street}, ${r.property.town} (${r.property.ownerName})`,
      "/bygglov/ansok",
    ],
    [t("check.measure"), t(`measures.${r.measureType}.label`), "/bygglov/ansok"],
    [t("check.description"), r.draft.description, "/bygglov/ansok"],
    [
      t("check.areas"),
      [
        r.draft.buildingArea && `BYA ${r.draft.buildingArea} m²`,
        r.draft.grossFloorArea && `BTA ${r.draft.grossFloorArea} m²`,
      ]
        .filter(Boolean)
        .join(", ") || "–",
      "/bygglov/ansok",
    ],
    ...(r.ka ? ([[t("check.kontrollansvarig"), r.ka, "/bygglov/ansok"]] as [string, string, string][]) : []),
    [
      t("check.drawings"),
      r.uploads.length ? r.uploads.map((u) => `${t(`attachments.${u.kind}`)}: ${u.originalName}`).join("\n") : "–",
      "/bygglov/ansok/ritningar",
    ],
  ];
  return (
    <>
      <p className="progress">{t("progress", { step: 3 })}</p>
      <h1>{t("check.title")}</h1>
      <ErrorSummary
        title={t("errorSummaryTitle")}
        items={
          paymentError
            ? [{ href: paymentError === "phone" ? "phone" : "payment-title", text: t(PAYMENT_ERROR_KEY[paymentError]) }]
            : posted && posted.missing.length > 0
              ? [{ href: "missing-title", text: t("errors.missing", { list: missingNames.join(", ") }) }]
              : posted && "sign" in posted
                ? [{ href: "submit-sign", text: t("sign.required") }]
                : []
        }
      />
      <p>{t("check.lead")}</p>
      <dl className="summary-list">
        {rows.map(([k, v, href]) => (
          <div className="summary-list__row" key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
            <dd>
              {href ? (
                <Link to={href}>
                  {t("check.change")}
                  <span className="visually-hidden"> {k.toLocaleLowerCase()}</span>
                </Link>
              ) : null}
            </dd>
          </div>
        ))}
      </dl>
      <MissingList missing={r.missing} link="/bygglov/ansok/ritningar" />
      {r.fee ? (
        <section aria-labelledby="fee-title">
          <h2 id="fee-title">{t("check.feeTitle")}</h2>
          <p>{t("check.feeLead", { municipality: r.property.municipalityName })}</p>
          <div className="table-wrap">
            <table className="fee-table">
              <tbody>
                {r.fee.lines.map((l) => (
                  <tr key={l.key}>
                    <th scope="row">{t(`check.feeLines.${l.key}`)}</th>
                    <td>{formatCurrency(l.amount)}</td>
                  </tr>
                ))}
                <tr>
                  <th scope="row">{t("check.feeTotal")}</th>
                  <td data-testid="fee-total">
                    <strong>{formatCurrency(r.fee.total)}</strong>
                  </td>
                </tr>
              </tbody>
            </table>
          </div>
          {r.fee.example ? <p className="field__hint">{t("check.feeExample")}</p> : null}
        </section>
      ) : null}
      {r.payment.payable && r.fee ? (
        <section aria-labelledby="payment-title" className="panel">
          <h2 id="payment-title">{t("payment.title")}</h2>
          {r.payment.paid ? (
            <p data-testid="payment-paid">
              {t("payment.paid", {
                amount: formatCurrency(r.payment.paid.amount),
                reference: r.payment.paid.reference,
              })}
            </p>
          ) : (
            <>
              {r.payment.lastFailed ? (
                <p className="field__error" data-testid="payment-failed">
                  {t(paymentFailedKey(r.payment.lastFailed))}
                </p>
              ) : null}
              <p>{t("payment.lead", { amount: formatCurrency(r.fee.total) })}</p>
              {r.payment.online ? (
                <Form method="post">
                  <CsrfField />
                  <input type="hidden" name="intent" value="pay" />
                  <TextField
                    name="phone"
                    type="text"
                    inputMode="numeric"
                    autoComplete="tel"
                    width="medium"
                    label={t("payment.phone")}
                    hint={t("payment.phoneHint")}
                    error={paymentError === "phone" ? "permits:payment.errors.phone" : undefined}
                  />
                  <button className="button" type="submit">
                    {t("payment.paySwish", { amount: formatCurrency(r.fee.total) })}
                  </button>
                </Form>
              ) : null}
              {r.payment.online && scripted ? (
                <Form method="post">
                  <CsrfField />
                  <input type="hidden" name="intent" value="pay-app" />
                  <p>{t("payment.app.lead")}</p>
                  <button className="button button--secondary" type="submit">
                    {t("payment.app.pay", { amount: formatCurrency(r.fee.total) })}
                  </button>
                </Form>
              ) : null}
              {r.payment.online ? null : <p>{t("payment.onlineUnavailable")}</p>}
            </>
          )}
        </section>
      ) : null}
      {r.signing && r.missing.length === 0 ? (
        <>
          {r.payment.payable && !r.payment.paid ? <p>{t("payment.invoiceLead")}</p> : null}
          <p>{t("sign.lead")}</p>
          <div className="button-row">
            {/* A link, not a form: the provider is another origin (form-action CSP), and nothing changes before the callback. */}
            <a className="button" id="submit-sign" href="/bygglov/ansok/signera">
              {r.payment.payable && !r.payment.paid ? t("sign.submitInvoice") : t("sign.submit")}
            </a>
          </div>
        </>
      ) : (
        <Form method="post">
          <CsrfField />
          <input type="hidden" name="method" value={r.payment.paid ? "swish" : "invoice"} />
          {r.missing.length > 0 ? <p>{t("check.cannotSubmit")}</p> : null}
          {r.payment.payable && !r.payment.paid ? <p>{t("payment.invoiceLead")}</p> : null}
          <div className="button-row">
            <button
              className={r.payment.payable && !r.payment.paid ? "button button--secondary" : "button"}
              type="submit"
            >
              {r.payment.payable && !r.payment.paid ? t("payment.submitInvoice") : t("check.submit")}
            </button>
          </div>
        </Form>
      )}
    </>
  );
}
