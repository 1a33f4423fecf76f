import type { FormDefinition, FormValues } from "../types";
import { MB, exampleFile, keysFor } from "./helpers";

const ID = "bygglov-ansokan";
const k = keysFor(ID);

const DRAWING_TYPES = ["application/pdf"];
const drawing = { maxFiles: 5, maxBytes: 25 * MB, accept: DRAWING_TYPES };

/**
 * Building, demolition or site permit (Plan- och bygglagen 9 kap.). A first version; the
 * personal e-service adds the permit-specific parts later.
 */
export const definition: FormDefinition = {
  id: ID,
  version: 1,
  administration: "samhallsbyggnad",
  offeredBy: "shared",
  caseType: "bygglov",
  requiresLogin: true,
  sensitivity: "personal",
  titleKey: k.titleKey,
  descriptionKey: k.descriptionKey,
  instructionsKey: k.instructionsKey,
  // A decision within ten weeks of a complete application (PBL 9 kap. 27 §).
  processingDays: 70,
  eservice: "/bygglov/ansok",
  steps: [
    {
      ...k.step("sokande"),
      fields: [
        {
          type: "choice",
          ...k.field("applicantType"),
          display: "radio",
          required: true,
          options: k.options("applicantType", ["privatperson", "foretag"]),
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
          ...k.field("organisationsnummer"),
          required: true,
          showIf: { field: "applicantType", equals: "foretag" },
        },
        { type: "phone", ...k.field("phone"), required: true, autocomplete: "tel" },
        { type: "email", ...k.field("email"), required: true, autocomplete: "email" },
        { type: "address", ...k.field("invoiceAddress", { hint: true }), required: true },
      ],
    },
    {
      ...k.step("fastighet"),
      fields: [
        { type: "fastighetsbeteckning", ...k.field("fastighetsbeteckning", { hint: true }), required: true },
        { type: "address", ...k.field("propertyAddress"), required: false },
        { type: "yesno", ...k.field("isOwner"), required: true },
        {
          type: "file",
          ...k.field("ownerConsent", { hint: true }),
          required: true,
          maxFiles: 2,
          maxBytes: 10 * MB,
          accept: ["application/pdf", "image/jpeg", "image/png"],
          showIf: { field: "isOwner", equals: false },
        },
      ],
    },
    {
      ...k.step("atgard"),
      fields: [
        {
          type: "choice",
          ...k.field("measureType"),
          display: "select",
          required: true,
          options: k.options(
            "measureType",
            [
              "nybyggnad",
              "tillbyggnad",
              "andrad-anvandning",
              "fasadandring",
              "rivning",
              "marklov",
              "skylt",
              "attefall",
            ],
            ["andrad-anvandning", "attefall"],
          ),
        },
        {
          type: "choice",
          ...k.field("buildingType"),
          display: "select",
          required: true,
          options: k.options("buildingType", [
            "enbostadshus",
            "fritidshus",
            "garage-carport",
            "komplementbyggnad",
            "flerbostadshus",
            "verksamhetslokal",
            "annat",
          ]),
          showIf: { field: "measureType", equals: ["nybyggnad", "tillbyggnad", "andrad-anvandning", "attefall"] },
        },
        {
          type: "number",
          ...k.field("buildingArea", { hint: true }),
          required: true,
          min: 1,
          max: 100000,
          decimals: 1,
          unitKey: "forms.units.squareMetres",
          showIf: { field: "measureType", equals: ["nybyggnad", "tillbyggnad", "attefall"] },
        },
        { type: "textarea", ...k.field("description", { hint: true }), required: true, maxLength: 4000, rows: 6 },
        { type: "yesno", ...k.field("needsKontrollansvarig", { hint: true }), required: true },
        {
          type: "text",
          ...k.field("kaName"),
          required: true,
          maxLength: 100,
          showIf: { field: "needsKontrollansvarig", equals: true },
        },
        {
          type: "text",
          ...k.field("kaCertificateNumber", { hint: true }),
          required: true,
          maxLength: 30,
          showIf: { field: "needsKontrollansvarig", equals: true },
        },
        {
          type: "choice",
          ...k.field("kaLevel"),
          display: "radio",
          required: true,
          options: k.options("kaLevel", ["normal", "komplicerad"]),
          showIf: { field: "needsKontrollansvarig", equals: true },
        },
        {
          type: "email",
          ...k.field("kaEmail"),
          required: true,
          showIf: { field: "needsKontrollansvarig", equals: true },
        },
        {
          type: "phone",
          ...k.field("kaPhone"),
          required: false,
          showIf: { field: "needsKontrollansvarig", equals: true },
        },
      ],
    },
    {
      ...k.step("ritningar"),
      fields: [
        { type: "file", ...k.field("sitePlan", { hint: true }), required: true, ...drawing },
        {
          type: "file",
          ...k.field("floorPlan", { hint: true }),
          required: true,
          ...drawing,
          showIf: { field: "measureType", equals: ["nybyggnad", "tillbyggnad", "andrad-anvandning", "attefall"] },
        },
        {
          type: "file",
          ...k.field("facadeDrawing", { hint: true }),
          required: true,
          ...drawing,
          showIf: { field: "measureType", equals: ["nybyggnad", "tillbyggnad", "fasadandring", "attefall", "skylt"] },
        },
        { type: "file", ...k.field("sectionDrawing"), required: false, ...drawing },
        { type: "file", ...k.field("otherDocuments", { hint: true }), required: false, ...drawing, maxFiles: 10 },
      ],
    },
  ],
};

export const example: FormValues = {
  applicantType: "privatperson",
  phone: "070-444 55 66",
  email: "ola.svensson@example.se",
  invoiceAddress: { street: "Ängsvägen 9", postalCode: "464 32", town: "Mellerud" },
  fastighetsbeteckning: "Mellerud Ängen 3:7",
  propertyAddress: { street: "Ängsvägen 9", postalCode: "464 32", town: "Mellerud" },
  isOwner: true,
  measureType: "tillbyggnad",
  buildingType: "enbostadshus",
  buildingArea: 24.5,
  description: "Tillbyggnad av bostadshuset med ett uterum mot söder, 24,5 m², i samma material och kulör som huset.",
  needsKontrollansvarig: true,
  kaName: "Birgitta Holm",
  kaCertificateNumber: "SC1234-56",
  kaLevel: "normal",
  kaEmail: "birgitta.holm@example.se",
  sitePlan: [exampleFile("situationsplan.pdf")],
  floorPlan: [exampleFile("planritning.pdf")],
  facadeDrawing: [exampleFile("fasadritningar.pdf")],
};
