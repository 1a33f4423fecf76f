import { describe, expect, it } from "vitest";
import { AREAS } from "~/domain/areas";
import { formatReference, parseReference, swedishYear } from "./case-reference";
import { allowedTransitions, assertTransition, canTransition, IllegalTransitionError, statusesOf } from "./case-status";
import { maskEntry } from "./diarium-rules";

describe("case reference numbers", () => {
  it("are the municipality code, the year and a six-digit number", () => {
    expect(formatReference("BEN", 2026, 123)).toBe("BEN-2026-000123");
    expect(parseReference("ben-2026-000123")).toEqual({ code: "BEN", year: 2026, number: 123 });
    expect(parseReference("BEN-2026-123")).toBeNull();
    expect(parseReference(42)).toBeNull();
    expect(() => formatReference("BEN", 2026, 1_000_000)).toThrow();
    expect(() => formatReference("ben", 2026, 1)).toThrow();
  });
  it("belong to the Swedish calendar year, also just after midnight on New Year's Eve", () => {
    expect(swedishYear(new Date("2026-12-31T23:30:00Z"))).toBe(2027);
    expect(swedishYear(new Date("2026-12-31T22:30:00Z"))).toBe(2026);
  });
  it("is the year Intl gives for Stockholm (decision 154: from swedishDate), around every New Year 1975-2105", () => {
    const intl = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm", year: "numeric" });
    let compared = 0;
    for (let year = 1975; year <= 2105; year++)
      for (let minutes = -180; minutes <= 180; minutes += 15) {
        const at = new Date(Date.UTC(year, 0, 1) + minutes * 60_000);
        expect(swedishYear(at), at.toISOString()).toBe(Number(intl.format(at)));
        compared++;
      }
    // In summer time too (the offset differs): midsummer nights.
    for (let year = 1975; year <= 2105; year += 5) {
      const at = new Date(Date.UTC(year, 5, 21, 22, 30));
      expect(swedishYear(at)).toBe(Number(intl.format(at)));
    }
    expect(compared).toBeGreaterThan(3000);
    expect(() => swedishYear(new Date(Number.NaN))).toThrow();
  });
});

describe("the case status machine", () => {
  it("lets every area start as received and refuses illegal moves", () => {
    for (const area of AREAS) {
      expect(allowedTransitions(area, "received").length).toBeGreaterThan(0);
      expect(canTransition(area, "received", "closed") || area !== "allmant").toBe(true);
      expect(canTransition(area, "closed", "received")).toBe(false);
    }
    expect(() => assertTransition("bygglov", "received", "decided")).toThrow(IllegalTransitionError);
    expect(() => assertTransition("bygglov", "received", "complete")).not.toThrow();
    expect(canTransition("barnomsorg", "place_offered", "place_accepted")).toBe(true);
    expect(canTransition("skola", "in_progress", "place_offered")).toBe(false);
  });
  it("names the statuses each area can reach", () => {
    expect(statusesOf("barnomsorg")).toContain("place_offered");
    expect(statusesOf("bygglov")).not.toContain("place_offered");
  });
});

describe("diarium masking", () => {
  const base = {
    sensitivity: "public",
    area: "allmant",
    administrationSlug: "samhallsbyggnad",
    subject: "Storgatan, trasig lykta",
  };
  it("masks private persons and shows companies", () => {
    expect(maskEntry({ ...base, partyKind: "person", partyName: "Anna Andersson" }).party).toEqual({ kind: "masked" });
    expect(maskEntry({ ...base, partyKind: "organisation", partyName: "Dalslands Bygg AB" }).party).toEqual({
      kind: "organisation",
      name: "Dalslands Bygg AB",
    });
  });
  it("hides the subject of personal cases", () => {
    expect(maskEntry({ ...base, sensitivity: "personal", partyKind: "person", partyName: "A" }).subject).toBeNull();
  });
  it("shows nothing but the type for childcare, school and social services, whatever the form says", () => {
    for (const input of [
      { ...base, area: "barnomsorg" },
      { ...base, area: "skola" },
      { ...base, administrationSlug: "socialtjanst" },
      { ...base, sensitivity: "secret" },
      { ...base, sensitivity: "something-new" },
    ]) {
      const out = maskEntry({ ...input, partyKind: "organisation", partyName: "Firma AB" });
      expect(out).toEqual({ sensitivity: "secret", subject: null, party: { kind: "secret" } });
    }
  });
});
