import { and, eq } from "drizzle-orm";
import type { DB } from "../client";
import { resetSeedVersion } from "../content-versions";
import {
  administration,
  municipality,
  news,
  page,
  service,
  serviceAuthority,
  serviceMunicipality,
  serviceRelated,
} from "../schema/index";
import { reindexCatalogue } from "../search-index";
import { seedNews, seedPages } from "./content/municipal-pages";
import { seedServices } from "./content/services";
import { MUNICIPALITY_SLUGS } from "./content/types";

/**
 * Seeds the catalogue, municipal pages and news by natural keys (service slug; municipality +
 * slug). A row the seed created is refreshed at every start until an editor changes it
 * (`updated_by` is then a staff username): the seed never overwrites an editor's work.
 * Review-by dates are relative to the day the seed runs, so the example content stays current.
 */
type Tx = Parameters<Parameters<DB["transaction"]>[0]>[0];

const DAY = 86_400_000;
const dateIn = (now: Date, days: number) => new Date(now.getTime() + days * DAY).toISOString().slice(0, 10);
const instantIn = (now: Date, days: number) => new Date(now.getTime() + days * DAY).toISOString();

/** A stable spread of review-by dates (60–360 days) so that not everything falls due at once. */
function spread(slug: string): number {
  let h = 0;
  for (const c of slug) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return 60 + (h % 300);
}

// A staff username, as the editor now requires (decision 060): the portal-wide editor owns the example texts.
const OWNER = "redaktor.portal";

