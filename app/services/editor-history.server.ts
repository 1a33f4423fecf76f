import { and, asc, eq, inArray } from "drizzle-orm";
import { diffWords } from "diff";
import { authority, contentVersion, municipality, service, type ContentVersion } from "../../db/schema/index";
import { type Snapshot } from "../../db/content-versions";
import type { StaffUser } from "~/auth/guards.server";
import { db } from "~/db.server";
import { type ContentType } from "./editor-fields";
import { linksIn } from "./editor-links.server";
import { pickEditable, saveItem } from "./editor.server";
import { accessTo, notFound, requireItem, thenInvalidate } from "./editor-access.server";

/** A content item's versions: the history list, field-by-field diffs and restoring an old version. */

// ------------------------------------------------------------------ history, diff, restore

export function listHistory(user: StaffUser, type: ContentType, id: number) {
  const { row } = requireItem(user, type, id);
  const versions = db()
    .select({
      version: contentVersion.version,
      action: contentVersion.action,
      createdBy: contentVersion.createdBy,
      createdAt: contentVersion.createdAt,
    })
    .from(contentVersion)
    .where(and(eq(contentVersion.contentType, type), eq(contentVersion.contentId, id)))
    .orderBy(asc(contentVersion.version))
    .all()
    .reverse();
  return { title: String(row.titleSv), versions, canEditMain: accessTo(user, "content.edit", type, row).main };
}

export function versionOf(type: ContentType, id: number, version: number): ContentVersion | undefined {
  return db()
    .select()
    .from(contentVersion)
    .where(
      and(eq(contentVersion.contentType, type), eq(contentVersion.contentId, id), eq(contentVersion.version, version)),
    )
    .get();
}

export interface DiffPart {
  kind: "same" | "added" | "removed";
  text: string;
}
export interface FieldDiff {
  field: string;
  /** For a municipal variant's field: the municipality's name (not its id). */
  municipality?: string;
  /** A label already readable (the e-service designer's diff, decision 086); else from `field`. */
  label?: string;
  parts: DiffPart[];
}

// Bookkeeping, not content: changes here are shown by the history's who/when instead.
export const IGNORED = new Set(["id", "createdAt", "updatedAt", "updatedBy", "example"]);

export function flatten(snapshot: Snapshot): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(snapshot)) {
    if (IGNORED.has(k)) continue;
    if (k === "variants" && Array.isArray(v)) {
      for (const variant of v as Snapshot[]) {
        for (const [vk, vv] of Object.entries(variant)) {
          if (vk === "municipalityId" || vv == null) continue;
          out.set(`variants.${String(variant.municipalityId)}.${vk}`, String(vv));
        }
      }
    } else if (Array.isArray(v)) out.set(k, v.join(", "));
    else if (v != null) out.set(k, String(v));
  }
  return out;
}

/** Field-by-field word diff between two snapshots (only fields that differ). */
export function diffSnapshots(
  from: Snapshot,
  to: Snapshot,
  municipalityNames: Map<number, string> = new Map(),
): FieldDiff[] {
  const a = flatten(from);
  const b = flatten(to);
  const fields = [...new Set([...a.keys(), ...b.keys()])];
  return fields
    .filter((f) => (a.get(f) ?? "") !== (b.get(f) ?? ""))
    .map((field) => {
      const variant = /^variants\.(\d+)\./.exec(field);
      const name = variant ? municipalityNames.get(Number(variant[1])) : undefined;
      return {
        field,
        ...(name ? { municipality: name } : {}),
        parts: diffWords(a.get(field) ?? "", b.get(field) ?? "").map(
          (c) => ({ kind: c.added ? "added" : c.removed ? "removed" : "same", text: c.value }) as DiffPart,
        ),
      };
    });
}

/** Related services and authorities by name in a snapshot, so that the diff reads as words. */
export function namedLinks(snapshot: Snapshot): Snapshot {
  const out = { ...snapshot };
  if (Array.isArray(snapshot.related)) {
    const ids = (snapshot.related as unknown[]).map(Number).filter(Number.isSafeInteger);
    const titles = new Map(
      ids.length
        ? db()
            .select({ id: service.id, t: service.titleSv })
            .from(service)
            .where(inArray(service.id, ids))
            .all()
            .map((r) => [r.id, r.t])
        : [],
    );
    out.related = ids.map((id) => titles.get(id) ?? `#${id}`).join("; ");
  }
  if (Array.isArray(snapshot.authorities)) {
    const slugs = (snapshot.authorities as unknown[]).map(String);
    const names = new Map(
      slugs.length
        ? db()
            .select({ slug: authority.slug, n: authority.nameSv })
            .from(authority)
            .where(inArray(authority.slug, slugs))
            .all()
            .map((r) => [r.slug, r.n])
        : [],
    );
    out.authorities = slugs.map((x) => names.get(x) ?? x).join("; ");
  }
  return out;
}

export function diffVersions(user: StaffUser, type: ContentType, id: number, from: number, to: number) {
  requireItem(user, type, id);
  const a = versionOf(type, id, from);
  const b = versionOf(type, id, to);
  if (!a || !b) return undefined;
  const names = new Map(
    db()
      .select({ id: municipality.id, name: municipality.name })
      .from(municipality)
      .all()
      .map((m) => [m.id, m.name]),
  );
  return diffSnapshots(namedLinks(a.snapshot as Snapshot), namedLinks(b.snapshot as Snapshot), names);
}

/** Brings back an old version's texts as a new version (a draft if the item is published). */
export function restoreVersionInner(user: StaffUser, type: ContentType, id: number, version: number) {
  requireItem(user, type, id, "main");
  const old = versionOf(type, id, version);
  if (!old) notFound();
  const snapshot = old.snapshot as Snapshot;
  return saveItem(
    user,
    type,
    id,
    pickEditable(type, snapshot),
    "restore",
    type === "service" ? linksIn(snapshot) : undefined,
  );
}

export const restoreVersion = thenInvalidate(restoreVersionInner);
