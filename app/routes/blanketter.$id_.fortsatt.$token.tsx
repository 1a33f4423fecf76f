import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PostGuardField } from "~/components/form/PostGuardField";
import { getFixedT } from "~/i18n/i18n.server";
import { deleteDraftByToken, resumeDraft } from "~/services/drafts.server";
import { formPageContext, redirectWith } from "~/services/form-page.server";
import { stepHref } from "~/services/forms.server";
import eserviceStyles from "~/styles/eservice.css";
import type { RouteHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";
import { readPost } from "~/utils/multipart.server";
import { audit } from "~/platform/audit.server";
import { requireCsrf } from "~/auth/csrf.server";

export const meta = pageMeta;
export const links: LinksFunction = () => [{ rel: "stylesheet", href: eserviceStyles }];
export const handle: RouteHandle = {
  i18n: ["forms", "eservice"],
  breadcrumb: () => [{ labelKey: "ladder.forms.short", href: "/blanketter" }],
};

/** The secret resume link: continue the draft in this browser, or delete it. Nothing changes on GET. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { lang, title, def } = await formPageContext(request, params.id);
  const t = getFixedT(lang, "eservice");
  return { title: `${t("draft.resumeTitle")} – ${title}`, formTitle: title, formId: def.id };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { def, session, user } = await formPageContext(request, params.id);
  const body = await readPost(request, 10_000);
  if (!body.ok) return data({ result: "invalid" as const }, { status: body.status });
  await requireCsrf(request, body.formData);
  const token = params.token ?? "";
  if (body.formData.get("_action") === "delete") {
    const deleted = deleteDraftByToken(token);
    if (deleted) audit({ actor: user ?? null, action: "draft.deleted", subjectType: "form_draft", subjectId: def.id });
    return data({ result: deleted ? ("deleted" as const) : ("missing" as const) }, { status: deleted ? 200 : 404 });
  }
  const draft = resumeDraft({ token, ownerKey: session.ownerKey, personId: session.personId });
  if (!draft || draft.formId !== def.id) return data({ result: "missing" as const }, { status: 404 });
  audit({ actor: user ?? null, action: "draft.resumed", subjectType: "form_draft", subjectId: draft.id });
  throw redirectWith(
    session,
    stepHref(def, def.steps.some((s) => s.id === draft.stepId) ? draft.stepId : "check-answers"),
  );
}

export default function ResumeDraft() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>();
  const { t } = useTranslation("eservice");
  return (
    <div className="prose">
      <p className="form-caption">{d.formTitle}</p>
      <h1>{t("draft.resumeTitle")}</h1>
      {a?.result === "deleted" ? (
        <p role="status">{t("draft.deleted")}</p>
      ) : a?.result === "missing" || a?.result === "invalid" ? (
        <p role="alert">{t("draft.missing")}</p>
      ) : (
        <>
          <p>{t("draft.resumeBody", { days: 30 })}</p>
          <Form method="post" className="button-row">
            <PostGuardField />
            <button type="submit" name="_action" value="resume" className="button">
              {t("draft.resume")}
            </button>
            <button type="submit" name="_action" value="delete" className="button button--warning">
              {t("draft.delete")}
            </button>
          </Form>
        </>
      )}
      <p>
        <a href={`/blanketter/${d.formId}`}>{t("draft.startOver")}</a>
      </p>
    </div>
  );
}
