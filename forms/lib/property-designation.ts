/**
 * Registerbeteckning (fastighetsbeteckning) for any property in Sweden, as Lantmäteriet writes
 * them (Registerbeteckning Direkt v5, "Informationsinnehåll"): registerområde (the municipality),
 * trakt or kvarter (one or more words), then block and enhet: "Åmål Gerdsmyren 1:23",
 * "Göteborg Inom Vallgraven 1:1", "Lilla Edet Lilla Edet 1:2". A designation built on a kvarter
 * has no block ("Stockholm Pelikanen 1"); a samfällighet has "s" for block ("Åmål Tösse s:3").
 *
 * Which of the leading words are the registerområde cannot be told from the text alone (a
 * municipality's name may have several words, and so may a trakt): the register answers with
 * both, and `splitRegisterArea` splits with a list of names when one is at hand.
 *
 * Read with loops over characters, no regular expression: linear in the input (decision 040).
 */
export interface PropertyDesignation {
  /** Registerområde and trakt as one text, each word capitalised: "Dals-Ed Nössemark". */
  name: string;
  /** The block number, "s" for a samfällighet, or null for a kvarter without a block. */
  block: string | null;
  unit: number;
  /** The whole designation, normalised: "Dals-Ed Nössemark 1:14". */
  text: string;
}

/** No designation is longer; a longer text is not read further (decision 040). */
const MAX_LENGTH = 120;
const MAX_WORDS = 8;

function isDigit(c: string): boolean {
  return c >= "0" && c <= "9";
}

function isLetter(c: string): boolean {
  return c.toLocaleLowerCase("sv") !== c.toLocaleUpperCase("sv");
}

function isSpace(c: string): boolean {
  return c === " " || c === "\t" || c === "\n" || c === "\r" || c === "\u00a0";
}

/** A block or unit number: 1 to 4 digits, not zero; leading zeros dropped. */
function number(text: string): number | null {
  if (text.length === 0 || text.length > 4) return null;
  for (const c of text) if (!isDigit(c)) return null;
  const value = Number(text);
  return value > 0 ? value : null;
}

/** Words of letters and digits joined by single hyphens, with at least one letter. */
function word(text: string): string | null {
  if (text.length === 0 || text.length > 40) return null;
  let letters = 0;
  let out = "";
  let startOfPart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (c === "-") {
      if (startOfPart || i === text.length - 1) return null;
      out += c;
      startOfPart = true;
      continue;
    }
    if (isLetter(c)) letters++;
    else if (!isDigit(c)) return null;
    out += startOfPart ? c.toLocaleUpperCase("sv") : c.toLocaleLowerCase("sv");
    startOfPart = false;
  }
  return letters > 0 ? out : null;
}

/** Splits on runs of white space, and lets "4 : 2" or "4: 2" stand for "4:2". */
function tokens(text: string): string[] {
  const out: string[] = [];
  let current = "";
  for (const c of text) {
    if (isSpace(c)) {
      if (current) out.push(current);
      current = "";
    } else current += c;
  }
  if (current) out.push(current);
  const joined: string[] = [];
  for (const t of out) {
    const last = joined[joined.length - 1];
    if (last !== undefined && (t.startsWith(":") || last.endsWith(":"))) joined[joined.length - 1] = last + t;
    else joined.push(t);
  }
  return joined;
}

export function parsePropertyDesignation(input: string): PropertyDesignation | null {
  if (input.length > MAX_LENGTH) return null;
  const parts = tokens(input.normalize("NFC"));
  if (parts.length < 3 || parts.length > MAX_WORDS + 1) return null;
  const last = parts[parts.length - 1] ?? "";
  const colon = last.indexOf(":");
  let block: string | null = null;
  let unit: number | null;
  if (colon < 0) unit = number(last);
  else {
    if (last.indexOf(":", colon + 1) >= 0) return null;
    const head = last.slice(0, colon);
    unit = number(last.slice(colon + 1));
    if (head === "s" || head === "S") block = "s";
    else {
      const b = number(head);
      if (b === null) return null;
      block = String(b);
    }
  }
  if (unit === null) return null;
  const words: string[] = [];
  for (const part of parts.slice(0, -1)) {
    const w = word(part);
    if (w === null) return null;
    words.push(w);
  }
  const first = words[0] ?? "";
  if (!isLetter(first.charAt(0))) return null;
  const name = words.join(" ");
  return { name, block, unit, text: `${name} ${block === null ? "" : `${block}:`}${unit}` };
}

/** The normalised text of a designation, or null when the text is not one. */
export function normalizePropertyDesignation(input: string): string | null {
  return parsePropertyDesignation(input)?.text ?? null;
}

/**
 * Splits "<registerområde> <trakt>" with a list of municipality names, the longest name first
 * ("Lilla Edet Lilla Edet" → "Lilla Edet" + "Lilla Edet"). Null when no name fits.
 */
export function splitRegisterArea(
  name: string,
  municipalityNames: readonly string[],
): { municipality: string; trakt: string } | null {
  const lower = name.toLocaleLowerCase("sv");
  const sorted = [...municipalityNames].sort((a, b) => b.length - a.length);
  for (const m of sorted) {
    const prefix = `${m.toLocaleLowerCase("sv")} `;
    if (lower.startsWith(prefix) && lower.length > prefix.length)
      return { municipality: m, trakt: name.slice(prefix.length) };
  }
  return null;
}
