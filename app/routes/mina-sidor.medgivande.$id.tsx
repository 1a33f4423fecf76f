import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireCsrf } from "~/auth/csrf.server";
import { oidcConfigured } from "~/auth/oidc.server";
import { ConsentStatus } from "~/components/permits/OwnerConsents";
import { CsrfField } from "~/components/ui/CsrfField";
import { getFixedT, getLanguage } from "~/i18n/i18n.server";
import {
  declineOwnerConsent,
  mayAnswerConsent,
  ownerConsentForOwner,
  ownerConsentSignature,
} from "~/services/owner-consent.server";
import { CaseSignatures } from "~/components/mypages/CaseSignatures";
import { readForm } from "~/services/multipart.server";
import { requireResidentViewer } from "~/services/resident-viewer.server";
import styles from "~/styles/mypages.css";
import { formatDate, formatDateTime } from "~/utils/format";
import { redirectWithFlash } from "~/utils/flash.server";
import type { RouteHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta;
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const handle: RouteHandle = {
  i18n: ["permits", "mypages"],
  breadcrumb: () => ({ labelKey: "permits:ownerConsent.list.title", href: "/mina-sidor/medgivande" }),
};

/**
 * One consent request as its owner sees it: what the application asks, then "sign with e-ID" (a
 * link: the provider is another origin) or "decline" (a form). Anyone but that owner gets 404; for
 * an organisation (decision 100) whoever acts for it sees the request, only its signatory answers
 * (anyone else's attempt is refused 403 and audited).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, viewer } = await requireResidentViewer(request);
  const consent = ownerConsentForOwner(String(params.id ?? ""), viewer, getLanguage(request));
  if (!consent) throw new Response("Not found", { status: 404 });
  // An organisation's request: only its signatory may answer (decision 100); others see why not.
  const answer =
    consent.organisation && consent.status === "pending"
      ? await mayAnswerConsent(consent.publicId, viewer, user, { quiet: true })
      : "ok";
  return {
    title: getFixedT(request, "permits")("ownerConsent.page.title", { designation: consent.designation }),
    consent,
    // The signature given, verified again on every view (decision 107).
    signature: ownerConsentSignature(consent.publicId, viewer),
    answer,
    canSign: oidcConfigured(),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, viewer } = await requireResidentViewer(request);
  const form = await readForm(request);
  await requireCsrf(request, form);
  const publicId = String(params.id ?? "");
  if (form.get("intent") !== "decline") return data({ error: "unknownIntent" as const }, { status: 400 });
  const may = await mayAnswerConsent(publicId, viewer, user);
  if (may === "not-found") throw new Response("Not found", { status: 404 });
  if (may === "not-signatory") return data({ error: "notSignatory" as const }, { status: 403 });
  if (may === "unavailable") return data({ error: "registerUnavailable" as const }, { status: 503 });
  const answer = await declineOwnerConsent({ publicId, viewer, actor: user });
  if (!answer.ok && answer.code === "not-found") throw new Response("Not found", { status: 404 });
  if (!answer.ok) return data({ error: "answered" as const }, { status: 409 });
  return redirectWithFlash(`/mina-sidor/medgivande/${publicId}`, "permits:ownerConsent.flash.declined");
}

export default function OwnerConsentPage() {
  const { consent, signature, answer, canSign } = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>();
  const { t } = useTranslation("permits");
  const organisation = consent.organisation ?? "";
  const errors = {
    answered: t("ownerConsent.page.answered"),
    unknownIntent: t("ownerConsent.page.unknownIntent"),
    notSignatory: t("ownerConsent.page.notSignatory", { organisation }),
    registerUnavailable: t("ownerConsent.page.registerUnavailable", { organisation }),
  };
  return (
    <>
      <h1>{t("ownerConsent.page.title", { designation: consent.designation })}</h1>
      {posted ? (
        <div className="error-summary" role="alert" tabIndex={-1}>
          <p>{errors[posted.error]}</p>
        </div>
      ) : null}
      <p className="lead">
        {consent.organisation
          ? t("ownerConsent.page.organisationLead", { organisation, reference: consent.reference })
          : t("ownerConsent.page.lead", { reference: consent.reference })}
      </p>
      {consent.status === "pending" && consent.deadlineAt ? (
        <p>{t("ownerConsent.page.deadline", { date: formatDate(consent.deadlineAt) })}</p>
      ) : null}
      {consent.status === "expired" && consent.deadlineAt ? (
        <p>{t("ownerConsent.page.expired", { date: formatDate(consent.deadlineAt) })}</p>
      ) : null}
      <p>
        {t("ownerConsent.page.statusLabel")}: <ConsentStatus status={consent.status} />
        {consent.answeredAt ? ` (${formatDateTime(consent.answeredAt)})` : null}
      </p>
      <section aria-labelledby="consent-text-title">
        <h2 id="consent-text-title">{t("ownerConsent.page.textHeading")}</h2>
        <div className="message__body panel--plain" data-testid="consent-text">
          {consent.text}
        </div>
      </section>
      <CaseSignatures signatures={signature ? [signature] : []} />
      {consent.status === "pending" && answer !== "ok" ? (
        <p className="alert alert--warning" data-testid="consent-not-signatory">
          {answer === "unavailable" ? errors.registerUnavailable : errors.notSignatory}
        </p>
      ) : null}
      {consent.status === "pending" && answer === "ok" ? (
        <section aria-labelledby="consent-answer-title">
          <h2 id="consent-answer-title">{t("ownerConsent.page.answerHeading")}</h2>
          {canSign ? (
            <p>
              <Link className="button" to={`/mina-sidor/medgivande/${consent.publicId}/signera`}>
                {t("ownerConsent.page.sign")}
              </Link>
            </p>
          ) : (
            <p>{t("ownerConsent.page.noProvider")}</p>
          )}
          <Form method="post">
            <CsrfField />
            <input type="hidden" name="intent" value="decline" />
            <button type="submit" className="button button--secondary">
              {t("ownerConsent.page.decline")}
            </button>
          </Form>
        </section>
      ) : null}
      <p>
        <Link to="/mina-sidor/medgivande">{t("ownerConsent.page.back")}</Link>
      </p>
    </>
  );
}
