import { describe, expect, it } from "vitest";
import { fold } from "../../db/search-index";
import { buildMatch, highlight, MAX_TERMS, planTerms, queryTerms } from "./search-query.server";

describe("search query sanitising", () => {
  it("keeps only runs of letters and digits, lower-cased", () => {
    expect(queryTerms("Förskola i Åmål!")).toEqual(["förskola", "i", "åmål"]);
    expect(queryTerms('"bygglov" AND (altan*')).toEqual(["bygglov", "and", "altan"]);
  });

  it.each([
    ['"'],
    ['""""'],
    ["NEAR(a b, 2)"],
    ["title:x OR body:y"],
    ["(((("],
    ["*"],
    ["^start -minus +plus"],
    ["'; DROP TABLE service; --"],
    ["\u0000\u001f"],
    ["x".repeat(10_000)],
  ])("turns the hostile input %j into quoted words or nothing", (input) => {
    const match = buildMatch(planTerms(queryTerms(input), () => true));
    if (match === null) return;
    // Every token outside quotes is FTS5 syntax we wrote ourselves.
    const outside = match.replace(/"(?:[^"]|"")*"/g, "").replace(/\{[a-z_ ]+\}/g, "");
    expect(outside).toMatch(/^[\s():*ANDOR]*$/);
  });

  it("cuts long input and caps the number of terms", () => {
    expect(queryTerms("a b c d e f g h i j k l").length).toBe(MAX_TERMS);
    expect(queryTerms("x".repeat(10_000))[0]!.length).toBeLessThanOrEqual(40);
    expect(queryTerms(undefined)).toEqual([]);
    expect(queryTerms(42)).toEqual([]);
  });

  it("uses prefix matching for words of two letters or more", () => {
    expect(buildMatch([{ term: "bygg", folded: false }])).toBe('{title keywords summary body} : "bygg"*');
    expect(buildMatch([{ term: "i", folded: false }])).toBe('{title keywords summary body} : "i"');
    // Typed with å/ä/ö: only the exact columns can hold it, so no column filter is needed (decision 036).
    expect(buildMatch([{ term: "förskola", folded: false }])).toBe('"förskola"*');
    expect(
      buildMatch([
        { term: "far", folded: true },
        { term: "får", folded: false },
      ]),
    ).toBe(
      '({title keywords summary body} : "far"* OR {title_folded keywords_folded summary_folded body_folded} : "far"*) AND "får"*',
    );
  });
});

describe("diacritic folding", () => {
  it("folds å, ä, ö and accents to their base letters", () => {
    expect(fold("Förskola på Åmåls Café")).toBe("forskola pa amals cafe");
  });

  it("matches a diacritic-free term against the folded columns only when nothing matches it exactly", () => {
    const vocabulary = ["farligt", "förskola"];
    const hasExact = (term: string) => vocabulary.some((w) => w.startsWith(term));
    expect(planTerms(["far", "forskola", "får"], hasExact)).toEqual([
      { term: "far", folded: false },
      { term: "forskola", folded: true },
      { term: "får", folded: false },
    ]);
  });

  it("ranks exact matches first: a folded term also searches the exact columns", () => {
    expect(buildMatch([{ term: "forskola", folded: true }])).toBe(
      '({title keywords summary body} : "forskola"* OR {title_folded keywords_folded summary_folded body_folded} : "forskola"*)',
    );
  });
});

describe("snippets", () => {
  const render = (segments: { text: string; mark: boolean }[]) =>
    segments.map((s) => (s.mark ? `[${s.text}]` : s.text)).join("");

  it("marks exact prefix matches and leaves diacritic variants alone", () => {
    expect(render(highlight("Far och barn får åka.", [{ term: "far", folded: false }]))).toBe(
      "[Far] och barn får åka.",
    );
  });

  it("marks folded matches for folded terms", () => {
    expect(render(highlight("Ansök om förskola.", [{ term: "forskola", folded: true }]))).toBe("Ansök om [förskola].");
  });

  it("keeps markup as text (React escapes it) and windows long texts around the first hit", () => {
    const text = `${"lorem ".repeat(100)}<script>bygglov</script> ${"ipsum ".repeat(100)}`;
    const out = highlight(text, [{ term: "bygglov", folded: false }]);
    expect(out.some((s) => s.mark && s.text === "bygglov")).toBe(true);
    expect(render(out)).toContain("<script>[bygglov]</script>");
    expect(render(out).startsWith("… ")).toBe(true);
    expect(render(out).length).toBeLessThan(260);
  });
});
