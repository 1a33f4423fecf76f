import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { commitDurably } from "~/db-durable.server";
import { readForm } from "~/services/multipart.server";
import { requireCsrf } from "~/auth/csrf.server";
import { requireStaff } from "~/auth/guards.server";
import {
  EditorErrorSummary,
  BilingualFields,
  EditorField,
  LifecycleFields,
  PlainFields,
} from "~/components/editor/ItemFields";
import { LanguageReport, type LanguageCheck } from "~/components/editor/LanguageReport";
import { CsrfField } from "~/components/ui/CsrfField";
import { getFixedT, getLanguage } from "~/i18n/i18n.server";
import { checkLanguage, getItemForEdit, publishItem, saveItem, unpublishItem } from "~/services/editor.server";
import { isoToStockholmLocal, parseItemForm, parseSchedule } from "~/services/editor-form";
import { linkChoices, parseServiceLinks, type ServiceLinks } from "~/services/editor-links.server";
import {
  BILINGUAL_FIELDS,
  fieldOrder,
  PLAIN_FIELDS,
  SEGMENT_OF,
  type EditorErrors,
  type FormValues,
} from "~/services/editor-fields";
import { itemParams } from "~/services/editor-params";
import { reviewOwnerChoices, reviewOwnerError } from "~/services/review-owners.server";
import { redirectWithFlash } from "~/utils/flash.server";
import type { RouteHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";
import editorStyles from "~/styles/editor.css";

export const meta = pageMeta;
export const links: LinksFunction = () => [{ rel: "stylesheet", href: editorStyles }];
export const handle: RouteHandle = {
  i18n: ["auth", "editor"],
  breadcrumb: (match) => {
    const d = match.data as { item?: { title: string } } | undefined;
    return [
      { labelKey: "auth:staffHome.title", href: "/personal" },
      { labelKey: "editor:title", href: "/redaktor" },
      ...(d?.item ? [{ label: d.item.title, href: match.pathname }] : []),
    ];
  },
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request, "content.edit");
  const { type, id } = itemParams(params);
  const item = getItemForEdit(user, type, id);
  return {
    title: getFixedT(request, "editor")("edit.title", { title: item.title }),
    item: {
      ...item,
      publishAtLocal: isoToStockholmLocal(item.publishAt),
      unpublishAtLocal: isoToStockholmLocal(item.unpublishAt),
    },
    linkChoices: type === "service" && item.canEditMain ? linkChoices(id, getLanguage(request)) : null,
    ownerChoices: reviewOwnerChoices(item.municipalityId === null ? null : [item.municipalityId]),
  };
}

type ActionData = { errors?: EditorErrors; values?: FormValues; links?: ServiceLinks; checks?: LanguageCheck[] };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request, "content.edit");
  const { type, id } = itemParams(params);
  const item = getItemForEdit(user, type, id); // 404 / 403 before anything else is read
  const form = await readForm(request);
  await requireCsrf(request, form);
  const url = `/redaktor/${SEGMENT_OF[type]}/${id}`;
  const intent = form.get("intent");
  if (intent === "publish") {
    const schedule = parseSchedule(form);
    if (Object.keys(schedule.errors).length)
      return Response.json({ errors: schedule.errors } satisfies ActionData, { status: 400 });
    // Each save is one commit whose fsync runs off the event loop; the answer follows it (decision 163).
    const { scheduled } = await commitDurably(() => publishItem(user, type, id, schedule));
    return redirectWithFlash(url, scheduled ? "editor:flash.scheduled" : "editor:flash.published");
  }
  if (intent === "unpublish") {
    await commitDurably(() => unpublishItem(user, type, id));
    return redirectWithFlash(url, "editor:flash.unpublished");
  }
  const parsed = parseItemForm(type, form);
  const { values } = parsed;
  const linked = type === "service" ? parseServiceLinks(form, id) : undefined;
  const ownerError = reviewOwnerError(values.owner, item.municipalityId === null ? null : [item.municipalityId]);
  const errors = { ...parsed.errors, ...linked?.errors, ...(ownerError ? { owner: ownerError } : {}) };
  if (intent === "check")
    return Response.json({ values, links: linked?.links, checks: checkLanguage(type, values) } satisfies ActionData);
  if (Object.keys(errors).length)
    return Response.json({ errors, values, links: linked?.links } satisfies ActionData, { status: 400 });
  const { pending } = await commitDurably(() => saveItem(user, type, id, values, "edit", linked?.links));
  return redirectWithFlash(url, pending ? "editor:flash.draftSaved" : "editor:flash.saved");
}

