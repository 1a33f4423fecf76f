/**
 * Stand-in registers for development and tests: population register (people and households),
 * companies and associations, who may act for them, and a property register.
 *
 * Pure data. Everything here is invented example content (`example: true`) — no real people,
 * companies or properties. Identity numbers:
 *  - People: numbers marked `source: "skatteverket-testdata"` appear in Skatteverket's
 *    published test-personnummer / test-samordningsnummer data set (CC0; checked against the
 *    copy in ActiveLogin.Identity's AllPins.fs / AllCoordNums.fs, which ends at 2019 for
 *    personnummer). Children born 2020 or later are `source: "generated"`: Luhn-valid and
 *    following the same pattern (birth number 238/239), but not checked against the current
 *    data set — do that before using them outside local development.
 *  - Organisations: invented, Luhn-valid numbers of the right legal-entity group. They may
 *    coincide with real registrations; never send them to live registers.
 * The birth dates make sense at SEED_REFERENCE_DATE (start of the 2026/27 school year):
 * guardians born 1975–1990, children 2016–2025 with preschool (1–5) and school ages (6–9).
 */
import type { MunicipalitySlug } from "./types";

/** Ages in this file are meant at this date (YYYY-MM-DD): preschool/school year 2026/27 starts. */
export const SEED_REFERENCE_DATE = "2026-08-15";

export type TestNumberSource = "skatteverket-testdata" | "generated";

export interface Address {
  street: string;
  /** Lägenhetsnummer (four digits) for flats, as in the population register. */
  apartment?: string;
  /** "NNN NN" */
  postalCode: string;
  town: string;
}

export interface TestPerson {
  /** Stable fixture id, e.g. "erik-lindqvist". */
  id: string;
  /** Personnummer or samordningsnummer, normalized: 12 digits, no separator. */
  personnummer: string;
  kind: "personnummer" | "samordningsnummer";
  givenName: string;
  familyName: string;
  /** "YYYY-MM-DD" (for samordningsnummer: the real day, i.e. written day − 60). */
  birthDate: string;
  /** Must agree with the second-to-last digit (odd = male, even = female). */
  sex: "female" | "male";
  /** Folkbokföringskommun. Absent for people with samordningsnummer (not folkbokförda). */
  municipality?: MunicipalitySlug;
  /** ISO 3166-1 alpha-2 country of residence when not Sweden. */
  residenceCountry?: string;
  source: TestNumberSource;
  /**
   * Skyddade personuppgifter as the population register marks them: sekretessmarkering (the
   * address is secret) or skyddad folkbokföring (registered at a cover address). The portal
   * treats both alike (docs/decisions/046).
   */
  protectedIdentity?: ProtectedIdentityKind;
  note?: string;
  example: true;
}

export type ProtectedIdentityKind = "sekretessmarkering" | "skyddad-folkbokforing";

export type HouseholdMember =
  | { personnummer: string; role: "guardian" }
  | {
      personnummer: string;
      role: "child";
      /**
       * Vårdnadshavare (personnummer). May include a guardian who lives elsewhere (joint
       * custody after a separation); both must then sign applications for the child.
       */
      custody: string[];
    };

export interface Household {
  id: string;
  municipality: MunicipalitySlug;
  address: Address;
  members: HouseholdMember[];
  /** What the household is for in tests. */
  note: string;
  example: true;
}

/** Same codes as LegalFormHint in forms/lib/identity-number.ts (first digit of the number). */
export type OrganisationLegalForm =
  "aktiebolag" | "handelsbolag-kommanditbolag" | "ekonomisk-forening" | "ideell-forening-stiftelse";

export type OrganisationCategory = "byggforetag" | "arkitektkontor" | "fastighetsbolag" | "forening";

export interface Organisation {
  id: string;
  /** "NNNNNN-NNNN" */
  organisationsnummer: string;
  name: string;
  legalForm: OrganisationLegalForm;
  category: OrganisationCategory;
  municipality: MunicipalitySlug;
  address: Address;
  example: true;
}

/** Firmatecknare = authorised signatory (from the company register); ombud = authorised agent (fullmakt). */
export type RepresentationRole = "firmatecknare" | "ombud";

