import { beforeAll, describe, expect, it } from "vitest";
import { db, prepareDatabase } from "~/db.server";
import { indexDocument, search } from "~/services/search.server";
import { BM25_WEIGHTS } from "~/services/search-query.server";

/** Dropping the column filter for terms with å/ä/ö (docs/decisions/036) keeps the answers. */
const COUNT = 30;
beforeAll(() => {
  prepareDatabase();
  db().transaction(() => {
    for (let i = 0; i < COUNT; i++) {
      indexDocument({
        type: i % 2 ? "page" : "service",
        refId: `speed-${i}`,
        lang: "sv",
        municipalities: i % 3 ? ["amal"] : "*",
        url: `/speed/${i}`,
        title: `Kvastfena ${i}`,
        summary: "kvastfena ".repeat(1 + (i % 7)),
        body: "text",
      });
    }
    for (let i = 0; i < 3; i++) {
      indexDocument({
        type: "news",
        refId: `speed-a-${i}`,
        lang: "sv",
        municipalities: ["mellerud"],
        url: `/speed/a/${i}`,
        title: `Kvästfenor ${i}`,
        summary: `kvästfena ${"kvästfenan ".repeat(i)}`,
        body: "",
      });
    }
  });
});

describe("search after the speed work", () => {
  it("a term typed with å/ä/ö finds only its own spelling; the diacritic-free one does not find it", () => {
    const r = search({ q: "kvästfena", lang: "sv" });
    expect(r).toMatchObject({ total: 3, pages: 1 });
    expect(r.hits.every((h) => h.url.startsWith("/speed/a/"))).toBe(true);
    expect(search({ q: "kvastfena", lang: "sv", type: "news" }).total).toBe(0);
    expect(search({ q: "kvastfena", lang: "sv" }).total).toBe(COUNT);
  });

  it("a term typed with å/ä/ö ranks the same rows the same without the column filter", () => {
    const order = (match: string) =>
      (
        db()
          .$client.prepare(
            `SELECT rowid FROM search_fts WHERE search_fts MATCH ? ORDER BY bm25(search_fts, ${BM25_WEIGHTS.join(", ")}), rowid`,
          )
          .all(match) as { rowid: number }[]
      ).map((r) => r.rowid);
    for (const term of ["kvästfena", "förskola", "åmål"]) {
      const filtered = order(`{title keywords summary body} : "${term}"*`);
      expect(filtered.length, term).toBeGreaterThan(0);
      expect(order(`"${term}"*`), term).toEqual(filtered);
    }
  });
});
