import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireStaff, staffScopes } from "~/auth/guards.server";
import { listAdministrationsOf } from "~/auth/staff.server";
import { getFixedT, getLanguage } from "~/i18n/i18n.server";
import type { RouteHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta;
export const handle: RouteHandle = { i18n: "auth", breadcrumb: () => [{ labelKey: "auth:staffHome.title", href: "/personal" }, { labelKey: "auth:editor.title", href: "/redaktor" }] };

/** The editor's start (placeholder until the publishing issue): the administrations they edit. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request, "content.edit");
  const ids = new Set(staffScopes(user, "content.edit").map((s) => s.administrationId));
  const lang = getLanguage(request);
  const administrations = listAdministrationsOf(null)
    .filter((a) => ids.has(a.id))
    .map((a) => (lang === "en" ? a.nameEn : a.nameSv));
  return { title: getFixedT(request, "auth")("editor.title"), administrations };
}

export default function EditorHome() {
  const { administrations } = useLoaderData<typeof loader>();
  const { t } = useTranslation("auth");
  return (
    <>
      <h1>{t("editor.title")}</h1>
      <p>{t("editor.lead")}</p>
      <ul>
        {administrations.map((a) => (
          <li key={a}>{a}</li>
        ))}
      </ul>
    </>
  );
}