export interface Representation {
  personnummer: string;
  organisationsnummer: string;
  role: RepresentationRole;
  note?: string;
  example: true;
}

export type PropertyOwner =
  { kind: "person"; personnummer: string } | { kind: "organisation"; organisationsnummer: string };

export type PropertyUse =
  "villa" | "fritidshus" | "flerbostadshus" | "kontor" | "industri" | "foreningslokal" | "lantbruk" | "obebyggd";

export interface Property {
  /** Fastighetsbeteckning "<Kommun> <Trakt> <block>:<enhet>", e.g. "Åmål Plogen 4:2". */
  designation: string;
  municipality: MunicipalitySlug;
  address: Address;
  /** Land area in m². */
  areaM2: number;
  /** Inside a detaljplan (local development plan)? Decides e.g. bygglov vs. förhandsbesked. */
  detaljplan: boolean;
  use: PropertyUse;
  owner: PropertyOwner;
  /** Further private owners (personnummer) beside `owner`: each is asked for consent to a bygglov (decision 093). */
  coOwners?: string[];
  /** Further owners that are organisations (organisationsnummer): their signatory consents (decision 100). */
  coOwnerOrganisations?: string[];
  note?: string;
  example: true;
}

// ---- People ----------------------------------------------------------------------------------

export const testPersons: TestPerson[] = [
  // Bengtsfors: the Lindqvists
  {
    id: "erik-lindqvist",
    personnummer: "198203249274",
    kind: "personnummer",
    givenName: "Erik",
    familyName: "Lindqvist",
    birthDate: "1982-03-24",
    sex: "male",
    municipality: "bengtsfors",
    source: "skatteverket-testdata",
    note: "Ordförande och firmatecknare i Bengtsfors Kanotklubb.",
    example: true,
  },
  {
    id: "sara-lindqvist",
    personnummer: "198412179288",
    kind: "personnummer",
    givenName: "Sara",
    familyName: "Lindqvist",
    birthDate: "1984-12-17",
    sex: "female",
    municipality: "bengtsfors",
    source: "skatteverket-testdata",
    note: "Arkitekt; firmatecknare i Lindqvist Arkitektkontor AB och ombud för Plogen Fastigheter.",
    example: true,
  },
  {
    id: "olle-lindqvist",
    personnummer: "201811122397",
    kind: "personnummer",
    givenName: "Olle",
    familyName: "Lindqvist",
    birthDate: "2018-11-12",
    sex: "male",
    municipality: "bengtsfors",
    source: "skatteverket-testdata",
    note: "Skolbarn (7 år), fritidshem.",
    example: true,
  },
  {
    id: "elsa-lindqvist",
    personnummer: "202201022387",
    kind: "personnummer",
    givenName: "Elsa",
    familyName: "Lindqvist",
    birthDate: "2022-01-02",
    sex: "female",
    municipality: "bengtsfors",
    source: "generated",
    note: "Förskolebarn (4 år).",
    example: true,
  },

  // Åmål: Maria Nilsson, single guardian
  {
    id: "maria-nilsson",
    personnummer: "199005122388",
    kind: "personnummer",
    givenName: "Maria",
    familyName: "Nilsson",
    birthDate: "1990-05-12",
    sex: "female",
    municipality: "amal",
    source: "skatteverket-testdata",
    example: true,
  },
  {
    id: "alva-nilsson",
    personnummer: "202403212380",
    kind: "personnummer",
    givenName: "Alva",
    familyName: "Nilsson",
    birthDate: "2024-03-21",
    sex: "female",
    municipality: "amal",
    source: "generated",
    note: "Förskolebarn (2 år).",
    example: true,
  },

  // Mellerud: the Anderssons, three children
  {
    id: "johan-andersson",
    personnummer: "197504049292",
    kind: "personnummer",
    givenName: "Johan",
    familyName: "Andersson",
    birthDate: "1975-04-04",
    sex: "male",
    municipality: "mellerud",
    source: "skatteverket-testdata",
    note: "Firmatecknare i Melleruds Bygg & Montage AB.",
    example: true,
  },
  {
    id: "emma-andersson",
    personnummer: "198603139885",
    kind: "personnummer",
    givenName: "Emma",
    familyName: "Andersson",
    birthDate: "1986-03-13",
    sex: "female",
    municipality: "mellerud",
    source: "skatteverket-testdata",
    example: true,
  },
  {
    id: "hugo-andersson",
    personnummer: "201908152398",
    kind: "personnummer",
    givenName: "Hugo",
    familyName: "Andersson",
    birthDate: "2019-08-15",
    sex: "male",
    municipality: "mellerud",
    source: "skatteverket-testdata",
    note: "Skolbarn (7 år), fritidshem; barn 3 i maxtaxan.",
    example: true,
  },
  {
    id: "liam-andersson",
    personnummer: "202201032394",
    kind: "personnummer",
    givenName: "Liam",
    familyName: "Andersson",
    birthDate: "2022-01-03",
    sex: "male",
    municipality: "mellerud",
    source: "generated",
    note: "Förskolebarn (4 år); barn 2 i maxtaxan.",
    example: true,
  },
  {
    id: "wilma-andersson",
    personnummer: "202405142387",
    kind: "personnummer",
    givenName: "Wilma",
    familyName: "Andersson",
    birthDate: "2024-05-14",
    sex: "female",
    municipality: "mellerud",
    source: "generated",
    note: "Förskolebarn (2 år); yngst, barn 1 i maxtaxan.",
    example: true,
  },

  // Färgelanda: the Bergs
  {
    id: "anders-berg",
    personnummer: "198802292394",
    kind: "personnummer",
    givenName: "Anders",
    familyName: "Berg",
    birthDate: "1988-02-29",
    sex: "male",
    municipality: "fargelanda",
    source: "skatteverket-testdata",
    note: "Född på skottdagen. Delägare och firmatecknare i Bergs Snickeri & Bygg HB.",
    example: true,
  },
  {
    id: "karin-berg",
    personnummer: "198901012388",
    kind: "personnummer",
    givenName: "Karin",
    familyName: "Berg",
    birthDate: "1989-01-01",
    sex: "female",
    municipality: "fargelanda",
    source: "skatteverket-testdata",
    protectedIdentity: "sekretessmarkering",
    note: "Delägare och firmatecknare i Bergs Snickeri & Bygg HB. Sekretessmarkering: adressen visas aldrig (beslut 046).",
    example: true,
  },
  {
    id: "maja-berg",
    personnummer: "202502112382",
    kind: "personnummer",
    givenName: "Maja",
    familyName: "Berg",
    birthDate: "2025-02-11",
    sex: "female",
    municipality: "fargelanda",
    source: "generated",
    protectedIdentity: "sekretessmarkering",
    note: "Förskolebarn (1 år), första förskoleplatsen. Sekretessmarkering som sin mamma Karin.",
    example: true,
  },

  // Dals-Ed: Linnea Olsson and Noah; Noah's father lives in Norway
  {
    id: "linnea-olsson",
    personnummer: "199006102389",
    kind: "personnummer",
    givenName: "Linnea",
    familyName: "Olsson",
    birthDate: "1990-06-10",
    sex: "female",
    municipality: "dals-ed",
    source: "skatteverket-testdata",
    example: true,
  },
  {
    id: "noah-olsson",
    personnummer: "202003072390",
    kind: "personnummer",
    givenName: "Noah",
    familyName: "Olsson",
    birthDate: "2020-03-07",
    sex: "male",
    municipality: "dals-ed",
    source: "generated",
    note: "6 år: förskoleklass hösten 2026.",
    example: true,
  },
  {
    id: "henrik-dahl",
    personnummer: "198704682395",
    kind: "samordningsnummer",
    givenName: "Henrik",
    familyName: "Dahl",
    birthDate: "1987-04-08",
    sex: "male",
    residenceCountry: "NO",
    source: "skatteverket-testdata",
    note: "Bor i Norge, gemensam vårdnad om Noah Olsson; äger ett fritidshus i Dals-Ed.",
    example: true,
  },

  // Åmål: the Johanssons
  {
    id: "peter-johansson",
    personnummer: "198002079294",
    kind: "personnummer",
    givenName: "Peter",
    familyName: "Johansson",
    birthDate: "1980-02-07",
    sex: "male",
    municipality: "amal",
    source: "skatteverket-testdata",
    note: "Firmatecknare i två bolag och söker även bygglov som privatperson (Mellerud Sjöängen 1:9).",
    example: true,
  },
  {
    id: "lena-johansson",
    personnummer: "197901049283",
    kind: "personnummer",
    givenName: "Lena",
    familyName: "Johansson",
    birthDate: "1979-01-04",
    sex: "female",
    municipality: "amal",
    source: "skatteverket-testdata",
    example: true,
  },
  {
    id: "ella-johansson",
    personnummer: "201609102387",
    kind: "personnummer",
    givenName: "Ella",
    familyName: "Johansson",
    birthDate: "2016-09-10",
    sex: "female",
    municipality: "amal",
    source: "skatteverket-testdata",
    note: "Skolbarn (9 år).",
    example: true,
  },

  // Not folkbokförd: works in Sweden as an authorised agent
  {
    id: "tomasz-kowalski",
    personnummer: "198509662394",
    kind: "samordningsnummer",
    givenName: "Tomasz",
    familyName: "Kowalski",
    birthDate: "1985-09-06",
    sex: "male",
    residenceCountry: "PL",
    source: "skatteverket-testdata",
    note: "Platschef, ombud för Melleruds Bygg & Montage AB.",
    example: true,
  },
];

