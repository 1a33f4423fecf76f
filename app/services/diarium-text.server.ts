import { eq, sql } from "drizzle-orm";
import { administration, municipality } from "../../db/schema/index";
import { translatedOnce } from "~/i18n/i18n.server";
import { prepared } from "~/db-prepared.server";
import { maskEntry } from "./diarium-rules";

export interface SearchTextInput {
  reference: string;
  caseType: string;
  sensitivity: string;
  area?: string;
  subject: string | null;
  partyKind: string;
  partyName: string | null;
  municipalityId: number;
  administrationId: number;
}

// Prepared once per connection (decision 151): every send asked both, built and compiled anew.
// On the connection's own statements, so inside a caller's transaction they read what it wrote.
const lookups = () =>
  prepared("diarium-text.lookups", (d) => ({
    municipality: d
      .select({ name: municipality.name })
      .from(municipality)
      .where(eq(municipality.id, sql.placeholder("id")))
      .prepare(),
    administration: d
      .select({ slug: administration.slug, sv: administration.nameSv, en: administration.nameEn })
      .from(administration)
      .where(eq(administration.id, sql.placeholder("id")))
      .prepare(),
  }));

/**
 * The text the diarium search matches against: only what the public projection shows, so a
 * search can never find (or show a snippet of) a masked value.
 */
export function diariumSearchText(e: SearchTextInput): string {
  const m = lookups().municipality.get({ id: e.municipalityId });
  const a = lookups().administration.get({ id: e.administrationId });
  const masked = maskEntry({
    sensitivity: e.sensitivity,
    area: e.area ?? "allmant",
    administrationSlug: a?.slug ?? "",
    subject: e.subject,
    partyKind: e.partyKind,
    partyName: e.partyName,
  });
  return buildSearchText({
    reference: e.reference,
    titles: caseTypeTitles(e.caseType),
    subject: masked.subject,
    organisation: masked.party.kind === "organisation" ? masked.party.name : null,
    municipality: m?.name ?? "",
    administration: [a?.sv ?? "", a?.en ?? ""],
  });
}

export function caseTypeTitles(caseType: string): string[] {
  return (["sv", "en"] as const).map((lng) => translatedOnce(lng, "diarium", `caseTypes.${caseType}`, caseType));
}

export function buildSearchText(p: {
  reference: string;
  titles: string[];
  subject: string | null;
  organisation: string | null;
  municipality: string;
  administration: string[];
}): string {
  return [p.reference, ...p.titles, p.subject ?? "", p.organisation ?? "", p.municipality, ...p.administration]
    .join(" ")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}

/**
 * What the short-word index (migration 0044) holds for a search text: char(2) around every
 * character of the text with ASCII capitals lowered, as the insert trigger's `lower()` and `substr()`
 * make it (decision 154: the trigger's recursive CTE cost ~0.3 ms; the index queue's batches give
 * it, decision 171). Null for a text with a NUL character, which SQLite's `length()` stops at: the
 * batch makes those with the trigger's SQL.
 */
export function shortGrams(searchText: string): string | null {
  if (searchText.includes("\u0000")) return null;
  let out = "\u0002";
  for (const ch of searchText) out += (ch >= "A" && ch <= "Z" ? ch.toLowerCase() : ch) + "\u0002";
  return out;
}
