import type { FormDefinition, FormValues } from "../types";
import { DOCUMENT_TYPES, MB, daysFromNow, exampleFile, keysFor } from "./helpers";

const ID = "anmalan-enskilt-avlopp";
const k = keysFor(ID);

/** Application/notice for a private sewage system (Miljöbalken, FMH 13–14 §§). */
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
        {
          type: "choice",
          ...k.field("propertyUse"),
          display: "radio",
          required: true,
          options: k.options("propertyUse", ["permanentboende", "fritidshus", "verksamhet"]),
        },
        { type: "number", ...k.field("households", { hint: true }), required: true, min: 1, max: 20 },
        { type: "number", ...k.field("persons"), required: false, min: 1, max: 200 },
        { type: "phone", ...k.field("phone"), required: true, autocomplete: "tel" },
      ],
    },
    {
      ...k.step("anlaggning"),
      fields: [
        {
          type: "choice",
          ...k.field("facilityType"),
          display: "select",
          required: true,
          options: k.options(
            "facilityType",
            ["infiltration", "markbadd", "markbadd-fosforfalla", "minireningsverk", "sluten-tank", "annat"],
            ["sluten-tank"],
          ),
        },
        {
          type: "text",
          ...k.field("facilityOther"),
          required: true,
          maxLength: 200,
          showIf: { field: "facilityType", equals: "annat" },
        },
        { type: "yesno", ...k.field("wcConnected"), required: true },
        { type: "text", ...k.field("installer", { hint: true }), required: true, maxLength: 150 },
        { type: "date", ...k.field("plannedStart"), required: false, min: { daysFromToday: 0 } },
      ],
    },
    {
      ...k.step("handlingar"),
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
          type: "file",
          ...k.field("soilInvestigation", { hint: true }),
          required: true,
          maxFiles: 3,
          maxBytes: 20 * MB,
          accept: DOCUMENT_TYPES,
          showIf: { field: "facilityType", equals: ["infiltration", "markbadd", "markbadd-fosforfalla"] },
        },
        {
          type: "file",
          ...k.field("productSheet", { hint: true }),
          required: true,
          maxFiles: 3,
          maxBytes: 20 * MB,
          accept: DOCUMENT_TYPES,
          showIf: { field: "facilityType", equals: "minireningsverk" },
        },
        { type: "textarea", ...k.field("otherInformation"), required: false, maxLength: 2000 },
      ],
    },
  ],
};

export const example: FormValues = {
  fastighetsbeteckning: "Dals-Ed Nössemark 2:14",
  propertyAddress: { street: "Nössemark 112", postalCode: "668 92", town: "Ed" },
  propertyUse: "fritidshus",
  households: 1,
  persons: 4,
  phone: "0534-200 30",
  facilityType: "markbadd-fosforfalla",
  wcConnected: true,
  installer: "Eds Gräv & Schakt AB",
  plannedStart: daysFromNow(75),
  sitePlan: [exampleFile("situationsplan-avlopp.pdf")],
  soilInvestigation: [exampleFile("provgrop.pdf")],
};
