import type { AdministrationSlug, Bilingual, MunicipalitySlug } from "./types";

export interface SeedMunicipality {
  slug: MunicipalitySlug;
  code: string;
  name: string;
  logoText: string;
  intro: Bilingual;
  phone: string;
  email: string;
  visitingAddress: string;
  postalAddress: string;
  openingHours: Bilingual;
  orgNumber: string;
  /** SCB kommunkod (real: the registers name the municipality by it). */
  kommunkod: string;
  population: number;
  example: true;
}

/**
 * Names, area codes and towns are real; switchboard numbers, addresses, opening hours and
 * organisation numbers are example data (valid check digits, not the real numbers).
 */
export const seedMunicipalities: SeedMunicipality[] = [
  {
    slug: "bengtsfors",
    code: "BEN",
    name: "Bengtsfors",
    logoText: "Bengtsfors kommun",
    intro: {
      sv: "Bengtsfors kommun ligger i norra Dalsland, med sjöar, skogar och Dalslands kanal. Här hittar du kommunens tjänster, blanketter och e-tjänster.",
      en: "Bengtsfors Municipality lies in northern Dalsland, with lakes, forests and the Dalsland Canal. Here you find the municipality's services, forms and e-services.",
    },
    phone: "0531-52 60 00",
    email: "kommun@bengtsfors.example.se",
    visitingAddress: "Storgatan 5, 666 30 Bengtsfors",
    postalAddress: "Box 14, 666 21 Bengtsfors",
    openingHours: {
      sv: "Måndag–torsdag 8.00–16.30, fredag 8.00–15.00",
      en: "Monday–Thursday 8.00–16.30, Friday 8.00–15.00",
    },
    orgNumber: "212000-1421",
    kommunkod: "1460",
    population: 9400,
    example: true,
  },
  {
    slug: "dals-ed",
    code: "DED",
    name: "Dals-Ed",
    logoText: "Dals-Eds kommun",
    intro: {
      sv: "Dals-Eds kommun ligger i västra Dalsland vid gränsen mot Norge. Här hittar du kommunens tjänster, blanketter och e-tjänster.",
      en: "Dals-Ed Municipality lies in western Dalsland on the border with Norway. Here you find the municipality's services, forms and e-services.",
    },
    phone: "0534-190 00",
    email: "kommun@dals-ed.example.se",
    visitingAddress: "Storgatan 11, 668 30 Ed",
    postalAddress: "Box 31, 668 21 Ed",
    openingHours: {
      sv: "Måndag–fredag 8.00–16.00, lunchstängt 12.00–13.00",
      en: "Monday–Friday 8.00–16.00, closed for lunch 12.00–13.00",
    },
    orgNumber: "212000-1439",
    kommunkod: "1438",
    population: 4700,
    example: true,
  },
  {
    slug: "fargelanda",
    code: "FAR",
    name: "Färgelanda",
    logoText: "Färgelanda kommun",
    intro: {
      sv: "Färgelanda kommun ligger i södra Dalsland, med Valboskogarna och sjön Ellenösjön. Här hittar du kommunens tjänster, blanketter och e-tjänster.",
      en: "Färgelanda Municipality lies in southern Dalsland, with the Valbo forests and Lake Ellenösjön. Here you find the municipality's services, forms and e-services.",
    },
    phone: "0528-567 00",
    email: "kommun@fargelanda.example.se",
    visitingAddress: "Centrumvägen 4, 458 30 Färgelanda",
    postalAddress: "Box 4, 458 21 Färgelanda",
    openingHours: {
      sv: "Måndag–torsdag 8.00–16.00, fredag 8.00–14.00",
      en: "Monday–Thursday 8.00–16.00, Friday 8.00–14.00",
    },
    orgNumber: "212000-1447",
    kommunkod: "1439",
    population: 6500,
    example: true,
  },
  {
    slug: "mellerud",
    code: "MEL",
    name: "Mellerud",
    logoText: "Melleruds kommun",
    intro: {
      sv: "Melleruds kommun ligger vid Vänerns strand i östra Dalsland. Här hittar du kommunens tjänster, blanketter och e-tjänster.",
      en: "Mellerud Municipality lies on the shore of Lake Vänern in eastern Dalsland. Here you find the municipality's services, forms and e-services.",
    },
    phone: "0530-180 00",
    email: "kommun@mellerud.example.se",
    visitingAddress: "Storgatan 13, 464 30 Mellerud",
    postalAddress: "Box 138, 464 22 Mellerud",
    openingHours: {
      sv: "Måndag–fredag 8.00–16.00",
      en: "Monday–Friday 8.00–16.00",
    },
    orgNumber: "212000-1454",
    kommunkod: "1461",
    population: 8900,
    example: true,
  },
  {
    slug: "amal",
    code: "AML",
    name: "Åmål",
    logoText: "Åmåls kommun",
    intro: {
      sv: "Åmåls kommun är Dalslands enda stad och ligger vid Vänern. Här hittar du kommunens tjänster, blanketter och e-tjänster.",
      en: "Åmål Municipality is Dalsland's only town and lies on Lake Vänern. Here you find the municipality's services, forms and e-services.",
    },
    phone: "0532-170 00",
    email: "kommun@amal.example.se",
    visitingAddress: "Kungsgatan 9, 662 30 Åmål",
    postalAddress: "Box 62, 662 22 Åmål",
    openingHours: {
      sv: "Måndag–torsdag 8.00–16.30, fredag 8.00–15.00",
      en: "Monday–Thursday 8.00–16.30, Friday 8.00–15.00",
    },
    orgNumber: "212000-1462",
    kommunkod: "1492",
    population: 12200,
    example: true,
  },
];

