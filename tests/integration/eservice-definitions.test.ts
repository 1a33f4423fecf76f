import Database from "better-sqlite3";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { administration, auditEvent, eserviceDefinition, municipality } from "../../db/schema/index";
import { seed } from "../../db/seed/index";
import { seedEserviceDefinitions } from "../../db/seed/eservices";
import { definitionDocuments } from "../../forms/definitions/index";
import type { DefinitionDocument } from "../../forms/document";
import type { StaffUser } from "~/auth/guards.server";
import type { RoleAssignment } from "~/auth/permissions";
import { db } from "~/db.server";
import { getFixedT } from "~/i18n/i18n.server";
import {
  applyDesignerForm,
  checkDocument,
  createEservice,
  DEFINITIONS_CHECK_MS,
  DesignerInputError,
  diffDocuments,
  getDraftDocument,
  listEservicesForDesigner,
  listVersions,
  publishDraft,
  restoreVersion,
  saveDraftDocument,
  versionChanges,
} from "~/services/eservice-definitions.server";
import {
  getDefinitionDocument,
  getFormDefinition,
  listFormsByAdministration,
  receiptText,
} from "~/services/forms.server";

const mid = (slug: string) =>
  db().select({ id: municipality.id }).from(municipality).where(eq(municipality.slug, slug)).get()!.id;
const aid = (m: string, a: string) =>
  db()
    .select({ id: administration.id })
    .from(administration)
    .where(and(eq(administration.municipalityId, mid(m)), eq(administration.slug, a)))
    .get()!.id;
const staff = (name: string, roles: Array<Omit<RoleAssignment, "area">>): StaffUser =>
  ({
    sessionId: name,
    kind: "staff",
    staffUserId: 999_001,
    name,
    roles: roles.map((r) => ({ ...r, area: null })),
  }) as StaffUser;
const designer = (m: string) =>
  staff(`designer.${m}`, [{ role: "designer", municipalityId: mid(m), administrationId: aid(m, "kommunledning") }]);

const seedDoc = (id: string) => structuredClone(definitionDocuments.find((d) => d.definition.id === id)!);

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error("expected a throw");
}

