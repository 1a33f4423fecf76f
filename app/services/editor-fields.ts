/**
 * What an editor can change on each content type: shared by the edit pages (to render) and
 * app/services/editor.server.ts (to validate and save). Form field names are the tables'
 * column names in camelCase, so a form, a row and a version snapshot speak the same keys.
 * Pure: no database, safe in the browser.
 */
import type { ContentType } from "../../db/schema/catalogue";

export type { ContentType };

/** URL segment ↔ content type (/redaktor/tjanster/12). */
export const TYPE_SEGMENTS = { tjanster: "service", sidor: "page", nyheter: "news" } as const satisfies Record<
  string,
  ContentType
>;
export type TypeSegment = keyof typeof TYPE_SEGMENTS;
export const SEGMENT_OF: Record<ContentType, TypeSegment> = { service: "tjanster", page: "sidor", news: "nyheter" };

export function typeOfSegment(segment: string | undefined): ContentType | undefined {
  return segment && segment in TYPE_SEGMENTS ? TYPE_SEGMENTS[segment as TypeSegment] : undefined;
}

/** A text in two columns, Swedish (required unless optional) and English (falls back to Swedish). */
export interface BilingualField {
  /** Column stem: `title` → titleSv, titleEn. */
  name: string;
  kind: "line" | "text" | "markdown";
  optional?: boolean;
  max: number;
}

/** A single-language field (contacts, keywords). */
export interface PlainField {
  name: string;
  kind: "line" | "email" | "tel";
  max: number;
}

export const BILINGUAL_FIELDS: Record<ContentType, BilingualField[]> = {
  service: [
    { name: "title", kind: "line", max: 200 },
    { name: "summary", kind: "text", max: 1000 },
    { name: "audience", kind: "text", max: 2000 },
    { name: "howToApply", kind: "markdown", max: 10000 },
    { name: "cost", kind: "text", max: 2000 },
    { name: "processingTime", kind: "line", max: 500 },
    { name: "legalBasis", kind: "line", max: 500 },
    { name: "body", kind: "markdown", max: 40000 },
  ],
  page: [
    { name: "title", kind: "line", max: 200 },
    { name: "summary", kind: "text", max: 1000 },
    { name: "body", kind: "markdown", max: 40000 },
    { name: "openingHours", kind: "text", optional: true, max: 1000 },
  ],
  news: [
    { name: "title", kind: "line", max: 200 },
    { name: "summary", kind: "text", max: 1000 },
    { name: "body", kind: "markdown", max: 40000 },
  ],
};

export const PLAIN_FIELDS: Record<ContentType, PlainField[]> = {
  service: [{ name: "keywords", kind: "line", max: 1000 }],
  page: [
    { name: "contactName", kind: "line", max: 200 },
    { name: "contactPhone", kind: "tel", max: 50 },
    { name: "contactEmail", kind: "email", max: 200 },
    { name: "visitingAddress", kind: "line", max: 300 },
  ],
  news: [],
};

/** The per-municipality differences of a service (service_municipality). */
export const VARIANT_FIELDS: BilingualField[] = [
  { name: "fee", kind: "text", optional: true, max: 2000 },
  { name: "processingTime", kind: "line", optional: true, max: 500 },
  { name: "contactName", kind: "line", optional: true, max: 200 },
  { name: "localRules", kind: "markdown", optional: true, max: 10000 },
];
export const VARIANT_PLAIN_FIELDS: PlainField[] = [
  { name: "contactPhone", kind: "tel", max: 50 },
  { name: "contactEmail", kind: "email", max: 200 },
];

/** Columns an edit or a restore may write (besides the life-cycle columns editors set on publish). */
export function editableColumns(type: ContentType): string[] {
  return [
    ...BILINGUAL_FIELDS[type].flatMap((f) => [`${f.name}Sv`, `${f.name}En`]),
    ...PLAIN_FIELDS[type].map((f) => f.name),
    "owner",
    "reviewBy",
  ];
}

/** The order of fields in the form, for the error summary. */
export function fieldOrder(type: ContentType, creating: boolean): string[] {
  return [
    ...(creating ? CREATE_FIELDS[type] : []),
    ...BILINGUAL_FIELDS[type].flatMap((f) => [`${f.name}Sv`, `${f.name}En`]),
    ...PLAIN_FIELDS[type].map((f) => f.name),
    "owner",
    "reviewBy",
  ];
}

/** Fields only set when an item is created (they decide its address and who owns it). */
export const CREATE_FIELDS: Record<ContentType, string[]> = {
  service: ["slug", "category", "scope"],
  page: ["slug", "kind", "scope"],
  news: ["slug", "scope"],
};

export type FormValues = Record<string, string>;
/** Field errors as i18n keys in the editor namespace. */
export type EditorErrors = Partial<Record<string, string>>;
