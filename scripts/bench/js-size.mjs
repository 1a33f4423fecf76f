// The JavaScript a page of one route loads when it hydrates, from the client build's manifest
// (public/build/manifest-*.js): the entry, the root and the route, each with its imports,
// counted once and gzip-compressed (level 6, as `compression` sends them). Decision 088.
// A form island page (decision 108) loads no Remix scripts but the island's module
// (the never-matched route `routes/_island`) with its imports: that is what is counted for it.
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";

/** The manifest object the client build wrote (`window.__remixManifest = {...}`). */
function readManifest(buildDir) {
  const name = readdirSync(buildDir).find((f) => /^manifest-[A-Z0-9]+\.js$/.test(f));
  if (!name) throw new Error(`no manifest in ${buildDir}: run \`npx remix build\` first`);
  const text = readFileSync(join(buildDir, name), "utf8");
  return JSON.parse(text.slice(text.indexOf("{"), text.lastIndexOf("}") + 1));
}

/**
 * Routes whose pages hydrate only an island (`handle.island`, app/root.tsx), with the island's
 * never-matched route: the form step's form (decision 108), the check page's payment panel when
 * there is a fee to pay (decision 111; without one the check page loads nothing).
 */
const ISLAND_PAGES = new Map([
  ["routes/blanketter.$id_.$step", "routes/_island"],
  ["routes/blanketter.$id_.kontrollera", "routes/_payisland"],
]);

/**
 * Gzip bytes of every script a hydrating page of `routeId` loads, largest first, and their sum.
 * `publicDir` is where `/build/…` URLs are served from. `document: true` counts the whole
 * document's hydration (entry, root, route) even for an island page, as before decision 108.
 */
export function routeJs(routeId, { publicDir = resolve("public"), document = false } = {}) {
  const manifest = readManifest(join(publicDir, "build"));
  const route = manifest.routes[routeId];
  if (!route) throw new Error(`no route ${routeId} in the client manifest`);
  const urls = new Set();
  const add = (m) => [m.module, ...(m.imports ?? [])].forEach((u) => urls.add(u));
  if (ISLAND_PAGES.has(routeId) && !document) {
    const islandRoute = ISLAND_PAGES.get(routeId);
    const island = manifest.routes[islandRoute];
    if (!island) throw new Error(`no route ${islandRoute} in the client manifest`);
    // The manifest leaves out of a route's imports what the entry imports; the browser loads
    // what the island's module really imports, so follow its static imports.
    const queue = [island.module];
    while (queue.length > 0) {
      const url = queue.pop();
      if (urls.has(url)) continue;
      urls.add(url);
      const text = readFileSync(join(publicDir, url), "utf8");
      for (const m of text.matchAll(/(?:from|import)\s*"(\/build\/[\w./-]+\.js)"/g)) queue.push(m[1]);
    }
  } else {
    add(manifest.entry);
    for (let r = route; r; r = r.parentId ? manifest.routes[r.parentId] : undefined) add(r);
  }
  const files = [...urls].map((url) => {
    const raw = readFileSync(join(publicDir, url));
    return { url, bytes: raw.length, gzip: gzipSync(raw, { level: 6 }).length };
  });
  files.sort((a, b) => b.gzip - a.gzip);
  return { routeId, files, gzip: files.reduce((a, f) => a + f.gzip, 0) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const r = routeJs(args.find((a) => !a.startsWith("--")) ?? "routes/blanketter.$id_.$step", {
    document: args.includes("--document"),
  });
  for (const f of r.files) console.log(String(f.gzip).padStart(8), String(f.bytes).padStart(8), f.url);
  console.log(`${(r.gzip / 1024).toFixed(1)} KB gzip in ${r.files.length} scripts (${r.routeId})`);
}
