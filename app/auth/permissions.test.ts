import { describe, expect, it } from "vitest";
import { grantedScopes, permits, type Delegation, type RoleAssignment } from "./permissions";

const BEN = 1;
const DED = 2;
const AML = 5;
const ALL = [1, 2, 3, 4, 5];
const officer = (m: number, area: RoleAssignment["area"]): RoleAssignment => ({
  role: "officer",
  municipalityId: m,
  area,
  administrationId: null,
});
const bygglovToBengtsfors: Delegation[] = [{ municipalityId: DED, area: "bygglov", handledByMunicipalityId: BEN }];

describe("permissions", () => {
  it("denies everything without roles", () => {
    expect(permits([], [], ALL, "case.read")).toBe(false);
    expect(
      permits([{ role: "resident", municipalityId: null, area: null, administrationId: null }], [], ALL, "case.read"),
    ).toBe(false);
  });

  it("an officer in Åmål cannot open a Bengtsfors case", () => {
    const roles = [officer(AML, "bygglov")];
    expect(permits(roles, [], ALL, "case.read", { municipalityId: AML, area: "bygglov" })).toBe(true);
    expect(permits(roles, [], ALL, "case.read", { municipalityId: BEN, area: "bygglov" })).toBe(false);
    expect(permits(roles, [], ALL, "case.read", { municipalityId: AML, area: "skola" })).toBe(false);
  });

  it("a delegated area moves to the handling municipality", () => {
    expect(
      permits([officer(BEN, "bygglov")], bygglovToBengtsfors, ALL, "case.read", {
        municipalityId: DED,
        area: "bygglov",
      }),
    ).toBe(true);
    expect(
      permits([officer(DED, "bygglov")], bygglovToBengtsfors, ALL, "case.read", {
        municipalityId: DED,
        area: "bygglov",
      }),
    ).toBe(false);
    expect(
      permits([officer(BEN, "skola")], bygglovToBengtsfors, ALL, "case.read", { municipalityId: DED, area: "skola" }),
    ).toBe(false);
    expect(grantedScopes([officer(BEN, "bygglov")], bygglovToBengtsfors, ALL, "case.read")).toEqual([
      { municipalityId: BEN, area: "bygglov" },
      { municipalityId: DED, area: "bygglov" },
    ]);
  });

  it("an editor edits content of their administration only and handles no cases", () => {
    const roles: RoleAssignment[] = [{ role: "editor", municipalityId: AML, area: null, administrationId: 21 }];
    expect(permits(roles, [], ALL, "content.edit", { municipalityId: AML, administrationId: 21 })).toBe(true);
    expect(permits(roles, [], ALL, "content.edit", { municipalityId: AML, administrationId: 22 })).toBe(false);
    expect(permits(roles, [], ALL, "case.read")).toBe(false);
  });

  it("a portal-wide editor edits content in every municipality and administration", () => {
    const roles: RoleAssignment[] = [{ role: "editor", municipalityId: null, area: null, administrationId: null }];
    expect(permits(roles, [], ALL, "content.publish", { municipalityId: AML, administrationId: 22 })).toBe(true);
    expect(permits(roles, [], ALL, "content.edit", { municipalityId: BEN })).toBe(true);
    expect(permits(roles, [], ALL, "users.admin")).toBe(false);
  });

  it("a municipal admin administers their municipality; a portal admin all of them", () => {
    const local: RoleAssignment[] = [{ role: "admin", municipalityId: AML, area: null, administrationId: null }];
    expect(permits(local, [], ALL, "users.admin", { municipalityId: AML })).toBe(true);
    expect(permits(local, [], ALL, "users.admin", { municipalityId: BEN })).toBe(false);
    expect(permits(local, [], ALL, "case.read", { municipalityId: AML })).toBe(false);
    const portal: RoleAssignment[] = [{ role: "admin", municipalityId: null, area: null, administrationId: null }];
    expect(grantedScopes(portal, [], ALL, "audit.read")).toHaveLength(5);
  });

  it("a portal-wide admin may administer before any municipality exists (first run of a production install)", () => {
    const portal: RoleAssignment[] = [{ role: "admin", municipalityId: null, area: null, administrationId: null }];
    expect(permits(portal, [], [], "municipality.admin")).toBe(true);
    expect(permits(portal, [], [], "users.admin")).toBe(true);
    // Still nothing outside the admin role, and no municipality that does not exist.
    expect(permits(portal, [], [], "case.read")).toBe(false);
    expect(permits(portal, [], [], "users.admin", { municipalityId: BEN })).toBe(false);
    const local: RoleAssignment[] = [{ role: "admin", municipalityId: AML, area: null, administrationId: null }];
    expect(permits(local, [], [], "users.admin")).toBe(true);
    expect(permits([], [], [], "users.admin")).toBe(false);
  });

  it("a contributor (skribent) edits drafts in their municipality × administration but never publishes", () => {
    const roles: RoleAssignment[] = [{ role: "contributor", municipalityId: AML, area: null, administrationId: 21 }];
    expect(permits(roles, [], ALL, "content.edit", { municipalityId: AML, administrationId: 21 })).toBe(true);
    expect(permits(roles, [], ALL, "content.edit", { municipalityId: AML, administrationId: 22 })).toBe(false);
    expect(permits(roles, [], ALL, "content.publish", { municipalityId: AML, administrationId: 21 })).toBe(false);
    expect(permits(roles, [], ALL, "content.publish")).toBe(false);
    // Without a municipality a contributor role grants nothing (never portal-wide).
    const wide: RoleAssignment[] = [{ role: "contributor", municipalityId: null, area: null, administrationId: null }];
    expect(grantedScopes(wide, [], ALL, "content.edit")).toEqual([]);
  });
});

describe("the back office's permissions are part of the model", () => {
  it("an officer may decide and read statistics in their own municipality × area only", () => {
    const roles = [officer(AML, "bygglov")];
    for (const p of ["case.decide", "stats.read"] as const) {
      expect(permits(roles, [], ALL, p, { municipalityId: AML, area: "bygglov" })).toBe(true);
      expect(permits(roles, [], ALL, p, { municipalityId: BEN, area: "bygglov" })).toBe(false);
      expect(permits(roles, [], ALL, p, { municipalityId: AML, area: "skola" })).toBe(false);
    }
  });

  it("follows a delegation: the handling municipality decides, the delegating one no longer does", () => {
    expect(
      permits([officer(BEN, "bygglov")], bygglovToBengtsfors, ALL, "case.decide", {
        municipalityId: DED,
        area: "bygglov",
      }),
    ).toBe(true);
    expect(
      permits([officer(DED, "bygglov")], bygglovToBengtsfors, ALL, "case.decide", {
        municipalityId: DED,
        area: "bygglov",
      }),
    ).toBe(false);
  });

  it("editors and administrators neither decide cases nor read case statistics", () => {
    const roles: RoleAssignment[] = [
      { role: "editor", municipalityId: null, area: null, administrationId: null },
      { role: "admin", municipalityId: null, area: null, administrationId: null },
    ];
    expect(permits(roles, [], ALL, "case.decide")).toBe(false);
    expect(permits(roles, [], ALL, "stats.read")).toBe(false);
  });
});
