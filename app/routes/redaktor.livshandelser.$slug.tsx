import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { readForm } from "~/services/multipart.server";
import { requireCsrf } from "~/auth/csrf.server";
import { requireStaffUser } from "~/auth/guards.server";
import { EditorErrorSummary, EditorField, EditorSelect } from "~/components/editor/ItemFields";
import { CsrfField } from "~/components/ui/CsrfField";
import { getFixedT, getLanguage } from "~/i18n/i18n.server";
import {
  applyMove,
  discardGuideDraft,
  getGuideForEdit,
  MAX_STEPS,
  parseGuideForm,
  parseMove,
  publishGuide,
  saveGuideDraft,
  stepChoices,
  validateGuide,
  type GuideDraft,
  type GuideErrors,
  type StepDraft,
} from "~/services/life-event-editor.server";
import { redirectWithFlash } from "~/utils/flash.server";
import type { RouteHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";
import editorStyles from "~/styles/editor.css";

export const meta = pageMeta;
export const links: LinksFunction = () => [{ rel: "stylesheet", href: editorStyles }];
export const handle: RouteHandle = {
  i18n: ["auth", "editor"],
  breadcrumb: (match) => {
    const d = match.data as { guide?: { title: string } } | undefined;
    return [
      { labelKey: "auth:staffHome.title", href: "/personal" },
      { labelKey: "editor:guides.title", href: "/redaktor/livshandelser" },
      ...(d?.guide ? [{ label: d.guide.title, href: match.pathname }] : []),
    ];
  },
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaffUser(request);
  const guide = getGuideForEdit(user, params.slug ?? "");
  return {
    title: getFixedT(request, "editor")("guides.edit.title", { title: guide.title }),
    guide,
    choices: stepChoices(getLanguage(request)),
  };
}

type ActionData = { errors: GuideErrors; draft: GuideDraft };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaffUser(request);
  const slug = params.slug ?? "";
  getGuideForEdit(user, slug); // 403 / 404 before the body is read
  const form = await readForm(request);
  await requireCsrf(request, form);
  const url = `/redaktor/livshandelser/${slug}`;
  const intent = form.get("intent");
  if (intent === "discard") {
    discardGuideDraft(user, slug);
    return redirectWithFlash(url, "editor:guides.flash.discarded");
  }
  const parsed = parseGuideForm(form);
  const move = parseMove(intent);
  if (move) {
    // Reordering, adding and removing steps work without JavaScript: each is a submit of the
    // whole form, so nothing typed is lost; the result is stored as the draft.
    const draft = applyMove(parsed.draft, move);
    if (Object.keys(parsed.errors).length)
      return Response.json({ errors: parsed.errors, draft } satisfies ActionData, { status: 400 });
    saveGuideDraft(user, slug, draft, { change: move.kind });
    return redirectWithFlash(
      `${url}${move.kind === "add" ? `#step-${draft.steps.length - 1}` : ""}`,
      `editor:guides.flash.${move.kind}`,
    );
  }
  if (intent !== "save" && intent !== "publish") throw Response.json({ message: "intent" }, { status: 400 });
  const errors = { ...validateGuide(parsed.draft), ...parsed.errors };
  if (Object.keys(errors).length)
    return Response.json({ errors, draft: parsed.draft } satisfies ActionData, { status: 400 });
  saveGuideDraft(user, slug, parsed.draft);
  if (intent === "save") return redirectWithFlash(url, "editor:guides.flash.saved");
  const published = publishGuide(user, slug);
  if ("errors" in published)
    return Response.json({ errors: published.errors, draft: parsed.draft } satisfies ActionData, { status: 400 });
  return redirectWithFlash(url, "editor:guides.flash.published");
}

const TEXT_FIELDS = ["titleSv", "summarySv", "titleEn", "summaryEn"] as const;
const STEP_FIELDS = [
  "titleSv",
  "bodySv",
  "titleEn",
  "bodyEn",
  "actorKind",
  "serviceSlug",
  "formId",
  "authoritySlug",
] as const;

