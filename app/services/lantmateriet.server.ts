/**
 * Lantmäteriet's property information over its published Direkt APIs (decision 068), behind
 * OAuth 2.0 client credentials (the API gateway's token endpoint). One look-up is three calls
 * under the configured base (LANTMATERIET_URL, e.g. https://api.lantmateriet.se/distribution/produkter):
 *  1. Registerbeteckning Direkt v5: GET /registerbeteckning/v5/namn?namn=<designation>
 *     → GeoJSON FeatureCollection; `registerenhetsreferens.objektidentitet` names the property.
 *  2. Belägenhetsadress Direkt v4.2: GET /belagenhetsadress/v4.2/registerenhet/{id}?includeData=basinformation
 *     → its addresses, with the municipality's kommunkod and name.
 *  3. Inskrivning Direkt v3: GET /inskrivning/v3/beror/{id}?includeData=agareAktuella
 *     → the current owners (lagfart).
 * Every answer is checked against the schema below and refused whole when it does not fit. A
 * 401 drops the token and asks once more with a new one. The personnummer of a private owner is
 * turned into its HMAC here and goes no further: not into the result, logs or errors.
 */
import { z } from "zod";
import type { PropertyDesignation } from "../../forms/lib/property-designation";
import { hmacIndex } from "~/platform/crypto.server";
import {
  ClientCredentials,
  RegisterAnswerError,
  parseRegisterJson,
  registerRequest,
  type RegisterAnswer,
  type RegisterHttpOptions,
} from "~/platform/register-http.server";
import type { PropertyLookup, PropertyOwner, PropertyRegister } from "./property-register.server";

const REGISTER = "Lantmäteriet";

export interface LantmaterietConfig {
  baseUrl: string;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  /** Per attempt (default 5 s), attempts (default 3) and first pause (default 200 ms). */
  timeoutMs?: number;
  attempts?: number;
  backoffMs?: number;
}

const featureCollection = <T extends z.ZodTypeAny>(properties: T) =>
  z.object({
    type: z.literal("FeatureCollection"),
    features: z.array(z.object({ type: z.literal("Feature"), id: z.string().optional(), properties })),
  });

/** Registerbeteckning Direkt v5 (registerbeteckning-5.0.0.json), the parts read here. */
const RegisterbeteckningSchema = featureCollection(
  z.object({
    registerenhetsreferens: z
      .object({
        objektidentitet: z.string().uuid(),
        objektstatus: z.enum(["levande", "avregistrerad"]),
        typ: z.enum(["Fastighet", "Samfällighet"]),
      })
      .nullish(),
    registerbeteckning: z.array(
      z.object({
        registeromrade: z.string().min(1),
        trakt: z.string().min(1),
        block: z.string().nullish(),
        enhet: z.number().int().positive(),
        beteckningsstatus: z.enum(["gällande", "ledig", "omregistrerad", "reserverad", "spärrad"]),
      }),
    ),
  }),
);

/** Belägenhetsadress Direkt v4.2, includeData=basinformation, the parts read here. */
const AdressSchema = featureCollection(
  z.object({
    adressplatsattribut: z.object({
      adressplatsbeteckning: z.object({
        adressplatsnummer: z.string().nullish(),
        bokstavstillagg: z.string().nullish(),
      }),
      postnummer: z.number().int().nullish(),
      postort: z.string().nullish(),
    }),
    adressomrade: z.object({
      faststalltNamn: z.string().min(1),
      kommundel: z.object({
        kommun: z.object({ kommunkod: z.string().length(4), kommunnamn: z.string().min(1) }),
      }),
    }),
  }),
);

/** Inskrivning Direkt v3, includeData=agareAktuella: Inskrivet ägande, Ägare – Aktuella. */
const InskrivningSchema = z.object({
  objektidentitet: z.string().uuid(),
  fastighetsreferens: z.object({ objektidentitet: z.string().uuid() }),
  agare: z.array(
    z.object({
      typ: z.enum(["Lagfart", "Tomträtt"]),
      andel: z.object({ taljare: z.number().int().positive(), namnare: z.number().int().positive() }),
      person: z
        .object({ fornamn: z.string().min(1), efternamn: z.string().min(1), personnummer: z.string().nullish() })
        .nullish(),
      organisation: z
        .object({ organisationsnamn: z.string().min(1), organisationsnummer: z.string().min(1) })
        .nullish(),
    }),
  ),
});

function postalCode(n: number): string {
  const digits = String(n).padStart(5, "0");
  return `${digits.slice(0, 3)} ${digits.slice(3)}`;
}

