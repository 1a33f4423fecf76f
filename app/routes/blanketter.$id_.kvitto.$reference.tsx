import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getLanguage, getFixedT } from "~/i18n/i18n.server";
import { submitterViewer } from "~/services/eservice-session.server";
import { getFormDefinition, getReceipt } from "~/services/forms.server";
import eserviceStyles from "~/styles/eservice.css";
import { formatDateTime } from "~/utils/format";
import type { RouteHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";
import { getResidentUser } from "~/auth/guards.server";

export const meta = pageMeta;
export const links: LinksFunction = () => [{ rel: "stylesheet", href: eserviceStyles }];
export const handle: RouteHandle = {
  i18n: ["forms", "eservice"],
  breadcrumb: () => [{ labelKey: "ladder.forms.short", href: "/blanketter" }],
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const def = getFormDefinition(params.id ?? "");
  if (!def) throw new Response("Not found", { status: 404 });
  const lang = getLanguage(request);
  const user = await getResidentUser(request);
  const receipt = getReceipt({
    def,
    reference: params.reference ?? "",
    viewer: submitterViewer(request, user?.personId ?? null),
    lang,
  });
  // Someone else's reference looks exactly like one that does not exist.
  if (!receipt) throw new Response("Not found", { status: 404 });
  const tf = getFixedT(lang, "forms");
  const te = getFixedT(lang, "eservice");
  const formTitle = tf(def.titleKey.slice("forms.".length));
  return {
    title: `${te("receipt.title")} – ${formTitle}`,
    formTitle,
    formId: def.id,
    processingDays: def.processingDays,
    reference: receipt.reference,
    createdAt: receipt.createdAt,
    contactEmail: receipt.contactEmail,
    municipality: receipt.municipality,
    rows: receipt.rows,
    receiptText: receipt.receiptText,
  };
}

export default function Receipt() {
  const d = useLoaderData<typeof loader>();
  const { t } = useTranslation(["eservice", "forms"]);
  return (
    <div className="form-page">
      <div className="confirmation">
        <h1>{t("receipt.title")}</h1>
        <p>{t("receipt.referenceLabel")}</p>
        <p className="confirmation__reference" data-testid="reference">
          {d.reference}
        </p>
      </div>
      <p>{t("receipt.sentAt", { form: d.formTitle, when: formatDateTime(d.createdAt) })}</p>
      {d.receiptText ? (
        <p className="receipt-text" data-testid="receipt-text">
          {d.receiptText}
        </p>
      ) : null}
      {d.contactEmail ? <p>{t("receipt.emailSent", { email: d.contactEmail })}</p> : <p>{t("receipt.noEmail")}</p>}
      <h2>{t("receipt.nextHeading")}</h2>
      <p>{t("receipt.next", { municipality: d.municipality?.name ?? "" })}</p>
      <h2>{t("receipt.timeHeading")}</h2>
      <p>{t("receipt.time", { count: d.processingDays })}</p>
      <h2>{t("receipt.copyHeading")}</h2>
      <p>
        <a href={`/blanketter/${d.formId}/kvitto/${d.reference}/kvitto.pdf`} download>
          {t("receipt.pdf", { reference: d.reference })}
        </a>
      </p>
      <p>{t("receipt.diarium")}</p>
      {d.municipality ? (
        <>
          <h2>{t("receipt.questionsHeading")}</h2>
          <p>
            {t("receipt.questions", {
              municipality: d.municipality.name,
              phone: d.municipality.phone,
              email: d.municipality.email,
              reference: d.reference,
            })}
          </p>
        </>
      ) : null}
      <h2>{t("receipt.answersHeading")}</h2>
      <dl className="summary-list">
        {d.rows.map((row, i) => (
          <div className="summary-list__row" key={`${row.label}-${i}`}>
            <dt>{row.label}</dt>
            <dd>{row.text}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
