/**
 * Creating other authorities (/admin/myndigheter, docs/decisions/061). Authorities are portal-wide
 * (their pages, the guides' steps and the services' links serve every municipality), so only a
 * portal-wide administrator may add one. A new authority's address enters the link registry at
 * once, so the link checker watches it like the seeded ones (docs/decisions/019). The seed
 * upserts only its own slugs and never touches an authority created here.
 */
import { asc, eq, max } from "drizzle-orm";
import { z } from "zod";
import { AUTHORITY_LEVELS, authority, externalLink, type AuthorityLevel } from "../../db/schema/index";
import { adminMunicipalities } from "~/auth/guards.server";
import type { SessionUser } from "~/auth/session.server";
import { db } from "~/db.server";
import { audit } from "~/platform/audit.server";
import { invalidateAnonymousCache } from "./page-cache.server";

export const AUTHORITY_FIELDS = ["slug", "level", "nameSv", "nameEn", "descriptionSv", "descriptionEn", "url"] as const;

/** a-z, 0-9 and single hyphens inside (checked without a backtracking pattern). */
function isSlug(s: string): boolean {
  if (!/^[a-z0-9-]{2,80}$/.test(s)) return false;
  return !s.startsWith("-") && !s.endsWith("-") && !s.includes("--");
}

function isHttpsUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return u.protocol === "https:" && u.hostname.includes(".") && !u.username && !u.password;
  } catch {
    return false;
  }
}

const line = (max: number, required: string) =>
  z
    .string()
    .trim()
    .min(1, required)
    .max(max, "tooLong")
    .refine((s) => !s.includes("\n") && !s.includes("\r"), "oneLine");

const AuthorityFormSchema = z.object({
  slug: z.string().trim().toLowerCase().min(1, "slugRequired").refine(isSlug, "slugFormat"),
  level: z.enum(AUTHORITY_LEVELS, { message: "level" }),
  nameSv: line(150, "nameSv"),
  nameEn: line(150, "nameEn"),
  descriptionSv: z.string().trim().min(1, "descriptionSv").max(600, "tooLong"),
  descriptionEn: z.string().trim().min(1, "descriptionEn").max(600, "tooLong"),
  url: z.string().trim().min(1, "url").max(500, "url").refine(isHttpsUrl, "url"),
});
export type AuthorityForm = z.output<typeof AuthorityFormSchema>;

/** The levels an authority is listed under (county, state, EU), in the public page's order. */
export const AUTHORITY_LEVEL_CHOICES: readonly AuthorityLevel[] = AUTHORITY_LEVELS;

type FieldErrors = Partial<Record<string, string>>;
const errorKey = (code: string) => `admin-catalogue:authorities.errors.${code}`;

export function parseAuthorityForm(
  form: FormData,
): { ok: true; value: AuthorityForm } | { ok: false; errors: FieldErrors } {
  const raw = Object.fromEntries(
    AUTHORITY_FIELDS.map((k) => {
      const v = form.get(k);
      return [k, typeof v === "string" ? v.replace(/\r\n/g, "\n") : ""];
    }),
  );
  const parsed = AuthorityFormSchema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? "slug")] ??= errorKey(issue.message);
  return { ok: false, errors };
}

export interface AuthorityRow {
  slug: string;
  level: AuthorityLevel;
  nameSv: string;
  nameEn: string;
  url: string;
  broken: boolean;
}

const isPortalAdmin = (user: SessionUser) => adminMunicipalities(user, "users.admin") === null;

/** 403 unless the user is a portal-wide administrator. */
export function requireAuthorityAdmin(user: SessionUser) {
  if (!isPortalAdmin(user)) throw new Response("Forbidden", { status: 403, statusText: "Forbidden" });
}

export function listAuthoritiesForAdmin(user: SessionUser): AuthorityRow[] {
  requireAuthorityAdmin(user);
  return db()
    .select({
      slug: authority.slug,
      level: authority.level,
      nameSv: authority.nameSv,
      nameEn: authority.nameEn,
      url: authority.url,
      broken: authority.broken,
    })
    .from(authority)
    .orderBy(asc(authority.position))
    .all();
}

/**
 * Adds an authority after every other one. A taken slug is a field error. The authority, its
 * link in the registry and the audit row are written together; the public pages are emptied
 * from the anonymous cache.
 */
export function createAuthority(input: {
  actor: SessionUser;
  value: AuthorityForm;
}): { ok: true } | { ok: false; errors: FieldErrors } {
  requireAuthorityAdmin(input.actor);
  const v = input.value;
  if (db().select({ id: authority.id }).from(authority).where(eq(authority.slug, v.slug)).get())
    return { ok: false, errors: { slug: errorKey("slugTaken") } };
  db().transaction((tx) => {
    const last =
      tx
        .select({ p: max(authority.position) })
        .from(authority)
        .get()?.p ?? -1;
    const row = tx
      .insert(authority)
      .values({ ...v, position: last + 1 })
      .returning({ id: authority.id })
      .get();
    tx.insert(externalLink)
      .values({ url: v.url, source: `authority:${v.slug}` })
      .onConflictDoNothing({ target: externalLink.url })
      .run();
    audit({
      actor: input.actor,
      action: "authority.created",
      subjectType: "authority",
      subjectId: row.id,
      details: { slug: v.slug, level: v.level, nameSv: v.nameSv, nameEn: v.nameEn, url: v.url },
    });
  });
  invalidateAnonymousCache();
  return { ok: true };
}
