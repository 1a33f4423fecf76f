import { DEFAULT_PAGE_SIZE, MAX_PAGE, MAX_PAGE_SIZE } from "~/services/api.server";
import { CASE_STATUSES, DECISION_OUTCOMES } from "~/domain/statuses";

/**
 * The OpenAPI 3.1 description of /api/v1, served at /api/v1/openapi.json (docs/decisions/018, 063).
 * It says exactly what the API answers: every object schema is closed (`additionalProperties:
 * false`), null only where a type array or `anyOf` allows it, and
 * tests/integration/api-contract.test.ts calls every operation over HTTP and validates status,
 * headers and body against it with ajv; tests/integration/openapi-lint.test.ts lints it with
 * Redocly's recommended rules. Endpoints added later add their paths and schemas here in the same commit.
 */

type Schema = Record<string, unknown>;

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
/** OAS 3.1 is JSON Schema 2020-12: null is a type, not a `nullable` flag (decision 063). */
const nullable = (type: string, extra: Schema = {}): Schema => ({ type: [type, "null"], ...extra });
/** A closed object: a field the document does not name is a contract failure. */
const object = (properties: Record<string, Schema>, required: string[] = [], extra: Schema = {}): Schema => ({
  type: "object",
  ...extra,
  ...(required.length > 0 ? { required } : {}),
  properties,
  additionalProperties: false,
});
/** The public read-only operations need no credentials: an empty requirement says so (decision 063). */
const ANONYMOUS: unknown[] = [];

const pageParams = [
  {
    name: "page",
    in: "query",
    description: "Page number, from 1. A page after the last is a 404 (page_out_of_range).",
    required: false,
    schema: { type: "integer", minimum: 1, maximum: MAX_PAGE, default: 1 },
  },
  {
    name: "pageSize",
    in: "query",
    description: `Items per page, from 1 to ${MAX_PAGE_SIZE}.`,
    required: false,
    schema: { type: "integer", minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE },
  },
];

const slugParam = (what: string, name = "slug") => ({
  name,
  in: "path",
  required: true,
  description: `The ${what}'s stable slug.`,
  schema: { type: "string", pattern: "^[a-z0-9-]+$" },
});

const json = (schema: Schema) => ({ "application/json": { schema } });
const commonHeaders = {
  "Access-Control-Allow-Origin": { $ref: "#/components/headers/AccessControlAllowOrigin" },
  "Cache-Control": { $ref: "#/components/headers/CacheControl" },
};

function listOf(operationId: string, item: string, summary: string, extraParams: unknown[] = []) {
  return {
    get: {
      operationId,
      summary,
      tags: ["open data"],
      security: ANONYMOUS,
      parameters: [...pageParams, ...extraParams],
      responses: {
        "200": {
          description: "One page of results.",
          headers: { Link: { $ref: "#/components/headers/Link" }, ...commonHeaders },
          content: json(
            object({ data: { type: "array", items: ref(item) }, meta: ref("PageMeta"), links: ref("PageLinks") }, [
              "data",
              "meta",
              "links",
            ]),
          ),
        },
        "400": { $ref: "#/components/responses/BadRequest" },
        "404": { $ref: "#/components/responses/PageOutOfRange" },
        "429": { $ref: "#/components/responses/TooManyRequests" },
      },
    },
  };
}

function oneOf(operationId: string, item: string, what: string, summary: string, param = "slug") {
  return {
    get: {
      operationId,
      summary,
      tags: ["open data"],
      security: ANONYMOUS,
      parameters: [slugParam(what, param)],
      responses: {
        "200": {
          description: `The ${what}.`,
          headers: commonHeaders,
          content: json(object({ data: ref(item) }, ["data"])),
        },
        "404": { $ref: "#/components/responses/NotFound" },
        "429": { $ref: "#/components/responses/TooManyRequests" },
      },
    },
  };
}

const str: Schema = { type: "string" };
const uri: Schema = { type: "string", format: "uri" };
const bool: Schema = { type: "boolean" };
const int: Schema = { type: "integer" };
const strings = (description: string): Schema => ({ type: "array", items: str, description });
const biOrNull: Schema = { anyOf: [ref("Bilingual"), { type: "null" }] };

