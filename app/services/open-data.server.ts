import { asc, eq } from "drizzle-orm";
import {
  administration,
  authority,
  authorityService,
  externalLink,
  lifeEvent,
  lifeEventStep,
  municipality,
} from "../../db/schema/index";
import { publishedDocuments } from "./eservice-definitions.server";
import { translatorFor } from "../../forms/index";
import { db } from "~/db.server";
import { getFixedT } from "~/i18n/i18n.server";
import { getServiceForResident, listServices } from "~/services/catalogue.server";
import { listMunicipalities } from "~/services/municipalities.server";

export { AUTHORITY_LEVELS } from "../../db/schema/index";

/**
 * Public data for the open API (/api/v1), in both languages at once: open-data consumers
 * want the whole record, not the visitor's language. Only public facts: nothing here is
 * scoped to a person.
 */

export interface Bilingual {
  sv: string;
  en: string;
}

const bi = (sv: string, en: string): Bilingual => ({ sv, en });

export function municipalitiesData(origin: string) {
  const admins = db().select().from(administration).orderBy(asc(administration.nameSv)).all();
  return db()
    .select()
    .from(municipality)
    .orderBy(asc(municipality.name))
    .all()
    .map((m) => ({
      slug: m.slug,
      code: m.code,
      name: m.name,
      organisationNumber: m.orgNumber,
      population: m.population,
      intro: bi(m.introSv, m.introEn),
      phone: m.phone,
      email: m.email,
      visitingAddress: m.visitingAddress,
      postalAddress: m.postalAddress,
      openingHours: bi(m.openingHoursSv, m.openingHoursEn),
      page: `${origin}/${m.slug}`,
      example: m.example,
      administrations: admins.filter((a) => a.municipalityId === m.id).map((a) => a.slug),
    }));
}

export function administrationsData(filter: { municipality?: string } = {}) {
  const rows = db()
    .select({ a: administration, municipalitySlug: municipality.slug })
    .from(administration)
    .innerJoin(municipality, eq(municipality.id, administration.municipalityId))
    .orderBy(asc(municipality.name), asc(administration.nameSv))
    .all();
  return rows
    .filter((r) => !filter.municipality || r.municipalitySlug === filter.municipality)
    .map(({ a, municipalitySlug }) => ({
      municipality: municipalitySlug,
      slug: a.slug,
      name: bi(a.nameSv, a.nameEn),
      description: bi(a.descriptionSv, a.descriptionEn),
      phone: a.phone,
      email: a.email,
      example: a.example,
    }));
}

export function authoritiesData(origin: string) {
  const links = new Map(
    db()
      .select()
      .from(externalLink)
      .all()
      .map((l) => [l.url, l]),
  );
  const services = db().select().from(authorityService).orderBy(asc(authorityService.position)).all();
  return db()
    .select()
    .from(authority)
    .orderBy(asc(authority.position))
    .all()
    .map((a) => ({
      slug: a.slug,
      level: a.level,
      name: bi(a.nameSv, a.nameEn),
      description: bi(a.descriptionSv, a.descriptionEn),
      url: a.url,
      page: `${origin}/andra-myndigheter/${a.slug}`,
      linkStatus: {
        broken: a.broken,
        lastCheckedAt: a.lastCheckedAt,
        lastVerifiedAt: links.get(a.url)?.lastOkAt ?? null,
      },
      services: services
        .filter((s) => s.authorityId === a.id)
        .map((s) => ({
          title: bi(s.titleSv, s.titleEn),
          description: bi(s.descriptionSv, s.descriptionEn),
          url: s.url,
          broken: links.get(s.url)?.broken ?? false,
        })),
    }));
}

