import { readdirSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createRequestHandler } from "@remix-run/express";
import { Ajv2020 } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { sql } from "drizzle-orm";
import express from "express";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { caseExport } from "../../db/schema/index";
import { TEST_INTEGRATION_SYSTEM } from "../../db/seed/integration";
import { db, prepareDatabase } from "~/db.server";
import { rateLimits } from "~/http/middleware.server";
import { testServerBuild } from "../helpers/server-build";
import * as catchAll from "~/routes/api.v1.$";
import * as index from "~/routes/api.v1._index";
import * as administrations from "~/routes/api.v1.administrations";
import * as authority from "~/routes/api.v1.authorities.$slug";
import * as authorities from "~/routes/api.v1.authorities._index";
import * as cpsv from "~/routes/api.v1.cpsv-ap";
import * as diarium from "~/routes/api.v1.diarium";
import * as form from "~/routes/api.v1.forms.$id";
import * as formDocument from "~/routes/api.v1.forms.$id_.document";
import * as definitionSchema from "~/routes/api.v1.schemas.eservice-definition[.]json";
import * as forms from "~/routes/api.v1.forms._index";
import * as callback from "~/routes/api.v1.integration.cases.$reference";
import * as lifeEvent from "~/routes/api.v1.life-events.$slug";
import * as lifeEvents from "~/routes/api.v1.life-events._index";
import * as municipality from "~/routes/api.v1.municipalities.$slug";
import * as municipalities from "~/routes/api.v1.municipalities._index";
import * as openapi from "~/routes/api.v1.openapi[.]json";
import * as service from "~/routes/api.v1.services.$slug";
import * as services from "~/routes/api.v1.services._index";
import { openApiDocument } from "~/services/openapi.server";

/*
 * Issue 20: the API does what its document says. Every operation of /api/v1/openapi.json is called
 * over HTTP (a real server on 127.0.0.1: Express with the app's rate limits and Remix's handler over
 * the real api.v1 route modules, as scripts/serve.mjs runs them) with the documented parameters:
 * the defaults, each bound and just outside it, every enum value, and each documented error status.
 * Status, headers and body are validated against the document with ajv (JSON Schema 2020-12, the
 * dialect of OAS 3.1; every object closed, so an undocumented field fails). Decision 063.
 */

// Small burst so that a 429 for every operation costs few requests (before env() is first read).
vi.hoisted(() => {
  process.env.RATE_LIMIT_API_BURST = "20";
  process.env.RATE_LIMIT_API = "6";
});

// The document is walked as plain JSON.
type Json = any;

const ROUTES: [file: string, module: object, path: string | undefined, isIndex?: boolean][] = [
  ["api.v1.$", catchAll, "api/v1/*"],
  ["api.v1._index", index, "api/v1", true],
  ["api.v1.administrations", administrations, "api/v1/administrations"],
  ["api.v1.authorities.$slug", authority, "api/v1/authorities/:slug"],
  ["api.v1.authorities._index", authorities, "api/v1/authorities", true],
  ["api.v1.cpsv-ap", cpsv, "api/v1/cpsv-ap"],
  ["api.v1.diarium", diarium, "api/v1/diarium"],
  ["api.v1.forms.$id", form, "api/v1/forms/:id"],
  ["api.v1.forms.$id_.document", formDocument, "api/v1/forms/:id/document"],
  ["api.v1.schemas.eservice-definition[.]json", definitionSchema, "api/v1/schemas/eservice-definition.json"],
  ["api.v1.forms._index", forms, "api/v1/forms", true],
  ["api.v1.integration.cases.$reference", callback, "api/v1/integration/cases/:reference"],
  ["api.v1.life-events.$slug", lifeEvent, "api/v1/life-events/:slug"],
  ["api.v1.life-events._index", lifeEvents, "api/v1/life-events", true],
  ["api.v1.municipalities.$slug", municipality, "api/v1/municipalities/:slug"],
  ["api.v1.municipalities._index", municipalities, "api/v1/municipalities", true],
  ["api.v1.openapi[.]json", openapi, "api/v1/openapi.json"],
  ["api.v1.services.$slug", service, "api/v1/services/:slug"],
  ["api.v1.services._index", services, "api/v1/services", true],
];

