import type { Permission } from "~/auth/permissions";

/**
 * The one list of /admin sections (decision 056): the start page, the navigation and the
 * redirect from /admin read it. A new section (units, taxa, integration systems …) is one entry.
 */
export interface AdminSection {
  href: string;
  /** i18n key in the "admin" namespace. */
  labelKey: string;
  permission: Permission;
  /** Shown only to a portal-wide admin (an admin role without a municipality). */
  portalWideOnly?: true;
}

export const ADMIN_SECTIONS: readonly AdminSection[] = [
  { href: "/admin/kommuner", labelKey: "sections.municipalities", permission: "municipality.admin" },
  { href: "/admin/anvandare", labelKey: "sections.users", permission: "users.admin" },
  { href: "/admin/logg", labelKey: "sections.audit", permission: "audit.read" },
  { href: "/admin/lankar", labelKey: "sections.links", permission: "users.admin" },
  { href: "/admin/enheter", labelKey: "sections.units", permission: "users.admin" },
  { href: "/admin/taxor", labelKey: "sections.taxa", permission: "users.admin" },
  { href: "/admin/betalningar", labelKey: "sections.payments", permission: "users.admin" },
  { href: "/admin/beslut", labelKey: "sections.decisions", permission: "users.admin" },
  { href: "/admin/maxtaxa", labelKey: "sections.maxtaxa", permission: "users.admin", portalWideOnly: true },
  { href: "/admin/samverkan", labelKey: "sections.delegations", permission: "users.admin", portalWideOnly: true },
  { href: "/admin/myndigheter", labelKey: "sections.authorities", permission: "users.admin", portalWideOnly: true },
  { href: "/admin/inloggning", labelKey: "sections.staffSso", permission: "users.admin" },
  { href: "/admin/integrationer", labelKey: "sections.integrations", permission: "users.admin" },
  { href: "/admin/gallring", labelKey: "sections.retention", permission: "diarium.admin" },
  { href: "/admin/jobb", labelKey: "sections.jobs", permission: "users.admin", portalWideOnly: true },
];
