import { describe, expect, it } from "vitest";
import { parseOrganisationsnummer, parsePersonnummer } from "../../../forms/lib/identity-number";
import {
  households,
  organisations,
  properties,
  representations,
  SEED_REFERENCE_DATE,
  testPersons,
  type Address,
  type Household,
  type HouseholdMember,
} from "./people";
import { MUNICIPALITY_SLUGS, type MunicipalitySlug } from "./types";

const [refYear, refMonth, refDay] = SEED_REFERENCE_DATE.split("-").map(Number) as [number, number, number];
const REFERENCE = new Date(refYear, refMonth - 1, refDay, 12);

/** Real post towns and the postal codes used in the seed; "Dals-Ed" is also how it is written in a fastighetsbeteckning. */
const MUNICIPALITY_PLACES: Record<MunicipalitySlug, { name: string; town: string; postalCode: string }> = {
  bengtsfors: { name: "Bengtsfors", town: "Bengtsfors", postalCode: "666 30" },
  "dals-ed": { name: "Dals-Ed", town: "Ed", postalCode: "668 30" },
  fargelanda: { name: "Färgelanda", town: "Färgelanda", postalCode: "458 30" },
  mellerud: { name: "Mellerud", town: "Mellerud", postalCode: "464 30" },
  amal: { name: "Åmål", town: "Åmål", postalCode: "662 30" },
};

const personByNumber = new Map(testPersons.map((person) => [person.personnummer, person]));
const organisationByNumber = new Map(organisations.map((org) => [org.organisationsnummer, org]));

function ageAtReference(personnummer: string): number {
  const parsed = parsePersonnummer(personnummer, REFERENCE);
  if (!parsed.ok) throw new Error(`invalid personnummer ${personnummer}`);
  return parsed.value.age;
}

function children(household: Household): Extract<HouseholdMember, { role: "child" }>[] {
  return household.members.filter((m): m is Extract<HouseholdMember, { role: "child" }> => m.role === "child");
}

function guardians(household: Household): HouseholdMember[] {
  return household.members.filter((m) => m.role === "guardian");
}

function expectAddressIn(address: Address, municipality: MunicipalitySlug, label: string): void {
  const place = MUNICIPALITY_PLACES[municipality];
  expect(address.postalCode, label).toMatch(/^\d{3} \d{2}$/);
  expect(address.postalCode, label).toBe(place.postalCode);
  expect(address.town, label).toBe(place.town);
  expect(address.street.trim(), label).not.toBe("");
  if (address.apartment !== undefined) expect(address.apartment, label).toMatch(/^\d{4}$/);
}

function unique<T>(values: T[]): boolean {
  return new Set(values).size === values.length;
}

describe("testPersons", () => {
  it("all have valid, normalized identity numbers that agree with the stored fields", () => {
    for (const person of testPersons) {
      const parsed = parsePersonnummer(person.personnummer, REFERENCE);
      expect(parsed, person.id).toMatchObject({ ok: true });
      if (!parsed.ok) continue;
      expect(parsed.value.normalized, person.id).toBe(person.personnummer);
      expect(parsed.value.kind, person.id).toBe(person.kind);
      expect(parsed.value.birthDate, person.id).toBe(person.birthDate);
      expect(parsed.value.sex, person.id).toBe(person.sex);
      expect(person.example).toBe(true);
    }
  });

  it("have unique ids and numbers, and sensible names", () => {
    expect(unique(testPersons.map((p) => p.id))).toBe(true);
    expect(unique(testPersons.map((p) => p.personnummer))).toBe(true);
    for (const person of testPersons) {
      expect(person.id).toMatch(/^[a-z]+(-[a-z]+)+$/);
      expect(person.givenName).toMatch(/^\p{Lu}\p{Ll}+$/u);
      expect(person.familyName).toMatch(/^\p{Lu}\p{Ll}+$/u);
      expect(person.givenName).not.toMatch(/exempel/i);
    }
  });

  it("keep folkbokföring consistent with the kind of number", () => {
    for (const person of testPersons) {
      if (person.kind === "personnummer") {
        expect(person.municipality, person.id).toBeDefined();
        expect(person.residenceCountry, person.id).toBeUndefined();
      } else {
        expect(person.municipality, person.id).toBeUndefined();
        expect(person.residenceCountry, person.id).toMatch(/^[A-Z]{2}$/);
      }
    }
    expect(testPersons.filter((p) => p.kind === "samordningsnummer").length).toBeGreaterThanOrEqual(2);
  });

  it("only use generated numbers for children born 2020 or later (Skatteverket data otherwise)", () => {
    for (const person of testPersons.filter((p) => p.source === "generated")) {
      expect(person.birthDate >= "2020-01-01", person.id).toBe(true);
    }
  });

  it("have guardians born 1975–1995 and children born 2016–2025", () => {
    for (const household of households) {
      for (const member of household.members) {
        const person = personByNumber.get(member.personnummer);
        if (!person) continue; // reported by the household tests
        const year = Number(person.birthDate.slice(0, 4));
        if (member.role === "guardian") expect(year, person.id).toBeGreaterThanOrEqual(1975);
        if (member.role === "guardian") expect(year, person.id).toBeLessThanOrEqual(1995);
        if (member.role === "child") expect(year, person.id).toBeGreaterThanOrEqual(2016);
        if (member.role === "child") expect(year, person.id).toBeLessThanOrEqual(2025);
      }
    }
  });

  it("include children of preschool age (1–5) and school age (6–9) at the reference date", () => {
    const childAges = households.flatMap(children).map((child) => ageAtReference(child.personnummer));
    expect(childAges.filter((age) => age >= 1 && age <= 5).length).toBeGreaterThanOrEqual(3);
    expect(childAges.filter((age) => age >= 6 && age <= 9).length).toBeGreaterThanOrEqual(2);
    expect(childAges.every((age) => age >= 1 && age <= 10)).toBe(true);
  });
});

