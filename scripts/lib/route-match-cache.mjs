// Remix's route matching with its ranked route list and compiled path patterns remembered
// (decision 130). @remix-run/router's matchRoutes flattens and ranks all ~150 routes and compiles
// a regular expression per route tried on every call, with no cache (decision 088), and a request
// calls it several times: the server runtime's match, the static handler's query (a module-local
// call no export replacement reaches), react-router's <Routes> and Remix's fog-of-war manifest.
//
// Installed by scripts/lib/route-match-cache-install.mjs, which scripts/serve.mjs imports first,
// before anything loads @remix-run/router: the module is
// compiled from its own source with a few lines appended in its scope, and put in require's
// cache under its own file name, so every caller (the server runtime, @remix-run/react,
// react-router) gets this one copy. The appended lines replace two module-local functions:
// - matchRoutesImpl: as the original, but the flattened, ranked branches are kept per routes
//   array (a WeakMap: the identity of a route list; the server's lists are never changed after
//   they are made — only the browser's router patches routes, and it does not run this copy).
//   Matching itself runs per call exactly as before, so each call's matches are new objects.
// - compilePath: the [RegExp, params] of a route pattern is kept per (pattern, caseSensitive,
//   end). The RegExp has no g/y flag (no lastIndex state) and the params list is only read.
//   Patterns are route paths from the code, never URLs; the map is bounded all the same.
// The equivalence with the original matcher is tested on every route of app/routes and odd paths
// (route-match-cache.test.ts). If a new version of the package lacks these functions, nothing is
// replaced and the original is used (a warning says so).
import { readFileSync } from "node:fs";
import Module, { createRequire } from "node:module";
import { dirname } from "node:path";

const APPENDIX = `
;(() => {
  const needed = [matchRoutesImpl, flattenRoutes, rankRouteBranches, matchRouteBranch, decodePath, stripBasename, parsePath, compilePath];
  if (needed.some((f) => typeof f !== "function")) return;
  const ranked = new WeakMap();
  matchRoutesImpl = function matchRoutesImplRanked(routes, locationArg, basename, allowPartial) {
    let location = typeof locationArg === "string" ? parsePath(locationArg) : locationArg;
    let pathname = stripBasename(location.pathname || "/", basename);
    if (pathname == null) {
      return null;
    }
    let branches = ranked.get(routes);
    if (branches === undefined) {
      branches = flattenRoutes(routes);
      rankRouteBranches(branches);
      ranked.set(routes, branches);
    }
    let matches = null;
    let decoded = decodePath(pathname);
    for (let i = 0; matches == null && i < branches.length; ++i) {
      matches = matchRouteBranch(branches[i], decoded, allowPartial);
    }
    return matches;
  };
  const compiled = new Map();
  const compileOnce = compilePath;
  compilePath = function compilePathRemembered(path, caseSensitive, end) {
    if (caseSensitive === void 0) caseSensitive = false;
    if (end === void 0) end = true;
    const key = (caseSensitive ? "c" : "i") + (end ? "e" : "p") + path;
    let hit = compiled.get(key);
    if (hit === undefined) {
      hit = compileOnce(path, caseSensitive, end);
      if (compiled.size < 4096) compiled.set(key, hit);
    }
    return hit;
  };
  Object.defineProperty(exports, "__matchCache", { value: true });
})();
`;

// The router the server runtime requires (a dependency of Remix's packages, not of the portal:
// whichever version they bring is the one replaced), resolved from the server runtime's place.
const ROUTER = "@remix-run/router";
function routerFile(from) {
  return createRequire(createRequire(from).resolve("@remix-run/server-runtime")).resolve(ROUTER);
}

/**
 * A fresh copy of @remix-run/router (as `require` resolves it from `from`), with the matching
 * caches or (`cache: false`, for the equivalence test) as published.
 */
export function compileRouter({ from = import.meta.url, cache = true } = {}) {
  const file = routerFile(from);
  const copy = new Module(file);
  copy.filename = file;
  copy.paths = Module._nodeModulePaths(dirname(file));
  copy._compile(readFileSync(file, "utf8") + (cache ? APPENDIX : ""), file);
  copy.loaded = true;
  return { module: copy, cached: copy.exports.__matchCache === true };
}

/**
 * Puts the copy in require's cache, so that every later `require("@remix-run/router")` gets it.
 * Returns whether the caches are in place (false: already loaded by someone, or an unknown version).
 */
export function installRouteMatchCache(from = import.meta.url) {
  const require = createRequire(from);
  const file = routerFile(from);
  if (require.cache[file]) return require.cache[file].exports.__matchCache === true;
  const { module, cached } = compileRouter({ from });
  if (!cached) return false;
  require.cache[file] = module;
  return true;
}
