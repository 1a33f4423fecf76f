import type { Language } from "~/i18n/config";
import { getFixedT } from "~/i18n/i18n.server";
import { diariumFilterOptions, latestDiariumEntries, type DiariumFeedQuery } from "~/services/diarium.server";
import type { Feed } from "~/services/feeds.server";

/**
 * Atom and RSS of newly registered diarium entries (issue 8), for the whole portal or filtered by
 * municipality and administration. The entries come from `latestDiariumEntries`, i.e. through the
 * diarium's one masking projection (docs/decisions/017); this module only arranges public fields.
 */

/** The feed's address relative to the site, with the filters in a fixed order. */
export function diariumFeedPath(format: "atom" | "rss", q: DiariumFeedQuery, lang: Language): string {
  const params = new URLSearchParams();
  if (q.kommun) params.set("kommun", q.kommun);
  if (q.forvaltning) params.set("forvaltning", q.forvaltning);
  if (lang === "en") params.set("lang", "en");
  const s = params.toString();
  return `/diarium.${format}${s ? `?${s}` : ""}`;
}

/** The feed's title: "Diariet: nya ärenden", narrowed by municipality and administration names. */
export function diariumFeedTitle(q: DiariumFeedQuery, lang: Language): { title: string; filters: string | null } {
  const t = getFixedT(lang, "diarium");
  const options = diariumFilterOptions(lang);
  const filters = [
    q.kommun ? options.municipalities.find((m) => m.slug === q.kommun)?.name : undefined,
    q.forvaltning ? options.administrations.find((a) => a.slug === q.forvaltning)?.name : undefined,
  ].filter((x): x is string => Boolean(x));
  return filters.length
    ? { title: t("feed.titleFiltered", { filters: filters.join(", ") }), filters: filters.join(", ") }
    : { title: t("feed.title"), filters: null };
}

export function diariumFeed(
  q: DiariumFeedQuery,
  origin: string,
  lang: Language,
  format: "atom" | "rss",
  now = new Date(),
): Feed {
  const t = getFixedT(lang, "diarium");
  const entries = latestDiariumEntries(q, lang);
  const host = new URL(origin).hostname;
  const pageParams = new URLSearchParams();
  if (q.kommun) pageParams.set("kommun", q.kommun);
  if (q.forvaltning) pageParams.set("forvaltning", q.forvaltning);
  if (lang === "en") pageParams.set("lang", "en");
  const page = `${origin}/diarium${pageParams.toString() ? `?${pageParams}` : ""}`;
  // Atom and RSS share ids; the English feed and its entries have their own (decision 063): a
  // reader subscribed to both languages must not take one for the other. Swedish ids are as before.
  const tag = `tag:${host},2026:${lang === "en" ? "en:" : ""}diarium`;
  return {
    id: `${tag}${q.kommun ? `:${q.kommun}` : ""}${q.forvaltning ? `:${q.forvaltning}` : ""}`,
    title: diariumFeedTitle(q, lang).title,
    link: page,
    self: `${origin}${diariumFeedPath(format, q, lang)}`,
    language: lang,
    // The latest time shown, not the newest entry's: a secret entry shows only its day (decision 045).
    updated:
      entries
        .map((e) => e.registeredAt)
        .sort()
        .at(-1) ?? now.toISOString(),
    entries: entries.map((e) => ({
      id: `${tag}:${e.reference}`,
      title: e.subject
        ? t("feed.entryTitleWithSubject", { reference: e.reference, title: e.title, subject: e.subject })
        : t("feed.entryTitle", { reference: e.reference, title: e.title }),
      summary: t("feed.entrySummary", {
        municipality: e.municipality,
        administration: e.administration,
        party: e.party,
      }),
      link: `${origin}/diarium?q=${encodeURIComponent(e.reference)}${lang === "en" ? "&lang=en" : ""}`,
      updated: e.registeredAt,
    })),
  };
}