export default function EditGuide() {
  const { guide, choices } = useLoaderData<typeof loader>();
  const data = useActionData<ActionData>();
  const { t } = useTranslation("editor");
  const draft = data?.draft ?? guide.draft;
  const errors = data?.errors;
  const order = [...TEXT_FIELDS, "steps", ...draft.steps.flatMap((_, i) => STEP_FIELDS.map((f) => `steps.${i}.${f}`))];
  return (
    <>
      <h1>{t("guides.edit.title", { title: guide.title })}</h1>
      {guide.pending ? (
        <p className="alert alert--warning">{t("guides.edit.pending", { by: guide.draftBy ?? "" })}</p>
      ) : null}
      {guide.published ? (
        <p>
          <a href={`/livshandelser/${guide.slug}`}>{t("guides.edit.publicPage")}</a>
        </p>
      ) : (
        <p className="alert alert--warning">{t("guides.edit.notPublished")}</p>
      )}
      <EditorErrorSummary errors={errors} order={order} />
      <Form method="post" className="editor-form" noValidate>
        <CsrfField />
        <input type="hidden" name="stepCount" value={draft.steps.length} />
        <div className="lang-columns">
          {(["sv", "en"] as const).map((lang) => {
            const s = lang === "sv" ? "Sv" : "En";
            return (
              <fieldset key={lang} lang={lang === "en" ? "en" : undefined}>
                <legend>{t(`lang.${lang}`)}</legend>
                <EditorField
                  id={`title${s}`}
                  label={`${t("guides.fields.title")} (${t(`lang.short.${lang}`)})`}
                  error={errors?.[`title${s}`]}
                  kind="line"
                  value={draft[`title${s}`]}
                  lang={lang}
                  required
                />
                <EditorField
                  id={`summary${s}`}
                  label={`${t("guides.fields.summary")} (${t(`lang.short.${lang}`)})`}
                  error={errors?.[`summary${s}`]}
                  kind="text"
                  value={draft[`summary${s}`]}
                  lang={lang}
                  required
                />
              </fieldset>
            );
          })}
        </div>

        <h2 id="steps" tabIndex={-1}>
          {t("guides.stepsHeading")}
        </h2>
        {errors?.steps ? <p className="field__error">{t(errors.steps)}</p> : null}
        <p className="note">{t("guides.stepsHint")}</p>
        <ol className="guide-steps">
          {draft.steps.map((step, i) => (
            <StepFields
              key={`${i}:${JSON.stringify(step)}`}
              index={i}
              count={draft.steps.length}
              step={step}
              errors={errors}
              choices={choices}
            />
          ))}
        </ol>
        {draft.steps.length < MAX_STEPS ? (
          <p>
            <button type="submit" name="intent" value="add" className="button button--secondary">
              {t("guides.addStep")}
            </button>
          </p>
        ) : null}

        <div className="editor-actions">
          <p>{t("guides.publishLead")}</p>
          <div className="button-row">
            <button type="submit" name="intent" value="save" className="button button--secondary">
              {t("guides.saveDraft")}
            </button>
            <button type="submit" name="intent" value="publish" className="button">
              {t("guides.publish")}
            </button>
            {guide.pending ? (
              <button type="submit" name="intent" value="discard" className="button button--warning">
                {t("guides.discard")}
              </button>
            ) : null}
          </div>
        </div>
      </Form>
      <p>
        <Link to="/redaktor/livshandelser">{t("guides.back")}</Link>
      </p>
    </>
  );
}

type Choices = ReturnType<typeof useLoaderData<typeof loader>>["choices"];

function StepFields({
  index,
  count,
  step,
  errors,
  choices,
}: {
  index: number;
  count: number;
  step: StepDraft;
  errors?: GuideErrors;
  choices: Choices;
}) {
  const { t } = useTranslation("editor");
  const id = (f: string) => `steps.${index}.${f}`;
  const n = index + 1;
  return (
    <li id={`step-${index}`} className="guide-step">
      <fieldset className="editor-fieldset">
        <legend>{t("guides.stepLegend", { number: n })}</legend>
        <div className="lang-columns">
          {(["sv", "en"] as const).map((lang) => {
            const s = lang === "sv" ? "Sv" : "En";
            return (
              <div key={lang} lang={lang === "en" ? "en" : undefined}>
                <EditorField
                  id={id(`title${s}`)}
                  label={`${t("guides.fields.stepTitle")} (${t(`lang.short.${lang}`)})`}
                  error={errors?.[id(`title${s}`)]}
                  kind="line"
                  value={step[`title${s}`]}
                  lang={lang}
                  required
                />
                <EditorField
                  id={id(`body${s}`)}
                  label={`${t("guides.fields.stepBody")} (${t(`lang.short.${lang}`)})`}
                  error={errors?.[id(`body${s}`)]}
                  kind="text"
                  value={step[`body${s}`]}
                  lang={lang}
                  required
                />
              </div>
            );
          })}
        </div>
        <EditorSelect
          id={id("actorKind")}
          label={t("guides.fields.actorKind")}
          hint={t("guides.fields.actorKindHint")}
          error={errors?.[id("actorKind")]}
          value={step.actorKind}
          options={[
            { value: "municipality", label: t("guides.actor.municipality") },
            { value: "authority", label: t("guides.actor.authority") },
          ]}
          required
        />
        <EditorSelect
          id={id("serviceSlug")}
          label={t("guides.fields.service")}
          hint={t("guides.fields.municipalOnly")}
          error={errors?.[id("serviceSlug")]}
          value={step.serviceSlug}
          options={choices.services}
          none={t("guides.none")}
        />
        <EditorSelect
          id={id("formId")}
          label={t("guides.fields.form")}
          hint={t("guides.fields.municipalOnly")}
          error={errors?.[id("formId")]}
          value={step.formId}
          options={choices.forms}
          none={t("guides.none")}
        />
        <EditorSelect
          id={id("authoritySlug")}
          label={t("guides.fields.authority")}
          hint={t("guides.fields.authorityOnly")}
          error={errors?.[id("authoritySlug")]}
          value={step.authoritySlug}
          options={choices.authorities}
          none={t("guides.none")}
        />
        <div className="button-row">
          {index > 0 ? (
            <button type="submit" name="intent" value={`up:${index}`} className="button button--secondary">
              {t("guides.moveUp")}
              <span className="visually-hidden"> {t("guides.stepLegend", { number: n })}</span>
            </button>
          ) : null}
          {index < count - 1 ? (
            <button type="submit" name="intent" value={`down:${index}`} className="button button--secondary">
              {t("guides.moveDown")}
              <span className="visually-hidden"> {t("guides.stepLegend", { number: n })}</span>
            </button>
          ) : null}
          <button type="submit" name="intent" value={`remove:${index}`} className="button button--warning">
            {t("guides.remove")}
            <span className="visually-hidden"> {t("guides.stepLegend", { number: n })}</span>
          </button>
        </div>
      </fieldset>
    </li>
  );
}
