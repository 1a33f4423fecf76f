/**
 * Every i18n key the code names exists in Swedish and in English (decision 054). Keys are string
 * literals: passed to `t()` / `<Trans i18nKey>` in app/ and forms/, or the values of the typed key
 * maps in app/i18n/keys.ts, which translate a domain value (a status, an outcome, a role …) to its
 * full key. A key built at run time (`t(\`x.${y}\`)`) cannot be listed, so it is refused.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { supportedLanguages } from "./config";
import * as keyMaps from "./keys";

const ROOT = join(__dirname, "..", "..");
const LOCALES = join(ROOT, "public", "locales");

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name === "node_modules" || name.startsWith(".")) continue;
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if ((name.endsWith(".ts") || name.endsWith(".tsx")) && !name.includes(".test.")) out.push(path);
  }
  return out;
}

type Tree = { [key: string]: unknown };
const catalogues = new Map<string, Tree>();
function catalogue(lng: string, ns: string): Tree | undefined {
  const id = `${lng}/${ns}`;
  if (!catalogues.has(id)) {
    try {
      catalogues.set(id, JSON.parse(readFileSync(join(LOCALES, lng, `${ns}.json`), "utf8")) as Tree);
    } catch {
      return undefined;
    }
  }
  return catalogues.get(id);
}

function lookup(tree: Tree | undefined, key: string): unknown {
  let node: unknown = tree;
  for (const part of key.split(".")) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Tree)[part];
  }
  return node;
}

/** Whether `key` (plain or with i18next's plural suffixes) is a text or a subtree in `ns` of `lng`. */
export function hasKey(lng: string, ns: string, key: string): boolean {
  const tree = catalogue(lng, ns);
  return [key, `${key}_one`, `${key}_other`].some((k) => lookup(tree, k) !== undefined);
}

function stringsOf(node: ts.Node | undefined): string[] {
  if (!node) return [];
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
  if (ts.isArrayLiteralExpression(node)) return node.elements.flatMap((e) => stringsOf(e));
  return [];
}

const isTranslator = (callee: ts.Expression) =>
  (ts.isIdentifier(callee) && callee.text === "t") ||
  (ts.isPropertyAccessExpression(callee) && callee.name.text === "t");

interface Use {
  where: string;
  key: string;
  namespaces: string[];
}

/** The literal keys and the run-time-built keys of one source file. */
function scan(file: string): { uses: Use[]; built: string[] } {
  const text = readFileSync(file, "utf8");
  const sf = ts.createSourceFile(
    file,
    text,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const namespaces = new Set<string>();
  const found: { where: string; key: string }[] = [];
  const built: string[] = [];
  const where = (node: ts.Node) =>
    `${relative(ROOT, file)}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}`;
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const name = ts.isIdentifier(callee)
        ? callee.text
        : ts.isPropertyAccessExpression(callee)
          ? callee.name.text
          : "";
      if (name === "useTranslation") {
        const ns = stringsOf(node.arguments[0]);
        (ns.length > 0 ? ns : ["common"]).forEach((n) => namespaces.add(n));
      }
      if (name === "getFixedT") {
        const ns = stringsOf(node.arguments[1]);
        (ns.length > 0 ? ns : ["common"]).forEach((n) => namespaces.add(n));
      }
      if (isTranslator(callee)) {
        const first = node.arguments[0];
        if (first && ts.isTemplateExpression(first)) built.push(`${where(node)} ${first.getText(sf)}`);
        else if (first && ts.isArrayLiteralExpression(first)) {
          stringsOf(first).forEach((key) => found.push({ where: where(node), key }));
        } else stringsOf(first).forEach((key) => found.push({ where: where(node), key }));
      }
    }
    if (ts.isJsxAttribute(node) && node.name.getText(sf) === "i18nKey" && node.initializer) {
      const init = node.initializer;
      if (ts.isStringLiteral(init)) found.push({ where: where(node), key: init.text });
      else if (ts.isJsxExpression(init) && init.expression) {
        if (ts.isTemplateExpression(init.expression)) built.push(`${where(node)} ${init.expression.getText(sf)}`);
        else stringsOf(init.expression).forEach((key) => found.push({ where: where(node), key }));
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  const own = namespaces.size > 0 ? [...namespaces] : ["common"];
  return { uses: found.map((f) => ({ ...f, namespaces: own })), built };
}

/** `ns:key` names its namespace; a bare key is looked up in the namespaces its file loads. */
function missing(use: Use, lng: string): boolean {
  // forms/ names its keys "forms.<path>" and turns them into "forms:<path>" at the boundary (forms/keys.ts).
  if (use.key.startsWith("forms.") && hasKey(lng, "forms", use.key.slice("forms.".length))) return false;
  const colon = use.key.indexOf(":");
  if (colon > 0) return !hasKey(lng, use.key.slice(0, colon), use.key.slice(colon + 1));
  return !use.namespaces.some((ns) => hasKey(lng, ns, use.key));
}

function mapValues(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (value !== null && typeof value === "object") return Object.values(value).flatMap(mapValues);
  return [];
}

const files = ["app", "forms"].flatMap((dir) => sourceFiles(join(ROOT, dir)));
const scanned = files.map(scan);

describe("i18n keys used in the code", () => {
  it("finds the keys the code names (the scan itself works)", () => {
    const keys = scanned.flatMap((s) => s.uses.map((u) => u.key));
    expect(keys).toContain("eservice:check.errors.generic");
    expect(keys.length).toBeGreaterThan(500);
  });

  for (const lng of supportedLanguages) {
    it(`every literal key passed to t() or <Trans> exists in ${lng}`, () => {
      const absent = scanned.flatMap((s) => s.uses.filter((u) => missing(u, lng)).map((u) => `${u.where} ${u.key}`));
      expect(absent).toEqual([]);
    });

    it(`every key in the typed key maps exists in ${lng}`, () => {
      const keys = Object.values(keyMaps).flatMap(mapValues);
      expect(keys.length).toBeGreaterThan(0);
      const absent = keys.filter((k) => missing({ where: "app/i18n/keys.ts", key: k, namespaces: [] }, lng));
      expect(absent).toEqual([]);
    });
  }

  // The keys still built at run time when this test was written; each is to become a map (or a
  // literal) and leave the list. The list only shrinks: a new one fails, and so does a stale entry.
  it("no key is built at run time beyond the known list: a domain value goes through a map in app/i18n/keys.ts", () => {
    const known = JSON.parse(readFileSync(join(__dirname, "keys-built-at-run-time.json"), "utf8")) as string[];
    const built = scanned.flatMap((s) => s.built).map((b) => b.replace(/:\d+ /, " "));
    expect(built.filter((b) => !known.includes(b))).toEqual([]);
    expect(known.filter((k) => !built.includes(k))).toEqual([]);
  });
});
