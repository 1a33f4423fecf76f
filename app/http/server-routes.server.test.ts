import { describe, expect, it } from "vitest";
import {
  dataRoutesOnce,
  installServerRoutesOnce,
  remixReactRoutes,
  routerAsStaticRouterSeesIt,
  serverRoutesOnce,
} from "./server-routes.server";

// The route tree of a document render is made once per build (decision 142): the same objects
// as Remix would make per request, reused while the build is the same.

type Route = { id: string; path?: string; index?: boolean; handle?: unknown; children?: Route[]; Component?: unknown };
type Create = (manifest: object, modules: object, future: object, isSpaMode: boolean) => Route[];
type Convert = (routes: Route[], map: (r: Route) => object, parentPath?: string[], manifest?: object) => Route[];

const Root = () => null;
const Page = () => null;
const Other = () => null;
const manifest = {
  root: { id: "root", path: "", hasLoader: true, hasClientLoader: false },
  "routes/a": { id: "routes/a", parentId: "root", path: "a", hasLoader: true, hasClientLoader: false },
  "routes/a.b": { id: "routes/a.b", parentId: "routes/a", path: "b", hasLoader: false, hasClientLoader: false },
  "routes/_index": { id: "routes/_index", parentId: "root", index: true, hasLoader: false, hasClientLoader: false },
};
const modules = () => ({
  root: { default: Root },
  "routes/a": { default: Page, handle: { hydrate: true } },
  "routes/a.b": { default: Page },
  "routes/_index": { default: Page },
});
const future = { v3_singleFetch: true };

// Only ids, paths, components and handles: what the render reads.
function outline(routes: Route[] | undefined): unknown {
  return routes?.map((r) => ({
    id: r.id,
    path: r.path,
    index: r.index,
    handle: r.handle,
    Component: r.Component,
    children: outline(r.children),
  }));
}

describe("the server render's route tree, once per build", () => {
  const original = remixReactRoutes().createServerRoutes as unknown as Create;
  const convert = routerAsStaticRouterSeesIt().UNSAFE_convertRoutesToDataRoutes as unknown as Convert;

  it("gives the same routes as Remix's createServerRoutes, the same objects for the same build", () => {
    const once = serverRoutesOnce(original as never) as unknown as Create;
    const first = once(manifest, modules(), future, false);
    expect(outline(first)).toEqual(outline(original(manifest, modules(), future, false)));
    expect(first[0]?.children?.map((r) => r.id)).toEqual(["routes/a", "routes/_index"]);
    // Remix makes a new route-modules object per request, with the build's modules in it.
    const shared = modules();
    const again = once(manifest, { ...shared }, future, false);
    const third = once(manifest, { ...shared }, future, false);
    expect(third).toBe(again);
  });

  it("makes the routes again when a module, the future flags or SPA mode differ", () => {
    const once = serverRoutesOnce(original as never) as unknown as Create;
    const shared = modules();
    const kept = once(manifest, shared, future, false);
    expect(once(manifest, { ...shared }, future, false)).toBe(kept);
    const changed = once(manifest, { ...shared, "routes/a": { default: Other } }, future, false);
    expect(changed).not.toBe(kept);
    expect(changed[0]?.children?.[0]?.Component).toBe(Other);
    expect(once(manifest, { ...shared }, { ...future }, false)).not.toBe(kept);
    const { "routes/_index": _, ...fewer } = shared;
    expect(() => once(manifest, fewer, future, false)).toThrow(/routeModule/);
  });

  it("converts a kept list once and fills each caller's manifest with the same routes", () => {
    const once = dataRoutesOnce(convert as never) as unknown as Convert;
    const routes = original(manifest, modules(), future, false);
    const map = (r: Route) => ({ hasErrorBoundary: r.id === "root" });
    const expectedManifest: Record<string, Route> = {};
    const expected = convert(routes, map, undefined, expectedManifest);
    const first: Record<string, Route> = {};
    const converted = once(routes, map, undefined, first);
    expect(outline(converted)).toEqual(outline(expected));
    expect(Object.keys(first).sort()).toEqual(Object.keys(expectedManifest).sort());
    const second: Record<string, Route> = {};
    expect(once(routes, map, undefined, second)).toBe(converted);
    expect(second).toEqual(first);
    expect(second["routes/a.b"]).toBe(converted[0]?.children?.[0]?.children?.[0]);
    // Another mapping, a parent path or a manifest already filled: converted as published.
    expect(once(routes, (r: Route) => ({ x: r.id }), undefined, {})).not.toBe(converted);
    expect(once(routes, map, ["0"], {})).not.toBe(converted);
    expect(() => once(routes, map, undefined, { root: {} })).toThrow(/collision/);
  });

  it("is installed on the functions Remix's render calls, once", () => {
    expect(installServerRoutesOnce()).toBe(true);
    const create = remixReactRoutes().createServerRoutes;
    const conv = routerAsStaticRouterSeesIt().UNSAFE_convertRoutesToDataRoutes;
    expect(create).not.toBe(original);
    expect(conv).not.toBe(convert);
    expect(installServerRoutesOnce()).toBe(true);
    expect(remixReactRoutes().createServerRoutes).toBe(create);
    expect(routerAsStaticRouterSeesIt().UNSAFE_convertRoutesToDataRoutes).toBe(conv);
    const shared = modules();
    const routes = (create as unknown as Create)(manifest, shared, future, false);
    expect((create as unknown as Create)(manifest, { ...shared }, future, false)).toBe(routes);
  });
});