export default function EditItem() {
  const { item, linkChoices: choices, ownerChoices } = useLoaderData<typeof loader>();
  const data = useActionData<ActionData>();
  const { t } = useTranslation("editor");
  const values = data?.values ?? item.values;
  const errors = data?.errors;
  const base = `/redaktor/${SEGMENT_OF[item.type]}/${item.id}`;
  return (
    <>
      <h1>{t("edit.title", { title: item.title })}</h1>
      <p>
        {t(`types.${item.type}`)} · {t("home.status")}: <strong>{t(`visibility.${item.visibility}`)}</strong>
        {item.shared ? <span className="tag">{t("home.shared")}</span> : null}
      </p>
      {item.pending ? <p className="alert alert--warning">{t("edit.pending")}</p> : null}
      <ul className="button-row">
        <li>
          <Link to={`${base}/forhandsvisning`}>{t("edit.preview")}</Link>
        </li>
        <li>
          <Link to={`${base}/historik`}>{t("edit.history")}</Link>
        </li>
        {item.visibility === "visible" ? (
          <li>
            <a href={item.publicUrl}>{t("edit.publicPage")}</a>
          </li>
        ) : null}
      </ul>
      <EditorErrorSummary
        errors={errors}
        order={[...fieldOrder(item.type, false), "related", "authorities", "publishAt", "unpublishAt"]}
      />
      {data?.checks ? <LanguageReport checks={data.checks} /> : null}
      {item.canEditMain ? (
        <Form method="post" className="editor-form" noValidate>
          <CsrfField />
          <BilingualFields fields={BILINGUAL_FIELDS[item.type]} values={values} errors={errors} />
          <PlainFields fields={PLAIN_FIELDS[item.type]} values={values} errors={errors} />
          {choices && item.links ? (
            <>
              <CheckboxGroup
                name="related"
                legend={t("fields.related.label")}
                hint={t("fields.related.hint")}
                options={choices.services}
                checked={(data?.links ?? item.links).related.map(String)}
                error={errors?.related}
              />
              <CheckboxGroup
                name="authorities"
                legend={t("fields.authorities.label")}
                hint={t("fields.authorities.hint")}
                options={choices.authorities}
                checked={(data?.links ?? item.links).authorities}
                error={errors?.authorities}
              />
            </>
          ) : null}
          <LifecycleFields values={values} errors={errors} ownerChoices={ownerChoices} />
          <div className="button-row">
            <button type="submit" name="intent" value="save" className="button">
              {item.status === "published" ? t("edit.saveDraft") : t("edit.save")}
            </button>
            <button type="submit" name="intent" value="check" className="button button--secondary">
              {t("edit.checkLanguage")}
            </button>
          </div>
        </Form>
      ) : (
        <p className="alert">{t("edit.sharedReadOnly")}</p>
      )}
      {item.variants.length > 0 ? (
        <section aria-labelledby="variants-title">
          <h2 id="variants-title">{t("variant.heading")}</h2>
          <ul>
            {item.variants.map((v) => (
              <li key={v.slug}>
                {v.canSave ? (
                  <Link to={`${base}/kommun/${v.slug}`}>{t("variant.editFor", { municipality: v.municipality })}</Link>
                ) : (
                  <>
                    {v.municipality}: {t("variant.noRight")}
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {item.canEditMain ? (
        <section className="editor-actions" aria-labelledby="publish-title">
          <h2 id="publish-title">{t("publish.heading")}</h2>
          {item.canPublish ? (
            <Form method="post" className="editor-form" noValidate>
              <CsrfField />
              <p>{t("publish.lead")}</p>
              <EditorField
                id="publishAt"
                label={t("publish.publishAt")}
                hint={t("publish.publishAtHint")}
                error={errors?.publishAt}
                kind="datetime-local"
                value={item.publishAtLocal}
              />
              <EditorField
                id="unpublishAt"
                label={t("publish.unpublishAt")}
                hint={t("publish.unpublishAtHint")}
                error={errors?.unpublishAt}
                kind="datetime-local"
                value={item.unpublishAtLocal}
              />
              <div className="button-row">
                <button type="submit" name="intent" value="publish" className="button">
                  {t("publish.publish")}
                </button>
                {item.status === "published" ? (
                  <button type="submit" name="intent" value="unpublish" className="button button--warning">
                    {t("publish.unpublish")}
                  </button>
                ) : null}
              </div>
            </Form>
          ) : (
            <p>{t("publish.noRight")}</p>
          )}
        </section>
      ) : null}
    </>
  );
}

/** A scrollable list of checkboxes in a fieldset (related services, authorities). */
function CheckboxGroup({
  name,
  legend,
  hint,
  options,
  checked,
  error,
}: {
  name: string;
  legend: string;
  hint: string;
  options: { value: string; label: string }[];
  checked: string[];
  error?: string;
}) {
  const { t } = useTranslation("editor");
  const on = new Set(checked);
  return (
    <fieldset
      className={`editor-fieldset${error ? " field--error" : ""}`}
      id={name}
      tabIndex={-1}
      aria-describedby={`${name}-hint${error ? ` ${name}-error` : ""}`}
    >
      <legend>
        {legend} <span className="note">{t("optional")}</span>
      </legend>
      <p className="field__hint" id={`${name}-hint`}>
        {hint}
      </p>
      {error ? (
        <p className="field__error" id={`${name}-error`}>
          <span className="visually-hidden">{t("errorPrefix")} </span>
          {t(error)}
        </p>
      ) : null}
      <ul className="checkbox-list">
        {options.map((o) => (
          <li key={o.value}>
            <input
              type="checkbox"
              id={`${name}-${o.value}`}
              name={name}
              value={o.value}
              defaultChecked={on.has(o.value)}
            />
            <label htmlFor={`${name}-${o.value}`}>{o.label}</label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
