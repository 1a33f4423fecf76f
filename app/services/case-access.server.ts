import { and, eq, inArray, or, sql, type Placeholder, type SQL } from "drizzle-orm";
import { caseParty, caseTable, schoolSignature } from "../../db/schema/index";
import { db } from "~/db.server";

/**
 * Who is looking at Mina sidor: a person acting for themself, or for an organisation
 * (the identity branch's ResidentUser narrows to this).
 */
export interface ResidentViewer {
  personId: number;
  /** hmacIndex of the person's personnummer: how the population register and case parties name them. */
  personnummerHmac: string;
  organisationId?: number | null;
}

/** A viewer as placeholders: the same rule in a statement prepared once (decision 120). */
interface ResidentViewerParams {
  personId: Placeholder;
  personnummerHmac: Placeholder;
  organisationId?: Placeholder;
}

/**
 * The one rule for which cases a resident may see; every Mina sidor query is built on it,
 * so no query can forget it. Acting for an organisation shows only that organisation's cases.
 */
export function visibleToResident(viewer: ResidentViewer | ResidentViewerParams): SQL {
  // A case involving protected personal data (docs/decisions/046) is not shared automatically:
  // other representatives of the organisation do not see what one of them submitted, and
  // other parties (a co-guardian) see it only while their own signature is asked for.
  if (viewer.organisationId) {
    return and(
      eq(caseTable.applicantOrganisationId, viewer.organisationId),
      or(eq(caseTable.protectedIdentity, false), eq(caseTable.submittedByPersonId, viewer.personId)),
    )!;
  }
  return or(
    and(eq(caseTable.applicantPersonId, viewer.personId), sql`${caseTable.applicantOrganisationId} is null`),
    and(eq(caseTable.submittedByPersonId, viewer.personId), sql`${caseTable.applicantOrganisationId} is null`),
    // The same set as EXISTS (… case_party.case_id = case.id …), written as IN over the viewer's
    // party rows so that SQLite can answer every arm of the OR from an index instead of
    // scanning all cases (docs/decisions/039).
    and(
      inArray(
        caseTable.id,
        db()
          .select({ caseId: caseParty.caseId })
          .from(caseParty)
          .where(eq(caseParty.personnummerHmac, viewer.personnummerHmac)),
      ),
      or(
        eq(caseTable.protectedIdentity, false),
        and(
          eq(caseTable.status, "awaiting_signatures"),
          inArray(
            caseTable.id,
            db()
              .select({ caseId: schoolSignature.caseId })
              .from(schoolSignature)
              .where(
                and(eq(schoolSignature.guardianHmac, viewer.personnummerHmac), eq(schoolSignature.decision, "pending")),
              ),
          ),
        ),
      ),
    ),
  )!;
}

/** A case by reference, only if the viewer may see it; undefined otherwise (answer 404, not 403). */
export function getVisibleCase(input: { reference: string; viewer: ResidentViewer }) {
  return db()
    .select()
    .from(caseTable)
    .where(and(eq(caseTable.reference, input.reference), visibleToResident(input.viewer)))
    .get();
}