describe("e-service definitions as versioned rows", () => {
  beforeAll(() => seed(db()));

  it("the seed documents are published rows, and a second seeding leaves an edited row alone", () => {
    const rows = db().select().from(eserviceDefinition).where(eq(eserviceDefinition.status, "published")).all();
    expect(rows.map((r) => r.formId).sort()).toEqual(definitionDocuments.map((d) => d.definition.id).sort());
    const row = rows.find((r) => r.formId === "synpunkter-klagomal")!;
    const edited = JSON.parse(row.document) as DefinitionDocument;
    (edited.texts.sv as Record<string, string>).title = "Synpunkter (ändrad)";
    db()
      .update(eserviceDefinition)
      .set({ document: JSON.stringify(edited) })
      .where(eq(eserviceDefinition.id, row.id))
      .run();
    expect(seedEserviceDefinitions(db())).toBe(0);
    const after = db().select().from(eserviceDefinition).where(eq(eserviceDefinition.id, row.id)).get()!;
    expect(JSON.parse(after.document).texts.sv.title).toBe("Synpunkter (ändrad)");
    expect(
      db().select().from(eserviceDefinition).where(eq(eserviceDefinition.formId, "synpunkter-klagomal")).all(),
    ).toHaveLength(1);
  });

  it("a seed document with a higher version is published as a new version; the old row is retired, not overwritten", () => {
    const formId = "skolval-ansokan";
    const seedVersion = definitionDocuments.find((d) => d.definition.id === formId)!.definition.version;
    expect(seedVersion).toBeGreaterThan(1);
    // A database seeded before the move: only version 1 (the paper form) is there.
    const rows = () =>
      db()
        .select()
        .from(eserviceDefinition)
        .where(eq(eserviceDefinition.formId, formId))
        .all()
        .sort((a, b) => a.version - b.version);
    db().delete(eserviceDefinition).where(eq(eserviceDefinition.formId, formId)).run();
    const now = new Date().toISOString();
    const v1 = { ...seedDoc(formId), definition: { ...seedDoc(formId).definition, version: 1 } };
    db()
      .insert(eserviceDefinition)
      .values({ formId, version: 1, status: "published", document: JSON.stringify(v1), createdAt: now, updatedAt: now })
      .run();
    expect(seedEserviceDefinitions(db())).toBe(1);
    expect(rows().map((r) => [r.version, r.status])).toEqual([
      [1, "retired"],
      [seedVersion, "published"],
    ]);
    expect(JSON.parse(rows()[0]!.document).definition.version).toBe(1);
    // Seeding again changes nothing.
    expect(seedEserviceDefinitions(db())).toBe(0);
    expect(rows()).toHaveLength(2);
  });

  it("a designer copies an e-service, publishes it, and residents get it; v2 does not change a v1 draft's definition", () => {
    const user = designer("mellerud");
    createEservice(user, {
      formId: "mellerud-test-tjanst",
      administrationId: aid("mellerud", "kommunledning"),
      document: seedDoc("felanmalan-gata-park"),
    });
    expect(getFormDefinition("mellerud-test-tjanst")).toBeUndefined(); // a draft is not served
    expect(publishDraft(user, "mellerud-test-tjanst")).toEqual({ version: 1 });
    const v1 = getFormDefinition("mellerud-test-tjanst")!;
    expect(v1.version).toBe(1);
    expect(v1.offeredBy).toEqual(["mellerud"]);
    expect(v1.titleKey).toBe("forms.mellerud-test-tjanst.title");
    // Its texts reach the server's translations, and Mellerud's list of forms offers it; Åmål's does not.
    const svTitle = (getDefinitionDocument("mellerud-test-tjanst")!.texts.sv as Record<string, string>).title;
    expect(getFixedT("sv", "forms")("mellerud-test-tjanst.title")).toBe(svTitle);
    const ids = (slug: string) => listFormsByAdministration("sv", slug).flatMap((g) => g.forms.map((f) => f.id));
    expect(ids("mellerud")).toContain("mellerud-test-tjanst");
    expect(ids("amal")).not.toContain("mellerud-test-tjanst");

    const draft = getDraftDocument(user, "mellerud-test-tjanst");
    expect(draft.version).toBe(2);
    (draft.document.texts.sv as Record<string, string>).title = "Felanmälan, version 2";
    saveDraftDocument(user, "mellerud-test-tjanst", draft.document);
    expect(getFormDefinition("mellerud-test-tjanst")!.version).toBe(1); // still v1 until published
    publishDraft(user, "mellerud-test-tjanst");
    expect(getFormDefinition("mellerud-test-tjanst")!.version).toBe(2);
    expect(getFixedT("sv", "forms")("mellerud-test-tjanst.title")).toBe("Felanmälan, version 2");
    expect(getFormDefinition("mellerud-test-tjanst", 1)!.version).toBe(1);
    expect(getDefinitionDocument("mellerud-test-tjanst", 1)!.texts.sv).toMatchObject({ title: svTitle });
    // The retired version's own texts stay on the server under its pinned text id (decision 086).
    const pinned = getFormDefinition("mellerud-test-tjanst", 1)!;
    expect(pinned.id).toBe("mellerud-test-tjanst");
    expect(pinned.titleKey).toBe("forms.mellerud-test-tjanst--v1.title");
    expect(getFixedT("sv", "forms")(pinned.titleKey.slice("forms.".length))).toBe(svTitle);
    expect(receiptText(getFormDefinition("mellerud-test-tjanst")!, "sv")).toBe("");
    expect(listVersions(user, "mellerud-test-tjanst").map((v) => [v.version, v.status])).toEqual([
      [2, "published"],
      [1, "retired"],
    ]);
    const actions = db()
      .select({ action: auditEvent.action })
      .from(auditEvent)
      .where(eq(auditEvent.subjectId, "mellerud-test-tjanst"))
      .all()
      .map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["eservice.created", "eservice.published", "eservice.draft_saved"]));
  });

  it("a designer in Åmål cannot change Mellerud's e-service (403, audited) and sees it as not editable", () => {
    const amal = designer("amal");
    const refused = thrown(() => getDraftDocument(amal, "mellerud-test-tjanst"));
    expect(refused).toBeInstanceOf(Response);
    expect((refused as Response).status).toBe(403);
    expect((thrown(() => publishDraft(amal, "mellerud-test-tjanst")) as Response).status).toBe(403);
    const rows = db()
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.subjectId, "mellerud-test-tjanst"), eq(auditEvent.action, "eservice.design.refused")))
      .all();
    expect(rows.length).toBeGreaterThanOrEqual(2);
    const item = listEservicesForDesigner(amal, "sv").find((e) => e.formId === "mellerud-test-tjanst")!;
    expect(item.editable).toBe(false);
    // A shared seed e-service belongs to portal-wide editors, not to a municipality's designer.
    expect((thrown(() => getDraftDocument(amal, "felanmalan-gata-park")) as Response).status).toBe(403);
    // An Åmål designer may not create into Mellerud's administration.
    const e = thrown(() =>
      createEservice(amal, {
        formId: "amal-i-mellerud",
        administrationId: aid("mellerud", "kommunledning"),
        document: seedDoc("felanmalan-gata-park"),
      }),
    );
    expect((e as DesignerInputError).errors).toHaveProperty("administrationId");
  });

  it("an imported document is checked with field-level messages: shape, meaning and both languages", () => {
    expect(checkDocument(seedDoc("anmalan-varmepump")).ok).toBe(true);
    const noSchema = checkDocument({ hello: 1 });
    expect(noSchema.ok).toBe(false);
    const shape = seedDoc("anmalan-varmepump") as unknown as {
      definition: { steps: Array<{ fields: Array<{ type: string }> }> };
    };
    shape.definition.steps[0]!.fields[0]!.type = "nonsense";
    const badShape = checkDocument(shape);
    expect(badShape.ok ? {} : badShape.errors).toHaveProperty(["definition.steps.0.fields.0.type"]);
    const noEnglish = seedDoc("anmalan-varmepump");
    delete (noEnglish.texts.en as Record<string, unknown>).title;
    const missing = checkDocument(noEnglish);
    expect(missing.ok ? {} : missing.errors).toHaveProperty(["definition.titleKey.en"]);
    const badCondition = seedDoc("anmalan-varmepump");
    const field = badCondition.definition.steps[0]!.fields[0]!;
    badCondition.definition.steps[0]!.fields[0] = { ...field, showIf: { field: "doesNotExist", equals: "x" } };
    const meaning = checkDocument(badCondition);
    expect(meaning.ok).toBe(false);
    expect(Object.keys(meaning.ok ? {} : meaning.errors).some((k) => k.startsWith("definition"))).toBe(true);
  });

  it("a version's changes read as texts, steps and questions; restore makes the draft a copy of an old version (audited)", () => {
    const user = designer("mellerud");
    const t = getFixedT("sv", "editor");
    // Version 2 renamed the title (the test above); version 1 is the first.
    expect(versionChanges(user, "mellerud-test-tjanst", 1, t)).toEqual({ from: null, changes: [] });
    const v2 = versionChanges(user, "mellerud-test-tjanst", 2, t)!;
    expect(v2.from).toBe(1);
    expect(v2.changes.map((c) => c.label)).toEqual(["Titel (svenska)"]);
    expect(v2.changes[0]!.parts).toContainEqual({ kind: "added", text: expect.stringContaining("version 2") });
    expect(versionChanges(user, "mellerud-test-tjanst", 99, t)).toBeUndefined();

    // A question removed and a choice's text changed show up by name.
    const doc = seedDoc("felanmalan-gata-park");
    const changed = structuredClone(doc);
    changed.definition.steps[0]!.fields.pop();
    const en = changed.texts.en as { fields: Record<string, { options?: Record<string, { label: string }> }> };
    const category = Object.entries(en.fields).find(([, f]) => f.options)!;
    const option = Object.keys(category[1].options!)[0]!;
    category[1].options![option]!.label = "Something else";
    const labels = diffDocuments(doc, changed, t).map((c) => c.label);
    expect(labels).toContain(`Frågan ${category[0]}: valet ${option} (engelska)`);
    expect(labels.some((l) => /^Frågan \w+$/.test(l))).toBe(true);

    expect(restoreVersion(user, "mellerud-test-tjanst", 1)).toEqual({ draftVersion: 3 });
    const draft = getDraftDocument(user, "mellerud-test-tjanst");
    expect(draft.version).toBe(3);
    expect((draft.document.texts.sv as Record<string, string>).title).not.toBe("Felanmälan, version 2");
    expect(getFormDefinition("mellerud-test-tjanst")!.version).toBe(2); // residents still get v2
    const restored = db()
      .select({ details: auditEvent.details })
      .from(auditEvent)
      .where(and(eq(auditEvent.subjectId, "mellerud-test-tjanst"), eq(auditEvent.action, "eservice.restored")))
      .all();
    expect(restored).toHaveLength(1);
    expect((thrown(() => restoreVersion(user, "mellerud-test-tjanst", 3)) as DesignerInputError).errors).toHaveProperty(
      "version",
    );
    expect((thrown(() => restoreVersion(designer("amal"), "mellerud-test-tjanst", 1)) as Response).status).toBe(403);
  });

  it("restoring over a draft with unpublished work asks first and changes nothing until confirmed (decision 114)", () => {
    const user = designer("mellerud");
    const formId = "mellerud-test-tjanst";
    const restoredEvents = () =>
      db()
        .select({ id: auditEvent.id })
        .from(auditEvent)
        .where(and(eq(auditEvent.subjectId, formId), eq(auditEvent.action, "eservice.restored")))
        .all().length;
    const work = structuredClone(getDraftDocument(user, formId).document);
    (work.texts.sv as Record<string, string>).title = "Felanmälan, arbete i utkastet";
    saveDraftDocument(user, formId, work);
    const before = restoredEvents();

    const asked = thrown(() => restoreVersion(user, formId, 2)) as DesignerInputError;
    expect(asked.errors).toEqual({ confirm: "draftChanged" });
    expect((getDraftDocument(user, formId).document.texts.sv as Record<string, string>).title).toBe(
      "Felanmälan, arbete i utkastet",
    );
    expect(restoredEvents()).toBe(before);

    expect(restoreVersion(user, formId, 2, true)).toEqual({ draftVersion: 3 });
    expect((getDraftDocument(user, formId).document.texts.sv as Record<string, string>).title).toBe(
      "Felanmälan, version 2",
    );
    expect(restoredEvents()).toBe(before + 1);
    // Nothing to lose now (the draft is an untouched copy of the newest version): no question.
    expect(restoreVersion(user, formId, 1)).toEqual({ draftVersion: 3 });
  });

  it("choices and handling are edited in forms without JavaScript, with field-level errors", () => {
    const user = designer("mellerud");
    const form = (entries: Record<string, string>) => {
      const f = new FormData();
      for (const [k, v] of Object.entries(entries)) f.set(k, v);
      return f;
    };
    const formId = "mellerud-test-tjanst";
    const step = getDraftDocument(user, formId).document.definition.steps[0]!.id;
    const add = {
      intent: "add-field",
      "f-step": step,
      "f-fieldName": "bankDel",
      "f-fieldType": "choice",
      "f-fieldLabelSv": "Vilken del?",
      "f-fieldLabelEn": "Which part?",
      "f-choicesSv": "Sitsen\nRyggen",
      "f-choicesEn": "The seat",
    };
    expect(applyDesignerForm(user, formId, form(add))).toEqual({ choicesEn: "choicesCount" });
    expect(applyDesignerForm(user, formId, form({ ...add, "f-choicesEn": "The seat\nThe back" }))).toBeNull();
    const field = () =>
      getDraftDocument(user, formId).document.definition.steps[0]!.fields.find((f) => f.name === "bankDel") as {
        options: Array<{ value: string }>;
        display: string;
      };
    expect(field().options.map((o) => o.value)).toEqual(["sitsen", "ryggen"]);
    expect(field().display).toBe("radio");

    const texts = {
      "c-bankDel-opt-0-Sv": "Sitsen",
      "c-bankDel-opt-0-En": "The seat",
      "c-bankDel-opt-1-Sv": "Ryggen",
      "c-bankDel-opt-1-En": "The backrest",
    };
    const added = { ...texts, "c-bankDel-new-Sv": "Benen på bänken", "c-bankDel-new-En": "The legs" };
    expect(applyDesignerForm(user, formId, form({ intent: "options:bankDel:add", ...added }))).toBeNull();
    expect(field().options.map((o) => o.value)).toEqual(["sitsen", "ryggen", "benen-pa-banken"]);
    const en = () => getDraftDocument(user, formId).document.texts.en as { fields: Record<string, unknown> };
    expect(en().fields.bankDel).toMatchObject({ options: { ryggen: { label: "The backrest" } } });
    const three = { ...texts, "c-bankDel-opt-2-Sv": "Benen", "c-bankDel-opt-2-En": "The legs" };
    expect(applyDesignerForm(user, formId, form({ intent: "options:bankDel:up:2", ...three }))).toBeNull();
    expect(field().options.map((o) => o.value)).toEqual(["sitsen", "benen-pa-banken", "ryggen"]);
    expect(applyDesignerForm(user, formId, form({ intent: "options:bankDel:remove:0", ...three }))).toBeNull();
    expect(field().options.map((o) => o.value)).toEqual(["benen-pa-banken", "ryggen"]);
    const two = { "c-bankDel-opt-0-Sv": "Benen", "c-bankDel-opt-0-En": "", "c-bankDel-opt-1-Sv": "Ryggen" };
    expect(applyDesignerForm(user, formId, form({ intent: "options:bankDel:remove:0", ...two }))).toMatchObject({
      "c-bankDel-opt-0-En": "required",
      options: "fewOptions",
    });

    // Handling: administration, case area, e-ID, and a diarium subject only from the safe list.
    const handling = {
      intent: "handling",
      administration: "samhallsbyggnad",
      caseType: "allmant",
      diarium: "subject",
      diariumAnswers: "bankDel",
      diariumTemplateSv: "Trasig bänk: {{bankDel}}",
      diariumTemplateEn: "Broken bench: {{other}}",
    };
    expect(applyDesignerForm(user, formId, form(handling))).toEqual({ diariumTemplateEn: "diariumTemplate" });
    expect(applyDesignerForm(user, formId, form({ ...handling, diariumAnswers: "nope" }))).toHaveProperty(
      "diariumAnswers",
    );
    const ok = { ...handling, diariumTemplateEn: "Broken bench: {{bankDel}}" };
    // The felanmälan copy is public, so a subject is allowed.
    expect(applyDesignerForm(user, formId, form(ok))).toBeNull();
    const def = getDraftDocument(user, formId).document.definition;
    expect(def.administration).toBe("samhallsbyggnad");
    expect(def.diarium).toEqual({ subject: { template: `forms.${formId}.diarium.subject`, answers: ["bankDel"] } });
    // e-ID and a subject cannot go together: the checker says so, nothing is saved.
    const eid = applyDesignerForm(user, formId, form({ ...ok, requiresEid: "on" }));
    expect(eid).toHaveProperty(["definition.diarium"]);
    expect(getDraftDocument(user, formId).document.definition.requiresEid).toBeUndefined();
    expect(applyDesignerForm(user, formId, form({ ...ok, caseType: "nope", diarium: "masked" }))).toEqual({
      caseType: "caseType",
    });
  });

  it("who offers it is a form: Mellerud's e-service in samverkan, never shared by a municipality (decision 114)", () => {
    const user = designer("mellerud");
    const formId = "mellerud-test-tjanst";
    const handling = (offering: string, ticked: string[], extra: Record<string, string> = {}) => {
      const f = new FormData();
      const entries = { intent: "handling", administration: "samhallsbyggnad", caseType: "allmant", diarium: "masked" };
      for (const [k, v] of Object.entries({ ...entries, ...extra, offering })) f.set(k, v);
      for (const slug of ticked) f.append("offeredBy", slug);
      return f;
    };
    const offeredBy = () => getDraftDocument(user, formId).document.definition.offeredBy;
    const saves = () =>
      db()
        .select({ id: auditEvent.id })
        .from(auditEvent)
        .where(and(eq(auditEvent.subjectId, formId), eq(auditEvent.action, "eservice.draft_saved")))
        .all().length;
    expect(offeredBy()).toEqual(["mellerud"]);
    const before = saves();
    expect(applyDesignerForm(user, formId, handling("list", ["mellerud", "amal", "dals-ed"]))).toBeNull();
    expect(offeredBy()).toEqual(["amal", "dals-ed", "mellerud"].sort());
    expect(saves()).toBe(before + 1); // audited like every designer change
    // Field-level refusals; nothing saved.
    expect(applyDesignerForm(user, formId, handling("list", ["amal"]))).toEqual({ offeredBy: "offeredByOwner" });
    expect(applyDesignerForm(user, formId, handling("list", []))).toEqual({ offeredBy: "offeredBy" });
    expect(applyDesignerForm(user, formId, handling("list", ["mellerud", "oslo"]))).toEqual({ offeredBy: "offeredBy" });
    expect(applyDesignerForm(user, formId, handling("shared", []))).toEqual({ offering: "offeringShared" });
    expect(offeredBy()).toEqual(["amal", "dals-ed", "mellerud"].sort());
    // The JSON area still cannot change who offers it; a handling post without the fieldset leaves it.
    const doc = structuredClone(getDraftDocument(user, formId).document);
    doc.definition.offeredBy = "shared";
    saveDraftDocument(user, formId, doc);
    expect(offeredBy()).toEqual(["amal", "dals-ed", "mellerud"].sort());
    // Samverkan shows in the diff of versions.
    const t = getFixedT("sv", "editor");
    const published = getFormDefinition(formId)!;
    expect(
      diffDocuments(getDefinitionDocument(formId)!, getDraftDocument(user, formId).document, t).map((c) => c.key),
    ).toContain("settings.offeredBy");
    expect(published.offeredBy).toEqual(["mellerud"]); // residents keep the published version
  });

  it("a group's questions have their conditions and choices edited in forms, not only in JSON (decision 123)", () => {
    const user = designer("mellerud");
    const formId = "mellerud-test-tjanst";
    const form = (entries: Record<string, string>) => {
      const f = new FormData();
      for (const [k, v] of Object.entries(entries)) f.set(k, v);
      return f;
    };
    const step = getDraftDocument(user, formId).document.definition.steps[0]!.id;
    const addGroup = {
      intent: "add-field",
      "f-step": step,
      "f-fieldName": "resenarer",
      "f-fieldType": "group",
      "f-fieldLabelSv": "Resenärer",
      "f-fieldLabelEn": "Travellers",
      "f-groupMax": "3",
    };
    expect(applyDesignerForm(user, formId, form(addGroup))).toBeNull();
    const texts = {
      "g-resenarer-min": "0",
      "g-resenarer-max": "3",
      "g-resenarer-itemSv": "Resenär {{number}}",
      "g-resenarer-itemEn": "Traveller {{number}}",
      "g-resenarer-addSv": "Lägg till en resenär",
      "g-resenarer-addEn": "Add a traveller",
      "g-resenarer-q-0-Sv": "Namn",
      "g-resenarer-q-0-En": "Name",
    };
    const choice = {
      "g-resenarer-fieldName": "resenarTyp",
      "g-resenarer-fieldType": "choice",
      "g-resenarer-fieldLabelSv": "Typ av resenär",
      "g-resenarer-fieldLabelEn": "Kind of traveller",
      "g-resenarer-choicesSv": "Vuxen\nBarn",
      "g-resenarer-choicesEn": "Adult\nChild",
    };
    expect(applyDesignerForm(user, formId, form({ intent: "group:resenarer:add", ...texts, ...choice }))).toBeNull();
    const two = { ...texts, "g-resenarer-q-1-Sv": "Typ av resenär", "g-resenarer-q-1-En": "Kind of traveller" };
    // The choice question first, so the name question can depend on it.
    expect(applyDesignerForm(user, formId, form({ intent: "group:resenarer:up:1", ...two }))).toBeNull();
    type Child = { name: string; options?: Array<{ value: string }>; showIf?: unknown };
    const children = () =>
      (
        getDraftDocument(user, formId).document.definition.steps[0]!.fields.find((f) => f.name === "resenarer") as {
          fields: Child[];
        }
      ).fields;
    expect(children().map((f) => f.name)).toEqual(["resenarTyp", "resenarerText"]);

    // Choices of a question inside a group: the same form as a top-level question's.
    const choiceTexts = {
      "c-resenarTyp-opt-0-Sv": "Vuxen",
      "c-resenarTyp-opt-0-En": "Adult",
      "c-resenarTyp-opt-1-Sv": "Barn",
      "c-resenarTyp-opt-1-En": "Child",
    };
    expect(
      applyDesignerForm(
        user,
        formId,
        form({
          intent: "options:resenarTyp:add",
          ...choiceTexts,
          "c-resenarTyp-new-Sv": "Pensionär",
          "c-resenarTyp-new-En": "Pensioner",
        }),
      ),
    ).toBeNull();
    expect(children()[0]!.options?.map((o) => o.value)).toEqual(["vuxen", "barn", "pensionar"]);
    const sv = getDraftDocument(user, formId).document.texts.sv as {
      fields: Record<string, { options?: Record<string, { label: string }> }>;
    };
    expect(sv.fields.resenarTyp!.options!.pensionar!.label).toBe("Pensionär");

    // Conditions: set (several answers, comma-separated), then taken away by leaving the question empty.
    const swapped = {
      ...texts,
      "g-resenarer-q-0-Sv": "Typ av resenär",
      "g-resenarer-q-0-En": "Kind of traveller",
      "g-resenarer-q-1-Sv": "Namn",
      "g-resenarer-q-1-En": "Name",
    };
    const when = { "g-resenarer-q-1-showIfField": "resenarTyp", "g-resenarer-q-1-showIfEquals": "vuxen, pensionar" };
    expect(applyDesignerForm(user, formId, form({ intent: "group:resenarer:save", ...swapped, ...when }))).toBeNull();
    expect(children()[1]!.showIf).toEqual({ field: "resenarTyp", equals: ["vuxen", "pensionar"] });
    // A condition on a question that does not exist is refused by the checker, and nothing changes.
    expect(
      applyDesignerForm(
        user,
        formId,
        form({ intent: "group:resenarer:save", ...swapped, ...when, "g-resenarer-q-1-showIfField": "finnsInte" }),
      ),
    ).not.toBeNull();
    expect(children()[1]!.showIf).toEqual({ field: "resenarTyp", equals: ["vuxen", "pensionar"] });
    expect(applyDesignerForm(user, formId, form({ intent: "group:resenarer:save", ...swapped }))).toBeNull();
    expect(children()[1]!.showIf).toBeUndefined();
  });

  it("question groups are forms: add a group, its questions added, moved, removed, limits checked (decision 114)", () => {
    const user = designer("mellerud");
    const formId = "mellerud-test-tjanst";
    const form = (entries: Record<string, string>) => {
      const f = new FormData();
      for (const [k, v] of Object.entries(entries)) f.set(k, v);
      return f;
    };
    const step = getDraftDocument(user, formId).document.definition.steps[0]!.id;
    const add = {
      intent: "add-field",
      "f-step": step,
      "f-fieldName": "vittnen",
      "f-fieldType": "group",
      "f-fieldLabelSv": "Vittnen",
      "f-fieldLabelEn": "Witnesses",
      "f-groupMax": "60",
    };
    expect(applyDesignerForm(user, formId, form(add))).toEqual({ groupMax: "groupMax" });
    expect(applyDesignerForm(user, formId, form({ ...add, "f-groupMax": "2" }))).toBeNull();
    const group = () =>
      getDraftDocument(user, formId).document.definition.steps[0]!.fields.find((f) => f.name === "vittnen") as {
        type: string;
        min: number;
        max: number;
        fields: Array<{ name: string; type: string; required: boolean }>;
      };
    expect(group()).toMatchObject({ type: "group", min: 0, max: 2, fields: [{ name: "vittnenText", type: "text" }] });
    const sv = () =>
      getDraftDocument(user, formId).document.texts.sv as { fields: Record<string, Record<string, string>> };
    expect(sv().fields.vittnen).toMatchObject({ item: "Vittnen {{number}}", add: "Lägg till en till" });

    const texts = {
      "g-vittnen-min": "0",
      "g-vittnen-max": "2",
      "g-vittnen-itemSv": "Vittne {{number}}",
      "g-vittnen-itemEn": "Witness {{number}}",
      "g-vittnen-addSv": "Lägg till ett vittne",
      "g-vittnen-addEn": "Add a witness",
      "g-vittnen-q-0-Sv": "Vittnets namn",
      "g-vittnen-q-0-En": "The witness's name",
      "g-vittnen-q-0-required": "on",
    };
    const child = {
      "g-vittnen-fieldName": "vittneTelefon",
      "g-vittnen-fieldType": "phone",
      "g-vittnen-fieldLabelSv": "Telefon",
      "g-vittnen-fieldLabelEn": "Phone",
    };
    // No uploads inside a group, and names are unique in the whole form.
    expect(
      applyDesignerForm(
        user,
        formId,
        form({ intent: "group:vittnen:add", ...texts, ...child, "g-vittnen-fieldType": "file" }),
      ),
    ).toEqual({ fieldType: "fieldType" });
    expect(
      applyDesignerForm(
        user,
        formId,
        form({ intent: "group:vittnen:add", ...texts, ...child, "g-vittnen-fieldName": "vittnen" }),
      ),
    ).toEqual({ fieldName: "taken" });
    expect(applyDesignerForm(user, formId, form({ intent: "group:vittnen:add", ...texts, ...child }))).toBeNull();
    expect(group().fields.map((f) => f.name)).toEqual(["vittnenText", "vittneTelefon"]);
    expect(sv().fields.vittnen).toMatchObject({ item: "Vittne {{number}}", add: "Lägg till ett vittne" });
    expect(sv().fields.vittnenText!.label).toBe("Vittnets namn");
    const two = { ...texts, "g-vittnen-q-1-Sv": "Telefon", "g-vittnen-q-1-En": "Phone" };
    expect(applyDesignerForm(user, formId, form({ intent: "group:vittnen:up:1", ...two }))).toBeNull();
    expect(group().fields.map((f) => f.name)).toEqual(["vittneTelefon", "vittnenText"]);
    expect(group().fields.map((f) => f.required)).toEqual([false, true]); // "required" travels with the question
    expect(applyDesignerForm(user, formId, form({ intent: "group:vittnen:remove:0", ...two }))).toBeNull();
    expect(group().fields.map((f) => f.name)).toEqual(["vittnenText"]);
    // Field-level errors: the last question stays, limits in range, texts in both languages.
    expect(
      applyDesignerForm(
        user,
        formId,
        form({ intent: "group:vittnen:remove:0", ...texts, "g-vittnen-min": "3", "g-vittnen-addEn": "" }),
      ),
    ).toEqual({
      "g-vittnen-questions": "groupLastQuestion",
      "g-vittnen-min": "groupMin",
      "g-vittnen-addEn": "required",
    });
    expect(group().fields).toHaveLength(1);
    // The versions' diff names a group's questions.
    const lines = diffDocuments(
      getDefinitionDocument(formId)!,
      getDraftDocument(user, formId).document,
      getFixedT("sv", "editor"),
    );
    expect(lines.map((c) => c.key)).toEqual(
      expect.arrayContaining(["field.vittnen", "field.vittnenText", "field.vittnen.item.sv"]),
    );
  });
});

