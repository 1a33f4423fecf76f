import { createRequestHandler } from "@remix-run/node";
import { createElement } from "react";
import { beforeAll, describe, expect, it } from "vitest";
import { prepareDatabase } from "~/db.server";
import { testServerBuild } from "../helpers/server-build";

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

const build = () => testServerBuild([{ file: "sida", module: page, path: "sida" }]);

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
