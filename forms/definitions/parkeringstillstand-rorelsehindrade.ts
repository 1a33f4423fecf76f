import type { FormDefinition, FormValues } from "../types";
import { DOCUMENT_TYPES, MB, exampleFile, keysFor } from "./helpers";

const ID = "parkeringstillstand-rorelsehindrade";
const k = keysFor(ID);

/** Parking permit for people with reduced mobility (Trafikförordningen 13 kap. 8 §). */
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
  processingDays: 30,
  steps: [
    {
      ...k.step("sokande"),
      fields: [
        {
          type: "personnummer",
          ...k.field("applicantPersonnummer"),
          required: true,
          sensitive: true,
          prefill: { from: "profile", key: "personnummer" },
        },
        {
          type: "text",
          ...k.field("applicantName"),
          required: true,
          maxLength: 100,
          autocomplete: "name",
          prefill: { from: "profile", key: "name" },
        },
        {
          type: "address",
          ...k.field("applicantAddress", { hint: true }),
          required: true,
          autocomplete: "street-address",
        },
        { type: "phone", ...k.field("phone"), required: true, autocomplete: "tel" },
        { type: "email", ...k.field("email"), required: false, autocomplete: "email" },
      ],
    },
    {
      ...k.step("tillstand"),
      fields: [
        {
          type: "choice",
          ...k.field("permitFor"),
          display: "radio",
          required: true,
          options: k.options("permitFor", ["forare", "passagerare"], ["forare", "passagerare"]),
        },
        {
          type: "number",
          ...k.field("walkingDistance", { hint: true }),
          required: true,
          min: 0,
          max: 5000,
          unitKey: "forms.units.metres",
          sensitive: true,
        },
        {
          type: "multichoice",
          ...k.field("mobilityAids"),
          required: false,
          options: k.options("mobilityAids", ["rullator", "krackor", "kapp", "rullstol", "elrullstol"]),
          sensitive: true,
        },
        { type: "yesno", ...k.field("hasPreviousPermit"), required: true },
        {
          type: "text",
          ...k.field("previousPermitNumber", { hint: true }),
          required: true,
          maxLength: 30,
          showIf: { field: "hasPreviousPermit", equals: true },
        },
      ],
    },
    {
      ...k.step("intyg"),
      fields: [
        {
          type: "file",
          ...k.field("medicalCertificate", { hint: true }),
          required: true,
          maxFiles: 3,
          maxBytes: 10 * MB,
          accept: DOCUMENT_TYPES,
          sensitive: true,
        },
        {
          type: "file",
          ...k.field("portrait", { hint: true }),
          required: true,
          maxFiles: 1,
          maxBytes: 5 * MB,
          accept: ["image/jpeg", "image/png"],
        },
        { type: "textarea", ...k.field("otherInformation"), required: false, maxLength: 2000, sensitive: true },
      ],
    },
  ],
};

export const example: FormValues = {
  applicantPersonnummer: "196807309874",
  applicantName: "Gunnel Berg",
  applicantAddress: { street: "Kyrkogatan 4", postalCode: "464 30", town: "Mellerud" },
  phone: "070-123 45 67",
  permitFor: "forare",
  walkingDistance: 80,
  mobilityAids: ["rullator"],
  hasPreviousPermit: true,
  previousPermitNumber: "MEL-2023-041",
  medicalCertificate: [exampleFile("lakarintyg.pdf")],
  portrait: [exampleFile("portratt.jpg", "image/jpeg", 900_000)],
};
