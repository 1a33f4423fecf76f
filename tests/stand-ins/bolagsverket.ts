import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import { organisations, representations, testPersons } from "../../db/seed/content/people";
import type { StandIn } from "./index";

/**
 * Bolagsverket's company API, as a local stand-in (decision 069). It follows:
 * - the OAuth 2.0 token endpoint of Bolagsverket's API portal (portal.api.bolagsverket.se/oauth2/token,
 *   client credentials with HTTP Basic, RFC 6749 section 4.4);
 * - "VärdefullaDatamängder" OpenAPI 3.0.3, version v1 (server gw.api.bolagsverket.se/vardefulla-datamangder/v1,
 *   operation `organisationer`: POST with `{ "identitetsbeteckning" }`, answer `{ "organisationer": [...] }`
 *   with organisationsidentitet, organisationsnamn.organisationsnamnLista, organisationsform,
 *   avregistreradOrganisation, verksamOrganisation, pagandeAvvecklingsEllerOmstruktureringsforfarande;
 *   errors 400/401/403/404/500 with a JSON error body), read from the published specification
 *   (swagger-2.json as mirrored with Bolagsverket's API documentation);
 * - for who may sign: Bolagsverket's Företagsinformation API (v4, by agreement), which adds
 *   `firmateckning` to the same organisation; its field names here are our reading of its public
 *   description and are to be checked against the agreement's specification (decision 069).
 * It serves the example companies of db/seed/content/people.ts (the demo adapter's data) and, for
 * tests, special numbers: not found, malformed answer, slow answer, 5xx, and a company in liquidation.
 */
export const BOLAGSVERKET_SPECIAL = {
  notFound: "556999-0012",
  malformed: "556999-0020",
  slow: "556999-0038",
  serverError: "556999-0046",
  inLiquidation: "556999-0053",
} as const;

export const BOLAGSVERKET_CLIENT = { id: "dalsland-portal", secret: "stand-in-secret" } as const;

const FORMS = {
  aktiebolag: { kod: "AB", klartext: "Aktiebolag" },
  "handelsbolag-kommanditbolag": { kod: "HB", klartext: "Handelsbolag" },
  "ekonomisk-forening": { kod: "EK", klartext: "Ekonomisk förening" },
  "ideell-forening-stiftelse": { kod: "IF", klartext: "Ideell förening" },
} as const;

function organisationAnswer(orgNumber: string): Record<string, unknown> | null {
  const liquidation = orgNumber === BOLAGSVERKET_SPECIAL.inLiquidation;
  const o = liquidation
    ? { organisationsnummer: orgNumber, name: "Avvecklingen i Åmål AB", legalForm: "aktiebolag" as const }
    : organisations.find((x) => x.organisationsnummer === orgNumber);
  if (!o) return null;
  const people = new Map(testPersons.map((p) => [p.personnummer, p]));
  const signatories = liquidation
    ? ["198002079294"]
    : representations
        .filter((r) => r.organisationsnummer === orgNumber && r.role === "firmatecknare")
        .map((r) => r.personnummer);
  return {
    organisationsidentitet: {
      identitetsbeteckning: orgNumber.replace("-", ""),
      typ: { kod: "ORGNR", klartext: "Organisationsnummer" },
    },
    organisationsnamn: {
      dataproducent: "Bolagsverket",
      organisationsnamnLista: [
        {
          namn: o.name,
          organisationsnamntyp: { kod: "FORETAGSNAMN", klartext: "Företagsnamn" },
          registreringsdatum: "2015-03-02",
        },
      ],
    },
    organisationsform: { dataproducent: "Bolagsverket", ...FORMS[o.legalForm] },
    avregistreradOrganisation: null,
    verksamOrganisation: { kod: "JA", klartext: "Ja" },
    pagandeAvvecklingsEllerOmstruktureringsforfarande: liquidation
      ? {
          pagandeAvvecklingsEllerOmstruktureringsforfarandeLista: [
            { kod: "LI", klartext: "Likvidation", fromDatum: "2026-10-01" },
          ],
        }
      : null,
    firmateckning: {
      klartext: "Firman tecknas av var och en av firmatecknarna.",
      firmatecknare: signatories.map((pnr) => ({
        identitet: { identitetsbeteckning: pnr },
        fornamn: people.get(pnr)?.givenName ?? "",
        efternamn: people.get(pnr)?.familyName ?? "",
        tecknar: { kod: "ENSAM", klartext: "Ensam" },
      })),
    },
  };
}

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(typeof body === "string" ? body : JSON.stringify(body));
}

