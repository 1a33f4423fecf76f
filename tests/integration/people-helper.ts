import { testPersons } from "../../db/seed/content/people";
import { findOrCreatePersonAtLogin } from "~/services/people.server";

/** The demo register's marker for a test person, as the login callback asks it (decision 046). */
export function demoMarker(personnummer: string): boolean {
  return testPersons.some((p) => p.personnummer === personnummer && p.protectedIdentity !== undefined);
}

/** A person row for a seeded test person (case.applicant_person_id references person.id). */
export function viewerFor(personnummer: string, name = "Test Person") {
  const [givenName, familyName] = name.split(" ");
  const { person } = findOrCreatePersonAtLogin({
    personnummer,
    givenName: givenName ?? "Test",
    familyName: familyName ?? "Person",
    protectedIdentity: demoMarker(personnummer),
  });
  return { personId: person.id, personnummerHmac: person.personnummerHmac };
}
