import { beforeAll, describe, expect, it } from "vitest";
import { db, prepareDatabase } from "~/db.server";
import { COUNT_CAP, indexDocument, MAX_PAGE, PAGE_SIZE, search } from "~/services/search.server";
import { BM25_WEIGHTS } from "~/services/search-query.server";

/** The faster search (docs/decisions/036) keeps its answers: capped counts, same ranking. */
beforeAll(() => {
  prepareDatabase();
  db().transaction(() => {
    for (let i = 0; i < COUNT_CAP + 30; i++) {
      indexDocument({ type: i % 2 ? "page" : "service", refId: `speed-${i}`, lang: "sv", municipalities: i % 3 ? ["amal"] : "*", url: `/speed/${i}`, title: `Kvastfena ${i}`, summary: "kvastfena ".repeat(1 + (i % 7)), body: "text" });
    }
    for (let i = 0; i < 3; i++) {
      indexDocument({ type: "news", refId: `speed-a-${i}`, lang: "sv", municipalities: ["mellerud"], url: `/speed/a/${i}`, title: `Kvästfenor ${i}`, summary: `kvästfena ${"kvästfenan ".repeat(i)}`, body: "" });
    }
  });
});

describe("search counts and pages", () => {
  it("counts up to the cap and says so; pages stop at the cap", () => {
    const r = search({ q: "kvastfena", lang: "sv" });
    expect(r.total).toBe(COUNT_CAP);
    expect(r.totalCapped).toBe(true);
    expect(r.pages).toBe(MAX_PAGE);
    expect(r.hits).toHaveLength(PAGE_SIZE);
    const last = search({ q: "kvastfena", lang: "sv", page: 10_000 });
    expect(last.page).toBe(MAX_PAGE);
    expect(last.hits).toHaveLength(PAGE_SIZE);
    // Filters narrow the count below the cap: an exact figure again.
    const services = search({ q: "kvastfena", lang: "sv", type: "service" });
    expect(services).toMatchObject({ total: (COUNT_CAP + 30) / 2, totalCapped: false });
  });

  it("a short first page is its own count", () => {
    const r = search({ q: "kvästfena", lang: "sv" });
    expect(r).toMatchObject({ total: 3, totalCapped: false, pages: 1 });
    expect(r.hits.every((h) => h.url.startsWith("/speed/a/"))).toBe(true);
    // Å/ä/ö stay letters of their own: the diacritic-free spelling does not find these.
    expect(search({ q: "kvastfena", lang: "sv", type: "news" }).total).toBe(0);
  });

  it("pages do not overlap and rank as before", () => {
    const one = search({ q: "kvastfena", lang: "sv", page: 1 }).hits.map((h) => h.url);
    const two = search({ q: "kvastfena", lang: "sv", page: 2 }).hits.map((h) => h.url);
    expect(new Set([...one, ...two]).size).toBe(2 * PAGE_SIZE);
    // Services rank above pages with the same text (the 1.5× boost).
    expect(search({ q: "kvastfena", lang: "sv" }).hits[0]!.type).toBe("service");
  });

  it("a term typed with å/ä/ö ranks the same rows the same without the column filter", () => {
    const order = (match: string) =>
      (db().$client.prepare(`SELECT rowid FROM search_fts WHERE search_fts MATCH ? ORDER BY bm25(search_fts, ${BM25_WEIGHTS.join(", ")}), rowid`).all(match) as { rowid: number }[]).map((r) => r.rowid);
    for (const term of ["kvästfena", "förskola", "åmål"]) {
      const filtered = order(`{title keywords summary body} : "${term}"*`);
      expect(filtered.length, term).toBeGreaterThan(0);
      expect(order(`"${term}"*`), term).toEqual(filtered);
    }
  });
});
