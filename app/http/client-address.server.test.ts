import { request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientAddress } from "./client-address.server";

// The address the diarium template's rate limit keys by must be Express's `req.ip` for the same
// request, with one trusted proxy hop (TRUST_PROXY=1) and with none: asked of Express itself.

const servers: Server[] = [];
async function serve(trust: 1 | false): Promise<number> {
  const app = express();
  app.set("trust proxy", trust);
  app.get("/", (req, res) => {
    res.json({ express: req.ip ?? null, ours: clientAddress(req, trust === 1) ?? null });
  });
  const server = app.listen(0, "127.0.0.1");
  servers.push(server);
  await new Promise((resolve) => server.once("listening", resolve));
  return (server.address() as AddressInfo).port;
}

function ask(port: number, forwarded: string[] | undefined): Promise<{ express: string; ours: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({
      host: "127.0.0.1",
      port,
      path: "/",
      headers: forwarded ? { "X-Forwarded-For": forwarded } : {},
    });
    req.on("response", (res) => {
      let body = "";
      res.on("data", (c: Buffer) => (body += c.toString("utf8")));
      res.on("end", () => resolve(JSON.parse(body) as { express: string; ours: string }));
    });
    req.on("error", reject);
    req.end();
  });
}

const headers: (string[] | undefined)[] = [
  undefined,
  [""],
  ["203.0.113.7"],
  ["198.51.100.1, 203.0.113.7"],
  ["198.51.100.1,203.0.113.7"],
  ["  203.0.113.7  "],
  ["198.51.100.1, 203.0.113.7, "],
  [", , ,"],
  [" , 203.0.113.7 ,  ,"],
  ["2001:db8::1, ::ffff:203.0.113.7"],
  ["not an address"],
  ["a\tb, c\t"],
  ["198.51.100.1", "203.0.113.7"],
  ["x".repeat(5000) + "," + " ".repeat(5000)],
];

describe("clientAddress: the client address Express would give the app", () => {
  let trusted = 0;
  let untrusted = 0;
  beforeAll(async () => {
    trusted = await serve(1);
    untrusted = await serve(false);
  });
  afterAll(() => Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve)))));

  it.each(headers.map((h) => [JSON.stringify(h), h] as const))("one trusted hop, X-Forwarded-For %s", async (_, h) => {
    const { express: theirs, ours } = await ask(trusted, h);
    expect(ours).toBe(theirs);
  });

  it("one trusted hop takes the proxy's last entry, not the client's own claim", async () => {
    expect((await ask(trusted, ["198.51.100.1, 203.0.113.7"])).ours).toBe("203.0.113.7");
    expect((await ask(trusted, undefined)).ours).toBe("127.0.0.1");
  });

  it("without a trusted proxy the header is ignored", async () => {
    for (const h of headers) {
      const { express: theirs, ours } = await ask(untrusted, h);
      expect(ours).toBe(theirs);
      expect(ours).toBe("127.0.0.1");
    }
  });
});
