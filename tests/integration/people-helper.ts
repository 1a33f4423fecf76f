import { findOrCreatePersonAtLogin } from "~/services/people.server";

/** A person row for a seeded test person (case.applicant_person_id references person.id). */
export function viewerFor(personnummer: string, name = "Test Person") {
  const [givenName, familyName] = name.split(" ");
  const { person } = findOrCreatePersonAtLogin({
    personnummer,
    givenName: givenName ?? "Test",
    familyName: familyName ?? "Person",
  });
  return { personId: person.id, personnummerHmac: person.personnummerHmac };
}
