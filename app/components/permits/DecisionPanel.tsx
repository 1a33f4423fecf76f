import type { SerializeFrom } from "@remix-run/node";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfField } from "~/components/ui/CsrfField";
import { appealText, decisionRoute, isAppealRoute } from "~/domain/decisions";
import { isArea } from "~/domain/areas";
import { DECISION_OUTCOMES } from "~/domain/statuses";
import type { StaffCase } from "~/services/backoffice.server";
import { DECISION_OUTCOME_BY_AREA_KEY } from "~/i18n/keys";
import { RadioGroup, SelectField, TextArea, TextField } from "./Fields";

type C = SerializeFrom<StaffCase>;
type Posted = {
  intent: string;
  error?: string;
  values: Record<string, string>;
  preview?: boolean;
} | null;

export interface DecisionPrefill {
  templateId: string;
  outcome: string;
  text: string;
  /** Who prepared the draft it comes from, when it does. */
  preparedBy: string | null;
}

/**
 * The decision step of every case type (decision 077): choose one of the case type's own
 * templates (a GET form, so it works without JavaScript), edit the filled text, preview it as
 * the document will read, and decide, or save it as a draft when one may prepare but not decide.
 */
export function DecisionPanel({ c, posted, prefill }: { c: C; posted: Posted; prefill: DecisionPrefill | null }) {
  const { t, i18n } = useTranslation("backoffice");
  const lang = i18n.language === "en" ? "en" : "sv";
  if (!(c.canPrepare || c.canDecide) || !isArea(c.area)) return null;
  const area = c.area;
  const mine = posted && ["decide", "prepare", "preview"].includes(posted.intent) ? posted : null;
  const value = (name: string): string | undefined =>
    mine?.values[name] ?? (prefill ? (prefill[name as keyof DecisionPrefill] ?? undefined) : undefined);
  const errorFor = (field: string) =>
    mine?.error && (mine.error === field || (field === "outcome" && mine.error === "template"))
      ? t(`errors.${mine.error}`)
      : null;
  const templateId = value("templateId") ?? "";
  const template = c.templates.find((tp) => String(tp.id) === templateId);
  // The template's route, else the case's law's (decision 106), else the area's: as decide() records it.
  const route = decisionRoute({
    templateRoute: template?.appealRoute && isAppealRoute(template.appealRoute) ? template.appealRoute : null,
    caseLaw: c.law,
    bodyRoute: c.decisionBody.appealRoute,
  });
  const appeal = appealText(route, lang);
  const outcomeLabel = (o: (typeof DECISION_OUTCOMES)[number]) => t(DECISION_OUTCOME_BY_AREA_KEY[area][o]);
  const previewOutcome = DECISION_OUTCOMES.find((o) => o === mine?.values.outcome);
  return (
    <section className="panel" aria-labelledby="decide-title">
      <h2 id="decide-title">{t("case.decide")}</h2>
      <p data-testid="decision-body">
        {t("decisions.bodyLine", { body: c.decisionBody.body[lang], municipality: c.municipalityName })}
      </p>
      {c.canDecide && c.delegationPoint ? (
        <p data-testid="decision-right">
          {t("decisions.rightLine", {
            code: c.delegationPoint.code,
            title: lang === "en" ? c.delegationPoint.titleEn : c.delegationPoint.titleSv,
          })}
        </p>
      ) : (
        <p data-testid="decision-right">{t("decisions.noRight")}</p>
      )}
      {prefill?.preparedBy ? <p>{t("decisions.draftBy", { name: prefill.preparedBy })}</p> : null}

      <Form method="get" id="template-form">
        <SelectField
          id="mall"
          label={t("decisions.template")}
          hint={t("decisions.templateHint")}
          error={errorFor("templateLaw")}
          defaultValue={templateId}
          options={[
            { value: "", label: t("decisions.noTemplate") },
            ...c.templates.map((tp) => ({
              value: String(tp.id),
              label: `${lang === "en" ? tp.nameEn : tp.nameSv} (${outcomeLabel(tp.outcome)})`,
            })),
          ]}
        />
        <button className="button button--secondary" type="submit">
          {t("decisions.useTemplate")}
        </button>
      </Form>

      <Form method="post" id="decide-form">
        <CsrfField />
        <input type="hidden" name="templateId" value={templateId} />
        <RadioGroup
          id="outcome"
          label={t("case.outcome")}
          error={errorFor("outcome")}
          defaultValue={value("outcome")}
          options={DECISION_OUTCOMES.map((o) => ({ value: o, label: outcomeLabel(o) }))}
        />
        <TextArea
          id="decisionText"
          label={t("case.decisionText")}
          rows={6}
          error={errorFor("decisionText")}
          defaultValue={value("text") ?? value("decisionText")}
        />
        {area === "bygglov" ? (
          <TextField
            id="fee"
            label={t("case.decisionFee")}
            inputMode="numeric"
            width="input--width-10"
            error={errorFor("fee")}
            defaultValue={mine?.values.fee ?? (c.permit?.feeEstimate ? String(c.permit.feeEstimate) : "")}
          />
        ) : null}
        <div className="button-group">
          {c.canDecide ? (
            <button className="button" type="submit" name="intent" value="decide">
              {t("case.decideButton")}
            </button>
          ) : null}
          <button className="button button--secondary" type="submit" name="intent" value="preview">
            {t("decisions.preview")}
          </button>
          <button className="button button--secondary" type="submit" name="intent" value="prepare">
            {t("decisions.saveDraft")}
          </button>
        </div>
      </Form>

      {mine?.preview ? (
        <section className="panel panel--internal" aria-labelledby="preview-title" data-testid="decision-preview">
          <h3 id="preview-title">{t("decisions.previewTitle")}</h3>
          <p>
            <strong>
              {c.municipalityName} {t("decisionPdf.municipality")}, {c.decisionBody.body[lang]}
            </strong>
          </p>
          <p>
            {t("decisionPdf.title")} {c.reference}
            {previewOutcome ? ` – ${outcomeLabel(previewOutcome)}` : ""}
          </p>
          <p className="preserve-lines">{mine.values.decisionText}</p>
          <p>
            <strong>{appeal.title}</strong>
          </p>
          <p>{appeal.text}</p>
        </section>
      ) : null}
    </section>
  );
}
