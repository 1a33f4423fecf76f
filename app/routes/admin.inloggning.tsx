import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireCsrf } from "~/auth/csrf.server";
import { adminMunicipalities, requireStaff } from "~/auth/guards.server";
import {
  addSsoMapping,
  getSsoProvider,
  listSsoMappings,
  listSsoProviders,
  removeSsoMapping,
  saveSsoProvider,
  setSsoRequired,
  ssoRequiredMunicipalities,
  SsoInputError,
} from "~/auth/staff-sso/providers.server";
import { listAdministrationsOf, municipalityNames } from "~/auth/staff.server";
import { CsrfField } from "~/components/ui/CsrfField";
import { ErrorSummary, SelectField, TextField, type FieldErrors } from "~/components/ui/FormErrors";
import { AREAS } from "~/domain/areas";
import { getFixedT, getLanguage } from "~/i18n/i18n.server";
import { AREA_KEY, keyOf, ROLE_KEY, SSO_FIELD_ERROR_KEY } from "~/i18n/keys";
import { readForm } from "~/services/multipart.server";
import { redirectWithFlash } from "~/utils/flash.server";
import type { RouteHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";

/**
 * /admin/inloggning (issue 21, decision 064): portal-wide admins add and change the staff
 * identity providers; a municipal admin maps their municipality's directory groups to roles and
 * decides whether its staff must use SSO. Client secrets are write-only.
 */
export const meta = pageMeta;
export const handle: RouteHandle = {
  i18n: ["auth", "sso", "admin"],
  breadcrumb: () => [
    { labelKey: "auth:staffHome.title", href: "/personal" },
    { labelKey: "sso:admin.title", href: "/admin/inloggning" },
  ],
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request, "users.admin");
  const scope = adminMunicipalities(user, "users.admin");
  const names = municipalityNames();
  const ids = scope ?? [...names.keys()];
  const editId = Number(new URL(request.url).searchParams.get("andra"));
  const editing = scope === null && Number.isInteger(editId) ? getSsoProvider(editId) : undefined;
  const sv = getLanguage(request) === "sv";
  return {
    title: getFixedT(request, "sso")("admin.title"),
    portalWide: scope === null,
    municipalities: ids.map((id) => ({ id, name: names.get(id) ?? "" })),
    required: ssoRequiredMunicipalities(),
    providers: listSsoProviders(scope),
    editing: editing ?? null,
    mappings: listSsoMappings(scope),
    administrations: listAdministrationsOf(scope).map((a) => ({
      id: a.id,
      municipalityId: a.municipalityId,
      name: sv ? a.nameSv : a.nameEn,
    })),
  };
}

type ActionData = { errors: FieldErrors; values?: Record<string, string> };

const PROVIDER_FIELDS = [
  "name",
  "protocol",
  "oidcIssuer",
  "oidcClientId",
  "samlIdpEntityId",
  "samlSsoUrl",
  "samlSloUrl",
  "samlIdpCertificate",
  "groupsAttribute",
  "mfaValues",
] as const;

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireStaff(request, "users.admin");
  const scope = adminMunicipalities(user, "users.admin");
  const form = await readForm(request);
  await requireCsrf(request, form);
  const text = (name: string) => String(form.get(name) ?? "").trim();
  const intent = text("intent");
  try {
    if (intent === "provider") {
      const id = Number(text("providerId")) || null;
      const values = Object.fromEntries(PROVIDER_FIELDS.map((f) => [f, text(f)])) as Record<
        (typeof PROVIDER_FIELDS)[number],
        string
      >;
      saveSsoProvider(user, scope, id, {
        ...values,
        mfaValues: String(form.get("mfaValues") ?? ""),
        enabled: form.get("enabled") === "on",
        municipalityIds: form.getAll("municipalities").map(Number),
        oidcClientSecret: String(form.get("oidcClientSecret") ?? ""),
      });
      return redirectWithFlash("/admin/inloggning", "sso:admin.saved");
    }
    if (intent === "mapping-add") {
      addSsoMapping(user, scope, {
        providerId: Number(text("providerId")),
        groupName: text("groupName"),
        role: text("role"),
        municipalityId: Number(text("municipalityId")),
        area: text("area"),
        administrationId: Number(text("administrationId")) || null,
      });
      return redirectWithFlash("/admin/inloggning", "sso:admin.mappingAdded");
    }
    if (intent === "mapping-remove") {
      if (!removeSsoMapping(user, scope, Number(text("mappingId")))) throw new Response("Not found", { status: 404 });
      return redirectWithFlash("/admin/inloggning", "sso:admin.mappingRemoved");
    }
    if (intent === "required") {
      setSsoRequired(user, scope, Number(text("municipalityId")), text("required") === "1");
      return redirectWithFlash("/admin/inloggning", "sso:admin.requiredChanged");
    }
  } catch (error) {
    if (!(error instanceof SsoInputError)) throw error;
    const key = keyOf(SSO_FIELD_ERROR_KEY, error.field) ?? "sso:admin.errors.name";
    const values = Object.fromEntries(
      [...PROVIDER_FIELDS, "groupName", "providerId", "role", "area", "administrationId", "municipalityId"].map((f) => [
        f,
        text(f),
      ]),
    );
    return Response.json({ errors: { [error.field]: key }, values } satisfies ActionData, { status: 400 });
  }
  return redirect("/admin/inloggning");
}

