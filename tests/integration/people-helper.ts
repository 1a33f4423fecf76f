import { eq } from "drizzle-orm";
import { staffUser } from "../../db/schema/index";
import { testPersons } from "../../db/seed/content/people";
import type { StaffUser } from "~/auth/guards.server";
import { sessionUserOf } from "~/auth/session.server";
import { db } from "~/db.server";
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

/** The session user of a seeded staff member, as the guards see it after a log-in. */
export function officer(username: string): StaffUser {
  const row = db().select().from(staffUser).where(eq(staffUser.username, username)).get();
  const session = row
    ? sessionUserOf({
        idHash: `test-${username}`,
        kind: "staff",
        staffUserId: row.id,
        personId: null,
        actingKind: null,
        actingOrganisationId: null,
      })
    : null;
  if (!session || session.kind !== "staff") throw new Error(`no staff ${username}`);
  return session as StaffUser;
}