const schemas: Record<string, Schema> = {
  Bilingual: object({ sv: str, en: str }, ["sv", "en"], {
    description: "A text in Swedish (the reference) and English.",
  }),
  DiariumEntry: object(
    {
      reference: str,
      registeredAt: { type: "string", format: "date-time" },
      caseType: str,
      title: str,
      subject: nullable("string"),
      party: str,
      municipality: str,
      administration: str,
      status: str,
      statusLabel: str,
      requestable: bool,
    },
    [
      "reference",
      "registeredAt",
      "caseType",
      "title",
      "subject",
      "party",
      "municipality",
      "administration",
      "status",
      "statusLabel",
      "requestable",
    ],
    { description: "A public register entry; personal and secret details are already masked." },
  ),
  ServiceOffer: object(
    {
      municipality: str,
      administration: biOrNull,
      fee: biOrNull,
      processingTime: biOrNull,
      processingDays: nullable("integer"),
      contact: {
        anyOf: [
          object({ name: biOrNull, phone: nullable("string"), email: nullable("string") }, ["name", "phone", "email"]),
          { type: "null" },
        ],
      },
      localRules: biOrNull,
    },
    ["municipality", "administration", "fee", "processingTime", "processingDays", "contact", "localRules"],
    { description: "A municipality that offers the service, with its local differences (null: as the service says)." },
  ),
  Service: object(
    {
      slug: str,
      category: str,
      shared: { type: "boolean", description: "Offered by all five municipalities." },
      title: ref("Bilingual"),
      summary: ref("Bilingual"),
      audience: ref("Bilingual"),
      cost: ref("Bilingual"),
      processingTime: ref("Bilingual"),
      processingDays: nullable("integer"),
      legalBasis: ref("Bilingual"),
      englishIncomplete: { type: "boolean", description: "Some English texts are missing and given in Swedish." },
      page: uri,
      form: {
        anyOf: [object({ id: str, page: uri }, ["id", "page"]), { type: "null" }],
        description: "The e-service form, when there is one.",
      },
      municipalities: { type: "array", items: ref("ServiceOffer") },
      related: strings("Slugs of related services."),
      authorities: strings("Slugs of other authorities (see /authorities)."),
      reviewedAt: str,
      updatedAt: str,
      example: bool,
    },
    [
      "slug",
      "category",
      "shared",
      "title",
      "summary",
      "audience",
      "cost",
      "processingTime",
      "processingDays",
      "legalBasis",
      "englishIncomplete",
      "page",
      "form",
      "municipalities",
      "related",
      "authorities",
      "reviewedAt",
      "updatedAt",
      "example",
    ],
  ),
  Form: object(
    {
      id: str,
      version: int,
      title: ref("Bilingual"),
      description: ref("Bilingual"),
      administration: str,
      offeredBy: strings("Slugs of the municipalities that offer it."),
      caseType: str,
      requiresLogin: bool,
      processingDays: int,
      page: uri,
      steps: {
        type: "array",
        items: object(
          {
            id: str,
            title: ref("Bilingual"),
            fields: {
              type: "array",
              items: object({ name: str, type: str, required: bool, label: ref("Bilingual") }, [
                "name",
                "type",
                "required",
                "label",
              ]),
            },
          },
          ["id", "title", "fields"],
        ),
      },
    },
    [
      "id",
      "version",
      "title",
      "description",
      "administration",
      "offeredBy",
      "caseType",
      "requiresLogin",
      "processingDays",
      "page",
      "steps",
    ],
  ),
  PageMeta: object({ page: int, pageSize: int, total: int, totalPages: int }, [
    "page",
    "pageSize",
    "total",
    "totalPages",
  ]),
  PageLinks: object(
    {
      self: uri,
      first: uri,
      last: uri,
      prev: nullable("string", { format: "uri" }),
      next: nullable("string", { format: "uri" }),
    },
    ["self", "first", "last", "prev", "next"],
    { description: "The same addresses as the Link header; prev and next are null on the first and last page." },
  ),
  Error: object(
    {
      error: {
        type: "string",
        description: "Stable machine-readable code, e.g. not_found, page_out_of_range, bad_request, rate_limited.",
      },
      message: str,
      status: int,
    },
    ["error", "message", "status"],
  ),
  Municipality: object(
    {
      slug: str,
      code: { type: "string", description: "Prefix of the municipality's case reference numbers." },
      name: str,
      organisationNumber: str,
      population: int,
      intro: ref("Bilingual"),
      phone: str,
      email: str,
      visitingAddress: str,
      postalAddress: str,
      openingHours: ref("Bilingual"),
      page: uri,
      example: { type: "boolean", description: "True when the facts are example data." },
      administrations: strings("Slugs of its administrations."),
    },
    [
      "slug",
      "code",
      "name",
      "organisationNumber",
      "population",
      "intro",
      "phone",
      "email",
      "visitingAddress",
      "postalAddress",
      "openingHours",
      "page",
      "example",
      "administrations",
    ],
  ),
  Administration: object(
    {
      municipality: str,
      slug: str,
      name: ref("Bilingual"),
      description: ref("Bilingual"),
      phone: str,
      email: str,
      example: bool,
    },
    ["municipality", "slug", "name", "description", "phone", "email", "example"],
  ),
  Authority: object(
    {
      slug: str,
      level: { type: "string", enum: ["county", "state", "eu"] },
      name: ref("Bilingual"),
      description: ref("Bilingual"),
      url: uri,
      page: { type: "string", format: "uri", description: "The authority's page on this portal." },
      linkStatus: object(
        {
          broken: bool,
          lastCheckedAt: nullable("string", { format: "date-time" }),
          lastVerifiedAt: nullable("string", { format: "date-time" }),
        },
        ["broken", "lastCheckedAt", "lastVerifiedAt"],
      ),
      services: {
        type: "array",
        items: object({ title: ref("Bilingual"), description: ref("Bilingual"), url: uri, broken: bool }, [
          "title",
          "description",
          "url",
          "broken",
        ]),
      },
    },
    ["slug", "level", "name", "description", "url", "page", "linkStatus", "services"],
  ),
  LifeEvent: object(
    {
      slug: str,
      title: ref("Bilingual"),
      summary: ref("Bilingual"),
      page: uri,
      example: bool,
      updatedAt: nullable("string", { format: "date-time" }),
      steps: {
        type: "array",
        items: object(
          {
            number: int,
            title: ref("Bilingual"),
            body: ref("Bilingual"),
            actor: {
              description:
                "Who does the step: the municipality (optionally one of its services and forms) or another authority.",
              oneOf: [
                object({ kind: { const: "municipality" }, service: nullable("string"), form: nullable("string") }, [
                  "kind",
                  "service",
                  "form",
                ]),
                object({ kind: { const: "authority" }, authority: nullable("string") }, ["kind", "authority"]),
              ],
            },
          },
          ["number", "title", "body", "actor"],
        ),
      },
    },
    ["slug", "title", "summary", "page", "example", "updatedAt", "steps"],
  ),
  ApiIndex: object(
    {
      name: str,
      version: str,
      documentation: uri,
      endpoints: {
        type: "object",
        description: "The address of each list, by name.",
        additionalProperties: uri,
      },
    },
    ["name", "version", "documentation", "endpoints"],
  ),
};

