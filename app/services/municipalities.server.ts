import { and, asc, eq, getTableColumns, isNull, sql } from "drizzle-orm";
import type { RequestHead } from "~/utils/request-head";
import {
  administration,
  administrationArea,
  municipality,
  type Administration,
  type Municipality,
} from "../../db/schema/index";
import type { SessionUser } from "~/auth/session.server";
import type { Area } from "~/domain/areas";
import { prepared } from "~/db-prepared.server";
import { db } from "~/db.server";
import type { Language } from "~/i18n/config";

export const MUNICIPALITY_COOKIE = "kommun";

/**
 * The municipality table's version, bumped by migration 0052's triggers on every write to it from
 * any connection or process (decision 183). One indexed row, read with a statement prepared once
 * per connection; undefined on a database without the row (migrations not yet run).
 */
const municipalitiesVersion = (): number | undefined =>
  prepared("municipalities.page-version", (d) =>
    d.$client.prepare("select version from page_version where name = 'municipalities'").pluck(),
  ).get() as number | undefined;

/**
 * Read on every form request (option lists, the picker, the receiving municipality) and in every
 * page's header: kept per connection with the table's version, which is read each time, so a
 * municipality added or changed at run time, by this process or another, is seen at the next
 * call (decision 183). Before, the five rows were read and mapped at every call: 0.17 ms of a
 * walk's main thread for three calls. Not kept from inside a transaction: a rollback would take
 * back the version the rows were read at. The rows are frozen; each call gets its own array.
 */
export function listMunicipalities(): Municipality[] {
  const version = db().$client.inTransaction ? undefined : municipalitiesVersion();
  const kept = prepared("municipalities.kept", () => ({ version: -1, rows: [] as readonly Municipality[] }));
  if (version !== undefined && kept.version === version) return kept.rows.slice();
  const rows = prepared("municipalities.all", (d) =>
    d.select().from(municipality).orderBy(asc(municipality.name)).prepare(),
  ).all();
  if (version !== undefined) {
    kept.version = version;
    kept.rows = Object.freeze(rows.map((row) => Object.freeze(row)));
  }
  return rows;
}

/** The municipality the registers name by this SCB kommunkod (decision 067), or undefined. */
export function getMunicipalityByKommunkod(kommunkod: string): Municipality | undefined {
  return db().select().from(municipality).where(eq(municipality.kommunkod, kommunkod)).get();
}

export function getMunicipalityBySlug(slug: string): Municipality | undefined {
  // Prepared (decision 151): every send resolves its municipality by slug.
  return prepared("municipalities.bySlug", (d) =>
    d
      .select()
      .from(municipality)
      .where(eq(municipality.slug, sql.placeholder("slug")))
      .prepare(),
  ).get({ slug });
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
export function getChosenMunicipality(request: RequestHead): Municipality | undefined {
  const header = request.headers.get("Cookie") ?? "";
  const match = /(?:^|;\s*)kommun=([a-z-]{2,20})(?:;|$)/.exec(header);
  return match?.[1] ? getMunicipalityBySlug(match[1]) : undefined;
}

/**
 * The visitor's municipality (decision 109): the one chosen in this browser (cookie) and else, for
 * a logged-in resident, the one the population register named at their login. `home` says which:
 * the header words it so. Staff and anonymous visitors have only the cookie, so the anonymous page
 * cache (keyed by the cookie, decision 030) sees no difference.
 */
export function visitorMunicipality(
  request: RequestHead,
  user: Pick<SessionUser, "kind" | "homeMunicipality"> | null,
): { municipality: Municipality; home: boolean } | undefined {
  const chosen = getChosenMunicipality(request);
  if (chosen) return { municipality: chosen, home: false };
  const home =
    user?.kind === "resident" && user.homeMunicipality ? getMunicipalityBySlug(user.homeMunicipality) : undefined;
  return home ? { municipality: home, home: true } : undefined;
}

export function municipalityCookieHeader(slug: string): string {
  return `${MUNICIPALITY_COOKIE}=${slug}; Path=/; Max-Age=31536000; SameSite=Lax`;
}

/** Text of a bilingual row in the visitor's language. */
export function localized<T extends Record<string, unknown>>(row: T, field: string, lang: Language): string {
  const value = row[`${field}${lang === "sv" ? "Sv" : "En"}`] ?? row[`${field}Sv`];
  return typeof value === "string" ? value : "";
}

/**
 * The administration of a municipality that receives cases of an area (decision 056, amended):
 * the one administration_area names. The general area "allmant" is shared by several
 * administrations in most municipalities, and social-services cases are not all received by the
 * social administration (a housing adaptation grant often goes to samhällsbyggnad; decision 099),
 * so there a form's default administration kind (`def.administration`) is used first when the
 * municipality has an active administration by that slug. Undefined when the municipality has
 * mapped no administration to the area.
 */
export function getAdministrationForArea(p: {
  municipalityId: number;
  area: Area;
  defaultSlug?: string;
}): Administration | undefined {
  // The same rule as administrationResolver, as two prepared look-ups (decision 141): every sent
  // form asks once, and building and compiling the resolver's two queries cost more than them.
  const s = administrationStatements();
  if ((p.area === "allmant" || p.area === "socialtjanst") && p.defaultSlug) {
    const bySlug = s.activeBySlug.get({ municipalityId: p.municipalityId, slug: p.defaultSlug });
    if (bySlug) return bySlug;
  }
  return s.activeForArea.get({ municipalityId: p.municipalityId, area: p.area });
}

const administrationStatements = () =>
  prepared("municipalities.administration-for-area", (d) => ({
    activeBySlug: d
      .select()
      .from(administration)
      .where(
        and(
          eq(administration.municipalityId, sql.placeholder("municipalityId")),
          eq(administration.slug, sql.placeholder("slug")),
          isNull(administration.retiredAt),
        ),
      )
      .prepare(),
    // The area's mapped administration, only while it is active (as the resolver's look-up).
    activeForArea: d
      .select(getTableColumns(administration))
      .from(administrationArea)
      .innerJoin(administration, eq(administration.id, administrationArea.administrationId))
      .where(
        and(
          eq(administrationArea.municipalityId, sql.placeholder("municipalityId")),
          eq(administrationArea.area, sql.placeholder("area")),
          eq(administration.municipalityId, sql.placeholder("municipalityId")),
          isNull(administration.retiredAt),
        ),
      )
      .prepare(),
  }));

/**
 * getAdministrationForArea for many areas of one municipality: its active administrations and
 * area mappings are read once (two queries), then each answer is a look-up. The e-service list
 * asked two queries per e-service and municipality, ~100 ms of CPU per uncached /blanketter.
 */
export function administrationResolver(
  municipalityId: number,
): (area: Area, defaultSlug?: string) => Administration | undefined {
  const active = db()
    .select()
    .from(administration)
    .where(and(eq(administration.municipalityId, municipalityId), isNull(administration.retiredAt)))
    .all();
  const byId = new Map(active.map((a) => [a.id, a]));
  const bySlug = new Map(active.map((a) => [a.slug, a]));
  const byArea = new Map(
    db()
      .select({ area: administrationArea.area, administrationId: administrationArea.administrationId })
      .from(administrationArea)
      .where(eq(administrationArea.municipalityId, municipalityId))
      .all()
      .map((r) => [r.area, byId.get(r.administrationId)]),
  );
  return (area, defaultSlug) =>
    ((area === "allmant" || area === "socialtjanst") && defaultSlug ? bySlug.get(defaultSlug) : undefined) ??
    byArea.get(area);
}
