import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { contentVersion, news, searchDocument, service } from "../../db/schema/index";
import { indexNews, indexService, reindexCatalogue, upsertSearchDocument } from "../../db/search-index";
import { seed } from "../../db/seed/index";
import { db } from "~/db.server";
import { getNewsItem, getServiceForResident, listNews, listServices } from "~/services/catalogue.server";
import { search } from "~/services/search.server";
import { reviewCutoff, visibilityOf } from "~/services/visibility.server";

const DAY = 86_400_000;
const daysFromNow = (days: number) => new Date(Date.now() + days * DAY);
const dateIn = (days: number) => daysFromNow(days).toISOString().slice(0, 10);

describe("the catalogue seed", () => {
  beforeAll(() => {
    seed(db());
  });

  it("seeds at least 40 published services in every category, idempotently", () => {
    seed(db());
    const services = listServices({ lang: "sv" });
    expect(services.length).toBeGreaterThanOrEqual(40);
    expect(new Set(services.map((s) => s.category)).size).toBe(7);
    expect(db().select({ n: count() }).from(service).get()?.n).toBe(services.length);
    // One "seeded" version per item, not one per start.
    const versions = db()
      .select({ n: count() })
      .from(contentVersion)
      .where(eq(contentVersion.contentType, "service"))
      .get()?.n;
    expect(versions).toBe(services.length);
  });

  it("never overwrites an item an editor has changed", () => {
    db()
      .update(service)
      .set({ titleSv: "Förskola (redigerad)", updatedBy: "redaktor.amal" })
      .where(eq(service.slug, "forskola"))
      .run();
    seed(db());
    expect(db().select({ t: service.titleSv }).from(service).where(eq(service.slug, "forskola")).get()?.t).toBe(
      "Förskola (redigerad)",
    );
    db().update(service).set({ updatedBy: "seed" }).where(eq(service.slug, "forskola")).run();
    seed(db());
    expect(db().select({ t: service.titleSv }).from(service).where(eq(service.slug, "forskola")).get()?.t).toBe(
      "Förskola",
    );
  });

  it("shows the chosen language and falls back to Swedish with a flag when English is missing", () => {
    expect(getServiceForResident({ slug: "forskola", lang: "en" })?.title).toBe("Preschool");
    expect(getServiceForResident({ slug: "forskola", lang: "en" })?.fallback).toBe(false);
    db().update(service).set({ summaryEn: null }).where(eq(service.slug, "sfi")).run();
    const sfi = getServiceForResident({ slug: "sfi", lang: "en" });
    expect(sfi?.fallback).toBe(true);
    seed(db());
  });

  it("has per-municipality differences for shared services", () => {
    const bygglov = getServiceForResident({ slug: "bygglov-nybyggnad", lang: "sv" });
    expect(bygglov?.offers.map((o) => o.name)).toEqual(["Bengtsfors", "Dals-Ed", "Färgelanda", "Mellerud", "Åmål"]);
    expect(new Set(bygglov?.offers.map((o) => o.fee)).size).toBeGreaterThan(1);
  });
});

describe("visibility rules", () => {
  const base = { status: "published", publishAt: null, unpublishAt: null, reviewBy: dateIn(100) };
  const now = new Date();

  it("shows published items and hides drafts and unpublished ones", () => {
    expect(visibilityOf(base, now, 30)).toBe("visible");
    expect(visibilityOf({ ...base, status: "draft" }, now, 30)).toBe("draft");
    expect(visibilityOf({ ...base, status: "unpublished" }, now, 30)).toBe("unpublished");
  });

  it("waits for the publish date and removes expired items", () => {
    expect(visibilityOf({ ...base, publishAt: daysFromNow(1).toISOString() }, now, 30)).toBe("scheduled");
    expect(visibilityOf({ ...base, publishAt: daysFromNow(-1).toISOString() }, now, 30)).toBe("visible");
    expect(visibilityOf({ ...base, unpublishAt: daysFromNow(-1).toISOString() }, now, 30)).toBe("expired");
  });

  it("keeps an overdue item during the grace period and hides it after", () => {
    expect(visibilityOf({ ...base, reviewBy: dateIn(-10) }, now, 30)).toBe("visible");
    expect(visibilityOf({ ...base, reviewBy: dateIn(-31) }, now, 30)).toBe("overdue-hidden");
    expect(visibilityOf({ ...base, reviewBy: dateIn(-1) }, now, 0)).toBe("overdue-hidden");
    expect(reviewCutoff(new Date("2026-03-10T12:00:00Z"), 30)).toBe("2026-02-08");
  });

  it("applies the same rules in the database queries and the search", () => {
    seed(db());
    const amal = listNews({ municipalityId: 5, lang: "sv" }).map((n) => n.slug);
    // Seeded per municipality: two current items, one expired, one scheduled for next week.
    expect(amal).not.toContain("sommarlovsaktiviteter-forra-aret");
    expect(amal).not.toContain("budget-nasta-ar");
    expect(amal).toContain("vattenavstangning");

    const item = db().select().from(news).where(eq(news.slug, "vattenavstangning")).get()!;
    const show = () => getNewsItem({ municipalityId: item.municipalityId, slug: item.slug, lang: "sv" });
    const found = () =>
      search({ q: "vattnet stängs", lang: "sv" }).hits.some((h) => h.url.endsWith("/vattenavstangning"));
    expect(show()).toBeDefined();
    expect(found()).toBe(true);

    // Overdue within the grace period: still shown. Beyond it: gone from pages and search.
    db()
      .update(news)
      .set({ reviewBy: dateIn(-5) })
      .where(eq(news.municipalityId, item.municipalityId))
      .run();
    reindexCatalogue(db());
    expect(show()).toBeDefined();
    expect(
      getNewsItem({ municipalityId: item.municipalityId, slug: item.slug, lang: "sv", graceDays: 2 }),
    ).toBeUndefined();
    expect(search({ q: "vattnet stängs", lang: "sv", municipality: "bengtsfors", graceDays: 2 }).total).toBe(0);

    // Unpublished: gone from the index too.
    db().update(news).set({ status: "unpublished" }).where(eq(news.id, item.id)).run();
    indexNews(db(), item.id);
    expect(show()).toBeUndefined();
    expect(
      db()
        .select()
        .from(searchDocument)
        .where(eq(searchDocument.refId, String(item.id)))
        .all()
        .filter((d) => d.type === "news"),
    ).toEqual([]);
    seed(db());
    expect(show()).toBeDefined();
  });

  it("a scheduled service appears when its time comes", () => {
    const later = daysFromNow(2).toISOString();
    db().update(service).set({ publishAt: later }).where(eq(service.slug, "sfi")).run();
    const row = db().select().from(service).where(eq(service.slug, "sfi")).get()!;
    indexService(db(), row.id);
    expect(getServiceForResident({ slug: "sfi", lang: "sv" })).toBeUndefined();
    expect(getServiceForResident({ slug: "sfi", lang: "sv", now: daysFromNow(3) })).toBeDefined();
    expect(search({ q: "sfi", lang: "sv", type: "service" }).hits.some((h) => h.url === "/tjanster/sfi")).toBe(false);
    expect(
      search({ q: "sfi", lang: "sv", type: "service", now: daysFromNow(3) }).hits.some(
        (h) => h.url === "/tjanster/sfi",
      ),
    ).toBe(true);
    seed(db());
  });
});

