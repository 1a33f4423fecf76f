import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { readForm } from "~/services/multipart.server";
import { requireCsrf } from "~/auth/csrf.server";
import { adminMunicipalities, requireStaff } from "~/auth/guards.server";
import { createStaffUser, listStaffUsers, municipalityNames } from "~/auth/staff.server";
import { CsrfField } from "~/components/ui/CsrfField";
import { ErrorSummary, TextField, type FieldErrors } from "~/components/ui/FormErrors";
import { getFixedT } from "~/i18n/i18n.server";
import { audit } from "~/platform/audit.server";
import type { RouteHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";
import { ROLE_KEY } from "~/i18n/keys";

export const meta = pageMeta;
export const handle: RouteHandle = {
  i18n: "auth",
  breadcrumb: () => [
    { labelKey: "auth:staffHome.title", href: "/personal" },
    { labelKey: "auth:admin.users.title", href: "/admin/anvandare" },
  ],
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request, "users.admin");
  const scope = adminMunicipalities(user, "users.admin");
  const names = municipalityNames();
  return {
    title: getFixedT(request, "auth")("admin.users.title"),
    municipalities: (scope ?? [...names.keys()]).map((id) => ({ id, name: names.get(id) ?? "" })),
    users: listStaffUsers(scope).map((u) => ({
      id: u.id,
      username: u.username,
      name: u.name,
      municipality: u.municipalityId ? (names.get(u.municipalityId) ?? null) : null,
      roles: [...new Set(u.roles.map((r) => r.role))],
      locked: u.locked,
      disabled: u.disabled,
      enrolled: u.enrolled,
    })),
  };
}

type ActionData = {
  errors?: FieldErrors;
  values?: Record<string, string>;
  created?: { id: number; username: string; temporaryPassword: string };
};

const USERNAME = /^[a-z0-9][a-z0-9._-]{2,39}$/;

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireStaff(request, "users.admin");
  const form = await readForm(request);
  await requireCsrf(request, form);
  const values = {
    username: String(form.get("username") ?? "")
      .trim()
      .toLowerCase(),
    name: String(form.get("name") ?? "").trim(),
    email: String(form.get("email") ?? "").trim(),
    municipalityId: String(form.get("municipalityId") ?? ""),
  };
  const scope = adminMunicipalities(user, "users.admin");
  const municipalityId = Number(values.municipalityId);
  const errors: FieldErrors = {};
  if (!USERNAME.test(values.username)) errors.username = "admin.users.errors.username";
  if (values.name.length < 2 || values.name.length > 100) errors.name = "admin.users.errors.name";
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(values.email)) errors.email = "admin.users.errors.email";
  if (!Number.isInteger(municipalityId) || (scope !== null && !scope.includes(municipalityId)))
    errors.municipalityId = "admin.users.errors.municipality";
  if (Object.keys(errors).length) return Response.json({ errors, values } satisfies ActionData, { status: 400 });
  const result = await createStaffUser({
    username: values.username,
    name: values.name,
    email: values.email,
    municipalityId,
  });
  if ("error" in result)
    return Response.json({ errors: { username: "admin.users.errors.taken" }, values } satisfies ActionData, {
      status: 400,
    });
  audit({
    actor: user,
    action: "staff_user.created",
    subjectType: "staff_user",
    subjectId: result.id,
    municipalityId,
    details: { username: values.username },
  });
  // The temporary password is shown once, here, and never stored in clear.
  return Response.json({
    created: { id: result.id, username: values.username, temporaryPassword: result.temporaryPassword },
  } satisfies ActionData);
}

export default function Users() {
  const { users, municipalities } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>() as ActionData | undefined;
  const { t } = useTranslation("auth");
  const errors = data?.errors;
  return (
    <>
      <h1>{t("admin.users.title")}</h1>
      {data?.created ? (
        <div className="alert alert--success" role="status">
          <p>{t("admin.users.created", { username: data.created.username })}</p>
          <p>
            {t("admin.temporaryPassword")}{" "}
            <code data-testid="temporary-password">{data.created.temporaryPassword}</code>
          </p>
          <p>
            <Link to={`/admin/anvandare/${data.created.id}`}>{t("admin.users.addRolesNow")}</Link>
          </p>
        </div>
      ) : null}
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{t("admin.users.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("admin.users.name")}</th>
              <th scope="col">{t("staffLogin.username")}</th>
              <th scope="col">{t("myPages.municipality")}</th>
              <th scope="col">{t("admin.users.roles")}</th>
              <th scope="col">{t("admin.users.state")}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <td>
                  <Link to={`/admin/anvandare/${u.id}`}>{u.name}</Link>
                </td>
                <td>{u.username}</td>
                <td>{u.municipality ?? t("roles.portalWide")}</td>
                <td>{u.roles.map((r) => t(ROLE_KEY[r])).join(", ") || "–"}</td>
                <td>
                  {u.disabled
                    ? t("admin.users.disabled")
                    : u.locked
                      ? t("admin.users.locked")
                      : !u.enrolled
                        ? t("admin.users.notEnrolled")
                        : t("admin.users.active")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2 id="new-user">{t("admin.users.newTitle")}</h2>
      <ErrorSummary errors={errors} order={["username", "name", "email", "municipalityId"]} />
      <Form method="post" reloadDocument noValidate aria-labelledby="new-user">
        <CsrfField />
        <TextField
          name="username"
          label={t("staffLogin.username")}
          hint={t("admin.users.usernameHint")}
          defaultValue={data?.values?.username}
          error={errors?.username}
          width="medium"
          autoComplete="off"
        />
        <TextField
          name="name"
          label={t("admin.users.name")}
          defaultValue={data?.values?.name}
          error={errors?.name}
          width="medium"
          autoComplete="off"
        />
        <TextField
          name="email"
          type="email"
          label={t("admin.users.email")}
          defaultValue={data?.values?.email}
          error={errors?.email}
          width="medium"
          autoComplete="off"
        />
        <div className={`field${errors?.municipalityId ? " field--error" : ""}`}>
          <label htmlFor="municipalityId">{t("myPages.municipality")}</label>
          {errors?.municipalityId ? (
            <span className="field__error" id="municipalityId-error">
              {t(errors.municipalityId)}
            </span>
          ) : null}
          <select
            id="municipalityId"
            name="municipalityId"
            defaultValue={data?.values?.municipalityId}
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
        <button type="submit" className="button">
          {t("admin.users.create")}
        </button>
      </Form>
    </>
  );
}
