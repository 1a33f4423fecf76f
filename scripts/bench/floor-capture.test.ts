import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, get, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { captureAnswer } from "./floor-capture.mjs";

// A stand-in for the portal: an answer with security headers, two cookies and a cache header.
const PAGE_LINES = [
  "Content-Security-Policy",
  "default-src 'self'; script-src 'nonce-abc123'",
  "X-Request-Id",
  "0f9b8c1e-5d2a-4c1b-9a7e-3d6f2b1c4e5a",
  "Set-Cookie",
  "seed=abc; Path=/; HttpOnly; SameSite=Lax",
  "Set-Cookie",
  "lang=sv; Path=/",
  "X-Cache",
  "hit",
  "Vary",
  "Accept-Encoding",
  "Content-Type",
  "text/html; charset=utf-8",
];
const BODY = Buffer.from("<!doctype html><title>Logga in</title><p>Välkommen</p>");

/** Status, header lines (without the ones node:http writes on its own) and body of a plain GET. */
function raw(url: string): Promise<{ status: number; lines: string[]; body: Buffer }> {
  return new Promise((ok, fail) => {
    get(url, { agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const lines: string[] = [];
        for (let i = 0; i < res.rawHeaders.length; i += 2)
          if (!["date", "connection", "keep-alive"].includes(res.rawHeaders[i]!.toLowerCase()))
            lines.push(res.rawHeaders[i]!, res.rawHeaders[i + 1]!);
        ok({ status: res.statusCode!, lines, body: Buffer.concat(chunks) });
      });
    }).on("error", fail);
  });
}

async function listening(server: Server): Promise<string> {
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe("the bench's floor sends the portal's answer (decision 176)", () => {
  let dir: string;
  let source: Server;
  let sourceUrl: string;
  const floors: ChildProcess[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "floor-"));
    source = createServer((req, res) => {
      res.writeHead(req.url === "/gone" ? 404 : 200, [...PAGE_LINES, "Content-Length", String(BODY.length)]);
      res.end(BODY);
    });
    sourceUrl = await listening(source);
  });
  afterAll(() => {
    for (const f of floors) f.kill();
    source.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Starts floor-server.mjs on the given pages, on a port that was free a moment ago. */
  async function floor(pages: Record<string, unknown>): Promise<string> {
    const probe = createServer();
    const port = Number(new URL(await listening(probe)).port);
    probe.close();
    const file = join(dir, `pages-${floors.length}.json`);
    writeFileSync(file, JSON.stringify(pages));
    const child = spawn(process.execPath, [resolve("scripts/bench/floor-server.mjs"), file, String(port)]);
    floors.push(child);
    const [line] = (await once(child.stdout!, "data")) as [Buffer];
    expect(line.toString()).toContain("floor listening");
    return `http://127.0.0.1:${port}`;
  }

  it("answers with the captured status, every header line in order and the same body", async () => {
    const pages: Record<string, unknown> = {};
    for (const path of ["/logga-in", "/gone"]) {
      const { bytes, ...page } = await captureAnswer(sourceUrl + path);
      expect(bytes).toBe(BODY.length);
      pages[path] = page;
    }
    const url = await floor(pages);
    for (const path of ["/logga-in", "/gone"]) {
      const [fromSource, fromFloor] = [await raw(sourceUrl + path), await raw(url + path)];
      expect(fromFloor.status).toBe(fromSource.status);
      expect(fromFloor.lines).toEqual(fromSource.lines);
      expect(fromFloor.body.equals(BODY)).toBe(true);
    }
    expect((await raw(`${url}/elsewhere`)).status).toBe(404);
  });

  it("with bodyOnly, sends the body with only its type and length, as before decision 176", async () => {
    const { bytes, ...page } = await captureAnswer(`${sourceUrl}/gone`, {}, { bodyOnly: true });
    const answer = await raw((await floor({ "/gone": page })) + "/gone");
    expect(answer.status).toBe(200);
    expect(answer.lines).toEqual(["content-type", "text/html; charset=utf-8", "content-length", String(bytes)]);
    expect(answer.body.equals(BODY)).toBe(true);
  });
});
