import { createHash } from "node:crypto";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { FormDefinition } from "../../forms/types";
import type { StepViewData } from "../../forms/step-view";
import { requireCsrf } from "~/auth/csrf.server";
import { requireStaffUser } from "~/auth/guards.server";
import { FormStep } from "~/components/form/FormStep";
import { useCsrfToken } from "~/components/ui/CsrfField";
import { useFormTexts } from "~/components/form/useFormTexts";
import { getFixedT } from "~/i18n/i18n.server";
import { getPreviewDocument, renameDocument, requireDesigner } from "~/services/eservice-definitions.server";
import { readForm } from "~/services/multipart.server";
import type { RouteHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";
import eserviceStyles from "~/styles/eservice.css";
import editorStyles from "~/styles/editor.css";

export const meta = pageMeta;
export const links: LinksFunction = () => [
  { rel: "stylesheet", href: editorStyles },
  { rel: "stylesheet", href: eserviceStyles },
];
export const handle: RouteHandle = {
  hydrate: true,
  i18n: ["auth", "editor", "forms", "eservice"],
  breadcrumb: (match) => {
    const id = (match.data as { formId?: string } | undefined)?.formId ?? "";
    return [
      { labelKey: "auth:staffHome.title", href: "/personal" },
      { labelKey: "editor:eservices.title", href: "/redaktor/e-tjanster" },
      { label: id, href: `/redaktor/e-tjanster/${id}` },
      { labelKey: "editor:eservices.design.preview", href: match.pathname },
    ];
  },
};

/**
 * The draft version as a resident will see it (decision 075): the same step renderer, one step
 * at a time (`?steg=`), nothing saved. The preview runs under an id of its own so that its texts
 * never mix with the published version's.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaffUser(request);
  requireDesigner(user);
  const formId = params.id ?? "";
  const { document, version } = getPreviewDocument(user, formId);
  const hash = createHash("sha256").update(JSON.stringify(document)).digest("hex").slice(0, 12);
  const preview = renameDocument(document, `forhandsvisning-${hash}`);
  const steps = preview.definition.steps;
  const wanted = new URL(request.url).searchParams.get("steg");
  const index = Math.max(
    0,
    steps.findIndex((s) => s.id === wanted),
  );
  const step = steps[index]!;
  const base = `/redaktor/e-tjanster/${formId}/forhandsvisning`;
  const view: StepViewData = {
    formId: preview.definition.id,
    stepId: step.id,
    progress: { index: index + 1, total: steps.length },
    entries: [],
    errors: {},
    files: {},
    groupCounts: {},
    savedAnswers: {},
    municipality: null,
    backHref: index > 0 ? `${base}?steg=${steps[index - 1]!.id}` : null,
    action: `${base}?steg=${step.id}`,
  };
  const t = getFixedT(request, "editor");
  return {
    title: `${t("eservices.design.preview")}: ${formId}`,
    formId,
    version,
    definition: preview.definition,
    textsSv: preview.texts.sv,
    textsEn: preview.texts.en,
    view,
  };
}

/** "Continue" in the preview goes to the next step; nothing is checked or kept. */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaffUser(request);
  requireDesigner(user);
  const formId = params.id ?? "";
  const { document } = getPreviewDocument(user, formId);
  const form = await readForm(request);
  await requireCsrf(request, form);
  const steps = document.definition.steps;
  const current = steps.findIndex((s) => s.id === new URL(request.url).searchParams.get("steg"));
  const next = steps[current + 1];
  const base = `/redaktor/e-tjanster/${formId}`;
  return redirect(next ? `${base}/forhandsvisning?steg=${next.id}` : base);
}

export default function Preview() {
  const d = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("editor");
  const csrfToken = useCsrfToken();
  useFormTexts(d.definition.id, i18n.language === "en" ? d.textsEn : d.textsSv);
  return (
    <div className="form-page">
      <p className="note" role="status">
        {t("eservices.design.previewNote", { version: d.version })}{" "}
        <Link to={`/redaktor/e-tjanster/${d.formId}`}>{t("eservices.design.backToDesigner")}</Link>
      </p>
      <FormStep def={d.definition as FormDefinition} data={d.view as StepViewData} csrfToken={csrfToken} />
    </div>
  );
}
