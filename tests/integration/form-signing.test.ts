import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caseSignature, caseTable } from "../../db/schema/index";
import { CHECK_ANSWERS } from "../../forms/flow";
import type { FormDefinition, FormValues } from "../../forms/types";
import { applicantSignatureOf, beginSigning, completeSigning } from "~/auth/oidc-sign.server";
import type { ResidentUser } from "~/auth/guards.server";
import { db } from "~/db.server";
import { saveWorkingDraft } from "~/services/drafts.server";
import { personOwnerKey } from "~/services/eservice-session.server";
import { caseSignaturesOf } from "~/services/case-signatures.server";
import {
  formCaseSignatures,
  formCaseSummaryText,
  shownComputed,
  signsBeforeSending,
} from "~/services/form-signing.server";
import { currentIdempotencyKey, formSigningText, getFormDefinition, submitForm } from "~/services/forms.server";
import { storeUpload } from "~/services/uploads.server";
import { viewerFor } from "./people-helper";
import { cookiePair, signAtTestIdp, startTestIdp } from "./test-idp-harness";

/**
 * An engine form sent by the applicant's e-ID signature (decision 098): the text is the
 * form's summary of the draft with each file's SHA-256, rebuilt at the callback; a changed
 * draft or another signer sends nothing; the stored signature stops verifying when one byte of
 * the stored answers changes. Against the local provider, as tests/integration/e-signature.test.ts.
 */
let base = "";
const FORM = "ansokan-ekonomiskt-bistand";
const ERIK = "198203249274";

let idp: Awaited<ReturnType<typeof startTestIdp>>;
beforeAll(async () => {
  idp = await startTestIdp();
  base = idp.base;
});
afterAll(() => idp.close());

const signAt = (url: string, as: string) => signAtTestIdp(base, url, as);

function isoDate(daysFromToday: number) {
  return new Date(Date.now() + daysFromToday * 86_400_000).toISOString().slice(0, 10);
}