// ---- Households -------------------------------------------------------------------------------

const ERIK = "198203249274";
const SARA = "198412179288";
const MARIA = "199005122388";
const JOHAN = "197504049292";
const EMMA = "198603139885";
const ANDERS = "198802292394";
const KARIN = "198901012388";
const LINNEA = "199006102389";
const HENRIK = "198704682395";
const PETER = "198002079294";
const LENA = "197901049283";
const TOMASZ = "198509662394";

export const households: Household[] = [
  {
    id: "hh-lindqvist-bengtsfors",
    municipality: "bengtsfors",
    address: { street: "Sågvägen 12", postalCode: "666 30", town: "Bengtsfors" },
    members: [
      { personnummer: ERIK, role: "guardian" },
      { personnummer: SARA, role: "guardian" },
      { personnummer: "201811122397", role: "child", custody: [ERIK, SARA] },
      { personnummer: "202201022387", role: "child", custody: [ERIK, SARA] },
    ],
    note: "Två vårdnadshavare med gemensam vårdnad om två barn: ett i förskola, ett i skola/fritidshem.",
    example: true,
  },
  {
    id: "hh-nilsson-amal",
    municipality: "amal",
    address: { street: "Plogvägen 4", apartment: "1102", postalCode: "662 30", town: "Åmål" },
    members: [
      { personnummer: MARIA, role: "guardian" },
      { personnummer: "202403212380", role: "child", custody: [MARIA] },
    ],
    note: "Ensamstående vårdnadshavare med ensam vårdnad; hyr lägenhet av Plogen Fastigheter.",
    example: true,
  },
  {
    id: "hh-andersson-mellerud",
    municipality: "mellerud",
    address: { street: "Tallvägen 14", postalCode: "464 30", town: "Mellerud" },
    members: [
      { personnummer: JOHAN, role: "guardian" },
      { personnummer: EMMA, role: "guardian" },
      { personnummer: "201908152398", role: "child", custody: [JOHAN, EMMA] },
      { personnummer: "202201032394", role: "child", custody: [JOHAN, EMMA] },
      { personnummer: "202405142387", role: "child", custody: [JOHAN, EMMA] },
    ],
    note: "Tre barn för maxtaxans syskonordning: yngsta barnet är barn 1 (Wilma), sedan Liam, sedan Hugo (fritidshem).",
    example: true,
  },
  {
    id: "hh-berg-fargelanda",
    municipality: "fargelanda",
    address: { street: "Smedjevägen 8", postalCode: "458 30", town: "Färgelanda" },
    members: [
      { personnummer: ANDERS, role: "guardian" },
      { personnummer: KARIN, role: "guardian" },
      { personnummer: "202502112382", role: "child", custody: [ANDERS, KARIN] },
    ],
    note: "Bor i Färgelanda med ett barn i förskoleåldern (1 år) som söker sin första förskoleplats. Karin och Maja har sekretessmarkering: Anders får inte automatiskt se deras ärenden.",
    example: true,
  },
  {
    id: "hh-olsson-dals-ed",
    municipality: "dals-ed",
    address: { street: "Storgatan 21", apartment: "1001", postalCode: "668 30", town: "Ed" },
    members: [
      { personnummer: LINNEA, role: "guardian" },
      { personnummer: "202003072390", role: "child", custody: [LINNEA, HENRIK] },
    ],
    note: "Gemensam vårdnad med en förälder som bor i Norge och har samordningsnummer; båda ska skriva under.",
    example: true,
  },
  {
    id: "hh-johansson-amal",
    municipality: "amal",
    address: { street: "Kärrgatan 9", postalCode: "662 30", town: "Åmål" },
    members: [
      { personnummer: PETER, role: "guardian" },
      { personnummer: LENA, role: "guardian" },
      { personnummer: "201609102387", role: "child", custody: [PETER, LENA] },
    ],
    note: "Företagare som både företräder bolag och söker för egen räkning; ett skolbarn.",
    example: true,
  },
];

