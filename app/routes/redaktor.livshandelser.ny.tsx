import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireCsrf } from "~/auth/csrf.server";
import { requireStaffUser } from "~/auth/guards.server";
import { EditorErrorSummary, EditorField } from "~/components/editor/ItemFields";
import { CsrfField } from "~/components/ui/CsrfField";
import { getFixedT } from "~/i18n/i18n.server";
import {
  createGuide,
  NEW_GUIDE_FIELDS,
  parseNewGuideForm,
  requireGuideEditor,
  type GuideErrors,
  type NewGuide,
} from "~/services/life-event-editor.server";
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
    { labelKey: "editor:guides.title", href: "/redaktor/livshandelser" },
    { labelKey: "editor:guides.create.title", href: "/redaktor/livshandelser/ny" },
  ],
};

/** A new guide (portal-wide editors and administrators): it starts as an unpublished draft (061). */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaffUser(request);
  requireGuideEditor(user);
  return { title: getFixedT(request, "editor")("guides.create.title") };
}

type ActionData = { errors: GuideErrors; value: NewGuide };

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireStaffUser(request);
  requireGuideEditor(user); // 403 before the body is read
  const form = await readForm(request);
  await requireCsrf(request, form);
  const { value, errors } = parseNewGuideForm(form);
  const created = Object.keys(errors).length ? { errors } : createGuide(user, value);
  if ("errors" in created)
    return Response.json({ errors: created.errors, value } satisfies ActionData, { status: 400 });
  return redirectWithFlash(`/redaktor/livshandelser/${created.slug}`, "editor:guides.flash.created");
}

export default function NewGuidePage() {
  const data = useActionData<ActionData>();
  const { t } = useTranslation("editor");
  const value = data?.value;
  return (
    <>
      <h1>{t("guides.create.title")}</h1>
      <p>{t("guides.create.lead")}</p>
      <EditorErrorSummary errors={data?.errors} order={[...NEW_GUIDE_FIELDS]} />
      <Form method="post" className="editor-form" noValidate>
        <CsrfField />
        <EditorField
          id="slug"
          label={t("guides.fields.slug")}
          hint={t("guides.fields.slugHint")}
          error={data?.errors.slug}
          kind="line"
          value={value?.slug ?? ""}
          required
        />
        <EditorField
          id="titleSv"
          label={`${t("guides.fields.title")} (${t("lang.short.sv")})`}
          error={data?.errors.titleSv}
          kind="line"
          value={value?.titleSv ?? ""}
          lang="sv"
          required
        />
        <EditorField
          id="titleEn"
          label={`${t("guides.fields.title")} (${t("lang.short.en")})`}
          error={data?.errors.titleEn}
          kind="line"
          value={value?.titleEn ?? ""}
          lang="en"
          required
        />
        <button type="submit" className="button">
          {t("guides.create.submit")}
        </button>
      </Form>
      <p>
        <Link to="/redaktor/livshandelser">{t("guides.back")}</Link>
      </p>
    </>
  );
}
