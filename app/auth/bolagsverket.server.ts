import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Company, CompanyRegister, CompanyStatus } from "./company-register.server";
import { env } from "~/env.server";
import {
  ClientCredentials,
  parseRegisterJson,
  registerRequest,
  RegisterAnswerError,
  type RegisterHttpOptions,
} from "~/platform/register-http.server";

/**
 * Bolagsverket's company information over its API gateway (decision 069), OAuth 2.0 client
 * credentials. `POST {base}/organisationer` with `{ "identitetsbeteckning": "5593128415" }`
 * answers `{ "organisationer": [ ... ] }`; each organisation carries the fields of the published
 * Värdefulla datamängder v1 specification (organisationsidentitet, organisationsnamn,
 * organisationsform, avregistreradOrganisation, verksamOrganisation,
 * pagandeAvvecklingsEllerOmstruktureringsforfarande) and, in Företagsinformation (the agreement
 * API that holds who may sign), `firmateckning.firmatecknare`. An unknown number is a 404 (or an
 * empty list). A malformed answer is refused whole (parseRegisterJson).
 */

const Kod = z.object({ kod: z.string(), klartext: z.string().optional() });

const Organisation = z.object({
  organisationsidentitet: z.object({ identitetsbeteckning: z.string().regex(/^[0-9]{10}$/), typ: Kod.optional() }),
  organisationsnamn: z.object({
    organisationsnamnLista: z
      .array(
        z.object({
          namn: z.string().min(1),
          organisationsnamntyp: Kod,
          registreringsdatum: z.string().nullish(),
        }),
      )
      .min(1),
  }),
  organisationsform: Kod.extend({ klartext: z.string() }),
  avregistreradOrganisation: z.object({ avregistreringsdatum: z.string() }).nullish(),
  verksamOrganisation: Kod.nullish(),
  pagandeAvvecklingsEllerOmstruktureringsforfarande: z
    .object({
      pagandeAvvecklingsEllerOmstruktureringsforfarandeLista: z.array(Kod.extend({ fromDatum: z.string().nullish() })),
    })
    .nullish(),
  firmateckning: z.object({
    klartext: z.string().nullish(),
    firmatecknare: z.array(
      z.object({
        identitet: z.object({ identitetsbeteckning: z.string().regex(/^[0-9]{12}$/) }),
        fornamn: z.string(),
        efternamn: z.string(),
        tecknar: z.object({ kod: z.enum(["ENSAM", "GEMENSAM"]) }),
      }),
    ),
  }),
});

const Answer = z.object({ organisationer: z.array(Organisation) });

type Organisation = z.infer<typeof Organisation>;

/** Avveckling codes: konkurs, likvidation, företagsrekonstruktion (Bolagsverket's code list). */
function statusOf(o: Organisation): CompanyStatus {
  if (o.avregistreradOrganisation) return "deregistered";
  const ongoing =
    o.pagandeAvvecklingsEllerOmstruktureringsforfarande?.pagandeAvvecklingsEllerOmstruktureringsforfarandeLista ?? [];
  const codes = new Set(ongoing.map((p) => p.kod));
  if (codes.has("KK")) return "bankruptcy";
  if (codes.has("LI")) return "liquidation";
  if (codes.has("RE") || codes.has("FR")) return "reconstruction";
  if (o.verksamOrganisation && o.verksamOrganisation.kod !== "JA") return "inactive";
  return "active";
}

function companyOf(o: Organisation): Company {
  const digits = o.organisationsidentitet.identitetsbeteckning;
  const names = o.organisationsnamn.organisationsnamnLista;
  const name = (names.find((n) => n.organisationsnamntyp.kod === "FORETAGSNAMN") ?? names[0]!).namn;
  return {
    orgNumber: `${digits.slice(0, 6)}-${digits.slice(6)}`,
    name,
    legalForm: { code: o.organisationsform.kod, text: o.organisationsform.klartext },
    status: statusOf(o),
    signatories: o.firmateckning.firmatecknare.map((f) => ({
      personnummer: f.identitet.identitetsbeteckning,
      name: `${f.fornamn} ${f.efternamn}`,
      signs: f.tecknar.kod === "ENSAM" ? "alone" : "jointly",
    })),
  };
}

export interface BolagsverketConfig {
  baseUrl: string;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  http?: Omit<RegisterHttpOptions, "register">;
}

export function createBolagsverketClient(config: BolagsverketConfig): CompanyRegister {
  const http: RegisterHttpOptions = { register: "Bolagsverket", timeoutMs: 5_000, attempts: 3, ...config.http };
  const credentials = new ClientCredentials({
    ...http,
    tokenUrl: config.tokenUrl,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
  });
  const base = config.baseUrl.replace(/\/$/, "");

  async function ask(digits: string) {
    return registerRequest(
      `${base}/organisationer`,
      {
        method: "POST",
        headers: {
          authorization: `Bearer ${await credentials.token()}`,
          "content-type": "application/json",
          accept: "application/json",
          "x-request-id": randomUUID(),
        },
        body: JSON.stringify({ identitetsbeteckning: digits }),
      },
      http,
    );
  }

  return {
    name: "bolagsverket",
    async getCompany(orgNumber) {
      const digits = orgNumber.replace("-", "");
      let answer = await ask(digits);
      if (answer.status === 401) {
        // The token ran out or was withdrawn before its stated lifetime: one new token, one new try.
        credentials.invalidate();
        answer = await ask(digits);
      }
      if (answer.status === 404) return null;
      if (answer.status !== 200) throw new RegisterAnswerError("Bolagsverket", `status ${answer.status}`);
      const parsed = parseRegisterJson("Bolagsverket", answer.text, Answer);
      const match = parsed.organisationer.find((o) => o.organisationsidentitet.identitetsbeteckning === digits);
      if (parsed.organisationer.length > 0 && !match)
        throw new RegisterAnswerError("Bolagsverket", "answer names another organisation");
      return match ? companyOf(match) : null;
    },
  };
}

export function bolagsverketFromEnv(): CompanyRegister {
  const e = env();
  if (!e.BOLAGSVERKET_URL || !e.BOLAGSVERKET_TOKEN_URL || !e.BOLAGSVERKET_CLIENT_ID || !e.BOLAGSVERKET_CLIENT_SECRET)
    throw new Error("COMPANY_REGISTER=bolagsverket needs BOLAGSVERKET_URL, _TOKEN_URL, _CLIENT_ID and _CLIENT_SECRET");
  return createBolagsverketClient({
    baseUrl: e.BOLAGSVERKET_URL,
    tokenUrl: e.BOLAGSVERKET_TOKEN_URL,
    clientId: e.BOLAGSVERKET_CLIENT_ID,
    clientSecret: e.BOLAGSVERKET_CLIENT_SECRET,
  });
}
