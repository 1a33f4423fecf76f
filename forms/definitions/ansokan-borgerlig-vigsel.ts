import type { FormDefinition, FormValues } from "../types";
import { daysFromNow, keysFor } from "./helpers";

const ID = "ansokan-borgerlig-vigsel";
const k = keysFor(ID);

/** Booking of a civil wedding with one of the municipality's wedding officiants. */
export const definition: FormDefinition = {
  id: ID,
  version: 1,
  administration: "kommunledning",
  offeredBy: "shared",
  caseType: "allmant",
  requiresLogin: true,
  sensitivity: "personal",
  titleKey: k.titleKey,
  descriptionKey: k.descriptionKey,
  instructionsKey: k.instructionsKey,
  processingDays: 14,
  steps: [
    {
      ...k.step("parterna"),
      fields: [
        {
          type: "personnummer",
          ...k.field("partner1Personnummer"),
          required: true,
          sensitive: true,
          prefill: { from: "profile", key: "personnummer" },
        },
        {
          type: "text",
          ...k.field("partner1Name"),
          required: true,
          maxLength: 100,
          prefill: { from: "profile", key: "name" },
        },
        { type: "personnummer", ...k.field("partner2Personnummer"), required: true, sensitive: true },
        { type: "text", ...k.field("partner2Name"), required: true, maxLength: 100 },
        { type: "email", ...k.field("email"), required: true, autocomplete: "email" },
        { type: "phone", ...k.field("phone"), required: true, autocomplete: "tel" },
        { type: "yesno", ...k.field("hindersprovningDone", { hint: true }), required: true },
      ],
    },
    {
      ...k.step("vigseln"),
      fields: [
        {
          type: "date",
          ...k.field("preferredDate", { hint: true }),
          required: true,
          min: { daysFromToday: 14 },
          max: { daysFromToday: 548 },
        },
        { type: "text", ...k.field("preferredTime", { hint: true }), required: false, maxLength: 50 },
        {
          type: "date",
          ...k.field("alternativeDate"),
          required: false,
          min: { daysFromToday: 14 },
          max: { daysFromToday: 548 },
        },
        {
          type: "choice",
          ...k.field("municipality"),
          display: "select",
          required: true,
          options: [],
          optionList: "municipalities",
        },
        { type: "yesno", ...k.field("ownPlace", { hint: true }), required: true },
        { type: "address", ...k.field("ceremonyAddress"), required: true, showIf: { field: "ownPlace", equals: true } },
        {
          type: "textarea",
          ...k.field("placeDescription", { hint: true }),
          required: false,
          maxLength: 1000,
          showIf: { field: "ownPlace", equals: true },
        },
        {
          type: "choice",
          ...k.field("language"),
          display: "radio",
          required: true,
          options: k.options("language", ["svenska", "engelska"]),
        },
        { type: "number", ...k.field("guests"), required: false, min: 0, max: 500 },
      ],
    },
    {
      ...k.step("vittnen"),
      fields: [
        {
          type: "group",
          ...k.field("witnesses", { hint: true }),
          ...k.group("witnesses"),
          required: false,
          min: 0,
          max: 2,
          fields: [
            { type: "text", ...k.field("witnessName"), required: true, maxLength: 100 },
            { type: "phone", ...k.field("witnessPhone"), required: false },
          ],
        },
        { type: "textarea", ...k.field("otherInformation"), required: false, maxLength: 2000 },
      ],
    },
  ],
};

export const example: FormValues = {
  partner1Personnummer: "198604129828",
  partner1Name: "Sara Lindqvist",
  partner2Personnummer: "198201189852",
  partner2Name: "Mikael Johansson",
  email: "sara.lindqvist@example.se",
  phone: "070-555 12 34",
  hindersprovningDone: true,
  preferredDate: daysFromNow(90),
  preferredTime: "Eftermiddag",
  municipality: "fargelanda",
  ownPlace: true,
  ceremonyAddress: { street: "Sjövägen 3", postalCode: "458 31", town: "Färgelanda" },
  placeDescription: "På bryggan vid sjön bakom huset.",
  language: "svenska",
  guests: 25,
  witnesses: [{ witnessName: "Anna Lindqvist", witnessPhone: "070-111 22 33" }, { witnessName: "Erik Johansson" }],
};