describe("another instance's publication (decision 175)", () => {
  beforeAll(() => seed(db()));

  it("is served by this process within DEFINITIONS_CHECK_MS: a new e-service and a new version of one, with their texts", async () => {
    const formId = "felanmalan-gata-park";
    const before = getFormDefinition(formId)!; // the cache is warm
    expect(getFormDefinition("annan-instans-tjanst")).toBeUndefined();
    // The other instance, on its own connection to the file, publishes as publishDraft does.
    const other = new Database(db().$client.name);
    try {
      other.pragma("busy_timeout = 5000");
      other
        .transaction(() => {
          const row = other
            .prepare(
              "select document, municipality_id, administration_id from eservice_definition where form_id = ? and status = 'published'",
            )
            .get(formId) as { document: string; municipality_id: number | null; administration_id: number | null };
          const document = JSON.parse(row.document) as DefinitionDocument;
          other
            .prepare("update eservice_definition set status = 'retired' where form_id = ? and status = 'published'")
            .run(formId);
          const v2 = structuredClone(document);
          v2.definition.version = before.version + 1;
          (v2.texts.sv as Record<string, string>).title = "Felanmälan från den andra instansen";
          const fresh = structuredClone(document);
          fresh.definition.id = "annan-instans-tjanst";
          const insert = other.prepare(
            "insert into eservice_definition (form_id, version, status, document, municipality_id, administration_id, published_at) values (?, ?, 'published', ?, ?, ?, ?)",
          );
          const at = new Date().toISOString();
          insert.run(formId, before.version + 1, JSON.stringify(v2), row.municipality_id, row.administration_id, at);
          insert.run("annan-instans-tjanst", 1, JSON.stringify(fresh), row.municipality_id, row.administration_id, at);
        })
        .immediate();
    } finally {
      other.close();
    }
    // Once the check interval has passed, what the other instance published.
    await new Promise((resolve) => setTimeout(resolve, DEFINITIONS_CHECK_MS + 50));
    expect(getFormDefinition(formId)!.version).toBe(before.version + 1);
    expect(getFixedT("sv", "forms")(`${formId}.title`)).toBe("Felanmälan från den andra instansen");
    expect(getFormDefinition("annan-instans-tjanst")!.version).toBe(1);
    // The version a draft started on is still served, with its own texts (decision 086).
    expect(getFormDefinition(formId, before.version)!.version).toBe(before.version);
  });
});
