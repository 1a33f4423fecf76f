import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "~/services/api.server";
import { DECISION_OUTCOMES } from "~/domain/statuses";

/**
 * The OpenAPI 3.0 description of /api/v1, served at /api/v1/openapi.json and validated in a
 * test. Endpoints added by later steps add their paths and schemas here in the same commit.
 */

type Schema = Record<string, unknown>;

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const nullable = (type: string, extra: Schema = {}): Schema => ({ type, nullable: true, ...extra });

const pageParams = [
  {
    name: "page",
    in: "query",
    description: "Page number, from 1.",
    required: false,
    schema: { type: "integer", minimum: 1, maximum: 100000, default: 1 },
  },
  {
    name: "pageSize",
    in: "query",
    description: `Items per page, at most ${MAX_PAGE_SIZE}.`,
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

const errors = {
  "400": { $ref: "#/components/responses/BadRequest" },
  "429": { $ref: "#/components/responses/TooManyRequests" },
};

function listOf(item: string, summary: string, extraParams: unknown[] = []) {
  return {
    get: {
      summary,
      tags: ["open data"],
      parameters: [...pageParams, ...extraParams],
      responses: {
        "200": {
          description: "One page of results.",
          headers: { Link: { $ref: "#/components/headers/Link" } },
          content: {
            "application/json": {
              schema: {
                type: "object",
                required: ["data", "meta", "links"],
                properties: {
                  data: { type: "array", items: ref(item) },
                  meta: ref("PageMeta"),
                  links: ref("PageLinks"),
                },
              },
            },
          },
        },
        "404": { $ref: "#/components/responses/NotFound" },
        ...errors,
      },
    },
  };
}

function oneOf(item: string, what: string, summary: string, param = "slug") {
  return {
    get: {
      summary,
      tags: ["open data"],
      parameters: [slugParam(what, param)],
      responses: {
        "200": {
          description: `The ${what}.`,
          content: {
            "application/json": { schema: { type: "object", required: ["data"], properties: { data: ref(item) } } },
          },
        },
        "404": { $ref: "#/components/responses/NotFound" },
        "429": { $ref: "#/components/responses/TooManyRequests" },
      },
    },
  };
}

const Bilingual: Schema = {
  type: "object",
  description: "A text in Swedish (the reference) and English.",
  required: ["sv", "en"],
  properties: { sv: { type: "string" }, en: { type: "string" } },
};

const biOrNull: Schema = { allOf: [ref("Bilingual")], nullable: true };

const schemas: Record<string, Schema> = {
  Bilingual,
  DiariumEntry: {
    type: "object",
    description: "A public register entry; personal and secret details are already masked.",
    required: ["reference", "registeredAt", "caseType", "title", "party", "municipality", "status"],
    properties: {
      reference: { type: "string" },
      registeredAt: { type: "string", format: "date-time" },
      caseType: { type: "string" },
      title: { type: "string" },
      subject: nullable("string"),
      party: { type: "string" },
      municipality: { type: "string" },
      administration: { type: "string" },
      status: { type: "string" },
      statusLabel: { type: "string" },
      requestable: { type: "boolean" },
    },
  },
  Service: {
    type: "object",
    required: ["slug", "category", "shared", "title", "summary", "page", "municipalities"],
    properties: {
      slug: { type: "string" },
      category: { type: "string" },
      shared: { type: "boolean", description: "Offered by every municipality of the portal." },
      title: ref("Bilingual"),
      summary: ref("Bilingual"),
      audience: ref("Bilingual"),
      cost: ref("Bilingual"),
      processingTime: ref("Bilingual"),
      processingDays: nullable("integer"),
      legalBasis: ref("Bilingual"),
      englishIncomplete: { type: "boolean", description: "Some English texts are missing and given in Swedish." },
      page: { type: "string", format: "uri" },
      form: {
        type: "object",
        nullable: true,
        required: ["id", "page"],
        properties: { id: { type: "string" }, page: { type: "string", format: "uri" } },
      },
      municipalities: {
        type: "array",
        description: "The municipalities that offer it, with their local differences.",
        items: {
          type: "object",
          required: ["municipality"],
          properties: {
            municipality: { type: "string" },
            administration: biOrNull,
            fee: biOrNull,
            processingTime: biOrNull,
            processingDays: nullable("integer"),
            contact: {
              type: "object",
              nullable: true,
              properties: { name: biOrNull, phone: nullable("string"), email: nullable("string") },
            },
            localRules: biOrNull,
          },
        },
      },
      related: { type: "array", items: { type: "string" } },
      authorities: {
        type: "array",
        items: { type: "string" },
        description: "Slugs of other authorities (see /authorities).",
      },
      reviewedAt: { type: "string" },
      updatedAt: { type: "string" },
      example: { type: "boolean" },
    },
  },
  Form: {
    type: "object",
    required: ["id", "version", "title", "description", "caseType", "requiresLogin", "offeredBy", "page", "steps"],
    properties: {
      id: { type: "string" },
      version: { type: "integer" },
      title: ref("Bilingual"),
      description: ref("Bilingual"),
      administration: { type: "string" },
      offeredBy: {
        type: "array",
        items: { type: "string" },
        description: "Slugs of the municipalities that offer it.",
      },
      caseType: { type: "string" },
      requiresLogin: { type: "boolean" },
      processingDays: { type: "integer" },
      page: { type: "string", format: "uri" },
      steps: {
        type: "array",
        items: {
          type: "object",
          required: ["id", "title", "fields"],
          properties: {
            id: { type: "string" },
            title: ref("Bilingual"),
            fields: {
              type: "array",
              items: {
                type: "object",
                required: ["name", "type", "required", "label"],
                properties: {
                  name: { type: "string" },
                  type: { type: "string" },
                  required: { type: "boolean" },
                  label: ref("Bilingual"),
                },
              },
            },
          },
        },
      },
    },
  },
  PageMeta: {
    type: "object",
    required: ["page", "pageSize", "total", "totalPages"],
    properties: {
      page: { type: "integer" },
      pageSize: { type: "integer" },
      total: { type: "integer" },
      totalPages: { type: "integer" },
    },
  },
  PageLinks: {
    type: "object",
    required: ["self", "first", "last", "prev", "next"],
    properties: {
      self: { type: "string", format: "uri" },
      first: { type: "string", format: "uri" },
      last: { type: "string", format: "uri" },
      prev: nullable("string", { format: "uri" }),
      next: nullable("string", { format: "uri" }),
    },
  },
  Error: {
    type: "object",
    required: ["error", "message", "status"],
    properties: {
      error: {
        type: "string",
        description: "Stable machine-readable code, e.g. not_found, bad_request, rate_limited.",
      },
      message: { type: "string" },
      status: { type: "integer" },
    },
  },
  Municipality: {
    type: "object",
    required: ["slug", "code", "name", "organisationNumber", "page", "administrations"],
    properties: {
      slug: { type: "string" },
      code: { type: "string", description: "Prefix of the municipality's case reference numbers." },
      name: { type: "string" },
      organisationNumber: { type: "string" },
      population: { type: "integer" },
      intro: ref("Bilingual"),
      phone: { type: "string" },
      email: { type: "string" },
      visitingAddress: { type: "string" },
      postalAddress: { type: "string" },
      openingHours: ref("Bilingual"),
      page: { type: "string", format: "uri" },
      example: { type: "boolean", description: "True when the facts are example data." },
      administrations: { type: "array", items: { type: "string" }, description: "Slugs of its administrations." },
    },
  },
  Administration: {
    type: "object",
    required: ["municipality", "slug", "name"],
    properties: {
      municipality: { type: "string" },
      slug: { type: "string" },
      name: ref("Bilingual"),
      description: ref("Bilingual"),
      phone: { type: "string" },
      email: { type: "string" },
      example: { type: "boolean" },
    },
  },
  Authority: {
    type: "object",
    required: ["slug", "level", "name", "description", "url", "page", "linkStatus", "services"],
    properties: {
      slug: { type: "string" },
      level: { type: "string", enum: ["county", "state", "eu"] },
      name: ref("Bilingual"),
      description: ref("Bilingual"),
      url: { type: "string", format: "uri" },
      page: { type: "string", format: "uri", description: "The authority's page on this portal." },
      linkStatus: {
        type: "object",
        required: ["broken", "lastCheckedAt", "lastVerifiedAt"],
        properties: {
          broken: { type: "boolean" },
          lastCheckedAt: nullable("string", { format: "date-time" }),
          lastVerifiedAt: nullable("string", { format: "date-time" }),
        },
      },
      services: {
        type: "array",
        items: {
          type: "object",
          required: ["title", "description", "url", "broken"],
          properties: {
            title: ref("Bilingual"),
            description: ref("Bilingual"),
            url: { type: "string", format: "uri" },
            broken: { type: "boolean" },
          },
        },
      },
    },
  },
  LifeEvent: {
    type: "object",
    required: ["slug", "title", "summary", "page", "steps"],
    properties: {
      slug: { type: "string" },
      title: ref("Bilingual"),
      summary: ref("Bilingual"),
      page: { type: "string", format: "uri" },
      example: { type: "boolean" },
      updatedAt: { type: "string", format: "date-time" },
      steps: {
        type: "array",
        items: {
          type: "object",
          required: ["number", "title", "body", "actor"],
          properties: {
            number: { type: "integer" },
            title: ref("Bilingual"),
            body: ref("Bilingual"),
            actor: {
              type: "object",
              required: ["kind"],
              description:
                "Who does the step: the municipality (optionally one of its services and forms) or another authority.",
              properties: {
                kind: { type: "string", enum: ["municipality", "authority"] },
                service: nullable("string"),
                form: nullable("string"),
                authority: nullable("string"),
              },
            },
          },
        },
      },
    },
  },
};

/** The case-management systems' callback (docs/integration/case-export.md, docs/decisions/034). */
const callbackError = (description: string) => ({
  description,
  content: { "application/json": { schema: ref("Error") } },
});
const integrationPaths = {
  "/integration/cases/{reference}": {
    post: {
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
        content: { "application/json": { schema: ref("CaseCallback") } },
      },
      responses: {
        "200": {
          description: "Applied (or, for a repeated externalId, already applied: duplicate is true).",
          content: {
            "application/json": {
              schema: { type: "object", required: ["data"], properties: { data: ref("CaseCallbackResult") } },
            },
          },
        },
        "400": callbackError("The body is not valid."),
        "401": callbackError("Missing or unknown system token."),
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
  CaseCallback: {
    type: "object",
    additionalProperties: false,
    description: "At least one of status, message and decision.",
    properties: {
      status: {
        type: "string",
        description:
          "The new status, reached by a legal transition of the case's status machine (not decided: send a decision).",
      },
      message: {
        type: "object",
        additionalProperties: false,
        required: ["text"],
        properties: { text: { type: "string", minLength: 1, maxLength: 5000 } },
      },
      decision: {
        type: "object",
        additionalProperties: false,
        required: ["outcome", "text"],
        properties: {
          outcome: { type: "string", enum: [...DECISION_OUTCOMES] },
          text: { type: "string", minLength: 10, maxLength: 8000 },
          decidedAt: { type: "string", format: "date-time" },
        },
      },
      externalId: {
        type: "string",
        maxLength: 100,
        description: "The system's id for this update; a repeat with the same id is not applied twice.",
      },
    },
  },
  CaseCallbackResult: {
    type: "object",
    required: ["duplicate", "reference", "status"],
    properties: {
      duplicate: { type: "boolean" },
      reference: { type: "string" },
      status: { type: "string" },
      messageId: nullable("integer"),
      decision: nullable("string"),
    },
  },
};

export function openApiDocument(origin: string) {
  return {
    openapi: "3.0.3",
    info: {
      title: "Dalslands e-tjänster – öppna data",
      version: "1.0.0",
      description:
        "Read-only open data from the shared e-service portal of the Dalsland municipalities (the list is at /municipalities): municipalities, administrations, services, forms, other authorities, life-event guides and the public register of cases (masked as on the web). Texts come in Swedish and English. Lists are paginated (page, pageSize ≤ 100) with links in the body and an RFC 8288 Link header. CORS is open for GET. Each client IP may make a limited number of requests a minute; over the limit the answer is 429 with Retry-After. One write endpoint, under the integration tag, is for the municipalities' case-management systems only and needs a system token.",
      license: { name: "CC0 1.0", url: "https://creativecommons.org/publicdomain/zero/1.0/" },
    },
    servers: [{ url: `${origin}/api/v1` }],
    tags: [
      { name: "open data" },
      {
        name: "integration",
        description: "For the municipalities' case-management systems only (bearer token per system).",
      },
    ],
    paths: {
      "/services": listOf("Service", "The published service catalogue.", [
        {
          name: "municipality",
          in: "query",
          required: false,
          description: "Only services this municipality offers (slug).",
          schema: { type: "string" },
        },
        { name: "category", in: "query", required: false, schema: { type: "string" } },
      ]),
      "/services/{slug}": oneOf("Service", "service", "One published service."),
      "/cpsv-ap": {
        get: {
          summary: "The catalogue as CPSV-AP JSON-LD (PublicService, PublicOrganisation, LifeEvent).",
          tags: ["open data"],
          responses: {
            "200": {
              description: "A JSON-LD document.",
              content: { "application/ld+json": { schema: { type: "object" } } },
            },
            "429": { $ref: "#/components/responses/TooManyRequests" },
          },
        },
      },
      "/diarium": listOf(
        "DiariumEntry",
        "The public register of cases, masked exactly as on /diarium (pages of 25; filters as there).",
        [
          { name: "q", in: "query", required: false, schema: { type: "string", maxLength: 100 } },
          { name: "kommun", in: "query", required: false, schema: { type: "string" } },
          { name: "forvaltning", in: "query", required: false, schema: { type: "string" } },
          { name: "status", in: "query", required: false, schema: { type: "string" } },
          { name: "fran", in: "query", required: false, schema: { type: "string", format: "date" } },
          { name: "till", in: "query", required: false, schema: { type: "string", format: "date" } },
        ],
      ),
      "/municipalities": listOf("Municipality", "The municipalities of the portal."),
      "/municipalities/{slug}": oneOf("Municipality", "municipality", "One municipality."),
      "/administrations": listOf("Administration", "The municipalities' administrations (förvaltningar).", [
        {
          name: "municipality",
          in: "query",
          required: false,
          description: "Only this municipality's (slug).",
          schema: { type: "string" },
        },
      ]),
      "/authorities": listOf("Authority", "Other authorities at county, state and EU level.", [
        { name: "level", in: "query", required: false, schema: { type: "string", enum: ["county", "state", "eu"] } },
      ]),
      "/authorities/{slug}": oneOf("Authority", "authority", "One authority."),
      "/life-events": listOf("LifeEvent", "Life-event guides with their ordered steps."),
      "/life-events/{slug}": oneOf("LifeEvent", "life event", "One life-event guide."),
      "/forms": listOf("Form", "The forms that can be filled in online or downloaded."),
      "/forms/{id}": oneOf("Form", "form", "One form with its steps and questions.", "id"),
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
        Link: { description: "RFC 8288 links: first, prev, next, last.", schema: { type: "string" } },
      },
      responses: {
        BadRequest: {
          description: "A parameter is not valid.",
          content: { "application/json": { schema: ref("Error") } },
        },
        NotFound: { description: "No such item or page.", content: { "application/json": { schema: ref("Error") } } },
        TooManyRequests: {
          description: "Rate limit exceeded.",
          headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } },
          content: { "application/json": { schema: ref("Error") } },
        },
      },
    },
  };
}
