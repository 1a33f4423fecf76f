import { asc, eq } from "drizzle-orm";
import { administration, municipality, type Administration, type Municipality } from "../../db/schema/index";
import { db } from "~/db.server";
import type { Language } from "~/i18n/config";

export const MUNICIPALITY_COOKIE = "kommun";

export function listMunicipalities(): Municipality[] {
  return db().select().from(municipality).orderBy(asc(municipality.name)).all();
}

export function getMunicipalityBySlug(slug: string): Municipality | undefined {
  return db().select().from(municipality).where(eq(municipality.slug, slug)).get();
}

export function listAdministrations(municipalityId: number): Administration[] {
  return db()
    .select()
    .from(administration)
    .where(eq(administration.municipalityId, municipalityId))
    .orderBy(asc(administration.nameSv))
    .all();
}

/** The municipality the visitor chose earlier (cookie), if it still exists. */
export function getChosenMunicipality(request: Request): Municipality | undefined {
  const header = request.headers.get("Cookie") ?? "";
  const match = /(?:^|;\s*)kommun=([a-z-]{2,20})(?:;|$)/.exec(header);
  return match?.[1] ? getMunicipalityBySlug(match[1]) : undefined;
}

export function municipalityCookieHeader(slug: string): string {
  return `${MUNICIPALITY_COOKIE}=${slug}; Path=/; Max-Age=31536000; SameSite=Lax`;
}

/** Text of a bilingual row in the visitor's language. */
export function localized<T extends Record<string, unknown>>(row: T, field: string, lang: Language): string {
  const value = row[`${field}${lang === "sv" ? "Sv" : "En"}`] ?? row[`${field}Sv`];
  return typeof value === "string" ? value : "";
}
