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

/**
 * Fastighetsbeteckning: "<kommun> <trakt> <block>:<enhet>", e.g. "Åmål Plogen 4:2" or
 * "Dals-Ed Nössemark 1:14". Whitespace is collapsed and the municipality's spelling restored,
 * so "åmål  plogen 4:2" matches. `municipalityNames` are the portal's municipalities, read from
 * the database by the caller (decision 056). Returns null when the text is not a designation.
 */
export function normalizePropertyDesignation(input: string, municipalityNames: readonly string[]): string | null {
  // No designation is longer; a longer text is not read further (decision 040).
  if (input.length > 200) return null;
  const text = input.normalize("NFC").trim().replace(/\s+/g, " ");
  // "\S+" already takes "Dals-Ed" whole; the former "\S+(?:-\S+)?" matched the same and backtracked.
  const m = /^(\S+)\s+([\p{L}][\p{L}\- ]{0,40}?)\s+(\d{1,4}):(\d{1,4})$/u.exec(text);
  if (!m) return null;
  const [, kommun = "", traktText = "", block = "", unit = ""] = m;
  const municipality = municipalityNames.find(
    (name) => name.toLocaleLowerCase("sv") === kommun.toLocaleLowerCase("sv"),
  );
  if (!municipality) return null;
  const trakt = traktText
    .split(" ")
    .map((w) => w.charAt(0).toLocaleUpperCase("sv") + w.slice(1).toLocaleLowerCase("sv"))
    .join(" ");
  return `${municipality} ${trakt} ${Number(block)}:${Number(unit)}`;
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
