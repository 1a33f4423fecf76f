/**
 * Shapes of the hand-written seed content. Pure data: no imports from the app or drizzle,
 * so the files can be read by the seed, by tests and by scripts alike.
 * Everything invented is example content and is marked with `example: true`.
 */
export const MUNICIPALITY_SLUGS = ["bengtsfors", "dals-ed", "fargelanda", "mellerud", "amal"] as const;
export type MunicipalitySlug = (typeof MUNICIPALITY_SLUGS)[number];

export const ADMINISTRATION_SLUGS = [
  "barn-och-utbildning",
  "samhallsbyggnad",
  "socialtjanst",
  "kultur-och-fritid",
  "kommunledning",
] as const;
export type AdministrationSlug = (typeof ADMINISTRATION_SLUGS)[number];

export const CATEGORY_SLUGS = [
  "barn-och-utbildning",
  "bygga-bo-och-miljo",
  "omsorg-och-stod",
  "naringsliv-och-arbete",
  "kommun-och-politik",
  "trafik-och-infrastruktur",
  "kultur-och-fritid",
] as const;
export type CategorySlug = (typeof CATEGORY_SLUGS)[number];

/** A text in both languages. Swedish is required; English must be complete too. */
export interface Bilingual {
  sv: string;
  en: string;
}

export interface ServiceContact {
  name: Bilingual; // e.g. "Kundtjänst Barn och utbildning"
  phone: string; // Swedish format "0531-52 60 00"
  email: string; // e.g. "barnomsorg@bengtsfors.example.se" (example domains only)
}

/** Per-municipality differences shown for the visitor's chosen municipality. */
export interface MunicipalVariant {
  fee?: Bilingual;
  processingTime?: Bilingual;
  /** Processing time in days, for comparison tables and statistics; omit when not meaningful. */
  processingDays?: number;
  contact?: ServiceContact;
  localRules?: Bilingual;
}

export interface SeedService {
  /** Stable kebab-case Swedish slug without diacritics, unique: "forskola", "bygglov-nybyggnad". */
  slug: string;
  category: CategorySlug;
  administration: AdministrationSlug;
  /** "shared" = offered by all five; otherwise the municipalities that offer it. */
  offeredBy: "shared" | MunicipalitySlug[];
  title: Bilingual;
  /** One or two plain-language sentences. */
  summary: Bilingual;
  /** Who the service is for. */
  audience: Bilingual;
  /** How to apply, in plain language (Markdown allowed). */
  howToApply: Bilingual;
  /** Default cost text when no municipal variant says otherwise. */
  cost: Bilingual;
  /** Default processing time text. */
  processingTime: Bilingual;
  processingDays?: number;
  /** Law or regulation, e.g. "Skollagen (2010:800) 8 kap." */
  legalBasis: Bilingual;
  /** Longer description in Markdown (a few paragraphs, may use lists and headings ##). */
  body: Bilingual;
  /** Search keywords and synonyms (Swedish and English, lower case). */
  keywords: string[];
  /** Slugs of related services in this list. */
  related: string[];
  /** Slugs of other authorities (see authorities.ts), e.g. "skatteverket". */
  authorities: string[];
  /** Optional e-service or form link target id (form id like "forskola-ansokan"). */
  eServiceId?: string;
  variants: Partial<Record<MunicipalitySlug, MunicipalVariant>>;
  example: true;
}
