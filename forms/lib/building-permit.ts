/**
 * Rules of the building-permit e-service that both the browser and the server apply: the
 * measure types, which drawings each one needs, when a kontrollansvarig is required, which
 * area figures are asked for, and the format of a property designation.
 * Pure, no imports from the server (forms/ runs in both places).
 */

export const MEASURE_TYPES = [
  "nybyggnad",
  "tillbyggnad",
  "andrad-anvandning",
  "fasadandring",
  "rivningslov",
  "marklov",
  "attefall",
] as const;
export type MeasureType = (typeof MEASURE_TYPES)[number];

export const ATTACHMENT_KINDS = ["situationsplan", "fasadritningar", "planritning", "sektionsritning"] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

export function isMeasureType(value: unknown): value is MeasureType {
  return typeof value === "string" && (MEASURE_TYPES as readonly string[]).includes(value);
}

export function isAttachmentKind(value: unknown): value is AttachmentKind {
  return typeof value === "string" && (ATTACHMENT_KINDS as readonly string[]).includes(value);
}

/**
 * Drawings required per measure type (Boverkets vägledning on what an application must contain,
 * simplified). A demolition needs a site plan that shows what goes; a change of use needs the
 * floor plan of the new use; a façade change needs the façades.
 */
export const REQUIRED_ATTACHMENTS: Readonly<Record<MeasureType, readonly AttachmentKind[]>> = {
  nybyggnad: ["situationsplan", "fasadritningar", "planritning", "sektionsritning"],
  tillbyggnad: ["situationsplan", "fasadritningar", "planritning", "sektionsritning"],
  "andrad-anvandning": ["situationsplan", "planritning"],
  fasadandring: ["fasadritningar"],
  rivningslov: ["situationsplan"],
  marklov: ["situationsplan", "sektionsritning"],
  attefall: ["situationsplan", "fasadritningar", "planritning", "sektionsritning"],
};

/** Which drawings are still missing, in the order the list shows them. */
export function missingAttachments(measure: MeasureType, uploaded: Iterable<string>): AttachmentKind[] {
  const have = new Set(uploaded);
  return REQUIRED_ATTACHMENTS[measure].filter((kind) => !have.has(kind));
}

/** Which area figures the form asks for: building area (BYA) and gross floor area (BTA). */
export const AREA_FIELDS: Readonly<Record<MeasureType, readonly ("buildingArea" | "grossFloorArea")[]>> = {
  nybyggnad: ["buildingArea", "grossFloorArea"],
  tillbyggnad: ["buildingArea", "grossFloorArea"],
  "andrad-anvandning": ["grossFloorArea"],
  fasadandring: [],
  rivningslov: ["grossFloorArea"],
  marklov: [],
  attefall: ["buildingArea", "grossFloorArea"],
};

/** A small extension (under 15 m² BTA) is "ringa" and needs no kontrollansvarig (PBL 10:10, simplified). */
export const SMALL_EXTENSION_M2 = 15;

export function requiresKontrollansvarig(measure: MeasureType, grossFloorArea: number | null | undefined): boolean {
  switch (measure) {
    case "nybyggnad":
    case "andrad-anvandning":
    case "rivningslov":
      return true;
    case "tillbyggnad":
      return grossFloorArea == null || grossFloorArea >= SMALL_EXTENSION_M2;
    default:
      return false;
  }
}

/** Area figures are whole or decimal square metres; plausible range for Dalsland buildings. */
export function parseArea(input: string | null | undefined): { ok: true; value: number | null } | { ok: false } {
  const text = (input ?? "").trim().replace(",", ".").replace(/\s/g, "");
  if (text === "") return { ok: true, value: null };
  if (!/^\d{1,6}(\.\d{1,2})?$/.test(text)) return { ok: false };
  const value = Number(text);
  if (value <= 0 || value > 100_000) return { ok: false };
  return { ok: true, value };
}

/** Behörighetsnummer of a certified kontrollansvarig: "SC1234-56" style, leniently "SC 1234-56". */
export function normalizeCertificationNumber(input: string): string | null {
  const text = input.trim().toUpperCase().replace(/\s+/g, "");
  return /^[A-Z]{2,4}\d{3,6}(-\d{2})?$/.test(text) ? text : null;
}
