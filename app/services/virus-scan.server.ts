import { connect, type Socket } from "node:net";
import { env } from "~/env.server";

/**
 * Malware scanning of uploads with clamd (ASVS 12.4.2, docs/decisions/048): the bytes go to
 * clamd's INSTREAM command over a Unix socket (CLAMD_SOCKET) or TCP (CLAMD_HOST=host:port) —
 * chunks each preceded by a 4-byte big-endian length, then a zero length — and clamd answers
 * `stream: OK` or `stream: <signature> FOUND`. No clamd configured (development, or
 * UPLOAD_SCAN=off, which production must say explicitly) = not scanned. A configured clamd that
 * does not answer is a refusal, never a silent pass.
 */
export type ScanResult =
  | { verdict: "clean" }
  | { verdict: "infected"; signature: string }
  | { verdict: "skipped" }
  | { verdict: "error"; reason: string };

const CHUNK = 64 * 1024;
const TIMEOUT_MS = 15_000;
/** clamd's answer is one short line; anything longer is not clamd. */
const MAX_REPLY = 1024;

export function scannerConfigured(): boolean {
  const e = env();
  return e.UPLOAD_SCAN !== "off" && Boolean(e.CLAMD_SOCKET || e.CLAMD_HOST);
}

function open(): Socket {
  const e = env();
  if (e.CLAMD_SOCKET) return connect({ path: e.CLAMD_SOCKET });
  const at = e.CLAMD_HOST!.lastIndexOf(":");
  return connect({ host: e.CLAMD_HOST!.slice(0, at), port: Number(e.CLAMD_HOST!.slice(at + 1)) });
}

/** The verdict in clamd's reply line ("stream: OK", "stream: X FOUND", "... ERROR"). */
export function parseClamdReply(reply: string): ScanResult {
  const line = reply.replace(/\0/g, "").trim();
  if (line.endsWith(" FOUND"))
    return { verdict: "infected", signature: line.slice(line.indexOf(":") + 1, -" FOUND".length).trim() };
  if (line.endsWith(": OK")) return { verdict: "clean" };
  return { verdict: "error", reason: line.slice(0, 200) || "empty reply" };
}

export function scanBytes(bytes: Uint8Array): Promise<ScanResult> {
  if (!scannerConfigured()) return Promise.resolve({ verdict: "skipped" });
  return new Promise((resolve) => {
    const socket = open();
    let reply = "";
    let done = false;
    const finish = (result: ScanResult) => {
      if (done) return;
      done = true;
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(TIMEOUT_MS, () => finish({ verdict: "error", reason: "clamd timed out" }));
    socket.on("error", (error) => finish({ verdict: "error", reason: error.message }));
    socket.on("data", (data) => {
      reply += data.toString("utf8");
      if (reply.length > MAX_REPLY) finish({ verdict: "error", reason: "reply too long" });
      else if (reply.includes("\0") || reply.includes("\n")) finish(parseClamdReply(reply));
    });
    socket.on("end", () => finish(parseClamdReply(reply)));
    socket.on("connect", () => {
      socket.write("zINSTREAM\0");
      for (let offset = 0; offset < bytes.byteLength; offset += CHUNK) {
        const chunk = bytes.subarray(offset, Math.min(offset + CHUNK, bytes.byteLength));
        const length = Buffer.alloc(4);
        length.writeUInt32BE(chunk.byteLength);
        socket.write(length);
        socket.write(chunk);
      }
      socket.write(Buffer.alloc(4));
    });
  });
}
