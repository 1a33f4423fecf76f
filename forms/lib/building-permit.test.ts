import { describe, expect, it } from "vitest";
import {
  MEASURE_TYPES,
  REQUIRED_ATTACHMENTS,
  missingAttachments,
  normalizeCertificationNumber,
  normalizePropertyDesignation,
  parseArea,
  requiresKontrollansvarig,
} from "./building-permit";
import { properties } from "../../db/seed/content/people";

const NAMES = ["Bengtsfors", "Dals-Ed", "Färgelanda", "Mellerud", "Åmål"];

it("a municipality added at run time is recognised once its name is passed", () => {
  expect(normalizePropertyDesignation("Vänersborg Gropen 1:2", NAMES)).toBeNull();
  expect(normalizePropertyDesignation("vänersborg gropen 1:2", [...NAMES, "Vänersborg"])).toBe("Vänersborg Gropen 1:2");
});

describe("required attachments per measure type", () => {
  it("asks for all four drawings for a new building", () => {
    expect(missingAttachments("nybyggnad", [])).toEqual([
      "situationsplan",
      "fasadritningar",
      "planritning",
      "sektionsritning",
    ]);
  });
  it("lists only what is still missing, in a stable order", () => {
    expect(missingAttachments("nybyggnad", ["planritning", "situationsplan", "fasadritningar"])).toEqual([
      "sektionsritning",
    ]);
    expect(
      missingAttachments("tillbyggnad", ["sektionsritning", "fasadritningar", "planritning", "situationsplan"]),
    ).toEqual([]);
  });
  it("asks only for the façades for a façade change and a site plan for a demolition", () => {
    expect(missingAttachments("fasadandring", [])).toEqual(["fasadritningar"]);
    expect(missingAttachments("rivningslov", ["fasadritningar"])).toEqual(["situationsplan"]);
  });
  it("ignores uploads of unknown kinds", () => {
    expect(missingAttachments("marklov", ["foto", "situationsplan"])).toEqual(["sektionsritning"]);
  });
  it("has a non-empty list for every measure type", () => {
    for (const m of MEASURE_TYPES) expect(REQUIRED_ATTACHMENTS[m].length).toBeGreaterThan(0);
  });
});

describe("kontrollansvarig", () => {
  it("is required for new buildings, change of use and demolition", () => {
    expect(requiresKontrollansvarig("nybyggnad", 20)).toBe(true);
    expect(requiresKontrollansvarig("andrad-anvandning", null)).toBe(true);
    expect(requiresKontrollansvarig("rivningslov", 5)).toBe(true);
  });
  it("is not required for a small extension, a façade change, marklov or an attefall notification", () => {
    expect(requiresKontrollansvarig("tillbyggnad", 14.5)).toBe(false);
    expect(requiresKontrollansvarig("tillbyggnad", 15)).toBe(true);
    expect(requiresKontrollansvarig("tillbyggnad", null)).toBe(true);
    expect(requiresKontrollansvarig("fasadandring", 200)).toBe(false);
    expect(requiresKontrollansvarig("marklov", null)).toBe(false);
    expect(requiresKontrollansvarig("attefall", 30)).toBe(false);
  });
});

describe("property designation", () => {
  it("accepts and normalizes designations", () => {
    expect(normalizePropertyDesignation("Åmål Plogen 4:2", NAMES)).toBe("Åmål Plogen 4:2");
    expect(normalizePropertyDesignation("  åmål   plogen  4:02 ", NAMES)).toBe("Åmål Plogen 4:2");
    expect(normalizePropertyDesignation("dals-ed nössemark 1:14", NAMES)).toBe("Dals-Ed Nössemark 1:14");
    expect(normalizePropertyDesignation("Färgelanda Stora Vik 2:3", NAMES)).toBe("Färgelanda Stora Vik 2:3");
  });
  it("rejects other municipalities and malformed text", () => {
    expect(normalizePropertyDesignation("Göteborg Inom Vallgraven 1:1", NAMES)).toBeNull();
    expect(normalizePropertyDesignation("Åmål Plogen 4", NAMES)).toBeNull();
    expect(normalizePropertyDesignation("Åmål 4:2", NAMES)).toBeNull();
    expect(normalizePropertyDesignation("<script> 1:1", NAMES)).toBeNull();
    expect(normalizePropertyDesignation("", NAMES)).toBeNull();
  });
  it("accepts every seeded property as written", () => {
    for (const p of properties) expect(normalizePropertyDesignation(p.designation, NAMES)).toBe(p.designation);
  });
});

describe("area figures and certification numbers", () => {
  it("parses Swedish decimal commas and rejects nonsense", () => {
    expect(parseArea("120,5")).toEqual({ ok: true, value: 120.5 });
    expect(parseArea("")).toEqual({ ok: true, value: null });
    expect(parseArea("-3")).toEqual({ ok: false });
    expect(parseArea("0")).toEqual({ ok: false });
    expect(parseArea("12 m2")).toEqual({ ok: false });
  });
  it("normalizes a certification number", () => {
    expect(normalizeCertificationNumber("sc 1234-56")).toBe("SC1234-56");
    expect(normalizeCertificationNumber("1234")).toBeNull();
  });
});
