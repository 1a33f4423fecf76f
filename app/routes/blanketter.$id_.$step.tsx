import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { FormDefinition } from "../../forms/types";
import { withOptionLists } from "../../forms/option-lists";
import { i18nextKey } from "../../forms/keys";
import { useFormTexts } from "~/components/form/useFormTexts";
import { FormIsland } from "~/components/form/FormIsland";
import { useCsrfToken } from "~/components/ui/CsrfField";
import type { StepViewData } from "../../forms/step-view";
import { earlyStepPage, stepDataKey, stepPage } from "~/services/form-step-page.server";
import { vouchForStepTemplate } from "~/http/step-template.server";
import { requestIdOf } from "~/load-context";
import { runStepPost } from "~/services/step-post.server";
import { earlyStepPostOutcome } from "~/http/step-post.server";
import eserviceStyles from "~/styles/eservice.css";
import type { RouteHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta;
export const links: LinksFunction = () => [{ rel: "stylesheet", href: eserviceStyles }];
export const handle: RouteHandle = {
  // Only the form hydrates (decision 108): no Remix runtime on the page.
  island: true,
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
  // Read in front of Express already when the browser brought its key (decision 125).
  const early = earlyStepPage(context, request);
  const page = early?.page ?? (await stepPage(request, params));
  // A page the server may answer the next such request with, from a template (decisions 117, 125).
  if (page.template)
    vouchForStepTemplate(
      requestIdOf(context),
      page.template === "first" ? "first" : (early?.dataKey ?? stepDataKey(page.data)),
    );
  return data(page.data, { headers: page.headers });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  // Already run in front of Express for this very request (decision 147): its outcome, not a second run.
  const early = earlyStepPostOutcome(context);
  if (early) return early();
  return runStepPost(request, params);
}

export default function FormStepPage() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  useFormTexts(loaderData.textsId, loaderData.formTexts);
  const { t } = useTranslation(["forms", "eservice"]);
  const csrfToken = useCsrfToken();
  const def = withOptionLists(loaderData.definition as FormDefinition, loaderData.optionLists);
  const view = (actionData && "view" in actionData ? actionData.view : loaderData.view) as StepViewData;
  return (
    <div className="form-page">
      <p className="form-caption">{loaderData.formTitle}</p>
      {view.progress.index === 1 ? (
        <div className="form-intro">
          <p>{t(i18nextKey(def.instructionsKey))}</p>
          <p>
            <a href={`/blanketter/${def.id}.pdf`} download>
              {t("eservice:list.downloadPdf", { title: loaderData.formTitle })}
            </a>
          </p>
        </div>
      ) : null}
      <FormIsland def={def} view={view} csrfToken={csrfToken} formsKeys={loaderData.textKeys} />
    </div>
  );
}
