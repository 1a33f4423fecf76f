import type { FormDefinition, FormValues } from "../types";
import { DOCUMENT_TYPES, MB, exampleFile, keysFor } from "./helpers";

const ID = "ansokan-foreningsbidrag";
const k = keysFor(ID);

/** Grant application from a local association, with the activities it applies for. */
export const definition: FormDefinition = {
  id: ID,
  version: 1,
  administration: "kultur-och-fritid",
  offeredBy: "shared",
  caseType: "allmant",
  requiresLogin: true,
  sensitivity: "public",
  titleKey: k.titleKey,
  descriptionKey: k.descriptionKey,
  instructionsKey: k.instructionsKey,
  processingDays: 45,
  steps: [
    {
      ...k.step("forening"),
      fields: [
        { type: "text", ...k.field("associationName"), required: true, maxLength: 150, autocomplete: "organization" },
        { type: "organisationsnummer", ...k.field("organisationsnummer", { hint: true }), required: true },
        { type: "email", ...k.field("associationEmail"), required: true, autocomplete: "email" },
        {
          type: "text",
          ...k.field("contactName", { hint: true }),
          required: true,
          maxLength: 100,
          autocomplete: "name",
        },
        { type: "phone", ...k.field("contactPhone"), required: true, autocomplete: "tel" },
        {
          type: "text",
          ...k.field("paymentAccount", { hint: true }),
          required: true,
          maxLength: 20,
          inputMode: "numeric",
        },
        { type: "number", ...k.field("members"), required: true, min: 0, max: 100000 },
        { type: "number", ...k.field("youthMembers", { hint: true }), required: true, min: 0, max: 100000 },
      ],
    },
    {
      ...k.step("bidrag"),
      fields: [
        {
          type: "choice",
          ...k.field("grantType"),
          display: "radio",
          required: true,
          options: k.options(
            "grantType",
            ["aktivitetsbidrag", "lokalbidrag", "projektbidrag", "startbidrag"],
            ["aktivitetsbidrag", "lokalbidrag", "projektbidrag", "startbidrag"],
          ),
        },
        {
          type: "group",
          ...k.field("activities", { hint: true }),
          ...k.group("activities"),
          required: true,
          min: 1,
          max: 20,
          fields: [
            { type: "text", ...k.field("activityName"), required: true, maxLength: 150 },
            { type: "date", ...k.field("activityDate"), required: true },
            { type: "number", ...k.field("participants"), required: true, min: 1, max: 10000 },
            { type: "textarea", ...k.field("activityDescription"), required: false, maxLength: 500, rows: 2 },
          ],
        },
        {
          type: "number",
          ...k.field("amountRequested"),
          required: true,
          min: 1,
          max: 1_000_000,
          unitKey: "forms.units.kronor",
        },
      ],
    },
    {
      ...k.step("bilagor"),
      fields: [
        {
          type: "file",
          ...k.field("annualReport", { hint: true }),
          required: true,
          maxFiles: 3,
          maxBytes: 10 * MB,
          accept: DOCUMENT_TYPES,
        },
        {
          type: "file",
          ...k.field("projectBudget"),
          required: true,
          maxFiles: 2,
          maxBytes: 10 * MB,
          accept: DOCUMENT_TYPES,
          showIf: { field: "grantType", equals: "projektbidrag" },
        },
        { type: "textarea", ...k.field("otherInformation"), required: false, maxLength: 2000 },
      ],
    },
  ],
};

export const example: FormValues = {
  associationName: "Dals-Eds Orienteringsklubb",
  organisationsnummer: "802478-1232",
  associationEmail: "styrelsen@example.se",
  contactName: "Lena Ström",
  contactPhone: "0534-100 20",
  paymentAccount: "5050-1055",
  members: 142,
  youthMembers: 61,
  grantType: "aktivitetsbidrag",
  activities: [
    {
      activityName: "Träning för ungdomar",
      activityDate: "2026-05-12",
      participants: 18,
      activityDescription: "Kartträning i Nössemark.",
    },
    { activityName: "Klubbmästerskap", activityDate: "2026-09-06", participants: 45 },
  ],
  amountRequested: 12500,
  annualReport: [exampleFile("verksamhetsberattelse-2025.pdf")],
};