function TextArea(props: { name: string; label: string; hint?: string; error?: string; defaultValue?: string }) {
  const { t } = useTranslation("auth");
  const described = [props.hint ? `${props.name}-hint` : null, props.error ? `${props.name}-error` : null]
    .filter(Boolean)
    .join(" ");
  return (
    <div className={`field${props.error ? " field--error" : ""}`}>
      <label htmlFor={props.name}>{props.label}</label>
      {props.hint ? (
        <span className="field__hint" id={`${props.name}-hint`}>
          {props.hint}
        </span>
      ) : null}
      {props.error ? (
        <span className="field__error" id={`${props.name}-error`}>
          <span className="visually-hidden">{t("errors.prefix")} </span>
          {t(props.error)}
        </span>
      ) : null}
      <textarea
        id={props.name}
        name={props.name}
        rows={4}
        defaultValue={props.defaultValue}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={described || undefined}
      />
    </div>
  );
}

export default function StaffSsoAdmin() {
  const { portalWide, municipalities, required, providers, editing, mappings, administrations } =
    useLoaderData<typeof loader>();
  const data = useActionData<typeof action>() as ActionData | undefined;
  const { t } = useTranslation("sso");
  const errors = data?.errors;
  const v = data?.values;
  const name = (id: number) => municipalities.find((m) => m.id === id)?.name ?? String(id);
  const providerName = (id: number) => providers.find((p) => p.id === id)?.name ?? String(id);
  const adminName = (id: number | null) => administrations.find((a) => a.id === id)?.name ?? t("admin.none");
  const p = editing;
  return (
    <>
      <ErrorSummary
        errors={errors}
        order={[
          ...PROVIDER_FIELDS,
          "municipalities",
          "oidcClientSecret",
          "providerId",
          "groupName",
          "role",
          "area",
          "administrationId",
        ]}
      />
      <h1>{t("admin.title")}</h1>
      <p className="lead">{t("admin.lead")}</p>

      <h2>{t("admin.providers")}</h2>
      {providers.length === 0 ? (
        <p>{t("admin.noProviders")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t("admin.providers")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("admin.fields.name")}</th>
                <th scope="col">{t("admin.fields.protocol")}</th>
                <th scope="col">{t("admin.fields.municipalities")}</th>
                <th scope="col">{t("admin.fields.state")}</th>
              </tr>
            </thead>
            <tbody>
              {providers.map((row) => (
                <tr key={row.id}>
                  <td>{portalWide ? <Link to={`/admin/inloggning?andra=${row.id}`}>{row.name}</Link> : row.name}</td>
                  <td>{row.protocol === "oidc" ? t("admin.protocols.oidc") : t("admin.protocols.saml")}</td>
                  <td>{row.municipalityIds.map(name).join(", ")}</td>
                  <td>{row.enabled ? t("admin.enabled") : t("admin.disabled")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {portalWide ? (
        <section aria-labelledby="provider-form">
          <h3 id="provider-form">{p ? t("admin.editProvider", { name: p.name }) : t("admin.newProvider")}</h3>
          <Form method="post" reloadDocument noValidate key={p?.id ?? "new"}>
            <CsrfField />
            <input type="hidden" name="intent" value="provider" />
            {p ? <input type="hidden" name="providerId" value={p.id} /> : null}
            <TextField
              name="name"
              label={t("admin.fields.name")}
              error={errors?.name}
              defaultValue={v?.name ?? p?.name}
            />
            <SelectField
              name="protocol"
              label={t("admin.fields.protocol")}
              error={errors?.protocol}
              defaultValue={v?.protocol ?? p?.protocol ?? "oidc"}
              options={[
                { value: "oidc", label: t("admin.protocols.oidc") },
                { value: "saml", label: t("admin.protocols.saml") },
              ]}
            />
            <fieldset className={`field${errors?.municipalities ? " field--error" : ""}`} id="municipalities">
              <legend>{t("admin.fields.municipalities")}</legend>
              {errors?.municipalities ? <span className="field__error">{t(errors.municipalities)}</span> : null}
              {municipalities.map((m) => (
                <div className="checkbox" key={m.id}>
                  <input
                    type="checkbox"
                    id={`municipality-${m.id}`}
                    name="municipalities"
                    value={m.id}
                    defaultChecked={p?.municipalityIds.includes(m.id)}
                  />
                  <label htmlFor={`municipality-${m.id}`}>{m.name}</label>
                </div>
              ))}
            </fieldset>
            <div className="checkbox">
              <input type="checkbox" id="enabled" name="enabled" defaultChecked={p ? p.enabled : true} />
              <label htmlFor="enabled">{t("admin.fields.enabled")}</label>
            </div>
            <TextField
              name="oidcIssuer"
              label={t("admin.fields.oidcIssuer")}
              error={errors?.oidcIssuer}
              defaultValue={v?.oidcIssuer ?? p?.oidcIssuer ?? ""}
            />
            <TextField
              name="oidcClientId"
              label={t("admin.fields.oidcClientId")}
              error={errors?.oidcClientId}
              defaultValue={v?.oidcClientId ?? p?.oidcClientId ?? ""}
            />
            <TextField
              name="oidcClientSecret"
              type="password"
              autoComplete="off"
              label={t("admin.fields.oidcClientSecret")}
              hint={p?.hasClientSecret ? `${t("admin.secretStored")}. ${t("admin.secretKept")}` : undefined}
              error={errors?.oidcClientSecret}
            />
            <TextField
              name="samlIdpEntityId"
              label={t("admin.fields.samlIdpEntityId")}
              error={errors?.samlIdpEntityId}
              defaultValue={v?.samlIdpEntityId ?? p?.samlIdpEntityId ?? ""}
            />
            <TextField
              name="samlSsoUrl"
              label={t("admin.fields.samlSsoUrl")}
              error={errors?.samlSsoUrl}
              defaultValue={v?.samlSsoUrl ?? p?.samlSsoUrl ?? ""}
            />
            <TextField
              name="samlSloUrl"
              label={t("admin.fields.samlSloUrl")}
              error={errors?.samlSloUrl}
              defaultValue={v?.samlSloUrl ?? p?.samlSloUrl ?? ""}
            />
            <TextArea
              name="samlIdpCertificate"
              label={t("admin.fields.samlIdpCertificate")}
              error={errors?.samlIdpCertificate}
              defaultValue={v?.samlIdpCertificate ?? p?.samlIdpCertificate ?? ""}
            />
            <TextField
              name="groupsAttribute"
              label={t("admin.fields.groupsAttribute")}
              error={errors?.groupsAttribute}
              defaultValue={v?.groupsAttribute ?? p?.groupsAttribute ?? "groups"}
            />
            <TextArea
              name="mfaValues"
              label={t("admin.fields.mfaValues")}
              hint={t("admin.fields.mfaValuesHint")}
              error={errors?.mfaValues}
              defaultValue={v?.mfaValues ?? p?.mfaValues.join("\n") ?? "mfa\notp\nhwk\nsc"}
            />
            <button type="submit" className="button">
              {t("admin.save")}
            </button>
          </Form>
        </section>
      ) : null}

      <h2>{t("admin.mappings")}</h2>
      {mappings.length === 0 ? (
        <p>{t("admin.noMappings")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t("admin.mappings")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("admin.fields.groupName")}</th>
                <th scope="col">{t("admin.fields.role")}</th>
                <th scope="col">{t("admin.fields.municipality")}</th>
                <th scope="col">{t("admin.fields.providerId")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("admin.remove", { group: "" })}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {mappings.map((m) => (
                <tr key={m.id}>
                  <td>{m.groupName}</td>
                  <td>
                    {t(ROLE_KEY[m.role])}
                    {m.area ? ` – ${t(AREA_KEY[m.area])}` : ""}
                    {m.administrationId ? ` – ${adminName(m.administrationId)}` : ""}
                  </td>
                  <td>{name(m.municipalityId)}</td>
                  <td>{providerName(m.providerId)}</td>
                  <td>
                    <Form method="post" reloadDocument>
                      <CsrfField />
                      <input type="hidden" name="intent" value="mapping-remove" />
                      <input type="hidden" name="mappingId" value={m.id} />
                      <button type="submit" className="button button--secondary">
                        {t("admin.remove", { group: m.groupName })}
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {providers.length > 0 ? (
        <section aria-labelledby="mapping-form">
          <h3 id="mapping-form">{t("admin.addMapping")}</h3>
          <Form method="post" reloadDocument noValidate>
            <CsrfField />
            <input type="hidden" name="intent" value="mapping-add" />
            <SelectField
              name="providerId"
              label={t("admin.fields.providerId")}
              error={errors?.providerId}
              defaultValue={v?.providerId}
              options={providers.map((row) => ({ value: String(row.id), label: row.name }))}
            />
            <TextField
              name="groupName"
              label={t("admin.fields.groupName")}
              error={errors?.groupName}
              defaultValue={v?.groupName}
            />
            <SelectField
              name="municipalityId"
              label={t("admin.fields.municipality")}
              defaultValue={v?.municipalityId}
              options={municipalities.map((m) => ({ value: String(m.id), label: m.name }))}
            />
            <SelectField
              name="role"
              label={t("admin.fields.role")}
              error={errors?.role}
              defaultValue={v?.role ?? "officer"}
              options={(["officer", "editor", "contributor", "admin"] as const).map((r) => ({
                value: r,
                label: t(ROLE_KEY[r]),
              }))}
            />
            <SelectField
              name="area"
              label={t("admin.fields.area")}
              error={errors?.area}
              defaultValue={v?.area}
              options={[
                { value: "", label: t("admin.none") },
                ...AREAS.map((a) => ({ value: a, label: t(AREA_KEY[a]) })),
              ]}
            />
            <SelectField
              name="administrationId"
              label={t("admin.fields.administrationId")}
              error={errors?.administrationId}
              defaultValue={v?.administrationId}
              options={[
                { value: "", label: t("admin.none") },
                ...administrations.map((a) => ({ value: String(a.id), label: `${name(a.municipalityId)}: ${a.name}` })),
              ]}
            />
            <button type="submit" className="button">
              {t("admin.addMapping")}
            </button>
          </Form>
        </section>
      ) : null}

      <h2>{t("admin.required")}</h2>
      <p>{t("admin.requiredLead")}</p>
      <ul className="plain-list">
        {municipalities.map((m) => {
          const on = required.includes(m.id);
          return (
            <li key={m.id}>
              <Form method="post" reloadDocument>
                <CsrfField />
                <input type="hidden" name="intent" value="required" />
                <input type="hidden" name="municipalityId" value={m.id} />
                <input type="hidden" name="required" value={on ? "0" : "1"} />
                <p>
                  {m.name}: <strong>{on ? t("admin.requiredOn") : t("admin.requiredOff")}</strong>{" "}
                  <button type="submit" className="button button--secondary">
                    {on
                      ? t("admin.allowButton", { municipality: m.name })
                      : t("admin.requireButton", { municipality: m.name })}
                  </button>
                </p>
              </Form>
            </li>
          );
        })}
      </ul>
    </>
  );
}
