import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { canStaff, requireStaffUser } from "~/auth/guards.server";
import { isPortalAdmin } from "~/auth/permissions";
import { getFixedT } from "~/i18n/i18n.server";
import { ADMIN_SECTIONS } from "~/services/admin-sections";
import type { RouteHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta;
export const handle: RouteHandle = {
  i18n: ["auth", "admin"],
  breadcrumb: () => [
    { labelKey: "auth:staffHome.title", href: "/personal" },
    { labelKey: "admin:title", href: "/admin" },
  ],
};

/** /admin: the sections this admin may use, from the one list (403 if none). */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaffUser(request);
  const sections = ADMIN_SECTIONS.filter(
    (s) => canStaff(user, s.permission) && (!s.portalWideOnly || isPortalAdmin(user.roles)),
  );
  if (sections.length === 0) throw new Response("Forbidden", { status: 403 });
  return {
    title: getFixedT(request, "admin")("title"),
    sections: sections.map((s) => ({ href: s.href, labelKey: s.labelKey })),
  };
}

export default function AdminHome() {
  const { sections } = useLoaderData<typeof loader>();
  const { t } = useTranslation("admin");
  return (
    <>
      <h1>{t("title")}</h1>
      <ul className="choice-list">
        {sections.map((s) => (
          <li key={s.href}>
            <Link className="choice-list__link" to={s.href}>
              {t(s.labelKey)}
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
