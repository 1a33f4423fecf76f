import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { readForm } from "~/services/multipart.server";
import { CsrfField } from "~/components/ui/CsrfField";
import {
  MEASURE_TYPES,
  isMeasureType,
  requiresKontrollansvarig,
  AREA_FIELDS,
  parseArea,
} from "../../forms/lib/building-permit";
import { ErrorSummary } from "~/components/form/ErrorSummary";
import { RadioGroup, TextArea, TextField } from "~/components/permits/Fields";
import { PropertyCard } from "~/components/permits/PropertyCard";
import { getFixedT } from "~/i18n/i18n.server";
import {
  draftFromForm,
  EMPTY_DRAFT,
  getDraft,
  lookupProperty,
  saveDraft,
  validateDetails,
} from "~/services/building-permits.server";
import { requireResident } from "~/auth/guards.server";
import permitStyles from "~/styles/permits.css";
import type { RouteHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";
import { requireCsrf } from "~/auth/csrf.server";

export const meta = pageMeta;
export const links: LinksFunction = () => [{ rel: "stylesheet", href: permitStyles }];
export const handle: RouteHandle = {
  i18n: "permits",
  breadcrumb: () => ({ labelKey: "permits:breadcrumb", href: "/bygglov/ansok" }),
};

/** The property card on a fresh page: nothing when the register does not answer (the action says so). */
async function shownProperty(user: Awaited<ReturnType<typeof requireResident>>, designation: string) {
  if (!designation) return null;
  return (await lookupProperty(user, designation)).property ?? null;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireResident(request, { partyChosen: true });
  const draft = getDraft(user) ?? EMPTY_DRAFT;
  return {
    title: getFixedT(request, "permits")("details.title"),
    draft,
    property: await shownProperty(user, draft.propertyDesignation),
    acting: user.acting?.kind === "organisation" ? { organisation: user.acting.name } : { name: user.name },
    errors: {} as Record<string, string>,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireResident(request, { partyChosen: true });
  const form = await readForm(request);
  await requireCsrf(request, form);
  const draft = draftFromForm(form);
  const { errors, property } = await validateDetails(user, draft);
  if (form.get("intent") === "lookup") {
    saveDraft(user, draft, "details");
    const propertyError = errors.propertyDesignation;
    const lookupErrors: Record<string, string> = propertyError ? { propertyDesignation: propertyError } : {};
    return data({ draft, property, errors: lookupErrors }, { status: propertyError ? 400 : 200 });
  }
  if (Object.keys(errors).length > 0) {
    // Kept as typed, so nothing is lost when the register does not answer (decision 066).
    saveDraft(user, draft, "details");
    return data({ draft, property, errors: errors as Record<string, string> }, { status: 400 });
  }
  saveDraft(user, draft, "drawings");
  return redirect("/bygglov/ansok/ritningar");
}

const FIELD_ORDER = [
  "propertyDesignation",
  "measureType",
  "description",
  "buildingArea",
  "grossFloorArea",
  "kaName",
  "kaCertification",
];

export default function PermitDetails() {
  const loaded = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>();
  const { t } = useTranslation("permits");
  const draft = posted?.draft ?? loaded.draft;
  const property = posted ? posted.property : loaded.property;
  const errors = (posted?.errors ?? {}) as Record<string, string>;
  const err = (f: string) => (errors[f] ? t(`errors.${errors[f]}`) : null);
  const measure = isMeasureType(draft.measureType) ? draft.measureType : null;
  const areaFields = measure ? AREA_FIELDS[measure] : (["buildingArea", "grossFloorArea"] as const);
  const bta = parseArea(draft.grossFloorArea);
  const needsKa = measure ? requiresKontrollansvarig(measure, bta.ok ? bta.value : null) : true;
  return (
    <>
      <p className="progress">{t("progress", { step: 1 })}</p>
      <h1>{t("details.title")}</h1>
      <p>
        {"organisation" in loaded.acting
          ? t("start.actingOrganisation", { organisation: loaded.acting.organisation })
          : t("start.acting", { name: loaded.acting.name })}
      </p>
      <ErrorSummary
        title={t("errorSummaryTitle")}
        items={FIELD_ORDER.filter((f) => errors[f]).map((f) => ({ href: f, text: t(`errors.${errors[f]}`) }))}
      />
      <Form method="post" noValidate>
        <CsrfField />
        <TextField
          id="propertyDesignation"
          label={t("fields.propertyDesignation.label")}
          hint={t("fields.propertyDesignation.hint")}
          error={err("propertyDesignation")}
          defaultValue={draft.propertyDesignation}
        />
        <div className="button-row">
          <button className="button button--secondary" type="submit" name="intent" value="lookup">
            {t("details.lookup")}
          </button>
        </div>
        {property ? <PropertyCard property={property} /> : null}
        <RadioGroup
          id="measureType"
          label={t("fields.measureType.label")}
          legendClass="legend--large"
          error={err("measureType")}
          defaultValue={draft.measureType}
          options={MEASURE_TYPES.map((m) => ({
            value: m,
            label: t(`measures.${m}.label`),
            hint: t(`measures.${m}.hint`),
          }))}
        />
        <TextArea
          id="description"
          label={t("fields.description.label")}
          hint={t("fields.description.hint")}
          error={err("description")}
          defaultValue={draft.description}
        />
        {areaFields.map((f) => (
          <TextField
            key={f}
            id={f}
            label={t(`fields.${f}.label`)}
            hint={t(`fields.${f}.hint`)}
            error={err(f)}
            defaultValue={draft[f]}
            inputMode="decimal"
            width="input--width-10"
          />
        ))}
        {needsKa ? (
          <fieldset className="group-item">
            <legend>{t("fields.kontrollansvarig.legend")}</legend>
            <p className="field__hint">{t("fields.kontrollansvarig.hint")}</p>
            <TextField
              id="kaName"
              label={t("fields.kaName.label")}
              error={err("kaName")}
              defaultValue={draft.kaName}
              autoComplete="name"
            />
            <TextField
              id="kaCertification"
              label={t("fields.kaCertification.label")}
              hint={t("fields.kaCertification.hint")}
              error={err("kaCertification")}
              defaultValue={draft.kaCertification}
              width="input--width-10"
            />
          </fieldset>
        ) : null}
        <div className="button-row">
          <button className="button" type="submit" name="intent" value="continue">
            {t("details.continue")}
          </button>
        </div>
      </Form>
    </>
  );
}
