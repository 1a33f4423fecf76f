import { eq } from "drizzle-orm";
import { administration, municipality } from "../../db/schema/index";
import { getFixedT } from "~/i18n/i18n.server";
import type { db } from "~/db.server";
import { maskEntry } from "./diarium-rules";

type Reader = Pick<ReturnType<typeof db>, "select">;

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

/**
 * The text the diarium search matches against: only what the public projection shows, so a
 * search can never find (or show a snippet of) a masked value.
 */
export function diariumSearchText(reader: Reader, e: SearchTextInput): string {
  const m = reader
    .select({ name: municipality.name })
    .from(municipality)
    .where(eq(municipality.id, e.municipalityId))
    .get();
  const a = reader
    .select({ slug: administration.slug, sv: administration.nameSv, en: administration.nameEn })
    .from(administration)
    .where(eq(administration.id, e.administrationId))
    .get();
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
  return (["sv", "en"] as const).map((lng) =>
    getFixedT(lng, "diarium")(`caseTypes.${caseType}`, { defaultValue: caseType }),
  );
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
