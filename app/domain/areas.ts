/**
 * The case areas (ärendeområden): the one declaration (decision 054). The database schema,
 * the permission model, the status machines, the seed and the pages derive from this tuple;
 * the database refuses any other value (migration 0012). Pure: pages and db/ may import it.
 */
export const AREAS = ["barnomsorg", "skola", "bygglov", "allmant", "socialtjanst"] as const;
export type Area = (typeof AREAS)[number];

export function isArea(value: unknown): value is Area {
  return typeof value === "string" && (AREAS as readonly string[]).includes(value);
}
