/**
 * Review owners (docs/decisions/035, 060): the person who answers for a text being correct is a
 * staff user chosen from a list, not free text, so the review reminder always has someone to mail.
 * The choices are the enabled staff users who edit or administer content in the item's
 * municipality, and the portal-wide ones; a shared service may have any of them.
 */
import { isNull } from "drizzle-orm";
import { roleAssignment, staffUser } from "../../db/schema/index";
import { db } from "~/db.server";

interface OwnerChoice {
  value: string;
  label: string;
}

const CONTENT_ROLES = new Set(["editor", "contributor", "admin"]);

/** Staff usernames that may own a text of these municipalities (null: a shared, portal-wide item). */
export function reviewOwnerChoices(municipalityIds: readonly number[] | null): OwnerChoice[] {
  const roles = db().select().from(roleAssignment).all();
  return db()
    .select({ id: staffUser.id, username: staffUser.username, name: staffUser.name })
    .from(staffUser)
    .where(isNull(staffUser.disabledAt))
    .all()
    .filter((s) =>
      roles.some(
        (r) =>
          r.staffUserId === s.id &&
          CONTENT_ROLES.has(r.role) &&
          (municipalityIds === null || r.municipalityId === null || municipalityIds.includes(r.municipalityId)),
      ),
    )
    .sort((a, b) => a.name.localeCompare(b.name, "sv"))
    .map((s) => ({ value: s.username, label: `${s.name} (${s.username})` }));
}

/** The editor's field error for an owner that is not one of the choices, or undefined. */
export function reviewOwnerError(owner: string | undefined, municipalityIds: readonly number[] | null) {
  if (!owner) return "errors.required.owner";
  return reviewOwnerChoices(municipalityIds).some((c) => c.value === owner) ? undefined : "errors.ownerChoice";
}
