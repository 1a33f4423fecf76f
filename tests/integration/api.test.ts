import { Validator } from "@seriousme/openapi-schema-validator";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prepareDatabase } from "~/db.server";
import * as catchAll from "~/routes/api.v1.$";
import * as index from "~/routes/api.v1._index";
import * as diarium from "~/routes/api.v1.diarium";
import { searchDiarium } from "~/services/diarium.server";
import * as cpsv from "~/routes/api.v1.cpsv-ap";
import * as service from "~/routes/api.v1.services.$slug";
import * as services from "~/routes/api.v1.services._index";
import * as form from "~/routes/api.v1.forms.$id";
import * as forms from "~/routes/api.v1.forms._index";
import * as administrations from "~/routes/api.v1.administrations";
import * as authority from "~/routes/api.v1.authorities.$slug";
import * as authorities from "~/routes/api.v1.authorities._index";
import * as lifeEvent from "~/routes/api.v1.life-events.$slug";
import * as lifeEvents from "~/routes/api.v1.life-events._index";
import * as municipality from "~/routes/api.v1.municipalities.$slug";
import * as municipalities from "~/routes/api.v1.municipalities._index";
import * as openapi from "~/routes/api.v1.openapi[.]json";

type Loader = (args: LoaderFunctionArgs) => Promise<Response>;

const ORIGIN = "http://portal.test";
let ip = 0;

/** Calls a route's loader as Remix would, each test from its own IP unless told otherwise. */
async function get(route: { loader: unknown }, path: string, params: Record<string, string> = {}, clientIp?: string) {
  const request = new Request(`${ORIGIN}${path}`);
  const response = await (route.loader as Loader)({
    request,
    params,
    context: { clientIp: clientIp ?? `10.0.0.${ip}`, requestId: "t", cspNonce: "" },
  });
  return { response, body: (await response.json()) as any };
}

beforeAll(() => prepareDatabase());
beforeEach(() => {
  ip++;
});

