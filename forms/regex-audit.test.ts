/**
 * Every regular expression literal in the code that reads requests (app/, forms/, scripts/,
 * db/) runs in linear time on the shapes that make backtracking engines slow (decision 040):
 * long runs of one character or a short cycle, with an ending that does not match. A pattern
 * with nested or adjacent quantifiers over overlapping sets takes seconds here; a linear one
 * takes well under a millisecond. New patterns are covered without listing them.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = join(__dirname, "..");
const DIRS = ["app", "forms", "scripts", "db"];

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name === "node_modules" || name === "build" || name.startsWith(".")) continue;
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.(ts|tsx|mjs|js)$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(path);
  }
  return out;
}

/** Every regex literal with where it stands. */
export function regexLiterals(): { where: string; source: string; re: RegExp }[] {
  const found: { where: string; source: string; re: RegExp }[] = [];
  for (const dir of DIRS) {
    for (const file of sourceFiles(join(ROOT, dir))) {
      const text = readFileSync(file, "utf8");
      const sf = ts.createSourceFile(
        file,
        text,
        ts.ScriptTarget.Latest,
        false,
        file.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
      );
      const visit = (node: ts.Node) => {
        if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
          const literal = node.getText(sf);
          const cut = literal.lastIndexOf("/");
          const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
          found.push({
            where: `${relative(ROOT, file)}:${line}`,
            source: literal,
            re: new RegExp(literal.slice(1, cut), literal.slice(cut + 1)),
          });
        }
        ts.forEachChild(node, visit);
      };
      visit(sf);
    }
  }
  return found;
}

const N = 20_000;
const UNITS = [
  " ",
  "\t",
  "\n",
  "\r\n",
  "\t \t",
  "a",
  "A",
  "ö",
  "1",
  "-",
  "1-",
  "(",
  "((",
  "[",
  "{",
  ".",
  "..",
  "../",
  "/",
  ":",
  ",",
  ", ",
  ";",
  "; ",
  "=",
  "a=",
  "&",
  "%",
  "%2",
  "<",
  "<a ",
  "*",
  "_",
  "\\",
  '"',
  "'",
  "#",
  "a ",
  "a-",
  "1 ",
  " :",
  "x@",
  "@.",
  "+",
  "?",
  "!",
];
const ENDINGS = ["\u0000", "!", "\n!"];

/** The hostile inputs: each unit repeated to about N characters, with an ending that breaks a match. */
export const SHAPES = UNITS.flatMap((unit) => ENDINGS.map((end) => unit.repeat(Math.ceil(N / unit.length)) + end));

function cost(re: RegExp, input: string): number {
  const started = performance.now();
  if (re.global || re.sticky) input.replace(re, "");
  else re.test(input);
  return performance.now() - started;
}

/**
 * The first shape on which `re` is slow, or null. Slow on a shape may be a busy machine or a
 * pattern that matches everywhere (a linear replace of 20,000 matches): so the best of three
 * runs must exceed 25 ms, and a quarter of the input must take less than a third of that time
 * (a linear pattern takes about a quarter, a quadratic one a sixteenth).
 */
export function slowShape(re: RegExp): { shape: string; ms: number; quarterMs: number } | null {
  for (const shape of SHAPES) {
    if (cost(re, shape) <= 25) continue;
    const ms = Math.min(cost(re, shape), cost(re, shape));
    if (ms <= 25) continue;
    const part = shape.slice(0, shape.length / 4) + shape.slice(-1);
    const quarterMs = Math.min(cost(re, part), cost(re, part), cost(re, part));
    if (quarterMs * 3 < ms) return { shape, ms, quarterMs };
  }
  return null;
}

describe("regular expressions on request input", () => {
  const literals = regexLiterals();

  it("are found (the scan works)", () => {
    expect(literals.length).toBeGreaterThan(100);
    expect(literals.some((l) => l.where.startsWith("forms/fields/text.ts"))).toBe(true);
  });

  it("the probe tells a backtracking pattern from a linear one (it can fail)", () => {
    expect(slowShape(/\s*[\r\n]+\s*/g)).not.toBeNull();
    expect(slowShape(/\s+/g)).toBeNull();
  }, 60_000);

  it(`every literal answers every shape of ${N.toLocaleString("en")} characters within 25 ms, or grows linearly`, () => {
    const slow: string[] = [];
    for (const { where, source, re } of literals) {
      const found = slowShape(re);
      if (found)
        slow.push(
          `${where} ${source} on ${JSON.stringify(found.shape.slice(0, 6))}… ${Math.round(found.ms)} ms (a quarter: ${Math.round(found.quarterMs)} ms)`,
        );
    }
    expect(slow).toEqual([]);
  }, 180_000);
});
