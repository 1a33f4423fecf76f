import type { FormDefinition, FormValues } from "../types";
import { DOCUMENT_TYPES, MB, keysFor } from "./helpers";

const ID = "synpunkter-klagomal";
const k = keysFor(ID);

/** Opinions, complaints, praise and ideas about any municipal service. Anonymous allowed. */
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
  processingDays: 21,
  steps: [
    {
      ...k.step("synpunkt"),
      fields: [
        {
          type: "choice",
          ...k.field("kind"),
          display: "radio",
          required: true,
          options: k.options("kind", ["synpunkt", "klagomal", "berom", "forslag"]),
        },
        {
          type: "choice",
          ...k.field("area", { hint: true }),
          display: "select",
          required: true,
          options: k.options("area", [
            "barn-och-utbildning",
            "vard-och-omsorg",
            "bygga-bo-och-miljo",
            "gator-och-trafik",
            "vatten-och-avfall",
            "kultur-och-fritid",
            "annat",
          ]),
        },
        { type: "text", ...k.field("subject"), required: true, maxLength: 150 },
        { type: "textarea", ...k.field("message", { hint: true }), required: true, maxLength: 4000, rows: 8 },
        {
          type: "file",
          ...k.field("attachments", { hint: true }),
          required: false,
          maxFiles: 3,
          maxBytes: 10 * MB,
          accept: DOCUMENT_TYPES,
        },
      ],
    },
    {
      ...k.step("kontakt"),
      fields: [
        { type: "yesno", ...k.field("wantsReply", { hint: true }), required: true },
        {
          type: "choice",
          ...k.field("replyBy"),
          display: "radio",
          required: true,
          options: k.options("replyBy", ["epost", "telefon", "brev"]),
          showIf: { field: "wantsReply", equals: true },
        },
        {
          type: "text",
          ...k.field("name"),
          required: true,
          maxLength: 100,
          autocomplete: "name",
          showIf: { field: "wantsReply", equals: true },
        },
        {
          type: "email",
          ...k.field("email"),
          required: true,
          autocomplete: "email",
          showIf: { field: "replyBy", equals: "epost" },
        },
        {
          type: "phone",
          ...k.field("phone", { hint: true }),
          required: true,
          autocomplete: "tel",
          showIf: { field: "replyBy", equals: "telefon" },
        },
        {
          type: "address",
          ...k.field("postalAddress"),
          required: true,
          autocomplete: "street-address",
          showIf: { field: "replyBy", equals: "brev" },
        },
      ],
    },
  ],
};

export const example: FormValues = {
  kind: "klagomal",
  area: "gator-och-trafik",
  subject: "Gång- och cykelvägen vid skolan plogas för sent",
  message:
    "Under vintern har gång- och cykelvägen längs Skolgatan plogats först efter klockan nio. Barnen går till skolan före åtta.",
  wantsReply: true,
  replyBy: "telefon",
  name: "Ahmed Hassan",
  phone: "0530-123 45",
};
