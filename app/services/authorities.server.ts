import { and, asc, eq, inArray } from "drizzle-orm";
import {
  AUTHORITY_LEVELS,
  authority,
  authorityService,
  externalLink,
  lifeEvent,
  lifeEventStep,
  service,
  serviceAuthority,
  type AuthorityLevel,
} from "../../db/schema/index";
import { db } from "~/db.server";
import type { Language } from "~/i18n/config";
import { listServices } from "~/services/catalogue.server";
import { localized } from "~/services/municipalities.server";

/**
 * Other authorities and life-event guides, in the visitor's language, with the current
 * state of every external link (docs/decisions/019): pages, the API and the admin view all
 * read from here.
 */

export interface LinkState {
  url: string;
  /** True when the last conclusive check failed: shown to residents as a warning. */
  broken: boolean;
  /** ISO timestamp when the link last answered; null until the checker has reached it. */
  lastVerifiedAt: string | null;
}

export interface AuthorityServiceView {
  title: string;
  description: string;
  link: LinkState;
}

export interface AuthorityView {
  slug: string;
  level: AuthorityLevel;
  name: string;
  description: string;
  link: LinkState;
  services: AuthorityServiceView[];
}

function linkStates(urls: string[]): Map<string, LinkState> {
  const out = new Map<string, LinkState>();
  if (urls.length === 0) return out;
  const rows = db()
    .select({ url: externalLink.url, broken: externalLink.broken, lastOkAt: externalLink.lastOkAt })
    .from(externalLink)
    .where(inArray(externalLink.url, [...new Set(urls)]))
    .all();
  for (const r of rows) out.set(r.url, { url: r.url, broken: r.broken, lastVerifiedAt: r.lastOkAt });
  return out;
}

const unknownLink = (url: string): LinkState => ({ url, broken: false, lastVerifiedAt: null });

