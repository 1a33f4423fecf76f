// Remix (single fetch) encodes every document's loader data for the browser with turbo-stream
// before the page renders, and only <Scripts> reads it. Most pages do not hydrate (information
// pages, the officer queue; decision 108's islands bring their own data), so each of their
// renders flattened and stringified its loader data for nothing: ~0.5 MB allocated per officer
// queue request, and a 4.95 s timer per request holding its AbortController (decision 138).
// Installed once from app/entry.server.tsx: Remix's server runtime calls
// `singleFetch.encodeViaTurboStream` through the module's exports on every call, so replacing the
// export reaches every caller. The replacement encodes on the first read, with the same arguments,
// and passes the original's chunks through one for one; a stream nobody reads costs nothing.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

type Encode = (...args: unknown[]) => ReadableStream<Uint8Array>;
const LAZY = Symbol.for("portal.lazyHandoff");

/** A stream that calls `encode(...args)` on its first read and then passes its chunks through. */
export function lazyStream(encode: Encode, args: unknown[]): ReadableStream<Uint8Array> {
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        reader ??= encode(...args).getReader();
        const { done, value } = await reader.read();
        if (done) controller.close();
        else controller.enqueue(value);
      },
      cancel(reason) {
        return reader?.cancel(reason);
      },
    },
    // Nothing is pulled before someone reads.
    { highWaterMark: 0 },
  );
}

/** A file of the server runtime @remix-run/node itself loads (its own dependency, not ours). */
export function serverRuntimeModule(file: string): unknown {
  const fromRemixNode = createRequire(createRequire(import.meta.url).resolve("@remix-run/node"));
  return fromRemixNode(join(dirname(fromRemixNode.resolve("@remix-run/server-runtime")), file));
}

/** Replaces Remix's encodeViaTurboStream with its lazy form; false when the module lacks it. */
export function installLazyHandoff(): boolean {
  let singleFetch: { encodeViaTurboStream?: Encode & { [LAZY]?: true } };
  try {
    singleFetch = serverRuntimeModule("single-fetch.js") as typeof singleFetch;
  } catch {
    return false;
  }
  const encode = singleFetch.encodeViaTurboStream;
  if (typeof encode !== "function") return false;
  if (encode[LAZY]) return true;
  const lazy = Object.assign((...args: unknown[]) => lazyStream(encode, args), { [LAZY]: true as const });
  singleFetch.encodeViaTurboStream = lazy;
  return true;
}