function owner(a: z.infer<typeof InskrivningSchema>["agare"][number]): PropertyOwner {
  if (a.organisation)
    return {
      kind: "organisation",
      name: a.organisation.organisationsnamn,
      organisationsnummer: a.organisation.organisationsnummer,
    };
  if (a.person) {
    const pnr = a.person.personnummer?.replace("-", "") ?? null;
    return {
      kind: "person",
      name: `${a.person.fornamn} ${a.person.efternamn}`,
      personnummerHmac: pnr && pnr.length === 12 ? hmacIndex(pnr) : null,
    };
  }
  throw new RegisterAnswerError(REGISTER, "agare: neither person nor organisation");
}

export function createLantmaterietRegister(config: LantmaterietConfig): PropertyRegister {
  const http: RegisterHttpOptions = {
    register: REGISTER,
    timeoutMs: config.timeoutMs,
    attempts: config.attempts,
    backoffMs: config.backoffMs,
  };
  const credentials = new ClientCredentials({
    ...http,
    tokenUrl: config.tokenUrl,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
  });
  const base = config.baseUrl.endsWith("/") ? config.baseUrl.slice(0, -1) : config.baseUrl;

  async function get(path: string): Promise<RegisterAnswer> {
    for (let round = 0; ; round++) {
      const token = await credentials.token();
      const answer = await registerRequest(
        `${base}${path}`,
        { method: "GET", headers: { accept: "application/json", authorization: `Bearer ${token}` } },
        http,
      );
      if (answer.status !== 401) return answer;
      credentials.invalidate();
      if (round > 0) throw new RegisterAnswerError(REGISTER, "the API refused a new token (401)");
    }
  }

  function expectOk(answer: RegisterAnswer, what: string) {
    if (answer.status !== 200) throw new RegisterAnswerError(REGISTER, `${what} answered ${answer.status}`);
  }

  return {
    name: REGISTER,
    async lookup(designation: PropertyDesignation): Promise<PropertyLookup> {
      const named = await get(`/registerbeteckning/v5/namn?namn=${encodeURIComponent(designation.text)}`);
      if (named.status === 404) return { found: false };
      expectOk(named, "Registerbeteckning Direkt");
      const hits = parseRegisterJsonStrict(named.text, RegisterbeteckningSchema);
      const hit = hits.features
        .map((f) => f.properties)
        .find(
          (p) =>
            p.registerenhetsreferens?.objektstatus === "levande" &&
            p.registerbeteckning.some((b) => b.beteckningsstatus === "gällande"),
        );
      const ref = hit?.registerenhetsreferens;
      const bet = hit?.registerbeteckning.find((b) => b.beteckningsstatus === "gällande");
      if (!hit || !ref || !bet) return { found: false };
      const id = ref.objektidentitet;

      const [addressAnswer, ownersAnswer] = await Promise.all([
        get(`/belagenhetsadress/v4.2/registerenhet/${id}?includeData=basinformation`),
        get(`/inskrivning/v3/beror/${id}?includeData=agareAktuella`),
      ]);
      // A property without an address (forest, lake shore) has none: 404 or an empty collection.
      let address = null;
      let municipality = { code: null as string | null, name: bet.registeromrade };
      if (addressAnswer.status !== 404) {
        expectOk(addressAnswer, "Belägenhetsadress Direkt");
        const first = parseRegisterJsonStrict(addressAnswer.text, AdressSchema).features[0]?.properties;
        if (first) {
          const a = first.adressplatsattribut;
          const number = [a.adressplatsbeteckning.adressplatsnummer, a.adressplatsbeteckning.bokstavstillagg]
            .filter(Boolean)
            .join("");
          address = {
            street: [first.adressomrade.faststalltNamn, number].filter(Boolean).join(" "),
            postalCode: a.postnummer != null ? postalCode(a.postnummer) : "",
            town: a.postort ?? "",
          };
          const kommun = first.adressomrade.kommundel.kommun;
          municipality = { code: kommun.kommunkod, name: kommun.kommunnamn };
        }
      }
      let owners: PropertyOwner[] = [];
      if (ownersAnswer.status !== 404) {
        expectOk(ownersAnswer, "Inskrivning Direkt");
        owners = parseRegisterJsonStrict(ownersAnswer.text, InskrivningSchema).agare.map(owner);
      }
      const block = bet.block ? `${bet.block}:` : "";
      return {
        found: true,
        property: {
          designation: `${bet.registeromrade} ${bet.trakt} ${block}${bet.enhet}`,
          objektidentitet: id,
          kind: ref.typ === "Samfällighet" ? "samfallighet" : "fastighet",
          municipality,
          address,
          owners,
          // Planer och bestämmelser is a product of its own (not subscribed to): not known here.
          detaljplan: null,
        },
      };
    },
  };
}

/** parseRegisterJson, named for this register. */
function parseRegisterJsonStrict<T>(text: string, schema: z.ZodType<T>): T {
  return parseRegisterJson(REGISTER, text, schema);
}
