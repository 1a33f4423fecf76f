import type { FormDefinition, FormValues } from "../types";
import { daysFromNow, keysFor } from "./helpers";

const ID = "forskola-ansokan";
const k = keysFor(ID);

/**
 * Application for a place in preschool or pedagogical care (Skollagen 8 och 25 kap.).
 * A first version: the personal e-service will later pre-fill the household and offer the
 * municipality's units as choices.
 */
export const definition: FormDefinition = {
  id: ID,
  version: 1,
  administration: "barn-och-utbildning",
  offeredBy: "shared",
  caseType: "barnomsorg",
  requiresLogin: true,
  // Childcare details are covered by secrecy (OSL 23 kap.).
  sensitivity: "secret",
  titleKey: k.titleKey,
  descriptionKey: k.descriptionKey,
  instructionsKey: k.instructionsKey,
  // A place must be offered within four months.
  processingDays: 120,
  eservice: "/mina-sidor/barnomsorg/ansok",
  steps: [
    {
      ...k.step("barnet"),
      fields: [
        { type: "personnummer", ...k.field("childPersonnummer"), required: true, sensitive: true },
        { type: "text", ...k.field("childName"), required: true, maxLength: 100, sensitive: true },
        { type: "yesno", ...k.field("livesWithApplicant"), required: true },
      ],
    },
    {
      ...k.step("placering"),
      fields: [
        {
          type: "choice",
          ...k.field("careType"),
          display: "radio",
          required: true,
          options: k.options("careType", ["forskola", "pedagogisk-omsorg"], ["pedagogisk-omsorg"]),
        },
        { type: "date", ...k.field("startDate", { hint: true }), required: true, min: { daysFromToday: 0 } },
        {
          type: "number",
          ...k.field("hoursPerWeek", { hint: true }),
          required: true,
          min: 1,
          max: 60,
          unitKey: "forms.units.hoursPerWeek",
        },
        {
          type: "group",
          ...k.field("preferences", { hint: true }),
          ...k.group("preferences"),
          required: true,
          min: 1,
          max: 3,
          fields: [{ type: "text", ...k.field("preferredUnit"), required: true, maxLength: 150 }],
        },
      ],
    },
    {
      ...k.step("vardnadshavare"),
      fields: [
        { type: "phone", ...k.field("guardianPhone"), required: true, autocomplete: "tel" },
        { type: "email", ...k.field("guardianEmail"), required: true, autocomplete: "email" },
        {
          type: "choice",
          ...k.field("occupation", { hint: true }),
          display: "radio",
          required: true,
          options: k.options("occupation", ["arbetar", "studerar", "arbetssokande", "foraldraledig"]),
        },
        { type: "yesno", ...k.field("hasOtherGuardian"), required: true },
        {
          type: "personnummer",
          ...k.field("otherGuardianPersonnummer"),
          required: true,
          sensitive: true,
          showIf: { field: "hasOtherGuardian", equals: true },
        },
        {
          type: "text",
          ...k.field("otherGuardianName"),
          required: true,
          maxLength: 100,
          showIf: { field: "hasOtherGuardian", equals: true },
        },
        { type: "yesno", ...k.field("specialNeeds", { hint: true }), required: true },
        {
          type: "textarea",
          ...k.field("specialNeedsDescription"),
          required: true,
          maxLength: 2000,
          sensitive: true,
          showIf: { field: "specialNeeds", equals: true },
        },
      ],
    },
  ],
};

export const example: FormValues = {
  childPersonnummer: "202109019899",
  childName: "Elsa Andersson",
  livesWithApplicant: true,
  careType: "forskola",
  startDate: daysFromNow(120),
  hoursPerWeek: 35,
  preferences: [{ preferredUnit: "Solrosens förskola" }, { preferredUnit: "Ekbackens förskola" }],
  guardianPhone: "070-222 33 44",
  guardianEmail: "maria.andersson@example.se",
  occupation: "arbetar",
  hasOtherGuardian: true,
  otherGuardianPersonnummer: "199011059814",
  otherGuardianName: "Jonas Andersson",
  specialNeeds: false,
};
