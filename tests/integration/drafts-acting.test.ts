/**
 * A logged-in person's engine drafts are per person × the party they act for (decision 104), as
 * the bygglov pages' drafts were: acting for a company
 * gives a draft of its own, apart from the private one; another representative of the same
 * company does not see it; a draft made before (acting for oneself) keeps its key and stays
 * reachable.
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { organisation } from "../../db/schema/index";
import { getFormDefinition } from "../../forms/definitions/index";
import { createSession, setActing } from "~/auth/session.server";
import { db, prepareDatabase } from "~/db.server";
import { hmacIndex } from "~/platform/crypto.server";
import { saveWorkingDraft } from "~/services/drafts.server";
import { eserviceSession, personOwnerKey } from "~/services/eservice-session.server";
import { loader as stepLoader } from "~/routes/blanketter.$id_.$step";
import { viewerFor } from "./people-helper";

const FORM = "felanmalan-gata-park";
const ERIK = "198203249274"; // firmatecknare of Dals-Eds kanotklubb
const ANDERS = "198802292394"; // firmatecknare of Bergs snickeri
const KARIN = "198901012388"; // firmatecknare of Bergs snickeri too
const KANOTKLUBBEN = "802478-1638";
const BERGS_SNICKERI = "969782-4408";

beforeAll(() => prepareDatabase(), 120_000);

const cookiePair = (setCookie: string) => setCookie.split(";")[0]!;
const req = (path: string, cookie: string) => new Request(`http://localhost${path}`, { headers: { Cookie: cookie } });
const args = (request: Request, params: Record<string, string>) => ({ request, params, context: {} }) as never;

function orgId(orgNumber: string): number {
  return db().select({ id: organisation.id }).from(organisation).where(eq(organisation.orgNumber, orgNumber)).get()!.id;
}

/** A resident session, acting for themselves or for an organisation they represent. */
async function login(pnr: string, orgNumber: string | null) {
  const { personId } = viewerFor(pnr);
  const { setCookie, sessionId } = await createSession(new Request("http://localhost/"), {
    kind: "resident",
    personId,
  });
  setActing(sessionId, orgNumber ? { kind: "organisation", organisationId: orgId(orgNumber) } : { kind: "self" });
  return { personId, cookie: cookiePair(setCookie), actingFor: orgNumber };
}

const firstStep = () => getFormDefinition(FORM)!.steps[0]!.id;

/** Saves a working copy under the owner key the form pages use for this session. */
function saveAs(who: { personId: number; cookie: string; actingFor: string | null }, description: string) {
  const session = eserviceSession(req("/", who.cookie), who.personId, who.actingFor);
  saveWorkingDraft({
    ownerKey: session.ownerKey,
    formId: FORM,
    formVersion: getFormDefinition(FORM)!.version,
    stepId: firstStep(),
    answers: { description },
    municipality: "amal",
    personId: who.personId,
  });
}

/** What the form's first step shows this session (the loader's JSON). */
async function shown(cookie: string): Promise<string> {
  const out = await stepLoader(
    args(req(`/blanketter/${FORM}/${firstStep()}`, cookie), { id: FORM, step: firstStep() }),
  );
  return JSON.stringify((out as { data?: unknown }).data ?? out);
}

describe("engine drafts per person and the party acted for", () => {
  it("keeps the key of acting for oneself as it was, so earlier drafts stay reachable", async () => {
    const erik = await login(ERIK, null);
    expect(personOwnerKey(erik.personId)).toBe(hmacIndex(`person-owner:${erik.personId}`));
    expect(personOwnerKey(erik.personId, KANOTKLUBBEN)).not.toBe(personOwnerKey(erik.personId));
    // A draft saved under the old key (before this change) is the one the form page shows.
    saveWorkingDraft({
      ownerKey: hmacIndex(`person-owner:${erik.personId}`),
      formId: FORM,
      formVersion: getFormDefinition(FORM)!.version,
      stepId: firstStep(),
      answers: { description: "Gammalt utkast om en trasig gatlykta" },
      municipality: "amal",
      personId: erik.personId,
    });
    expect(await shown(erik.cookie)).toContain("Gammalt utkast om en trasig gatlykta");
  });

  it("gives a person acting for a company a draft apart from their private one", async () => {
    const self = await login(ERIK, null);
    const club = await login(ERIK, KANOTKLUBBEN);
    saveAs(self, "Privat: hål i vägen vid Sågvägen");
    expect(await shown(club.cookie)).not.toContain("Privat: hål i vägen vid Sågvägen");
    saveAs(club, "Klubben: bryggan vid badplatsen är trasig");
    expect(await shown(club.cookie)).toContain("Klubben: bryggan vid badplatsen är trasig");
    expect(await shown(club.cookie)).not.toContain("Privat: hål i vägen vid Sågvägen");
    // The private draft is untouched by the company's.
    expect(await shown(self.cookie)).toContain("Privat: hål i vägen vid Sågvägen");
    expect(await shown(self.cookie)).not.toContain("Klubben: bryggan");
  });

  it("does not show one representative's company draft to another representative of the same company", async () => {
    const anders = await login(ANDERS, BERGS_SNICKERI);
    const karin = await login(KARIN, BERGS_SNICKERI);
    saveAs(anders, "Anders för snickeriet: skylt vid infarten");
    expect(await shown(anders.cookie)).toContain("Anders för snickeriet");
    expect(await shown(karin.cookie)).not.toContain("Anders för snickeriet");
  });
});
