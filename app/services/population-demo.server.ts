import { households, testPersons, type TestPerson } from "../../db/seed/content/people";
import { hmacIndex } from "~/platform/crypto.server";
import type { PopulationRecord, PopulationRegister, RegisterPerson } from "./population-register";

/**
 * The demo adapter (decision 066): the example people and households of db/seed/content/people.ts,
 * answered as the register would. Demo and test only; production never constructs it.
 */
interface Index {
  byPnr: Map<string, RegisterPerson>;
  byHmac: Map<string, string>;
  records: Map<string, PopulationRecord>;
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
  const byHmac = new Map([...byPnr.values()].map((p) => [p.hmac, p.personnummer]));
  const records = new Map<string, PopulationRecord>();
  for (const person of byPnr.values()) {
    records.set(person.personnummer, {
      person,
      address: null,
      custodians: [],
      childrenInCustody: [],
      household: null,
    });
  }
  for (const h of households) {
    // A protected member's address is the household's: nobody in it gets it from the portal.
    const anyProtected = h.members.some((m) => byPnr.get(m.personnummer)?.protectedIdentity);
    const address = anyProtected ? null : h.address;
    const guardians = h.members.filter((m) => m.role === "guardian").map((m) => m.personnummer);
    for (const m of h.members) {
      const record = records.get(m.personnummer)!;
      record.address = address;
      record.household = { key: h.id, municipality: h.municipality, address, guardians };
      if (m.role === "child") {
        record.custodians = [...m.custody];
        for (const c of m.custody) records.get(c)?.childrenInCustody.push(m.personnummer);
      }
    }
  }
  index = { byPnr, byHmac, records };
  return index;
}

export function demoPopulationRegister(): PopulationRegister {
  return {
    source: "folkbokforingen-testregister",
    personpost: (personnummer) => Promise.resolve(load().records.get(personnummer) ?? null),
    identityNumberOf: (hmac) => load().byHmac.get(hmac),
  };
}
