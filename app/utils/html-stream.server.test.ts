import { PassThrough, type Writable } from "node:stream";
import { createElement } from "react";
import { renderToPipeableStream, renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { createHtmlBody, withoutNulBytes } from "./html-stream.server";

/**
 * A page whose "Jämför" lands at React's 2 KB view boundary for some padding: many short
 * text nodes (each goes through the view, as the paragraphs of a real page do).
 */
function page(padding: number) {
  const items = Array.from({ length: 400 }, (_, i) =>
    createElement("li", { key: i }, i % 7 === 0 ? "Jämför kommunerna" : "Åmål – Färgelanda"),
  );
  return createElement("main", null, createElement("p", null, "x".repeat(padding)), createElement("ul", null, items));
}

function streamed(element: ReturnType<typeof page>, into: () => Writable & NodeJS.ReadableStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const { pipe } = renderToPipeableStream(element, {
      onAllReady() {
        const body = into();
        const chunks: Buffer[] = [];
        body.on("data", (c: Buffer) => chunks.push(c));
        body.on("end", () => resolve(Buffer.concat(chunks)));
        body.on("error", reject);
        pipe(body);
      },
      onShellError: reject,
      onError: reject,
    });
  });
}

describe("the HTML stream between React and the response", () => {
  it("a page whose å/ä/ö straddle React's 2 KB chunk boundary arrives without NUL bytes, as rendered in one piece", async () => {
    let boundaryHit = 0;
    for (let padding = 0; padding < 12; padding++) {
      const element = page(padding);
      const expected = renderToString(element);
      // What React 18 itself emits (the bare PassThrough entry.server used before decision 045).
      const raw = await streamed(element, () => new PassThrough());
      if (raw.includes(0)) boundaryHit++;
      const body = await streamed(element, createHtmlBody);
      expect(body.includes(0), `padding ${padding}: no 0x00 byte`).toBe(false);
      expect(body.toString("utf8"), `padding ${padding}: same text as a one-piece render`).toBe(expected);
    }
    // The test only means something if React really split a character at a view boundary.
    expect(boundaryHit).toBeGreaterThan(0);
  });

  it("drops every 0x00 byte and keeps every other byte in order", () => {
    expect(withoutNulBytes(Buffer.from("J\0ämför\0\0 kommunerna\0")).toString()).toBe("Jämför kommunerna");
    const clean = Buffer.from("Åmål");
    expect(withoutNulBytes(clean)).toBe(clean);
    expect(withoutNulBytes(Buffer.from([0, 0])).length).toBe(0);
  });
});
