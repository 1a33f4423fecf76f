import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import { randomBytes } from "node:crypto";
import { organisations, properties, testPersons } from "../../db/seed/content/people";
import { seedMunicipalities } from "../../db/seed/content/municipalities";
import { EXAMPLE_KOMMUNKOD, exampleObjektidentitet } from "../../db/seed/content/property-register";
import type { StandIn } from "./index";

/**
 * Lantmäteriet's property APIs on loopback (decision 068), answering the request and response
 * formats of the published Direkt products (Lantmäteriet, Geotorget documentation, "Teknisk
 * beskrivning" of each product, read December 2026):
 *  - Registerbeteckning Direkt v5.0 (GEODOK/11): GET /registerbeteckning/v5/namn?namn= →
 *    GeoJSON FeatureCollection of Beteckning (registerenhetsreferens, registerbeteckning[]).
 *  - Belägenhetsadress Direkt v4.2: GET /belagenhetsadress/v4.2/registerenhet/{id}?includeData=basinformation
 *    → FeatureCollection of Belägenhetsadress (adressplatsattribut, adressomrade.kommundel.kommun).
 *  - Inskrivning Direkt v3.0 (GEODOK/7): GET /inskrivning/v3/beror/{id}?includeData=agareAktuella
 *    → Inskrivningsfastighet with the current owners; the field names of the owner part are
 *    modelled on the information description (Inskrivet ägande, Ägare – Aktuella), see 068.
 *  - The API gateway's token endpoint: POST /token, OAuth 2.0 client credentials (RFC 6749 4.4).
 * Errors are a status with a Fault body, as the products describe.
 *
 * Data: the example properties of db/seed/content/people.ts (what the demo adapter serves), a few
 * outside the five municipalities, and designations that make trouble on purpose (TRIGGERS).
 */
export const LANTMATERIET_CLIENT = { id: "dalsland-portal", secret: "stand-in-secret" };

/** Designations that make the stand-in misbehave, for the tests. */
export const TRIGGERS = {
  malformed: "Åmål Trasig 1:1",
  slow: "Åmål Långsam 1:1",
  serverError: "Åmål Serverfel 1:1",
  /** Every request is refused with 401. */
  refused: "Åmål Låst 1:1",
} as const;

interface StandInProperty {
  designation: string;
  registeromrade: string;
  trakt: string;
  block: string | null;
  enhet: number;
  kommunkod: string;
  kommunnamn: string;
  address: { gata: string; nummer: string; postnummer: number; postort: string } | null;
  owners: (
    | { person: { fornamn: string; efternamn: string; personnummer: string } }
    | { organisation: { organisationsnamn: string; organisationsnummer: string } }
  )[];
}

function split(designation: string, kommun: string) {
  const rest = designation.slice(kommun.length + 1);
  const space = rest.lastIndexOf(" ");
  const [block = "", enhet = ""] = rest.slice(space + 1).split(":");
  return { registeromrade: kommun, trakt: rest.slice(0, space), block, enhet: Number(enhet) };
}

function street(text: string) {
  const space = text.lastIndexOf(" ");
  return { gata: text.slice(0, space), nummer: text.slice(space + 1) };
}

