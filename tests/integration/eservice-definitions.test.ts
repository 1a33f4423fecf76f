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
  checkDocument,
  createEservice,
  DesignerInputError,
  getDraftDocument,
  listEservicesForDesigner,
  listVersions,
  publishDraft,
  saveDraftDocument,
} from "~/services/eservice-definitions.server";
import { getDefinitionDocument, getFormDefinition, listFormsByAdministration } from "~/services/forms.server";

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
});
