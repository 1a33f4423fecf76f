import { describe, expect, it } from "vitest";
import { analyse, lix, lixLevel, sentencesOf } from "./plain-language";

describe("LIX", () => {
  it("is words per sentence plus the percentage of words longer than six letters", () => {
    // 11 words, 2 sentences, 2 words over six letters (förskola, ansökan): 5.5 + 18.2 ≈ 24.
    expect(lix("Du kan söka förskola i dag. Skicka din ansökan till oss.")).toBe(24);
    expect(lix("")).toBe(0);
  });

  it("grades texts from very easy to very hard", () => {
    expect(lixLevel(20)).toBe("veryEasy");
    expect(lixLevel(30)).toBe("easy");
    expect(lixLevel(40)).toBe("medium");
    expect(lixLevel(50)).toBe("hard");
    expect(lixLevel(60)).toBe("veryHard");
  });

  it("counts headings and list items as sentences of their own", () => {
    expect(sentencesOf("## Avgift\n\n- Barn 1: 3 %\n- Barn 2: 2 %\n\nDu betalar varje månad.")).toEqual([
      "Avgift",
      "Barn 1: 3 %",
      "Barn 2: 2 %",
      "Du betalar varje månad.",
    ]);
  });
});

describe("readability flags", () => {
  it("flags sentences longer than 25 words", () => {
    const long = `Ord ${"ord ".repeat(29).trim()}.`;
    const report = analyse(`Kort mening. ${long}`, "sv");
    expect(report.longSentences).toHaveLength(1);
    expect(report.longSentences[0]!.words).toBe(30);
  });

  it("flags passive-heavy Swedish and leaves genitives alone", () => {
    const passive = analyse(
      "Ansökan skickas till kommunen. Den behandlas inom tre veckor. Beslut fattas av nämnden. Avgiften betalas i förskott.",
      "sv",
    );
    expect(passive.passives).toBe(4);
    expect(passive.passiveHeavy).toBe(true);
    const active = analyse(
      "Du skickar ansökan till kommunen. Vi svarar inom tre veckor. Kommunens nämnd beslutar. Barnets plats är klar.",
      "sv",
    );
    expect(active.passives).toBe(0);
    expect(active.passiveHeavy).toBe(false);
  });

  it("flags passive-heavy English", () => {
    const report = analyse(
      "The form is sent to us. It is processed within a week. A decision is made by the board.",
      "en",
    );
    expect(report.passives).toBe(3);
    expect(report.passiveHeavy).toBe(true);
  });

  it("finds words from the list of bureaucratic words, inflected too", () => {
    const report = analyse(
      "Du erhåller beslutet skyndsamt. I enlighet med lagen ska handlingar inkomma senast i maj.",
      "sv",
    );
    expect(report.bureaucratic.map((b) => b.word).sort()).toEqual(
      ["erhåll", "i enlighet med", "inkomm", "skyndsamt"].sort(),
    );
  });

  it("takes a configured list instead of the default", () => {
    expect(analyse("Vi nyttjar lokalen.", "sv", ["nyttja"]).bureaucratic).toEqual([{ word: "nyttja", count: 1 }]);
  });
});
