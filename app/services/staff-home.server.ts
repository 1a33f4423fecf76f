import { and, count, gte, inArray, isNotNull, isNull, eq, or, gt } from "drizzle-orm";
import { auditEvent, staffUser } from "../../db/schema/index";
import { adminMunicipalities, canStaff, staffMunicipalityIds, staffScopes, type StaffUser } from "~/auth/guards.server";
import type { SessionUser } from "~/auth/session.server";
import { db } from "~/db.server";
import { now } from "~/utils/clock.server";
import { countOpenCases } from "./cases.server";
import { listWaitingCases } from "./integration-systems.server";
import { canEditGuides } from "./life-event-editor.server";
import { listBrokenLinks } from "./links.server";
import { listJobStatus } from "./scheduled-jobs.server";

export interface StaffFunction {
  key:
    | "cases"
    | "childcare"
    | "school"
    | "content"
    | "guides"
    | "users"
    | "audit"
    | "links"
    | "jobs"
    | "integrations"
    | "taxa"
    | "records"
    | "units"
    | "delegations"
    | "maxtaxa";
  href: string;
  /** What waits for the user, when the portal can count it. */
  count: number | null;
}

/** Exactly the functions the user's roles give, each with what waits (staff start page). */
export function staffFunctions(user: SessionUser): StaffFunction[] {
  const out: StaffFunction[] = [];
  if (canStaff(user, "case.read"))
    out.push({ key: "cases", href: "/handlaggare", count: countOpenCases(staffScopes(user, "case.read")) });
  // Childcare and school applications have their own queues; without these links they were
  // reachable only by typing the address (found by the officer's sweep, docs/decisions/037).
  const areas = new Set(staffScopes(user, "case.read").map((s) => s.area));
  if (areas.has("barnomsorg")) out.push({ key: "childcare", href: "/handlaggare/barnomsorg", count: null });
  if (areas.has("skola")) out.push({ key: "school", href: "/handlaggare/skola", count: null });
  if (canStaff(user, "content.edit")) out.push({ key: "content", href: "/redaktor", count: null });
  if (user.kind === "staff" && canEditGuides(user as StaffUser))
    out.push({ key: "guides", href: "/redaktor/livshandelser", count: null });
  if (canStaff(user, "users.admin")) {
    const ids = staffMunicipalityIds(user, "users.admin");
    // Waiting: accounts that are locked or have not enrolled their second factor.
    const n =
      db()
        .select({ n: count() })
        .from(staffUser)
        .where(
          and(
            inArray(staffUser.municipalityId, ids),
            or(
              isNull(staffUser.totpEnrolledAt),
              and(isNotNull(staffUser.lockedUntil), gt(staffUser.lockedUntil, now().toISOString())),
            ),
          ),
        )
        .get()?.n ?? 0;
    out.push({ key: "users", href: "/admin/anvandare", count: n });
  }
  if (canStaff(user, "audit.read")) {
    const ids = staffMunicipalityIds(user, "audit.read");
    const since = new Date(now().getTime() - 24 * 3600_000).toISOString();
    const n =
      db()
        .select({ n: count() })
        .from(auditEvent)
        .where(
          and(
            inArray(auditEvent.municipalityId, ids),
            eq(auditEvent.action, "login.failed"),
            gte(auditEvent.at, since),
          ),
        )
        .get()?.n ?? 0;
    out.push({ key: "audit", href: "/admin/logg", count: n });
  }
  // Links to other authorities are portal-wide; every administrator sees the broken ones.
  if (canStaff(user, "users.admin")) out.push({ key: "links", href: "/admin/lankar", count: listBrokenLinks().length });
  // Scheduled jobs serve every municipality: only a portal-wide administrator sees them (decision 053).
  if (canStaff(user, "users.admin") && adminMunicipalities(user, "users.admin") === null) {
    const failures = listJobStatus().reduce((sum, job) => sum + job.failures7d, 0);
    out.push({ key: "jobs", href: "/admin/jobb", count: failures });
  }
  // Cases with no case-management system to go to wait until an admin routes them (decision 058).
  if (canStaff(user, "users.admin"))
    out.push({
      key: "integrations",
      href: "/admin/integrationer",
      count: listWaitingCases(adminMunicipalities(user, "users.admin")).length,
    });
  if (canStaff(user, "users.admin")) out.push({ key: "taxa", href: "/admin/taxor", count: null });
  if (canStaff(user, "users.admin")) out.push({ key: "units", href: "/admin/enheter", count: null });
  // The registrar's retention rules and dry run (decision 059); scoped to the admin's municipalities on the page.
  if (canStaff(user, "diarium.admin")) out.push({ key: "records", href: "/admin/gallring", count: null });
  // Samverkan moves cases between municipalities and the maxtaxa is national: portal-wide admins only.
  if (user.roles.some((r) => r.role === "admin" && r.municipalityId === null)) {
    out.push({ key: "delegations", href: "/admin/samverkan", count: null });
    out.push({ key: "maxtaxa", href: "/admin/maxtaxa", count: null });
  }
  return out;
}
