import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { municipality, administration } from "../../db/schema/index";
import { getFormDefinition } from "../../forms/definitions/index";
import { csrfToken } from "~/auth/csrf.server";
import { createSession } from "~/auth/session.server";
import { db, prepareDatabase } from "~/db.server";
import { createCase } from "~/services/cases.server";
import { eserviceSession } from "~/services/eservice-session.server";
import { saveWorkingDraft } from "~/services/drafts.server";
import { storeUpload } from "~/services/uploads.server";
import { advanceClockForTests, resetClockForTests } from "~/utils/clock.server";
import { viewerFor } from "./people-helper";
import { loader as stepLoader } from "~/routes/blanketter.$id_.$step";
import { loader as receiptLoader } from "~/routes/blanketter.$id_.kvitto.$reference";
import { loader as uploadLoader } from "~/routes/bilagor.$id";
import { action as logoutAction } from "~/routes/logga-ut";

/**
 * Two people at one library computer, one after the other (issue 12, review §3): nothing the
 * first one made is reachable by the next, whether the next one is anonymous or logs in.
 */
beforeAll(() => prepareDatabase());
afterEach(() => resetClockForTests());

const FORM = "felanmalan-gata-park";
const SECRET = "Anna Annassons hemliga svar";
const PNG = Uint8Array.from(Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex"));

const cookiePair = (setCookie: string) => setCookie.split(";")[0]!;

/** A browser's e-service cookie, as the portal makes it on a first form page. */
function newBrowser(): string {
  return cookiePair(eserviceSession(new Request("http://localhost/blanketter"))!.setCookie!);
}

async function login(pnr: string) {
  const { personId } = viewerFor(pnr);
  const { setCookie, sessionId } = await createSession(new Request("http://localhost/"), {
    kind: "resident",
    personId,
  });
  return { personId, cookie: cookiePair(setCookie), sessionId };
}

const req = (path: string, ...cookies: string[]) =>
  new Request(`http://localhost${path}`, { headers: { Cookie: cookies.join("; ") } });
const args = (request: Request, params: Record<string, string>) => ({ request, params, context: {} }) as never;

/** A loader's JSON, whether it answered with a Response or with data(). */
async function body(out: unknown): Promise<string> {
  if (out instanceof Response) return await body(out);
  return JSON.stringify((out as { data?: unknown }).data ?? out);
}

async function status(run: () => Promise<unknown>): Promise<number> {
  try {
    const out = await run();
    return out instanceof Response ? out.status : 200;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    throw thrown;
  }
}

function caseFor(input: { ownerKey: string; personId: number | null; publicIds?: string[] }) {
  const m = db().select().from(municipality).all()[0]!;
  const admin = db()
    .select()
    .from(administration)
    .all()
    .find((a) => a.municipalityId === m.id)!;
  return createCase({
    idempotencyKey: `shared-${Math.random().toString(36).slice(2)}-${Date.now()}`,
    municipalityId: m.id,
    administrationId: admin.id,
    formId: FORM,
    formVersion: 1,
    area: "allmant",
    sensitivity: "normal" as never,
    data: { description: SECRET },
    sensitiveData: null,
    applicantPersonId: input.personId,
    applicantOrganisationId: null,
    submittedByPersonId: input.personId,
    contactEmail: null,
    submitterKey: input.ownerKey,
    language: "sv",
    decisionDays: null,
    diarium: { subject: null, partyKind: "none", partyName: null },
    attachments: { publicIds: input.publicIds ?? [], ownerKey: input.ownerKey },
  } as never);
}

describe("a shared computer", () => {
  const firstStep = getFormDefinition(FORM)!.steps[0]!.id;

  it("a logged-in person's working copy is not shown to the next person at the same browser, anonymous or logged in", async () => {
    const browser = newBrowser();
    const anna = await login("199005122388");
    const annas = eserviceSession(req("/", browser, anna.cookie), anna.personId);
    saveWorkingDraft({
      ownerKey: annas.ownerKey,
      formId: FORM,
      formVersion: 1,
      stepId: firstStep,
      answers: { description: SECRET },
      municipality: "amal",
      personId: anna.personId,
    });
    // Anna herself still has it.
    const own = await stepLoader(
      args(req(`/blanketter/${FORM}/${firstStep}`, browser, anna.cookie), { id: FORM, step: firstStep }),
    );
    expect(await body(own)).toContain(SECRET);

    const anonymous = await stepLoader(
      args(req(`/blanketter/${FORM}/${firstStep}`, browser), { id: FORM, step: firstStep }),
    );
    expect(await body(anonymous)).not.toContain(SECRET);
    const bertil = await login("198112189876");
    const other = await stepLoader(
      args(req(`/blanketter/${FORM}/${firstStep}`, browser, bertil.cookie), { id: FORM, step: firstStep }),
    );
    expect(await body(other)).not.toContain(SECRET);
  });

  it("an anonymous working copy is not handed to whoever logs in next at that browser", async () => {
    const browser = newBrowser();
    const anon = eserviceSession(req("/", browser));
    saveWorkingDraft({
      ownerKey: anon.ownerKey,
      formId: FORM,
      formVersion: 1,
      stepId: firstStep,
      answers: { description: SECRET },
      municipality: "amal",
      personId: null,
    });
    const bertil = await login("198112189876");
    const page = await stepLoader(
      args(req(`/blanketter/${FORM}/${firstStep}`, browser, bertil.cookie), { id: FORM, step: firstStep }),
    );
    expect(await body(page)).not.toContain(SECRET);
  });

  it("a logged-in person's receipt and upload answer 404 to the next person at the same browser", async () => {
    const browser = newBrowser();
    const anna = await login("199005122388");
    const annas = eserviceSession(req("/", browser, anna.cookie), anna.personId);
    const pending = storeUpload({
      bytes: PNG,
      mime: "image/png",
      originalName: "intyg.png",
      ownerKey: annas.ownerKey,
      formId: FORM,
      field: "photos",
    });
    const sent = storeUpload({
      bytes: PNG,
      mime: "image/png",
      originalName: "skiss.png",
      ownerKey: annas.ownerKey,
      formId: FORM,
      field: "photos",
    });
    const c = caseFor({ ownerKey: annas.ownerKey, personId: anna.personId, publicIds: [sent.id] });
    const receipt = (...cookies: string[]) =>
      status(() =>
        receiptLoader(
          args(req(`/blanketter/${FORM}/kvitto/${c.reference}`, ...cookies), { id: FORM, reference: c.reference }),
        ),
      );
    const file = (id: string, ...cookies: string[]) =>
      status(() => uploadLoader(args(req(`/bilagor/${id}`, ...cookies), { id })));

    expect(await receipt(browser, anna.cookie)).toBe(200);
    expect(await file(pending.id, browser, anna.cookie)).toBe(200);
    expect(await file(sent.id, browser, anna.cookie)).toBe(200);

    const bertil = await login("198112189876");
    for (const cookies of [[browser], [browser, bertil.cookie]]) {
      expect(await receipt(...cookies)).toBe(404);
      expect(await file(pending.id, ...cookies)).toBe(404);
      expect(await file(sent.id, ...cookies)).toBe(404);
    }
  });

  it("an anonymous receipt is shown only to the browser that sent it, and only for 30 minutes", async () => {
    const browser = newBrowser();
    const anon = eserviceSession(req("/", browser));
    const sent = storeUpload({
      bytes: PNG,
      mime: "image/png",
      originalName: "foto.png",
      ownerKey: anon.ownerKey,
      formId: FORM,
      field: "photos",
    });
    const c = caseFor({ ownerKey: anon.ownerKey, personId: null, publicIds: [sent.id] });
    const receipt = (...cookies: string[]) =>
      status(() =>
        receiptLoader(
          args(req(`/blanketter/${FORM}/kvitto/${c.reference}`, ...cookies), { id: FORM, reference: c.reference }),
        ),
      );
    const file = (...cookies: string[]) =>
      status(() => uploadLoader(args(req(`/bilagor/${sent.id}`, ...cookies), { id: sent.id })));
    expect(await receipt(browser)).toBe(200);
    expect(await file(browser)).toBe(200);
    expect(await receipt(newBrowser())).toBe(404);
    const bertil = await login("198112189876");
    expect(await receipt(browser, bertil.cookie)).toBe(404);
    advanceClockForTests(31 * 60_000);
    expect(await receipt(browser)).toBe(404);
    expect(await file(browser)).toBe(404);
  });

  it("logging out gives the browser a new e-service key", async () => {
    const browser = newBrowser();
    const anna = await login("199005122388");
    const seed = `csrf=${"c".repeat(43)}`;
    const token = await csrfToken(req("/logga-ut", seed, anna.cookie));
    const form = new URLSearchParams({ _csrf: token });
    const request = new Request("http://localhost/logga-ut", {
      method: "POST",
      headers: { Cookie: [seed, anna.cookie, browser].join("; "), "Content-Type": "application/x-www-form-urlencoded" },
      body: form.toString(),
    });
    const res = (await logoutAction(args(request, {}))) as Response;
    const name = browser.split("=")[0]!;
    const fresh = res.headers.getSetCookie().find((c) => c.startsWith(`${name}=`));
    expect(fresh).toBeDefined();
    expect(cookiePair(fresh!)).not.toBe(browser);
    expect(fresh).toMatch(/Max-Age=\d+/);
    expect(fresh).toMatch(/HttpOnly/);
    expect(fresh).toMatch(/SameSite=Lax/);
  });
});
