import type { FormDefinition, FormValues } from "../types";
import { DOCUMENT_TYPES, MB, daysFromNow, exampleFile, keysFor } from "./helpers";

const ID = "ansokan-gravtillstand";
const k = keysFor(ID);

/** Permit to dig in municipal streets and land (mostly contractors: fibre, water, power). */
export const definition: FormDefinition = {
  id: ID,
  version: 1,
  administration: "samhallsbyggnad",
  offeredBy: "shared",
  caseType: "allmant",
  requiresLogin: true,
  sensitivity: "public",
  titleKey: k.titleKey,
  descriptionKey: k.descriptionKey,
  instructionsKey: k.instructionsKey,
  processingDays: 10,
  steps: [
    {
      ...k.step("sokande"),
      fields: [
        {
          type: "choice",
          ...k.field("applicantType"),
          display: "radio",
          required: true,
          options: k.options("applicantType", ["foretag", "privatperson"]),
        },
        {
          type: "text",
          ...k.field("companyName"),
          required: true,
          maxLength: 150,
          autocomplete: "organization",
          showIf: { field: "applicantType", equals: "foretag" },
        },
        {
          type: "organisationsnummer",
          ...k.field("organisationsnummer", { hint: true }),
          required: true,
          showIf: { field: "applicantType", equals: "foretag" },
        },
        { type: "text", ...k.field("contactName"), required: true, maxLength: 100, autocomplete: "name" },
        { type: "phone", ...k.field("contactPhone"), required: true, autocomplete: "tel" },
        { type: "email", ...k.field("contactEmail"), required: true, autocomplete: "email" },
        {
          type: "text",
          ...k.field("invoiceReference", { hint: true }),
          required: false,
          maxLength: 50,
          showIf: { field: "applicantType", equals: "foretag" },
        },
      ],
    },
    {
      ...k.step("arbete"),
      fields: [
        { type: "address", ...k.field("workAddress", { hint: true }), required: true },
        { type: "textarea", ...k.field("workDescription", { hint: true }), required: true, maxLength: 3000 },
        {
          type: "multichoice",
          ...k.field("surfaces"),
          required: true,
          options: k.options("surfaces", ["kormbana", "gang-cykelbana", "parkering", "gronyta", "annat"]),
        },
        { type: "date", ...k.field("startDate"), required: true, min: { daysFromToday: 0 } },
        { type: "date", ...k.field("endDate", { hint: true }), required: true, min: { field: "startDate" } },
        { type: "yesno", ...k.field("affectsTraffic", { hint: true }), required: true },
      ],
    },
    {
      ...k.step("handlingar"),
      fields: [
        {
          type: "file",
          ...k.field("trafficPlan", { hint: true }),
          required: true,
          maxFiles: 3,
          maxBytes: 20 * MB,
          accept: ["application/pdf"],
          showIf: { field: "affectsTraffic", equals: true },
        },
        {
          type: "file",
          ...k.field("workMap", { hint: true }),
          required: true,
          maxFiles: 5,
          maxBytes: 20 * MB,
          accept: DOCUMENT_TYPES,
        },
        { type: "yesno", ...k.field("cableCheckDone", { hint: true }), required: true },
      ],
    },
  ],
};

export const example: FormValues = {
  applicantType: "foretag",
  companyName: "Dalsland Fiber AB",
  organisationsnummer: "556677-1233",
  contactName: "Johan Ek",
  contactPhone: "070-987 65 43",
  contactEmail: "johan.ek@example.se",
  invoiceReference: "Projekt 2231",
  workAddress: { street: "Storgatan 20", postalCode: "662 30", town: "Åmål" },
  workDescription: "Schakt i gångbana för fiberanslutning av fem fastigheter, cirka 40 meter.",
  surfaces: ["gang-cykelbana", "gronyta"],
  startDate: daysFromNow(20),
  endDate: daysFromNow(34),
  affectsTraffic: true,
  trafficPlan: [exampleFile("ta-plan.pdf")],
  workMap: [exampleFile("schaktkarta.pdf")],
  cableCheckDone: true,
};
