import { asc, eq, isNotNull } from "drizzle-orm";
import { lifeEvent, lifeEventStep } from "../../db/schema/index";
import { db } from "~/db.server";
import { municipalitiesData, servicesData } from "~/services/open-data.server";

/**
 * The catalogue as CPSV-AP (the EU's Core Public Service Vocabulary Application Profile)
 * JSON-LD, so that other authorities and portals can reuse our service descriptions
 * (docs/decisions/018). Built from the same published records as /api/v1/services.
 */

export const CPSV_CONTEXT = {
  cpsv: "http://purl.org/vocab/cpsv#",
  cv: "http://data.europa.eu/m8g/",
  dct: "http://purl.org/dc/terms/",
  dcat: "http://www.w3.org/ns/dcat#",
  foaf: "http://xmlns.com/foaf/0.1/",
  skos: "http://www.w3.org/2004/02/skos/core#",
  eli: "http://data.europa.eu/eli/ontology#",
  schema: "http://schema.org/",
  xsd: "http://www.w3.org/2001/XMLSchema#",
  PublicService: "cpsv:PublicService",
  PublicOrganisation: "cv:PublicOrganisation",
  LifeEvent: "cv:LifeEvent",
  Channel: "cv:Channel",
  Cost: "cv:Cost",
  ContactPoint: "cv:ContactPoint",
  LegalResource: "eli:LegalResource",
  identifier: "dct:identifier",
  title: { "@id": "dct:title", "@container": "@language" },
  description: { "@id": "dct:description", "@container": "@language" },
  prefLabel: { "@id": "skos:prefLabel", "@container": "@language" },
  language: { "@id": "dct:language", "@type": "@id" },
  homepage: { "@id": "foaf:homepage", "@type": "@id" },
  hasCompetentAuthority: { "@id": "cv:hasCompetentAuthority", "@type": "@id" },
  isGroupedBy: { "@id": "cv:isGroupedBy", "@type": "@id" },
  hasChannel: "cv:hasChannel",
  hasCost: "cv:hasCost",
  hasLegalResource: "cv:hasLegalResource",
  hasContactPoint: "cv:hasContactPoint",
  processingTime: { "@id": "cv:processingTime", "@type": "xsd:duration" },
  thematicArea: "cv:thematicArea",
  relation: { "@id": "dct:relation", "@type": "@id" },
  email: "schema:email",
  telephone: "schema:telephone",
  ownedBy: { "@id": "cv:ownedBy", "@type": "@id" },
};

const LANGUAGES = [
  "http://publications.europa.eu/resource/authority/language/SWE",
  "http://publications.europa.eu/resource/authority/language/ENG",
];

export function cpsvDocument(origin: string) {
  const municipalities = municipalitiesData(origin);
  const orgId = (slug: string) => `${origin}/${slug}#organisation`;
  const serviceId = (slug: string) => `${origin}/tjanster/${slug}`;
  const eventId = (slug: string) => `${origin}/livshandelser/${slug}`;

  // Which guides mention which services: a service "is grouped by" those life events.
  const groupedBy = new Map<string, Set<string>>();
  const events = db()
    .select()
    .from(lifeEvent)
    .where(eq(lifeEvent.published, true))
    .orderBy(asc(lifeEvent.position))
    .all();
  const steps = db().select().from(lifeEventStep).where(isNotNull(lifeEventStep.serviceSlug)).all();
  for (const s of steps) {
    const e = events.find((x) => x.id === s.lifeEventId);
    if (!e || !s.serviceSlug) continue;
    groupedBy.set(s.serviceSlug, (groupedBy.get(s.serviceSlug) ?? new Set()).add(eventId(e.slug)));
  }

  const organisations = municipalities.map((m) => ({
    "@id": orgId(m.slug),
    "@type": "PublicOrganisation",
    identifier: m.organisationNumber,
    prefLabel: { sv: `${m.name} kommun`, en: `${m.name} Municipality` },
    homepage: m.page,
    hasContactPoint: { "@type": "ContactPoint", email: m.email, telephone: m.phone },
  }));

  const services = servicesData(origin).map((s) => ({
    "@id": serviceId(s.slug),
    "@type": "PublicService",
    identifier: s.slug,
    title: s.title,
    description: s.summary,
    language: LANGUAGES,
    thematicArea: s.category,
    hasCompetentAuthority: s.municipalities.map((m) => orgId(m.municipality)),
    ...(s.processingDays ? { processingTime: `P${s.processingDays}D` } : {}),
    hasCost: { "@type": "Cost", description: s.cost },
    hasLegalResource: { "@type": "LegalResource", description: s.legalBasis },
    hasChannel: [
      { "@type": "Channel", identifier: "web", homepage: s.page },
      ...(s.form ? [{ "@type": "Channel", identifier: `e-service:${s.form.id}`, homepage: s.form.page }] : []),
    ],
    ...(groupedBy.has(s.slug) ? { isGroupedBy: [...groupedBy.get(s.slug)!] } : {}),
    ...(s.related.length ? { relation: s.related.map(serviceId) } : {}),
  }));

  const lifeEvents = events.map((e) => ({
    "@id": eventId(e.slug),
    "@type": "LifeEvent",
    identifier: e.slug,
    title: { sv: e.titleSv, en: e.titleEn },
    description: { sv: e.summarySv, en: e.summaryEn },
  }));

  return { "@context": CPSV_CONTEXT, "@graph": [...organisations, ...services, ...lifeEvents] };
}