export function seedCatalogue(db: DB, now = new Date()) {
  db.transaction((tx) => {
    const municipalities = new Map(
      tx
        .select()
        .from(municipality)
        .all()
        .map((m) => [m.slug, m]),
    );
    const admins = tx.select().from(administration).all();
    const adminId = (municipalityId: number, slug: string) =>
      admins.find((a) => a.municipalityId === municipalityId && a.slug === slug)?.id ?? null;

    // Services
    const serviceIds = new Map<string, { id: number; seedOwned: boolean }>();
    for (const s of seedServices) {
      const values = {
        slug: s.slug,
        category: s.category,
        administrationSlug: s.administration,
        shared: s.offeredBy === "shared",
        titleSv: s.title.sv,
        titleEn: s.title.en,
        summarySv: s.summary.sv,
        summaryEn: s.summary.en,
        audienceSv: s.audience.sv,
        audienceEn: s.audience.en,
        howToApplySv: s.howToApply.sv,
        howToApplyEn: s.howToApply.en,
        costSv: s.cost.sv,
        costEn: s.cost.en,
        processingTimeSv: s.processingTime.sv,
        processingTimeEn: s.processingTime.en,
        processingDays: s.processingDays ?? null,
        legalBasisSv: s.legalBasis.sv,
        legalBasisEn: s.legalBasis.en,
        bodySv: s.body.sv,
        bodyEn: s.body.en,
        keywords: s.keywords.join(" "),
        eServiceId: s.eServiceId ?? null,
        status: "published" as const,
        publishAt: null,
        unpublishAt: null,
        owner: OWNER,
        reviewBy: dateIn(now, spread(s.slug)),
        reviewedAt: dateIn(now, spread(s.slug) - 365),
        example: true,
        updatedBy: "seed",
        updatedAt: now.toISOString(),
      };
      const existing = tx
        .select({ id: service.id, updatedBy: service.updatedBy })
        .from(service)
        .where(eq(service.slug, s.slug))
        .get();
      if (existing && existing.updatedBy !== "seed") {
        serviceIds.set(s.slug, { id: existing.id, seedOwned: false });
        continue;
      }
      const id = existing
        ? (tx.update(service).set(values).where(eq(service.id, existing.id)).run(), existing.id)
        : tx.insert(service).values(values).returning({ id: service.id }).get().id;
      serviceIds.set(s.slug, { id, seedOwned: true });

      tx.delete(serviceMunicipality).where(eq(serviceMunicipality.serviceId, id)).run();
      const offered = s.offeredBy === "shared" ? MUNICIPALITY_SLUGS : s.offeredBy;
      for (const slug of offered) {
        const m = municipalities.get(slug);
        if (!m) continue;
        const v = s.variants[slug] ?? {};
        tx.insert(serviceMunicipality)
          .values({
            serviceId: id,
            municipalityId: m.id,
            administrationId: adminId(m.id, s.administration),
            feeSv: v.fee?.sv ?? null,
            feeEn: v.fee?.en ?? null,
            processingTimeSv: v.processingTime?.sv ?? null,
            processingTimeEn: v.processingTime?.en ?? null,
            processingDays: v.processingDays ?? null,
            contactNameSv: v.contact?.name.sv ?? null,
            contactNameEn: v.contact?.name.en ?? null,
            contactPhone: v.contact?.phone ?? null,
            contactEmail: v.contact?.email ?? null,
            localRulesSv: v.localRules?.sv ?? null,
            localRulesEn: v.localRules?.en ?? null,
          })
          .run();
      }
      tx.delete(serviceAuthority).where(eq(serviceAuthority.serviceId, id)).run();
      s.authorities.forEach((slug, position) =>
        tx.insert(serviceAuthority).values({ serviceId: id, authoritySlug: slug, position }).run(),
      );
    }
    // Related services need every id first.
    for (const s of seedServices) {
      const own = serviceIds.get(s.slug);
      if (!own?.seedOwned) continue;
      tx.delete(serviceRelated).where(eq(serviceRelated.serviceId, own.id)).run();
      s.related.forEach((slug, position) => {
        const other = serviceIds.get(slug);
        if (other && other.id !== own.id)
          tx.insert(serviceRelated).values({ serviceId: own.id, relatedServiceId: other.id, position }).run();
      });
      resetSeedVersion(db, "service", own.id);
    }

    // Pages
    for (const p of seedPages) {
      const m = municipalities.get(p.municipality);
      if (!m) continue;
      const values = {
        municipalityId: m.id,
        administrationId: adminId(m.id, p.administration),
        kind: p.kind,
        slug: p.slug,
        titleSv: p.title.sv,
        titleEn: p.title.en,
        summarySv: p.summary.sv,
        summaryEn: p.summary.en,
        bodySv: p.body.sv,
        bodyEn: p.body.en,
        contactName: p.contactName ?? null,
        contactPhone: p.contactPhone ?? null,
        contactEmail: p.contactEmail ?? null,
        visitingAddress: p.visitingAddress ?? null,
        openingHoursSv: p.openingHours?.sv ?? null,
        openingHoursEn: p.openingHours?.en ?? null,
        status: "published" as const,
        publishAt: null,
        unpublishAt: null,
        owner: OWNER,
        reviewBy: dateIn(now, p.reviewInDays),
        reviewedAt: dateIn(now, Math.min(0, p.reviewInDays) - 30),
        example: true,
        updatedBy: "seed",
        updatedAt: now.toISOString(),
      };
      upsertSeedOwned(db, tx, "page", m.id, p.slug, values);
    }

    // News
    for (const n of seedNews) {
      const m = municipalities.get(n.municipality);
      if (!m) continue;
      const values = {
        municipalityId: m.id,
        administrationId: n.administration ? adminId(m.id, n.administration) : null,
        slug: n.slug,
        titleSv: n.title.sv,
        titleEn: n.title.en,
        summarySv: n.summary.sv,
        summaryEn: n.summary.en,
        bodySv: n.body.sv,
        bodyEn: n.body.en,
        status: "published" as const,
        publishAt: instantIn(now, -n.publishedDaysAgo),
        unpublishAt: n.expiresInDays === undefined ? null : instantIn(now, n.expiresInDays),
        owner: OWNER,
        reviewBy: dateIn(now, n.reviewInDays),
        reviewedAt: dateIn(now, -Math.max(0, n.publishedDaysAgo)),
        example: true,
        updatedBy: "seed",
        updatedAt: now.toISOString(),
      };
      upsertSeedOwned(db, tx, "news", m.id, n.slug, values);
    }

    reindexCatalogue(db);
  });
}

function upsertSeedOwned(
  db: DB,
  tx: Tx,
  type: "page" | "news",
  municipalityId: number,
  slug: string,
  values: typeof page.$inferInsert | typeof news.$inferInsert,
) {
  const table = type === "page" ? page : news;
  const existing = tx
    .select({ id: table.id, updatedBy: table.updatedBy })
    .from(table)
    .where(and(eq(table.municipalityId, municipalityId), eq(table.slug, slug)))
    .get();
  if (existing && existing.updatedBy !== "seed") return;
  const id = existing
    ? (tx
        .update(table)
        .set(values as never)
        .where(eq(table.id, existing.id))
        .run(),
      existing.id)
    : tx
        .insert(table)
        .values(values as never)
        .returning({ id: table.id })
        .get().id;
  resetSeedVersion(db, type, id);
}
