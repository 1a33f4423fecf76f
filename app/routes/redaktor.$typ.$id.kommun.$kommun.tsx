import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { readForm } from "~/services/multipart.server";
import { requireCsrf } from "~/auth/csrf.server";
import { requireStaff, type StaffUser } from "~/auth/guards.server";
import { BilingualFields, EditorErrorSummary, PlainFields } from "~/components/editor/ItemFields";
import { CsrfField } from "~/components/ui/CsrfField";
import { getFixedT } from "~/i18n/i18n.server";
import { forbidden } from "~/services/editor-access.server";
import { getItemForEdit, saveVariant } from "~/services/editor.server";
import { parseVariantForm } from "~/services/editor-form";
import { VARIANT_FIELDS, VARIANT_PLAIN_FIELDS, type EditorErrors, type FormValues } from "~/services/editor-fields";
import { itemParams } from "~/services/editor-params";
import { redirectWithFlash } from "~/utils/flash.server";
import type { RouteHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";
import editorStyles from "~/styles/editor.css";

export const meta = pageMeta;
export const links: LinksFunction = () => [{ rel: "stylesheet", href: editorStyles }];
export const handle: RouteHandle = {
  i18n: ["auth", "editor"],
  breadcrumb: (match) => [
    { labelKey: "auth:staffHome.title", href: "/personal" },
    { labelKey: "editor:title", href: "/redaktor" },
    { labelKey: "editor:variant.crumb", href: match.pathname },
  ],
};

/** The service and the municipality's variant this user may change (404 / 403 otherwise). */
function load(user: StaffUser, params: LoaderFunctionArgs["params"]) {
  const { type, id } = itemParams(params);
  if (type !== "service") throw new Response("Not found", { status: 404 });
  const item = getItemForEdit(user, type, id);
  const variant = item.variants.find((v) => v.slug === params.kommun);
  if (!variant) throw new Response("Forbidden", { status: 403 });
  // A variant goes live when saved: drafts-only users (skribenter) may not change it.
  if (!variant.canSave) forbidden("publish");
  return { item, variant };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request, "content.edit");
  const { item, variant } = load(user, params);
  return {
    title: getFixedT(request, "editor")("variant.title", { title: item.title, municipality: variant.municipality }),
    item: { id: item.id, title: item.title },
    variant,
  };
}

type ActionData = { errors?: EditorErrors; values?: FormValues };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request, "content.edit");
  const { item, variant } = load(user, params);
  const form = await readForm(request);
  await requireCsrf(request, form);
  const { values, errors } = parseVariantForm(form);
  if (Object.keys(errors).length) return Response.json({ errors, values } satisfies ActionData, { status: 400 });
  saveVariant(user, item.id, variant.municipalityId, values);
  return redirectWithFlash(`/redaktor/tjanster/${item.id}`, "editor:flash.variantSaved", {
    values: { municipality: variant.municipality },
  });
}

export default function EditVariant() {
  const { item, variant } = useLoaderData<typeof loader>();
  const data = useActionData<ActionData>();
  const { t } = useTranslation("editor");
  const values = data?.values ?? variant.values;
  return (
    <>
      <h1>{t("variant.title", { title: item.title, municipality: variant.municipality })}</h1>
      <p>{t("variant.lead")}</p>
      <p>
        <Link to={`/redaktor/tjanster/${item.id}`}>{t("preview.back")}</Link>
      </p>
      <EditorErrorSummary
        errors={data?.errors}
        order={[
          ...VARIANT_FIELDS.flatMap((f) => [`${f.name}Sv`, `${f.name}En`]),
          ...VARIANT_PLAIN_FIELDS.map((f) => f.name),
        ]}
      />
      <Form method="post" className="editor-form" noValidate>
        <CsrfField />
        <BilingualFields fields={VARIANT_FIELDS} values={values} errors={data?.errors} prefix="variantFields" />
        <PlainFields fields={VARIANT_PLAIN_FIELDS} values={values} errors={data?.errors} prefix="variantFields" />
        <div className="button-row">
          <button type="submit" className="button">
            {t("variant.save")}
          </button>
        </div>
      </Form>
    </>
  );
}
