import type { FormDefinition, FormValues } from "../types";
import { IMAGE_TYPES, MB, exampleFile, keysFor } from "./helpers";

const ID = "felanmalan-gata-park";
const k = keysFor(ID);

/** Report a fault in streets, parks, lighting or playgrounds. Anonymous reports are welcome. */
export const definition: FormDefinition = {
  id: ID,
  version: 1,
  administration: "samhallsbyggnad",
  offeredBy: "shared",
  caseType: "allmant",
  requiresLogin: false,
  sensitivity: "public",
  titleKey: k.titleKey,
  descriptionKey: k.descriptionKey,
  instructionsKey: k.instructionsKey,
  processingDays: 14,
  steps: [
    {
      ...k.step("fel"),
      fields: [
        {
          type: "choice",
          ...k.field("category"),
          display: "radio",
          required: true,
          options: k.options(
            "category",
            [
              "gatubelysning",
              "hal-i-vagen",
              "snorojning-halka",
              "trafikskylt",
              "klotter",
              "nedskrapning",
              "lekplats",
              "park-gronomrade",
              "annat",
            ],
            ["snorojning-halka"],
          ),
        },
        { type: "textarea", ...k.field("description", { hint: true }), required: true, maxLength: 2000, rows: 5 },
      ],
    },
    {
      ...k.step("plats"),
      fields: [
        { type: "text", ...k.field("location", { hint: true }), required: true, maxLength: 200, autocomplete: "off" },
        {
          type: "textarea",
          ...k.field("locationDescription", { hint: true }),
          required: false,
          maxLength: 1000,
          rows: 3,
        },
        {
          type: "file",
          ...k.field("photos", { hint: true }),
          required: false,
          maxFiles: 3,
          maxBytes: 10 * MB,
          accept: IMAGE_TYPES,
        },
      ],
    },
    {
      ...k.step("kontakt"),
      fields: [
        { type: "yesno", ...k.field("wantsFeedback", { hint: true }), required: true },
        {
          type: "text",
          ...k.field("name"),
          required: false,
          maxLength: 100,
          autocomplete: "name",
          showIf: { field: "wantsFeedback", equals: true },
        },
        {
          type: "email",
          ...k.field("email", { hint: true }),
          required: true,
          autocomplete: "email",
          showIf: { field: "wantsFeedback", equals: true },
        },
        {
          type: "phone",
          ...k.field("phone"),
          required: false,
          autocomplete: "tel",
          showIf: { field: "wantsFeedback", equals: true },
        },
      ],
    },
  ],
};

export const example: FormValues = {
  category: "gatubelysning",
  description: "Gatlampan utanför busshållplatsen är släckt sedan en vecka. Det är mycket mörkt på kvällarna.",
  location: "Storgatan 12, vid busshållplatsen Torget",
  locationDescription: "Lyktstolpen närmast övergångsstället.",
  photos: [exampleFile("lyktstolpe.jpg", "image/jpeg", 1_800_000)],
  wantsFeedback: true,
  name: "Karin Lund",
  email: "karin.lund@example.se",
};
