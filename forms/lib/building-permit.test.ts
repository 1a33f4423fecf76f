import { describe, expect, it } from "vitest";
import {
  MEASURE_TYPES,
  REQUIRED_ATTACHMENTS,
  missingAttachments,
  normalizeCertificationNumber,
  parseArea,
  requiresKontrollansvarig,
} from "./building-permit";
import { normalizePropertyDesignation } from "./property-designation";
import { properties } from "../../db/seed/content/people";

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
    expect(normalizePropertyDesignation("Åmål Plogen 4:2")).toBe("Åmål Plogen 4:2");
    expect(normalizePropertyDesignation("  åmål   plogen  4:02 ")).toBe("Åmål Plogen 4:2");
    expect(normalizePropertyDesignation("dals-ed nössemark 1:14")).toBe("Dals-Ed Nössemark 1:14");
    expect(normalizePropertyDesignation("Färgelanda Stora Vik 2:3")).toBe("Färgelanda Stora Vik 2:3");
  });
  it("reads any municipality's designations (whether the portal serves it is the register's and the service's call)", () => {
    expect(normalizePropertyDesignation("göteborg inom vallgraven 1:1")).toBe("Göteborg Inom Vallgraven 1:1");
    expect(normalizePropertyDesignation("vänersborg gropen 1:2")).toBe("Vänersborg Gropen 1:2");
    // A kvarter without a block is a designation too (Registerbeteckning Direkt v5).
    expect(normalizePropertyDesignation("Åmål Plogen 4")).toBe("Åmål Plogen 4");
  });
  it("rejects malformed text", () => {
    expect(normalizePropertyDesignation("Åmål 4:2")).toBeNull();
    expect(normalizePropertyDesignation("<script> 1:1")).toBeNull();
    expect(normalizePropertyDesignation("")).toBeNull();
  });
  it("accepts every seeded property as written", () => {
    for (const p of properties) expect(normalizePropertyDesignation(p.designation)).toBe(p.designation);
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
