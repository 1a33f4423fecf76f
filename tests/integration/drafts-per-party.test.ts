/**
 * Drafts and upload quotas per person × the party acted for (decisions 104, 114): Mina sidor
 * lists the drafts of the party the person acts for now, says that others exist, and a
 * company's uploads do not use up the person's own daily quota (nor the other way round).
 */
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { caseAttachment, organisation } from "../../db/schema/index";
import { getFormDefinition } from "../../forms/definitions/index";
import { db, prepareDatabase } from "~/db.server";
import { saveWorkingDraft } from "~/services/drafts.server";
import { personOwnerKey } from "~/services/eservice-session.server";
import { myPagesOverview } from "~/services/mypages.server";
import { checkUploadQuota } from "~/services/uploads.server";
import { viewerFor } from "./people-helper";

const ERIK = "198203249274"; // firmatecknare of Dals-Eds kanotklubb
const KANOTKLUBBEN = "802478-1638";

beforeAll(() => prepareDatabase(), 120_000);

const club = () =>
  db().select({ id: organisation.id }).from(organisation).where(eq(organisation.orgNumber, KANOTKLUBBEN)).get()!.id;

function saveDraft(personId: number, ownerKey: string, formId: string) {
  const def = getFormDefinition(formId)!;
  saveWorkingDraft({
    ownerKey,
    formId,
    formVersion: def.version,
    stepId: def.steps[0]!.id,
    answers: {},
    municipality: "dals-ed",
    personId,
  });
}

describe("drafts and quotas per person × party", () => {
  it("Mina sidor lists the drafts of the party acted for now, and says drafts for other parties exist", async () => {
    const erik = viewerFor(ERIK);
    saveDraft(erik.personId, personOwnerKey(erik.personId), "felanmalan-gata-park");
    saveDraft(erik.personId, personOwnerKey(erik.personId, KANOTKLUBBEN), "synpunkter-klagomal");

    const self = await myPagesOverview({ viewer: { ...erik, organisationId: null } });
    expect(self.drafts.map((d) => d.formId)).toEqual(["felanmalan-gata-park"]);
    expect(self.draftsForOtherParties).toBe(1);

    const forClub = await myPagesOverview({ viewer: { ...erik, organisationId: club() } });
    expect(forClub.drafts.map((d) => d.formId)).toEqual(["synpunkter-klagomal"]);
    expect(forClub.draftsForOtherParties).toBe(1);
    expect(JSON.stringify(forClub.drafts)).not.toContain(personOwnerKey(erik.personId)); // no keys to the page
  });

  it("counts the daily upload quota per owner key: the club's uploads leave Erik's own quota alone", () => {
    const erik = viewerFor(ERIK);
    const own = personOwnerKey(erik.personId);
    const forClub = personOwnerKey(erik.personId, KANOTKLUBBEN);
    const limits = { draftFiles: 5, draftBytes: 5_000_000, dayFiles: 2, dayBytes: 5_000_000 };
    for (let i = 0; i < 2; i++)
      db()
        .insert(caseAttachment)
        .values({
          publicId: randomUUID(),
          ownerKey: forClub,
          formId: "synpunkter-klagomal",
          field: "bilagor",
          originalName: `stadgar-${i}.pdf`,
          storedName: randomUUID(),
          size: 1000,
          mime: "application/pdf",
          sha256: "0".repeat(64),
        })
        .run();
    const ask = (ownerKey: string) =>
      checkUploadQuota({ ownerKey, formId: "felanmalan-gata-park", incoming: [1000], limits });
    expect(ask(forClub)).toEqual({ code: "file.quotaDay", max: 2 });
    expect(ask(own)).toBeNull();
    expect(own).not.toBe(forClub);
  });
});