describe("an engine form signed by its applicant with e-ID", () => {
  it("sends only with a signature over exactly the draft and its files; the stored one fails on a changed byte", async () => {
    const erik = viewerFor(ERIK, "Erik Lindqvist");
    const user = {
      kind: "resident",
      personId: erik.personId,
      name: "Erik Lindqvist",
      acting: { kind: "self" },
      roles: [],
      sessionId: "s",
    } as unknown as ResidentUser;
    const def = getFormDefinition(FORM)!;
    expect(def.signatures).toEqual([{ party: "applicant" }]);
    expect(signsBeforeSending(def)).toBe(true);
    const ownerKey = personOwnerKey(erik.personId);
    const file = storeUpload({
      bytes: Buffer.from("%PDF-1.4\n% kontoutdrag\n%%EOF\n"),
      mime: "application/pdf",
      originalName: "kontoutdrag.pdf",
      ownerKey,
      formId: FORM,
      field: "statements",
    });
    const answers = {
      household: "ensam",
      householdAdults: 1,
      householdChildren: 0,
      periodStart: isoDate(3),
      occupation: "arbetssokande",
      incomeMonth: 2000,
      rent: 5400,
      otherCosts: ["el"],
      hasAssets: false,
      statements: [{ id: file.id, name: "kontoutdrag.pdf", size: file.size, type: "application/pdf" }],
      phone: "070-123 45 67",
      email: "erik@example.se",
    };
    const draft = (a: Record<string, unknown>) =>
      saveWorkingDraft({
        ownerKey,
        formId: FORM,
        formVersion: def.version,
        stepId: CHECK_ANSWERS,
        answers: a,
        municipality: "bengtsfors",
        personId: erik.personId,
      });
    draft(answers);
    const c = { def, ownerKey, personId: erik.personId, chosenMunicipality: null, lang: "sv" as const };
    const summary = await formSigningText({ ...c, user }, "sv");
    if (!summary.ok) throw new Error(summary.redirect);
    expect(summary.text).toContain("E-tjänst: Ansöka om ekonomiskt bistånd");
    expect(summary.text).toContain("Bengtsfors");
    expect(summary.text).toMatch(/kontoutdrag\.pdf \(SHA-256 [0-9a-f]{64}\)/);

    const submit = async (signature?: Parameters<typeof submitForm>[2]) => {
      const fd = new FormData();
      fd.set("_idempotency", currentIdempotencyKey(c)!);
      return submitForm({ ...c, request: new Request(`${base}/signera/callback`), user }, fd, signature);
    };
    // Unsigned, the form is not sent.
    expect(await submit()).toEqual({ status: 409, error: "signatureRequired" });

    const { url, setCookie } = await beginSigning({
      kind: "form",
      reference: FORM,
      party: "applicant",
      text: summary.text,
      personnummer: ERIK,
      language: "sv",
    });
    const result = await completeSigning(
      new Request(await signAt(url, ERIK), { headers: { Cookie: cookiePair(setCookie) } }),
    );
    if (!result.ok) throw new Error(result.reason);
    expect(result.flow).toMatchObject({ kind: "form", reference: FORM });
    const signature = applicantSignatureOf(result, erik.personnummerHmac);

    // The draft changed after it was signed: nothing is sent.
    draft({ ...answers, rent: 5401 });
    expect(await submit(signature)).toEqual({ status: 409, error: "changed" });
    draft(answers);
    // Someone else's session cannot use the signature.
    expect(await submit({ ...signature, personnummerHmac: "x" })).toEqual({ status: 403, error: "signature" });
    // A signature that does not cover the text fails verification, even with the right hash claimed.
    const [h, p, s] = Buffer.from(signature.userSignature, "base64").toString().split(".");
    const forged = Buffer.from(`${h}.${p}.${s!.slice(0, -2)}AA`).toString("base64");
    expect(await submit({ ...signature, userSignature: forged })).toEqual({ status: 403, error: "signature" });
    expect(db().select().from(caseTable).where(eq(caseTable.formId, FORM)).all()).toHaveLength(0);

    const sent = await submit(signature);
    if (!("redirect" in sent)) throw new Error(sent.error);
    const reference = /\/kvitto\/([A-Z]{3}-\d{4}-\d{6})$/.exec(sent.redirect)![1]!;
    const row = db().select().from(caseTable).where(eq(caseTable.reference, reference)).get()!;
    const stored = db().select().from(caseSignature).where(eq(caseSignature.caseId, row.id)).all();
    expect(stored.map((r) => [r.party, r.signerHmac])).toEqual([["applicant", erik.personnummerHmac]]);
    // Rebuilt from the case, byte for byte the text signed; the officer's view verifies it.
    expect(formCaseSummaryText(row.id, getFormDefinition(FORM, row.formVersion), "sv")).toBe(summary.text);
    expect((await formCaseSignatures(row.id, def)).map((v) => v.valid)).toEqual([true]);
    // Mina sidor shows it too (decision 107): verified, with the text signed to read and download.
    expect(await caseSignaturesOf(row.id)).toEqual([
      expect.objectContaining({ party: "applicant", valid: true, text: summary.text }),
    ]);

    // One changed byte in the stored answers and the signature no longer verifies.
    const data = JSON.parse(row.data) as Record<string, unknown>;
    expect(data.rent).toBe(5400);
    db()
      .update(caseTable)
      .set({ data: JSON.stringify({ ...data, rent: 5500 }) })
      .where(eq(caseTable.id, row.id))
      .run();
    expect((await formCaseSignatures(row.id, def)).map((v) => v.valid)).toEqual([false]);
    expect((await caseSignaturesOf(row.id))!.map((v) => v.valid)).toEqual([false]);
    db().update(caseTable).set({ data: row.data }).where(eq(caseTable.id, row.id)).run();
    expect((await formCaseSignatures(row.id, def)).map((v) => v.valid)).toEqual([true]);
  });

  it("a fee computed from the answers is signed as the check page shows it, kept with the case, and one changed byte fails (decision 107)", async () => {
    const erik = viewerFor(ERIK, "Erik Lindqvist");
    const user = {
      kind: "resident",
      personId: erik.personId,
      name: "Erik Lindqvist",
      acting: { kind: "self" },
      roles: [],
      sessionId: "s",
    } as unknown as ResidentUser;
    // The signed form asks for a property and a measure too, and shows the bygglov taxa's fee for them.
    const published = getFormDefinition(FORM)!;
    const def: FormDefinition = {
      ...published,
      steps: published.steps.map((step, i) =>
        i === 0
          ? {
              ...step,
              fields: [
                ...step.fields,
                { type: "text", name: "fastighetsbeteckning", labelKey: "forms.common.property", required: true },
                { type: "text", name: "measureType", labelKey: "forms.common.measure", required: true },
              ],
            }
          : step,
      ),
      computed: [{ name: "fee", hook: "bygglovTaxa", labelKey: "forms.bygglov-ansokan.computed.fee.label" }],
    };
    const ownerKey = personOwnerKey(erik.personId);
    const answers = {
      household: "ensam",
      householdAdults: 1,
      householdChildren: 0,
      periodStart: isoDate(3),
      fastighetsbeteckning: "Bengtsfors Sågen 1:24",
      measureType: "fasadandring",
      occupation: "arbetssokande",
      incomeMonth: 3000,
      rent: 5400,
      otherCosts: [],
      hasAssets: false,
      phone: "070-123 45 67",
      email: "erik@example.se",
    };
    saveWorkingDraft({
      ownerKey,
      formId: FORM,
      formVersion: def.version,
      stepId: CHECK_ANSWERS,
      answers,
      municipality: "bengtsfors",
      personId: erik.personId,
    });
    const c = { def, ownerKey, personId: erik.personId, chosenMunicipality: null, lang: "sv" as const };
    // What the check page shows below the answers: label and value, in Swedish number format.
    const shown = await shownComputed(def, answers as FormValues, user, "sv");
    expect(shown).toHaveLength(1);
    expect(shown[0]!.text).toMatch(/^\d{1,3}(\s\d{3})* kr$/);
    const summary = await formSigningText({ ...c, user }, "sv");
    if (!summary.ok) throw new Error(summary.redirect);
    const feeLine = summary.text.split("\n").find((l) => l.endsWith(`: ${shown[0]!.text}`));
    expect(feeLine).toBeDefined();
    // The fee follows the answers, before the files and the statement.
    expect(summary.text.indexOf(feeLine!)).toBeGreaterThan(summary.text.indexOf("5 400"));

    const { url, setCookie } = await beginSigning({
      kind: "form",
      reference: FORM,
      party: "applicant",
      text: summary.text,
      personnummer: ERIK,
      language: "sv",
    });
    const result = await completeSigning(
      new Request(await signAt(url, ERIK), { headers: { Cookie: cookiePair(setCookie) } }),
    );
    if (!result.ok) throw new Error(result.reason);
    const fd = new FormData();
    fd.set("_idempotency", currentIdempotencyKey(c)!);
    const sent = await submitForm(
      { ...c, request: new Request(`${base}/signera/callback`), user },
      fd,
      applicantSignatureOf(result, erik.personnummerHmac),
    );
    if (!("redirect" in sent)) throw new Error(sent.error);
    const reference = /\/kvitto\/([A-Z]{3}-\d{4}-\d{6})$/.exec(sent.redirect)![1]!;
    const row = db().select().from(caseTable).where(eq(caseTable.reference, reference)).get()!;
    // The case keeps the fee's text as signed, and the text rebuilt from the case is the one signed.
    const data = JSON.parse(row.data) as Record<string, unknown>;
    expect(data._computedText).toEqual({ fee: shown[0]!.text });
    expect(formCaseSummaryText(row.id, def, "sv")).toBe(summary.text);
    expect((await formCaseSignatures(row.id, def)).map((v) => v.valid)).toEqual([true]);

    // One changed byte in the kept fee and the signature no longer verifies.
    const changed = shown[0]!.text.replace(/\d/, (d) => String((Number(d) + 1) % 10));
    db()
      .update(caseTable)
      .set({ data: JSON.stringify({ ...data, _computedText: { fee: changed } }) })
      .where(eq(caseTable.id, row.id))
      .run();
    expect((await formCaseSignatures(row.id, def)).map((v) => v.valid)).toEqual([false]);
    // A case signed before 107 keeps no computed text: its text is rebuilt without it, as it was signed.
    const { _computedText: _, ...before } = data;
    db()
      .update(caseTable)
      .set({ data: JSON.stringify(before) })
      .where(eq(caseTable.id, row.id))
      .run();
    expect(formCaseSummaryText(row.id, def, "sv")).toBe(summary.text.replace(`${feeLine!}\n`, ""));
  });
});
