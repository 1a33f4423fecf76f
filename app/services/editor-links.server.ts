import { asc, eq } from "drizzle-orm";
import { authority, service, serviceAuthority, serviceRelated } from "../../db/schema/index";
import { snapshotOf, type Snapshot } from "../../db/content-versions";
import { db } from "~/db.server";
import type { Language } from "~/i18n/config";
import { type EditorErrors } from "./editor-fields";

/** A service's related services and other authorities: reading, choosing, parsing and writing them. */

// ------------------------------------------------------------------ related services and authorities

/** A service's links: related services (ids) and other authorities (slugs), in order. */
export interface ServiceLinks {
  related: number[];
  authorities: string[];
}

/** The links a snapshot (a version or a pending draft) holds, or undefined if it has none. */
export function linksIn(snapshot: Snapshot): ServiceLinks | undefined {
  if (!Array.isArray(snapshot.related) || !Array.isArray(snapshot.authorities)) return undefined;
  return {
    related: (snapshot.related as unknown[]).map(Number),
    authorities: (snapshot.authorities as unknown[]).map(String),
  };
}

export function currentLinks(id: number): ServiceLinks {
  return linksIn(snapshotOf(db(), "service", id) ?? {}) ?? { related: [], authorities: [] };
}

export type Tx = Parameters<Parameters<ReturnType<typeof db>["transaction"]>[0]>[0];

export function applyLinks(tx: Tx, id: number, links: ServiceLinks) {
  tx.delete(serviceRelated).where(eq(serviceRelated.serviceId, id)).run();
  links.related.forEach((relatedServiceId, position) =>
    tx.insert(serviceRelated).values({ serviceId: id, relatedServiceId, position }).run(),
  );
  tx.delete(serviceAuthority).where(eq(serviceAuthority.serviceId, id)).run();
  links.authorities.forEach((authoritySlug, position) =>
    tx.insert(serviceAuthority).values({ serviceId: id, authoritySlug, position }).run(),
  );
}

/** What the editor may choose from: published services (not this one) and the authorities. */
export function linkChoices(serviceId: number, lang: Language) {
  const collator = new Intl.Collator(lang);
  const services = db()
    .select({ id: service.id, titleSv: service.titleSv, titleEn: service.titleEn })
    .from(service)
    .where(eq(service.status, "published"))
    .all()
    .filter((x) => x.id !== serviceId)
    .map((x) => ({ value: String(x.id), label: (lang === "en" && x.titleEn) || x.titleSv }))
    .sort((a, b) => collator.compare(a.label, b.label));
  const authorities = db()
    .select({ slug: authority.slug, nameSv: authority.nameSv, nameEn: authority.nameEn })
    .from(authority)
    .orderBy(asc(authority.position))
    .all()
    .map((a) => ({ value: a.slug, label: lang === "en" ? a.nameEn : a.nameSv }));
  return { services, authorities };
}

/**
 * Reads the checked related services and authorities. Only published services other than this
 * one, and known authorities; anything else is a field error (never silently dropped).
 */
export function parseServiceLinks(form: FormData, serviceId: number): { links: ServiceLinks; errors: EditorErrors } {
  const errors: EditorErrors = {};
  const related = [...new Set(form.getAll("related").map(String))];
  const authorities = [...new Set(form.getAll("authorities").map(String))];
  const published = new Set(
    db()
      .select({ id: service.id })
      .from(service)
      .where(eq(service.status, "published"))
      .all()
      .map((r) => String(r.id)),
  );
  if (related.some((r) => r === String(serviceId))) errors.related = "errors.relatedSelf";
  else if (related.some((r) => !/^[0-9]{1,9}$/.test(r) || !published.has(r))) errors.related = "errors.relatedUnknown";
  else if (related.length > 12) errors.related = "errors.relatedTooMany";
  const known = new Set(
    db()
      .select({ slug: authority.slug })
      .from(authority)
      .all()
      .map((a) => a.slug),
  );
  if (authorities.some((a) => !known.has(a))) errors.authorities = "errors.authorityUnknown";
  else if (authorities.length > 12) errors.authorities = "errors.relatedTooMany";
  return { links: { related: related.map(Number), authorities }, errors };
}