describe("the open API", () => {
  it("answers with Content-Disposition attachment so a browser never renders an API answer (ASVS 14.4.2)", async () => {
    for (const [route, path, params] of [
      [municipalities, "/api/v1/municipalities", {}],
      [municipality, "/api/v1/municipalities/finns-inte", { slug: "finns-inte" }],
      [openapi, "/api/v1/openapi.json", {}],
    ] as const) {
      const { response } = await get(route, path, params);
      expect(response.headers.get("Content-Disposition"), path).toBe('attachment; filename="api.json"');
      expect(response.headers.get("Access-Control-Allow-Origin"), path).toBe("*");
    }
  });

  it("lists municipalities, paginated, with CORS and caching", async () => {
    const { response, body } = await get(municipalities, "/api/v1/municipalities?pageSize=2");
    expect(response.status).toBe(200);
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(response.headers.get("Cache-Control")).toMatch(/max-age=\d+/);
    expect(response.headers.get("Content-Type")).toMatch(/application\/json/);
    expect(body.meta).toEqual({ page: 1, pageSize: 2, total: 5, totalPages: 3 });
    expect(body.data.map((m: any) => m.slug)).toEqual(["bengtsfors", "dals-ed"]);
    expect(body.links.next).toBe(`${ORIGIN}/api/v1/municipalities?pageSize=2&page=2`);
    expect(body.links.prev).toBeNull();
    expect(response.headers.get("Link")).toContain('rel="next"');
    const last = await get(municipalities, "/api/v1/municipalities?pageSize=2&page=3");
    expect(last.body.data).toHaveLength(1);
    expect(last.body.links.next).toBeNull();
  });

  it("answers bad page numbers, huge pages and unknown slugs with 4xx JSON, never 500", async () => {
    for (const q of [
      "page=0",
      "page=-1",
      "page=abc",
      "pageSize=0",
      "pageSize=101",
      "pageSize=99999999999",
      "page=1.5",
    ]) {
      const { response, body } = await get(authorities, `/api/v1/authorities?${q}`);
      expect(response.status, q).toBe(400);
      expect(body.error).toBe("bad_request");
    }
    expect((await get(authorities, "/api/v1/authorities?page=999")).response.status).toBe(404);
    expect((await get(authorities, "/api/v1/authorities?level=galaxy")).response.status).toBe(400);
    expect((await get(administrations, "/api/v1/administrations?municipality=oslo")).response.status).toBe(400);
    for (const [route, path] of [
      [authority, "/api/v1/authorities/nope"],
      [lifeEvent, "/api/v1/life-events/nope"],
      [municipality, "/api/v1/municipalities/nope"],
    ] as const) {
      const { response, body } = await get(route, path, { slug: "nope" });
      expect(response.status).toBe(404);
      expect(body.error).toBe("not_found");
      expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
    }
    const unknown = await get(catchAll, "/api/v1/nothing-here");
    expect(unknown.response.status).toBe(404);
  });

  it("gives authorities by level in both languages with their link status", async () => {
    const { body } = await get(authorities, "/api/v1/authorities?level=eu&pageSize=100");
    expect(body.data.length).toBeGreaterThanOrEqual(1);
    expect(body.data.every((a: any) => a.level === "eu")).toBe(true);
    const sk = (await get(authority, "/api/v1/authorities/skatteverket", { slug: "skatteverket" })).body.data;
    expect(sk.name).toEqual({ sv: "Skatteverket", en: "Swedish Tax Agency" });
    expect(sk.linkStatus).toEqual({ broken: false, lastCheckedAt: null, lastVerifiedAt: null });
    expect(sk.page).toBe(`${ORIGIN}/andra-myndigheter/skatteverket`);
  });

  it("gives life events with ordered steps and who does them", async () => {
    const { body } = await get(lifeEvents, "/api/v1/life-events");
    expect(body.meta.total).toBeGreaterThanOrEqual(5);
    const one = (await get(lifeEvent, "/api/v1/life-events/flytta-till-dalsland", { slug: "flytta-till-dalsland" }))
      .body.data;
    expect(one.steps[0]).toMatchObject({ number: 1, actor: { kind: "authority", authority: "migrationsverket" } });
    expect(one.steps[1]).toMatchObject({
      number: 2,
      actor: { kind: "municipality", service: "forskola", form: "forskola-ansokan" },
    });
  });

  it("lists the form definitions in both languages", async () => {
    const { body } = await get(forms, "/api/v1/forms?pageSize=100");
    expect(body.meta.total).toBeGreaterThanOrEqual(10);
    const f = (await get(form, "/api/v1/forms/forskola-ansokan", { id: "forskola-ansokan" })).body.data;
    expect(f.title.sv).toBe("Ansök om barnomsorg");
    expect(f.title.en).not.toBe(f.title.sv);
    expect(f.steps[0].fields[0]).toMatchObject({
      name: expect.any(String),
      type: expect.any(String),
      label: { sv: expect.any(String) },
    });
    expect(f.page).toBe(`${ORIGIN}/blanketter/forskola-ansokan`);
    expect((await get(form, "/api/v1/forms/nope", { id: "nope" })).response.status).toBe(404);
  });

  it("returns the published catalogue as JSON, filtered by municipality and category", async () => {
    const { response, body } = await get(services, "/api/v1/services?pageSize=100");
    expect(response.status).toBe(200);
    expect(body.meta.total).toBeGreaterThanOrEqual(40);
    const forskola = body.data.find((s: any) => s.slug === "forskola");
    expect(forskola.title.sv).toBe("Förskola");
    expect(forskola.title.en).toBeTruthy();
    expect(forskola.municipalities.map((m: any) => m.municipality)).toContain("amal");
    expect(forskola.page).toBe(`${ORIGIN}/tjanster/forskola`);
    const amal = await get(services, "/api/v1/services?municipality=amal&pageSize=100");
    expect(amal.body.data.every((s: any) => s.municipalities.some((m: any) => m.municipality === "amal"))).toBe(true);
    expect((await get(services, "/api/v1/services?category=nope")).response.status).toBe(400);
    expect((await get(services, "/api/v1/services?municipality=oslo")).response.status).toBe(400);
    expect((await get(service, "/api/v1/services/forskola", { slug: "forskola" })).body.data.slug).toBe("forskola");
    expect((await get(service, "/api/v1/services/nope", { slug: "nope" })).response.status).toBe(404);
  });

  it("gives the catalogue as CPSV-AP JSON-LD with the municipalities as competent authorities", async () => {
    const { response, body } = await get(cpsv, "/api/v1/cpsv-ap");
    expect(response.headers.get("Content-Type")).toMatch(/application\/ld\+json/);
    expect(body["@context"]).toMatchObject({
      cpsv: "http://purl.org/vocab/cpsv#",
      dct: "http://purl.org/dc/terms/",
      foaf: "http://xmlns.com/foaf/0.1/",
      cv: "http://data.europa.eu/m8g/",
    });
    const graph = body["@graph"] as any[];
    const orgs = graph.filter((n) => n["@type"] === "PublicOrganisation");
    const svc = graph.filter((n) => n["@type"] === "PublicService");
    expect(orgs).toHaveLength(5);
    expect(svc.length).toBeGreaterThanOrEqual(40);
    const orgIds = new Set(orgs.map((o) => o["@id"]));
    for (const s of svc) {
      expect(s.hasCompetentAuthority.length).toBeGreaterThan(0);
      for (const a of s.hasCompetentAuthority) expect(orgIds.has(a)).toBe(true);
      expect(s.title.sv).toBeTruthy();
    }
    const forskola = svc.find((s) => s.identifier === "forskola");
    expect(forskola.isGroupedBy).toContain(`${ORIGIN}/livshandelser/vi-ska-fa-barn`);
    expect(graph.some((n) => Array.isArray(n["@type"]) && n["@type"].includes("LifeEvent"))).toBe(true);
  });

  it("gives the diarium exactly as the web's masking function does, and 4xx for bad filters", async () => {
    const { response, body } = await get(diarium, "/api/v1/diarium");
    expect(response.status).toBe(200);
    const web = searchDiarium({}, "sv", 20);
    expect(body.meta.total).toBe(web.total);
    expect(body.data).toEqual(JSON.parse(JSON.stringify(web.entries)));
    expect((await get(diarium, "/api/v1/diarium?page=0")).response.status).toBe(400);
    expect((await get(diarium, "/api/v1/diarium?pageSize=500")).response.status).toBe(400);
    expect((await get(diarium, "/api/v1/diarium?fran=2026-13-40")).response.status).toBe(400);
    expect((await get(diarium, "/api/v1/diarium?page=9999")).response.status).toBe(404);
    const small = await get(diarium, "/api/v1/diarium?pageSize=5&page=2");
    expect(small.body.data).toEqual(JSON.parse(JSON.stringify(searchDiarium({ sida: 2 }, "sv", 5).entries)));
  });

  it("filters administrations by municipality", async () => {
    const { body } = await get(administrations, "/api/v1/administrations?municipality=amal");
    expect(body.meta.total).toBe(5);
    expect(body.data.every((a: any) => a.municipality === "amal")).toBe(true);
  });

  it("refuses to write: OPTIONS is a CORS pre-flight, POST is 405", async () => {
    const action = authorities.action as (a: { request: Request }) => Promise<Response>;
    const loader = authorities.loader as unknown as (a: {
      request: Request;
      params: object;
      context: object;
    }) => Promise<Response>;
    const pre = await loader({
      request: new Request(`${ORIGIN}/api/v1/authorities`, { method: "OPTIONS" }),
      params: {},
      context: {},
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get("Access-Control-Allow-Methods")).toContain("GET");
    const post = await action({ request: new Request(`${ORIGIN}/api/v1/authorities`, { method: "POST" }) });
    expect(post.status).toBe(405);
  });
});

describe("the OpenAPI document", () => {
  it("is a valid OpenAPI 3 document", async () => {
    const { response, body } = await get(openapi, "/api/v1/openapi.json");
    expect(response.status).toBe(200);
    const result = await new Validator().validate(body);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(body.openapi).toMatch(/^3\./);
  });

  it("describes every endpoint the index lists", async () => {
    const doc = (await get(openapi, "/api/v1/openapi.json")).body;
    const { body } = await get(index, "/api/v1");
    for (const url of Object.values(body.endpoints) as string[]) {
      expect(Object.keys(doc.paths)).toContain(url.replace(`${ORIGIN}/api/v1`, ""));
    }
  });
});
