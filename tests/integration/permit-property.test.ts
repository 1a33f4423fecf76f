/**
 * Bygglov asks the property register through the configured adapter (decisions 066, 068): here
 * the real Lantmäteriet client against its stand-in over HTTP. A property anywhere in Sweden is
 * recognised, one outside the portal's municipalities is refused with its owner shown, a register
 * that does not answer gives a field message, and each look-up is audited with its purpose.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvent, municipality } from "../../db/schema/index";
import type { ResidentUser } from "~/auth/guards.server";
import { db, prepareDatabase } from "~/db.server";
import { lookupProperty } from "~/services/building-permits.server";
import { createLantmaterietStandIn, lantmaterietStandIn, TRIGGERS } from "../stand-ins/lantmateriet";
import { viewerFor } from "./people-helper";

const ERIK = "198203249274"; // owns Bengtsfors Sågen 1:23
let server: Server;
let erik: ResidentUser;
let anna: ResidentUser;

function resident(personnummer: string, name: string): ResidentUser {
  const { personId } = viewerFor(personnummer, name);
  return { kind: "resident", personId, name, acting: { kind: "self" }, roles: [], sessionId: "s" } as ResidentUser;
}

beforeAll(async () => {
  server = createServer(createLantmaterietStandIn({ slowMs: 10_000 }).listener);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  Object.assign(process.env, lantmaterietStandIn.env(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
  prepareDatabase();
  erik = resident(ERIK, "Erik Lindqvist");
  anna = resident("198112189876", "Anna Ritare");
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

describe("bygglov and the property register", () => {
  it("finds a property in one of the portal's municipalities and says whether the applicant owns it", async () => {
    const own = await lookupProperty(erik, "bengtsfors sågen 1:23");
    expect(own).toMatchObject({ ok: true, property: { designation: "Bengtsfors Sågen 1:23", applicantOwns: true } });
    const other = await lookupProperty(anna, "Bengtsfors Sågen 1:23");
    expect(other).toMatchObject({ ok: true, property: { ownerName: "Erik Lindqvist", applicantOwns: false } });
  });

  it("recognises a property elsewhere in Sweden but refuses a bygglov for it, showing the owner", async () => {
    const outside = await lookupProperty(anna, "Stockholm Norrmalm 3:5");
    expect(outside).toMatchObject({
      ok: false,
      code: "propertyOutside",
      property: { municipalityName: "Stockholm", kommunkod: "0180", ownerName: "Exempelfastigheter i Stockholm AB" },
    });
  });

  it("places a property in the portal by the register's kommunkod, not by the municipality's name", async () => {
    const bengtsfors = db().select().from(municipality).where(eq(municipality.slug, "bengtsfors")).get()!;
    // An admin writes the name differently from the register: the code still places the property.
    db().update(municipality).set({ name: "Bengtsfors kommun" }).where(eq(municipality.id, bengtsfors.id)).run();
    try {
      expect(await lookupProperty(erik, "Bengtsfors Sågen 1:23")).toMatchObject({
        ok: true,
        property: { kommunkod: "1460", municipalityId: bengtsfors.id },
      });
    } finally {
      db().update(municipality).set({ name: bengtsfors.name }).where(eq(municipality.id, bengtsfors.id)).run();
    }
  });

  it("a municipality named like the register's but without its kommunkod does not take in the property; with the code it does", async () => {
    const sixth = db()
      .insert(municipality)
      .values({
        slug: "vanersborg-test",
        code: "VBG",
        name: "Vänersborg",
        logoText: "Vänersborg",
        introSv: "-",
        introEn: "-",
        phone: "-",
        email: "kommun@example.se",
        visitingAddress: "-",
        postalAddress: "-",
        openingHoursSv: "-",
        openingHoursEn: "-",
        orgNumber: "212000-1355",
        population: 1,
      })
      .returning()
      .get();
    try {
      expect(await lookupProperty(anna, "Vänersborg Gropen 1:2")).toMatchObject({
        ok: false,
        code: "propertyOutside",
        property: { kommunkod: "1487", municipalityId: null },
      });
      db().update(municipality).set({ kommunkod: "1487" }).where(eq(municipality.id, sixth.id)).run();
      expect(await lookupProperty(anna, "Vänersborg Gropen 1:2")).toMatchObject({
        ok: true,
        property: { municipalityId: sixth.id },
      });
    } finally {
      db().delete(municipality).where(eq(municipality.id, sixth.id)).run();
    }
  });

  it("a property the register gives no kommunkod for (no address) is not guessed into or out of the portal", async () => {
    expect(await lookupProperty(anna, "Göteborg Inom Vallgraven 1:1")).toMatchObject({
      ok: false,
      code: "propertyMunicipalityUnknown",
      property: { kommunkod: null, municipalityId: null },
    });
  });

  it("tells malformed text, an unknown property and a silent register apart", async () => {
    expect(await lookupProperty(anna, "Åmål 4:2")).toEqual({ ok: false, code: "propertyFormat" });
    expect(await lookupProperty(anna, "Åmål Finnsinte 9:99")).toEqual({ ok: false, code: "propertyUnknown" });
    expect(await lookupProperty(anna, TRIGGERS.serverError)).toEqual({ ok: false, code: "registerUnavailable" });
    expect(await lookupProperty(anna, TRIGGERS.malformed)).toEqual({ ok: false, code: "registerUnavailable" });
  });

  it("audits each look-up with its purpose and never the owner's personnummer", async () => {
    await lookupProperty(erik, "Bengtsfors Sågen 1:23");
    const rows = db()
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.action, "register.property.lookup"), eq(auditEvent.subjectId, "Bengtsfors Sågen 1:23")))
      .all();
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).toContain("bygglov");
    expect(JSON.stringify(rows)).not.toContain(ERIK);
  });
});