/** An in-memory build of the API routes under the real root and entry (tests/helpers/server-build.ts). */
const build = () => testServerBuild(ROUTES.map(([file, module, path, index]) => ({ file, module, path, index })));

let server: Server;
let origin = "";
let doc: Json;
let ipNo = 0;
/** A fresh client address per request (10.0.0.1, 10.0.0.2, …), so no bucket but the 429 test's empties. */
const nextIp = () => {
  ipNo++;
  return `10.${(ipNo >> 16) & 255}.${(ipNo >> 8) & 255}.${ipNo & 255}`;
};

beforeAll(async () => {
  prepareDatabase();
  const app = express();
  // Each request says its own client address, so only the 429 test empties a bucket.
  app.set("trust proxy", true);
  app.use(rateLimits);
  const handle = createRequestHandler({
    build: build(),
    mode: "production",
    getLoadContext: (req) => ({ requestId: "contract", cspNonce: "", clientIp: req.ip ?? "" }),
  });
  app.all("*", (req, res, next) => {
    handle(req, res, next).catch(next);
  });
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  doc = openApiDocument(origin);
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

// ------------------------------------------------------------------------ the validator

const SCHEMAS_ID = "https://contract.test/schemas";
let ajv: Ajv2020 | undefined;
function validator(): Ajv2020 {
  if (ajv) return ajv;
  ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true });
  addFormats(ajv);
  ajv.addSchema({ $id: SCHEMAS_ID, $defs: rewriteRefs(doc.components.schemas) });
  return ajv;
}

/** `#/components/schemas/X` → the $defs of one registered schema, so ajv resolves every ref. */
function rewriteRefs(value: Json): Json {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (value && typeof value === "object") {
    const out: Json = {};
    for (const [k, v] of Object.entries(value)) {
      out[k] =
        k === "$ref" && typeof v === "string" && v.startsWith("#/components/schemas/")
          ? `${SCHEMAS_ID}#/$defs/${v.slice("#/components/schemas/".length)}`
          : rewriteRefs(v);
    }
    return out;
  }
  return value;
}

/** Follows one `$ref` into components (responses, headers). */
function deref(value: Json): Json {
  if (value && typeof value.$ref === "string") {
    const parts = (value.$ref as string).slice(2).split("/");
    let at: Json = doc;
    for (const p of parts) at = at?.[p];
    if (at === undefined) throw new Error(`unresolved ${value.$ref as string}`);
    return at;
  }
  return value;
}

