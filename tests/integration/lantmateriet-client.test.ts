/**
 * The real Lantmäteriet client (app/services/lantmateriet.server.ts) against its stand-in over
 * real HTTP (tests/stand-ins/lantmateriet.ts): Registerbeteckning Direkt v5, Belägenhetsadress
 * Direkt v4.2 and Inskrivning Direkt v3 behind an OAuth 2.0 client-credentials token (decision 068).
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLantmaterietRegister, type LantmaterietConfig } from "../../app/services/lantmateriet.server";
import { hmacIndex } from "../../app/platform/crypto.server";
import { RegisterAnswerError, RegisterUnavailableError } from "../../app/platform/register-http.server";
import { parsePropertyDesignation } from "../../forms/lib/property-designation";
import { exampleObjektidentitet } from "../../db/seed/content/property-register";
import { createLantmaterietStandIn, LANTMATERIET_CLIENT, TRIGGERS } from "../stand-ins/lantmateriet";

const ERIK = "198203249274";
let server: Server;
let standIn: ReturnType<typeof createLantmaterietStandIn>;
let config: LantmaterietConfig;

beforeAll(async () => {
  standIn = createLantmaterietStandIn({ slowMs: 1_000 });
  server = createServer(standIn.listener);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  config = {
    baseUrl: base,
    tokenUrl: `${base}/token`,
    clientId: LANTMATERIET_CLIENT.id,
    clientSecret: LANTMATERIET_CLIENT.secret,
    timeoutMs: 300,
    attempts: 2,
    backoffMs: 10,
  };
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

function designation(text: string) {
  const d = parsePropertyDesignation(text);
  if (!d) throw new Error(`not a designation: ${text}`);
  return d;
}

describe("the Lantmäteriet client", () => {
  it("finds a property with its municipality, address and owner, the owner's personnummer only as an HMAC", async () => {
    const register = createLantmaterietRegister(config);
    const answer = await register.lookup(designation("bengtsfors sågen 1:23"));
    expect(answer).toEqual({
      found: true,
      property: {
        designation: "Bengtsfors Sågen 1:23",
        objektidentitet: exampleObjektidentitet("Bengtsfors Sågen 1:23"),
        kind: "fastighet",
        municipality: { code: "1460", name: "Bengtsfors" },
        address: { street: "Sågvägen 12", postalCode: "666 30", town: "Bengtsfors" },
        owners: [{ kind: "person", name: "Erik Lindqvist", personnummerHmac: hmacIndex(ERIK) }],
        detaljplan: null,
      },
    });
    expect(JSON.stringify(answer)).not.toContain(ERIK);
  });

  it("finds a property anywhere in Sweden, with its own municipality", async () => {
    const answer = await createLantmaterietRegister(config).lookup(designation("Stockholm Norrmalm 3:5"));
    expect(answer.found && answer.property.municipality).toEqual({ code: "0180", name: "Stockholm" });
    expect(answer.found && answer.property.owners[0]).toMatchObject({ kind: "organisation" });
  });

  it("says not found for a designation the register does not hold", async () => {
    await expect(createLantmaterietRegister(config).lookup(designation("Åmål Finnsinte 9:99"))).resolves.toEqual({
      found: false,
    });
  });

  it("refuses a malformed answer whole", async () => {
    await expect(createLantmaterietRegister(config).lookup(designation(TRIGGERS.malformed))).rejects.toBeInstanceOf(
      RegisterAnswerError,
    );
  });

  it("gives up after its attempts when the register is slower than the time-out", async () => {
    const started = Date.now();
    const error = await createLantmaterietRegister(config)
      .lookup(designation(TRIGGERS.slow))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RegisterUnavailableError);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it("reports a register that answers 5xx as unavailable, after retrying", async () => {
    const before = standIn.calls.api.length;
    await expect(createLantmaterietRegister(config).lookup(designation(TRIGGERS.serverError))).rejects.toBeInstanceOf(
      RegisterUnavailableError,
    );
    expect(standIn.calls.api.length - before).toBe(2);
  });

  it("fetches a new token once when the API says 401, and not again and again", async () => {
    const register = createLantmaterietRegister(config);
    const tokensBefore = standIn.calls.token;
    expect((await register.lookup(designation("Åmål Plogen 4:2"))).found).toBe(true);
    expect((await register.lookup(designation("Åmål Plogen 4:2"))).found).toBe(true);
    expect(standIn.calls.token - tokensBefore).toBe(1); // the token is kept while it is valid
    standIn.expireTokens();
    expect((await register.lookup(designation("Åmål Plogen 4:2"))).found).toBe(true);
    expect(standIn.calls.token - tokensBefore).toBe(2);

    const refusedBefore = standIn.calls.token;
    await expect(register.lookup(designation(TRIGGERS.refused))).rejects.toThrow(/401/);
    expect(standIn.calls.token - refusedBefore).toBe(1); // one new token, then it gives up
  });

  it("never names the client secret in an error", async () => {
    const error = await createLantmaterietRegister({ ...config, clientSecret: "wrong-secret-value" })
      .lookup(designation("Åmål Plogen 4:2"))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RegisterAnswerError);
    expect(String(error)).not.toContain("wrong-secret-value");
  });
});
