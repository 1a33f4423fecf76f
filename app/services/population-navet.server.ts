import { readFileSync } from "node:fs";
import { z } from "zod";
import { env } from "~/env.server";
import { audit } from "~/platform/audit.server";
import { hmacIndex } from "~/platform/crypto.server";
import { RegisterAnswerError, registerRequest, type RegisterTls } from "~/platform/register-http.server";
import { xmlReader } from "~/platform/xml.server";
import { getMunicipalityByKommunkod } from "./municipalities.server";
import type { LookupPurpose, PopulationRecord, PopulationRegister } from "./population-register";

/**
 * Skatteverket's Navet, "Folkbokföringsuppgifter för offentliga aktörer – SOAP" (ePersondata,
 * personpost), the web service municipalities ask by personnummer over mutual TLS (decision 067):
 * request PersonpostRequest { Bestallning { OrgNr, BestallningsId }, PersonId } in namespace
 * http://xmls.skatteverket.se/se/skatteverket/folkbokforing/na/epersondata/V1, answer
 * PersonpostXMLResponse { Folkbokforingsposter { Folkbokforingspost* } } where each post holds
 * Sekretessmarkering and SkyddadFolkbokforing (J/N) and a Personpost (PersonId/PersonNr,
 * Namn, Folkbokforing/KommunKod, Adresser/Folkbokforingsadress, Relationer/Relation with
 * Relationstyp V = vårdnadshavare and VF = vårdnadshavare för). An answer without a post means
 * the register knows no such person. Skatteverket's technical description is given to
 * subscribers; the element names here follow the public clients cited in decision 067.
 */
export const NAVET_NS = "http://xmls.skatteverket.se/se/skatteverket/folkbokforing/na/epersondata/V1";
const SOAP_NS = "http://schemas.xmlsoap.org/soap/envelope/";

export interface NavetConfig {
  url: string;
  orgNr: string;
  orderId: string;
  tls?: RegisterTls;
  timeoutMs?: number;
  attempts?: number;
  backoffMs?: number;
}

