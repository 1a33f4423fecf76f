import { describe, expect, it } from "vitest";
import { normalizePropertyDesignation, parsePropertyDesignation, splitRegisterArea } from "./property-designation";
import { properties } from "../../db/seed/content/people";

describe("a Swedish property designation", () => {
  it.each([
    ["Åmål Gerdsmyren 1:23", "Åmål Gerdsmyren 1:23"],
    ["Stockholm Norrmalm 3:5", "Stockholm Norrmalm 3:5"],
    ["göteborg inom vallgraven 1:1", "Göteborg Inom Vallgraven 1:1"],
    ["LILLA EDET LILLA EDET 1:2", "Lilla Edet Lilla Edet 1:2"],
    ["upplands-bro kungsängen 10:4", "Upplands-Bro Kungsängen 10:4"],
    ["Malmö Hyllie 2:100", "Malmö Hyllie 2:100"],
    ["Sundbyberg Rissne2 4:7", "Sundbyberg Rissne2 4:7"],
    ["Stockholm Pelikanen 1", "Stockholm Pelikanen 1"],
    ["Åmål Tösse s:3", "Åmål Tösse s:3"],
    ["Åmål Tösse S:3", "Åmål Tösse s:3"],
    ["  åmål \t plogen\u00a0 04 : 02 ", "Åmål Plogen 4:2"],
    ["Åmål Plogen 4 :2", "Åmål Plogen 4:2"],
    ["Kiruna Kiruna 1:1234", "Kiruna Kiruna 1:1234"],
  ])("reads %j as %j", (input, expected) => {
    expect(normalizePropertyDesignation(input)).toBe(expected);
  });

  it("gives the parts: the words before the numbers, the block (or s, or none) and the unit", () => {
    expect(parsePropertyDesignation("Dals-Ed Nössemark 1:14")).toEqual({
      name: "Dals-Ed Nössemark",
      block: "1",
      unit: 14,
      text: "Dals-Ed Nössemark 1:14",
    });
    expect(parsePropertyDesignation("Åmål Tösse s:3")?.block).toBe("s");
    expect(parsePropertyDesignation("Stockholm Pelikanen 1")?.block).toBeNull();
  });

  it.each([
    "",
    "Åmål",
    "Åmål 4:2",
    "Åmål Plogen",
    "Åmål Plogen 4:",
    "Åmål Plogen :2",
    "Åmål Plogen 0:2",
    "Åmål Plogen 4:0",
    "Åmål Plogen 4:2:1",
    "Åmål Plogen 12345:1",
    "Åmål Plogen x:1",
    "Åmål Plogen 4:2a",
    "Åmål Plogen 4 2",
    "4 Plogen 4:2",
    "<script> alert 1:1",
    "Åmål Plo_gen 1:1",
    "Åmål -Plogen 1:1",
    "Åmål Plogen- 1:1",
    "Åmål Plo--gen 1:1",
    "Åmål Plogen\u0000 1:1",
    "Åmål Plogen 1:1; DROP TABLE property",
    "a b c d e f g h i 1:1",
  ])("refuses %j", (input) => {
    expect(parsePropertyDesignation(input)).toBeNull();
  });

  it("reads every seeded property as written", () => {
    for (const p of properties) expect(normalizePropertyDesignation(p.designation)).toBe(p.designation);
  });

  it("answers hostile input quickly and refuses what is too long", () => {
    const shapes = [
      "a ".repeat(50_000),
      "1:".repeat(50_000),
      "-".repeat(100_000),
      `Åmål ${"a-".repeat(50_000)} 1:1`,
      " ".repeat(100_000) + "x",
      `Åmål Plogen ${"1".repeat(100_000)}:1`,
    ];
    for (const input of shapes) {
      const started = performance.now();
      expect(parsePropertyDesignation(input)).toBeNull();
      expect(performance.now() - started).toBeLessThan(50);
    }
    expect(parsePropertyDesignation(`Åmål ${"Ö".repeat(119)} 1:1`)).toBeNull();
  });
});

describe("splitting the registerområde from the trakt", () => {
  const names = ["Bengtsfors", "Lilla Edet", "Lilla", "Åmål"];
  it("takes the longest municipality name that fits", () => {
    expect(splitRegisterArea("Lilla Edet Lilla Edet", names)).toEqual({
      municipality: "Lilla Edet",
      trakt: "Lilla Edet",
    });
    expect(splitRegisterArea("Åmål Plogen", names)).toEqual({ municipality: "Åmål", trakt: "Plogen" });
  });
  it("says nothing when no name fits or no trakt is left", () => {
    expect(splitRegisterArea("Göteborg Inom Vallgraven", names)).toBeNull();
    expect(splitRegisterArea("Åmål", names)).toBeNull();
    expect(splitRegisterArea("Åmålen Plogen", names)).toBeNull();
  });
});
