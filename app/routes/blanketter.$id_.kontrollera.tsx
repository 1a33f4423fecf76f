import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PostGuardField } from "~/components/form/PostGuardField";
import { useFormTexts } from "~/components/form/useFormTexts";
import { checkPage, earlyCheckPage } from "~/services/form-check-page.server";
import { vouchForCheckTemplate } from "~/http/check-template.server";
import { earlySendPostOutcome } from "~/http/step-post.server";
import { runSendPost } from "~/services/send-post.server";
import { requestIdOf } from "~/load-context";
import { PaymentIsland } from "~/components/form/PaymentIsland";
import { CheckAnswerRows } from "~/components/form/CheckAnswerRows";
import { useCsrfToken } from "~/components/ui/CsrfField";
import { i18nextKey } from "../../forms/keys";
import eserviceStyles from "~/styles/eservice.css";
import type { RouteHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta;
export const links: LinksFunction = () => [{ rel: "stylesheet", href: eserviceStyles }];
// No Remix runtime (decision 108): the page is read and sent with one native post, guarded by its
// idempotency key. A fee still to pay with Swish online makes the payment panel an island of its
// own (decision 111: the app switch, the QR code and the polling); otherwise no JavaScript at all.
export const handle: RouteHandle = {
  island: (match) => {
    const p = (match.data as { payment?: { online: boolean; paid: string | null } | null } | undefined)?.payment;
    return p?.online && !p.paid ? "routes/_payisland" : null;
  },
  i18n: ["forms", "eservice"],
  breadcrumb: (match) => {
    const d = match.data as { formTitle?: string; formId?: string } | undefined;
    return [
      { labelKey: "ladder.forms.short", href: "/blanketter" },
      ...(d?.formTitle ? [{ label: d.formTitle, href: `/blanketter/${d.formId}` }] : []),
    ];
  },
};

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  // Read in front of Express already when the browser brought its key (decision 145).
  const page = earlyCheckPage(context, request) ?? (await checkPage(request, params));
  // The page around the answers may answer the next such request from a template (decision 145).
  if (page.frameKey) vouchForCheckTemplate(requestIdOf(context), page.frameKey);
  return data(page.data, { headers: page.headers });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  // Already run in front of Express when it did not end in a plain redirect (decisions 147, 151).
  const early = earlySendPostOutcome(context);
  if (early) return early();
  return runSendPost(request, params);
}

export default function CheckAnswers() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const csrfToken = useCsrfToken();
  useFormTexts(d.textsId, d.formTexts);
  const { t } = useTranslation(["forms", "eservice"]);
  const error = actionData && "error" in actionData ? actionData.error : null;
  return (
    <div className="form-page">
      <p className="form-caption">{d.formTitle}</p>
      {error ? (
        <div className="error-summary" role="alert" tabIndex={-1} aria-labelledby="submit-error-title">
          <h2 id="submit-error-title">{t("forms:common.errorSummaryTitle")}</h2>
          <p>{t(`eservice:check.errors.${error}`, { defaultValue: t("eservice:check.errors.generic") })}</p>
          {actionData && "messages" in actionData && actionData.messages.length > 0 ? (
            <ul>
              {actionData.messages.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <h1>{t("forms:common.checkAnswers")}</h1>
      <dl className="summary-list">
        <CheckAnswerRows
          rows={d.rows}
          municipality={d.municipality}
          municipalityChangeHref={d.municipalityChangeHref}
          change={t("forms:common.change")}
          municipalityLabel={t("eservice:form.municipality.label")}
        />
        {d.computed.map((c) => (
          <div className="summary-list__row" key={c.name}>
            <dt>{t(i18nextKey(c.labelKey))}</dt>
            <dd>{c.text}</dd>
          </div>
        ))}
      </dl>
      {d.payment ? (
        <PaymentIsland
          csrfToken={csrfToken}
          p={d.payment}
          phoneError={
            actionData &&
            "messages" in actionData &&
            "paymentError" in actionData &&
            actionData.paymentError === "phone"
              ? (actionData.messages[0] ?? null)
              : null
          }
        />
      ) : null}
      <h2>{t("eservice:check.sendHeading")}</h2>
      {d.signs ? (
        <>
          <p>{t("eservice:sign.lead")}</p>
          <p>
            <a className="button" id="submit-sign" href={`/blanketter/${d.formId}/signera`}>
              {t("eservice:sign.submit")}
            </a>
          </p>
        </>
      ) : (
        <>
          <p>{t("eservice:check.sendBody")}</p>
          {/* Url-encoded: the send carries its token and key only (decision 188). */}
          <Form method="post">
            <PostGuardField />
            <input type="hidden" name="_idempotency" value={d.idempotencyKey} />
            <button type="submit" className="button" disabled={navigation.state !== "idle" || undefined}>
              {t("forms:common.submit")}
            </button>
          </Form>
        </>
      )}
    </div>
  );
}
