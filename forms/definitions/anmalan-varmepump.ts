import type { FormDefinition, FormValues } from "../types";
import { DOCUMENT_TYPES, MB, daysFromNow, exampleFile, keysFor } from "./helpers";

const ID = "anmalan-varmepump";
const k = keysFor(ID);

/**
 * Notice of a heat pump installation (Förordningen om miljöfarlig verksamhet och
 * hälsoskydd, 17 §): to be made at least six weeks before work starts.
 */
export const definition: FormDefinition = {
  id: ID,
  version: 1,
  administration: "samhallsbyggnad",
  offeredBy: "shared",
  caseType: "allmant",
  requiresLogin: true,
  sensitivity: "personal",
  titleKey: k.titleKey,
  descriptionKey: k.descriptionKey,
  instructionsKey: k.instructionsKey,
  processingDays: 42,
  steps: [
    {
      ...k.step("fastighet"),
      fields: [
        { type: "fastighetsbeteckning", ...k.field("fastighetsbeteckning", { hint: true }), required: true },
        { type: "address", ...k.field("propertyAddress"), required: true },
        { type: "phone", ...k.field("phone"), required: true, autocomplete: "tel" },
        { type: "email", ...k.field("email"), required: true, autocomplete: "email" },
      ],
    },
    {
      ...k.step("anlaggning"),
      fields: [
        {
          type: "choice",
          ...k.field("pumpType"),
          display: "radio",
          required: true,
          options: k.options(
            "pumpType",
            ["bergvarme", "jordvarme", "sjovarme", "grundvatten"],
            ["bergvarme", "jordvarme"],
          ),
        },
        {
          type: "number",
          ...k.field("drillingDepth", { hint: true }),
          required: true,
          min: 10,
          max: 400,
          unitKey: "forms.units.metres",
          showIf: { field: "pumpType", equals: ["bergvarme", "grundvatten"] },
        },
        {
          type: "number",
          ...k.field("boreholes"),
          required: true,
          min: 1,
          max: 20,
          showIf: { field: "pumpType", equals: ["bergvarme", "grundvatten"] },
        },
        {
          type: "number",
          ...k.field("collectorLength"),
          required: true,
          min: 10,
          max: 2000,
          unitKey: "forms.units.metres",
          showIf: { field: "pumpType", equals: ["jordvarme", "sjovarme"] },
        },
        {
          type: "number",
          ...k.field("heatOutput", { hint: true }),
          required: true,
          min: 1,
          max: 200,
          decimals: 1,
          unitKey: "forms.units.kilowatts",
        },
        { type: "text", ...k.field("refrigerant", { hint: true }), required: false, maxLength: 20 },
        {
          type: "number",
          ...k.field("refrigerantAmount"),
          required: false,
          min: 0,
          max: 100,
          decimals: 2,
          unitKey: "forms.units.kilograms",
        },
        { type: "text", ...k.field("installer", { hint: true }), required: true, maxLength: 150 },
        {
          type: "yesno",
          ...k.field("installerCertified", { hint: true }),
          required: true,
          showIf: { field: "pumpType", equals: ["bergvarme", "grundvatten"] },
        },
        { type: "date", ...k.field("plannedStart", { hint: true }), required: true, min: { daysFromToday: 0 } },
      ],
    },
    {
      ...k.step("placering"),
      fields: [
        {
          type: "file",
          ...k.field("sitePlan", { hint: true }),
          required: true,
          maxFiles: 3,
          maxBytes: 20 * MB,
          accept: DOCUMENT_TYPES,
        },
        {
          type: "number",
          ...k.field("distanceToWell", { hint: true }),
          required: false,
          min: 0,
          max: 10000,
          unitKey: "forms.units.metres",
        },
        {
          type: "number",
          ...k.field("distanceToBoundary"),
          required: false,
          min: 0,
          max: 10000,
          unitKey: "forms.units.metres",
        },
        { type: "textarea", ...k.field("otherInformation"), required: false, maxLength: 2000 },
      ],
    },
  ],
};

export const example: FormValues = {
  fastighetsbeteckning: "Bengtsfors Sågen 1:23",
  propertyAddress: { street: "Sågvägen 7", postalCode: "666 31", town: "Bengtsfors" },
  phone: "0531-123 45",
  email: "per.nilsson@example.se",
  pumpType: "bergvarme",
  drillingDepth: 180,
  boreholes: 1,
  heatOutput: 8.5,
  refrigerant: "R410A",
  refrigerantAmount: 1.8,
  installer: "Dalslands Brunnsborrning AB",
  installerCertified: true,
  plannedStart: daysFromNow(60),
  sitePlan: [exampleFile("situationsplan.pdf")],
  distanceToWell: 35,
  distanceToBoundary: 12,
};
