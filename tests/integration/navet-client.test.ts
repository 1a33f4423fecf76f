import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvent } from "../../db/schema/index";
import {
  NAVET_FAILS,
  NAVET_MALFORMED,
  NAVET_ORDER_ID,
  NAVET_ORG_NR,
  NAVET_SLOW,
  navetListener,
} from "../stand-ins/navet";
import { db, prepareDatabase } from "~/db.server";
import { hmacIndex } from "~/platform/crypto.server";
import { RegisterAnswerError, RegisterUnavailableError } from "~/platform/register-http.server";
import { navetPopulationRegister } from "~/services/population-navet.server";
import type { PopulationRegister } from "~/services/population-register";

/**
 * The real Navet client against the local stand-in over real HTTP (issue 19, decision 067). The
 * stand-in answers Skatteverket's ePersondata personpost format (SOAP 1.1, namespace
 * http://xmls.skatteverket.se/se/skatteverket/folkbokforing/na/epersondata/V1) as described in
 * docs/decisions/067, from the example people of db/seed/content/people.ts.
 */
const SARA = "198412179288";
const ERIK = "198203249274";
const ELSA = "202201022387";
const KARIN = "198901012388";
const MAJA = "202502112382";

let server: Server;
let url = "";
let requests = 0;
let navet: PopulationRegister;

beforeAll(async () => {
  prepareDatabase();
  const listener = navetListener();
  server = createServer((req, res) => {
    requests++;
    listener(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/na/na_epersondata/V2/personpostXML`;
  navet = navetPopulationRegister({
    url,
    orgNr: NAVET_ORG_NR,
    orderId: NAVET_ORDER_ID,
    timeoutMs: 400,
    attempts: 2,
    backoffMs: 10,
  });
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe("the Navet client", () => {
  it("reads a guardian's name, address, municipality and the children in her custody", async () => {
    const r = await navet.personpost(SARA, "childcare");
    expect(r?.person).toMatchObject({
      personnummer: SARA,
      hmac: hmacIndex(SARA),
      givenName: "Sara",
      municipality: "bengtsfors",
      protectedIdentity: null,
    });
    expect(r?.address?.postalCode).toMatch(/^\d{3} \d{2}$/);
    expect(r?.childrenInCustody).toContain(ELSA);
    expect(r?.custodians).toEqual([]);
  });

  it("reads a child's custodians (vårdnadshavare) and birth date from the personnummer", async () => {
    const r = await navet.personpost(ELSA, "childcare");
    expect(r?.custodians.sort()).toEqual([ERIK, SARA].sort());
    expect(r?.person.birthDate).toBe("2022-01-02");
    expect(r?.household?.guardians.sort()).toEqual([ERIK, SARA].sort());
  });

  it("maps Sekretessmarkering to the protected marker and withholds the address", async () => {
    const karin = await navet.personpost(KARIN, "childcare");
    expect(karin?.person.protectedIdentity).toBe("sekretessmarkering");
    expect(karin?.address).toBeNull();
    expect(karin?.household?.address).toBeNull();
    expect((await navet.personpost(MAJA, "childcare"))?.person.protectedIdentity).toBe("sekretessmarkering");
  });

  it("answers null for a number the register does not know", async () => {
    expect(await navet.personpost("190001012383", "childcare")).toBeNull();
  });

  it("refuses a malformed answer whole", async () => {
    await expect(navet.personpost(NAVET_MALFORMED, "childcare")).rejects.toBeInstanceOf(RegisterAnswerError);
  });

  it("gives up after its time-out with RegisterUnavailableError, naming no personnummer", async () => {
    const error = await navet.personpost(NAVET_SLOW, "childcare").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RegisterUnavailableError);
    expect(String(error)).not.toContain(NAVET_SLOW);
  });

  it("retries a 5xx (SOAP fault) and then reports the register unavailable", async () => {
    const before = requests;
    await expect(navet.personpost(NAVET_FAILS, "childcare")).rejects.toBeInstanceOf(RegisterUnavailableError);
    expect(requests - before).toBe(2);
  });

  it("refuses an answer from a wrong order (Bestallning) as unavailable, not as an empty register", async () => {
    const wrong = navetPopulationRegister({ url, orgNr: NAVET_ORG_NR, orderId: "other", attempts: 1 });
    await expect(wrong.personpost(SARA, "childcare")).rejects.toBeInstanceOf(RegisterUnavailableError);
  });

  it("caches nothing: each look-up asks Navet again", async () => {
    const before = requests;
    await navet.personpost(SARA, "school");
    await navet.personpost(SARA, "school");
    expect(requests - before).toBe(2);
  });

  it("audits each look-up with its purpose and without the personnummer", async () => {
    await navet.personpost(ERIK, "mypages");
    const row = db()
      .select()
      .from(auditEvent)
      .where(eq(auditEvent.action, "population.lookup"))
      .orderBy(desc(auditEvent.id))
      .get();
    expect(row?.subjectId).toBe(hmacIndex(ERIK));
    expect(JSON.stringify(row)).toContain("mypages");
    expect(JSON.stringify(row)).not.toContain(ERIK);
  });
});