export interface SeedAdministration {
  slug: AdministrationSlug;
  name: Bilingual;
  description: Bilingual;
  /** Local part of the e-mail address; the domain is the municipality's example domain. */
  mailbox: string;
  /** Extension added to the switchboard number's last digits. */
  extension: string;
}

/** Every municipality has these five administrations (förvaltningar). */
export const seedAdministrations: SeedAdministration[] = [
  {
    slug: "barn-och-utbildning",
    name: { sv: "Barn och utbildning", en: "Children and Education" },
    description: {
      sv: "Förskola, pedagogisk omsorg, fritidshem, grundskola, gymnasium och vuxenutbildning.",
      en: "Preschool, pedagogical care, after-school centres, compulsory school, upper secondary and adult education.",
    },
    mailbox: "barnochutbildning",
    extension: "10",
  },
  {
    slug: "samhallsbyggnad",
    name: { sv: "Samhällsbyggnad", en: "Community Planning and Building" },
    description: {
      sv: "Bygglov, detaljplaner, miljö- och hälsoskydd, gator, parker, vatten och avlopp.",
      en: "Building permits, local plans, environmental health, streets, parks, water and sewage.",
    },
    mailbox: "samhallsbyggnad",
    extension: "20",
  },
  {
    slug: "socialtjanst",
    name: { sv: "Socialtjänst", en: "Social Services" },
    description: {
      sv: "Äldreomsorg, hemtjänst, stöd till personer med funktionsnedsättning, individ- och familjeomsorg.",
      en: "Elderly care, home help, support for people with disabilities, individual and family care.",
    },
    mailbox: "socialtjanst",
    extension: "30",
  },
  {
    slug: "kultur-och-fritid",
    name: { sv: "Kultur och fritid", en: "Culture and Leisure" },
    description: {
      sv: "Bibliotek, kulturskola, fritidsgårdar, idrottsanläggningar och föreningsstöd.",
      en: "Libraries, the arts school, youth centres, sports facilities and support for associations.",
    },
    mailbox: "kulturochfritid",
    extension: "40",
  },
  {
    slug: "kommunledning",
    name: { sv: "Kommunledning", en: "Municipal Executive Office" },
    description: {
      sv: "Kommunstyrelsen, politik, registratur och diarium, näringsliv och kommunikation.",
      en: "The municipal executive board, politics, the registry and public records, business development and communication.",
    },
    mailbox: "kommunledning",
    extension: "50",
  },
];
