import { execFileSync } from "node:child_process";
import { resolve } from "node:path";
import { UNSAFE_flatRoutes } from "@remix-run/dev";
import { describe, expect, it, vi } from "vitest";
import { compileRouter } from "./route-match-cache.mjs";

// The parts of @remix-run/router's API the test uses (it is Remix's dependency, not the portal's).
type AgnosticRouteObject = {
  id: string;
  path?: string;
  index?: boolean;
  caseSensitive?: boolean;
  children?: AgnosticRouteObject[];
};
type AgnosticRouteMatch = {
  params: Record<string, string | undefined>;
  pathname: string;
  pathnameBase: string;
  route: AgnosticRouteObject;
};
type Location = string | { pathname: string };
type Router = {
  matchRoutes(routes: AgnosticRouteObject[], location: Location, basename?: string): AgnosticRouteMatch[] | null;
  UNSAFE_convertRoutesToDataRoutes(routes: AgnosticRouteObject[], map: () => object): AgnosticRouteObject[];
  createStaticHandler(routes: AgnosticRouteObject[]): { query(request: Request): Promise<unknown> };
};
// Two copies of the package from the same source: as published, and with decision 130's caches.
const published = compileRouter({ cache: false }).module.exports as Router;
const remembered = compileRouter();
const cached = remembered.module.exports as Router;

// The app's route tree as the server runtime builds it (createRoutes: nested by parentId).
type Entry = { id: string; parentId?: string; path?: string; index?: boolean; caseSensitive?: boolean };
const manifest = UNSAFE_flatRoutes(resolve("app"), ["**/.*", "**/*.test.{ts,tsx}"]) as Record<string, Entry>;
type Route = AgnosticRouteObject;
function tree(parentId: string): Route[] {
  return Object.values(manifest)
    .filter((r) => (r.parentId ?? "") === parentId)
    .map((r) => {
      const children = tree(r.id);
      return {
        id: r.id,
        path: r.path,
        index: r.index,
        caseSensitive: r.caseSensitive,
        ...(children.length ? { children } : {}),
      } as Route;
    });
}
const routes: Route[] = [{ id: "root", path: "", children: tree("root") }];

// A concrete URL for each route (params filled in, optional segments with and without, splats one
// and two deep), the same with a trailing slash, upper case and percent-encoded, and odd paths.
function fullPath(id: string): string {
  const parts: string[] = [];
  for (let r: Entry | undefined = manifest[id]; r; r = r.parentId ? manifest[r.parentId] : undefined)
    if (r.path) parts.unshift(r.path);
  return "/" + parts.join("/");
}
function concrete(pattern: string): string[] {
  let out = [""];
  for (const segment of pattern.split("/").filter(Boolean)) {
    const next: string[] = [];
    for (const prefix of out) {
      if (segment === "*") next.push(prefix, `${prefix}/a`, `${prefix}/a/b%20c`);
      else if (segment.startsWith(":")) {
        next.push(`${prefix}/x-1`);
        if (segment.endsWith("?")) next.push(prefix);
      } else if (segment.endsWith("?")) next.push(prefix, `${prefix}/${segment.slice(0, -1)}`);
      else next.push(`${prefix}/${segment}`);
    }
    out = next;
  }
  return out.map((p) => p || "/");
}
const routePaths = [...new Set(Object.keys(manifest).flatMap((id) => concrete(fullPath(id))))];
const paths = [
  ...routePaths,
  ...routePaths.map((p) => `${p}/`),
  ...routePaths.map((p) => p.toUpperCase()),
  ...routePaths.map((p) => `${p}/okänd/sida`),
  "/",
  "",
  "//",
  "///blanketter//",
  "/blanketter/felanmalan-gata-park/plats/extra/djup",
  "/bengtsfors/nyheter/%C3%A5r%2F2026",
  "/bengtsfors/sidor/%E0%A4%A",
  "/mina-sidor/arenden/BEN-2026-000123",
  "/handlaggare/..",
  "/handlaggare/./arenden",
  "/%2e%2e/admin",
  "/blanketter/a%2Fb/c",
  "/ÅMÅL/tjänster",
  "/åmål/tjänster",
  "/BLANKETTER/FELANMALAN-GATA-PARK/KONTROLLERA",
  "/blanketter.data",
  "/blanketter%2Ffelanmalan-gata-park",
  "/%62lanketter/felanmalan-gata-park",
  "/\u212Aommun",
  "/bl\u0131nketter",
  "/~/x",
  "/a?b=c#d",
  "/.well-known/security.txt",
  "/build/entry.client-ABC.js",
];

