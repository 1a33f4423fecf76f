import { Readable } from "node:stream";
import type { LoaderFunctionArgs } from "@remix-run/node";
import rdf from "@zazuko/env-node";
import jsonld from "jsonld";
import type { JsonLd, RemoteDocument } from "jsonld/jsonld-spec";
import SHACLValidator from "rdf-validate-shacl";
import { beforeAll, describe, expect, it } from "vitest";
import { prepareDatabase } from "~/db.server";
import * as cpsv from "~/routes/api.v1.cpsv-ap";

// The official CPSV-AP 3.2.0 shapes, copied from SEMIC's repository (tests/data/cpsv-ap/README.md).
const SHAPES = "tests/data/cpsv-ap/cpsv-ap-SHACL-3.2.0.ttl";

/**
 * JSON-LD may name remote contexts; a test must not fetch them. The portal's document carries its
 * context inline, so the loader knows no document at all and refuses every URL: if someone adds
 * a remote @context, expansion fails here until a local copy is added beside the shapes.
 */
const LOCAL_DOCUMENTS = new Map<string, JsonLd>();
const refused: string[] = [];
function offlineLoader(url: string): Promise<RemoteDocument> {
  const document = LOCAL_DOCUMENTS.get(url);
  if (document === undefined) {
    refused.push(url);
    return Promise.reject(new Error(`offline: no local copy of ${url}`));
  }
  return Promise.resolve({ contextUrl: undefined, documentUrl: url, document });
}

async function served() {
  const request = new Request("http://portal.test/api/v1/cpsv-ap");
  const response = await (cpsv.loader as (args: LoaderFunctionArgs) => Promise<Response>)({
    request,
    params: {},
    context: { clientIp: "10.9.9.9", requestId: "t", cspNonce: "" },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

async function toDataset(document: Record<string, unknown>) {
  const nquads = (await jsonld.toRDF(document, {
    format: "application/n-quads",
    documentLoader: offlineLoader,
  })) as unknown as string;
  const quads = rdf.formats.parsers.import("application/n-quads", Readable.from([nquads]));
  if (!quads) throw new Error("no N-Quads parser");
  return rdf.dataset().import(quads);
}

async function validate(document: Record<string, unknown>) {
  const shapes = await rdf.dataset().import(rdf.fromFile(SHAPES));
  const validator = new SHACLValidator(shapes, { factory: rdf });
  const report = await validator.validate(await toDataset(document));
  const violations = report.results.map(
    (r) =>
      `${r.focusNode?.value ?? "?"} ${r.path?.value ?? ""}: ${r.sourceConstraintComponent?.value ?? ""} ${r.message.map((m) => m.value).join(" ")}`,
  );
  return { conforms: report.conforms, violations };
}

beforeAll(() => prepareDatabase());

describe("/api/v1/cpsv-ap against the official CPSV-AP 3.2.0 SHACL shapes", () => {
  it("conforms with zero violations, expanded offline", async () => {
    const { conforms, violations } = await validate(await served());
    expect(violations).toEqual([]);
    expect(conforms).toBe(true);
  });

  it("is checked by shapes that bite: a cost without an identifier is a violation", async () => {
    const document = await served();
    const graph = document["@graph"] as Record<string, unknown>[];
    const service = graph.find((n) => n["@type"] === "PublicService")!;
    service.hasCost = { "@type": "Cost", description: { sv: "Gratis" } };
    const { conforms, violations } = await validate(document);
    expect(conforms).toBe(false);
    expect(violations).toEqual([
      expect.stringContaining(
        "http://purl.org/dc/terms/identifier: http://www.w3.org/ns/shacl#MinCountConstraintComponent",
      ),
    ]);
  });

  it("expands without the network: a remote @context is refused, not fetched", async () => {
    refused.length = 0;
    const url = "https://semiceu.github.io/CPSV-AP/releases/3.2.0/context/cpsv-ap.jsonld";
    await expect(toDataset({ "@context": url, "@id": "x:y" })).rejects.toThrow();
    expect(refused).toEqual([url]);
  });

  it("uses CPSV-AP's own terms, so a CPSV-AP consumer finds contacts, related services and both languages", async () => {
    const quads = [...(await toDataset(await served()))];
    const predicates = new Set(quads.map((q) => q.predicate.value));
    expect([...predicates].filter((p) => p.startsWith("http://schema.org/"))).toEqual([]);
    expect(predicates.has("http://purl.org/dc/terms/relation")).toBe(false);
    for (const p of ["email", "telephone", "contactPoint", "relatedService", "hasRelatedService", "thematicArea"]) {
      expect(predicates.has(`http://data.europa.eu/m8g/${p}`), p).toBe(true);
    }
    const titles = quads.filter((q) => q.predicate.value === "http://purl.org/dc/terms/title");
    const langs = (subject: string) =>
      new Set(
        titles.filter((q) => q.subject.value === subject).map((q) => (q.object as { language?: string }).language),
      );
    expect(langs("http://portal.test/tjanster/forskola")).toEqual(new Set(["sv", "en"]));
    const themes = quads.filter((q) => q.predicate.value === "http://data.europa.eu/m8g/thematicArea");
    for (const t of themes) {
      expect(
        t.object.value.startsWith("http://publications.europa.eu/resource/authority/data-theme/"),
        t.object.value,
      ).toBe(true);
    }
  });

  it("links life events and services both ways, each related service once", async () => {
    const graph = (await served())["@graph"] as {
      "@id": string;
      isGroupedBy?: string[];
      hasRelatedService?: string[];
    }[];
    const events = new Map(graph.filter((n) => n.hasRelatedService).map((n) => [n["@id"], n.hasRelatedService!]));
    expect(events.size).toBeGreaterThan(0);
    for (const related of events.values()) expect(related.length).toBe(new Set(related).size);
    for (const service of graph.filter((n) => n.isGroupedBy)) {
      for (const event of service.isGroupedBy!) expect(events.get(event), event).toContain(service["@id"]);
    }
  });
});
