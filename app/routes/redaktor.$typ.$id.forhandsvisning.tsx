import type { HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireStaff } from "~/auth/guards.server";
import { ContentFooter, FallbackNote, SanitizedHtml } from "~/components/catalogue/ContentNotes";
import { PageDetail } from "~/components/catalogue/PageDetail";
import { ServiceDetail } from "~/components/catalogue/ServiceDetail";
import { env } from "~/env.server";
import { getFixedT, getLanguage } from "~/i18n/i18n.server";
import { getPreview } from "~/services/editor.server";
import { SEGMENT_OF } from "~/services/editor-fields";
import { itemParams } from "~/services/editor-params";
import type { RouteHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";
import catalogueStyles from "~/styles/catalogue.css";
import editorStyles from "~/styles/editor.css";

/** Drafts are never indexed or cached anywhere. */
export const meta = (args: MetaArgs) => [...pageMeta(args), { name: "robots", content: "noindex, nofollow" }];
export const headers: HeadersFunction = () => ({
  "X-Robots-Tag": "noindex, nofollow",
  "Cache-Control": "private, no-store",
});
export const links: LinksFunction = () => [
  { rel: "stylesheet", href: catalogueStyles },
  { rel: "stylesheet", href: editorStyles },
];
export const handle: RouteHandle = {
  i18n: ["auth", "editor", "catalogue"],
  breadcrumb: (match) => [
    { labelKey: "auth:staffHome.title", href: "/personal" },
    { labelKey: "editor:title", href: "/redaktor" },
    { labelKey: "editor:preview.crumb", href: match.pathname },
  ],
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request, "content.edit");
  const { type, id } = itemParams(params);
  const asked = new URL(request.url).searchParams.get("sprak");
  const lang = asked === "en" || asked === "sv" ? asked : getLanguage(request);
  const preview = getPreview(user, type, id, lang);
  return {
    title: getFixedT(request, "editor")("preview.title", { title: preview.view.title }),
    preview,
    lang,
    editUrl: `/redaktor/${SEGMENT_OF[type]}/${id}`,
    publicUrl: env().PUBLIC_URL,
  };
}

export default function Preview() {
  const { preview, lang, editUrl, publicUrl } = useLoaderData<typeof loader>();
  const { t } = useTranslation("editor");
  return (
    <>
      <div className="preview-banner" role="note" aria-label={t("preview.banner")}>
        <p>
          <strong>{t("preview.banner")}</strong> – {t("preview.lead")}
        </p>
        <ul className="button-row">
          <li>
            <Link to={editUrl}>{t("preview.back")}</Link>
          </li>
          <li>
            <Link to={`?sprak=${lang === "sv" ? "en" : "sv"}`}>
              {t(`preview.switch.${lang === "sv" ? "en" : "sv"}`)}
            </Link>
          </li>
        </ul>
      </div>
      <div lang={lang}>
        {preview.type === "service" ? (
          <ServiceDetail service={preview.view} chosen={null} publicUrl={publicUrl} />
        ) : preview.type === "page" ? (
          <PageDetail item={preview.view} />
        ) : (
          <article>
            <h1>{preview.view.title}</h1>
            <p className="lead">{preview.view.summary}</p>
            <FallbackNote show={preview.view.fallback} />
            <SanitizedHtml html={preview.view.bodyHtml} />
            <ContentFooter publishedAt={preview.view.publishedAt} example={preview.view.example} />
          </article>
        )}
      </div>
    </>
  );
}
