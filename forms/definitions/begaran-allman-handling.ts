import type { FormDefinition, FormValues } from "../types";
import { keysFor } from "./helpers";

const ID = "begaran-allman-handling";
const k = keysFor(ID);

/**
 * Request to see an official document (offentlighetsprincipen). The person never has to say
 * who they are or why, so nothing about identity is required. The diarium page links here
 * with `?diarienummer=KS 2026/123`, which pre-fills the number.
 */
export const definition: FormDefinition = {
  id: ID,
  version: 1,
  administration: "kommunledning",
  offeredBy: "shared",
  caseType: "allmant",
  requiresLogin: false,
  sensitivity: "public",
  titleKey: k.titleKey,
  descriptionKey: k.descriptionKey,
  instructionsKey: k.instructionsKey,
  // The law says "skyndsamt": normally the same or the next working day.
  processingDays: 2,
  steps: [
    {
      ...k.step("handling"),
      fields: [
        {
          type: "text",
          ...k.field("diarienummer", { hint: true }),
          required: false,
          maxLength: 40,
          prefill: { from: "query", key: "diarienummer" },
        },
        {
          type: "textarea",
          ...k.field("documentDescription", { hint: true }),
          required: true,
          maxLength: 2000,
          rows: 5,
        },
        {
          type: "choice",
          ...k.field("municipality"),
          display: "select",
          required: true,
          options: [],
          optionList: "municipalities",
        },
      ],
    },
    {
      ...k.step("leverans"),
      fields: [
        {
          type: "choice",
          ...k.field("delivery", { hint: true }),
          display: "radio",
          required: true,
          options: k.options("delivery", ["epost", "post", "hamta"], ["post"]),
        },
        {
          type: "email",
          ...k.field("email"),
          required: true,
          autocomplete: "email",
          showIf: { field: "delivery", equals: "epost" },
        },
        {
          type: "text",
          ...k.field("recipientName"),
          required: true,
          maxLength: 100,
          autocomplete: "name",
          showIf: { field: "delivery", equals: "post" },
        },
        {
          type: "address",
          ...k.field("postalAddress"),
          required: true,
          autocomplete: "street-address",
          showIf: { field: "delivery", equals: "post" },
        },
        {
          type: "phone",
          ...k.field("phone", { hint: true }),
          required: false,
          autocomplete: "tel",
          showIf: { field: "delivery", equals: "hamta" },
        },
      ],
    },
  ],
};

export const example: FormValues = {
  diarienummer: "KS 2026/123",
  documentDescription: "Avtalet med entreprenören för vinterväghållning 2026–2027 och tillhörande anbud.",
  municipality: "mellerud",
  delivery: "epost",
  email: "journalist@example.se",
};
