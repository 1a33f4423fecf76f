/**
 * The engine asks the property register as a designation's step is saved (decision 104): the
 * bygglov definition's `lookup: "property"` on `fastighetsbeteckning` refuses a designation the
 * bygglov pages refuse, with their message in the person's language (400, the answers kept), and
 * fills address and owners from the register when they are empty or the designation changed.
 * Real database, the Lantmäteriet stand-in over HTTP.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ResidentUser } from "~/auth/guards.server";
import { prepareDatabase } from "~/db.server";
import { getFixedT } from "~/i18n/i18n.server";
import { getWorkingDraft, deleteWorkingDraft } from "~/services/drafts.server";
import { personOwnerKey } from "~/services/eservice-session.server";
import { getFormDefinition, postStep, type StepContext } from "~/services/forms.server";
import type { FormDefinition } from "../../forms/types";
import { createLantmaterietStandIn, lantmaterietStandIn, TRIGGERS } from "../stand-ins/lantmateriet";
import { viewerFor } from "./people-helper";

const ERIK = "198203249274"; // owns Bengtsfors Sågen 1:23 and 1:24 (with Sara)
let server: Server;
let erik: ResidentUser;
let def: FormDefinition;

beforeAll(async () => {
  server = createServer(createLantmaterietStandIn().listener);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  Object.assign(process.env, lantmaterietStandIn.env(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
  prepareDatabase();
  const { personId } = viewerFor(ERIK, "Erik Lindqvist");
  erik = {
    kind: "resident",
    personId,
    name: "Erik Lindqvist",
    acting: { kind: "self" },
    roles: [],
    sessionId: "s",
  } as unknown as ResidentUser;
  def = getFormDefinition("bygglov-ansokan")!;
}, 120_000);
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

function ctx(lang: "sv" | "en" = "sv"): StepContext {
  return {
    def,
    stepId: "fastighet",
    ownerKey: personOwnerKey(erik.personId),
    personId: erik.personId,
    chosenMunicipality: null,
    lang,
    user: erik,
  };
}

function post(fields: Record<string, string>, lang: "sv" | "en" = "sv") {
  const form = new FormData();
  form.set("_action", "continue");
  form.set("isOwner", "yes");
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return postStep(ctx(lang), form);
}

const draft = () => getWorkingDraft({ ownerKey: ctx().ownerKey, formId: def.id, personId: erik.personId });
const permits = (lang: "sv" | "en") => getFixedT(lang, "permits");

describe("the engine's property look-up while filling", () => {
  it("is on the designation of the bygglov definition, filling address and owners", () => {
    const field = def.steps[0]!.fields.find((f) => f.name === "fastighetsbeteckning");
    expect(field).toMatchObject({ lookup: "property", fills: ["propertyAddress", "propertyOwner"] });
  });

  it("refuses a designation the register does not know, in the person's language, and keeps it", async () => {
    deleteWorkingDraft({ ownerKey: ctx().ownerKey, formId: def.id, personId: erik.personId });
    const sv = await post({ fastighetsbeteckning: "Bengtsfors Finnsinte 9:99" });
    expect(sv).toMatchObject({ status: 400 });
    if (!("view" in sv)) throw new Error("expected the step again");
    expect(sv.view.errors.fastighetsbeteckning).toEqual({
      key: "forms.errors.lookupRefused",
      params: { message: permits("sv")("errors.propertyUnknown") },
    });
    const en = await post({ fastighetsbeteckning: "Bengtsfors Finnsinte 9:99" }, "en");
    if (!("view" in en)) throw new Error("expected the step again");
    expect(en.view.errors.fastighetsbeteckning?.params?.message).toBe(permits("en")("errors.propertyUnknown"));
    expect(en.view.errors.fastighetsbeteckning?.params?.message).not.toBe(permits("sv")("errors.propertyUnknown"));
    // Kept as typed, on this step: the person corrects it here.
    expect(draft()).toMatchObject({
      stepId: "fastighet",
      answers: { fastighetsbeteckning: "Bengtsfors Finnsinte 9:99" },
    });
    expect(draft()?.answers.propertyAddress).toBeUndefined();
  });

  it("refuses a property outside the portal's municipalities with the bygglov pages' message", async () => {
    const r = await post({ fastighetsbeteckning: "Stockholm Norrmalm 3:5" });
    if (!("view" in r)) throw new Error("expected the step again");
    expect(r.status).toBe(400);
    expect(r.view.errors.fastighetsbeteckning?.params?.message).toBe(permits("sv")("errors.propertyOutside"));
  });

  it("says the register does not answer with its own message, 4xx, the answers saved", async () => {
    const r = await post({ fastighetsbeteckning: TRIGGERS.serverError, propertyOwner: "Skrivet själv" });
    if (!("view" in r)) throw new Error("expected the step again");
    expect(r.status).toBe(400);
    expect(r.view.errors.fastighetsbeteckning?.params?.message).toBe(permits("sv")("errors.registerUnavailable"));
    expect(draft()?.answers).toMatchObject({
      fastighetsbeteckning: TRIGGERS.serverError,
      propertyOwner: "Skrivet själv",
    });
  });

  it("fills address and owners from the register and goes on", async () => {
    deleteWorkingDraft({ ownerKey: ctx().ownerKey, formId: def.id, personId: erik.personId });
    const r = await post({ fastighetsbeteckning: "bengtsfors sågen 1:23" });
    expect(r).toEqual({ redirect: "/blanketter/bygglov-ansokan/atgard" });
    expect(draft()?.answers).toMatchObject({
      fastighetsbeteckning: "bengtsfors sågen 1:23",
      propertyAddress: { street: "Sågvägen 12", postalCode: "666 30", town: "Bengtsfors" },
      propertyOwner: "Erik Lindqvist",
    });
  });

  it("keeps what the person wrote while the designation is the same, and refills when it changes", async () => {
    const same = await post({
      fastighetsbeteckning: "bengtsfors sågen 1:23",
      "propertyAddress.street": "Sågvägen 12 A",
      "propertyAddress.postalCode": "66630",
      "propertyAddress.town": "Bengtsfors",
      propertyOwner: "Erik och ingen annan",
    });
    expect(same).toHaveProperty("redirect");
    expect(draft()?.answers).toMatchObject({
      propertyAddress: { street: "Sågvägen 12 A" },
      propertyOwner: "Erik och ingen annan",
    });
    const changed = await post({
      fastighetsbeteckning: "Bengtsfors Sågen 1:24",
      "propertyAddress.street": "Sågvägen 12 A",
      "propertyAddress.postalCode": "66630",
      "propertyAddress.town": "Bengtsfors",
      propertyOwner: "Erik och ingen annan",
    });
    expect(changed).toHaveProperty("redirect");
    const answers = draft()?.answers;
    expect(answers?.propertyAddress).toEqual({ street: "Sågvägen 14", postalCode: "666 30", town: "Bengtsfors" });
    expect(answers?.propertyOwner).toMatch(/Erik Lindqvist/);
    expect(answers?.propertyOwner).toMatch(/Sara/);
  });
});
