import { describe, expect, it } from "vitest";
import { installLazyHandoff, lazyStream, serverRuntimeModule } from "./lazy-handoff.server";

// Remix's loader-data stream for the browser (decision 138): encoded on the first read only,
// with the same bytes as Remix's own encoding; a page that never reads it pays nothing.

type Encode = (data: unknown, signal: AbortSignal, timeout?: number, mode?: string) => ReadableStream<Uint8Array>;
const singleFetch = serverRuntimeModule("single-fetch.js") as {
  encodeViaTurboStream: Encode;
};

async function text(stream: ReadableStream<Uint8Array>) {
  return new Response(stream).text();
}

const state = () => ({
  loaderData: { root: { lang: "sv", rows: [{ reference: "AML-2026-000194", due: new Date(Date.UTC(2026, 11, 5)) }] } },
  actionData: null,
  errors: null,
});

describe("lazy loader-data handoff", () => {
  it("does not encode until the stream is read", async () => {
    let calls = 0;
    const stream = lazyStream(() => {
      calls++;
      return new Response("chunk").body!;
    }, []);
    await new Promise((r) => setTimeout(r, 10));
    expect(calls).toBe(0);
    expect(await text(stream)).toBe("chunk");
    expect(calls).toBe(1);
  });

  it("sends the same bytes as Remix's own encoding once installed", async () => {
    const original = singleFetch.encodeViaTurboStream;
    const expected = await text(original(state(), new AbortController().signal, 1_000, "production"));
    expect(installLazyHandoff()).toBe(true);
    expect(singleFetch.encodeViaTurboStream).not.toBe(original);
    const lazy = singleFetch.encodeViaTurboStream(state(), new AbortController().signal, 1_000, "production");
    expect(await text(lazy)).toBe(expected);
    expect(expected).toContain("AML-2026-000194");
    // Installing twice keeps one wrapper.
    const installed = singleFetch.encodeViaTurboStream;
    expect(installLazyHandoff()).toBe(true);
    expect(singleFetch.encodeViaTurboStream).toBe(installed);
  });

  it("passes a cancel on to the encoding it started", async () => {
    let cancelled: unknown;
    const stream = lazyStream(
      () =>
        new ReadableStream<Uint8Array>({
          pull(c) {
            c.enqueue(new TextEncoder().encode("x"));
          },
          cancel(reason) {
            cancelled = reason;
          },
        }),
      [],
    );
    const reader = stream.getReader();
    await reader.read();
    await reader.cancel("gone");
    expect(cancelled).toBe("gone");
  });
});