function fel(res: ServerResponse, status: number, title: string) {
  send(res, status, { type: "about:blank", status, title, timestamp: new Date().toISOString(), requestId: "stand-in" });
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export interface BolagsverketStandIn {
  listener: RequestListener;
  /** Every token issued so far. */
  tokensIssued: () => number;
  /** Withdraw every token issued so far (the next API call answers 401). */
  revokeTokens: () => void;
  /** Company look-ups answered (any status). */
  lookups: () => number;
}

export function bolagsverketStandIn(options: { slowMs?: number } = {}): BolagsverketStandIn {
  const valid = new Set<string>();
  let issued = 0;
  let lookups = 0;
  const listener: RequestListener = (req, res) => {
    void (async () => {
      const body = await readBody(req);
      const path = (req.url ?? "").split("?")[0];
      if (req.method === "POST" && path === "/oauth2/token") {
        const expected = `Basic ${Buffer.from(`${BOLAGSVERKET_CLIENT.id}:${BOLAGSVERKET_CLIENT.secret}`).toString("base64")}`;
        const form = new URLSearchParams(body);
        if (req.headers.authorization !== expected) return send(res, 401, { error: "invalid_client" });
        if (form.get("grant_type") !== "client_credentials") return send(res, 400, { error: "unsupported_grant_type" });
        issued++;
        const token = `bv-token-${issued}-${Math.random().toString(36).slice(2)}`;
        valid.add(token);
        return send(res, 200, {
          access_token: token,
          token_type: "Bearer",
          expires_in: 3600,
          scope: "foretagsinformation:read",
        });
      }
      if (req.method === "POST" && path === "/foretagsinformation/v4/organisationer") {
        lookups++;
        const bearer = req.headers.authorization?.startsWith("Bearer ") ? req.headers.authorization.slice(7) : "";
        if (!valid.has(bearer)) return fel(res, 401, "Unauthorized");
        let asked: unknown;
        try {
          asked = (JSON.parse(body) as { identitetsbeteckning?: unknown }).identitetsbeteckning;
        } catch {
          return fel(res, 400, "Bad Request");
        }
        if (typeof asked !== "string" || !/^[0-9]{10}$/.test(asked)) return fel(res, 400, "Bad Request");
        const orgNumber = `${asked.slice(0, 6)}-${asked.slice(6)}`;
        if (orgNumber === BOLAGSVERKET_SPECIAL.serverError) return fel(res, 500, "Internal server error");
        if (orgNumber === BOLAGSVERKET_SPECIAL.slow) await new Promise((r) => setTimeout(r, options.slowMs ?? 10_000));
        if (orgNumber === BOLAGSVERKET_SPECIAL.malformed)
          return send(res, 200, { organisationer: [{ organisationsidentitet: { identitetsbeteckning: asked } }] });
        const answer = organisationAnswer(orgNumber);
        if (!answer) return fel(res, 404, "Not Found");
        return send(res, 200, { organisationer: [answer] });
      }
      return fel(res, 404, "Not Found");
    })();
  };
  return {
    listener,
    tokensIssued: () => issued,
    revokeTokens: () => valid.clear(),
    lookups: () => lookups,
  };
}

export const BOLAGSVERKET_STAND_IN: StandIn = {
  name: "bolagsverket",
  listener: () => bolagsverketStandIn().listener,
  env: (baseUrl) => ({
    COMPANY_REGISTER: "bolagsverket",
    BOLAGSVERKET_URL: `${baseUrl}/foretagsinformation/v4`,
    BOLAGSVERKET_TOKEN_URL: `${baseUrl}/oauth2/token`,
    BOLAGSVERKET_CLIENT_ID: BOLAGSVERKET_CLIENT.id,
    BOLAGSVERKET_CLIENT_SECRET: BOLAGSVERKET_CLIENT.secret,
  }),
};