describe("search", () => {
  beforeAll(() => {
    seed(db());
  });
  const urls = (q: string, extra = {}) => search({ q, lang: "sv", ...extra }).hits.map((h) => h.url);

  it("finds förskola with and without diacritics, and bygglov", () => {
    expect(urls("förskola")[0]).toBe("/tjanster/forskola");
    expect(urls("forskola")[0]).toBe("/tjanster/forskola");
    expect(urls("bygglov").slice(0, 3)).toEqual(expect.arrayContaining(["/tjanster/bygglov-nybyggnad"]));
    expect(urls("bygg")).toContain("/tjanster/bygglov-nybyggnad"); // prefix
  });

  it("does not let far match får when far has matches of its own, and ranks exact diacritics first", () => {
    const put = (refId: string, title: string) =>
      upsertSearchDocument(db(), { type: "test", refId, lang: "sv", municipalities: "*", url: `/t/${refId}`, title });
    put("far", "Farthinder på landsvägen");
    put("far-2", "Får jag elda i trädgården");
    expect(urls("farthinder", { type: "test" })).toEqual(["/t/far"]);
    expect(urls("far", { type: "test" })).toEqual(["/t/far"]);
    expect(urls("får", { type: "test" })).toEqual(["/t/far-2"]);

    // Same field, same length: the one spelled as typed ranks above the one found by folding.
    const withKeyword = (refId: string, keywords: string) =>
      upsertSearchDocument(db(), {
        type: "test",
        refId,
        lang: "sv",
        municipalities: "*",
        url: `/t/${refId}`,
        title: "Skolskjuts",
        keywords,
      });
    withKeyword("b-folded", "skolskjutsansökan");
    withKeyword("a-exact", "skolskjutsansokan");
    const result = search({ q: "skolskjutsansokan", lang: "sv", type: "test" });
    expect(result.foldedTerms).toEqual(["skolskjutsansokan"]);
    expect(result.hits.map((h) => h.url)).toEqual(["/t/a-exact", "/t/b-folded"]);
  });

  it("filters by municipality and type", () => {
    const inAmal = search({ q: "bibliotek", lang: "sv", municipality: "amal" });
    expect(inAmal.hits.every((h) => h.municipalities === "*" || h.municipalities.includes("amal"))).toBe(true);
    expect(inAmal.hits.map((h) => h.url)).toContain("/amal/verksamheter/bibliotek");
    expect(inAmal.hits.map((h) => h.url)).not.toContain("/mellerud/verksamheter/bibliotek");
    expect(search({ q: "bibliotek", lang: "sv", type: "page" }).hits.every((h) => h.type === "page")).toBe(true);
  });

  it("answers hostile queries with an ordinary result", () => {
    for (const q of ['"', "NEAR(", "*", "((((", 'a" OR "b', "x".repeat(10_240), "title:foo", "-", "^"]) {
      expect(() => search({ q, lang: "sv" })).not.toThrow();
    }
  });

  it("searches English texts in English", () => {
    expect(
      search({ q: "preschool", lang: "en" })
        .hits.slice(0, 3)
        .map((h) => h.url),
    ).toContain("/tjanster/forskola");
  });
});