function exampleProperties(): StandInProperty[] {
  const out: StandInProperty[] = properties.map((p) => {
    const m = seedMunicipalities.find((x) => x.slug === p.municipality);
    const kommun = m?.name ?? "";
    const owner = p.owner;
    const person = owner.kind === "person" ? testPersons.find((x) => x.personnummer === owner.personnummer) : null;
    const org =
      owner.kind === "organisation"
        ? organisations.find((x) => x.organisationsnummer === owner.organisationsnummer)
        : null;
    return {
      designation: p.designation,
      ...split(p.designation, kommun),
      kommunkod: EXAMPLE_KOMMUNKOD[p.municipality],
      kommunnamn: kommun,
      address: {
        ...street(p.address.street),
        postnummer: Number(p.address.postalCode.replace(" ", "")),
        postort: p.address.town,
      },
      owners: [
        ...(person
          ? [{ person: { fornamn: person.givenName, efternamn: person.familyName, personnummer: person.personnummer } }]
          : org
            ? [{ organisation: { organisationsnamn: org.name, organisationsnummer: org.organisationsnummer } }]
            : []),
        // Co-owners (decision 093): each a lagfart of its own share.
        ...(p.coOwners ?? []).flatMap((pnr) => {
          const co = testPersons.find((x) => x.personnummer === pnr);
          return co ? [{ person: { fornamn: co.givenName, efternamn: co.familyName, personnummer: pnr } }] : [];
        }),
        // Co-owning organisations (decision 100).
        ...(p.coOwnerOrganisations ?? []).flatMap((orgnr) => {
          const co = organisations.find((x) => x.organisationsnummer === orgnr);
          return co ? [{ organisation: { organisationsnamn: co.name, organisationsnummer: orgnr } }] : [];
        }),
      ],
    };
  });
  const outside: StandInProperty[] = [
    {
      designation: "Stockholm Norrmalm 3:5",
      registeromrade: "Stockholm",
      trakt: "Norrmalm",
      block: "3",
      enhet: 5,
      kommunkod: "0180",
      kommunnamn: "Stockholm",
      address: { gata: "Exempelgatan", nummer: "5", postnummer: 11122, postort: "Stockholm" },
      owners: [
        {
          organisation: { organisationsnamn: "Exempelfastigheter i Stockholm AB", organisationsnummer: "556677-8899" },
        },
      ],
    },
    {
      designation: "Vänersborg Gropen 1:2",
      registeromrade: "Vänersborg",
      trakt: "Gropen",
      block: "1",
      enhet: 2,
      kommunkod: "1487",
      kommunnamn: "Vänersborg",
      address: { gata: "Gropvägen", nummer: "2", postnummer: 46230, postort: "Vänersborg" },
      owners: [{ person: { fornamn: "Exempel", efternamn: "Ägaresson", personnummer: "197001012384" } }],
    },
    {
      designation: "Göteborg Inom Vallgraven 1:1",
      registeromrade: "Göteborg",
      trakt: "Inom Vallgraven",
      block: "1",
      enhet: 1,
      kommunkod: "1480",
      kommunnamn: "Göteborg",
      address: null,
      owners: [],
    },
  ];
  const triggers: StandInProperty[] = Object.values(TRIGGERS).map((designation) => ({
    designation,
    ...split(designation, "Åmål"),
    kommunkod: "1492",
    kommunnamn: "Åmål",
    address: { gata: "Provvägen", nummer: "1", postnummer: 66230, postort: "Åmål" },
    owners: [{ organisation: { organisationsnamn: "Åmåls kommun", organisationsnummer: "212000-1439" } }],
  }));
  return [...out, ...outside, ...triggers];
}

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  res.end(JSON.stringify(body));
}

function fault(res: ServerResponse, status: number, message: string) {
  send(res, status, { code: status, message });
}

function fold(text: string): string {
  return text.normalize("NFC").toLocaleLowerCase("sv").split(" ").filter(Boolean).join(" ");
}

export interface LantmaterietStandIn {
  listener: RequestListener;
  /** Requests seen, for the tests: token requests and API requests by path. */
  calls: { token: number; api: string[] };
  /** Every token issued so far stops being valid (as at the gateway when they expire early). */
  expireTokens: () => void;
}