/** The case-management systems' callback (docs/integration/case-export.md, docs/decisions/034). */
const callbackError = (description: string, headers: Schema = {}) => ({
  description,
  headers: { ...headers, "Cache-Control": { $ref: "#/components/headers/CacheControl" } },
  content: json(ref("CallbackError")),
});
const integrationPaths = {
  "/integration/cases/{reference}": {
    post: {
      operationId: "postCaseCallback",
      summary:
        "A case-management system reports back on a case it received: a new status, a message to the applicant, a decision, or several (all or nothing).",
      tags: ["integration"],
      security: [{ systemToken: [] }],
      parameters: [
        {
          name: "reference",
          in: "path",
          required: true,
          description: "The case's reference number, e.g. AML-2026-000123.",
          schema: { type: "string", pattern: "^[A-Za-z0-9-]{3,40}$" },
        },
      ],
      requestBody: {
        required: true,
        content: json(ref("CaseCallback")),
      },
      responses: {
        "200": {
          description: "Applied (or, for a repeated externalId, already applied: duplicate is true).",
          headers: { "Cache-Control": { $ref: "#/components/headers/CacheControl" } },
          content: json(object({ data: ref("CaseCallbackResult") }, ["data"])),
        },
        "400": callbackError("The body is not valid."),
        "401": callbackError("Missing or unknown system token.", {
          "WWW-Authenticate": {
            description: "The scheme to use.",
            required: true,
            schema: { type: "string", const: 'Bearer realm="case-integration"' },
          },
        }),
        "404": callbackError("No such case, or not one this system may reach."),
        "409": callbackError(
          "Not allowed in the case's state: an illegal status transition (with from, to and allowed), a decision on a decided case, or status decided without a decision.",
        ),
        "413": callbackError("The body is larger than 64 KiB."),
        "415": callbackError("The body is not JSON."),
        "429": { $ref: "#/components/responses/TooManyRequests" },
      },
    },
  },
};

