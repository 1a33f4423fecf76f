import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { readForm } from "~/services/multipart.server";
import { requireCsrf } from "~/auth/csrf.server";
import { requireResident } from "~/auth/guards.server";
import { setActing } from "~/auth/session.server";
import { CsrfField } from "~/components/ui/CsrfField";
import { ErrorSummary } from "~/components/ui/FormErrors";
import { getFixedT } from "~/i18n/i18n.server";
import { audit } from "~/platform/audit.server";
import { getRepresentedOrganisation, listRepresentedOrganisations } from "~/auth/representation.server";
import { redirectWithFlash } from "~/utils/flash.server";
import type { RouteHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";
import { safeRedirectPath } from "~/utils/safe-redirect";

export const meta = pageMeta;
export const handle: RouteHandle = {
  i18n: "auth",
  breadcrumb: () => ({ labelKey: "auth:party.title", href: "/valj-part" }),
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireResident(request);
  const t = getFixedT(request, "auth");
  return {
    title: t("party.title"),
    name: user.name,
    current: user.acting?.kind === "organisation" ? String(user.acting.organisationId) : user.acting ? "self" : null,
    organisations: listRepresentedOrganisations(user.personId),
    redirectTo: safeRedirectPath(new URL(request.url).searchParams.get("redirectTo"), "/mina-sidor"),
  };
}

/** Party selection (as in Altinn): act for oneself or for an organisation one represents. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireResident(request);
  const form = await readForm(request);
  await requireCsrf(request, form);
  const party = form.get("party");
  const redirectTo = safeRedirectPath(form.get("redirectTo"), "/mina-sidor");
  if (party === "self") {
    setActing(user.sessionId, { kind: "self" });
    audit({
      actor: user,
      action: "party.selected",
      subjectType: "person",
      subjectId: user.personId,
      personId: user.personId,
    });
    return redirectWithFlash(redirectTo, "flash.actingSelf");
  }
  const org =
    typeof party === "string" && /^[0-9]{1,9}$/.test(party)
      ? getRepresentedOrganisation(user.personId, Number(party))
      : undefined;
  if (!org) return Response.json({ errors: { party: "party.errors.required" } }, { status: 400 });
  setActing(user.sessionId, { kind: "organisation", organisationId: org.id });
  audit({
    actor: user,
    action: "party.selected",
    subjectType: "organisation",
    subjectId: org.orgNumber,
    personId: user.personId,
    details: { role: org.role },
  });
  return redirectWithFlash(redirectTo, "flash.actingFor", { values: { name: org.name } });
}

export default function ChooseParty() {
  const { name, current, organisations, redirectTo } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as { errors?: Record<string, string> } | undefined;
  const { t } = useTranslation("auth");
  const error = result?.errors?.party;
  return (
    <div className="prose">
      <ErrorSummary errors={result?.errors} order={["party"]} />
      <Form method="post" reloadDocument noValidate>
        <CsrfField />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <fieldset aria-describedby={error ? "party-error" : undefined} className={error ? "field--error" : undefined}>
          <legend>
            <h1>{t("party.title")}</h1>
          </legend>
          <p className="field__hint">{t("party.lead")}</p>
          {error ? (
            <span className="field__error" id="party-error">
              {t(error)}
            </span>
          ) : null}
          <div className="choices">
            <label>
              <input
                type="radio"
                name="party"
                value="self"
                id="party"
                defaultChecked={current === "self" || current === null}
              />
              <span>{t("party.self", { name })}</span>
            </label>
            {organisations.map((o) => (
              <label key={o.id}>
                <input type="radio" name="party" value={String(o.id)} defaultChecked={current === String(o.id)} />
                <span>
                  {o.name}{" "}
                  <span className="note">
                    ({o.orgNumber}, {t(`party.role.${o.role}`)})
                  </span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <button type="submit" className="button">
          {t("party.submit")}
        </button>
      </Form>
    </div>
  );
}
