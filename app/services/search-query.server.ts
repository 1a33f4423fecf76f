import { fold } from "../../db/search-index";

/**
 * Turning what a visitor typed into a safe FTS5 query, and marking matches in snippets
 * (docs/decisions/010). Pure functions: no database, so they are unit-tested directly.
 *
 * Nothing the visitor types reaches FTS5 as syntax: the input is cut to MAX_INPUT characters and
 * reduced to runs of letters and digits (the same classes the unicode61 tokenizer keeps), each
 * of which becomes a quoted string. Quotes, NEAR, AND/OR/NOT, *, ^, :, parentheses and column
 * names are thereby plain words or gone.
 */
export const MAX_INPUT = 200;
export const MAX_TERMS = 8;
const MAX_TERM_LENGTH = 40;

export const EXACT_COLUMNS = ["title", "keywords", "summary", "body"] as const;
export const FOLDED_COLUMNS = ["title_folded", "keywords_folded", "summary_folded", "body_folded"] as const;
/**
 * bm25 weights in FTS column order: a hit in the title counts most; a hit in the folded copy
 * counts half its exact counterpart, so an exact-diacritics match ranks above a folded one.
 */
export const BM25_WEIGHTS = [10, 6, 3, 1, 5, 3, 1.5, 0.5] as const;

const HAS_DIACRITIC = (term: string) => fold(term) !== term;

/** The visitor's words: lower-cased letter/digit runs, de-duplicated, at most MAX_TERMS. */
export function queryTerms(raw: unknown): string[] {
  if (typeof raw !== "string") return [];
  const cut = raw.slice(0, MAX_INPUT).normalize("NFC").toLowerCase();
  const words = cut.match(/[\p{L}\p{N}]+/gu) ?? [];
  const out: string[] = [];
  for (const w of words) {
    const term = w.slice(0, MAX_TERM_LENGTH);
    if (!out.includes(term)) out.push(term);
    if (out.length === MAX_TERMS) break;
  }
  return out;
}

export interface PlannedTerm {
  term: string;
  /** True when the term is also matched against the diacritic-folded columns. */
  folded: boolean;
}

/**
 * A term typed without diacritics is matched against the folded columns only when no indexed
 * word starts with it exactly: `far` finds "fara" and "fart" but not "får" when those exist,
 * while `forskola` (no such word) finds "förskola". Terms typed with diacritics are exact.
 */
export function planTerms(terms: string[], hasExactPrefix: (term: string) => boolean): PlannedTerm[] {
  return terms.map((term) => ({ term, folded: !HAS_DIACRITIC(term) && !hasExactPrefix(term) }));
}

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
/** Prefix search for words of two letters or more; a single letter must match a whole word. */
const phrase = (s: string) => (s.length >= 2 ? `${quote(s)}*` : quote(s));

/**
 * The FTS5 MATCH expression: every term must match (AND), each in its planned columns.
 *
 * A term typed with å, ä, ö (or any letter that folding changes) needs no column filter: the
 * folded columns hold folded text only, so no word there can start with it, and the term matches
 * in the exact columns alone – the same rows and the same bm25 instances as with the filter. A
 * column filter makes FTS5 read every matching row's position list to check its columns, which
 * roughly doubles the cost of a broad query (docs/decisions/036).
 */
export function buildMatch(planned: PlannedTerm[]): string | null {
  if (planned.length === 0) return null;
  const exactCols = `{${EXACT_COLUMNS.join(" ")}}`;
  const foldedCols = `{${FOLDED_COLUMNS.join(" ")}}`;
  return planned
    .map(({ term, folded }) =>
      folded
        ? `(${exactCols} : ${phrase(term)} OR ${foldedCols} : ${phrase(fold(term))})`
        : HAS_DIACRITIC(term)
          ? phrase(term)
          : `${exactCols} : ${phrase(term)}`,
    )
    .join(" AND ");
}

export interface Segment {
  text: string;
  mark: boolean;
}

/**
 * A window of `text` around the first match, split into segments to be rendered by React (which
 * escapes them); matches are segments with `mark: true`, shown as <mark>. Exact prefix matches are
 * marked; for folded terms, words that match once folded are marked too.
 */
export function highlight(text: string, planned: PlannedTerm[], maxLength = 220): Segment[] {
  const source = text.length > 20_000 ? text.slice(0, 20_000) : text;
  const words = [...source.matchAll(/[\p{L}\p{N}]+/gu)];
  const foldedTerms = planned.filter((p) => p.folded).map((p) => fold(p.term));
  const matches = (word: string) => {
    const lower = word.toLowerCase();
    if (planned.some(({ term }) => lower.startsWith(term))) return true;
    if (foldedTerms.length === 0) return false;
    // Folding (Unicode normalisation) only where there is something to fold.
    // eslint-disable-next-line no-control-regex -- "anything outside ASCII" names \x00 on purpose
    const folded = /[^\x00-\x7f]/.test(lower) ? fold(lower) : lower;
    return foldedTerms.some((term) => folded.startsWith(term));
  };
  const hits = words.filter((w) => matches(w[0]));
  let start = 0;
  const first = hits[0];
  if (first?.index !== undefined && first.index > maxLength / 3) {
    const from = first.index - Math.floor(maxLength / 4);
    const boundary = source.lastIndexOf(" ", from);
    start = boundary < 0 ? from : boundary + 1;
  }
  let end = Math.min(source.length, start + maxLength);
  if (end < source.length) {
    const boundary = source.lastIndexOf(" ", end);
    if (boundary > start) end = boundary;
  }
  const segments: Segment[] = [];
  const push = (t: string, mark: boolean) => {
    if (!t) return;
    const last = segments[segments.length - 1];
    if (last && last.mark === mark) last.text += t;
    else segments.push({ text: t, mark });
  };
  if (start > 0) push("… ", false);
  let cursor = start;
  for (const w of hits) {
    const i = w.index ?? 0;
    if (i < start) continue;
    if (i + w[0].length > end) break;
    push(source.slice(cursor, i), false);
    push(w[0], true);
    cursor = i + w[0].length;
  }
  push(source.slice(cursor, end), false);
  if (end < source.length) push(" …", false);
  return segments;
}
