import {
  households,
  testPersons,
  type Address,
  type ProtectedIdentityKind,
  type TestPerson,
} from "../../db/seed/content/people";
import type { MunicipalitySlug } from "../../db/seed/content/types";
import { hmacIndex } from "~/platform/crypto.server";

/**
 * The population register (folkbokföringen), as the portal sees it: an outside system it
 * asks about households, children and custody. Here the stand-in register is the seeded
 * example data in db/seed/content/people.ts; a real deployment swaps this one module for a
 * Navet client. Persons are named by hmacIndex(personnummer), as everywhere in the portal.
 */
export const REGISTER_SOURCE = "folkbokforingen-testregister";

export type { ProtectedIdentityKind };

export interface RegisterPerson {
  hmac: string;
  personnummer: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  municipality: MunicipalitySlug | null;
  /**
   * Skyddade personuppgifter (docs/decisions/046): null when the register has no marker. Part
   * of the interface every replacement (a Navet client) must fill: Navet's
   * "sekretessmarkering" and "skyddad folkbokföring" map to the two kinds.
   */
  protectedIdentity: ProtectedIdentityKind | null;
}

export interface RegisterChild extends RegisterPerson {
  /** The custodial guardians' hmacs (one may live in another household). */
  custody: string[];
  householdKey: string;
}

export interface RegisterHousehold {
  key: string;
  municipality: MunicipalitySlug;
  /** Null when anyone in the household has protected personal data: the address is then never shown. */
  address: Address | null;
  guardians: RegisterPerson[];
  children: RegisterChild[];
}

interface Index {
  byHmac: Map<string, RegisterPerson>;
  households: RegisterHousehold[];
}

let index: Index | undefined;

function toPerson(p: TestPerson): RegisterPerson {
  return {
    hmac: hmacIndex(p.personnummer),
    personnummer: p.personnummer,
    givenName: p.givenName,
    familyName: p.familyName,
    birthDate: p.birthDate,
    municipality: p.municipality ?? null,
    protectedIdentity: p.protectedIdentity ?? null,
  };
}

function load(): Index {
  if (index) return index;
  const byPnr = new Map(testPersons.map((p) => [p.personnummer, toPerson(p)]));
  const byHmac = new Map([...byPnr.values()].map((p) => [p.hmac, p]));
  const hh = households.map((h): RegisterHousehold => {
    const guardians = h.members.filter((m) => m.role === "guardian").map((m) => byPnr.get(m.personnummer)!);
    const children = h.members.flatMap((m) =>
      m.role === "child"
        ? [{ ...byPnr.get(m.personnummer)!, custody: m.custody.map((c) => byPnr.get(c)!.hmac), householdKey: h.id }]
        : [],
    );
    // A protected member's address is the household's: nobody in it gets it from the portal.
    const anyProtected = [...guardians, ...children].some((m) => m.protectedIdentity !== null);
    return { key: h.id, municipality: h.municipality, address: anyProtected ? null : h.address, guardians, children };
  });
  index = { byHmac, households: hh };
  return index;
}

export function registerPerson(hmac: string): RegisterPerson | undefined {
  return load().byHmac.get(hmac);
}

/**
 * Whether the register marks the person as protected (sekretessmarkering or skyddad
 * folkbokföring). Asked at login and at case creation (docs/decisions/046).
 */
export function isProtectedIdentity(hmac: string): boolean {
  return (load().byHmac.get(hmac)?.protectedIdentity ?? null) !== null;
}

/** The household the person is registered in, if any. */
export function householdOf(hmac: string): RegisterHousehold | undefined {
  return load().households.find(
    (h) => h.guardians.some((g) => g.hmac === hmac) || h.children.some((c) => c.hmac === hmac),
  );
}

/** Children the person has custody of, wherever they live (a parent abroad shares custody of Noah). */
export function childrenInCustodyOf(hmac: string): RegisterChild[] {
  return load().households.flatMap((h) => h.children.filter((c) => c.custody.includes(hmac)));
}

/** One child, only if the guardian has custody: the scoped look-up every route uses. */
export function getChildOfGuardian(input: { guardianHmac: string; childHmac: string }): RegisterChild | undefined {
  return childrenInCustodyOf(input.guardianHmac).find((c) => c.hmac === input.childHmac);
}
