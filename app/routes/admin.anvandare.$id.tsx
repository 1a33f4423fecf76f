import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AREAS } from "~/domain/areas";
import { readForm } from "~/services/multipart.server";
import { requireCsrf } from "~/auth/csrf.server";
import { adminMunicipalities, requireStaff } from "~/auth/guards.server";
import { roleSources } from "~/auth/staff-sso/providers.server";
import { getStaffUserInScope, listAdministrationsOf, municipalityNames } from "~/auth/staff.server";
import { changeStaffAccount, type StaffAccountChange } from "~/auth/staff-admin.server";
import { CsrfField } from "~/components/ui/CsrfField";
import { ErrorSummary, type FieldErrors } from "~/components/ui/FormErrors";
import { getLanguage } from "~/i18n/i18n.server";
import { redirectWithFlash } from "~/utils/flash.server";
import type { RouteHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";
import { AREA_KEY, ROLE_KEY } from "~/i18n/keys";

export const meta = pageMeta;
export const handle: RouteHandle = {
  i18n: ["auth", "sso"],
  breadcrumb: () => [
    { labelKey: "auth:staffHome.title", href: "/personal" },
    { labelKey: "auth:admin.users.title", href: "/admin/anvandare" },
  ],
};

async function load(request: Request, id: string | undefined) {
  const admin = await requireStaff(request, "users.admin");
  const scope = adminMunicipalities(admin, "users.admin");
  const target = /^[0-9]{1,9}$/.test(id ?? "") ? getStaffUserInScope(Number(id), scope) : undefined;
  if (!target) throw new Response("Not found", { status: 404 });
  return { admin, scope, target };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope, target } = await load(request, params.id);
  const names = municipalityNames();
  const lang = getLanguage(request);
  const administrations = listAdministrationsOf(scope);
  const adminName = new Map(
    administrations.map((a) => [a.id, `${lang === "en" ? a.nameEn : a.nameSv}, ${names.get(a.municipalityId) ?? ""}`]),
  );
  const sources = roleSources(target.id);
  return {
    title: target.name,
    user: {
      id: target.id,
      name: target.name,
      username: target.username,
      email: target.email,
      municipality: target.municipalityId ? (names.get(target.municipalityId) ?? null) : null,
      locked: target.locked,
      disabled: target.disabled,
      enrolled: target.enrolled,
    },
    roles: target.roles.map((r) => ({
      id: r.id,
      role: r.role,
      area: r.area,
      municipality: r.municipalityId ? (names.get(r.municipalityId) ?? null) : null,
      administration: r.administrationId ? (adminName.get(r.administrationId) ?? String(r.administrationId)) : null,
      // Where the role came from (decision 064): a directory group at SSO login, or a local grant.
      source: sources.get(r.id) ?? null,
    })),
    municipalities: (scope ?? [...names.keys()]).map((id) => ({ id, name: names.get(id) ?? "" })),
    administrations: administrations.map((a) => ({ id: a.id, name: adminName.get(a.id) ?? "" })),
  };
}

type ActionData = { errors?: FieldErrors; temporaryPassword?: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const { admin, scope, target } = await load(request, params.id);
  const form = await readForm(request);
  await requireCsrf(request, form);
  const result = await changeStaffAccount({ admin, scope, target, change: parseChange(form) });
  if (!result.ok) return Response.json({ errors: result.errors } satisfies ActionData, { status: result.status });
  if ("temporaryPassword" in result)
    return Response.json({ temporaryPassword: result.temporaryPassword } satisfies ActionData);
  return redirectWithFlash(`/admin/anvandare/${target.id}`, result.flash);
}

function parseChange(form: FormData): StaffAccountChange {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  const intent = text("intent");
  if (intent === "addRole")
    return {
      intent,
      role: text("role"),
      municipalityId: text("municipalityId"),
      area: text("area"),
      administrationId: text("administrationId"),
    };
  if (intent === "removeRole") return { intent, assignmentId: text("assignmentId") };
  if (intent === "reset" || intent === "disable" || intent === "enable") return { intent };
  return { intent: "unknown" };
}

