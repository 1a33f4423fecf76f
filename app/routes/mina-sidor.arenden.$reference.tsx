import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { readForm } from "~/services/multipart.server";
import { requireCsrf } from "~/auth/csrf.server";
import { CsrfField } from "~/components/ui/CsrfField";
import { FieldErrorSummary, TextArea } from "~/components/mypages/Fields";
import { MyPagesNav } from "~/components/mypages/MyPagesNav";
import { getFixedT } from "~/i18n/i18n.server";
import { answerOffer, terminatePlacement } from "~/services/childcare.server";
import { MessageRejected, sendMessageToOfficer } from "~/services/messages.server";
import { getMyCaseDetail, withdrawCase } from "~/services/mypages.server";
import { requireResidentViewer } from "~/services/resident-viewer.server";
import { decisionForResident } from "~/services/decisions.server";
import { DECISION_OUTCOME_BY_AREA_KEY, CASE_STATUS_KEY, keyOf } from "~/i18n/keys";
import { signSchoolApplication } from "~/services/school.server";
import styles from "~/styles/mypages.css";
import { formatDate, formatDateTime } from "~/utils/format";
import type { RouteHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";
import { formTitleKey } from "~/utils/mypages-format";
import { redirectWithFlash } from "~/utils/flash.server";
import { ChildcarePart } from "~/components/mypages/CaseChildcarePart";
import { SchoolPart } from "~/components/mypages/CaseSchoolPart";
import { CaseSignatures } from "~/components/mypages/CaseSignatures";

export const meta = pageMeta;
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const handle: RouteHandle = {
  i18n: ["mypages", "childcare", "eservice", "backoffice"],
  breadcrumb: (match) => {
    const d = match.data as { reference?: string } | undefined;
    return [
      { labelKey: "mypages:breadcrumb", href: "/mina-sidor" },
      ...(d?.reference ? [{ label: d.reference, href: `/mina-sidor/arenden/${d.reference}` }] : []),
    ];
  },
};

const REFERENCE = /^[A-Z]{3}-\d{4}-\d{6}$/;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer } = await requireResidentViewer(request);
  const reference = params.reference ?? "";
  const detail = REFERENCE.test(reference) ? await getMyCaseDetail({ reference, viewer }) : undefined;
  if (!detail) throw new Response("Not found", { status: 404 });
  const decision = decisionForResident({ reference, viewer }) ?? null;
  return { title: getFixedT(request, "mypages")("case.title", { reference }), reference, decision, ...detail };
}

type ActionErrors = { intent: string; errors: Record<string, string> };

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, viewer } = await requireResidentViewer(request);
  const form = await readForm(request);
  await requireCsrf(request, form);
  const reference = params.reference ?? "";
  if (!REFERENCE.test(reference)) throw new Response("Not found", { status: 404 });
  const here = `/mina-sidor/arenden/${reference}`;
  const intent = String(form.get("intent") ?? "");
  const notFound = () => new Response("Not found", { status: 404 });
  switch (intent) {
    case "message": {
      const files = form
        .getAll("files")
        .filter((f): f is File => typeof f === "object" && f !== null && "size" in f && (f as File).size > 0);
      try {
        const sent = await sendMessageToOfficer({
          reference,
          viewer,
          body: String(form.get("body") ?? ""),
          files: await Promise.all(
            files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
          ),
        });
        if (!sent) throw notFound();
      } catch (error) {
        if (error instanceof MessageRejected) {
          return data<ActionErrors>(
            { intent, errors: Object.fromEntries(error.errors.map((e) => [e.field, e.code])) },
            { status: 400 },
          );
        }
        throw error;
      }
      return redirectWithFlash(here, "mypages:case.flash.messageSent");
    }
    case "withdraw": {
      if (form.get("confirm") !== "yes")
        return data<ActionErrors>({ intent, errors: { confirm: "required" } }, { status: 400 });
      const r = await withdrawCase({ reference, viewer, actor: user });
      if (r === "not-found") throw notFound();
      if (r === "not-allowed") throw new Response("Conflict", { status: 409 });
      return redirectWithFlash(here, "mypages:case.flash.withdrawn");
    }
    case "accept":
    case "decline": {
      const offerId = Number(form.get("offerId"));
      if (!Number.isInteger(offerId) || offerId < 1) throw new Response("Bad request", { status: 400 });
      const r = await answerOffer({ reference, offerId, answer: intent, viewer, actor: user });
      if (r === "not-found") throw notFound();
      return redirectWithFlash(
        here,
        r === "not-pending" ? "childcare:case.flash.notPending" : `childcare:case.flash.${r}`,
      );
    }
    case "terminate": {
      const r = await terminatePlacement({
        reference,
        desiredLastDay: String(form.get("lastDay") ?? "").trim(),
        viewer,
        actor: user,
      });
      if (!r.ok && r.code === "not-found") throw notFound();
      if (!r.ok) return data<ActionErrors>({ intent, errors: { lastDay: r.code } }, { status: 400 });
      return redirectWithFlash(here, "childcare:case.flash.terminated");
    }
    // Approving is an e-ID signature (…/signera, decision 081); declining needs none and stops the application.
    case "decline-signature": {
      const r = await signSchoolApplication({
        reference,
        viewer,
        actor: user,
        decision: "decline",
        expectedHash: String(form.get("hash") ?? ""),
      });
      if (!r.ok && r.code === "not-found") throw notFound();
      if (!r.ok)
        return redirectWithFlash(
          here,
          r.code === "changed" ? "childcare:school.sign.changed" : "childcare:school.sign.notPending",
        );
      return redirectWithFlash(here, "childcare:school.sign.declined");
    }
    default:
      throw new Response("Bad request", { status: 400 });
  }
}

