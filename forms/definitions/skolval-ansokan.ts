import type { FormDefinition, FormValues } from "../types";
import { daysFromNow, keysFor } from "./helpers";

const ID = "skolval-ansokan";
const k = keysFor(ID);

const SCHOOL_YEARS = ["forskoleklass", "ak1", "ak2", "ak3", "ak4", "ak5", "ak6", "ak7", "ak8", "ak9"];

/**
 * School choice (Skollagen 9 kap. 15 § and 10 kap. 30 §). A first version: the personal
 * e-service will later list the municipality's schools and pre-fill the pupil.
 */
export const definition: FormDefinition = {
  id: ID,
  version: 1,
  administration: "barn-och-utbildning",
  offeredBy: "shared",
  caseType: "skola",
  requiresLogin: true,
  sensitivity: "personal",
  titleKey: k.titleKey,
  descriptionKey: k.descriptionKey,
  instructionsKey: k.instructionsKey,
  processingDays: 30,
  eservice: "/mina-sidor/skola/ansok",
  steps: [
    {
      ...k.step("eleven"),
      fields: [
        { type: "personnummer", ...k.field("pupilPersonnummer"), required: true, sensitive: true },
        { type: "text", ...k.field("pupilName"), required: true, maxLength: 100 },
        { type: "text", ...k.field("currentSchool"), required: false, maxLength: 150 },
        {
          type: "choice",
          ...k.field("schoolYear", { hint: true }),
          display: "select",
          required: true,
          options: k.options("schoolYear", SCHOOL_YEARS),
        },
        { type: "date", ...k.field("startDate"), required: true },
      ],
    },
    {
      ...k.step("skolval"),
      fields: [
        { type: "text", ...k.field("firstChoice", { hint: true }), required: true, maxLength: 150 },
        { type: "text", ...k.field("secondChoice"), required: false, maxLength: 150 },
        {
          type: "choice",
          ...k.field("reason"),
          display: "radio",
          required: true,
          options: k.options("reason", ["narhet", "syskon", "profil", "annat"]),
        },
        {
          type: "text",
          ...k.field("siblingName"),
          required: true,
          maxLength: 100,
          showIf: { field: "reason", equals: "syskon" },
        },
        {
          type: "textarea",
          ...k.field("reasonOther"),
          required: true,
          maxLength: 1000,
          showIf: { field: "reason", equals: "annat" },
        },
        { type: "yesno", ...k.field("needsTransport", { hint: true }), required: true },
        { type: "text", ...k.field("motherTongue", { hint: true }), required: false, maxLength: 60 },
      ],
    },
    {
      ...k.step("vardnadshavare"),
      fields: [
        { type: "phone", ...k.field("guardianPhone"), required: true, autocomplete: "tel" },
        { type: "email", ...k.field("guardianEmail"), required: true, autocomplete: "email" },
        { type: "yesno", ...k.field("soleCustody", { hint: true }), required: true },
        {
          type: "personnummer",
          ...k.field("otherGuardianPersonnummer"),
          required: true,
          sensitive: true,
          showIf: { field: "soleCustody", equals: false },
        },
        {
          type: "email",
          ...k.field("otherGuardianEmail", { hint: true }),
          required: true,
          showIf: { field: "soleCustody", equals: false },
        },
      ],
    },
  ],
};

export const example: FormValues = {
  pupilPersonnummer: "201706209861",
  pupilName: "Leo Karlsson",
  currentSchool: "Rådaskolan",
  schoolYear: "ak4",
  startDate: daysFromNow(200),
  firstChoice: "Nordalsskolan",
  reason: "syskon",
  siblingName: "Alva Karlsson",
  needsTransport: false,
  guardianPhone: "070-333 44 55",
  guardianEmail: "emma.karlsson@example.se",
  soleCustody: false,
  otherGuardianPersonnummer: "198201189852",
  otherGuardianEmail: "daniel.karlsson@example.se",
};
