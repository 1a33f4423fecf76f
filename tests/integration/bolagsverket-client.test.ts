import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  BOLAGSVERKET_CLIENT,
  BOLAGSVERKET_SPECIAL,
  bolagsverketStandIn,
  type BolagsverketStandIn,
} from "../stand-ins/bolagsverket";
import { createBolagsverketClient } from "~/auth/bolagsverket.server";
import { useCompanyRegister } from "~/auth/company-register.server";
import { exampleCompany } from "~/auth/company-register-demo.server";
import { claimSignatory, listRepresentedOrganisations } from "~/auth/representation.server";
import { prepareDatabase } from "~/db.server";
import { RegisterAnswerError, RegisterUnavailableError } from "~/platform/register-http.server";
import { findOrCreatePersonAtLogin } from "~/services/people.server";

/**
 * The real Bolagsverket client against its stand-in over real HTTP (issue 19, decision 069). The
 * stand-in follows Bolagsverket's published formats; see tests/stand-ins/bolagsverket.ts for the
 * documents and versions.
 */
let server: Server;
let standIn: BolagsverketStandIn;
let base = "";

function client(timeoutMs = 2_000) {
  return createBolagsverketClient({
    baseUrl: `${base}/foretagsinformation/v4`,
    tokenUrl: `${base}/oauth2/token`,
    clientId: BOLAGSVERKET_CLIENT.id,
    clientSecret: BOLAGSVERKET_CLIENT.secret,
    http: { timeoutMs, attempts: 2, backoffMs: 10 },
  });
}

beforeAll(async () => {
  prepareDatabase();
  standIn = bolagsverketStandIn({ slowMs: 1_500 });
  server = createServer(standIn.listener);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  useCompanyRegister(null);
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => useCompanyRegister(null));

describe("Bolagsverket client against the stand-in", () => {
  it("reads name, legal form, status and signatories, the same as the demo adapter serves", async () => {
    const company = await client().getCompany("559312-8415");
    expect(company).toEqual({
      orgNumber: "559312-8415",
      name: "Johanssons Bygg i Åmål AB",
      legalForm: { code: "AB", text: "Aktiebolag" },
      status: "active",
      signatories: [{ personnummer: "198002079294", name: "Peter Johansson", signs: "alone" }],
    });
    expect(company).toEqual(exampleCompany("559312-8415"));
  });

  it("reads a company in liquidation as not active", async () => {
    expect((await client().getCompany(BOLAGSVERKET_SPECIAL.inLiquidation))?.status).toBe("liquidation");
  });

  it("answers null for a number the register does not know", async () => {
    expect(await client().getCompany(BOLAGSVERKET_SPECIAL.notFound)).toBeNull();
  });

  it("refuses a malformed answer whole", async () => {
    await expect(client().getCompany(BOLAGSVERKET_SPECIAL.malformed)).rejects.toBeInstanceOf(RegisterAnswerError);
  });

  it("gives up on a slow answer after its time-out, as unavailable", async () => {
    const started = Date.now();
    await expect(client(300).getCompany(BOLAGSVERKET_SPECIAL.slow)).rejects.toBeInstanceOf(RegisterUnavailableError);
    expect(Date.now() - started).toBeLessThan(1_400);
  });

  it("retries a 5xx and then reports the register unavailable, naming no identity", async () => {
    const before = standIn.lookups();
    const error = await client()
      .getCompany(BOLAGSVERKET_SPECIAL.serverError)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RegisterUnavailableError);
    expect(standIn.lookups() - before).toBe(2);
    expect(String(error)).not.toContain(BOLAGSVERKET_CLIENT.secret);
  });

  it("on a 401 fetches a new token once and asks again", async () => {
    const c = client();
    await c.getCompany("559312-8415");
    const tokens = standIn.tokensIssued();
    standIn.revokeTokens();
    expect((await c.getCompany("559312-8415"))?.name).toBe("Johanssons Bygg i Åmål AB");
    expect(standIn.tokensIssued()).toBe(tokens + 1);
  });
});

describe("acting for a company through the Bolagsverket client", () => {
  it("a signatory may act for an active company; nobody may act for one in liquidation", async () => {
    useCompanyRegister(client());
    const peter = findOrCreatePersonAtLogin({
      personnummer: "198002079294",
      givenName: "Peter",
      familyName: "Johansson",
      protectedIdentity: false,
    }).person;
    expect((await listRepresentedOrganisations(peter.id)).map((o) => o.orgNumber)).toContain("559312-8415");
    expect(await claimSignatory(peter.id, BOLAGSVERKET_SPECIAL.inLiquidation)).toEqual({
      ok: false,
      code: "notActive",
    });
    expect(await claimSignatory(peter.id, BOLAGSVERKET_SPECIAL.notFound)).toEqual({ ok: false, code: "notFound" });
  });

  it("a person the register does not name as signatory cannot claim the company", async () => {
    useCompanyRegister(client());
    const maria = findOrCreatePersonAtLogin({
      personnummer: "199005122388",
      givenName: "Maria",
      familyName: "Andersson",
      protectedIdentity: false,
    }).person;
    expect(await claimSignatory(maria.id, "559312-8415")).toEqual({ ok: false, code: "notSignatory" });
    expect(await listRepresentedOrganisations(maria.id)).toEqual([]);
  });

  it("a register that does not answer leaves the company out and says so", async () => {
    useCompanyRegister(client(300));
    const peter = findOrCreatePersonAtLogin({
      personnummer: "198002079294",
      givenName: "Peter",
      familyName: "Johansson",
      protectedIdentity: false,
    }).person;
    await expect(claimSignatory(peter.id, BOLAGSVERKET_SPECIAL.serverError)).rejects.toBeInstanceOf(
      RegisterUnavailableError,
    );
  });
});