// ---- Organisations ------------------------------------------------------------------------------

const JOHANSSONS_BYGG = "559312-8415";
const MELLERUDS_BYGG = "556874-3057";
const LINDQVIST_ARKITEKTER = "559108-2267";
const PLOGEN_FASTIGHETER = "556742-9179";
const BERGS_SNICKERI = "969782-4408";
const KANOTKLUBBEN = "802478-1638";

export const organisations: Organisation[] = [
  {
    id: "johanssons-bygg",
    organisationsnummer: JOHANSSONS_BYGG,
    name: "Johanssons Bygg i Åmål AB",
    legalForm: "aktiebolag",
    category: "byggforetag",
    municipality: "amal",
    address: { street: "Verkstadsgatan 11", postalCode: "662 30", town: "Åmål" },
    example: true,
  },
  {
    id: "melleruds-bygg",
    organisationsnummer: MELLERUDS_BYGG,
    name: "Melleruds Bygg & Montage AB",
    legalForm: "aktiebolag",
    category: "byggforetag",
    municipality: "mellerud",
    address: { street: "Hantverksvägen 4", postalCode: "464 30", town: "Mellerud" },
    example: true,
  },
  {
    id: "bergs-snickeri",
    organisationsnummer: BERGS_SNICKERI,
    name: "Bergs Snickeri & Bygg HB",
    legalForm: "handelsbolag-kommanditbolag",
    category: "byggforetag",
    municipality: "fargelanda",
    address: { street: "Verkstadsvägen 6", postalCode: "458 30", town: "Färgelanda" },
    example: true,
  },
  {
    id: "lindqvist-arkitektkontor",
    organisationsnummer: LINDQVIST_ARKITEKTER,
    name: "Lindqvist Arkitektkontor AB",
    legalForm: "aktiebolag",
    category: "arkitektkontor",
    municipality: "bengtsfors",
    address: { street: "Storgatan 20", postalCode: "666 30", town: "Bengtsfors" },
    example: true,
  },
  {
    id: "plogen-fastigheter",
    organisationsnummer: PLOGEN_FASTIGHETER,
    name: "Plogen Fastigheter i Åmål AB",
    legalForm: "aktiebolag",
    category: "fastighetsbolag",
    municipality: "amal",
    address: { street: "Plogvägen 4", postalCode: "662 30", town: "Åmål" },
    example: true,
  },
  {
    id: "bengtsfors-kanotklubb",
    organisationsnummer: KANOTKLUBBEN,
    name: "Bengtsfors Kanotklubb",
    legalForm: "ideell-forening-stiftelse",
    category: "forening",
    municipality: "bengtsfors",
    address: { street: "Sjövägen 2", postalCode: "666 30", town: "Bengtsfors" },
    example: true,
  },
];

