import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireCsrf } from "~/auth/csrf.server";
import { oidcConfigured } from "~/auth/oidc.server";
import { ConsentStatus } from "~/components/permits/OwnerConsents";
import { CsrfField } from "~/components/ui/CsrfField";
import { getFixedT, getLanguage } from "~/i18n/i18n.server";
import { declineOwnerConsent, ownerConsentForOwner } from "~/services/owner-consent.server";
import { readForm } from "~/services/multipart.server";
import { requireResidentViewer } from "~/services/resident-viewer.server";
import styles from "~/styles/mypages.css";
import { formatDateTime } from "~/utils/format";
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
 * link: the provider is another origin) or "decline" (a form). Anyone but that owner gets 404.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer } = await requireResidentViewer(request);
  const consent = ownerConsentForOwner(String(params.id ?? ""), viewer, getLanguage(request));
  if (!consent) throw new Response("Not found", { status: 404 });
  return {
    title: getFixedT(request, "permits")("ownerConsent.page.title", { designation: consent.designation }),
    consent,
    canSign: oidcConfigured(),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, viewer } = await requireResidentViewer(request);
  const form = await readForm(request);
  await requireCsrf(request, form);
  const publicId = String(params.id ?? "");
  if (form.get("intent") !== "decline") return data({ error: "unknownIntent" as const }, { status: 400 });
  const answer = declineOwnerConsent({ publicId, viewer, actor: user });
  if (!answer.ok && answer.code === "not-found") throw new Response("Not found", { status: 404 });
  if (!answer.ok) return data({ error: "answered" as const }, { status: 409 });
  return redirectWithFlash(`/mina-sidor/medgivande/${publicId}`, "permits:ownerConsent.flash.declined");
}

export default function OwnerConsentPage() {
  const { consent, canSign } = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>();
  const { t } = useTranslation("permits");
  return (
    <>
      <h1>{t("ownerConsent.page.title", { designation: consent.designation })}</h1>
      {posted ? (
        <div className="error-summary" role="alert" tabIndex={-1}>
          <p>{posted.error === "answered" ? t("ownerConsent.page.answered") : t("ownerConsent.page.unknownIntent")}</p>
        </div>
      ) : null}
      <p className="lead">{t("ownerConsent.page.lead", { reference: consent.reference })}</p>
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
      {consent.status === "pending" ? (
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
