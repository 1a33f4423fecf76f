/**
 * A deterministic, realistic public register: a few thousand cases over five years across
 * the five municipalities. Pure data (a seeded PRNG, no clock), so every machine and every
 * test run gets the same register. Everything here is invented example data.
 */
import type { AdministrationSlug, MunicipalitySlug } from "./types";
import type { Area } from "../../../app/domain/areas";
import type { CaseStatus } from "../../../app/domain/statuses";
import { MUNICIPALITY_SLUGS } from "./types";

/**
 * A secret that must never reach any public output (HTML, JSON, CSV, search). It is seeded
 * as a private person's name, as a childcare case's party and subject, and as the subject of
 * a "personal" case; tests search for it everywhere.
 */
export const DIARIUM_CANARY = "Kanarie Hemligsson-7Q4X";

export interface SeedDiariumEntry {
  municipality: MunicipalitySlug;
  administration: AdministrationSlug;
  caseType: string;
  area: Area;
  sensitivity: "public" | "personal" | "secret";
  subject: string | null;
  partyKind: "person" | "organisation" | "none";
  partyName: string | null;
  status: CaseStatus;
  registeredAt: string;
  year: number;
}

interface TypeSpec {
  caseType: string;
  administration: AdministrationSlug;
  area: SeedDiariumEntry["area"];
  sensitivity: SeedDiariumEntry["sensitivity"];
  weight: number;
  /** Share of parties that are organisations (rest persons), and share with no party. */
  organisations: number;
  none?: number;
  subject?: (r: Rng, town: string) => string;
}

type Rng = () => number;

