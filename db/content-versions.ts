import { and, asc, eq, max } from "drizzle-orm";
import type { DB } from "./client";
import {
  contentVersion,
  news,
  page,
  service,
  serviceAuthority,
  serviceMunicipality,
  serviceRelated,
  type ContentType,
} from "./schema/index";

/**
 * Full snapshots of publishable items for the version history (who/when), diffs and restore.
 * A service's snapshot includes its municipal variants and links, so restoring brings back
 * everything a resident saw.
 */
export type Snapshot = Record<string, unknown>;

export function snapshotOf(db: DB, type: ContentType, id: number): Snapshot | undefined {
  if (type === "service") {
    const row = db.select().from(service).where(eq(service.id, id)).get();
    if (!row) return undefined;
    const variants = db
      .select()
      .from(serviceMunicipality)
      .where(eq(serviceMunicipality.serviceId, id))
      .orderBy(asc(serviceMunicipality.municipalityId))
      .all()
      .map(({ serviceId: _s, ...v }) => v);
    const related = db
      .select({ id: serviceRelated.relatedServiceId })
      .from(serviceRelated)
      .where(eq(serviceRelated.serviceId, id))
      .orderBy(asc(serviceRelated.position))
      .all()
      .map((r) => r.id);
    const authorities = db
      .select({ slug: serviceAuthority.authoritySlug })
      .from(serviceAuthority)
      .where(eq(serviceAuthority.serviceId, id))
      .orderBy(asc(serviceAuthority.position))
      .all()
      .map((r) => r.slug);
    return { ...row, variants, related, authorities };
  }
  const table = type === "page" ? page : news;
  return db.select().from(table).where(eq(table.id, id)).get() as Snapshot | undefined;
}

export function writeVersion(
  db: DB,
  type: ContentType,
  id: number,
  action: string,
  by: string,
  at = new Date().toISOString(),
) {
  const snapshot = snapshotOf(db, type, id);
  if (!snapshot) return;
  const last = db
    .select({ v: max(contentVersion.version) })
    .from(contentVersion)
    .where(and(eq(contentVersion.contentType, type), eq(contentVersion.contentId, id)))
    .get();
  db.insert(contentVersion)
    .values({
      contentType: type,
      contentId: id,
      version: (last?.v ?? 0) + 1,
      snapshot,
      action,
      createdBy: by,
      createdAt: at,
    })
    .run();
}

/** While the seed still owns an item, its history is one "seeded" version, refreshed in place. */
export function resetSeedVersion(db: DB, type: ContentType, id: number) {
  db.delete(contentVersion)
    .where(and(eq(contentVersion.contentType, type), eq(contentVersion.contentId, id)))
    .run();
  writeVersion(db, type, id, "seeded", "seed");
}
