import { organisations, representations, testPersons } from "../../db/seed/content/people";
import type { Company, CompanyRegister } from "./company-register.server";
import { env } from "~/env.server";

/** Bolagsverket's organisationsform codes for the example companies' legal forms. */
export const LEGAL_FORMS = {
  aktiebolag: { code: "AB", text: "Aktiebolag" },
  "handelsbolag-kommanditbolag": { code: "HB", text: "Handelsbolag" },
  "ekonomisk-forening": { code: "EK", text: "Ekonomisk förening" },
  "ideell-forening-stiftelse": { code: "IF", text: "Ideell förening" },
} as const;

/**
 * The example companies as a company register (demo and test only; decision 069): every example
 * company is active and its firmatecknare in db/seed/content/people.ts sign alone. Ombud there
 * are mandates, not signatories, so they are not listed here.
 */
export function exampleCompany(orgNumber: string): Company | null {
  const o = organisations.find((x) => x.organisationsnummer === orgNumber);
  if (!o) return null;
  const names = new Map(testPersons.map((p) => [p.personnummer, `${p.givenName} ${p.familyName}`]));
  return {
    orgNumber: o.organisationsnummer,
    name: o.name,
    legalForm: LEGAL_FORMS[o.legalForm],
    status: "active",
    signatories: representations
      .filter((r) => r.organisationsnummer === orgNumber && r.role === "firmatecknare")
      .map((r) => ({ personnummer: r.personnummer, name: names.get(r.personnummer) ?? "", signs: "alone" as const })),
  };
}

export function demoCompanyRegister(): CompanyRegister {
  if (env().PORTAL_ENV === "production") throw new Error("The demo company register is never used in production");
  return { name: "demo", getCompany: (orgNumber) => Promise.resolve(exampleCompany(orgNumber)) };
}