export function lifeEventsData(origin: string) {
  const steps = db()
    .select()
    .from(lifeEventStep)
    .orderBy(asc(lifeEventStep.lifeEventId), asc(lifeEventStep.position))
    .all();
  return db()
    .select()
    .from(lifeEvent)
    .where(eq(lifeEvent.published, true))
    .orderBy(asc(lifeEvent.position))
    .all()
    .map((e) => ({
      slug: e.slug,
      title: bi(e.titleSv, e.titleEn),
      summary: bi(e.summarySv, e.summaryEn),
      page: `${origin}/livshandelser/${e.slug}`,
      example: e.example,
      updatedAt: e.updatedAt,
      steps: steps
        .filter((s) => s.lifeEventId === e.id)
        .map((s, i) => ({
          number: i + 1,
          title: bi(s.titleSv, s.titleEn),
          body: bi(s.bodySv, s.bodyEn),
          actor:
            s.actorKind === "authority"
              ? { kind: "authority" as const, authority: s.authoritySlug }
              : { kind: "municipality" as const, service: s.serviceSlug, form: s.formId },
        })),
    }));
}

// ---------------------------------------------------------------------------- forms

/** The form definitions in code (forms/definitions), described for open-data consumers. */
export function formsData(origin: string) {
  const sv = translatorFor(getFixedT("sv"));
  const en = translatorFor(getFixedT("en"));
  const text = (key: string) => bi(sv(key), en(key));
  const everyMunicipality = listMunicipalities().map((m) => m.slug);
  return publishedDocuments()
    .map((d) => d.definition)
    .map((f) => ({
      id: f.id,
      version: f.version,
      title: text(f.titleKey),
      description: text(f.descriptionKey),
      administration: f.administration,
      offeredBy: f.offeredBy === "shared" ? everyMunicipality : [...f.offeredBy],
      caseType: f.caseType,
      requiresLogin: f.requiresLogin,
      processingDays: f.processingDays,
      page: `${origin}/blanketter/${f.id}`,
      steps: f.steps.map((s) => ({
        id: s.id,
        title: text(s.titleKey),
        fields: s.fields.map((field) => ({
          name: field.name,
          type: field.type,
          required: field.required,
          label: text(field.labelKey),
        })),
      })),
    }));
}

// ------------------------------------------------------------------------- services

/**
 * The published catalogue (the catalogue's own visibility rules), one record per service in
 * both languages: built from the same views residents see, so nothing unpublished leaks.
 */
export function servicesData(origin: string) {
  return listServices({ lang: "sv" }).flatMap((s) => {
    const vsv = getServiceForResident({ slug: s.slug, lang: "sv" });
    const ven = getServiceForResident({ slug: s.slug, lang: "en" });
    if (!vsv || !ven) return [];
    const offersEn = new Map(ven.offers.map((o) => [o.slug, o]));
    const both = (a: string | null, b: string | null | undefined) => (a === null ? null : bi(a, b ?? a));
    return [
      {
        slug: s.slug,
        category: s.category,
        shared: s.shared,
        title: bi(vsv.title, ven.title),
        summary: bi(vsv.summary, ven.summary),
        audience: bi(vsv.audience, ven.audience),
        cost: bi(vsv.cost, ven.cost),
        processingTime: bi(vsv.processingTime, ven.processingTime),
        processingDays: vsv.processingDays,
        legalBasis: bi(vsv.legalBasis, ven.legalBasis),
        /** English texts missing and shown in Swedish. */
        englishIncomplete: ven.fallback,
        page: `${origin}/tjanster/${s.slug}`,
        form: vsv.eServiceId ? { id: vsv.eServiceId, page: `${origin}/blanketter/${vsv.eServiceId}` } : null,
        municipalities: vsv.offers.map((o) => {
          const oe = offersEn.get(o.slug);
          return {
            municipality: o.slug,
            administration: both(o.administration, oe?.administration),
            fee: both(o.fee, oe?.fee),
            processingTime: both(o.processingTime, oe?.processingTime),
            processingDays: o.processingDays,
            contact:
              o.contactPhone || o.contactEmail
                ? { name: both(o.contactName, oe?.contactName), phone: o.contactPhone, email: o.contactEmail }
                : null,
            localRules: both(o.localRules, oe?.localRules),
          };
        }),
        related: vsv.related.map((r) => r.slug),
        authorities: vsv.authorities.map((a) => a.slug),
        reviewedAt: vsv.reviewedAt,
        updatedAt: vsv.updatedAt,
        example: vsv.example,
      },
    ];
  });
}
