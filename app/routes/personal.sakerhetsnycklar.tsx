import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import type { RegistrationResponseJSON } from "@simplewebauthn/server";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireCsrf } from "~/auth/csrf.server";
import { requireStaffUser } from "~/auth/guards.server";
import { KEY_NAME_MAX, listSecurityKeys, registerSecurityKey, removeSecurityKey } from "~/auth/webauthn.server";
import { CsrfField } from "~/components/ui/CsrfField";
import { ErrorSummary, TextField, type FieldErrors } from "~/components/ui/FormErrors";
import { AddSecurityKeyButton } from "~/components/ui/SecurityKey";
import { getFixedT } from "~/i18n/i18n.server";
import { audit } from "~/platform/audit.server";
import { readForm } from "~/services/multipart.server";
import { formatDateTime } from "~/utils/format";
import { redirectWithFlash } from "~/utils/flash.server";
import type { RouteHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta;
// Hydrated for the add button (WebAuthn needs JavaScript); listing and removing work without it.
export const handle: RouteHandle = {
  i18n: "auth",
  hydrate: true,
  breadcrumb: () => [
    { labelKey: "auth:staffHome.title", href: "/personal" },
    { labelKey: "auth:securityKeys.title", href: "/personal/sakerhetsnycklar" },
  ],
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaffUser(request);
  const keys = listSecurityKeys(user.staffUserId).map((k) => ({
    ...k,
    createdAt: formatDateTime(new Date(k.createdAt)),
    lastUsedAt: k.lastUsedAt ? formatDateTime(new Date(k.lastUsedAt)) : null,
  }));
  return { title: getFixedT(request, "auth")("securityKeys.title"), keys };
}

type ActionData = { errors: FieldErrors; name?: string };

/** Adds a key (the browser's WebAuthn answer) or removes one (with the password); both audited. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireStaffUser(request);
  const form = await readForm(request);
  await requireCsrf(request, form);
  const scope = {
    subjectType: "staff_user",
    subjectId: user.staffUserId,
    municipalityId: user.municipalityId ?? undefined,
  };
  if (form.get("intent") === "remove") {
    const password = String(form.get("password") ?? "");
    if (!password)
      return Response.json({ errors: { password: "securityKeys.errors.passwordRequired" } } satisfies ActionData, {
        status: 400,
      });
    const result = await removeSecurityKey(user.staffUserId, Number(form.get("keyId")), password);
    if (!result.ok) {
      if (result.reason === "password") audit({ actor: user, action: "securityKey.remove.failed", ...scope });
      return Response.json(
        {
          errors:
            result.reason === "password"
              ? { password: "securityKeys.errors.passwordWrong" }
              : { keyId: "securityKeys.errors.notFound" },
        } satisfies ActionData,
        { status: 400 },
      );
    }
    audit({ actor: user, action: "securityKey.removed", ...scope, details: { name: result.name } });
    return redirectWithFlash("/personal/sakerhetsnycklar", "flash.securityKeyRemoved");
  }
  const name = String(form.get("name") ?? "");
  if (!name.trim())
    return Response.json({ errors: { name: "securityKeys.errors.nameRequired" }, name } satisfies ActionData, {
      status: 400,
    });
  if ([...name.trim()].length > KEY_NAME_MAX)
    return Response.json({ errors: { name: "securityKeys.errors.nameTooLong" }, name } satisfies ActionData, {
      status: 400,
    });
  let response: RegistrationResponseJSON | null = null;
  try {
    const parsed: unknown = JSON.parse(String(form.get("credential") ?? ""));
    if (parsed && typeof parsed === "object" && typeof (parsed as { id?: unknown }).id === "string")
      response = parsed as RegistrationResponseJSON;
  } catch {
    response = null;
  }
  const result = response
    ? await registerSecurityKey(user.staffUserId, user.sessionId, response, name)
    : ({ ok: false, reason: "invalid" } as const);
  if (!result.ok)
    return Response.json(
      {
        errors: {
          credential: result.reason === "tooMany" ? "securityKeys.errors.tooMany" : "securityKeys.errors.invalid",
        },
        name,
      } satisfies ActionData,
      { status: 400 },
    );
  audit({ actor: user, action: "securityKey.added", ...scope, details: { name: name.trim() } });
  return redirectWithFlash("/personal/sakerhetsnycklar", "flash.securityKeyAdded");
}

export default function SecurityKeys() {
  const { keys } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>() as ActionData | undefined;
  const { t } = useTranslation("auth");
  const errors = data?.errors;
  return (
    <div className="prose">
      <ErrorSummary errors={errors} order={["name", "credential", "keyId", "password"]} />
      <h1>{t("securityKeys.title")}</h1>
      <p className="lead">{t("securityKeys.lead")}</p>
      <h2>{t("securityKeys.listTitle")}</h2>
      {keys.length === 0 ? (
        <p>{t("securityKeys.empty")}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("securityKeys.name")}</th>
              <th scope="col">{t("securityKeys.created")}</th>
              <th scope="col">{t("securityKeys.lastUsed")}</th>
            </tr>
          </thead>
          <tbody>
            {keys.map((k) => (
              <tr key={k.id}>
                <td>{k.name}</td>
                <td>{k.createdAt}</td>
                <td>{k.lastUsedAt ?? t("securityKeys.never")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>{t("securityKeys.addTitle")}</h2>
      <Form method="post" reloadDocument noValidate id="add-key">
        <CsrfField />
        <input type="hidden" name="intent" value="add" />
        <input type="hidden" name="credential" />
        <TextField
          name="name"
          label={t("securityKeys.keyName")}
          hint={t("securityKeys.keyNameHint")}
          defaultValue={data?.name}
          error={errors?.name}
          width="medium"
        />
        {errors?.credential ? (
          <p className="field__error" role="alert">
            {t(errors.credential)}
          </p>
        ) : null}
        <AddSecurityKeyButton formId="add-key" />
      </Form>
      {keys.length > 0 ? (
        <>
          <h2>{t("securityKeys.removeTitle")}</h2>
          <Form method="post" reloadDocument noValidate>
            <CsrfField />
            <input type="hidden" name="intent" value="remove" />
            <div className="field">
              <label htmlFor="keyId" className="field__label">
                {t("securityKeys.removeKey")}
              </label>
              <select id="keyId" name="keyId" className="select" aria-invalid={errors?.keyId ? true : undefined}>
                {keys.map((k) => (
                  <option key={k.id} value={k.id}>
                    {k.name}
                  </option>
                ))}
              </select>
            </div>
            <TextField
              name="password"
              type="password"
              label={t("securityKeys.removePassword")}
              autoComplete="current-password"
              error={errors?.password}
              width="medium"
            />
            <button type="submit" className="button button--warning">
              {t("securityKeys.remove")}
            </button>
          </Form>
        </>
      ) : null}
    </div>
  );
}