// ---- Who may act for whom -------------------------------------------------------------------------

export const representations: Representation[] = [
  {
    personnummer: PETER,
    organisationsnummer: JOHANSSONS_BYGG,
    role: "firmatecknare",
    note: "Ensam firmatecknare.",
    example: true,
  },
  { personnummer: PETER, organisationsnummer: PLOGEN_FASTIGHETER, role: "firmatecknare", example: true },
  { personnummer: JOHAN, organisationsnummer: MELLERUDS_BYGG, role: "firmatecknare", example: true },
  {
    personnummer: TOMASZ,
    organisationsnummer: MELLERUDS_BYGG,
    role: "ombud",
    note: "Fullmakt för bygganmälan och kontakt med byggnadsnämnden; har samordningsnummer.",
    example: true,
  },
  { personnummer: SARA, organisationsnummer: LINDQVIST_ARKITEKTER, role: "firmatecknare", example: true },
  {
    personnummer: SARA,
    organisationsnummer: PLOGEN_FASTIGHETER,
    role: "ombud",
    note: "Arkitekten söker bygglov för Åmål Plogen 4:3 med fullmakt från fastighetsbolaget.",
    example: true,
  },
  { personnummer: ERIK, organisationsnummer: KANOTKLUBBEN, role: "firmatecknare", note: "Ordförande.", example: true },
  { personnummer: ANDERS, organisationsnummer: BERGS_SNICKERI, role: "firmatecknare", example: true },
  { personnummer: KARIN, organisationsnummer: BERGS_SNICKERI, role: "firmatecknare", example: true },
];

