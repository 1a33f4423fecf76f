/**
 * The plain-language helper for editors (Klarspråk): LIX, long sentences, passive-heavy text and
 * words to avoid. Pure and small, so the edit page can run it on the server (works without
 * JavaScript) and, when hydrated, in the browser as the editor types.
 *
 * LIX (läsbarhetsindex, Björnsson 1968) = words per sentence + percentage of words longer than
 * six letters. Below 30 is easy, 40 is ordinary news text, above 50 is hard (official prose).
 */
import bureaucraticWords from "~/config/bureaucratic-words.json";

export type Lang = "sv" | "en";

/** The configurable list lives in app/config/bureaucratic-words.json (edit it, no code change). */
export const DEFAULT_BUREAUCRATIC_WORDS: Record<Lang, string[]> = {
  sv: bureaucraticWords.sv,
  en: bureaucraticWords.en,
};

export const LONG_SENTENCE_WORDS = 25;
const PASSIVE_SHARE_WARNING = 0.3;

// Swedish s-passives: "skickas", "behandlas", "skickades", "beviljats" and common short ones.
const SV_PASSIVE_SHORT = new Set([
  "görs",
  "gjordes",
  "ges",
  "gavs",
  "tas",
  "togs",
  "fås",
  "fick",
  "ses",
  "sågs",
  "anses",
  "ansågs",
  "erbjuds",
  "erbjöds",
  "bedöms",
  "bedömdes",
  "krävs",
  "krävdes",
  "sänds",
  "ställs",
  "utförs",
  "hörs",
  "nås",
  "läggs",
  "betalas",
  "lämnas",
  "prövas",
  "beviljas",
  "behandlas",
  "skickas",
  "fattas",
  "debiteras",
  "registreras",
]);
const SV_NOT_PASSIVE = new Set([
  "alltså",
  "ibland",
  "bas",
  "glas",
  "gas",
  "fas",
  "klas",
  "mas",
  "vas",
  "oas",
  "atlas",
  "kaos",
]);

function isSwedishPassive(word: string): boolean {
  if (SV_PASSIVE_SHORT.has(word)) return true;
  if (SV_NOT_PASSIVE.has(word) || word.length < 6) return false;
  return /(?:[^n]as|ades|ats|des|tes)$/.test(word) && !/(?:ens|ets|ans|ars|ers|ings|ors)$/.test(word);
}

const EN_PASSIVE =
  /\b(?:is|are|was|were|be|been|being|gets|got)\s+(?:\w+ly\s+)?(?:\w+ed|made|given|taken|sent|paid|done|seen|known|held|kept|found|told)\b/gi;

/** Markdown to sentences: headings and list items count as sentences of their own. */
function toPlainBlocks(markdown: string): string[] {
  return (
    markdown
      .replace(/```[\s\S]*?```/g, " ")
      // Neither pattern can run past the next "[" / "(" / "<", so both are linear (decision 040).
      .replace(/\[([^[\]]*)\]\([^()]*\)/g, "$1")
      .replace(/<[^<>]*>/g, " ")
      .replace(/[*_`~>#|]+/g, " ")
      .split(/\n\s*(?:[-+]|\d+[.)])?\s*/)
      .map((b) => b.trim())
      .filter(Boolean)
  );
}

export function sentencesOf(markdown: string): string[] {
  return toPlainBlocks(markdown).flatMap((block) =>
    block
      .split(/(?<=[.!?:])\s+(?=[\p{Lu}"”'(])/u)
      .map((s) => s.trim())
      .filter((s) => /[\p{L}\p{N}]/u.test(s)),
  );
}

const wordsOf = (text: string) => text.match(/[\p{L}\p{N}]+(?:[-’'][\p{L}\p{N}]+)*/gu) ?? [];

export type LixLevel = "veryEasy" | "easy" | "medium" | "hard" | "veryHard";

export function lixLevel(lix: number): LixLevel {
  if (lix < 25) return "veryEasy";
  if (lix < 35) return "easy";
  if (lix < 45) return "medium";
  if (lix < 55) return "hard";
  return "veryHard";
}

export function lix(markdown: string): number {
  const sentences = sentencesOf(markdown);
  const words = sentences.flatMap(wordsOf);
  if (words.length === 0) return 0;
  const long = words.filter((w) => w.replace(/[-’']/g, "").length > 6).length;
  return Math.round(words.length / sentences.length + (long * 100) / words.length);
}

export interface PlainLanguageReport {
  words: number;
  sentences: number;
  lix: number;
  level: LixLevel;
  longSentences: { text: string; words: number }[];
  passives: number;
  passiveShare: number;
  passiveHeavy: boolean;
  bureaucratic: { word: string; count: number }[];
}

export function analyse(
  markdown: string,
  lang: Lang,
  bureaucraticWords: string[] = DEFAULT_BUREAUCRATIC_WORDS[lang],
): PlainLanguageReport {
  const sentences = sentencesOf(markdown);
  const allWords = sentences.flatMap(wordsOf);
  const value = lix(markdown);
  const longSentences = sentences
    .map((text) => ({ text, words: wordsOf(text).length }))
    .filter((s) => s.words > LONG_SENTENCE_WORDS);
  const passiveSentences = sentences.filter((s) =>
    lang === "sv" ? wordsOf(s.toLowerCase()).some(isSwedishPassive) : new RegExp(EN_PASSIVE.source, "i").test(s),
  ).length;
  const lower = ` ${allWords.join(" ").toLowerCase()} `;
  const bureaucratic = bureaucraticWords
    .map((entry) => {
      const needle = entry.toLowerCase();
      // A phrase or stem must start at a word boundary; stems may continue ("erhåller").
      const count = lower.split(` ${needle}`).length - 1;
      return { word: entry, count };
    })
    .filter((b) => b.count > 0);
  const share = sentences.length ? passiveSentences / sentences.length : 0;
  return {
    words: allWords.length,
    sentences: sentences.length,
    lix: value,
    level: lixLevel(value),
    longSentences,
    passives: passiveSentences,
    passiveShare: Math.round(share * 100) / 100,
    passiveHeavy: sentences.length >= 3 && share > PASSIVE_SHARE_WARNING,
    bureaucratic,
  };
}
