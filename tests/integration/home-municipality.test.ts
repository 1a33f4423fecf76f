import { eq } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { session } from "../../db/schema/index";
import { createSession, getSessionUser } from "~/auth/session.server";
import { db, prepareDatabase } from "~/db.server";
import { RegisterUnavailableError } from "~/platform/register-http.server";
import * as root from "~/root";
import { formPageContext } from "~/services/form-page.server";
import { visitorMunicipality } from "~/services/municipalities.server";
import { findOrCreatePersonAtLogin, registerAtLogin } from "~/services/people.server";
import { usePopulationRegisterForTests } from "~/services/population.server";

/**
 * Decision 109: a logged-in resident's home municipality, as the register named it at login, is
 * the header's and the forms' municipality while the browser has chosen none.
 */
beforeAll(() => prepareDatabase());
afterEach(() => usePopulationRegisterForTests(undefined));

const SARA = "198412179288";

async function saraSession(home: string | null) {
  const { person } = findOrCreatePersonAtLogin({
    personnummer: SARA,
    givenName: "Sara",
    familyName: "Lindqvist",
    protectedIdentity: false,
  });
  const { setCookie, sessionId } = await createSession(new Request("http://localhost/"), {
    kind: "resident",
    personId: person.id,
    homeMunicipality: home,
  });
  const cookie = setCookie.split(";")[0]!;
  return {
    sessionId,
    request: (path = "/", extra = "") =>
      new Request(`http://localhost${path}`, { headers: { Cookie: `${cookie}${extra}` } }),
  };
}

async function rootMunicipality(request: Request) {
  const result = (await root.loader({ request, params: {}, context: {} } as never)) as unknown as {
    data: { municipality: { slug: string; name: string; home: boolean } | null };
  };
  return result.data.municipality;
}

describe("the login's register answer", () => {
  it("names the protected marker and the home municipality in one look-up", async () => {
    let asked = 0;
    usePopulationRegisterForTests({
      source: "navet",
      personpost: (personnummer) => {
        asked++;
        return Promise.resolve({
          person: {
            hmac: "x",
            personnummer,
            givenName: "Sara",
            familyName: "Lindqvist",
            birthDate: "1984-12-17",
            municipality: "bengtsfors",
            protectedIdentity: null,
          },
          custodians: [],
          childrenInCustody: [],
          household: null,
        } as never);
      },
    });
    expect(await registerAtLogin(SARA)).toEqual({ protectedIdentity: false, municipality: "bengtsfors" });
    expect(asked).toBe(1);
  });

  it("names no municipality for a person the register does not know, and an outage still fails the login", async () => {
    usePopulationRegisterForTests({ source: "navet", personpost: () => Promise.resolve(null) });
    expect(await registerAtLogin(SARA)).toEqual({ protectedIdentity: false, municipality: null });
    usePopulationRegisterForTests({
      source: "navet",
      personpost: () => Promise.reject(new RegisterUnavailableError("navet", "test outage")),
    });
    await expect(registerAtLogin(SARA)).rejects.toBeInstanceOf(RegisterUnavailableError);
  });

  it("the demo register names Sara's Bengtsfors", async () => {
    expect((await registerAtLogin(SARA)).municipality).toBe("bengtsfors");
  });
});

describe("the visitor's municipality", () => {
  it("is kept with the resident's session and shown in the header as the home municipality", async () => {
    const { sessionId, request } = await saraSession("bengtsfors");
    expect(db().select().from(session).where(eq(session.idHash, sessionId)).get()?.homeMunicipality).toBe("bengtsfors");
    expect((await getSessionUser(request()))?.homeMunicipality).toBe("bengtsfors");
    expect(await rootMunicipality(request())).toEqual({ slug: "bengtsfors", name: "Bengtsfors", home: true });
  });

  it("a municipality chosen in the browser wins over the home municipality", async () => {
    const { request } = await saraSession("bengtsfors");
    expect(await rootMunicipality(request("/", "; kommun=amal"))).toEqual({ slug: "amal", name: "Åmål", home: false });
  });

  it("without a session, or without a home municipality in the portal, only the cookie counts", async () => {
    expect(await rootMunicipality(new Request("http://localhost/"))).toBeNull();
    const { request } = await saraSession(null);
    expect(await rootMunicipality(request())).toBeNull();
    const elsewhere = await saraSession("goteborg");
    expect(await rootMunicipality(elsewhere.request())).toBeNull();
  });

  it("staff have no home municipality", () => {
    const request = new Request("http://localhost/");
    expect(visitorMunicipality(request, { kind: "staff", homeMunicipality: "bengtsfors" })).toBeUndefined();
  });

  it("the engine's municipality picker starts at it", async () => {
    const { request } = await saraSession("bengtsfors");
    const ctx = await formPageContext(request("/blanketter/ansokan-egensotning/uppgifter"), "ansokan-egensotning");
    expect(ctx.chosen).toBe("bengtsfors");
    const chosen = await formPageContext(
      request("/blanketter/ansokan-egensotning/uppgifter", "; kommun=mellerud"),
      "ansokan-egensotning",
    );
    expect(chosen.chosen).toBe("mellerud");
  });
});
