import type { SerializeFrom } from "@remix-run/node";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfField } from "~/components/ui/CsrfField";
import { ATTACHMENT_KINDS } from "../../../forms/lib/building-permit";
import type { StaffCase } from "~/services/backoffice.server";
import { formatCurrency, formatDateTime } from "~/utils/format";
import { SelectField, TextArea, TextField } from "./Fields";
import { DecisionPanel, type DecisionPrefill } from "./DecisionPanel";
import { CASE_STATUS_KEY } from "~/i18n/keys";

type C = SerializeFrom<StaffCase>;
type Posted = { intent: string; error?: string; values: Record<string, string>; preview?: boolean } | null;

/**
 * The right column: internal notes (visibly apart from anything the applicant sees), assignment,
 * status change through the state machine, supplement request, extension and the decision.
 * Every control is a plain form: keyboard and no-JS users do everything the same way.
 */
export function CaseActions({
  c,
  me,
  posted,
  prefill,
}: {
  c: C;
  me: { id: number; name: string };
  posted: Posted;
  prefill: DecisionPrefill | null;
}) {
  const { t } = useTranslation("backoffice");
  const errorFor = (intent: string) => (posted?.intent === intent ? t(`errors.${posted.error}`) : null);
  const fileError =
    posted?.intent === "message" && (posted.error ?? "").startsWith("messageFile") ? t(`errors.${posted.error}`) : null;
  const value = (intent: string, name: string) => (posted?.intent === intent ? posted.values[name] : undefined);
  const isPermit = c.area === "bygglov" && c.permit !== null;
  const open = !["decided", "closed", "withdrawn"].includes(c.status);
  return (
    <div>
      <section className="panel panel--internal" aria-labelledby="notes-title">
        <h2 id="notes-title">{t("case.notes")}</h2>
        <p>{t("case.notesLead")}</p>
        {c.notes.length === 0 ? (
          <p>{t("case.noNotes")}</p>
        ) : (
          <ul className="note-list" data-testid="internal-notes">
            {c.notes.map((n) => (
              <li key={n.id}>
                <span className="note-meta">
                  {n.authorName}, {formatDateTime(n.createdAt)}
                </span>
                {n.body}
              </li>
            ))}
          </ul>
        )}
        {c.canHandle ? (
          <Form method="post" id="note-form">
            <CsrfField />
            <input type="hidden" name="intent" value="note" />
            <TextArea
              id="note"
              label={t("case.noteLabel")}
              rows={3}
              error={errorFor("note")}
              defaultValue={value("note", "note")}
            />
            <button className="button button--secondary" type="submit">
              {t("case.addNote")}
            </button>
          </Form>
        ) : null}
      </section>

      {c.canHandle ? (
        <section className="panel" aria-labelledby="message-title">
          <h2 id="message-title">{t("case.messageTitle")}</h2>
          <p>{t("case.messageLead")}</p>
          <Form method="post" id="message-form" encType="multipart/form-data" reloadDocument>
            <CsrfField />
            <input type="hidden" name="intent" value="message" />
            <TextArea
              id="applicant-message"
              name="message"
              label={t("case.messageLabel")}
              rows={4}
              error={
                posted?.intent === "message" && !(posted.error ?? "").startsWith("messageFile")
                  ? errorFor("message")
                  : null
              }
              defaultValue={value("message", "message")}
            />
            <div className="field">
              <label htmlFor="message-files">{t("case.messageFiles")}</label>
              <span className="field__hint" id="message-files-hint">
                {t("case.messageFilesHint")}
              </span>
              {fileError ? (
                <span className="field__error" id="message-files-error">
                  {fileError}
                </span>
              ) : null}
              <input
                type="file"
                id="message-files"
                name="files"
                multiple
                accept=".pdf,.jpg,.jpeg,.png,.txt,application/pdf,image/jpeg,image/png,text/plain"
                aria-describedby={fileError ? "message-files-hint message-files-error" : "message-files-hint"}
                aria-invalid={fileError ? true : undefined}
              />
            </div>
            <button className="button" type="submit">
              {t("case.sendMessage")}
            </button>
          </Form>
        </section>
      ) : null}

      {!c.canHandle ? <p className="alert">{t("case.readOnly")}</p> : null}

      {c.canHandle ? (
        <section className="panel" aria-labelledby="assign-title" id="assign-form">
          <h2 id="assign-title">{t("case.assign")}</h2>
          <p data-testid="assigned-to">
            {c.assignedTo ? t("case.assignedTo", { name: c.assignedTo.name }) : t("case.notAssigned")}
          </p>
          {c.assignedTo?.id !== me.id ? (
            <Form method="post">
              <CsrfField />
              <input type="hidden" name="intent" value="assign-me" />
              <button className="button button--secondary" type="submit">
                {t("case.assignToMe")}
              </button>
            </Form>
          ) : null}
          {c.assignedTo ? (
            <Form method="post">
              <CsrfField />
              <input type="hidden" name="intent" value="unassign" />
              <button className="button button--secondary" type="submit" data-testid="unassign">
                {t("case.unassign")}
              </button>
            </Form>
          ) : null}
          <Form method="post">
            <CsrfField />
            <input type="hidden" name="intent" value="assign" />
            <SelectField
              id="staffId"
              label={t("case.assignTo")}
              error={errorFor("assign")}
              defaultValue={String(c.assignedTo?.id ?? "")}
              options={c.colleagues.map((s) => ({ value: String(s.id), label: s.name }))}
            />
            <button className="button button--secondary" type="submit">
              {t("case.assignButton")}
            </button>
          </Form>
        </section>
      ) : null}

      {c.canHandle ? (
        <section className="panel" aria-labelledby="status-title">
          <h2 id="status-title">{t("case.statusChange")}</h2>
          {c.transitions.length === 0 ? (
            <p>{t("case.noTransitions")}</p>
          ) : (
            <Form method="post" id="status-form">
              <CsrfField />
              <input type="hidden" name="intent" value="status" />
              <SelectField
                id="status"
                label={t("case.newStatus")}
                error={errorFor("status")}
                options={c.transitions.map((s) => ({ value: s, label: t(CASE_STATUS_KEY[s]) }))}
              />
              <button className="button button--secondary" type="submit">
                {t("case.changeStatus")}
              </button>
            </Form>
          )}
        </section>
      ) : null}

      {c.canHandle && isPermit && open ? (
        <section className="panel" aria-labelledby="supplement-title">
          <h2 id="supplement-title">{t("case.supplement")}</h2>
          <Form method="post" id="supplement-form">
            <CsrfField />
            <input type="hidden" name="intent" value="supplement" />
            <TextArea
              id="message"
              label={t("case.supplementMessage")}
              rows={3}
              error={
                posted?.intent === "supplement" && posted.error === "supplementMessage" ? errorFor("supplement") : null
              }
              defaultValue={value("supplement", "message")}
            />
            <TextField
              id="dueOn"
              label={t("case.supplementDue")}
              width="input--width-10"
              error={
                posted?.intent === "supplement" && posted.error === "supplementDue" ? errorFor("supplement") : null
              }
              defaultValue={value("supplement", "dueOn")}
            />
            <fieldset className="field">
              <legend>{t("case.supplementKinds")}</legend>
              {ATTACHMENT_KINDS.map((k) => (
                <div className="checkboxes__item" key={k}>
                  <input type="checkbox" id={`kinds-${k}`} name="kinds" value={k} />
                  <label htmlFor={`kinds-${k}`}>{t(`permits:attachments.${k}`)}</label>
                </div>
              ))}
            </fieldset>
            <button className="button button--secondary" type="submit">
              {t("case.sendSupplement")}
            </button>
          </Form>
        </section>
      ) : null}

      {c.canHandle && isPermit && open ? (
        <section className="panel" aria-labelledby="extend-title">
          <h2 id="extend-title">{t("case.extension")}</h2>
          {c.permit?.extensionWeeks ? (
            <p>{t("case.extensionUsed")}</p>
          ) : (
            <Form method="post" id="extend-form">
              <CsrfField />
              <input type="hidden" name="intent" value="extend" />
              <TextField
                id="weeks"
                label={t("case.extensionWeeks")}
                inputMode="numeric"
                width="input--width-10"
                error={posted?.intent === "extend" && posted.error === "extensionWeeks" ? errorFor("extend") : null}
                defaultValue={value("extend", "weeks")}
              />
              <TextArea
                id="reason"
                label={t("case.extensionReason")}
                rows={2}
                error={posted?.intent === "extend" && posted.error !== "extensionWeeks" ? errorFor("extend") : null}
                defaultValue={value("extend", "reason")}
              />
              <button className="button button--secondary" type="submit">
                {t("case.extend")}
              </button>
            </Form>
          )}
        </section>
      ) : null}

      {c.feeReductionPreview && c.feeReductionPreview.fifths > 0 ? (
        <p className="alert alert--warning" data-testid="fee-reduction-preview">
          {t("payment.reductionPreview", {
            weeks: c.feeReductionPreview.weeksLate,
            fifths: c.feeReductionPreview.fifths,
            before: formatCurrency(c.feeReductionPreview.feeBefore),
            after: formatCurrency(c.feeReductionPreview.feeAfter),
          })}
        </p>
      ) : null}
      <DecisionPanel c={c} posted={posted} prefill={prefill} />
    </div>
  );
}
