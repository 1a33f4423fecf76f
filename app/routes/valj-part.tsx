import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { parseOrganisationsnummer } from "../../forms/lib/identity-number";
import { requireCsrf } from "~/auth/csrf.server";
import { requireResident } from "~/auth/guards.server";
import {
  claimSignatory,
  getRepresentedOrganisation,
  representedOrganisations,
  type RepresentedOrganisation,
} from "~/auth/representation.server";
import { setActing } from "~/auth/session.server";
import { CsrfField } from "~/components/ui/CsrfField";
import { ErrorSummary } from "~/components/ui/FormErrors";
import { getFixedT } from "~/i18n/i18n.server";
import { audit, auditDurably } from "~/platform/audit.server";
import { commitDurably } from "~/db-durable.server";
import { RegisterUnavailableError } from "~/platform/register-http.server";
import { readForm } from "~/services/multipart.server";
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
  const { organisations, unavailable } = await representedOrganisations(user.personId);
  return {
    title: t("party.title"),
    name: user.name,
    current: user.acting?.kind === "organisation" ? String(user.acting.organisationId) : user.acting ? "self" : null,
    organisations,
    unavailable,
    redirectTo: safeRedirectPath(new URL(request.url).searchParams.get("redirectTo"), "/mina-sidor"),
  };
}

type Errors = Record<string, string>;
const fail = (errors: Errors, status = 400) => Response.json({ errors }, { status });

/** Look a company up in the register: "the register did not answer" is a 503 with a message, never a 500. */
async function askRegister<T>(field: string, ask: () => Promise<T>): Promise<T | Response> {
  try {
    return await ask();
  } catch (error) {
    if (error instanceof RegisterUnavailableError) return fail({ [field]: "party.errors.registerUnavailable" }, 503);
    throw error;
  }
}

/**
 * Party selection (as in Altinn): act for oneself, for an organisation one represents, or name a
 * company one signs for (the company register decides, decision 069).
 */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireResident(request);
  const form = await readForm(request);
  await requireCsrf(request, form);
  const party = form.get("party");
  const redirectTo = safeRedirectPath(form.get("redirectTo"), "/mina-sidor");
  let org: RepresentedOrganisation | undefined;
  if (form.get("intent") === "add") {
    const parsed = parseOrganisationsnummer(String(form.get("orgNumber") ?? ""));
    if (!parsed.ok) return fail({ orgNumber: `party.errors.orgNumber.${parsed.code}` });
    const claim = await askRegister("orgNumber", () => claimSignatory(user.personId, parsed.value.normalized));
    if (claim instanceof Response) return claim;
    if (!claim.ok) {
      await auditDurably({
        actor: user,
        action: "party.selected",
        outcome: "refused",
        subjectType: "organisation",
        subjectId: parsed.value.normalized,
        personId: user.personId,
        details: { reason: claim.code },
      });
      return fail({ orgNumber: `party.errors.${claim.code}` });
    }
    org = claim.organisation;
  } else if (party === "self") {
    // The choice and its audit row: one commit, its fsync off the event loop (decision 163).
    await commitDurably(() => {
      setActing(user.sessionId, { kind: "self" });
      audit({
        actor: user,
        action: "party.selected",
        subjectType: "person",
        subjectId: user.personId,
        personId: user.personId,
      });
    });
    return redirectWithFlash(redirectTo, "flash.actingSelf");
  } else {
    const found =
      typeof party === "string" && /^[0-9]{1,9}$/.test(party)
        ? await askRegister("party", () => getRepresentedOrganisation(user.personId, Number(party)))
        : undefined;
    if (found instanceof Response) return found;
    org = found;
  }
  if (!org) return fail({ party: "party.errors.required" });
  const chosen = org;
  await commitDurably(() => {
    setActing(user.sessionId, { kind: "organisation", organisationId: chosen.id });
    audit({
      actor: user,
      action: "party.selected",
      subjectType: "organisation",
      subjectId: chosen.orgNumber,
      personId: user.personId,
      details: { role: chosen.role },
    });
  });
  return redirectWithFlash(redirectTo, "flash.actingFor", { values: { name: org.name } });
}

export default function ChooseParty() {
  const { name, current, organisations, unavailable, redirectTo } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as { errors?: Errors } | undefined;
  const { t } = useTranslation("auth");
  const error = result?.errors?.party;
  const orgError = result?.errors?.orgNumber;
  return (
    <div className="prose">
      <ErrorSummary errors={result?.errors} order={["party", "orgNumber"]} />
      {unavailable ? (
        <div className="alert alert--warning" role="status">
          {t("party.registerUnavailable")}
        </div>
      ) : null}
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
      <h2>{t("party.add.title")}</h2>
      <p>{t("party.add.lead")}</p>
      <Form method="post" reloadDocument noValidate>
        <CsrfField />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <input type="hidden" name="intent" value="add" />
        <div className={orgError ? "field field--error" : "field"}>
          <label htmlFor="orgNumber">{t("party.add.label")}</label>
          <span className="field__hint" id="orgNumber-hint">
            {t("party.add.hint")}
          </span>
          {orgError ? (
            <span className="field__error" id="orgNumber-error">
              {t(orgError)}
            </span>
          ) : null}
          <input
            id="orgNumber"
            name="orgNumber"
            type="text"
            inputMode="numeric"
            autoComplete="off"
            aria-invalid={orgError ? true : undefined}
            aria-describedby={orgError ? "orgNumber-hint orgNumber-error" : "orgNumber-hint"}
          />
        </div>
        <button type="submit" className="button button--secondary">
          {t("party.add.submit")}
        </button>
      </Form>
    </div>
  );
}
