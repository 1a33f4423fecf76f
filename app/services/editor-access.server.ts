import { and, asc, eq } from "drizzle-orm";
import { invalidateAnonymousCache } from "~/services/page-cache.server";
import {
  administration,
  contentVersion,
  news,
  page,
  service,
  serviceMunicipality,
  staffUser,
  type ContentVersion,
} from "../../db/schema/index";
import { type Snapshot } from "../../db/content-versions";
import { canStaff } from "~/auth/guards.server";
import type { Permission } from "~/auth/permissions";
import type { StaffUser } from "~/auth/guards.server";
import { db } from "~/db.server";
import { type ContentType } from "./editor-fields";

/**
 * Who may see and change which editor item (scope, 404 before 403) and the helpers every editor
 * module shares: the row, the working copy, the cache invalidation after a change. See editor.server.ts.
 */

export type Row = Record<string, unknown> & {
  id: number;
  status: string;
  publishAt: string | null;
  unpublishAt: string | null;
  owner: string;
  reviewBy: string;
};

export const PENDING_ACTIONS = new Set(["draft", "restored-draft"]);

export const tableOf = (type: ContentType) => (type === "service" ? service : type === "page" ? page : news);

/**
 * 403. `reason` names the rule in the answer's body (shown by the error page, see
 * common:errors.forbidden.reasons): "publish" = drafts only, a redaktör publishes.
 */
export function forbidden(reason?: "publish" | "guides"): never {
  if (reason) throw Response.json({ reason }, { status: 403, statusText: "Forbidden" });
  throw new Response("Forbidden", { status: 403, statusText: "Forbidden" });
}
export function notFound(): never {
  throw new Response("Not found", { status: 404, statusText: "Not Found" });
}

export function usernameOf(user: StaffUser): string {
  return (
    db().select({ u: staffUser.username }).from(staffUser).where(eq(staffUser.id, user.staffUserId)).get()?.u ??
    user.name
  );
}

/** An editor role without municipality: shared services and everything else. */
export function isPortalWide(user: StaffUser, permission: Permission = "content.edit"): boolean {
  return user.roles.some((r) => r.role === "editor" && r.municipalityId === null) && canStaff(user, permission);
}

// ------------------------------------------------------------------ scope

export interface Offer {
  municipalityId: number;
  administrationId: number | null;
}

/** Each offering municipality with the administration answering for the service there. */
export function offersOf(serviceId: number, administrationSlug: string): Offer[] {
  return db()
    .select({
      municipalityId: serviceMunicipality.municipalityId,
      administrationId: serviceMunicipality.administrationId,
      fallbackId: administration.id,
    })
    .from(serviceMunicipality)
    .leftJoin(
      administration,
      and(
        eq(administration.municipalityId, serviceMunicipality.municipalityId),
        eq(administration.slug, administrationSlug),
      ),
    )
    .where(eq(serviceMunicipality.serviceId, serviceId))
    .all()
    .map((o) => ({ municipalityId: o.municipalityId, administrationId: o.administrationId ?? o.fallbackId }));
}

export function mayOffer(user: StaffUser, permission: Permission, o: Offer): boolean {
  // An offer without an administration is nobody's but the portal's: never match "any".
  return (
    o.administrationId !== null &&
    canStaff(user, permission, { municipalityId: o.municipalityId, administrationId: o.administrationId })
  );
}

export interface Access {
  /** May change the common texts (and, with publish, publish them). */
  main: boolean;
  /** Municipality ids whose variant the user may change (services only). */
  variants: number[];
}

export function accessTo(user: StaffUser, permission: Permission, type: ContentType, row: Row): Access {
  if (isPortalWide(user, permission)) {
    return {
      main: true,
      variants: type === "service" ? offersOf(row.id, String(row.administrationSlug)).map((o) => o.municipalityId) : [],
    };
  }
  if (type === "service") {
    const offers = offersOf(row.id, String(row.administrationSlug));
    const variants = offers.filter((o) => mayOffer(user, permission, o)).map((o) => o.municipalityId);
    return { main: !row.shared && variants.length > 0, variants };
  }
  const administrationId = row.administrationId as number | null;
  const main = canStaff(user, permission, {
    municipalityId: row.municipalityId as number,
    ...(administrationId ? { administrationId } : {}),
  });
  return { main, variants: [] };
}

export function getRow(type: ContentType, id: number): Row | undefined {
  const table = tableOf(type);
  return db().select().from(table).where(eq(table.id, id)).get() as Row | undefined;
}

/** The item if the user may see it in /redaktor (404 unknown, 403 out of scope). */
export function requireItem(
  user: StaffUser,
  type: ContentType,
  id: number,
  need: "view" | "main" | "publish" = "view",
) {
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const row = getRow(type, id);
  if (!row) notFound();
  const edit = accessTo(user, "content.edit", type, row);
  if (!edit.main && edit.variants.length === 0) forbidden();
  if (need === "main" && !edit.main) forbidden();
  if (need === "publish" && !accessTo(user, "content.publish", type, row).main) forbidden("publish");
  return { row, access: edit };
}

// ------------------------------------------------------------------ reading for the edit page

export function latestVersion(type: ContentType, id: number): ContentVersion | undefined {
  return db()
    .select()
    .from(contentVersion)
    .where(and(eq(contentVersion.contentType, type), eq(contentVersion.contentId, id)))
    .orderBy(asc(contentVersion.version))
    .all()
    .at(-1);
}

/** What the editor works on: the pending draft if there is one, else the row. */
export function workingCopy(type: ContentType, row: Row): { values: Snapshot; pending: boolean } {
  const last = latestVersion(type, row.id);
  if (last && PENDING_ACTIONS.has(last.action))
    return { values: { ...row, ...(last.snapshot as Snapshot) }, pending: true };
  return { values: row, pending: false };
}

/**
 * The mutators, each followed by emptying the anonymous page cache (docs/decisions/030) so that
 * residents never see a cached copy of what an editor just changed.
 */
export function thenInvalidate<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  return (...args: A) => {
    const result = fn(...args);
    invalidateAnonymousCache();
    return result;
  };
}
