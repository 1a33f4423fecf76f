import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireCsrf } from "~/auth/csrf.server";
import { requireStaffUser } from "~/auth/guards.server";
import { EditorField, EditorSelect } from "~/components/editor/ItemFields";
import { CsrfField } from "~/components/ui/CsrfField";
import { DocumentErrors } from "~/components/editor/DocumentErrors";
import { getFixedT, getLanguage } from "~/i18n/i18n.server";
import {
  BLANK,
  createFromForm,
  designerScopes,
  listEservicesForDesigner,
  requireDesigner,
} from "~/services/eservice-definitions.server";
import { readForm } from "~/services/multipart.server";
import { redirectWithFlash } from "~/utils/flash.server";
import type { RouteHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";
import editorStyles from "~/styles/editor.css";

export const meta = pageMeta;
export const links: LinksFunction = () => [{ rel: "stylesheet", href: editorStyles }];
export const handle: RouteHandle = {
  i18n: ["auth", "editor"],
  breadcrumb: () => [
    { labelKey: "auth:staffHome.title", href: "/personal" },
    { labelKey: "editor:eservices.title", href: "/redaktor/e-tjanster" },
  ],
};

/** The e-services a designer may build (decision 075): their own to edit, every one to copy. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaffUser(request);
  requireDesigner(user);
  const lang = getLanguage(request);
  return {
    title: getFixedT(request, "editor")("eservices.title"),
    eservices: listEservicesForDesigner(user, lang),
    scopes: designerScopes(user, lang).map(({ value, label }) => ({ value, label })),
  };
}

/** Creates a new e-service (a copy of one, or an imported JSON document) as a draft. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireStaffUser(request);
  requireDesigner(user);
  const form = await readForm(request);
  await requireCsrf(request, form);
  const result = createFromForm(user, form);
  if ("errors" in result) return Response.json(result, { status: 400 });
  return redirectWithFlash(`/redaktor/e-tjanster/${result.formId}`, "editor:eservices.flash.created");
}

export default function EserviceList() {
  const { eservices, scopes } = useLoaderData<typeof loader>();
  const data = useActionData<{ errors: Record<string, string>; value: Record<string, string> }>();
  const { t } = useTranslation("editor");
  const e = data?.errors ?? {};
  return (
    <>
      <h1>{t("eservices.title")}</h1>
      <p>{t("eservices.lead")}</p>
      <div className="table-wrap">
        <table className="editor-items stack-narrow">
          <caption className="visually-hidden">{t("eservices.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("eservices.eservice")}</th>
              <th scope="col">{t("eservices.owner")}</th>
              <th scope="col">{t("eservices.published")}</th>
              <th scope="col">{t("eservices.draft")}</th>
            </tr>
          </thead>
          <tbody>
            {eservices.map((s) => (
              <tr key={s.formId}>
                <td>
                  {s.editable ? <Link to={`/redaktor/e-tjanster/${s.formId}`}>{s.title}</Link> : s.title}
                  <span className="note"> ({s.formId})</span>
                </td>
                <td data-label={t("eservices.owner")}>{s.municipality ?? t("eservices.shared")}</td>
                <td data-label={t("eservices.published")}>{s.published ?? "–"}</td>
                <td data-label={t("eservices.draft")}>{s.draft ?? "–"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2 id="ny">{t("eservices.create.title")}</h2>
      <p>{t("eservices.create.lead")}</p>
      <DocumentErrors errors={e} />
      <Form method="post" className="editor-form" noValidate>
        <CsrfField />
        <EditorField
          id="formId"
          label={t("eservices.fields.formId")}
          hint={t("eservices.fields.formIdHint")}
          error={e.formId ? `eservices.errors.${e.formId}` : undefined}
          kind="line"
          value={data?.value.formId ?? ""}
          required
        />
        <EditorSelect
          id="administrationId"
          label={t("eservices.fields.administration")}
          error={e.administrationId ? "eservices.errors.administrationId" : undefined}
          value={data?.value.administrationId ?? scopes[0]?.value ?? ""}
          options={scopes}
          required
        />
        <EditorSelect
          id="copyOf"
          label={t("eservices.fields.copyOf")}
          hint={t("eservices.fields.copyOfHint")}
          value={data?.value.copyOf ?? ""}
          none={t("eservices.fields.copyNone")}
          options={[
            { value: BLANK, label: t("eservices.fields.copyBlank") },
            ...eservices.map((s) => ({ value: s.formId, label: s.title })),
          ]}
        />
        <EditorField
          id="document"
          label={t("eservices.fields.import")}
          hint={t("eservices.fields.importHint")}
          error={e.document ? "eservices.errors.document" : undefined}
          kind="text"
          value={data?.value.document ?? ""}
        />
        <button type="submit" className="button">
          {t("eservices.create.submit")}
        </button>
      </Form>
    </>
  );
}
