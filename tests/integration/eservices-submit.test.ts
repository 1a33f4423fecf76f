import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { administration, auditEvent, caseTable, diariumEntry, municipality } from "../../db/schema/index";
import { testPersons } from "../../db/seed/content/people";
import { formDefinitions, formExamples } from "../../forms/definitions/index";
import { viewerFor } from "./people-helper";
import { withStoredFiles } from "../helpers/stored-files";
import { db, prepareDatabase } from "~/db.server";
import { maskEntry } from "~/services/diarium-rules";
import { saveWorkingDraft } from "~/services/drafts.server";
import { signsBeforeSending } from "~/services/form-signing.server";
import { getFormDefinition, getReceipt, loadCheckAnswers, submitForm } from "~/services/forms.server";

// Every e-service that runs on the generic engine is sent once through the server path a resident
// takes (issue 14 item 4, decision 076): its example as a saved draft → the check page → send →
// a case in the right municipality, administration and area → its receipt, its audit event, and
// the public register showing no more than the document's diarium rule allows.

/** The example with each of its files stored as an upload of this browser, as the step page would have. */

// A form with its own submit handler (childcare) files its case through it: tests/integration/form-hooks.test.ts
// sends the childcare document through the check page, and its e2e spec through the browser.
const ENGINE_FORMS = formDefinitions.filter((d) => !d.submitHandler);
const resident = testPersons.find((p) => !p.protectedIdentity && p.municipality)!;

beforeAll(() => {
  prepareDatabase();
});

describe("every e-service on the engine can be sent once", () => {
  it("covers the catalogue's e-services (at least 30 on the engine)", () => {
    expect(ENGINE_FORMS.length).toBeGreaterThanOrEqual(30);
  });

  it.each(ENGINE_FORMS.map((d) => [d.id] as const))("%s: example → case → receipt", async (id) => {
    // As the routes see it: option lists (municipalities) resolved from the database.
    const def = getFormDefinition(id)!;
    const { personId } = viewerFor(resident.personnummer, `${resident.givenName} ${resident.familyName}`);
    // A form that asks for the municipality files the case there; others where the visitor chose.
    const asked = formExamples[id]!.municipality;
    const municipalitySlug =
      typeof asked === "string" ? asked : def.offeredBy === "shared" ? "mellerud" : def.offeredBy[0]!;
    const ownerKey = `eservices-submit-${id}`.slice(0, 60);
    saveWorkingDraft({
      ownerKey,
      formId: id,
      formVersion: def.version,
      stepId: def.steps.at(-1)!.id,
      answers: withStoredFiles(id, ownerKey, formExamples[id]!),
      municipality: municipalitySlug,
      personId: def.requiresLogin ? personId : null,
    });
    const context = {
      def,
      ownerKey,
      personId: def.requiresLogin ? personId : null,
      chosenMunicipality: municipalitySlug,
      lang: "sv" as const,
    };
    const check = loadCheckAnswers(context) as { rows?: unknown[]; idempotencyKey?: string; redirect?: string };
    if (!check.idempotencyKey) throw new Error(`${id}: the check page sent us to ${check.redirect}`);
    expect(check.rows?.length).toBeGreaterThan(0);
    const form = new FormData();
    form.set("_idempotency", check.idempotencyKey);
    const request = new Request(`http://localhost/blanketter/${id}/kontrollera`, { method: "POST" });
    const sent = await submitForm({ ...context, request, user: null }, form);
    if (signsBeforeSending(def)) {
      // Sent only by signing it with e-ID (decision 098): tests/integration/form-signing.test.ts
      // sends this one signed, through the test provider; an unsigned send is refused here.
      expect(sent).toMatchObject({ status: 409, error: "signatureRequired" });
      return;
    }
    expect(sent).toMatchObject({ redirect: expect.stringMatching(new RegExp(`^/blanketter/${id}/kvitto/`)) });
    const reference = (sent as { redirect: string }).redirect.split("/").at(-1)!;

    const row = db()
      .select({ c: caseTable, m: municipality.slug, a: administration.slug })
      .from(caseTable)
      .innerJoin(municipality, eq(municipality.id, caseTable.municipalityId))
      .innerJoin(administration, eq(administration.id, caseTable.administrationId))
      .where(eq(caseTable.reference, reference))
      .get()!;
    expect(row.c.formId).toBe(id);
    expect(row.c.area).toBe(def.caseType);
    expect(row.m).toBe(municipalitySlug);
    if (def.caseType === "allmant" || def.caseType === "socialtjanst") expect(row.a).toBe(def.administration);

    const receipt = getReceipt({ def, reference, viewer: { personId } as never, lang: "sv" });
    if (def.requiresLogin) expect(receipt?.reference).toBe(reference);

    const audited = db()
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.action, "case.submitted"), eq(auditEvent.subjectId, reference)))
      .all();
    expect(audited).toHaveLength(1);

    const entry = db().select().from(diariumEntry).where(eq(diariumEntry.reference, reference)).get()!;
    if (def.diarium === "secret") expect(entry.sensitivity).toBe("secret");
    const shown = maskEntry({ ...entry, area: entry.area, administrationSlug: row.a });
    if (def.diarium === "secret") expect(shown).toMatchObject({ subject: null, party: { kind: "secret" } });
    else if (def.diarium === "masked") expect(shown.subject).toBeNull();
    else expect(shown.subject).toEqual(expect.stringMatching(/\S/));
  });
});