describe("households", () => {
  it("have unique ids, addresses in their municipality and example: true", () => {
    expect(unique(households.map((h) => h.id))).toBe(true);
    for (const household of households) {
      expect(MUNICIPALITY_SLUGS).toContain(household.municipality);
      expectAddressIn(household.address, household.municipality, household.id);
      expect(household.example).toBe(true);
    }
  });

  it("only contain existing people, each in one household, living in that municipality", () => {
    const seen = new Set<string>();
    for (const household of households) {
      for (const member of household.members) {
        const person = personByNumber.get(member.personnummer);
        expect(person, `${household.id}: ${member.personnummer}`).toBeDefined();
        expect(seen.has(member.personnummer), `${member.personnummer} in two households`).toBe(false);
        seen.add(member.personnummer);
        expect(person?.municipality, `${household.id}: ${member.personnummer}`).toBe(household.municipality);
      }
    }
  });

  it("give every child at least one guardian with custody, who is an existing adult guardian", () => {
    const allGuardians = new Set(households.flatMap(guardians).map((g) => g.personnummer));
    for (const household of households) {
      expect(guardians(household).length, household.id).toBeGreaterThanOrEqual(1);
      expect(children(household).length, household.id).toBeGreaterThanOrEqual(1);
      for (const child of children(household)) {
        expect(child.custody.length, child.personnummer).toBeGreaterThanOrEqual(1);
        expect(child.custody.length, child.personnummer).toBeLessThanOrEqual(2);
        expect(unique(child.custody)).toBe(true);
        for (const custodian of child.custody) {
          expect(personByNumber.has(custodian), `custodian ${custodian}`).toBe(true);
          expect(ageAtReference(custodian), custodian).toBeGreaterThanOrEqual(18);
          const livesHere = household.members.some((m) => m.role === "guardian" && m.personnummer === custodian);
          // A custodian lives in this household, is a guardian in another one, or lives abroad.
          expect(
            livesHere || allGuardians.has(custodian) || personByNumber.get(custodian)?.residenceCountry,
          ).toBeTruthy();
        }
      }
    }
  });

  it("cover the scenarios the forms need", () => {
    // Two guardians sharing custody of two children.
    expect(
      households.some(
        (h) =>
          guardians(h).length === 2 &&
          children(h).length === 2 &&
          children(h).every((c) => guardians(h).every((g) => c.custody.includes(g.personnummer))),
      ),
    ).toBe(true);
    // A single guardian with sole custody.
    expect(
      households.some(
        (h) =>
          guardians(h).length === 1 &&
          children(h).every((c) => c.custody.length === 1 && c.custody[0] === guardians(h)[0]?.personnummer),
      ),
    ).toBe(true);
    // Three or more children (maxtaxa sibling order).
    expect(households.some((h) => children(h).length >= 3)).toBe(true);
    // Joint custody with a guardian who lives abroad (samordningsnummer).
    expect(
      households.some((h) =>
        children(h).some((c) => c.custody.some((n) => personByNumber.get(n)?.kind === "samordningsnummer")),
      ),
    ).toBe(true);
    // Several households with preschool-age children.
    expect(
      households.filter((h) => children(h).some((c) => ageAtReference(c.personnummer) <= 5)).length,
    ).toBeGreaterThanOrEqual(3);
    // All five municipalities.
    expect(new Set(households.map((h) => h.municipality)).size).toBe(MUNICIPALITY_SLUGS.length);
  });
});

