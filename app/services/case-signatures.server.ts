import { eq } from "drizzle-orm";
import { caseTable } from "../../db/schema/index";
import { db } from "~/db.server";
import { log } from "~/utils/logger.server";
import { permitCaseSummaryText } from "./building-permits.server";
import { getVisibleCase, type ResidentViewer } from "./case-access.server";
import { listCaseSignatures, type CaseSignatureView } from "./e-signature.server";
import { formCaseSignatures } from "./form-signing.server";
import { getFormDefinition } from "./forms.server";
import { OWNER_PARTY, ownerConsentText } from "./owner-consent.server";
import { schoolSummaryText } from "./school.server";

/**
 * Every e-ID signature of a case as Mina sidor shows it (decision 107): each verified again
 * against its text rebuilt from the case, the way the officer's views do (a bygglov's applicant
 * and property owners, 085/093; both guardians of a school choice, 081; an engine form's
 * applicant, 098). Null when the texts cannot be rebuilt now: the page says the signatures could
 * not be checked instead of failing. Callers have already checked that the viewer may see the case.
 */
export async function caseSignaturesOf(caseId: number): Promise<CaseSignatureView[] | null> {
  const c = db().select().from(caseTable).where(eq(caseTable.id, caseId)).get();
  if (!c) return [];
  try {
    if (c.area === "bygglov")
      return await listCaseSignatures(c.id, async (l, party) =>
        party === OWNER_PARTY ? (ownerConsentText(c.id, l) ?? "") : (permitCaseSummaryText(c.id, l) ?? ""),
      );
    if (c.area === "skola") return await listCaseSignatures(c.id, (l) => schoolSummaryText(c, l));
    return await formCaseSignatures(c.id, getFormDefinition(c.formId, c.formVersion));
  } catch (error) {
    log("error", "case signatures could not be checked", {
      reference: c.reference,
      error: error instanceof Error ? error.message : String(error),
    });
    return null;
  }
}

/**
 * The text signed by the case's `index`-th signature (1-based, the page's order) for a resident
 * who may see the case; undefined otherwise (the route answers 404 either way).
 */
export async function signedTextForResident(input: { reference: string; viewer: ResidentViewer; index: number }) {
  const c = getVisibleCase(input);
  if (!c) return undefined;
  const signature = (await caseSignaturesOf(c.id))?.[input.index - 1];
  if (!signature) return undefined;
  return { reference: c.reference, municipalityId: c.municipalityId, text: signature.text, valid: signature.valid };
}