function escapeXml(value: string): string {
  return value.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function personpostRequestXml(config: { orgNr: string; orderId: string }, personnummer: string): string {
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<soapenv:Envelope xmlns:soapenv="${SOAP_NS}" xmlns:v1="${NAVET_NS}">`,
    `<soapenv:Header/><soapenv:Body><v1:PersonpostRequest>`,
    `<v1:Bestallning><v1:OrgNr>${escapeXml(config.orgNr)}</v1:OrgNr>`,
    `<v1:BestallningsId>${escapeXml(config.orderId)}</v1:BestallningsId></v1:Bestallning>`,
    `<v1:PersonId>${escapeXml(personnummer)}</v1:PersonId>`,
    `</v1:PersonpostRequest></soapenv:Body></soapenv:Envelope>`,
  ].join("");
}

const parseXml = xmlReader({
  removeNSPrefix: true,
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => name === "Folkbokforingspost" || name === "Relation",
});

const text = z.string();
const jn = z.enum(["J", "N"]);
const pnr = z.string().refine((v) => v.length === 12 && [...v].every((c) => c >= "0" && c <= "9"), "PersonNr");

const RelationSchema = z
  .object({
    RelationId: z.object({ PersonNr: pnr }).passthrough(),
    Relationstyp: text,
    RelationTomdatum: text.optional(),
  })
  .passthrough();

const PostSchema = z
  .object({
    Sekretessmarkering: jn.optional(),
    SkyddadFolkbokforing: jn.optional(),
    Personpost: z
      .object({
        PersonId: z.object({ PersonNr: pnr }).passthrough(),
        Namn: z.object({ Fornamn: text.optional(), Efternamn: text.optional() }).passthrough(),
        Folkbokforing: z.object({ KommunKod: text.optional() }).passthrough().optional(),
        Adresser: z
          .object({
            Folkbokforingsadress: z
              .object({ Utdelningsadress2: text, PostNr: text, Postort: text, Lagenhetsnummer: text.optional() })
              .passthrough()
              .optional(),
          })
          .passthrough()
          .optional(),
        Relationer: z
          .object({ Relation: z.array(RelationSchema) })
          .passthrough()
          .optional(),
      })
      .passthrough(),
  })
  .passthrough();

const AnswerSchema = z.object({
  Envelope: z.object({
    Body: z.object({
      PersonpostXMLResponse: z.object({
        Folkbokforingsposter: z.union([z.literal(""), z.object({ Folkbokforingspost: z.array(PostSchema).max(1) })]),
      }),
    }),
  }),
});

type Post = z.infer<typeof PostSchema>;

function birthDateOf(personnummer: string): string {
  const day = Number(personnummer.slice(6, 8));
  // A samordningsnummer's day is the birth day + 60.
  const realDay = day > 60 ? day - 60 : day;
  return `${personnummer.slice(0, 4)}-${personnummer.slice(4, 6)}-${String(realDay).padStart(2, "0")}`;
}

function ended(tom: string | undefined, today: string): boolean {
  return tom !== undefined && tom !== "" && tom.replaceAll("-", "") < today;
}

/** Reads Navet's answer; a malformed answer is refused whole (RegisterAnswerError). */
export function parsePersonpostAnswer(xml: string, asked: string, today: string): PopulationRecord | null {
  let json: unknown;
  try {
    json = parseXml(xml);
  } catch {
    throw new RegisterAnswerError("Navet", "not well-formed XML");
  }
  const parsed = AnswerSchema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new RegisterAnswerError("Navet", `${first?.path.join(".") || "answer"}: ${first?.message ?? "invalid"}`);
  }
  const posts = parsed.data.Envelope.Body.PersonpostXMLResponse.Folkbokforingsposter;
  const post: Post | undefined = posts === "" ? undefined : posts.Folkbokforingspost[0];
  if (!post) return null;
  const p = post.Personpost;
  if (p.PersonId.PersonNr !== asked) throw new RegisterAnswerError("Navet", "the post is about another person");
  if (!p.Namn.Fornamn || !p.Namn.Efternamn) throw new RegisterAnswerError("Navet", "Personpost.Namn: incomplete");
  const protectedIdentity =
    post.SkyddadFolkbokforing === "J"
      ? ("skyddad-folkbokforing" as const)
      : post.Sekretessmarkering === "J"
        ? ("sekretessmarkering" as const)
        : null;
  // The municipality by its SCB kommunkod, entered per municipality in /admin/kommuner (run-time data).
  const kommunkod = p.Folkbokforing?.KommunKod;
  const municipality = (kommunkod ? getMunicipalityByKommunkod(kommunkod)?.slug : undefined) ?? null;
  const a = p.Adresser?.Folkbokforingsadress;
  const postNr = a?.PostNr.replaceAll(" ", "");
  const address =
    a && postNr
      ? {
          street: a.Utdelningsadress2,
          ...(a.Lagenhetsnummer ? { apartment: a.Lagenhetsnummer } : {}),
          postalCode: `${postNr.slice(0, 3)} ${postNr.slice(3)}`,
          town: a.Postort,
        }
      : null;
  const relations = (p.Relationer?.Relation ?? []).filter((r) => !ended(r.RelationTomdatum, today));
  const custodians = relations.filter((r) => r.Relationstyp === "V").map((r) => r.RelationId.PersonNr);
  const childrenInCustody = relations.filter((r) => r.Relationstyp === "VF").map((r) => r.RelationId.PersonNr);
  // Navet has no household: the portal's is the folkbokföringsadress (its custodians' for a child).
  const householdKey = address
    ? `navet:${hmacIndex(`${address.street}|${address.apartment ?? ""}|${address.postalCode}`)}`
    : `navet:${hmacIndex(asked)}`;
  const isChild = custodians.length > 0;
  return {
    person: {
      hmac: hmacIndex(asked),
      personnummer: asked,
      givenName: p.Namn.Fornamn,
      familyName: p.Namn.Efternamn,
      birthDate: birthDateOf(asked),
      municipality,
      protectedIdentity,
    },
    address: protectedIdentity ? null : address,
    custodians,
    childrenInCustody,
    household: municipality
      ? {
          key: householdKey,
          municipality,
          address: protectedIdentity ? null : address,
          guardians: isChild ? custodians : [asked],
        }
      : null,
  };
}

function fromEnv(): NavetConfig {
  const e = env();
  if (!e.NAVET_URL || !e.NAVET_ORG_NR || !e.NAVET_ORDER_ID)
    throw new Error("POPULATION_REGISTER=navet needs NAVET_URL, NAVET_ORG_NR and NAVET_ORDER_ID");
  const read = (file: string | undefined) => (file ? readFileSync(file, "utf8") : undefined);
  return {
    url: e.NAVET_URL,
    orgNr: e.NAVET_ORG_NR,
    orderId: e.NAVET_ORDER_ID,
    tls: { cert: read(e.NAVET_CLIENT_CERT_FILE), key: read(e.NAVET_CLIENT_KEY_FILE), ca: read(e.NAVET_CA_FILE) },
  };
}

/** The real client (decision 067). Nothing it answers is kept: each look-up asks Navet. */
export function navetPopulationRegister(config: NavetConfig = fromEnv()): PopulationRegister {
  return {
    source: "navet",
    async personpost(personnummer: string, purpose: LookupPurpose) {
      audit({
        actor: "system",
        action: "population.lookup",
        subjectType: "population_register",
        subjectId: hmacIndex(personnummer),
        details: { register: "navet", purpose },
      });
      const answer = await registerRequest(
        config.url,
        {
          method: "POST",
          headers: { "content-type": "text/xml; charset=utf-8", soapaction: '""' },
          body: personpostRequestXml(config, personnummer),
        },
        {
          register: "Navet",
          tls: config.tls,
          timeoutMs: config.timeoutMs ?? 4_000,
          attempts: config.attempts ?? 2,
          backoffMs: config.backoffMs ?? 200,
        },
      );
      if (answer.status !== 200) throw new RegisterAnswerError("Navet", `status ${answer.status}`);
      const today = new Date().toISOString().slice(0, 10).replaceAll("-", "");
      return parsePersonpostAnswer(answer.text, personnummer, today);
    },
  };
}
