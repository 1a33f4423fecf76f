import type { FieldValue, ShowIf } from "./types";

/** Looks up an answer by field name (group siblings first, then the whole form). */
export type AnswerLookup = (name: string) => FieldValue | undefined;

/** Whether a `showIf` condition holds for the given answers. No condition = always shown. */
export function conditionHolds(showIf: ShowIf | undefined, lookup: AnswerLookup): boolean {
  if (!showIf) return true;
  const answer = lookup(showIf.field);
  if (answer === undefined) return false;
  const wanted = showIf.equals;
  if (typeof wanted === "boolean") return answer === wanted;
  const accepted = typeof wanted === "string" ? [wanted] : wanted;
  if (typeof answer === "string") return accepted.includes(answer);
  if (Array.isArray(answer)) return answer.some((item) => typeof item === "string" && accepted.includes(item));
  return false;
}

export function lookupIn(
  ...sources: ReadonlyArray<Readonly<Record<string, FieldValue | undefined>> | undefined>
): AnswerLookup {
  return (name) => {
    for (const source of sources) {
      if (source && Object.prototype.hasOwnProperty.call(source, name)) {
        const value = source[name];
        if (value !== undefined) return value;
      }
    }
    return undefined;
  };
}