export default function MyCase() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("mypages");
  const errorsFor = (intent: string) => (actionData?.intent === intent ? actionData.errors : {});
  const msgErrors = errorsFor("message");
  const c = d.case;
  const cc = d.childcare;
  const sc = d.school;
  const status = (s: string) => t(keyOf(CASE_STATUS_KEY, s) ?? s);
  return (
    <>
      <h1>{t("case.title", { reference: c.reference })}</h1>
      <p className="lead">{t(formTitleKey(c.formId), { formId: c.formId })}</p>
      <MyPagesNav />
      {actionData ? (
        <FieldErrorSummary
          title={t("case.errors.summary")}
          errors={actionData.errors}
          fields={["body", "files", "confirm", "lastDay"]}
          keyOf={(f, code) =>
            f === "lastDay" ? `childcare:case.terminate.errors.${code}` : `mypages:case.errors.${f}.${code}`
          }
        />
      ) : null}

      <section aria-labelledby="facts-title">
        <h2 id="facts-title">{t("case.facts")}</h2>
        <dl className="facts">
          <dt>{t("case.municipality")}</dt>
          <dd>{c.municipality}</dd>
          <dt>{t("case.status")}</dt>
          <dd>{status(c.status)}</dd>
          <dt>{t("case.submitted")}</dt>
          <dd>{formatDateTime(c.createdAt)}</dd>
          <dt>{t("case.decisionDue")}</dt>
          <dd>
            {c.decisionDueAt
              ? formatDate(c.decisionDueAt)
              : cc
                ? formatDate(cc.guaranteeDate)
                : t("case.decisionDueNone")}
          </dd>
        </dl>
      </section>

      {cc || sc ? (
        <p>
          <a href={`/mina-sidor/arenden/${c.reference}/ansokan.pdf`} download>
            {t("case.applicationPdf", { reference: c.reference })}
          </a>
        </p>
      ) : null}
      {d.decision ? (
        <section aria-labelledby="decision-title" className="panel">
          <h2 id="decision-title">{t("case.decisionTitle")}</h2>
          <p data-testid="decision-outcome">
            <strong>{t(DECISION_OUTCOME_BY_AREA_KEY[d.decision.area][d.decision.outcome])}</strong>,{" "}
            {formatDate(d.decision.decidedOn)}
          </p>
          <p>
            <a href={`/mina-sidor/arenden/${c.reference}/beslut.pdf`} download data-testid="decision-pdf">
              {t("case.decisionPdf", { reference: c.reference })}
            </a>
          </p>
        </section>
      ) : null}
      {cc ? <ChildcarePart cc={cc} errors={errorsFor("terminate")} /> : null}
      {sc ? <SchoolPart sc={sc} reference={d.reference} /> : null}
      <CaseSignatures
        signatures={d.signatures}
        downloadHref={(n) => `/mina-sidor/arenden/${c.reference}/underskrifter/${n}`}
      />

      <section aria-labelledby="timeline-title">
        <h2 id="timeline-title">{t("case.timeline.heading")}</h2>
        <ol className="timeline">
          {d.timeline.map((e, i) => (
            <li key={i}>
              <time dateTime={e.at}>{formatDateTime(e.at)}</time>
              {e.kind === "status"
                ? t("case.timeline.status", { status: status(e.status ?? "") })
                : e.kind === "message-in"
                  ? t("case.timeline.messageIn")
                  : e.kind === "message-out"
                    ? t("case.timeline.messageOut")
                    : e.kind === "offer"
                      ? t("case.timeline.offer", { unit: e.unit })
                      : t("case.timeline.signature", {
                          name: e.name,
                          decision: t(`childcare:school.signatures.${e.decision}`, { date: formatDate(e.at) }),
                        })}
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="messages-title">
        <h2 id="messages-title">{t("case.messages.heading")}</h2>
        {d.messages.length === 0 ? (
          <p>{t("case.messages.none")}</p>
        ) : (
          <ul className="message-list">
            {d.messages.map((m) => (
              <li key={m.id} className={`message${m.sender === "officer" ? " message--officer" : ""}`}>
                <p className="message__meta">
                  {m.sender === "officer" ? t("case.messages.fromOfficer") : t("case.messages.fromMe")},{" "}
                  <time dateTime={m.createdAt}>{formatDateTime(m.createdAt)}</time>
                </p>
                <p className="message__body">{m.body}</p>
                {m.attachments.length > 0 ? (
                  <ul className="file-list" aria-label={t("case.messages.attachments")}>
                    {m.attachments.map((a) => (
                      <li key={a.publicId}>
                        <a href={`/mina-sidor/arenden/${c.reference}/filer/${a.publicId}`}>{a.name}</a>
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {c.status !== "withdrawn" ? (
          <Form method="post" encType="multipart/form-data" reloadDocument>
            <CsrfField />
            <input type="hidden" name="intent" value="message" />
            <h3>{t("case.messages.write")}</h3>
            <TextArea
              name="body"
              label={t("case.messages.body")}
              hint={t("case.messages.bodyHint")}
              errorKey={msgErrors.body ? `mypages:case.errors.body.${msgErrors.body}` : undefined}
            />
            <div className={`field${msgErrors.files ? " field--error" : ""}`}>
              <label htmlFor="files">{t("case.messages.files")}</label>
              <span className="field__hint" id="files-hint">
                {t("case.messages.filesHint")}
              </span>
              {msgErrors.files ? (
                <span className="field__error" id="files-error">
                  {t(`mypages:case.errors.files.${msgErrors.files}`)}
                </span>
              ) : null}
              <input
                type="file"
                id="files"
                name="files"
                multiple
                accept=".pdf,.jpg,.jpeg,.png,.txt,application/pdf,image/jpeg,image/png,text/plain"
                aria-describedby={msgErrors.files ? "files-hint files-error" : "files-hint"}
                aria-invalid={msgErrors.files ? true : undefined}
              />
            </div>
            <button type="submit" className="button">
              {t("case.messages.send")}
            </button>
          </Form>
        ) : null}
      </section>

      <section aria-labelledby="documents-title">
        <h2 id="documents-title">{t("case.documents.heading")}</h2>
        {d.documents.length === 0 ? (
          <p>{t("case.documents.none")}</p>
        ) : (
          <ul className="file-list">
            {d.documents.map((doc) => (
              <li key={doc.publicId}>
                <a href={`/mina-sidor/arenden/${c.reference}/filer/${doc.publicId}`}>{doc.name}</a>
              </li>
            ))}
          </ul>
        )}
      </section>

      {d.canWithdraw ? (
        <section aria-labelledby="withdraw-title" className="panel--plain">
          <h2 id="withdraw-title">{t("case.withdraw.heading")}</h2>
          <p>{t("case.withdraw.body")}</p>
          <Form method="post" reloadDocument>
            <CsrfField />
            <input type="hidden" name="intent" value="withdraw" />
            <div className={`field${errorsFor("withdraw").confirm ? " field--error" : ""}`}>
              {errorsFor("withdraw").confirm ? (
                <span className="field__error" id="confirm-error">
                  {t("case.errors.confirm.required")}
                </span>
              ) : null}
              <div className="choices">
                <label>
                  <input
                    type="checkbox"
                    id="confirm"
                    name="confirm"
                    value="yes"
                    aria-describedby={errorsFor("withdraw").confirm ? "confirm-error" : undefined}
                  />
                  <span>{t("case.withdraw.confirm")}</span>
                </label>
              </div>
            </div>
            <button type="submit" className="button button--warning">
              {t("case.withdraw.button")}
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}
