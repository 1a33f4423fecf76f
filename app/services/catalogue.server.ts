import { and, asc, desc, eq, inArray } from "drizzle-orm";
import {
  administration,
  municipality,
  news,
  page,
  service,
  serviceAuthority,
  serviceMunicipality,
  serviceRelated,
  type News,
  type Page,
  type PageKind,
  type Service,
} from "../../db/schema/index";
import { seedAuthorities } from "../../db/seed/content/authorities";
import { CATEGORY_SLUGS } from "../../db/seed/content/types";
import { db } from "~/db.server";
import { env } from "~/env.server";
import type { Language } from "~/i18n/config";
import { renderMarkdown } from "~/utils/markdown.server";
import { visibleCondition } from "./visibility.server";

/**
 * Read side of the catalogue for residents: only what `visibleCondition` lets through
 * (docs/decisions/012). Texts are picked in the visitor's language; a missing English text falls
 * back to Swedish and the view says so (`fallback`), so the page can show a note.
 */
export const CATEGORIES = CATEGORY_SLUGS;
export type Category = (typeof CATEGORIES)[number];
export const isCategory = (value: unknown): value is Category => (CATEGORIES as readonly unknown[]).includes(value);

interface Clock {
  now?: Date;
  graceDays?: number;
}
const visible = <T extends Parameters<typeof visibleCondition>[0]>(table: T, clock: Clock = {}) =>
  visibleCondition(table, clock.now ?? new Date(), clock.graceDays ?? env().CONTENT_REVIEW_GRACE_DAYS);

/** Picks a text in the language, noting when English had to fall back to Swedish. */
class Picker {
  fallback = false;
  constructor(private lang: Language) {}
  pick(sv: string | null | undefined, en: string | null | undefined): string {
    if (this.lang === "en") {
      if (en && en.trim()) return en;
      if (sv && sv.trim()) this.fallback = true;
    }
    return sv ?? "";
  }
}

export interface ServiceSummary {
  slug: string;
  title: string;
  summary: string;
  category: string;
  shared: boolean;
  municipalities: string[];
}