export default function UserDetail() {
  const { user, roles, municipalities, administrations } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>() as ActionData | undefined;
  const { t } = useTranslation("auth");
  const errors = data?.errors;
  const fieldError = (name: string) =>
    errors?.[name] ? (
      <span className="field__error" id={`${name}-error`}>
        {t(errors[name]!)}
      </span>
    ) : null;
  return (
    <>
      <ErrorSummary errors={errors} order={["intent", "role", "municipalityId", "area", "administrationId"]} />
      <h1>{user.name}</h1>
      {data?.temporaryPassword ? (
        <div className="alert alert--success" role="status">
          <p>{t("admin.user.resetDone")}</p>
          <p>
            {t("admin.temporaryPassword")} <code data-testid="temporary-password">{data.temporaryPassword}</code>
          </p>
        </div>
      ) : null}
      <dl className="facts">
        <dt>{t("staffLogin.username")}</dt>
        <dd>{user.username}</dd>
        <dt>{t("admin.users.email")}</dt>
        <dd>{user.email}</dd>
        <dt>{t("myPages.municipality")}</dt>
        <dd>{user.municipality ?? t("roles.portalWide")}</dd>
        <dt>{t("admin.users.state")}</dt>
        <dd>
          {user.disabled
            ? t("admin.users.disabled")
            : user.locked
              ? t("admin.users.locked")
              : !user.enrolled
                ? t("admin.users.notEnrolled")
                : t("admin.users.active")}
        </dd>
      </dl>

      <h2 id="intent">{t("admin.user.rolesTitle")}</h2>
      {roles.length === 0 ? (
        <p>{t("admin.user.noRoles")}</p>
      ) : (
        <ul className="link-list">
          {roles.map((r) => (
            <li key={r.id}>
              {t(ROLE_KEY[r.role])}
              {r.area ? `, ${t(AREA_KEY[r.area])}` : ""}
              {r.administration
                ? `, ${r.administration}`
                : r.municipality
                  ? `, ${r.municipality}`
                  : `, ${t("roles.portalWide")}`}{" "}
              <span className="role-source" data-testid="role-source">
                (
                {r.source
                  ? t("sso:admin.source.sso", { group: r.source.group, provider: r.source.provider })
                  : t("sso:admin.source.local")}
                )
              </span>{" "}
              <Form method="post" reloadDocument className="inline-form">
                <CsrfField />
                <input type="hidden" name="intent" value="removeRole" />
                <input type="hidden" name="assignmentId" value={r.id} />
                <button type="submit" className="link-button">
                  {t("admin.user.remove")}
                  <span className="visually-hidden">
                    {" "}
                    {t(ROLE_KEY[r.role])} {r.area ? t(AREA_KEY[r.area]) : (r.administration ?? r.municipality ?? "")}
                  </span>
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}

      <h3 id="add-role">{t("admin.user.addTitle")}</h3>
      <Form method="post" reloadDocument noValidate aria-labelledby="add-role">
        <CsrfField />
        <input type="hidden" name="intent" value="addRole" />
        <div className={`field${errors?.role ? " field--error" : ""}`}>
          <label htmlFor="role">{t("admin.user.role")}</label>
          {fieldError("role")}
          <select
            id="role"
            name="role"
            aria-invalid={errors?.role ? true : undefined}
            aria-describedby={errors?.role ? "role-error" : undefined}
          >
            <option value="officer">{t("roles.officer")}</option>
            <option value="preparer">{t("roles.preparer")}</option>
            <option value="editor">{t("roles.editor")}</option>
            <option value="contributor">{t("roles.contributor")}</option>
            <option value="admin">{t("roles.admin")}</option>
            <option value="designer">{t("roles.designer")}</option>
          </select>
        </div>
        <div className={`field${errors?.municipalityId ? " field--error" : ""}`}>
          <label htmlFor="municipalityId">{t("myPages.municipality")}</label>
          {fieldError("municipalityId")}
          <select
            id="municipalityId"
            name="municipalityId"
            aria-invalid={errors?.municipalityId ? true : undefined}
            aria-describedby={errors?.municipalityId ? "municipalityId-error" : undefined}
          >
            {municipalities.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </div>
        <div className={`field${errors?.area ? " field--error" : ""}`}>
          <label htmlFor="area">{t("admin.user.area")}</label>
          <span className="field__hint" id="area-hint">
            {t("admin.user.areaHint")}
          </span>
          {fieldError("area")}
          <select
            id="area"
            name="area"
            aria-describedby={`area-hint${errors?.area ? " area-error" : ""}`}
            aria-invalid={errors?.area ? true : undefined}
          >
            {AREAS.map((a) => (
              <option key={a} value={a}>
                {t(AREA_KEY[a])}
              </option>
            ))}
          </select>
        </div>
        <div className={`field${errors?.administrationId ? " field--error" : ""}`}>
          <label htmlFor="administrationId">{t("admin.user.administration")}</label>
          <span className="field__hint" id="administrationId-hint">
            {t("admin.user.administrationHint")}
          </span>
          {fieldError("administrationId")}
          <select
            id="administrationId"
            name="administrationId"
            aria-describedby={`administrationId-hint${errors?.administrationId ? " administrationId-error" : ""}`}
            aria-invalid={errors?.administrationId ? true : undefined}
          >
            {administrations.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          {t("admin.user.add")}
        </button>
      </Form>

      <h2>{t("admin.user.accountTitle")}</h2>
      <p>{t("admin.user.resetLead")}</p>
      <div className="button-row">
        <Form method="post" reloadDocument>
          <CsrfField />
          <input type="hidden" name="intent" value="reset" />
          <button type="submit" className="button button--secondary">
            {t("admin.user.reset")}
          </button>
        </Form>
        <Form method="post" reloadDocument>
          <CsrfField />
          <input type="hidden" name="intent" value={user.disabled ? "enable" : "disable"} />
          <button type="submit" className={user.disabled ? "button button--secondary" : "button button--warning"}>
            {user.disabled ? t("admin.user.enable") : t("admin.user.disable")}
          </button>
        </Form>
      </div>
    </>
  );
}
