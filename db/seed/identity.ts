import { and, eq } from "drizzle-orm";
import type { DB } from "../client";
import {
  administration,
  areaDelegation,
  caseTable,
  municipality,
  organisation,
  person,
  representation,
  roleAssignment,
  staffUser,
} from "../schema/index";
import { organisations, representations, testPersons } from "./content/people";
import { seedDelegations, seedExampleCases, seedStaffUsers } from "./content/staff";

export interface IdentitySeedTools {
  hmacIndex: (value: string) => string;
  encrypt: (plain: string) => string;
  /** Synchronous argon2 hash (seed runs inside a transaction). */
  hashPassword: (password: string) => string;
  password: string;
  /** Development/test accounts, delegations and example cases; never in production. */
  examples: boolean;
}

/**
 * Example organisations and representation register (stand-in for Bolagsverket's data), staff
 * accounts, delegations and example cases: demo and test only, never in production
 * (docs/decisions/041). Idempotent: rows are written only when absent; existing staff users keep
 * their password, TOTP and roles as changed at run time.
 */
export function seedIdentity(db: DB, tools: IdentitySeedTools) {
  if (!tools.examples) return;
  db.transaction((tx) => {
    const municipalityId = new Map(
      tx
        .select({ id: municipality.id, slug: municipality.slug })
        .from(municipality)
        .all()
        .map((m) => [m.slug, m.id]),
    );
    const orgIds = new Map<string, number>();
    for (const o of organisations) {
      const values = {
        orgNumber: o.organisationsnummer,
        name: o.name,
        municipalityId: municipalityId.get(o.municipality) ?? null,
        example: true,
      };
      tx.insert(organisation).values(values).onConflictDoNothing({ target: organisation.orgNumber }).run();
      const row = tx
        .select({ id: organisation.id })
        .from(organisation)
        .where(eq(organisation.orgNumber, o.organisationsnummer))
        .get()!;
      orgIds.set(o.organisationsnummer, row.id);
    }
    for (const r of representations) {
      const organisationId = orgIds.get(r.organisationsnummer);
      if (!organisationId) continue;
      tx.insert(representation)
        .values({ organisationId, personnummerHmac: tools.hmacIndex(r.personnummer), role: r.role })
        .onConflictDoNothing({ target: [representation.organisationId, representation.personnummerHmac] })
        .run();
    }

    for (const d of seedDelegations) {
      const from = municipalityId.get(d.municipality);
      const to = municipalityId.get(d.handledBy);
      if (!from || !to) continue;
      tx.insert(areaDelegation)
        .values({ municipalityId: from, area: d.area, handledByMunicipalityId: to })
        .onConflictDoNothing()
        .run();
    }

    const adminId = (m: string, slug: string) =>
      tx
        .select({ id: administration.id })
        .from(administration)
        .where(and(eq(administration.municipalityId, municipalityId.get(m) ?? -1), eq(administration.slug, slug)))
        .get()?.id ?? null;
    let passwordHash: string | undefined;
    for (const u of seedStaffUsers) {
      if (tx.select({ id: staffUser.id }).from(staffUser).where(eq(staffUser.username, u.username)).get()) continue;
      passwordHash ??= tools.hashPassword(tools.password);
      const created = tx
        .insert(staffUser)
        .values({
          username: u.username,
          name: u.name,
          email: `${u.username}@example.se`,
          municipalityId: u.municipality ? (municipalityId.get(u.municipality) ?? null) : null,
          passwordHash,
          mustChangePassword: u.mustChangePassword ?? false,
          totpSecretEncrypted: u.totpSecret ? tools.encrypt(u.totpSecret) : null,
          totpEnrolledAt: u.totpSecret ? new Date().toISOString() : null,
        })
        .returning({ id: staffUser.id })
        .get();
      for (const r of u.roles) {
        tx.insert(roleAssignment)
          .values({
            staffUserId: created.id,
            role: r.role,
            municipalityId: r.municipality ? (municipalityId.get(r.municipality) ?? null) : null,
            area: r.role === "officer" || r.role === "preparer" ? r.area : null,
            administrationId:
              (r.role === "editor" || r.role === "contributor" || r.role === "designer") &&
              r.municipality &&
              r.administration
                ? adminId(r.municipality, r.administration)
                : null,
          })
          .run();
      }
    }

    const byPnr = new Map(testPersons.map((p) => [p.personnummer, p]));
    for (const c of seedExampleCases) {
      if (tx.select({ id: caseTable.id }).from(caseTable).where(eq(caseTable.reference, c.reference)).get()) continue;
      const tp = byPnr.get(c.applicant);
      if (!tp) continue;
      const index = tools.hmacIndex(tp.personnummer);
      let p = tx.select({ id: person.id }).from(person).where(eq(person.personnummerHmac, index)).get();
      p ??= tx
        .insert(person)
        .values({
          personnummerEncrypted: tools.encrypt(tp.personnummer),
          personnummerHmac: index,
          givenName: tp.givenName,
          familyName: tp.familyName,
        })
        .returning({ id: person.id })
        .get();
      // Merged onto feat/forms' case table: the example cases get the columns it requires.
      const adminSlug =
        c.area === "bygglov" ? "samhallsbyggnad" : c.area === "allmant" ? "kommunledning" : "barn-och-utbildning";
      tx.insert(caseTable)
        .values({
          reference: c.reference,
          municipalityId: municipalityId.get(c.municipality)!,
          administrationId: adminId(c.municipality, adminSlug)!,
          formId: c.caseType,
          formVersion: 1,
          area: c.area,
          status: "received",
          data: "{}",
          idempotencyKey: `seed:${c.reference}`,
          applicantPersonId: p.id,
          applicantOrganisationId: c.organisation ? (orgIds.get(c.organisation) ?? null) : null,
        })
        .run();
    }
  });
}