type Match = AgnosticRouteMatch;
const shape = (matches: Match[] | null) =>
  matches?.map((m) => ({ id: m.route.id, params: m.params, pathname: m.pathname, pathnameBase: m.pathnameBase }));
function expectSame(a: Match[] | null, b: Match[] | null) {
  expect(shape(a)).toEqual(shape(b));
  a?.forEach((m, i) => expect(m.route).toBe(b?.[i]?.route));
}

describe("route matching with remembered ranking and patterns (decision 130)", () => {
  it("is installed in the copy only when the package has the functions it replaces", () => {
    expect(remembered.cached).toBe(true);
    expect(compileRouter({ cache: false }).cached).toBe(false);
    expect(routes[0]?.children?.length).toBeGreaterThan(100);
    expect(routePaths.length).toBeGreaterThan(150);
  });

  it("is the copy the server runtime, Remix's React side and react-router load when serve.mjs starts", () => {
    // serve.mjs's first import, then what it and the build import, in a process of its own.
    const script = [
      'import "./scripts/lib/route-match-cache-install.mjs";',
      'import "@remix-run/express";',
      'import "@remix-run/react";',
      'import { createRequire } from "node:module";',
      "const req = createRequire(import.meta.url);",
      'const from = ["@remix-run/server-runtime", "@remix-run/react", "react-router"];',
      'console.log(JSON.stringify(from.map((f) => createRequire(req.resolve(f))("@remix-run/router").__matchCache === true)));',
    ].join("\n");
    const out = execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
    expect(JSON.parse(out)).toEqual([true, true, true]);
  });

  it("matches every route of the app and odd paths exactly as the published matcher, twice", () => {
    // The malformed path's warning ("could not be decoded"), once per matcher and call.
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    let matched = 0;
    for (let round = 0; round < 2; round++)
      for (const path of paths) {
        const expected = published.matchRoutes(routes, path);
        expectSame(cached.matchRoutes(routes, path), expected);
        if (expected) matched++;
      }
    expect(matched).toBeGreaterThan(routePaths.length);
    expect(warn).toHaveBeenCalledTimes(4);
    warn.mockRestore();
  });

  it("matches location objects and basenames as the published matcher", () => {
    for (const path of ["/bengtsfors", "/blanketter/felanmalan-gata-park", "/mina-sidor"]) {
      for (const basename of ["/", "/portal", "/portal/"]) {
        for (const location of [`/portal${path}`, { pathname: `/portal${path}` }, path, { pathname: "" }]) {
          expectSame(cached.matchRoutes(routes, location, basename), published.matchRoutes(routes, location, basename));
        }
      }
    }
    expect(cached.matchRoutes(routes, "/annat/blanketter", "/portal")).toBeNull();
  });

  it("matches the static handler's data routes (its module-local matcher) as the published one", async () => {
    for (const router of [published, cached]) expect(router.matchRoutes).toBeTypeOf("function");
    const handlers = [published, cached].map((r) =>
      r.createStaticHandler(r.UNSAFE_convertRoutesToDataRoutes(routes, () => ({ hasErrorBoundary: false }))),
    );
    for (const path of paths.filter((p) => !p.includes("%E0")).slice(0, 400)) {
      const [a, b] = await Promise.all(
        handlers.map(
          (h) =>
            h.query(new Request(`http://localhost${path.startsWith("/") ? path : `/${path}`}`)) as Promise<{
              matches?: Match[];
              statusCode?: number;
            }>,
        ),
      );
      expect(shape(b?.matches ?? null)).toEqual(shape(a?.matches ?? null));
      expect(b?.statusCode).toBe(a?.statusCode);
    }
  });

  it("gives each call its own match objects, never a shared one", () => {
    const first = cached.matchRoutes(routes, "/blanketter/felanmalan-gata-park/plats");
    const second = cached.matchRoutes(routes, "/blanketter/felanmalan-gata-park/plats");
    expect(first).not.toBeNull();
    expect(first).not.toBe(second);
    first?.forEach((m, i) => {
      expect(m).not.toBe(second?.[i]);
      expect(m.params).not.toBe(second?.[i]?.params);
    });
    const leaf = first?.at(-1);
    if (leaf) (leaf.params as Record<string, string>).formId = "ändrad";
    expectSame(
      cached.matchRoutes(routes, "/blanketter/felanmalan-gata-park/plats"),
      published.matchRoutes(routes, "/blanketter/felanmalan-gata-park/plats"),
    );
  });

  it("matches a new route list of the same shape on its own route objects (decision 140)", () => {
    // As the server render builds it: a new tree per request, equal paths, other objects.
    const copy = (list: Route[]): Route[] =>
      list.map((r) => ({ ...r, ...(r.children ? { children: copy(r.children) } : {}) }));
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    for (let round = 0; round < 3; round++) {
      const fresh = copy(routes);
      for (const path of paths) expectSame(cached.matchRoutes(fresh, path), published.matchRoutes(fresh, path));
    }
    warn.mockRestore();
    // Same shape but for one path: ranked by itself, not with the remembered ranking.
    const changed = copy(routes);
    const root = changed[0] as Route & { children: Route[] };
    const i = root.children.findIndex((r) => r.path === "blanketter");
    root.children[i] = { ...root.children[i], id: "moved", path: "annat", children: undefined } as Route;
    for (const path of ["/annat", "/blanketter", "/blanketter/felanmalan-gata-park/plats"])
      expectSame(cached.matchRoutes(changed, path), published.matchRoutes(changed, path));
    expect(cached.matchRoutes(changed, "/annat")?.at(-1)?.route.id).toBe("moved");
  });

  it("ranks each route list by itself: a different list gets its own ranking", () => {
    const small: Route[] = [
      { id: "a", path: "/:x" },
      { id: "b", path: "/fast" },
    ];
    expect(cached.matchRoutes(small, "/fast")?.[0]?.route.id).toBe("b");
    expectSame(cached.matchRoutes(routes, "/fast"), published.matchRoutes(routes, "/fast"));
    expect(cached.matchRoutes([{ id: "c", path: "/fast" }], "/fast")?.[0]?.route.id).toBe("c");
  });

  it("tries only the branches a path's first word can match, in ranked order (decision 142)", () => {
    cached.matchRoutes(routes, "/");
    const candidates = (cached as unknown as { __candidates(r: Route[], p: string): number }).__candidates;
    const all = candidates(routes, "/ÅMÅL/tjänster");
    expect(all).toBeGreaterThan(150);
    expect(candidates(routes, "/blanketter/felanmalan-gata-park/kontrollera")).toBeLessThan(all / 4);
    expect(candidates(routes, "/BLANKETTER/x")).toBe(candidates(routes, "/blanketter/x"));
    expect(candidates(routes, "//blanketter")).toBe(all);
    // Words, parameters, splats, optional segments and case-sensitive routes mixed, against the published ranking.
    const mixed: Route[] = [
      {
        id: "root",
        path: "",
        children: [
          { id: "muni", path: ":municipality/tjanster" },
          { id: "forms", path: "blanketter/:formId" },
          { id: "new", path: "blanketter/ny" },
          { id: "opt", path: "blanketter?/arkiv" },
          { id: "Case", path: "Arenden/:ref", caseSensitive: true },
          { id: "lower", path: "arenden/:ref" },
          { id: "kelvin", path: "kommun" },
          { id: "dot", path: "robots.txt" },
          { id: "splat", path: "*" },
          { id: "index", index: true },
        ],
      },
    ];
    const tries = [
      "/",
      "/blanketter/ny",
      "/Blanketter/NY",
      "/blanketter/x",
      "/blanketter/arkiv",
      "/arkiv",
      "/Arenden/A-1",
      "/arenden/A-1",
      "/ARENDEN/A-1",
      "/kommun",
      "/\u212Aommun",
      "/KOMMUN",
      "/robots.txt",
      "/robotsXtxt",
      "/bengtsfors/tjanster",
      "/blanketter/tjanster",
      "/okänd",
      "/x/y/z",
    ];
    for (const path of tries) expectSame(cached.matchRoutes(mixed, path), published.matchRoutes(mixed, path));
    expect(cached.matchRoutes(mixed, "/blanketter/tjanster")?.at(-1)?.route.id).toBe("muni");
    expect(cached.matchRoutes(mixed, "/ARENDEN/A-1")?.at(-1)?.route.id).toBe("lower");
  });
});