describe("organisations", () => {
  it("have valid organisationsnummer in normalized form, with the stored legal form", () => {
    for (const org of organisations) {
      const parsed = parseOrganisationsnummer(org.organisationsnummer);
      expect(parsed, org.id).toMatchObject({ ok: true });
      if (!parsed.ok) continue;
      expect(parsed.value.normalized, org.id).toBe(org.organisationsnummer);
      expect(parsed.value.legalForm, org.id).toBe(org.legalForm);
      expect(org.example).toBe(true);
    }
  });

  it("are not personnummer", () => {
    for (const org of organisations) {
      expect(parsePersonnummer(org.organisationsnummer, REFERENCE).ok, org.id).toBe(false);
    }
  });

  it("have unique ids, numbers and names, addresses in their municipality", () => {
    expect(unique(organisations.map((o) => o.id))).toBe(true);
    expect(unique(organisations.map((o) => o.organisationsnummer))).toBe(true);
    expect(unique(organisations.map((o) => o.name))).toBe(true);
    for (const org of organisations) {
      expectAddressIn(org.address, org.municipality, org.id);
      expect(org.name).not.toMatch(/exempel/i);
    }
  });

  it("cover builders, an architect, a property company and an association", () => {
    const categories = organisations.map((o) => o.category);
    expect(categories.filter((c) => c === "byggforetag").length).toBeGreaterThanOrEqual(2);
    expect(categories).toContain("arkitektkontor");
    expect(categories).toContain("fastighetsbolag");
    expect(organisations.some((o) => o.category === "forening" && o.legalForm === "ideell-forening-stiftelse")).toBe(
      true,
    );
  });
});

describe("representations", () => {
  it("refer to existing people and organisations, without duplicates", () => {
    for (const rep of representations) {
      expect(personByNumber.has(rep.personnummer), rep.personnummer).toBe(true);
      expect(organisationByNumber.has(rep.organisationsnummer), rep.organisationsnummer).toBe(true);
      expect(ageAtReference(rep.personnummer), rep.personnummer).toBeGreaterThanOrEqual(18);
      expect(rep.example).toBe(true);
    }
    expect(unique(representations.map((r) => `${r.personnummer}/${r.organisationsnummer}`))).toBe(true);
  });

  it("give every organisation a firmatecknare", () => {
    for (const org of organisations) {
      expect(
        representations.some((r) => r.organisationsnummer === org.organisationsnummer && r.role === "firmatecknare"),
        org.id,
      ).toBe(true);
    }
  });

  it("include someone who represents two organisations and also applies for themselves", () => {
    const byPerson = new Map<string, Set<string>>();
    for (const rep of representations) {
      byPerson.set(rep.personnummer, (byPerson.get(rep.personnummer) ?? new Set()).add(rep.organisationsnummer));
    }
    const ownsProperty = (n: string) => properties.some((p) => p.owner.kind === "person" && p.owner.personnummer === n);
    const candidates = [...byPerson].filter(([n, orgs]) => orgs.size >= 2 && ownsProperty(n));
    expect(candidates.length).toBeGreaterThanOrEqual(1);
  });

  it("include an ombud and a representative with samordningsnummer", () => {
    expect(representations.some((r) => r.role === "ombud")).toBe(true);
    expect(representations.some((r) => personByNumber.get(r.personnummer)?.kind === "samordningsnummer")).toBe(true);
  });
});

describe("properties", () => {
  const DESIGNATION = /^(\p{Lu}[\p{L}-]*) (\p{Lu}\p{Ll}+(?: \p{Lu}?\p{Ll}+)*) ([1-9]\d*):([1-9]\d*)$/u;

  it("have well-formed, unique fastighetsbeteckningar starting with their municipality", () => {
    expect(properties.length).toBeGreaterThanOrEqual(12);
    expect(unique(properties.map((p) => p.designation))).toBe(true);
    for (const property of properties) {
      const match = DESIGNATION.exec(property.designation);
      expect(match, property.designation).not.toBeNull();
      expect(
        property.designation.startsWith(`${MUNICIPALITY_PLACES[property.municipality].name} `),
        property.designation,
      ).toBe(true);
      expect(property.example).toBe(true);
    }
  });

  it("have existing owners, positive areas and addresses in their municipality", () => {
    for (const property of properties) {
      const owner = property.owner;
      if (owner.kind === "person") {
        expect(personByNumber.has(owner.personnummer), property.designation).toBe(true);
        expect(ageAtReference(owner.personnummer), property.designation).toBeGreaterThanOrEqual(18);
      } else {
        expect(organisationByNumber.has(owner.organisationsnummer), property.designation).toBe(true);
      }
      expect(Number.isInteger(property.areaM2) && property.areaM2 > 0, property.designation).toBe(true);
      expectAddressIn(property.address, property.municipality, property.designation);
    }
  });

  it("span all five municipalities, both inside and outside detaljplan, and both owner kinds", () => {
    expect(new Set(properties.map((p) => p.municipality)).size).toBe(MUNICIPALITY_SLUGS.length);
    expect(properties.some((p) => p.detaljplan)).toBe(true);
    expect(properties.some((p) => !p.detaljplan)).toBe(true);
    expect(properties.some((p) => p.owner.kind === "person")).toBe(true);
    expect(properties.some((p) => p.owner.kind === "organisation")).toBe(true);
  });

  it("match the household address when a guardian owns the home", () => {
    for (const household of households) {
      const home = properties.find(
        (p) => p.address.street === household.address.street && p.address.postalCode === household.address.postalCode,
      );
      if (!home) continue; // rented homes are not in the register
      if (home.owner.kind === "person") {
        const ownerNumber = home.owner.personnummer;
        expect(
          guardians(household).some((g) => g.personnummer === ownerNumber),
          household.id,
        ).toBe(true);
      }
    }
  });
});