function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = <T>(r: Rng, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;

const STREETS = [
  "Storgatan",
  "Kyrkogatan",
  "Järnvägsgatan",
  "Skolgatan",
  "Strandvägen",
  "Industrivägen",
  "Parkgatan",
  "Östra vägen",
  "Västerbyn",
  "Sjövägen",
  "Åsgatan",
  "Kanalvägen",
];
const ISSUES = [
  "trasig gatubelysning",
  "potthål i körbanan",
  "nedfallet träd",
  "klotter på busskur",
  "trasig parkbänk",
  "översvämmad gångväg",
  "skymd sikt i korsning",
  "saknad skylt",
  "halka på gångbana",
  "full papperskorg",
];
const PROPERTY_NAMES = [
  "Sågen",
  "Kvarnen",
  "Björken",
  "Eken",
  "Laxen",
  "Tallen",
  "Hägern",
  "Smedjan",
  "Prästgården",
  "Ängen",
  "Lönnen",
  "Näset",
];
const BUILD = [
  "nybyggnad av enbostadshus",
  "tillbyggnad av fritidshus",
  "nybyggnad av garage",
  "rivning av ekonomibyggnad",
  "ändrad användning till bostad",
  "uppförande av skylt",
  "nybyggnad av carport",
  "fasadändring",
];
const FIRST = [
  "Anna",
  "Erik",
  "Maria",
  "Lars",
  "Karin",
  "Johan",
  "Eva",
  "Anders",
  "Sara",
  "Per",
  "Lena",
  "Mikael",
  "Ingrid",
  "Björn",
  "Åsa",
  "Göran",
  "Linnéa",
  "Olle",
];
const LAST = [
  "Andersson",
  "Johansson",
  "Karlsson",
  "Nilsson",
  "Eriksson",
  "Larsson",
  "Olsson",
  "Persson",
  "Svensson",
  "Gustafsson",
  "Åberg",
  "Lindqvist",
  "Ström",
  "Bergström",
];
const COMPANIES = [
  "Dalslands Bygg AB",
  "Dals Gräv & Schakt AB",
  "Vänerbygg i Åmål AB",
  "Skogsentreprenad Dalsland AB",
  "Mellerud Fastigheter AB",
  "Bengtsfors Energi AB",
  "Dalslands Kanal AB",
  "Färgelanda Rör & Värme AB",
  "Ed Elinstallation AB",
  "Provinstidningen Dalsland",
  "Dalslänningen",
];
const ASSOCIATIONS = [
  "Bengtsfors IF",
  "Dals-Eds Hembygdsförening",
  "Färgelanda Skytteförening",
  "Melleruds Konstförening",
  "Åmåls Simsällskap",
  "Dalslands Kanotklubb",
  "PRO Dalsland",
  "Scoutkåren Dal",
];

const property = (r: Rng, town: string) =>
  `${town} ${pick(r, PROPERTY_NAMES)} ${1 + Math.floor(r() * 12)}:${1 + Math.floor(r() * 60)}`;

const TYPES: TypeSpec[] = [
  {
    caseType: "felanmalan-gata-park",
    administration: "samhallsbyggnad",
    area: "allmant",
    sensitivity: "public",
    weight: 22,
    organisations: 0.05,
    none: 0.1,
    subject: (r) => `${pick(r, STREETS)}, ${pick(r, ISSUES)}`,
  },
  {
    caseType: "synpunkter-klagomal",
    administration: "kommunledning",
    area: "allmant",
    sensitivity: "personal",
    weight: 10,
    organisations: 0.05,
  },
  {
    caseType: "begaran-allman-handling",
    administration: "kommunledning",
    area: "allmant",
    sensitivity: "public",
    weight: 8,
    organisations: 0.35,
    subject: (r) =>
      `Handlingar om ${pick(r, ["upphandling av snöröjning", "bygglov", "skolskjuts", "detaljplan", "kommunstyrelsens protokoll"])}`,
  },
  {
    caseType: "parkeringstillstand-rorelsehindrade",
    administration: "samhallsbyggnad",
    area: "allmant",
    sensitivity: "secret",
    weight: 4,
    organisations: 0,
  },
  {
    caseType: "anmalan-varmepump",
    administration: "samhallsbyggnad",
    area: "allmant",
    sensitivity: "public",
    weight: 6,
    organisations: 0.1,
    subject: (r, town) => `${property(r, town)}, ${pick(r, ["bergvärme", "ytjordvärme", "sjövärme"])}`,
  },
  {
    caseType: "ansokan-gravtillstand",
    administration: "samhallsbyggnad",
    area: "allmant",
    sensitivity: "public",
    weight: 5,
    organisations: 0.85,
    subject: (r) => `${pick(r, STREETS)}, ${pick(r, ["fiberdragning", "vattenledning", "elkabel", "fjärrvärme"])}`,
  },
  {
    caseType: "ansokan-foreningsbidrag",
    administration: "kultur-och-fritid",
    area: "allmant",
    sensitivity: "public",
    weight: 5,
    organisations: 1,
    subject: (r) => pick(r, ["Aktivitetsbidrag", "Lokalbidrag", "Arrangemangsbidrag", "Startbidrag"]),
  },
  {
    caseType: "ansokan-borgerlig-vigsel",
    administration: "kommunledning",
    area: "allmant",
    sensitivity: "personal",
    weight: 3,
    organisations: 0,
  },
  {
    caseType: "anmalan-enskilt-avlopp",
    administration: "samhallsbyggnad",
    area: "allmant",
    sensitivity: "public",
    weight: 5,
    organisations: 0.05,
    subject: (r, town) => `${property(r, town)}, ${pick(r, ["markbädd", "infiltration", "minireningsverk"])}`,
  },
  {
    caseType: "forskola-ansokan",
    administration: "barn-och-utbildning",
    area: "barnomsorg",
    sensitivity: "secret",
    weight: 9,
    organisations: 0,
  },
  {
    caseType: "skolval-ansokan",
    administration: "barn-och-utbildning",
    area: "skola",
    sensitivity: "secret",
    weight: 6,
    organisations: 0,
  },
  {
    caseType: "bygglov-ansokan",
    administration: "samhallsbyggnad",
    area: "bygglov",
    sensitivity: "public",
    weight: 12,
    organisations: 0.3,
    subject: (r, town) => `${property(r, town)}, ${pick(r, BUILD)}`,
  },
  {
    caseType: "bistand-socialtjanst",
    administration: "socialtjanst",
    area: "allmant",
    sensitivity: "secret",
    weight: 6,
    organisations: 0,
  },
  {
    caseType: "detaljplan",
    administration: "samhallsbyggnad",
    area: "allmant",
    sensitivity: "public",
    weight: 1,
    organisations: 0,
    none: 1,
    subject: (r, town) => `Detaljplan för del av ${property(r, town)}`,
  },
  {
    caseType: "tillsyn-livsmedel",
    administration: "samhallsbyggnad",
    area: "allmant",
    sensitivity: "public",
    weight: 3,
    organisations: 1,
    subject: () => "Livsmedelskontroll",
  },
];

const TOWNS: Record<MunicipalitySlug, string> = {
  bengtsfors: "Bengtsfors",
  "dals-ed": "Dals-Ed",
  fargelanda: "Färgelanda",
  mellerud: "Mellerud",
  amal: "Åmål",
};
/** Cases per year, roughly in proportion to population. */
const PER_YEAR: Record<MunicipalitySlug, number> = {
  bengtsfors: 150,
  "dals-ed": 90,
  fargelanda: 110,
  mellerud: 150,
  amal: 190,
};
export const DIARIUM_YEARS = [2022, 2023, 2024, 2025, 2026] as const;
/** The register ends here (fixed, so the seed does not depend on the clock). */
const END = Date.UTC(2026, 10, 20);

function statusFor(r: Rng, spec: TypeSpec, ageDays: number): CaseStatus {
  if (ageDays > 120) return r() < 0.8 ? "closed" : "decided";
  if (ageDays > 30)
    return pick(
      r,
      spec.area === "barnomsorg"
        ? ["place_offered", "place_accepted", "decided"]
        : ["in_progress", "decided", "closed"],
    );
  return pick(
    r,
    spec.area === "bygglov" ? ["received", "awaiting_completion", "complete"] : ["received", "in_progress"],
  );
}

export function generateDiarium(): SeedDiariumEntry[] {
  const r = mulberry32(20261126);
  const total = TYPES.reduce((s, t) => s + t.weight, 0);
  const out: SeedDiariumEntry[] = [];
  for (const municipality of MUNICIPALITY_SLUGS) {
    for (const year of DIARIUM_YEARS) {
      const start = Date.UTC(year, 0, 1);
      const end = Math.min(Date.UTC(year + 1, 0, 1), END);
      const count = Math.round((PER_YEAR[municipality] * (end - start)) / (365 * 86_400_000));
      const times = Array.from({ length: count }, () => start + Math.floor(r() * (end - start))).sort((a, b) => a - b);
      for (const time of times) {
        let x = r() * total;
        const spec = TYPES.find((t) => (x -= t.weight) < 0) ?? TYPES[0]!;
        const roll = r();
        const partyKind = roll < (spec.none ?? 0) ? "none" : r() < spec.organisations ? "organisation" : "person";
        const partyName =
          partyKind === "none"
            ? null
            : partyKind === "organisation"
              ? pick(r, spec.caseType === "ansokan-foreningsbidrag" ? ASSOCIATIONS : COMPANIES)
              : `${pick(r, FIRST)} ${pick(r, LAST)}`;
        out.push({
          municipality,
          administration: spec.administration,
          caseType: spec.caseType,
          area: spec.area,
          sensitivity: spec.sensitivity,
          subject: spec.subject ? spec.subject(r, TOWNS[municipality]) : null,
          partyKind,
          partyName,
          status: statusFor(r, spec, (END - time) / 86_400_000),
          registeredAt: new Date(time).toISOString(),
          year,
        });
      }
    }
  }
  // The canaries (see DIARIUM_CANARY), in Åmål in the current year.
  const at = (d: number) => new Date(Date.UTC(2026, 9, d, 9)).toISOString();
  out.push(
    {
      municipality: "amal",
      administration: "samhallsbyggnad",
      caseType: "felanmalan-gata-park",
      area: "allmant",
      sensitivity: "public",
      subject: "Kanalvägen, trasig gatubelysning",
      partyKind: "person",
      partyName: DIARIUM_CANARY,
      status: "in_progress",
      registeredAt: at(5),
      year: 2026,
    },
    {
      municipality: "amal",
      administration: "barn-och-utbildning",
      caseType: "forskola-ansokan",
      area: "barnomsorg",
      sensitivity: "secret",
      subject: `Plats för ${DIARIUM_CANARY}`,
      partyKind: "person",
      partyName: DIARIUM_CANARY,
      status: "received",
      registeredAt: at(6),
      year: 2026,
    },
    {
      municipality: "amal",
      administration: "kommunledning",
      caseType: "synpunkter-klagomal",
      area: "allmant",
      sensitivity: "personal",
      subject: `Klagomål från ${DIARIUM_CANARY}`,
      partyKind: "person",
      partyName: DIARIUM_CANARY,
      status: "received",
      registeredAt: at(7),
      year: 2026,
    },
  );
  return out.sort((a, b) => a.registeredAt.localeCompare(b.registeredAt));
}
