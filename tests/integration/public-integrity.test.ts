/**
 * What the public register shows of a case (outside review §15, docs/decisions/045): the free
 * text an anonymous fault reporter types as the location is never published, and a secret
 * case's registration time is shown to the day only, on the page, in the CSV, the feeds and
 * the API alike.
 */
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { administration, municipality } from "../../db/schema/index";
import { getFormDefinition } from "../../forms/definitions/index";
import { db, prepareDatabase } from "~/db.server";
import * as atomRoute from "~/routes/diarium[.]atom";
import * as csvRoute from "~/routes/diarium[.]csv";
import * as rssRoute from "~/routes/diarium[.]rss";
import * as apiRoute from "~/routes/api.v1.diarium";
import { createCase, type NewCase } from "~/services/cases.server";
import { searchDiarium } from "~/services/diarium.server";
import { publicRegisteredAt } from "~/services/diarium-rules";
import { diariumSubject } from "~/services/forms.server";

type Loader = (args: { request: Request; params: object; context: object }) => Promise<Response>;
const get = async (route: { loader: unknown }, path: string) =>
  (
    await (route.loader as Loader)({ request: new Request(`http://portal.test${path}`), params: {}, context: {} })
  ).text();

/** What a reporter might type where the form asks "Var finns felet?". */
const LOCATION = "Solrosvägen 7, hos Anna Rosenqvist-Q7";

let ids: { m: number; samhall: number; barn: number };

function newCase(key: string, extra: Partial<NewCase>): NewCase {
  return {
    idempotencyKey: key,
    municipalityId: ids.m,
    administrationId: ids.samhall,
    formId: "felanmalan-gata-park",
    formVersion: 1,
    area: "allmant",
    sensitivity: "public",
    data: {},
    sensitiveData: {},
    applicantPersonId: null,
    applicantOrganisationId: null,
    submittedByPersonId: null,
    contactEmail: null,
    submitterKey: `owner-${key}`,
    language: "sv",
    decisionDays: null,
    diarium: { subject: null, partyKind: "none", partyName: null },
    attachments: { publicIds: [], ownerKey: `owner-${key}` },
    ...extra,
  };
}

let faultRef = "";
let secretRef = "";
let publicRef = "";

beforeAll(() => {
  prepareDatabase();
  const m = db().select({ id: municipality.id }).from(municipality).where(eq(municipality.slug, "amal")).get()!;
  const admin = (slug: string) =>
    db()
      .select({ id: administration.id })
      .from(administration)
      .where(and(eq(administration.municipalityId, m.id), eq(administration.slug, slug)))
      .get()!.id;
  ids = { m: m.id, samhall: admin("samhallsbyggnad"), barn: admin("barn-och-utbildning") };
  const def = getFormDefinition("felanmalan-gata-park")!;
  const answers = { category: "gatubelysning", location: LOCATION, description: "Lampan är släckt." };
  faultRef = createCase(
    newCase("integrity-fault-aaaaaaaaaaaaa", {
      data: answers,
      diarium: { subject: diariumSubject(def, answers, "sv"), partyKind: "none", partyName: null },
      now: new Date("2031-05-06T08:00:00.000Z"),
    }),
  ).reference;
  // 23:30:12.345 UTC is already the next day in Sweden (00:30 on 5 March, CET).
  secretRef = createCase(
    newCase("integrity-secret-aaaaaaaaaaaa", {
      formId: "forskola-ansokan",
      area: "barnomsorg",
      administrationId: ids.barn,
      sensitivity: "secret",
      now: new Date("2031-03-04T23:30:12.345Z"),
    }),
  ).reference;
  publicRef = createCase(
    newCase("integrity-public-aaaaaaaaaaaa", { now: new Date("2031-03-04T23:31:13.456Z") }),
  ).reference;
});

describe("an anonymous fault report in the public register", () => {
  it("publishes the category as its subject, never the location the reporter typed", async () => {
    const def = getFormDefinition("felanmalan-gata-park")!;
    expect(diariumSubject(def, { category: "gatubelysning", location: LOCATION }, "sv")).toBe("Gatubelysning");
    expect(diariumSubject(def, { category: "gatubelysning", location: LOCATION }, "en")).toBe("Street lighting");

    const entry = searchDiarium({ q: faultRef }, "sv").entries.find((e) => e.reference === faultRef)!;
    expect(entry.subject).toBe("Gatubelysning");
    const outputs = [
      JSON.stringify(searchDiarium({ q: faultRef }, "sv")),
      await get(csvRoute, `/diarium.csv?q=${faultRef}`),
      await get(atomRoute, "/diarium.atom?kommun=amal"),
      await get(rssRoute, "/diarium.rss?kommun=amal"),
      await get(apiRoute, `/api/v1/diarium?q=${faultRef}`),
    ];
    for (const out of outputs) {
      expect(out).toContain(faultRef);
      expect(out).not.toContain("Solrosvägen");
      expect(out).not.toContain("Rosenqvist-Q7");
    }
  });
});

describe("a secret case's registration time", () => {
  it("is rounded to the Swedish calendar day; a public case keeps its exact time", () => {
    expect(publicRegisteredAt("secret", "2031-03-04T23:30:12.345Z")).toBe("2031-03-05T00:00:00.000Z");
    expect(publicRegisteredAt("secret", "2031-07-01T21:59:59.999Z")).toBe("2031-07-01T00:00:00.000Z");
    expect(publicRegisteredAt("secret", "2031-07-01T22:00:00.000Z")).toBe("2031-07-02T00:00:00.000Z");
    expect(publicRegisteredAt("public", "2031-03-04T23:31:13.456Z")).toBe("2031-03-04T23:31:13.456Z");
    expect(publicRegisteredAt("personal", "2031-03-04T23:31:13.456Z")).toBe("2031-03-04T23:31:13.456Z");
  });

  it("shows only the day on the page, in the CSV, the feeds and the API", async () => {
    const page = searchDiarium({ fran: "2031-03-04", till: "2031-03-05" }, "sv").entries;
    expect(page.find((e) => e.reference === secretRef)?.registeredAt).toBe("2031-03-05T00:00:00.000Z");
    expect(page.find((e) => e.reference === publicRef)?.registeredAt).toBe("2031-03-04T23:31:13.456Z");

    const csv = await get(csvRoute, `/diarium.csv?q=${secretRef}`);
    expect(csv).toContain(`${secretRef};2031-03-05;`);

    const atom = await get(atomRoute, "/diarium.atom?kommun=amal&forvaltning=barn-och-utbildning");
    const rss = await get(rssRoute, "/diarium.rss?kommun=amal&forvaltning=barn-och-utbildning");
    const api = await get(apiRoute, `/api/v1/diarium?q=${secretRef}`);
    expect(atom).toContain("<updated>2031-03-05T00:00:00.000Z</updated>");
    expect(rss).toContain("Wed, 05 Mar 2031 00:00:00 GMT");
    expect(JSON.parse(api).data[0]).toMatchObject({ reference: secretRef, registeredAt: "2031-03-05T00:00:00.000Z" });
    for (const out of [csv, atom, rss, api]) {
      expect(out).not.toContain("23:30:12");
      expect(out).not.toContain("Tue, 04 Mar 2031 23:30");
    }
  });
});
