import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caseSignature, caseTable, organisation } from "../../db/schema/index";
import { CHECK_ANSWERS } from "../../forms/flow";
import type { FormDefinition } from "../../forms/types";
import { applicantSignatureOf, beginSigning, completeSigning } from "~/auth/oidc-sign.server";
import type { ResidentUser } from "~/auth/guards.server";
import { db } from "~/db.server";
import { permitCaseSummaryText } from "~/services/building-permits.server";
import { saveWorkingDraft } from "~/services/drafts.server";
import { listCaseSignatures } from "~/services/e-signature.server";
import { personOwnerKey } from "~/services/eservice-session.server";
import { formCaseSignatures, signsBeforeSending } from "~/services/form-signing.server";
import { currentIdempotencyKey, formSigningText, getFormDefinition, submitForm } from "~/services/forms.server";
import { storeUpload } from "~/services/uploads.server";
import { viewerFor } from "./people-helper";
import { cookiePair, signAtTestIdp, startTestIdp } from "./test-idp-harness";

/**
 * The engine's bygglov signed by its applicant while acting for an organisation (decision 105):
 * Peter, firmatecknare of Johanssons Bygg per the company register's stand-in, signs the bygglov
 * pages' summary (which names the company), the handler checks it against the answers as they
 * are when sending and stores it with the case, and the officer's view verifies it again.
 */
const PETER = "198002079294";
const JOHANSSONS = "559312-8415";
let base = "";
let idp: Awaited<ReturnType<typeof startTestIdp>>;
beforeAll(async () => {
  idp = await startTestIdp();
  base = idp.base;
});
afterAll(() => idp.close());

const signAt = (url: string, as: string) => signAtTestIdp(base, url, as);

function organisationId(orgNumber: string, name: string): number {
  const found = db()
    .select({ id: organisation.id })
    .from(organisation)
    .where(eq(organisation.orgNumber, orgNumber))
    .get();
  if (found) return found.id;
  return db().insert(organisation).values({ orgNumber, name }).returning({ id: organisation.id }).get().id;
}

describe("the engine's bygglov signed by a firmatecknare acting for the company (decision 105)", () => {
  it("signs the bygglov summary naming the company, refuses unsigned or changed answers, stores a verifying signature", async () => {
    const viewer = viewerFor(PETER, "Peter Johansson");
    const orgId = organisationId(JOHANSSONS, "Johanssons Bygg i Åmål AB");
    const user = {
      kind: "resident",
      personId: viewer.personId,
      name: "Peter Johansson",
      acting: { kind: "organisation", organisationId: orgId, orgNumber: JOHANSSONS, name: "Johanssons Bygg i Åmål AB" },
      roles: [],
      sessionId: "s",
    } as unknown as ResidentUser;
    const published = getFormDefinition("bygglov-ansokan")!;
    const def: FormDefinition = published.signatures
      ? published
      : { ...published, signatures: [{ party: "applicant" }] };
    expect(signsBeforeSending(def)).toBe(true);
    const ownerKey = personOwnerKey(viewer.personId);
    const pdf = Buffer.from("%PDF-1.4\n% fasad\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
    const upload = storeUpload({
      bytes: pdf,
      mime: "application/pdf",
      originalName: "fasad.pdf",
      ownerKey,
      formId: def.id,
      field: "fasadritningar",
    });
    const answers = {
      fastighetsbeteckning: "Bengtsfors Sågen 1:23",
      isOwner: false,
      measureType: "fasadandring",
      description: "Byte av fasadpanel och fönster på bostadshuset.",
      fasadritningar: [upload],
    };
    const draft = (a: Record<string, unknown>) =>
      saveWorkingDraft({
        ownerKey,
        formId: def.id,
        formVersion: def.version,
        stepId: CHECK_ANSWERS,
        answers: a as never,
        municipality: null,
        personId: viewer.personId,
      });
    draft(answers);
    const c = { def, ownerKey, personId: viewer.personId, chosenMunicipality: null, lang: "sv" as const };
    const summary = await formSigningText({ ...c, user }, "sv");
    if (!summary.ok) throw new Error(summary.redirect);
    // The bygglov pages' text: the company is the applicant, Peter the one who sends it.
    expect(summary.text).toContain("Johanssons Bygg i Åmål AB (559312-8415)");
    expect(summary.text).toContain("Peter Johansson");
    expect(summary.text).toMatch(/fasad\.pdf \(SHA-256 [0-9a-f]{64}\)/);

    const submit = async (signature?: Parameters<typeof submitForm>[2]) => {
      const fd = new FormData();
      fd.set("_idempotency", currentIdempotencyKey(c)!);
      return submitForm({ ...c, request: new Request(`${base}/signera/callback`), user }, fd, signature);
    };
    expect(await submit()).toEqual({ status: 409, error: "signatureRequired" });

    const { url, setCookie } = await beginSigning({
      kind: "form",
      reference: def.id,
      party: "applicant",
      text: summary.text,
      personnummer: PETER,
      language: "sv",
    });
    const result = await completeSigning(
      new Request(await signAt(url, PETER), { headers: { Cookie: cookiePair(setCookie) } }),
    );
    if (!result.ok) throw new Error(result.reason);
    const signature = applicantSignatureOf(result, viewer.personnummerHmac);

    const before = db().select().from(caseTable).all().length;
    draft({ ...answers, description: "Byte av fasadpanel." });
    expect(await submit(signature)).toMatchObject({ status: 409, error: "changed" });
    draft(answers);
    expect(await submit({ ...signature, personnummerHmac: "x" })).toMatchObject({ status: 403, error: "signature" });
    expect(db().select().from(caseTable).all().length).toBe(before);

    const sent = await submit(signature);
    if (!("redirect" in sent)) throw new Error(sent.error);
    // Filed by the bygglov handler: its own receipt, with the payment and expected decision (decision 110).
    expect(sent.redirect).toMatch(/^\/bygglov\/kvitto\/[A-Z]{3}-\d{4}-\d{6}$/);
    const reference = sent.redirect.split("/").at(-1)!;
    const row = db().select().from(caseTable).where(eq(caseTable.reference, reference)).get()!;
    expect(row.applicantOrganisationId).toBe(orgId);
    expect(row.submittedByPersonId).toBe(viewer.personId);
    const stored = db()
      .select()
      .from(caseSignature)
      .where(and(eq(caseSignature.caseId, row.id), eq(caseSignature.party, "applicant")))
      .all();
    expect(stored.map((r) => [r.signerHmac, r.signerPersonId])).toEqual([[viewer.personnummerHmac, viewer.personId]]);
    // Rebuilt from the case as the officer's view does for bygglov (085): the same text, verifying.
    expect(permitCaseSummaryText(row.id, "sv")).toBe(summary.text);
    const views = await listCaseSignatures(row.id, async (l) => permitCaseSummaryText(row.id, l) ?? "");
    expect(views.filter((v) => v.party === "applicant").map((v) => v.valid)).toEqual([true]);
    // The generic engine check is not used for a handler's case.
    expect(await formCaseSignatures(row.id, def)).toEqual([]);

    // One byte of the stored answers changes (issue 16): the signature stops verifying.
    expect(row.data).toContain("fasadpanel och fönster");
    db()
      .update(caseTable)
      .set({ data: row.data.replace("fasadpanel och fönster", "fasadpanel och fönsteR") })
      .where(eq(caseTable.id, row.id))
      .run();
    const after = await listCaseSignatures(row.id, async (l) => permitCaseSummaryText(row.id, l) ?? "");
    expect(after.filter((v) => v.party === "applicant").map((v) => v.valid)).toEqual([false]);
  });
});