const integrationSchemas: Record<string, Schema> = {
  CaseCallback: object(
    {
      status: {
        type: "string",
        minLength: 1,
        maxLength: 40,
        description:
          "The new status, reached by a legal transition of the case's status machine (not decided: send a decision).",
      },
      message: object({ text: { type: "string", minLength: 1, maxLength: 5000 } }, ["text"]),
      decision: object(
        {
          outcome: { type: "string", enum: [...DECISION_OUTCOMES] },
          text: { type: "string", minLength: 10, maxLength: 8000 },
          decidedAt: { type: "string", format: "date-time" },
        },
        ["outcome", "text"],
      ),
      externalId: {
        type: "string",
        maxLength: 100,
        description: "The system's id for this update; a repeat with the same id is not applied twice.",
      },
    },
    [],
    { description: "At least one of status, message and decision.", minProperties: 1 },
  ),
  CaseCallbackResult: object(
    {
      duplicate: bool,
      reference: str,
      status: str,
      messageId: nullable("integer"),
      decision: nullable("string"),
    },
    ["duplicate", "reference", "status", "messageId", "decision"],
  ),
  CallbackError: object(
    {
      error: str,
      message: str,
      status: int,
      from: { type: "string", description: "409 on a status change: the case's status." },
      to: { type: "string", description: "409 on a status change: the status asked for." },
      allowed: {
        type: "array",
        items: str,
        description: "409 on a status change: the statuses reachable from `from`.",
      },
    },
    ["error", "message", "status"],
    {
      description:
        "An error of the callback: the API's error, with the transition's details on an illegal status change.",
    },
  ),
};