function loadAuthorities(lang: Language, where?: ReturnType<typeof eq>): AuthorityView[] {
  const rows = db().select().from(authority).where(where).orderBy(asc(authority.position)).all();
  if (rows.length === 0) return [];
  const services = db()
    .select()
    .from(authorityService)
    .where(
      inArray(
        authorityService.authorityId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(authorityService.authorityId), asc(authorityService.position))
    .all();
  const links = linkStates([...rows.map((r) => r.url), ...services.map((s) => s.url)]);
  return rows.map((r) => ({
    slug: r.slug,
    level: r.level,
    name: localized(r, "name", lang),
    description: localized(r, "description", lang),
    link: links.get(r.url) ?? unknownLink(r.url),
    services: services
      .filter((s) => s.authorityId === r.id)
      .map((s) => ({
        title: localized(s, "title", lang),
        description: localized(s, "description", lang),
        link: links.get(s.url) ?? unknownLink(s.url),
      })),
  }));
}

/** The register grouped county → state → EU, in the curated order. */
export function listAuthoritiesByLevel(lang: Language): { level: AuthorityLevel; authorities: AuthorityView[] }[] {
  const all = loadAuthorities(lang);
  return AUTHORITY_LEVELS.map((level) => ({ level, authorities: all.filter((a) => a.level === level) }));
}

export function getAuthority(slug: string, lang: Language): AuthorityView | undefined {
  return loadAuthorities(lang, eq(authority.slug, slug))[0];
}

// ------------------------------------------------------------------------- life events

export interface LifeEventSummary {
  slug: string;
  title: string;
  summary: string;
  stepCount: number;
  example: boolean;
  updatedAt: string;
}

export type StepActor =
  | { kind: "municipality"; serviceSlug: string | null; serviceTitle: string | null; formId: string | null }
  | { kind: "authority"; authoritySlug: string; authorityName: string; url: string | null; broken: boolean };

export interface LifeEventStepView {
  number: number;
  title: string;
  body: string;
  actor: StepActor;
}

export interface LifeEventView extends LifeEventSummary {
  steps: LifeEventStepView[];
}

export function listLifeEvents(lang: Language): LifeEventSummary[] {
  const events = db()
    .select()
    .from(lifeEvent)
    .where(eq(lifeEvent.published, true))
    .orderBy(asc(lifeEvent.position))
    .all();
  const steps = db().select({ lifeEventId: lifeEventStep.lifeEventId }).from(lifeEventStep).all();
  return events.map((e) => ({
    slug: e.slug,
    title: localized(e, "title", lang),
    summary: localized(e, "summary", lang),
    stepCount: steps.filter((s) => s.lifeEventId === e.id).length,
    example: e.example,
    updatedAt: e.updatedAt,
  }));
}

export function getLifeEvent(slug: string, lang: Language): LifeEventView | undefined {
  const e = db()
    .select()
    .from(lifeEvent)
    .where(and(eq(lifeEvent.slug, slug), eq(lifeEvent.published, true)))
    .get();
  if (!e) return undefined;
  const steps = db()
    .select()
    .from(lifeEventStep)
    .where(eq(lifeEventStep.lifeEventId, e.id))
    .orderBy(asc(lifeEventStep.position))
    .all();
  const authoritySlugs = steps.map((s) => s.authoritySlug).filter((s): s is string => Boolean(s));
  // Link only to services residents can see now (the catalogue's visibility rules).
  const services = new Map(listServices({ lang }).map((x) => [x.slug, x.title]));
  const authorities = authoritySlugs.length
    ? db().select().from(authority).where(inArray(authority.slug, authoritySlugs)).all()
    : [];
  return {
    slug: e.slug,
    title: localized(e, "title", lang),
    summary: localized(e, "summary", lang),
    stepCount: steps.length,
    example: e.example,
    updatedAt: e.updatedAt,
    steps: steps.map((s, i) => {
      const a = authorities.find((x) => x.slug === s.authoritySlug);
      const actor: StepActor =
        s.actorKind === "authority" && s.authoritySlug
          ? {
              kind: "authority",
              authoritySlug: s.authoritySlug,
              authorityName: a ? localized(a, "name", lang) : s.authoritySlug,
              url: a?.url ?? null,
              broken: a?.broken ?? false,
            }
          : {
              kind: "municipality",
              serviceSlug: s.serviceSlug && services.has(s.serviceSlug) ? s.serviceSlug : null,
              serviceTitle: s.serviceSlug ? (services.get(s.serviceSlug) ?? null) : null,
              formId: s.formId,
            };
      return { number: i + 1, title: localized(s, "title", lang), body: localized(s, "body", lang), actor };
    }),
  };
}

/** Guides in which an authority has a step (shown on the authority's page). */
export function lifeEventsInvolving(authoritySlug: string, lang: Language): { slug: string; title: string }[] {
  return db()
    .selectDistinct({
      slug: lifeEvent.slug,
      titleSv: lifeEvent.titleSv,
      titleEn: lifeEvent.titleEn,
      position: lifeEvent.position,
    })
    .from(lifeEvent)
    .innerJoin(
      lifeEventStep,
      and(eq(lifeEventStep.lifeEventId, lifeEvent.id), eq(lifeEventStep.authoritySlug, authoritySlug)),
    )
    .where(eq(lifeEvent.published, true))
    .orderBy(asc(lifeEvent.position))
    .all()
    .map((r) => ({ slug: r.slug, title: localized(r, "title", lang) }));
}

/** Published services of ours in which an authority has a part (service_authority). */
export function servicesInvolving(authoritySlug: string, lang: Language): { slug: string; title: string }[] {
  const slugs = new Set(
    db()
      .select({ slug: service.slug })
      .from(serviceAuthority)
      .innerJoin(service, eq(service.id, serviceAuthority.serviceId))
      .where(eq(serviceAuthority.authoritySlug, authoritySlug))
      .all()
      .map((r) => r.slug),
  );
  return listServices({ lang })
    .filter((s) => slugs.has(s.slug))
    .map((s) => ({ slug: s.slug, title: s.title }));
}
