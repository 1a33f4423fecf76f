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
import { formDefinitions } from "../../forms/definitions/index";
import { MUNICIPALITY_SLUGS, translatorFor } from "../../forms/index";
import { db } from "~/db.server";
import { getFixedT } from "~/i18n/i18n.server";

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
  const links = new Map(db().select().from(externalLink).all().map((l) => [l.url, l]));
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
  const steps = db().select().from(lifeEventStep).orderBy(asc(lifeEventStep.lifeEventId), asc(lifeEventStep.position)).all();
  return db()
    .select()
    .from(lifeEvent)
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
  return formDefinitions.map((f) => ({
    id: f.id,
    version: f.version,
    title: text(f.titleKey),
    description: text(f.descriptionKey),
    administration: f.administration,
    offeredBy: f.offeredBy === "shared" ? [...MUNICIPALITY_SLUGS] : [...f.offeredBy],
    caseType: f.caseType,
    requiresLogin: f.requiresLogin,
    processingDays: f.processingDays,
    page: `${origin}/blanketter/${f.id}`,
    steps: f.steps.map((s) => ({
      id: s.id,
      title: text(s.titleKey),
      fields: s.fields.map((field) => ({ name: field.name, type: field.type, required: field.required, label: text(field.labelKey) })),
    })),
  }));
}
