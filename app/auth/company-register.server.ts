import { env } from "~/env.server";
import { auditDurably } from "~/platform/audit.server";
import { hmacIndex } from "~/platform/crypto.server";
import { RegisterUnavailableError } from "~/platform/register-http.server";

/**
 * The company register (issue 19, decisions 066 and 069): a company's name, legal form, status
 * and signatories (firmatecknare) by organisationsnummer. Services and the session ask this
 * module only; which adapter answers (the example companies or Bolagsverket) is chosen once from
 * COMPANY_REGISTER, and in production the demo adapter is never constructed.
 */

/** Bolagsverket's states that matter for acting: only `active` may be acted for. */
export const COMPANY_STATUSES = [
  "active",
  "inactive",
  "liquidation",
  "bankruptcy",
  "reconstruction",
  "deregistered",
] as const;
export type CompanyStatus = (typeof COMPANY_STATUSES)[number];

export interface Signatory {
  /** 12 digits, as the register gives it. */
  personnummer: string;
  name: string;
  /** Firmateckning: may sign alone, or only together with others. */
  signs: "alone" | "jointly";
}

export interface Company {
  /** "NNNNNN-NNNN" */
  orgNumber: string;
  name: string;
  /** Bolagsverket's organisationsform code ("AB", "HB", ...) and its text. */
  legalForm: { code: string; text: string };
  status: CompanyStatus;
  signatories: Signatory[];
}

/** One adapter: the example companies or Bolagsverket's API. Null: the register has no such company. */
export interface CompanyRegister {
  readonly name: "demo" | "bolagsverket";
  getCompany(orgNumber: string): Promise<Company | null>;
}

/** What the portal keeps of a company answer: signatories by HMAC only, never the personnummer. */
export interface CompanyFacts {
  orgNumber: string;
  name: string;
  legalForm: { code: string; text: string };
  status: CompanyStatus;
  signatories: { personnummerHmac: string; name: string; signs: "alone" | "jointly" }[];
}

let chosen: Promise<CompanyRegister> | null = null;

async function register(): Promise<CompanyRegister> {
  chosen ??=
    env().COMPANY_REGISTER === "bolagsverket"
      ? import("./bolagsverket.server").then((m) => m.bolagsverketFromEnv())
      : import("./company-register-demo.server").then((m) => m.demoCompanyRegister());
  return chosen;
}

/** For tests: use this adapter (null: choose from the environment again) and forget every answer. */
export function useCompanyRegister(adapter: CompanyRegister | null): void {
  chosen = adapter ? Promise.resolve(adapter) : null;
  cache.clear();
}

/**
 * Answers are kept in memory for five minutes (the session asks on every request while a person
 * acts for a company), and a kept answer up to 30 minutes old is used only while Bolagsverket does
 * not answer. Signatories are kept as HMACs, so the cache holds no personnummer.
 */
const FRESH_MS = 5 * 60_000;
const STALE_MS = 30 * 60_000;
const cache = new Map<string, { facts: CompanyFacts | null; at: number }>();

export type LookupPurpose = "choose-party" | "acting-recheck" | "mandate" | "owner-consent";

/**
 * The company as the register says, or null when it has none. Throws RegisterUnavailableError.
 * `fresh` asks the register itself, never a kept answer (the signatory re-checked as a signature
 * comes back, decision 107): a kept answer could hide a signatory removed minutes ago.
 */
export async function lookUpCompany(
  orgNumber: string,
  purpose: LookupPurpose,
  options: { fresh?: boolean } = {},
): Promise<CompanyFacts | null> {
  const at = Date.now();
  const kept = options.fresh ? undefined : cache.get(orgNumber);
  if (kept && at - kept.at < FRESH_MS) return kept.facts;
  const adapter = await register();
  let company: Company | null;
  try {
    company = await adapter.getCompany(orgNumber);
  } catch (error) {
    if (error instanceof RegisterUnavailableError && kept && at - kept.at < STALE_MS) return kept.facts;
    throw error;
  }
  // Its own commit, its fsync off the event loop, before the answer is used (decisions 155, 163).
  await auditDurably({
    actor: "system",
    action: "register.company_lookup",
    subjectType: "organisation",
    subjectId: orgNumber,
    details: { register: adapter.name, purpose, found: company !== null },
  });
  const facts: CompanyFacts | null = company && {
    orgNumber: company.orgNumber,
    name: company.name,
    legalForm: company.legalForm,
    status: company.status,
    signatories: company.signatories.map((s) => ({
      personnummerHmac: hmacIndex(s.personnummer),
      name: s.name,
      signs: s.signs,
    })),
  };
  cache.set(orgNumber, { facts, at });
  if (cache.size > 5_000) cache.delete(cache.keys().next().value!);
  return facts;
}
