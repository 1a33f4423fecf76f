import type { ServerBuild } from "@remix-run/node";
import { createRequestHandler } from "@remix-run/node";
import { createElement } from "react";
import { beforeAll, describe, expect, it } from "vitest";
import { prepareDatabase } from "~/db.server";
import * as entry from "~/entry.server";
import * as root from "~/root";

// Decision 142: entry.server answers a document in one piece once it is rendered (Remix's writer
// flushed gzip and wrote the socket once per 2 KB piece of React's), with the same text, no NUL
// byte (decision 045), and the same route tree reused from one request to the next.

const words = Array.from({ length: 600 }, (_, i) => (i % 5 === 0 ? "Jämför Åmål och Färgelanda" : `rad ${i}`));
const page = {
  loader: () => ({ words }),
  default: () =>
    createElement(
      "ul",
      { id: "lang-sida" },
      words.map((w, i) => createElement("li", { key: i }, w)),
    ),
};

function build(): ServerBuild {
  const route = (id: string, parentId: string | undefined, path: string | undefined, module: object) => ({
    id,
    parentId,
    path,
    index: undefined,
    caseSensitive: undefined,
    module: module as never,
  });
  const asset = (id: string, parentId: string | undefined, path: string | undefined, mod: object) => ({
    id,
    parentId,
    path,
    index: undefined,
    caseSensitive: undefined,
    module: `/build/${id}.js`,
    imports: [],
    hasAction: "action" in mod,
    hasLoader: "loader" in mod,
    hasClientAction: false,
    hasClientLoader: false,
    hasErrorBoundary: "ErrorBoundary" in mod,
  });
  return {
    mode: "production",
    entry: { module: entry as never },
    routes: {
      root: route("root", undefined, "", root),
      "routes/sida": route("routes/sida", "root", "sida", page),
    },
    assets: {
      entry: { imports: [], module: "/build/entry.client.js" },
      routes: {
        root: asset("root", undefined, "", root),
        "routes/sida": asset("routes/sida", "root", "sida", page),
      },
      url: "/build/manifest.js",
      version: "test",
    } as never,
    publicPath: "/build/",
    assetsBuildDirectory: "public/build",
    future: {
      v3_fetcherPersist: true,
      v3_relativeSplatPath: true,
      v3_throwAbortReason: true,
      v3_singleFetch: true,
      v3_lazyRouteDiscovery: true,
    } as never,
    isSpaMode: false,
  } as ServerBuild;
}

beforeAll(() => prepareDatabase());

async function get(handler: ReturnType<typeof createRequestHandler>) {
  const response = await handler(new Request("http://portal.test/sida", { headers: { "Accept-Language": "sv" } }), {
    requestId: "req-1",
    cspNonce: "n",
    clientIp: "10.9.9.9",
  } as never);
  const chunks: Uint8Array[] = [];
  const reader = response.body!.getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) chunks.push(r.value);
  return { response, chunks, html: Buffer.concat(chunks).toString("utf8") };
}

describe("a rendered document", () => {
  it("is answered in one piece, whole, without NUL bytes", async () => {
    const handler = createRequestHandler(build(), "production");
    const first = await get(handler);
    expect(first.response.status).toBe(200);
    expect(first.response.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
    expect(first.html.length).toBeGreaterThan(6 * 2048);
    expect(first.chunks).toHaveLength(1);
    expect(first.html).toContain('<ul id="lang-sida">');
    expect(first.html).toContain("Jämför Åmål och Färgelanda");
    expect(first.html).toContain("rad 599");
    expect(first.html).toContain("</html>");
    expect(Buffer.concat(first.chunks).includes(0)).toBe(false);
    // Again, on the route tree kept from the first render: the same page.
    const second = await get(handler);
    expect(second.html).toBe(first.html);
  });
});
