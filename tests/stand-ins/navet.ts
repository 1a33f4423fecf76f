import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import { XMLParser } from "fast-xml-parser";
import { households, testPersons, type Address } from "../../db/seed/content/people";
import type { StandIn } from "./index";

/**
 * Stand-in for Skatteverket's Navet, "Folkbokföringsuppgifter för offentliga aktörer – SOAP"
 * (ePersondata V1, operation personpost), answering from the example people of
 * db/seed/content/people.ts. Format followed (decision 067): SOAP 1.1 request PersonpostRequest
 * { Bestallning { OrgNr, BestallningsId }, PersonId } in namespace NS below; answer
 * PersonpostXMLResponse { Folkbokforingsposter { Folkbokforingspost { Sekretessmarkering,
 * SkyddadFolkbokforing, Personpost { PersonId/PersonNr, Namn, Folkbokforing/KommunKod,
 * Adresser/Folkbokforingsadress, Relationer/Relation } } } }, as in the answers published by the
 * open-source Navet clients cited in docs/decisions/067 (Skatteverket gives its own technical
 * description to subscribers only). An unknown number gets an empty Folkbokforingsposter; a
 * wrong order gets a SOAP fault (HTTP 500).
 */
const NS = "http://xmls.skatteverket.se/se/skatteverket/folkbokforing/na/epersondata/V1";
export const NAVET_ORG_NR = "2120001637";
export const NAVET_ORDER_ID = "00000236-FO01-0001";

/** Special numbers for the tests (never in the example data): each triggers one failure. */
export const NAVET_MALFORMED = "191212121212";
export const NAVET_SLOW = "191111111111";
export const NAVET_FAILS = "191010101010";

const KOMMUN_KOD = { bengtsfors: "1460", "dals-ed": "1438", fargelanda: "1439", mellerud: "1461", amal: "1492" };

const esc = (v: string) => v.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

function addressOf(personnummer: string): Address | undefined {
  return households.find((h) => h.members.some((m) => m.personnummer === personnummer))?.address;
}

export function personpostXml(personnummer: string): string {
  const p = testPersons.find((t) => t.personnummer === personnummer);
  if (!p) return envelope("<ns0:Folkbokforingsposter/>");
  const relations: string[] = [];
  for (const h of households)
    for (const m of h.members) {
      if (m.role !== "child") continue;
      if (m.personnummer === personnummer) for (const c of m.custody) relations.push(relation(c, "V"));
      if (m.custody.includes(personnummer)) relations.push(relation(m.personnummer, "VF"));
    }
  const a = addressOf(personnummer);
  const post = [
    "<Folkbokforingspost>",
    `<Sekretessmarkering>${p.protectedIdentity === "sekretessmarkering" ? "J" : "N"}</Sekretessmarkering>`,
    `<SkyddadFolkbokforing>${p.protectedIdentity === "skyddad-folkbokforing" ? "J" : "N"}</SkyddadFolkbokforing>`,
    "<Personpost>",
    `<PersonId><PersonNr>${p.personnummer}</PersonNr></PersonId>`,
    `<Namn><Fornamn>${esc(p.givenName)}</Fornamn><Efternamn>${esc(p.familyName)}</Efternamn></Namn>`,
    p.municipality ? `<Folkbokforing><KommunKod>${KOMMUN_KOD[p.municipality]}</KommunKod></Folkbokforing>` : "",
    a
      ? `<Adresser><Folkbokforingsadress><Utdelningsadress2>${esc(a.street)}</Utdelningsadress2>` +
        (a.apartment ? `<Lagenhetsnummer>${a.apartment}</Lagenhetsnummer>` : "") +
        `<PostNr>${a.postalCode.replace(" ", "")}</PostNr><Postort>${esc(a.town)}</Postort></Folkbokforingsadress></Adresser>`
      : "",
    relations.length ? `<Relationer>${relations.join("")}</Relationer>` : "",
    "</Personpost></Folkbokforingspost>",
  ].join("");
  return envelope(`<ns0:Folkbokforingsposter>${post}</ns0:Folkbokforingsposter>`);
}

function relation(personnummer: string, typ: "V" | "VF"): string {
  return `<Relation><RelationId><PersonNr>${personnummer}</PersonNr></RelationId><Relationstyp>${typ}</Relationstyp></Relation>`;
}

function envelope(body: string): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?><S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/"><S:Body>` +
    `<ns0:PersonpostXMLResponse xmlns:ns0="${NS}">${body}</ns0:PersonpostXMLResponse></S:Body></S:Envelope>`
  );
}

function fault(res: ServerResponse, text: string): void {
  res.writeHead(500, { "content-type": "text/xml; charset=utf-8" });
  res.end(
    `<?xml version="1.0" encoding="UTF-8"?><S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/"><S:Body>` +
      `<S:Fault><faultcode>S:Server</faultcode><faultstring>${esc(text)}</faultstring></S:Fault></S:Body></S:Envelope>`,
  );
}

const parser = new XMLParser({ removeNSPrefix: true, parseTagValue: false });

function body(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/**
 * `outage` lets a test take the whole register down, as when Skatteverket's service is down for
 * everyone: "fault" answers every request with the SOAP fault (HTTP 500), "slow" answers nothing
 * for `slowMs` (the client's time-out decides).
 */
export function navetListener(
  options: { outage?: () => "fault" | "slow" | undefined; slowMs?: number } = {},
): RequestListener {
  const slowMs = options.slowMs ?? 10_000;
  return (req, res) => {
    void (async () => {
      const outage = options.outage?.();
      if (outage === "fault") return fault(res, "Tjänsten är inte tillgänglig");
      if (outage === "slow") await new Promise((resolve) => setTimeout(resolve, slowMs));
      if (req.method !== "POST") return fault(res, "Only POST");
      const xml = await body(req);
      const doc = parser.parse(xml) as {
        Envelope?: {
          Body?: {
            PersonpostRequest?: { Bestallning?: { OrgNr?: string; BestallningsId?: string }; PersonId?: string };
          };
        };
      };
      const r = doc.Envelope?.Body?.PersonpostRequest;
      if (!r || r.Bestallning?.OrgNr !== NAVET_ORG_NR || r.Bestallning.BestallningsId !== NAVET_ORDER_ID)
        return fault(res, "Ogiltig beställning");
      const pnr = String(r.PersonId ?? "");
      if (pnr === NAVET_FAILS) return fault(res, "Tekniskt fel");
      if (pnr === NAVET_SLOW) await new Promise((resolve) => setTimeout(resolve, slowMs));
      res.writeHead(200, { "content-type": "text/xml; charset=utf-8" });
      if (pnr === NAVET_MALFORMED)
        return res.end(
          envelope(
            "<ns0:Folkbokforingsposter><Folkbokforingspost><Personpost><Namn/></Personpost></Folkbokforingspost></ns0:Folkbokforingsposter>",
          ),
        );
      res.end(personpostXml(pnr));
    })();
  };
}

export const navetStandIn: StandIn = {
  name: "navet",
  listener: () => navetListener(),
  env: (baseUrl) => ({
    POPULATION_REGISTER: "navet",
    NAVET_URL: `${baseUrl}/na/na_epersondata/V2/personpostXML`,
    NAVET_ORG_NR,
    NAVET_ORDER_ID,
  }),
};
