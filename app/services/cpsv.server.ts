import { asc, eq, isNotNull } from "drizzle-orm";
import { lifeEvent, lifeEventStep } from "../../db/schema/index";
import type { CategorySlug } from "../../db/seed/content/types";
import { db } from "~/db.server";
import { isCategory } from "~/services/catalogue.server";
import { municipalitiesData, servicesData } from "~/services/open-data.server";

/**
 * The catalogue as CPSV-AP 3.2.0 (the EU's Core Public Service Vocabulary Application Profile)
 * JSON-LD, so that other authorities and portals can reuse our service descriptions
 * (docs/decisions/018). Built from the same published records as /api/v1/services. It conforms
 * to SEMIC's official SHACL shapes (docs/decisions/062, tests/integration/cpsv-ap-shacl.test.ts):
 * SHACL checks `sh:class` against the types stated in the document itself, so every code the
 * document points at (language, theme, place) is also a node with its type.
 */

export const CPSV_CONTEXT = {
  cpsv: "http://purl.org/vocab/cpsv#",
  cv: "http://data.europa.eu/m8g/",
  dct: "http://purl.org/dc/terms/",
  dcat: "http://www.w3.org/ns/dcat#",
  foaf: "http://xmlns.com/foaf/0.1/",
  skos: "http://www.w3.org/2004/02/skos/core#",
  eli: "http://data.europa.eu/eli/ontology#",
  locn: "http://www.w3.org/ns/locn#",
  xsd: "http://www.w3.org/2001/XMLSchema#",
  PublicService: "cpsv:PublicService",
  PublicOrganisation: "cv:PublicOrganisation",
  Event: "cv:Event",
  LifeEvent: "cv:LifeEvent",
  Channel: "cv:Channel",
  Cost: "cv:Cost",
  ContactPoint: "cv:ContactPoint",
  LegalResource: "eli:LegalResource",
  LinguisticSystem: "dct:LinguisticSystem",
  Location: "dct:Location",
  Concept: "skos:Concept",
  ConceptScheme: "skos:ConceptScheme",
  identifier: "dct:identifier",
  title: { "@id": "dct:title", "@container": "@language" },
  description: { "@id": "dct:description", "@container": "@language" },
  prefLabel: { "@id": "skos:prefLabel", "@container": "@language" },
  geographicName: { "@id": "locn:geographicName", "@container": "@language" },
  inScheme: { "@id": "skos:inScheme", "@type": "@id" },
  language: { "@id": "dct:language", "@type": "@id" },
  spatial: { "@id": "dct:spatial", "@type": "@id" },
  homepage: { "@id": "foaf:homepage", "@type": "@id" },
  hasCompetentAuthority: { "@id": "cv:hasCompetentAuthority", "@type": "@id" },
  isGroupedBy: { "@id": "cv:isGroupedBy", "@type": "@id" },
  hasRelatedService: { "@id": "cv:hasRelatedService", "@type": "@id" },
  hasChannel: "cv:hasChannel",
  hasCost: "cv:hasCost",
  hasLegalResource: "cv:hasLegalResource",
  contactPoint: { "@id": "cv:contactPoint", "@type": "@id" },
  processingTime: { "@id": "cv:processingTime", "@type": "xsd:duration" },
  thematicArea: { "@id": "cv:thematicArea", "@type": "@id" },
  relatedService: { "@id": "cv:relatedService", "@type": "@id" },
  email: "cv:email",
  telephone: "cv:telephone",
  ownedBy: { "@id": "cv:ownedBy", "@type": "@id" },
};

/** The EU Publications Office's language authority table (what CPSV-AP names for dct:language). */
const LANGUAGE_AUTHORITY = "http://publications.europa.eu/resource/authority/language";
const LANGUAGES = [
  { "@id": `${LANGUAGE_AUTHORITY}/SWE`, prefLabel: { sv: "svenska", en: "Swedish" } },
  { "@id": `${LANGUAGE_AUTHORITY}/ENG`, prefLabel: { sv: "engelska", en: "English" } },
];

/**
 * Thematic areas from the EU Publications Office's data-theme authority table, the EU's
 * published vocabulary of themes (used by DCAT-AP). A portal category maps to one or two themes;
 * the labels are the table's own Swedish and English labels.
 */
const DATA_THEME = "http://publications.europa.eu/resource/authority/data-theme";
const THEME_LABELS = {
  ECON: { sv: "Ekonomi och finans", en: "Economy and finance" },
  EDUC: { sv: "Utbildning, kultur och sport", en: "Education, culture and sport" },
  ENVI: { sv: "Miljö", en: "Environment" },
  GOVE: { sv: "Regeringen och den offentliga sektorn", en: "Government and public sector" },
  HEAL: { sv: "Hälsa", en: "Health" },
  REGI: { sv: "Regioner och städer", en: "Regions and cities" },
  SOCI: { sv: "Befolkning och samhälle", en: "Population and society" },
  TRAN: { sv: "Transport", en: "Transport" },
} as const;
type Theme = keyof typeof THEME_LABELS;
const CATEGORY_THEMES = {
  "barn-och-utbildning": ["EDUC"],
  "bygga-bo-och-miljo": ["REGI", "ENVI"],
  "omsorg-och-stod": ["SOCI", "HEAL"],
  "naringsliv-och-arbete": ["ECON"],
  "kommun-och-politik": ["GOVE"],
  "trafik-och-infrastruktur": ["TRAN"],
  "kultur-och-fritid": ["EDUC"],
} as const satisfies Record<CategorySlug, readonly Theme[]>;

