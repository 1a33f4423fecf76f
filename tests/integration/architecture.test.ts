import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * The house's map (docs/architecture.md) as a check: no folder under app/ imports a folder that
 * imports it back, directly or round a longer circle. Imports are read with the TypeScript
 * compiler's parser (type-only imports and re-exports count: a type is a dependency too).
 * The files directly in app/ (entry.*, root.tsx, env.server.ts, db.server.ts) are the
 * composition root and the process's environment and database: they are no folder and are left out.
 */
const APP = resolve(__dirname, "../../app");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith(".ts") || name.endsWith(".tsx") ? [path] : [];
  });
}

/** The first folder under app/ a path lies in, or null for the files directly in app/. */
function folderOf(path: string): string | null {
  const parts = relative(APP, path).split(sep);
  return parts.length > 1 && parts[0] !== ".." ? parts[0]! : null;
}

function importedSpecifiers(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, false);
  const out: string[] = [];
  for (const statement of source.statements) {
    const spec =
      ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement) ? statement.moduleSpecifier : undefined;
    if (spec && ts.isStringLiteral(spec)) out.push(spec.text);
  }
  return out;
}

/** Folder → the folders its files import (app-internal imports only: `~/…` and relative). */
function folderGraph(files: readonly string[]): Map<string, Map<string, string>> {
  const graph = new Map<string, Map<string, string>>();
  for (const file of files) {
    const from = folderOf(file);
    if (!from) continue;
    const edges = graph.get(from) ?? new Map<string, string>();
    graph.set(from, edges);
    for (const spec of importedSpecifiers(file)) {
      let target: string | undefined;
      if (spec.startsWith("~/")) target = join(APP, spec.slice(2));
      else if (spec.startsWith(".")) target = resolve(dirname(file), spec);
      const to = target ? folderOf(target) : null;
      if (to && to !== from && !edges.has(to)) edges.set(to, relative(APP, file));
    }
  }
  return graph;
}

/** Every circle of folders, each as "a → b → a" with one importing file per step. */
function cycles(graph: Map<string, Map<string, string>>): string[] {
  const found: string[] = [];
  const path: string[] = [];
  const walk = (node: string, start: string) => {
    for (const [next, file] of graph.get(node) ?? []) {
      if (next === start) {
        found.push([...path, node, start].join(" → ") + ` (last step: ${file})`);
      } else if (next > start && !path.includes(next) && next !== node) {
        path.push(node);
        walk(next, start);
        path.pop();
      }
    }
  };
  // Each circle is reported once, from its alphabetically first folder.
  for (const start of [...graph.keys()].sort()) walk(start, start);
  return found;
}

/** The folder order between the layers markers of docs/architecture.md, top first. */
function mapLayers(): string[] {
  const map = readFileSync(resolve(APP, "../docs/architecture.md"), "utf8");
  const block = map.slice(map.indexOf("<!-- layers:start -->"), map.indexOf("<!-- layers:end -->"));
  return block
    .split("\n")
    .filter((line) => line.startsWith("- "))
    .map((line) => line.slice(2).trim());
}

describe("the architecture map", () => {
  const graph = folderGraph(sourceFiles(APP));

  it("no folder under app/ imports a folder that imports it back", () => {
    expect(cycles(graph)).toEqual([]);
  });

  it("the check sees a circle when there is one", () => {
    const withCircle = new Map(graph);
    withCircle.set("auth", new Map([...(graph.get("auth") ?? []), ["services", "auth/example.ts"]]));
    withCircle.set("services", new Map([...(graph.get("services") ?? []), ["auth", "services/example.ts"]]));
    expect(cycles(withCircle).some((c) => c.startsWith("auth → services → auth"))).toBe(true);
  });

  it("docs/architecture.md lists every folder under app/ in its layers, and each imports only those below it", () => {
    const layers = mapLayers();
    const folders = readdirSync(APP).filter((name) => statSync(join(APP, name)).isDirectory());
    expect([...layers].sort()).toEqual([...folders].sort());
    const upward: string[] = [];
    for (const [from, edges] of graph) {
      for (const [to, file] of edges) {
        if (layers.indexOf(to) < layers.indexOf(from)) upward.push(`${from} → ${to} (${file})`);
      }
    }
    expect(upward).toEqual([]);
  });
});
