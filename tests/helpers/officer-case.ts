import { eq } from "drizzle-orm";
import { caseTable } from "../../db/schema/index";
import { db } from "~/db.server";
import { createCase } from "~/services/cases.server";
import { getAdministrationForArea } from "~/services/municipalities.server";

/** A plain case of a resident in a municipality's general administration, set to `status`, for officer actions. */
export function newOfficerCase(input: {
  idempotencyKey: string;
  municipalityId: number;
  applicant: { personId: number; name: string };
  status: "in_progress" | "received";
}) {
  const a = getAdministrationForArea({
    municipalityId: input.municipalityId,
    area: "allmant",
    defaultSlug: "allmant",
  })!;
  const c = createCase({
    idempotencyKey: input.idempotencyKey,
    municipalityId: input.municipalityId,
    administrationId: a.id,
    formId: "forskola-ansokan",
    formVersion: 1,
    area: "allmant",
    sensitivity: "personal",
    data: { applicant: { name: input.applicant.name } },
    sensitiveData: null,
    applicantPersonId: input.applicant.personId,
    applicantOrganisationId: null,
    submittedByPersonId: input.applicant.personId,
    contactEmail: null,
    submitterKey: null,
    language: "sv",
    decisionDays: null,
    diarium: { subject: null, partyKind: "person", partyName: null },
    attachments: { publicIds: [], ownerKey: "x" },
  });
  db().update(caseTable).set({ status: input.status }).where(eq(caseTable.id, c.id)).run();
  return { id: c.id, reference: c.reference };
}
