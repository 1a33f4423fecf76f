/**
 * The byte stream between React's streaming renderer and the HTTP response (docs/decisions/045).
 *
 * React 18.3.1's Node renderer (`renderToPipeableStream`) collects output in 2,048-byte views.
 * When the next text does not fit, `TextEncoder.encodeInto` stops before a multi-byte
 * character (å, ä, ö are two bytes, "–" three) and React then writes the *whole* view, so the
 * one to three bytes it never filled go out as 0x00: `J\0ämför`. Every answer had them, miss
 * or hit; the page cache only kept them for longer. (Fixed upstream in React 19, which writes
 * `currentView.subarray(0, writtenBytes)`; facebook/react#24985, #31134.)
 *
 * The document is UTF-8, where 0x00 only ever encodes U+0000, which HTML does not allow in a
 * document (browsers drop or replace it, checkers report "Saw U+0000"). So every 0x00 byte is
 * dropped here: this removes React's unfilled bytes exactly and also any U+0000 that content
 * might carry. A chunk without one (nearly all) passes through untouched after one `indexOf`.
 */
import { Transform, type TransformCallback } from "node:stream";

/** The chunk without its 0x00 bytes (the same Buffer when it has none). */
export function withoutNulBytes(chunk: Buffer): Buffer {
  let at = chunk.indexOf(0);
  if (at === -1) return chunk;
  const out = Buffer.allocUnsafe(chunk.length);
  let length = 0;
  let from = 0;
  while (at !== -1) {
    length += chunk.copy(out, length, from, at);
    from = at + 1;
    at = chunk.indexOf(0, from);
  }
  length += chunk.copy(out, length, from);
  return out.subarray(0, length);
}

/** The stream React pipes an HTML document into; what comes out has no 0x00 byte. */
export function createHtmlBody(): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
      const bytes = withoutNulBytes(chunk);
      callback(null, bytes.length > 0 ? bytes : undefined);
    },
  });
}
