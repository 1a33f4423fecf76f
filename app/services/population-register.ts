import type { Address, ProtectedIdentityKind } from "../../db/seed/content/people";

/**
 * The population register's interface (issue 19, decisions 024, 046, 067). The portal asks it by
 * personnummer, as Skatteverket's Navet is asked; one answer is one person's record
 * (Navet's "personpost"). The services never call an adapter: they call population.server.ts,
 * which picks the adapter once from POPULATION_REGISTER and derives households, children and
 * custody from these records.
 */
export type { Address, ProtectedIdentityKind };

/** Why the portal asks: written to the audit trail with each look-up of the real register. */
export type LookupPurpose = "login" | "childcare" | "school" | "mypages" | "case-handling";

export interface RegisterPerson {
  hmac: string;
  personnummer: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  /** A municipality slug (run-time data, decision 056), or null when the person lives elsewhere. */
  municipality: string | null;
  /**
   * Skyddade personuppgifter (decision 046): null when the register has no marker. Navet's
   * Sekretessmarkering and SkyddadFolkbokforing map to the two kinds.
   */
  protectedIdentity: ProtectedIdentityKind | null;
}

/** One person's record as the register answers it. */
export interface PopulationRecord {
  person: RegisterPerson;
  /** Folkbokföringsadress; null when the register gives none (protected persons, persons abroad). */
  address: Address | null;
  /** Personnummer of this person's vårdnadshavare (a child's custodians). */
  custodians: string[];
  /** Personnummer of the children this person has custody of. */
  childrenInCustody: string[];
  /** The household the record belongs to, as far as the register tells. */
  household: { key: string; municipality: string; address: Address | null; guardians: string[] } | null;
}

export interface PopulationRegister {
  /** "folkbokforingen-testregister" for the demo adapter, "navet" for Skatteverket's. */
  readonly source: "folkbokforingen-testregister" | "navet";
  /** The person's record, or null when the register knows no such person. Throws RegisterUnavailableError/RegisterAnswerError. */
  personpost(personnummer: string, purpose: LookupPurpose): Promise<PopulationRecord | null>;
  /**
   * The personnummer behind an HMAC, when the adapter can tell without asking anyone (the demo
   * adapter indexes its example people). The real register cannot: see population.server.ts.
   */
  identityNumberOf?(hmac: string): string | undefined;
}
