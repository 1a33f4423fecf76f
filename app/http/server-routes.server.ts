// Remix's document render builds the whole route tree twice per request before React starts:
// @remix-run/react's RemixServer calls `createServerRoutes` (a new route object per route of the
// build, ~200), and react-router-dom's `createStaticRouter` converts that list again with
// `convertRoutesToDataRoutes` (another object per route). Both depend only on the build: the
// route manifest, the route modules and the future flags. A live page paid ~1 ms of CPU for them
// (decision 142), and react-router then ranked a route list it had never seen (decision 140).
// Installed once from app/entry.server.tsx, as the lazy handoff is (decision 138): both functions
// are called through their module's exports (CommonJS), so replacing the export reaches the caller.
// - createServerRoutes: the result is kept per manifest route table (a WeakMap: a new build, as in
//   development, brings a new table) and reused while every route module, the future flags and SPA
//   mode are the same objects as when it was made; otherwise it is made again.
// - convertRoutesToDataRoutes: the result is kept per input list (only lists kept above are stable)
//   and mapping function; the caller's route-id manifest is filled from the kept one. A caller with
//   a parent path or a manifest that is not empty gets the original.
// The route objects are never changed after they are made on the server (no lazy routes, no
// route patching: only the browser's router does that), so one set serves every request.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const ONCE = Symbol.for("portal.serverRoutesOnce");

type RouteModules = Record<string, unknown>;
type CreateServerRoutes = ((
  manifest: Record<string, unknown>,
  routeModules: RouteModules,
  future: unknown,
  isSpaMode: boolean,
  ...rest: unknown[]
) => unknown[]) & { [ONCE]?: true };
type Convert = ((
  routes: unknown[],
  mapRouteProperties: unknown,
  parentPath?: string[],
  manifest?: Record<string, unknown>,
) => unknown[]) & { [ONCE]?: true };

const requireHere = createRequire(import.meta.url);

/** @remix-run/react's routes.js, as its server.js requires it. */
export function remixReactRoutes(): { createServerRoutes?: CreateServerRoutes } {
  const index = requireHere.resolve("@remix-run/react");
  return requireHere(join(dirname(index), "routes.js")) as { createServerRoutes?: CreateServerRoutes };
}

/** @remix-run/router as react-router-dom/server requires it (decision 130's copy once serve.mjs installed it). */
export function routerAsStaticRouterSeesIt(): { UNSAFE_convertRoutesToDataRoutes?: Convert } {
  const fromRemixReact = createRequire(requireHere.resolve("@remix-run/react"));
  const fromRouterDom = createRequire(fromRemixReact.resolve("react-router-dom/server"));
  return fromRouterDom("@remix-run/router") as { UNSAFE_convertRoutesToDataRoutes?: Convert };
}

/** createServerRoutes with its result kept per build (see above). */
export function serverRoutesOnce(original: CreateServerRoutes): CreateServerRoutes {
  type Kept = { modules: RouteModules; ids: string[]; future: unknown; isSpaMode: boolean; routes: unknown[] };
  const kept = new WeakMap<object, Kept>();
  const sameModules = (entry: Kept, modules: RouteModules) => {
    if (Object.keys(modules).length !== entry.ids.length) return false;
    for (const id of entry.ids) if (modules[id] !== entry.modules[id]) return false;
    return true;
  };
  return Object.assign(
    (
      manifest: Record<string, unknown>,
      routeModules: RouteModules,
      future: unknown,
      isSpaMode: boolean,
      ...rest: unknown[]
    ) => {
      // Only the top-level call Remix's server render makes; a subtree or a caller's own grouping is left alone.
      if (rest.length > 0 || typeof manifest !== "object" || manifest === null)
        return original(manifest, routeModules, future, isSpaMode, ...rest);
      const entry = kept.get(manifest);
      if (entry && entry.future === future && entry.isSpaMode === isSpaMode && sameModules(entry, routeModules))
        return entry.routes;
      const routes = original(manifest, routeModules, future, isSpaMode);
      kept.set(manifest, { modules: { ...routeModules }, ids: Object.keys(routeModules), future, isSpaMode, routes });
      return routes;
    },
    { [ONCE]: true as const },
  );
}

/** convertRoutesToDataRoutes with its result kept per input list (see above). */
export function dataRoutesOnce(original: Convert): Convert {
  type Kept = { mapRouteProperties: unknown; routes: unknown[]; manifest: Record<string, unknown> };
  const kept = new WeakMap<object, Kept>();
  return Object.assign(
    (routes: unknown[], mapRouteProperties: unknown, parentPath?: string[], manifest?: Record<string, unknown>) => {
      const plain =
        Array.isArray(routes) &&
        (parentPath === undefined || parentPath.length === 0) &&
        (manifest === undefined || Object.keys(manifest).length === 0);
      if (!plain) return original(routes, mapRouteProperties, parentPath, manifest);
      const entry = kept.get(routes);
      if (entry && entry.mapRouteProperties === mapRouteProperties) {
        if (manifest) Object.assign(manifest, entry.manifest);
        return entry.routes;
      }
      const own: Record<string, unknown> = {};
      const converted = original(routes, mapRouteProperties, undefined, own);
      kept.set(routes, { mapRouteProperties, routes: converted, manifest: own });
      if (manifest) Object.assign(manifest, own);
      return converted;
    },
    { [ONCE]: true as const },
  );
}

/** Installs both; false when either module lacks its function (then Remix runs as published). */
export function installServerRoutesOnce(): boolean {
  let routes: ReturnType<typeof remixReactRoutes>;
  let router: ReturnType<typeof routerAsStaticRouterSeesIt>;
  try {
    routes = remixReactRoutes();
    router = routerAsStaticRouterSeesIt();
  } catch {
    return false;
  }
  const create = routes.createServerRoutes;
  const convert = router.UNSAFE_convertRoutesToDataRoutes;
  if (typeof create !== "function" || typeof convert !== "function") return false;
  if (!create[ONCE]) routes.createServerRoutes = serverRoutesOnce(create);
  if (!convert[ONCE]) router.UNSAFE_convertRoutesToDataRoutes = dataRoutesOnce(convert);
  return true;
}