export function openApiDocument(origin: string) {
  return {
    openapi: "3.1.0",
    info: {
      title: "Dalslands e-tjänster – öppna data",
      version: "1.1.0",
      description:
        "Read-only open data from the shared e-service portal of the Dalsland municipalities (the list is at /municipalities): municipalities, administrations, services, forms, other authorities, life-event guides and the public register of cases (masked as on the web). Texts come in Swedish and English. The read-only operations need no credentials (security: [] — anonymous, by design: the data is public). Lists are paginated (page, pageSize 1–100, default 20) with links in the body and an RFC 8288 Link header. CORS is open for GET. Each client IP may make a limited number of requests a minute; over the limit the answer is 429 with Retry-After. One write endpoint, under the integration tag, is for the municipalities' case-management systems only and needs a system token.",
      license: { name: "CC0 1.0", url: "https://creativecommons.org/publicdomain/zero/1.0/" },
    },
    servers: [{ url: `${origin}/api/v1`, description: "This portal." }],
    tags: [
      { name: "open data", description: "Public facts, anonymous and read-only (CC0)." },
      {
        name: "integration",
        description: "For the municipalities' case-management systems only (bearer token per system).",
      },
    ],
    paths: {
      "/": {
        get: {
          operationId: "getApiIndex",
          summary: "Where everything is: the document and each list.",
          tags: ["open data"],
          security: ANONYMOUS,
          responses: {
            "200": { description: "The index.", headers: commonHeaders, content: json(ref("ApiIndex")) },
            "429": { $ref: "#/components/responses/TooManyRequests" },
          },
        },
      },
      "/openapi.json": {
        get: {
          operationId: "getOpenApiDocument",
          summary: "This document.",
          tags: ["open data"],
          security: ANONYMOUS,
          responses: {
            "200": {
              description: "The OpenAPI 3.1 document.",
              headers: commonHeaders,
              content: json({
                type: "object",
                required: ["openapi", "info", "paths"],
                properties: {
                  openapi: { type: "string", const: "3.1.0" },
                  info: { type: "object" },
                  paths: { type: "object" },
                },
              }),
            },
            "429": { $ref: "#/components/responses/TooManyRequests" },
          },
        },
      },
      "/services": listOf("listServices", "Service", "The published service catalogue.", [
        {
          name: "municipality",
          in: "query",
          required: false,
          description: "Only services this municipality offers (slug); an unknown slug is a 400.",
          schema: { type: "string" },
        },
        {
          name: "category",
          in: "query",
          required: false,
          description: "Only services of this category; an unknown category is a 400.",
          schema: { type: "string" },
        },
      ]),
      "/services/{slug}": oneOf("getService", "Service", "service", "One published service."),
      "/cpsv-ap": {
        get: {
          operationId: "getCpsvAp",
          summary: "The catalogue as CPSV-AP JSON-LD (PublicService, PublicOrganisation, LifeEvent).",
          tags: ["open data"],
          security: ANONYMOUS,
          responses: {
            "200": {
              description: "A JSON-LD document.",
              headers: commonHeaders,
              content: {
                "application/ld+json": {
                  schema: {
                    type: "object",
                    description:
                      "Its shape is CPSV-AP 3.2.0's, checked against the official SHACL shapes in its own test.",
                    required: ["@context"],
                    properties: { "@context": { description: "The JSON-LD context." } },
                  },
                },
              },
            },
            "429": { $ref: "#/components/responses/TooManyRequests" },
          },
        },
      },
      "/diarium": listOf(
        "listDiariumEntries",
        "DiariumEntry",
        "The public register of cases, masked exactly as on /diarium (filters as there); an unknown parameter is a 400.",
        [
          {
            name: "q",
            in: "query",
            required: false,
            description: "Words to search for.",
            schema: { type: "string", maxLength: 100 },
          },
          {
            name: "kommun",
            in: "query",
            required: false,
            description: "A municipality's slug.",
            schema: { type: "string", maxLength: 60 },
          },
          {
            name: "forvaltning",
            in: "query",
            required: false,
            description: "An administration's slug.",
            schema: { type: "string", maxLength: 60 },
          },
          { name: "status", in: "query", required: false, schema: { type: "string", enum: [...CASE_STATUSES] } },
          {
            name: "fran",
            in: "query",
            required: false,
            description: "Registered on or after this day.",
            schema: { type: "string", format: "date" },
          },
          {
            name: "till",
            in: "query",
            required: false,
            description: "Registered on or before this day (not before fran).",
            schema: { type: "string", format: "date" },
          },
          {
            name: "lang",
            in: "query",
            required: false,
            description: "Language of titles, status labels and administrations.",
            schema: { type: "string", enum: ["sv", "en"], default: "sv" },
          },
        ],
      ),
      "/municipalities": listOf("listMunicipalities", "Municipality", "The municipalities of the portal."),
      "/municipalities/{slug}": oneOf("getMunicipality", "Municipality", "municipality", "One municipality."),
      "/administrations": listOf(
        "listAdministrations",
        "Administration",
        "The municipalities' administrations (förvaltningar).",
        [
          {
            name: "municipality",
            in: "query",
            required: false,
            description: "Only this municipality's (slug); an unknown slug is a 400.",
            schema: { type: "string" },
          },
        ],
      ),
      "/authorities": listOf("listAuthorities", "Authority", "Other authorities at county, state and EU level.", [
        { name: "level", in: "query", required: false, schema: { type: "string", enum: ["county", "state", "eu"] } },
      ]),
      "/authorities/{slug}": oneOf("getAuthority", "Authority", "authority", "One authority."),
      "/life-events": listOf("listLifeEvents", "LifeEvent", "Life-event guides with their ordered steps."),
      "/life-events/{slug}": oneOf("getLifeEvent", "LifeEvent", "life event", "One life-event guide."),
      "/forms": listOf("listForms", "Form", "The forms that can be filled in online or downloaded."),
      "/forms/{id}": oneOf("getForm", "Form", "form", "One form with its steps and questions.", "id"),
      "/forms/{id}/document": {
        get: {
          operationId: "getFormDocument",
          summary:
            "An e-service's definition document: its definition, its own texts in Swedish and English and an example answer, to export and import (decision 070).",
          tags: ["open data"],
          security: ANONYMOUS,
          parameters: [slugParam("form", "id")],
          responses: {
            "200": {
              description: "The document; its shape is the JSON Schema at /api/v1/schemas/eservice-definition.json.",
              headers: commonHeaders,
              content: json({
                type: "object",
                required: ["format", "definition", "texts", "example"],
                properties: {
                  $schema: { type: "string", description: "The address of the document's JSON Schema." },
                  format: { type: "integer", description: "The document format's version." },
                  definition: { type: "object", description: "The e-service's definition." },
                  texts: object({ sv: { type: "object" }, en: { type: "object" } }, ["sv", "en"], {
                    description: "The e-service's own texts per language.",
                  }),
                  example: { type: "object", description: "A valid example answer." },
                },
                additionalProperties: false,
              }),
            },
            "404": { $ref: "#/components/responses/NotFound" },
            "429": { $ref: "#/components/responses/TooManyRequests" },
          },
        },
      },
      "/schemas/eservice-definition.json": {
        get: {
          operationId: "getEserviceDefinitionSchema",
          summary: "The JSON Schema (2020-12) of an e-service definition document, generated from the engine's model.",
          tags: ["open data"],
          security: ANONYMOUS,
          responses: {
            "200": {
              description: "A JSON Schema.",
              headers: commonHeaders,
              content: json({
                type: "object",
                required: ["$schema", "$id", "type", "properties"],
                properties: {
                  $schema: { type: "string" },
                  $id: { type: "string" },
                  type: { type: "string" },
                  properties: { type: "object" },
                },
              }),
            },
            "429": { $ref: "#/components/responses/TooManyRequests" },
          },
        },
      },
      ...integrationPaths,
    } as Record<string, unknown>,
    components: {
      schemas: { ...schemas, ...integrationSchemas },
      securitySchemes: {
        systemToken: {
          type: "http",
          scheme: "bearer",
          description: "The case-management system's own token, scoped to its municipalities.",
        },
      },
      headers: {
        Link: {
          description:
            'RFC 8288 links to the first, prev, next and last page, e.g. `<…?page=1&pageSize=20>; rel="first", <…?page=2&pageSize=20>; rel="next"` (prev and next only where there is such a page; the same addresses as `links` in the body). Left out only when it would be longer than 4000 characters.',
          schema: {
            type: "string",
            pattern: '^<[^<>]+>; rel="(first|prev|next|last)"(, <[^<>]+>; rel="(first|prev|next|last)")*$',
          },
        },
        AccessControlAllowOrigin: {
          description: "CORS: any origin may read the open data.",
          required: true,
          schema: { type: "string", const: "*" },
        },
        CacheControl: {
          description: "How long a cache may keep the answer (errors: no-store).",
          required: true,
          schema: { type: "string" },
        },
      },
      responses: {
        BadRequest: {
          description: "A parameter is not valid.",
          headers: commonHeaders,
          content: json(ref("Error")),
        },
        NotFound: { description: "No such item.", headers: commonHeaders, content: json(ref("Error")) },
        PageOutOfRange: {
          description: "No such page: page is after the last page (error page_out_of_range).",
          headers: commonHeaders,
          content: json(ref("Error")),
        },
        TooManyRequests: {
          description: "Rate limit exceeded.",
          headers: {
            "Retry-After": {
              description: "Seconds to wait.",
              required: true,
              schema: { type: "string", pattern: "^[0-9]+$" },
            },
            "Access-Control-Allow-Origin": { $ref: "#/components/headers/AccessControlAllowOrigin" },
            "Cache-Control": { $ref: "#/components/headers/CacheControl" },
          },
          content: json(ref("Error")),
        },
      },
    },
  };
}