/** A category the portal does not know (never expected) falls back to the public-sector theme. */
function themesOf(category: string): readonly Theme[] {
  return isCategory(category) ? CATEGORY_THEMES[category] : ["GOVE"];
}

export function cpsvDocument(origin: string) {
  const municipalities = municipalitiesData(origin);
  const orgId = (slug: string) => `${origin}/${slug}#organisation`;
  // The portal publishes each municipality's area as a place of its own (decision 062).
  const placeId = (slug: string) => `${origin}/${slug}#omrade`;
  const orgContactId = (slug: string) => `${origin}/${slug}#kontakt`;
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

  const places = municipalities.map((m) => ({
    "@id": placeId(m.slug),
    "@type": "Location",
    identifier: m.slug,
    geographicName: { sv: `${m.name} kommun`, en: `${m.name} Municipality` },
  }));

  const organisations = municipalities.map((m) => ({
    "@id": orgId(m.slug),
    "@type": "PublicOrganisation",
    identifier: m.organisationNumber,
    prefLabel: { sv: `${m.name} kommun`, en: `${m.name} Municipality` },
    spatial: placeId(m.slug),
    homepage: m.page,
    contactPoint: { "@id": orgContactId(m.slug), "@type": "ContactPoint", email: m.email, telephone: m.phone },
  }));

  const all = servicesData(origin);
  const published = new Set(all.map((s) => s.slug));
  const services = all.map((s) => {
    const id = serviceId(s.slug);
    const related = s.related.filter((r) => published.has(r)).map(serviceId);
    return {
      "@id": id,
      "@type": "PublicService",
      identifier: s.slug,
      title: s.title,
      description: s.summary,
      language: LANGUAGES.map((l) => l["@id"]),
      thematicArea: themesOf(s.category).map((t) => `${DATA_THEME}/${t}`),
      hasCompetentAuthority: s.municipalities.map((m) => orgId(m.municipality)),
      spatial: s.municipalities.map((m) => placeId(m.municipality)),
      // A municipality's own contact for the service where it names one, else its switchboard.
      contactPoint: s.municipalities.map((m) =>
        m.contact
          ? {
              "@id": `${id}#kontakt-${m.municipality}`,
              "@type": "ContactPoint",
              ...(m.contact.email ? { email: m.contact.email } : {}),
              ...(m.contact.phone ? { telephone: m.contact.phone } : {}),
            }
          : orgContactId(m.municipality),
      ),
      ...(s.processingDays ? { processingTime: `P${s.processingDays}D` } : {}),
      hasCost: { "@id": `${id}#kostnad`, "@type": "Cost", identifier: `${s.slug}/kostnad`, description: s.cost },
      hasLegalResource: { "@type": "LegalResource", description: s.legalBasis },
      hasChannel: [
        { "@type": "Channel", identifier: "web", homepage: s.page },
        ...(s.form ? [{ "@type": "Channel", identifier: `e-service:${s.form.id}`, homepage: s.form.page }] : []),
      ],
      ...(groupedBy.has(s.slug) ? { isGroupedBy: [...groupedBy.get(s.slug)!] } : {}),
      ...(related.length ? { relatedService: related } : {}),
    };
  });

  // A life event is a cv:Event (CPSV-AP's range of isGroupedBy); stating both types lets a
  // validator without RDFS inference see that.
  const lifeEvents = events.map((e) => ({
    "@id": eventId(e.slug),
    "@type": ["LifeEvent", "Event"],
    identifier: e.slug,
    title: { sv: e.titleSv, en: e.titleEn },
    description: { sv: e.summarySv, en: e.summaryEn },
    // A guide may name a service in more than one step; the link is stated once.
    hasRelatedService: [
      ...new Set(
        steps
          .filter((s) => s.lifeEventId === e.id && s.serviceSlug && published.has(s.serviceSlug))
          .map((s) => serviceId(s.serviceSlug!)),
      ),
    ],
  }));

  const languages = LANGUAGES.map((l) => ({ ...l, "@type": "LinguisticSystem" }));
  const usedThemes = [...new Set(all.flatMap((s) => themesOf(s.category)))].sort();
  const themes = usedThemes.map((t) => ({
    "@id": `${DATA_THEME}/${t}`,
    "@type": "Concept",
    prefLabel: THEME_LABELS[t],
    inScheme: DATA_THEME,
  }));

  return {
    "@context": CPSV_CONTEXT,
    "@graph": [...organisations, ...places, ...services, ...lifeEvents, ...languages, ...themes],
  };
}