function offeredMap(serviceIds: number[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  if (serviceIds.length === 0) return out;
  const rows = db()
    .select({ serviceId: serviceMunicipality.serviceId, slug: municipality.slug })
    .from(serviceMunicipality)
    .innerJoin(municipality, eq(municipality.id, serviceMunicipality.municipalityId))
    .where(inArray(serviceMunicipality.serviceId, serviceIds))
    .orderBy(asc(municipality.name))
    .all();
  for (const r of rows) out.set(r.serviceId, [...(out.get(r.serviceId) ?? []), r.slug]);
  return out;
}

function summarise(rows: Service[], lang: Language): ServiceSummary[] {
  const offered = offeredMap(rows.map((r) => r.id));
  const collator = new Intl.Collator(lang === "sv" ? "sv" : "en");
  return rows
    .map((r) => {
      const p = new Picker(lang);
      return {
        slug: r.slug,
        title: p.pick(r.titleSv, r.titleEn),
        summary: p.pick(r.summarySv, r.summaryEn),
        category: r.category,
        shared: r.shared,
        municipalities: offered.get(r.id) ?? [],
      };
    })
    .sort((a, b) => collator.compare(a.title, b.title));
}

export function listServices({
  lang,
  category,
  ...clock
}: { lang: Language; category?: Category | null } & Clock): ServiceSummary[] {
  const where = category ? and(visible(service, clock), eq(service.category, category)) : visible(service, clock);
  return summarise(db().select().from(service).where(where).all(), lang);
}

export function countServicesByCategory(clock: Clock = {}): Record<string, number> {
  const rows = db().select({ category: service.category }).from(service).where(visible(service, clock)).all();
  const out: Record<string, number> = {};
  for (const r of rows) out[r.category] = (out[r.category] ?? 0) + 1;
  return out;
}

/** The services a municipality offers, grouped by its administrations (förvaltningar). */
export function listServicesByAdministration({
  municipalityId,
  lang,
  ...clock
}: { municipalityId: number; lang: Language } & Clock) {
  const rows = db()
    .select({ service, adminId: serviceMunicipality.administrationId })
    .from(serviceMunicipality)
    .innerJoin(service, eq(service.id, serviceMunicipality.serviceId))
    .where(and(eq(serviceMunicipality.municipalityId, municipalityId), visible(service, clock)))
    .all();
  const admins = db().select().from(administration).where(eq(administration.municipalityId, municipalityId)).all();
  const summaries = new Map(
    summarise(
      rows.map((r) => r.service),
      lang,
    ).map((s) => [s.slug, s]),
  );
  const collator = new Intl.Collator(lang === "sv" ? "sv" : "en");
  return admins
    .map((a) => ({
      slug: a.slug,
      name: lang === "en" ? a.nameEn : a.nameSv,
      description: lang === "en" ? a.descriptionEn : a.descriptionSv,
      phone: a.phone,
      email: a.email,
      services: rows
        .filter((r) => r.adminId === a.id)
        .map((r) => summaries.get(r.service.slug)!)
        .sort((x, y) => collator.compare(x.title, y.title)),
    }))
    .filter((a) => a.services.length > 0)
    .sort((x, y) => collator.compare(x.name, y.name));
}

export interface MunicipalOffer {
  slug: string;
  name: string;
  administration: string | null;
  fee: string | null;
  processingTime: string | null;
  processingDays: number | null;
  contactName: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
  localRules: string | null;
}

export interface ServiceView {
  slug: string;
  category: string;
  shared: boolean;
  title: string;
  summary: string;
  audience: string;
  howToApplyHtml: string;
  cost: string;
  processingTime: string;
  processingDays: number | null;
  legalBasis: string;
  bodyHtml: string;
  eServiceId: string | null;
  reviewedAt: string;
  updatedAt: string;
  example: boolean;
  /** Some texts are shown in Swedish because the English is missing. */
  fallback: boolean;
  offers: MunicipalOffer[];
  related: { slug: string; title: string; summary: string }[];
  authorities: { slug: string; name: string; url: string; description: string }[];
}

function buildServiceView(row: Service, lang: Language, clock: Clock): ServiceView {
  const p = new Picker(lang);
  const offers = db()
    .select({ v: serviceMunicipality, m: municipality, a: administration })
    .from(serviceMunicipality)
    .innerJoin(municipality, eq(municipality.id, serviceMunicipality.municipalityId))
    .leftJoin(administration, eq(administration.id, serviceMunicipality.administrationId))
    .where(eq(serviceMunicipality.serviceId, row.id))
    .orderBy(asc(municipality.name))
    .all()
    .map(({ v, m, a }) => ({
      slug: m.slug,
      name: m.name,
      administration: a ? (lang === "en" ? a.nameEn : a.nameSv) : null,
      fee: v.feeSv ? p.pick(v.feeSv, v.feeEn) : null,
      processingTime: v.processingTimeSv ? p.pick(v.processingTimeSv, v.processingTimeEn) : null,
      processingDays: v.processingDays,
      contactName: v.contactNameSv ? p.pick(v.contactNameSv, v.contactNameEn) : null,
      contactPhone: v.contactPhone,
      contactEmail: v.contactEmail,
      localRules: v.localRulesSv ? p.pick(v.localRulesSv, v.localRulesEn) : null,
    }));
  const related = db()
    .select({ s: service })
    .from(serviceRelated)
    .innerJoin(service, eq(service.id, serviceRelated.relatedServiceId))
    .where(and(eq(serviceRelated.serviceId, row.id), visible(service, clock)))
    .orderBy(asc(serviceRelated.position))
    .all()
    .map(({ s }) => {
      const rp = new Picker(lang);
      return { slug: s.slug, title: rp.pick(s.titleSv, s.titleEn), summary: rp.pick(s.summarySv, s.summaryEn) };
    });
  const authorities = db()
    .select({ slug: serviceAuthority.authoritySlug })
    .from(serviceAuthority)
    .where(eq(serviceAuthority.serviceId, row.id))
    .orderBy(asc(serviceAuthority.position))
    .all()
    .flatMap(({ slug }) => {
      const a = seedAuthorities.find((x) => x.slug === slug);
      return a ? [{ slug, name: a.name[lang], url: a.url, description: a.description[lang] }] : [];
    });
  return {
    slug: row.slug,
    category: row.category,
    shared: row.shared,
    title: p.pick(row.titleSv, row.titleEn),
    summary: p.pick(row.summarySv, row.summaryEn),
    audience: p.pick(row.audienceSv, row.audienceEn),
    howToApplyHtml: renderMarkdown(p.pick(row.howToApplySv, row.howToApplyEn)),
    cost: p.pick(row.costSv, row.costEn),
    processingTime: p.pick(row.processingTimeSv, row.processingTimeEn),
    processingDays: row.processingDays,
    legalBasis: p.pick(row.legalBasisSv, row.legalBasisEn),
    bodyHtml: renderMarkdown(p.pick(row.bodySv, row.bodyEn)),
    eServiceId: row.eServiceId,
    reviewedAt: row.reviewedAt,
    updatedAt: row.updatedAt,
    example: row.example,
    offers,
    related,
    authorities,
    // Last: every pick above has run by now.
    fallback: p.fallback,
  };
}

/** A published service as residents see it, or undefined (404) when it is not visible. */
export function getServiceForResident({
  slug,
  lang,
  ...clock
}: { slug: string; lang: Language } & Clock): ServiceView | undefined {
  const row = db()
    .select()
    .from(service)
    .where(and(eq(service.slug, slug), visible(service, clock)))
    .get();
  if (!row) return undefined;
  return buildServiceView(row, lang, clock);
}

/** For an editor's preview: the same view, whatever the item's status, of the draft's texts if given. */
export function getServicePreview({
  id,
  lang,
  draft,
}: {
  id: number;
  lang: Language;
  draft?: Record<string, unknown>;
}): ServiceView | undefined {
  const row = db().select().from(service).where(eq(service.id, id)).get();
  if (!row) return undefined;
  return buildServiceView(draft ? ({ ...row, ...draft, id: row.id } as Service) : row, lang, {});
}

// ---------------------------------------------------------------- news and pages

export interface NewsSummary {
  slug: string;
  title: string;
  summary: string;
  publishedAt: string;
}

export function listNews({
  municipalityId,
  lang,
  limit = 50,
  ...clock
}: { municipalityId: number; lang: Language; limit?: number } & Clock): NewsSummary[] {
  return db()
    .select()
    .from(news)
    .where(and(eq(news.municipalityId, municipalityId), visible(news, clock)))
    .orderBy(desc(news.publishAt), desc(news.id))
    .limit(limit)
    .all()
    .map((n) => {
      const p = new Picker(lang);
      return {
        slug: n.slug,
        title: p.pick(n.titleSv, n.titleEn),
        summary: p.pick(n.summarySv, n.summaryEn),
        publishedAt: n.publishAt ?? n.createdAt,
      };
    });
}

export function getNewsItem({
  municipalityId,
  slug,
  lang,
  ...clock
}: { municipalityId: number; slug: string; lang: Language } & Clock) {
  const n = db()
    .select()
    .from(news)
    .where(and(eq(news.municipalityId, municipalityId), eq(news.slug, slug), visible(news, clock)))
    .get();
  if (!n) return undefined;
  return newsView(n, lang);
}

/** For an editor's preview of a news item's draft (any status). */
export function previewNewsView(draft: Record<string, unknown>, lang: Language) {
  return newsView(draft as News, lang);
}

function newsView(n: News, lang: Language) {
  const p = new Picker(lang);
  const view = {
    slug: n.slug,
    title: p.pick(n.titleSv, n.titleEn),
    summary: p.pick(n.summarySv, n.summaryEn),
    bodyHtml: renderMarkdown(p.pick(n.bodySv, n.bodyEn)),
    publishedAt: n.publishAt ?? n.createdAt,
    example: n.example,
  };
  return { ...view, fallback: p.fallback };
}

export interface PageSummary {
  slug: string;
  kind: PageKind;
  title: string;
  summary: string;
  administration: string | null;
}

export function listPages({
  municipalityId,
  lang,
  kind,
  ...clock
}: { municipalityId: number; lang: Language; kind?: PageKind } & Clock): PageSummary[] {
  const conditions = [eq(page.municipalityId, municipalityId), visible(page, clock)];
  if (kind) conditions.push(eq(page.kind, kind));
  const collator = new Intl.Collator(lang === "sv" ? "sv" : "en");
  return db()
    .select({ p: page, a: administration })
    .from(page)
    .leftJoin(administration, eq(administration.id, page.administrationId))
    .where(and(...conditions))
    .all()
    .map(({ p: row, a }) => {
      const p = new Picker(lang);
      return {
        slug: row.slug,
        kind: row.kind,
        title: p.pick(row.titleSv, row.titleEn),
        summary: p.pick(row.summarySv, row.summaryEn),
        administration: a ? (lang === "en" ? a.nameEn : a.nameSv) : null,
      };
    })
    .sort((x, y) => collator.compare(x.title, y.title));
}

export function getPageItem({
  municipalityId,
  kind,
  slug,
  lang,
  ...clock
}: { municipalityId: number; kind: PageKind; slug: string; lang: Language } & Clock) {
  const found = db()
    .select({ p: page, a: administration })
    .from(page)
    .leftJoin(administration, eq(administration.id, page.administrationId))
    .where(and(eq(page.municipalityId, municipalityId), eq(page.kind, kind), eq(page.slug, slug), visible(page, clock)))
    .get();
  if (!found) return undefined;
  return pageView(found.p, found.a, lang);
}

/** For an editor's preview of a page's draft (any status). */
export function previewPageView(draft: Record<string, unknown>, lang: Language) {
  const row = draft as Page;
  const a = row.administrationId
    ? (db().select().from(administration).where(eq(administration.id, row.administrationId)).get() ?? null)
    : null;
  return pageView(row, a, lang);
}

function pageView(row: Page, a: typeof administration.$inferSelect | null, lang: Language) {
  const p = new Picker(lang);
  const view = {
    slug: row.slug,
    kind: row.kind,
    title: p.pick(row.titleSv, row.titleEn),
    summary: p.pick(row.summarySv, row.summaryEn),
    bodyHtml: renderMarkdown(p.pick(row.bodySv, row.bodyEn)),
    administration: a ? (lang === "en" ? a.nameEn : a.nameSv) : null,
    contactName: row.contactName,
    contactPhone: row.contactPhone,
    contactEmail: row.contactEmail,
    visitingAddress: row.visitingAddress,
    openingHours: row.openingHoursSv ? p.pick(row.openingHoursSv, row.openingHoursEn) : null,
    reviewedAt: row.reviewedAt,
    example: row.example,
  };
  return { ...view, fallback: p.fallback };
}

/** The municipality named in the URL, or a 404 response. */
export function municipalityOr404(slug: string | undefined) {
  const m = slug ? db().select().from(municipality).where(eq(municipality.slug, slug)).get() : undefined;
  if (!m) throw new Response("Not found", { status: 404 });
  return m;
}