export function createLantmaterietStandIn(options: { slowMs?: number } = {}): LantmaterietStandIn {
  const data = exampleProperties();
  const byId = new Map(data.map((p) => [exampleObjektidentitet(p.designation), p]));
  const tokens = new Set<string>();
  const calls = { token: 0, api: [] as string[] };

  const listener: RequestListener = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://stand-in");
    const path = url.pathname;
    if (req.method === "POST" && path === "/token") {
      calls.token++;
      const expected = `Basic ${Buffer.from(`${LANTMATERIET_CLIENT.id}:${LANTMATERIET_CLIENT.secret}`).toString("base64")}`;
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const form = new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
        if (req.headers.authorization !== expected || form.get("grant_type") !== "client_credentials")
          return send(res, 401, { error: "invalid_client" });
        const token = randomBytes(16).toString("hex");
        tokens.add(token);
        send(res, 200, { access_token: token, token_type: "Bearer", expires_in: 3600, scope: "am_application_scope" });
      });
      return;
    }
    if (req.method !== "GET") return fault(res, 405, "Method not allowed");
    calls.api.push(path);
    const auth = req.headers.authorization ?? "";
    const token = auth.startsWith("Bearer ") ? auth.slice(7) : "";
    if (!tokens.has(token)) return fault(res, 401, "Invalid token");

    let prop: StandInProperty | undefined;
    let kind: "namn" | "adress" | "inskrivning";
    const prefixes = {
      adress: "/belagenhetsadress/v4.2/registerenhet/",
      inskrivning: "/inskrivning/v3/beror/",
    };
    if (path === "/registerbeteckning/v5/namn") {
      kind = "namn";
      const namn = fold(url.searchParams.get("namn") ?? "");
      prop = data.find((p) => fold(p.designation) === namn);
    } else if (path.startsWith(prefixes.adress)) {
      kind = "adress";
      prop = byId.get(path.slice(prefixes.adress.length));
    } else if (path.startsWith(prefixes.inskrivning)) {
      kind = "inskrivning";
      prop = byId.get(path.slice(prefixes.inskrivning.length));
    } else return fault(res, 404, "Not found");

    if (prop?.designation === TRIGGERS.refused) return fault(res, 401, "Invalid token");
    if (prop?.designation === TRIGGERS.serverError) return fault(res, 503, "Service unavailable");
    const answer = () => {
      if (kind === "namn") {
        if (!prop) return send(res, 200, { type: "FeatureCollection", features: [] });
        const id = exampleObjektidentitet(prop.designation);
        const registerbeteckning = {
          objektidentitet: exampleObjektidentitet(`beteckning:${prop.designation}`),
          registeromrade: prop.registeromrade,
          trakt: prop.trakt,
          block: prop.block,
          enhet: prop.designation === TRIGGERS.malformed ? "ett" : prop.enhet,
          beteckningsstatus: "gällande",
        };
        return send(res, 200, {
          type: "FeatureCollection",
          features: [
            {
              type: "Feature",
              id,
              geometry: null,
              properties: {
                registerenhetsreferens: { objektidentitet: id, objektstatus: "levande", typ: "Fastighet" },
                registerbeteckning: [registerbeteckning],
              },
            },
          ],
        });
      }
      if (!prop) return fault(res, 404, "Not found");
      if (kind === "adress")
        return send(res, 200, {
          type: "FeatureCollection",
          features: prop.address
            ? [
                {
                  type: "Feature",
                  id: exampleObjektidentitet(`adress:${prop.designation}`),
                  geometry: { type: "Point", coordinates: [6500000, 340000] },
                  properties: {
                    adressplatsattribut: {
                      adressplatsbeteckning: { adressplatsnummer: prop.address.nummer, bokstavstillagg: null },
                      postnummer: prop.address.postnummer,
                      postort: prop.address.postort,
                    },
                    adressomrade: {
                      faststalltNamn: prop.address.gata,
                      kommundel: {
                        faststalltNamn: prop.kommunnamn,
                        kommun: { kommunkod: prop.kommunkod, kommunnamn: prop.kommunnamn },
                      },
                    },
                  },
                },
              ]
            : [],
        });
      const id = exampleObjektidentitet(prop.designation);
      return send(res, 200, {
        objektidentitet: exampleObjektidentitet(`inskrivning:${prop.designation}`),
        fastighetsreferens: { objektidentitet: id },
        agare: prop.owners.map((o) => ({ typ: "Lagfart", andel: { taljare: 1, namnare: prop!.owners.length }, ...o })),
      });
    };
    if (prop?.designation === TRIGGERS.slow) setTimeout(answer, options.slowMs ?? 3_000);
    else answer();
  };
  return { listener, calls, expireTokens: () => tokens.clear() };
}

export const lantmaterietStandIn: StandIn = {
  name: "Lantmäteriet",
  listener: () => createLantmaterietStandIn().listener,
  env: (baseUrl) => ({
    PROPERTY_REGISTER: "lantmateriet",
    LANTMATERIET_URL: baseUrl,
    LANTMATERIET_TOKEN_URL: `${baseUrl}/token`,
    LANTMATERIET_CLIENT_ID: LANTMATERIET_CLIENT.id,
    LANTMATERIET_CLIENT_SECRET: LANTMATERIET_CLIENT.secret,
  }),
};
