import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formDraft } from "../../db/schema/index";
import { formExamples } from "../../forms/definitions/index";
import { db, prepareDatabase } from "~/db.server";
import { resetEnvForTests } from "~/env.server";
import { saveWorkingDraft } from "~/services/drafts.server";
import { getFormDefinition, loadCheckAnswers, submitForm } from "~/services/forms.server";

// ASVS 11.1.2: an anonymous e-service sent faster than a person could (FORM_MIN_SECONDS after
// the first saved answer) is not accepted: the check page asks to confirm, and a send after
// that time goes through.

const FORM = "begaran-allman-handling";

beforeAll(() => {
  process.env.FORM_MIN_SECONDS = "3";
  resetEnvForTests();
  prepareDatabase();
});
afterAll(() => {
  delete process.env.FORM_MIN_SECONDS;
  resetEnvForTests();
});

describe("realistic human time for anonymous e-services (ASVS 11.1.2)", () => {
  it("a send within FORM_MIN_SECONDS of the first answer is asked to confirm, and accepted after that", async () => {
    const def = getFormDefinition(FORM)!;
    const ownerKey = "human-time-owner-key-0001";
    const draft = saveWorkingDraft({
      ownerKey,
      formId: FORM,
      formVersion: def.version,
      stepId: def.steps.at(-1)!.id,
      answers: formExamples[FORM]!,
      municipality: "amal",
      personId: null,
    });
    const context = { def, ownerKey, personId: null, chosenMunicipality: null, lang: "sv" as const };
    const check = loadCheckAnswers(context);
    expect("idempotencyKey" in check).toBe(true);
    const form = new FormData();
    form.set("_idempotency", (check as { idempotencyKey: string }).idempotencyKey);
    const request = new Request("http://localhost/blanketter/x/kontrollera", { method: "POST" });

    expect(await submitForm({ ...context, request, user: null }, form)).toEqual({ status: 400, error: "tooFast" });
    // The answers are kept: the person sends again after looking at them.
    db()
      .update(formDraft)
      .set({ createdAt: new Date(Date.now() - 4_000).toISOString() })
      .where(eq(formDraft.id, draft.id))
      .run();
    const sent = await submitForm({ ...context, request, user: null }, form);
    expect(sent).toMatchObject({ redirect: expect.stringMatching(/\/kvitto\//) });
  });
});
