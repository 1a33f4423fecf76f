import type { ServerBuild } from "@remix-run/node";
import remixConfig from "../../remix.config.js";
import * as entry from "~/entry.server";
import * as root from "~/root";

/** A route module under the root, as the compiler would list it: `routes/<file>` at `path`. */
export interface TestRoute {
  file: string;
  module: object;
  path: string | undefined;
  index?: boolean;
}

/**
 * An in-memory Remix build for integration tests: the given route modules as children of the real
 * root, answered through the real entry.server (its handleRequest, handleError, headers), with the
 * manifest entries Remix reads for a document or a resource route. The routes exist only in the
 * test's build, never among the portal's routes.
 */
export function testServerBuild(children: TestRoute[]): ServerBuild {
  const route = (
    id: string,
    parentId: string | undefined,
    path: string | undefined,
    index: boolean | undefined,
    module: object,
  ) => ({
    id,
    parentId,
    path,
    index,
    caseSensitive: undefined,
    module: module as never,
  });
  // The manifest's entry: the route's place, its browser module's URL and what it exports.
  const asset = (r: ReturnType<typeof route>, module: object) => ({
    ...r,
    module: `/build/${r.id}.js`,
    imports: [],
    hasAction: "action" in module,
    hasLoader: "loader" in module,
    hasClientAction: false,
    hasClientLoader: false,
    hasErrorBoundary: "ErrorBoundary" in module,
  });
  const routes: Record<string, ReturnType<typeof route>> = { root: route("root", undefined, "", undefined, root) };
  const assets: Record<string, ReturnType<typeof asset>> = { root: asset(routes.root!, root) };
  for (const { file, module, path, index } of children) {
    const id = `routes/${file}`;
    routes[id] = route(id, "root", path, index, module);
    assets[id] = asset(routes[id], module);
  }
  return {
    mode: "production",
    entry: { module: entry as never },
    routes: routes as never,
    assets: {
      entry: { imports: [], module: "/build/entry.client.js" },
      routes: assets,
      url: "/build/manifest.js",
      version: "test",
    } as never,
    publicPath: "/build/",
    assetsBuildDirectory: "public/build",
    // The compiled build carries the future flags remix.config.js sets.
    future: remixConfig.future as never,
    isSpaMode: false,
  } as ServerBuild;
}
