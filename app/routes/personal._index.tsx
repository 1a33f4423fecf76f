import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireStaffUser } from "~/auth/guards.server";
import { municipalityNames } from "~/auth/staff.server";
import { getFixedT } from "~/i18n/i18n.server";
import { staffFunctions } from "~/services/staff-home.server";
import type { RouteHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";
import { AREA_KEY, ROLE_KEY } from "~/i18n/keys";

export const meta = pageMeta;
export const handle: RouteHandle = {
  i18n: "auth",
  breadcrumb: () => ({ labelKey: "auth:staffHome.title", href: "/personal" }),
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaffUser(request);
  const names = municipalityNames();
  return {
    title: getFixedT(request, "auth")("staffHome.title"),
    name: user.name,
    roles: user.roles.map((r) => ({
      role: r.role,
      area: r.area,
      municipality: r.municipalityId ? (names.get(r.municipalityId) ?? null) : null,
    })),
    functions: staffFunctions(user),
  };
}

export default function StaffHome() {
  const { name, roles, functions } = useLoaderData<typeof loader>();
  const { t } = useTranslation("auth");
  return (
    <>
      <h1>{t("staffHome.title")}</h1>
      <p className="lead">{t("staffHome.welcome", { name })}</p>
      {functions.length === 0 ? (
        <p>{t("staffHome.none")}</p>
      ) : (
        <ul className="card-grid">
          {functions.map((f) => (
            <li key={f.key} className="card">
              <h2 className="card__title">
                <Link to={f.href}>{t(`staffHome.functions.${f.key}.title`)}</Link>
              </h2>
              <p>{t(`staffHome.functions.${f.key}.description`)}</p>
              {f.count !== null ? (
                <p className="card__meta">{t(`staffHome.functions.${f.key}.count`, { count: f.count })}</p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <h2>{t("staffHome.rolesTitle")}</h2>
      <ul>
        {roles.map((r, i) => (
          <li key={i}>
            {t(ROLE_KEY[r.role])}
            {r.area ? `, ${t(AREA_KEY[r.area])}` : ""}
            {r.municipality ? `, ${r.municipality}` : r.role === "admin" ? `, ${t("roles.portalWide")}` : ""}
          </li>
        ))}
      </ul>
      <p>
        <Link to="/personal/byt-losenord">{t("password.title")}</Link>
      </p>
      <p>
        <Link to="/personal/sakerhetsnycklar">{t("staffHome.securityKeysLink")}</Link>
      </p>
      <p>
        <Link to="/inloggningar">{t("sessions.link")}</Link>
      </p>
    </>
  );
}
