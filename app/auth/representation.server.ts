import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { companyMandate, organisation, person, representation } from "../../db/schema/index";
import { lookUpCompany, type LookupPurpose } from "./company-register.server";
import { db } from "~/db.server";
import { commitDurably } from "~/db-durable.server";
import { prepared } from "~/db-prepared.server";
import { RegisterUnavailableError } from "~/platform/register-http.server";
import { now } from "~/utils/clock.server";

/**
 * Whom a resident may act for (decision 069): a company's signatory as the company register says
 * (firmatecknare who signs alone), or a person the company gave a mandate (ombud) in the portal.
 * A company that is not active cannot be acted for. Part of identity because the session re-checks
 * it on every request: a revoked mandate ends the acting at once (decision 047).
 *
 * Which companies to ask the register about: those the portal already links to the person, by
 * the HMAC of their personnummer (example representations in demo, and every mandate).
 */
export interface RepresentedOrganisation {
  id: number;
  orgNumber: string;
  name: string;
  role: "firmatecknare" | "ombud";
}

interface Candidate {
  id: number;
  orgNumber: string;
  ombud: boolean;
}

function today(): string {
  return now().toISOString().slice(0, 10);
}

function personIndex(personId: number): string | undefined {
  // The header asks on every page of a signed-in resident: prepared once (decision 120).
  return prepared("representation.person-index", (d) =>
    d
      .select({ index: person.personnummerHmac })
      .from(person)
      .where(eq(person.id, sql.placeholder("id")))
      .prepare(),
  ).get({ id: personId })?.index;
}

function candidates(index: string): Candidate[] {
  const day = today();
  const byId = new Map<number, Candidate>();
  const represented = prepared("representation.represented", (d) =>
    d
      .select({
        id: organisation.id,
        orgNumber: organisation.orgNumber,
        role: representation.role,
        validFrom: representation.validFrom,
        validTo: representation.validTo,
      })
      .from(representation)
      .innerJoin(organisation, eq(organisation.id, representation.organisationId))
      .where(eq(representation.personnummerHmac, sql.placeholder("index")))
      .prepare(),
  )
    .all({ index })
    .filter((r) => (!r.validFrom || r.validFrom <= day) && (!r.validTo || r.validTo >= day));
  for (const r of represented) byId.set(r.id, { id: r.id, orgNumber: r.orgNumber, ombud: r.role === "ombud" });
  const mandates = prepared("representation.mandates", (d) =>
    d
      .select({ id: organisation.id, orgNumber: organisation.orgNumber, validTo: companyMandate.validTo })
      .from(companyMandate)
      .innerJoin(organisation, eq(organisation.id, companyMandate.organisationId))
      .where(and(eq(companyMandate.personnummerHmac, sql.placeholder("index")), isNull(companyMandate.revokedAt)))
      .orderBy(asc(organisation.orgNumber))
      .prepare(),
  )
    .all({ index })
    .filter((m) => !m.validTo || m.validTo >= day);
  for (const m of mandates) byId.set(m.id, { id: m.id, orgNumber: m.orgNumber, ombud: true });
  return [...byId.values()];
}

/** Whether the person may be asked whom they act for (no register call: the header on every page). */
export function hasRepresentationCandidates(personId: number): boolean {
  const index = personIndex(personId);
  return index !== undefined && candidates(index).length > 0;
}

async function decide(
  index: string,
  c: Candidate,
  purpose: LookupPurpose,
): Promise<RepresentedOrganisation | undefined> {
  const facts = await lookUpCompany(c.orgNumber, purpose);
  if (!facts || facts.status !== "active") return undefined;
  const signs = facts.signatories.some((s) => s.personnummerHmac === index && s.signs === "alone");
  if (!signs && !c.ombud) return undefined;
  return { id: c.id, orgNumber: c.orgNumber, name: facts.name, role: signs ? "firmatecknare" : "ombud" };
}

/**
 * The organisations a person may act for, and whether the register failed to answer for some
 * (those are left out: nothing is guessed).
 */
export async function representedOrganisations(
  personId: number,
): Promise<{ organisations: RepresentedOrganisation[]; unavailable: boolean }> {
  const index = personIndex(personId);
  if (!index) return { organisations: [], unavailable: false };
  const organisations: RepresentedOrganisation[] = [];
  let unavailable = false;
  for (const c of candidates(index)) {
    try {
      const o = await decide(index, c, "choose-party");
      if (o) organisations.push(o);
    } catch (error) {
      if (!(error instanceof RegisterUnavailableError)) throw error;
      unavailable = true;
    }
  }
  organisations.sort((a, b) => a.name.localeCompare(b.name, "sv"));
  return { organisations, unavailable };
}

/** The organisations a person may act for (those the register could not answer for left out). */
export async function listRepresentedOrganisations(personId: number): Promise<RepresentedOrganisation[]> {
  return (await representedOrganisations(personId)).organisations;
}

/** Scoped: the organisation only if the person may act for it. Throws RegisterUnavailableError. */
export async function getRepresentedOrganisation(
  personId: number,
  organisationId: number,
  purpose: LookupPurpose = "choose-party",
): Promise<RepresentedOrganisation | undefined> {
  const index = personIndex(personId);
  if (!index) return undefined;
  const c = candidates(index).find((x) => x.id === organisationId);
  return c ? decide(index, c, purpose) : undefined;
}

export type ClaimResult =
  { ok: true; organisation: RepresentedOrganisation } | { ok: false; code: "notFound" | "notActive" | "notSignatory" };

/**
 * A person names a company they sign for (a company the portal has not linked to them yet): the
 * register decides. A signatory who signs alone is linked (so /valj-part lists the company from
 * now on, still re-checked with the register each time); anyone else is refused.
 * Throws RegisterUnavailableError.
 */
export async function claimSignatory(personId: number, orgNumber: string): Promise<ClaimResult> {
  const index = personIndex(personId);
  if (!index) return { ok: false, code: "notSignatory" };
  const facts = await lookUpCompany(orgNumber, "choose-party");
  if (!facts) return { ok: false, code: "notFound" };
  if (facts.status !== "active") return { ok: false, code: "notActive" };
  if (!facts.signatories.some((s) => s.personnummerHmac === index && s.signs === "alone"))
    return { ok: false, code: "notSignatory" };
  // The link is shown (and used) after its fsync, which runs off the event loop (decision 155).
  const id = await commitDurably(() => {
    const tx = db();
    tx.insert(organisation)
      .values({ orgNumber, name: facts.name, example: false })
      .onConflictDoNothing({ target: organisation.orgNumber })
      .run();
    const row = tx
      .select({ id: organisation.id })
      .from(organisation)
      .where(eq(organisation.orgNumber, orgNumber))
      .get()!;
    tx.insert(representation)
      .values({ organisationId: row.id, personnummerHmac: index, role: "firmatecknare" })
      .onConflictDoNothing({ target: [representation.organisationId, representation.personnummerHmac] })
      .run();
    return row.id;
  });
  return { ok: true, organisation: { id, orgNumber, name: facts.name, role: "firmatecknare" } };
}
