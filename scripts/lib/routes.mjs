// The route manifest of the server build (build/index.js): every route's full URL pattern and
// whether it has a loader, an action and opts in to hydration. The sweeps and the benchmark use
// it to cover whatever routes exist, so new pages are measured as soon as they land.
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

export async function loadRouteManifest(buildPath = process.env.REMIX_BUILD ?? "build/index.js") {
  const abs = resolve(buildPath);
  if (!existsSync(abs)) throw new Error(`${buildPath} not found: run \`npx remix build\` first`);
  const build = await import(pathToFileURL(abs).href);
  const byId = build.routes;
  const fullPath = (id) => {
    const parts = [];
    for (let r = byId[id]; r; r = r.parentId ? byId[r.parentId] : undefined) if (r.path) parts.unshift(r.path);
    return "/" + parts.join("/").replace(/^\/+/, "");
  };
  const routes = [];
  for (const [id, r] of Object.entries(byId)) {
    if (id === "root") continue;
    // Layout routes without a path and without index are reached through their children.
    const hasChildren = Object.values(byId).some((c) => c.parentId === id);
    if (hasChildren && !r.index && !r.path) continue;
    const path = fullPath(id);
    const segments = path.split("/").filter(Boolean);
    const params = segments
      .filter((s) => s.startsWith(":") || s === "*")
      .map((s) => s.replace(/^:/, "").replace(/\?$/, ""));
    routes.push({
      id,
      path,
      params,
      static: params.length === 0,
      staticSegments: segments.filter((s) => !s.startsWith(":") && s !== "*").length,
      splat: segments.includes("*"),
      pattern: toRegExp(segments),
      hasLoader: typeof r.module.loader === "function",
      hasAction: typeof r.module.action === "function",
      hasComponent: typeof r.module.default === "function",
      hydrate: r.module.handle?.hydrate === true,
    });
  }
  return routes;
}

function toRegExp(segments) {
  const body = segments
    .map((s) => {
      if (s === "*") return "(?:/.*)?";
      const optional = s.endsWith("?");
      const name = s.replace(/\?$/, "");
      const part = name.startsWith(":") ? "/[^/]+" : "/" + name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      return optional ? `(?:${part})?` : part;
    })
    .join("");
  return new RegExp(`^${body || ""}/?$`);
}

/** The route Remix would pick for a pathname: most static segments wins, a splat loses. */
export function matchRoute(routes, pathname) {
  let best;
  for (const r of routes) {
    if (!r.pattern.test(pathname)) continue;
    const score = r.staticSegments * 10 - (r.splat ? 100 : 0) - r.params.length;
    if (!best || score > best.score) best = { route: r, score };
  }
  return best?.route;
}
