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
//   A list not seen before whose shape (path, index, caseSensitive, children of each route) was
//   ranked before gets that ranking rebuilt on its own route objects (decision 140): the server
//   render's route list is made anew per request, and ranking it cost ~1.5 ms per page.
//   Per ranked list, the branches are also indexed by the plain ASCII word their path begins
//   with, so that a path tries only the branches its first segment can match (decision 142).
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
  // A list made anew per request (react-router's <Routes> in the server render gets the route
  // tree Remix builds per render) has the same shape each time: its ranking is kept per shape —
  // what flattenRoutes and the ranking read of each route (path, index, caseSensitive, children)
  // — as branches of child positions, and rebuilt on the new list's own route objects.
  const shapes = new Map();
  const shapeOf = (routes) => {
    let s = "[";
    for (const r of routes) {
      const p = r.path;
      if (p === undefined) s += "u";
      else if (p === null) s += "n";
      else if (typeof p === "string") s += "s" + p.length + ":" + p;
      else return null;
      s += r.index === true ? "I" : r.index ? "i" : "-";
      s += r.caseSensitive === true ? "C" : "-";
      if (r.children && r.children.length > 0) {
        if (!Array.isArray(r.children)) return null;
        const inner = shapeOf(r.children);
        if (inner === null) return null;
        s += inner;
      }
      s += ";";
    }
    return s + "]";
  };
  const rankedByShape = (routes) => {
    const shape = Array.isArray(routes) ? shapeOf(routes) : null;
    const kept = shape === null ? undefined : shapes.get(shape);
    if (kept === undefined) {
      const branches = flattenRoutes(routes);
      rankRouteBranches(branches);
      if (shape !== null && shapes.size < 64) {
        shapes.set(shape, branches.map((b) => ({
          path: b.path,
          score: b.score,
          metas: b.routesMeta.map((m) => ({ relativePath: m.relativePath, caseSensitive: m.caseSensitive, childrenIndex: m.childrenIndex })),
        })));
      }
      return branches;
    }
    return kept.map((b) => {
      let list = routes;
      const routesMeta = b.metas.map((m) => {
        const route = list[m.childrenIndex];
        list = route.children;
        return { relativePath: m.relativePath, caseSensitive: m.caseSensitive, childrenIndex: m.childrenIndex, route };
      });
      return { path: b.path, score: b.score, routesMeta };
    });
  };
  matchRoutesImpl = function matchRoutesImplRanked(routes, locationArg, basename, allowPartial) {
    let location = typeof locationArg === "string" ? parsePath(locationArg) : locationArg;
    let pathname = stripBasename(location.pathname || "/", basename);
    if (pathname == null) {
      return null;
    }
    let branches = ranked.get(routes);
    if (branches === undefined) {
      branches = rankedByShape(routes);
      ranked.set(routes, branches);
    }
    let matches = null;
    let decoded = decodePath(pathname);
    const candidates = allowPartial ? null : candidatesFor(branches, decoded);
    if (candidates === null) {
      for (let i = 0; matches == null && i < branches.length; ++i) {
        matches = matchRouteBranch(branches[i], decoded, allowPartial);
      }
    } else {
      for (let i = 0; matches == null && i < candidates.length; ++i) {
        matches = matchRouteBranch(branches[candidates[i]], decoded, allowPartial);
      }
    }
    return matches;
  };
  // The ranked branches are tried in order until one matches: ~200 of them, each compiling (now
  // remembered) and running its patterns (decision 142). A branch whose path begins with a plain
  // ASCII word can only match a path whose first segment is that word (any case: the pattern is
  // literal, and a case-insensitive pattern without the u flag matches an ASCII letter only with
  // an ASCII letter). So per ranked list, the branches are indexed by that word: a path whose first
  // segment is a plain ASCII word tries, in ranked order, the branches of that word and those that
  // begin with no such word (a parameter, a splat, an optional segment, the root). Any other path
  // (empty first segment, other characters) and partial matching try every branch, as before.
  const PLAIN = /^[A-Za-z0-9_~-][A-Za-z0-9_.~-]*$/;
  const firstSegment = (path) => {
    if (path.charCodeAt(0) !== 47) return null;
    const end = path.indexOf("/", 1);
    const segment = end === -1 ? path.slice(1) : path.slice(1, end);
    return PLAIN.test(segment) ? segment.toLowerCase() : null;
  };
  const indexes = new WeakMap();
  const indexOf = (branches) => {
    const words = branches.map((b) => {
      let p = b.path;
      let i = 0;
      while (p.charCodeAt(i) === 47) i++;
      return firstSegment("/" + p.slice(i));
    });
    const byWord = new Map();
    for (const w of words) if (w !== null && !byWord.has(w)) byWord.set(w, []);
    const open = [];
    words.forEach((w, i) => {
      if (w === null) {
        open.push(i);
        for (const list of byWord.values()) list.push(i);
      } else byWord.get(w).push(i);
    });
    return { byWord, open };
  };
  const candidatesFor = (branches, decoded) => {
    const word = firstSegment(decoded);
    if (word === null) return null;
    let index = indexes.get(branches);
    if (index === undefined) {
      index = indexOf(branches);
      indexes.set(branches, index);
    }
    return index.byWord.get(word) ?? index.open;
  };
  Object.defineProperty(exports, "__candidates", {
    value: (routes, pathname) => {
      const branches = ranked.get(routes);
      return branches === undefined ? undefined : candidatesFor(branches, decodePath(pathname))?.length ?? branches.length;
    },
  });
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