function validate(schema: Json, value: unknown, where: string) {
  const check = validator().compile(rewriteRefs(schema));
  const ok = check(value);
  expect(
    ok ? [] : check.errors?.map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`),
    where,
  ).toEqual([]);
}

interface Answer {
  status: number;
  headers: Headers;
  body: Json;
}

/** The operation's documented answer for this status: content type, headers and body must match it. */
function expectDocumented(path: string, method: string, answer: Answer, where: string) {
  const op = doc.paths[path]?.[method];
  expect(op, `${method} ${path} is documented`).toBeDefined();
  const response = deref(op.responses[String(answer.status)]);
  expect(response, `${where}: status ${answer.status} is documented`).toBeDefined();
  const [mediaType, ...more] = Object.keys(response.content ?? {});
  expect(more, where).toEqual([]);
  const contentType = (answer.headers.get("Content-Type") ?? "").split(";")[0]!.trim();
  expect(contentType, `${where}: Content-Type`).toBe(mediaType);
  validate(response.content[mediaType!].schema, answer.body, `${where}: body`);
  for (const [name, header] of Object.entries(response.headers ?? {})) {
    const h = deref(header);
    const value = answer.headers.get(name);
    if (h.required) expect(value, `${where}: header ${name} is required`).not.toBeNull();
    if (value !== null) validate(h.schema, value, `${where}: header ${name}`);
  }
}

async function call(
  path: string,
  query = "",
  init: { method?: string; ip?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
  const res = await fetch(`${origin}/api/v1${path}${query ? `?${query}` : ""}`, {
    method: init.method ?? "GET",
    headers: { "X-Forwarded-For": init.ip ?? nextIp(), ...init.headers },
    body: init.body,
  });
  const text = await res.text();
  let body: Json = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* not JSON: the media-type check says so */
  }
  return { status: res.status, headers: res.headers, body };
}

/** Calls the operation at `template` (a documented path) with `concrete` (its real address). */
async function expectCall(template: string, concrete: string, query: string, status: number, method = "get") {
  const answer = await call(concrete, query);
  expect(answer.status, `${concrete}?${query}: ${JSON.stringify(answer.body).slice(0, 300)}`).toBe(status);
  expectDocumented(template, method, answer, `${method.toUpperCase()} ${concrete}?${query}`);
  return answer;
}

/** rel → URL from an RFC 8288 header value as the API writes it (`<url>; rel="x", …`). */
function parseLink(value: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of value.split(", <")) {
    const close = part.indexOf(">");
    const url = part.slice(part.startsWith("<") ? 1 : 0, close);
    const relAt = part.indexOf('rel="', close);
    out[part.slice(relAt + 5, part.indexOf('"', relAt + 5))] = url;
  }
  return out;
}

const param = (template: string, name: string): Json =>
  doc.paths[template].get.parameters.find((p: Json) => p.name === name);

const LISTS = [
  "/services",
  "/diarium",
  "/municipalities",
  "/administrations",
  "/authorities",
  "/life-events",
  "/forms",
];

// ------------------------------------------------------------------------------- tests

describe("the API does what its OpenAPI document says", () => {
  it("documents exactly the API's routes: every api.v1 route file is served here and every path is called", () => {
    const files = readdirSync("app/routes")
      .filter((f) => f.startsWith("api.v1.") && !f.includes(".test."))
      .map((f) => f.replace(/\.tsx?$/, ""));
    expect(files.sort()).toEqual(ROUTES.map(([f]) => f).sort());
    const called = [
      ...LISTS,
      "/",
      "/openapi.json",
      "/cpsv-ap",
      "/integration/cases/{reference}",
      "/forms/{id}/document",
      "/schemas/eservice-definition.json",
    ];
    const oneOfs = [
      "/services/{slug}",
      "/municipalities/{slug}",
      "/authorities/{slug}",
      "/life-events/{slug}",
      "/forms/{id}",
    ];
    expect(Object.keys(doc.paths).sort()).toEqual([...called, ...oneOfs].sort());
  });

  it("every list: the default page, pageSize and page at and just outside their documented bounds, page after the last", async () => {
    for (const list of LISTS) {
      const size = param(list, "pageSize").schema;
      const page = param(list, "page").schema;
      const first = await expectCall(list, list, "", 200);
      expect(first.body.meta.pageSize, `${list} default pageSize`).toBe(size.default);
      expect(first.body.meta.page, `${list} default page`).toBe(page.default);
      expect(first.body.data.length).toBeLessThanOrEqual(size.default);
      const min = await expectCall(list, list, `pageSize=${size.minimum}`, 200);
      expect(min.body.data.length).toBeLessThanOrEqual(size.minimum);
      expect(min.body.meta.pageSize).toBe(size.minimum);
      const max = await expectCall(list, list, `pageSize=${size.maximum}`, 200);
      expect(max.body.meta.pageSize).toBe(size.maximum);
      await expectCall(list, list, `pageSize=${size.minimum - 1}`, 400);
      await expectCall(list, list, `pageSize=${size.maximum + 1}`, 400);
      await expectCall(list, list, "pageSize=abc", 400);
      await expectCall(list, list, `page=${page.minimum}`, 200);
      await expectCall(list, list, `page=${page.minimum - 1}`, 400);
      await expectCall(list, list, `page=${page.maximum + 1}`, 400);
      const beyond = await expectCall(list, list, `page=${page.maximum}`, 404);
      expect(beyond.body.error).toBe("page_out_of_range");
    }
  }, 120_000);

  it("every list sends the documented RFC 8288 Link header, the same links as the body", async () => {
    for (const list of LISTS) {
      const all = (await call(list, "pageSize=100")).body.meta.total as number;
      const size = Math.min(100, Math.max(1, Math.floor(all / 3)));
      const onFirst = await expectCall(list, list, `pageSize=${size}`, 200);
      const pages = onFirst.body.meta.totalPages as number;
      const middle = await expectCall(list, list, `pageSize=${size}&page=${Math.min(2, pages)}`, 200);
      for (const answer of [onFirst, middle]) {
        const header = answer.headers.get("Link");
        expect(header, `${list}: Link`).not.toBeNull();
        const links = parseLink(header!);
        const expected: Record<string, string> = { first: answer.body.links.first, last: answer.body.links.last };
        if (answer.body.links.prev) expected.prev = answer.body.links.prev;
        if (answer.body.links.next) expected.next = answer.body.links.next;
        expect(links, list).toEqual(expected);
        expect(new URL(links.first!).searchParams.get("pageSize")).toBe(String(size));
      }
      if (pages > 1)
        expect(Object.keys(parseLink(onFirst.headers.get("Link")!)).sort()).toEqual(["first", "last", "next"]);
    }
  });

  it("every documented enum value and filter is accepted, and a value outside it is a 400", async () => {
    for (const level of param("/authorities", "level").schema.enum as string[]) {
      const a = await expectCall("/authorities", "/authorities", `level=${level}`, 200);
      expect(a.body.data.every((x: Json) => x.level === level)).toBe(true);
    }
    await expectCall("/authorities", "/authorities", "level=galaxy", 400);
    for (const status of param("/diarium", "status").schema.enum as string[])
      await expectCall("/diarium", "/diarium", `status=${status}`, 200);
    await expectCall("/diarium", "/diarium", "status=nope", 400);
    for (const lang of param("/diarium", "lang").schema.enum as string[])
      await expectCall("/diarium", "/diarium", `lang=${lang}`, 200);
    await expectCall("/diarium", "/diarium", "lang=fi", 400);
    await expectCall("/diarium", "/diarium", `q=${"a".repeat(param("/diarium", "q").schema.maxLength)}`, 200);
    await expectCall("/diarium", "/diarium", `q=${"a".repeat(param("/diarium", "q").schema.maxLength + 1)}`, 400);
    await expectCall("/diarium", "/diarium", "kommun=amal&forvaltning=samhallsbyggnad", 200);
    await expectCall("/diarium", "/diarium", "kommun=oslo", 400);
    await expectCall("/diarium", "/diarium", "fran=2026-01-01&till=2026-12-31", 200);
    await expectCall("/diarium", "/diarium", "fran=2026-13-40", 400);
    await expectCall("/diarium", "/diarium", "fran=2026-12-31&till=2026-01-01", 400);
    await expectCall("/diarium", "/diarium", "sida=2", 400);
    await expectCall("/services", "/services", "municipality=amal", 200);
    await expectCall("/services", "/services", "municipality=oslo", 400);
    const category = (await call("/services", "pageSize=1")).body.data[0].category as string;
    await expectCall("/services", "/services", `category=${category}`, 200);
    await expectCall("/services", "/services", "category=nope", 400);
    await expectCall("/administrations", "/administrations", "municipality=amal", 200);
    await expectCall("/administrations", "/administrations", "municipality=oslo", 400);
  });

  it("every item, and 404 for one that does not exist; the whole catalogue validates, nulls included", async () => {
    for (const [template, list, key] of [
      ["/services/{slug}", "/services", "slug"],
      ["/municipalities/{slug}", "/municipalities", "slug"],
      ["/authorities/{slug}", "/authorities", "slug"],
      ["/life-events/{slug}", "/life-events", "slug"],
      ["/forms/{id}", "/forms", "id"],
    ] as const) {
      const everything = await expectCall(list, list, "pageSize=100", 200);
      expect(everything.body.meta.total, list).toBeLessThanOrEqual(100);
      const items = everything.body.data as Json[];
      // First, middle and last: every item already validated in the list; this proves the one-item answers.
      for (const item of [items[0], items[Math.floor(items.length / 2)], items.at(-1)]) {
        const one = await expectCall(template, `${list}/${item[key] as string}`, "", 200);
        expect(one.body.data).toEqual(item);
      }
      const missing = await expectCall(template, `${list}/finns-inte`, "", 404);
      expect(missing.body.error).toBe("not_found");
    }
    await expectCall("/", "/", "", 200);
    await expectCall("/openapi.json", "/openapi.json", "", 200);
    await expectCall("/cpsv-ap", "/cpsv-ap", "", 200);
    const document = await expectCall("/forms/{id}/document", "/forms/felanmalan-gata-park/document", "", 200);
    expect(document.body.definition.id).toBe("felanmalan-gata-park");
    await expectCall("/forms/{id}/document", "/forms/finns-inte/document", "", 404);
    const schema = await expectCall("/schemas/eservice-definition.json", "/schemas/eservice-definition.json", "", 200);
    expect(schema.body.$id).toBe("/api/v1/schemas/eservice-definition.json");
  }, 120_000);

  it("the case-management callback: 200, 400, 401, 404, 409, 413 and 415 as documented", async () => {
    const ref = db().get<{ reference: string }>(
      sql`select reference from "case" where status = 'received' order by id limit 1`,
    )!.reference;
    db()
      .insert(caseExport)
      .values({ reference: ref, status: "delivered", nextAttemptAt: new Date().toISOString() })
      .run();
    const template = "/integration/cases/{reference}";
    const post = async (reference: string, body: string, headers: Record<string, string>, status: number) => {
      const answer = await call(`/integration/cases/${reference}`, "", { method: "POST", body, headers });
      expect(answer.status, `${status}: ${JSON.stringify(answer.body)}`).toBe(status);
      expectDocumented(template, "post", answer, `POST ${reference} → ${status}`);
      return answer;
    };
    const auth = { Authorization: `Bearer ${TEST_INTEGRATION_SYSTEM.token}`, "Content-Type": "application/json" };
    const ok = await post(ref, JSON.stringify({ message: { text: "Vi har tagit emot ärendet." } }), auth, 200);
    expect(ok.body.data.reference).toBe(ref);
    await post(ref, JSON.stringify({ message: { text: "x" } }), { "Content-Type": "application/json" }, 401);
    await post(ref, "{not json", auth, 400);
    await post(ref, JSON.stringify({}), auth, 400);
    await post("AML-2026-999999", JSON.stringify({ status: "in_progress" }), auth, 404);
    await post(ref, JSON.stringify({ status: "decided" }), auth, 409);
    await post(ref, JSON.stringify({ message: { text: "x".repeat(70_000) } }), auth, 413);
    await post(ref, "status=in_progress", { ...auth, "Content-Type": "text/plain" }, 415);
  });

  it("every operation answers 429 as documented once a client's bucket is empty", async () => {
    const ip = "203.0.113.99";
    let answer: Answer | undefined;
    for (let i = 0; i < 100; i++) {
      answer = await call("/", "", { ip });
      if (answer.status === 429) break;
    }
    expect(answer?.status).toBe(429);
    for (const [template, ops] of Object.entries(doc.paths as Record<string, Json>)) {
      for (const method of Object.keys(ops)) {
        const concrete = template
          .replace("{slug}", "amal")
          .replace("{id}", "x")
          .replace("{reference}", "AML-2026-000001");
        const limited = await call(concrete, "", { ip, method: method.toUpperCase() });
        expect(limited.status, `${method} ${template}`).toBe(429);
        expectDocumented(template, method, limited, `${method} ${template} → 429`);
      }
    }
  }, 60_000);
});