// ---- Property register -------------------------------------------------------------------------------

export const properties: Property[] = [
  {
    designation: "Bengtsfors Sågen 1:23",
    municipality: "bengtsfors",
    address: { street: "Sågvägen 12", postalCode: "666 30", town: "Bengtsfors" },
    areaM2: 1150,
    detaljplan: true,
    use: "villa",
    owner: { kind: "person", personnummer: ERIK },
    example: true,
  },
  {
    designation: "Bengtsfors Sågen 1:24",
    municipality: "bengtsfors",
    address: { street: "Sågvägen 14", postalCode: "666 30", town: "Bengtsfors" },
    areaM2: 1080,
    detaljplan: true,
    use: "villa",
    owner: { kind: "person", personnummer: ERIK },
    coOwners: [SARA],
    note: "Ägs till hälften var av Erik och Sara Lindqvist: den andra ägaren ger sitt medgivande till ett bygglov.",
    example: true,
  },
  {
    designation: "Bengtsfors Sågen 1:25",
    municipality: "bengtsfors",
    address: { street: "Sågvägen 16", postalCode: "666 30", town: "Bengtsfors" },
    areaM2: 1120,
    detaljplan: true,
    use: "villa",
    owner: { kind: "person", personnummer: ERIK },
    coOwnerOrganisations: [PLOGEN_FASTIGHETER],
    note: "Ägs av Erik Lindqvist och Plogen Fastigheter i Åmål AB: bolagets firmatecknare (Peter Johansson) ger medgivande till ett bygglov, dess ombud (Sara Lindqvist) får inte.",
    example: true,
  },
  {
    designation: "Bengtsfors Ritaren 3:1",
    municipality: "bengtsfors",
    address: { street: "Storgatan 20", postalCode: "666 30", town: "Bengtsfors" },
    areaM2: 620,
    detaljplan: true,
    use: "kontor",
    owner: { kind: "organisation", organisationsnummer: LINDQVIST_ARKITEKTER },
    example: true,
  },
  {
    designation: "Bengtsfors Kanoten 1:2",
    municipality: "bengtsfors",
    address: { street: "Sjövägen 2", postalCode: "666 30", town: "Bengtsfors" },
    areaM2: 3400,
    detaljplan: true,
    use: "foreningslokal",
    owner: { kind: "organisation", organisationsnummer: KANOTKLUBBEN },
    note: "Klubbstuga och bryggor vid sjön.",
    example: true,
  },
  {
    designation: "Åmål Plogen 4:2",
    municipality: "amal",
    address: { street: "Plogvägen 4", postalCode: "662 30", town: "Åmål" },
    areaM2: 2850,
    detaljplan: true,
    use: "flerbostadshus",
    owner: { kind: "organisation", organisationsnummer: PLOGEN_FASTIGHETER },
    example: true,
  },
  {
    designation: "Åmål Plogen 4:3",
    municipality: "amal",
    address: { street: "Plogvägen 6", postalCode: "662 30", town: "Åmål" },
    areaM2: 1900,
    detaljplan: true,
    use: "obebyggd",
    owner: { kind: "organisation", organisationsnummer: PLOGEN_FASTIGHETER },
    note: "Planerat flerbostadshus; bygglov söks av ombud.",
    example: true,
  },
  {
    designation: "Åmål Kärret 5:3",
    municipality: "amal",
    address: { street: "Kärrgatan 9", postalCode: "662 30", town: "Åmål" },
    areaM2: 980,
    detaljplan: true,
    use: "villa",
    owner: { kind: "person", personnummer: PETER },
    example: true,
  },
  {
    designation: "Åmål Verkstaden 2:11",
    municipality: "amal",
    address: { street: "Verkstadsgatan 11", postalCode: "662 30", town: "Åmål" },
    areaM2: 4200,
    detaljplan: true,
    use: "industri",
    owner: { kind: "organisation", organisationsnummer: JOHANSSONS_BYGG },
    example: true,
  },
  {
    designation: "Mellerud Tallen 3:14",
    municipality: "mellerud",
    address: { street: "Tallvägen 14", postalCode: "464 30", town: "Mellerud" },
    areaM2: 1240,
    detaljplan: true,
    use: "villa",
    owner: { kind: "person", personnummer: JOHAN },
    example: true,
  },
  {
    designation: "Mellerud Hantverkaren 1:4",
    municipality: "mellerud",
    address: { street: "Hantverksvägen 4", postalCode: "464 30", town: "Mellerud" },
    areaM2: 5600,
    detaljplan: true,
    use: "industri",
    owner: { kind: "organisation", organisationsnummer: MELLERUDS_BYGG },
    example: true,
  },
  {
    designation: "Mellerud Sjöängen 1:9",
    municipality: "mellerud",
    address: { street: "Sjöängsvägen 9", postalCode: "464 30", town: "Mellerud" },
    areaM2: 2300,
    detaljplan: false,
    use: "obebyggd",
    owner: { kind: "person", personnummer: PETER },
    note: "Utanför detaljplan: ägaren söker förhandsbesked och bygglov för fritidshus i eget namn.",
    example: true,
  },
  {
    designation: "Mellerud Bäcken 2:3",
    municipality: "mellerud",
    address: { street: "Bäckvägen 31", postalCode: "464 30", town: "Mellerud" },
    areaM2: 148000,
    detaljplan: false,
    use: "lantbruk",
    owner: { kind: "person", personnummer: EMMA },
    example: true,
  },
  {
    designation: "Färgelanda Smedjan 1:8",
    municipality: "fargelanda",
    address: { street: "Smedjevägen 8", postalCode: "458 30", town: "Färgelanda" },
    areaM2: 1050,
    detaljplan: true,
    use: "villa",
    owner: { kind: "person", personnummer: KARIN },
    example: true,
  },
  {
    designation: "Färgelanda Snickaren 2:6",
    municipality: "fargelanda",
    address: { street: "Verkstadsvägen 6", postalCode: "458 30", town: "Färgelanda" },
    areaM2: 2700,
    detaljplan: true,
    use: "industri",
    owner: { kind: "organisation", organisationsnummer: BERGS_SNICKERI },
    example: true,
  },
  {
    designation: "Dals-Ed Sjövik 1:17",
    municipality: "dals-ed",
    address: { street: "Sjöviksvägen 14", postalCode: "668 30", town: "Ed" },
    areaM2: 3100,
    detaljplan: false,
    use: "fritidshus",
    owner: { kind: "person", personnummer: HENRIK },
    note: "Fritidshus med ägare bosatt i Norge (samordningsnummer).",
    example: true,
  },
  {
    designation: "Dals-Ed Kasen 1:40",
    municipality: "dals-ed",
    address: { street: "Kasenvägen 3", postalCode: "668 30", town: "Ed" },
    areaM2: 1400,
    detaljplan: true,
    use: "obebyggd",
    owner: { kind: "person", personnummer: LINNEA },
    note: "Tomt inom detaljplan; ägaren planerar att bygga ett enbostadshus.",
    example: true,
  },
];
