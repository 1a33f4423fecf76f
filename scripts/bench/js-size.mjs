// The JavaScript a page of one route loads when it hydrates, from the client build's manifest
// (public/build/manifest-*.js): the entry, the root and the route, each with its imports,
// counted once and gzip-compressed (level 6, as `compression` sends them). Decision 088.
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
 * Gzip bytes of every script a hydrating page of `routeId` loads, largest first, and their sum.
 * `publicDir` is where `/build/…` URLs are served from.
 */
export function routeJs(routeId, { publicDir = resolve("public") } = {}) {
  const manifest = readManifest(join(publicDir, "build"));
  const route = manifest.routes[routeId];
  if (!route) throw new Error(`no route ${routeId} in the client manifest`);
  const urls = new Set();
  const add = (m) => [m.module, ...(m.imports ?? [])].forEach((u) => urls.add(u));
  add(manifest.entry);
  for (let r = route; r; r = r.parentId ? manifest.routes[r.parentId] : undefined) add(r);
  const files = [...urls].map((url) => {
    const raw = readFileSync(join(publicDir, url));
    return { url, bytes: raw.length, gzip: gzipSync(raw, { level: 6 }).length };
  });
  files.sort((a, b) => b.gzip - a.gzip);
  return { routeId, files, gzip: files.reduce((a, f) => a + f.gzip, 0) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = routeJs(process.argv[2] ?? "routes/blanketter.$id_.$step");
  for (const f of r.files) console.log(String(f.gzip).padStart(8), String(f.bytes).padStart(8), f.url);
  console.log(`${(r.gzip / 1024).toFixed(1)} KB gzip in ${r.files.length} scripts (${r.routeId})`);
}
