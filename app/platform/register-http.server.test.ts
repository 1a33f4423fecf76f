import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import {
  ClientCredentials,
  parseRegisterJson,
  RegisterAnswerError,
  RegisterUnavailableError,
  registerRequest,
} from "./register-http.server";

let server: Server;
let base = "";
let hits: Record<string, number> = {};
let tokenBodies: string[] = [];
let tokenAuth: string[] = [];

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
  });
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = req.url ?? "/";
  hits[path] = (hits[path] ?? 0) + 1;
  if (path === "/flaky") {
    if (hits[path] < 3) {
      res.writeHead(503).end("busy");
      return;
    }
    res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
    return;
  }
  if (path === "/down") {
    res.writeHead(502).end();
    return;
  }
  if (path === "/slow") return; // never answers
  if (path === "/missing") {
    res.writeHead(404, { "content-type": "application/json" }).end('{"error":"not found"}');
    return;
  }
  if (path === "/huge") {
    res.writeHead(200).end("x".repeat(10_000));
    return;
  }
  if (path === "/token") {
    tokenBodies.push(await readBody(req));
    tokenAuth.push(req.headers.authorization ?? "");
    res
      .writeHead(200, { "content-type": "application/json" })
      .end(JSON.stringify({ access_token: `t${hits[path]}`, token_type: "Bearer", expires_in: 3600 }));
    return;
  }
  res.writeHead(500).end();
}

beforeAll(async () => {
  server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});
beforeEach(() => {
  hits = {};
  tokenBodies = [];
  tokenAuth = [];
});

const quick = { register: "Testregistret", timeoutMs: 300, attempts: 3, backoffMs: 10 };

describe("registerRequest", () => {
  it("retries a 503 and returns the answer that follows", async () => {
    const answer = await registerRequest(`${base}/flaky`, { method: "GET" }, quick);
    expect(answer.status).toBe(200);
    expect(hits["/flaky"]).toBe(3);
  });

  it("gives up after the configured attempts with an error that names the register", async () => {
    await expect(registerRequest(`${base}/down`, { method: "GET" }, quick)).rejects.toThrow(RegisterUnavailableError);
    expect(hits["/down"]).toBe(3);
    await expect(registerRequest(`${base}/down`, { method: "GET" }, quick)).rejects.toThrow(/Testregistret.*502/);
  });

  it("stops waiting for a register that never answers, within the time-out per attempt", async () => {
    const start = Date.now();
    await expect(registerRequest(`${base}/slow`, { method: "GET" }, { ...quick, attempts: 2 })).rejects.toThrow(
      /no answer within 300 ms/,
    );
    expect(Date.now() - start).toBeLessThan(2_000);
    expect(hits["/slow"]).toBe(2);
  });

  it("returns a 404 as it is, once, for the adapter to read as not found", async () => {
    const answer = await registerRequest(`${base}/missing`, { method: "GET" }, quick);
    expect(answer.status).toBe(404);
    expect(hits["/missing"]).toBe(1);
  });

  it("refuses an answer above the size cap without retrying", async () => {
    await expect(registerRequest(`${base}/huge`, { method: "GET" }, { ...quick, maxBytes: 1000 })).rejects.toThrow(
      RegisterAnswerError,
    );
    expect(hits["/huge"]).toBe(1);
  });

  it("cannot reach a closed port and says so", async () => {
    await expect(registerRequest("http://127.0.0.1:9/x", { method: "GET" }, { ...quick, attempts: 1 })).rejects.toThrow(
      RegisterUnavailableError,
    );
  });
});

describe("parseRegisterJson", () => {
  const schema = z.object({ name: z.string() });
  it("accepts an answer in the published form", () => {
    expect(parseRegisterJson("R", '{"name":"Anna"}', schema)).toEqual({ name: "Anna" });
  });
  it("refuses a malformed answer whole", () => {
    expect(() => parseRegisterJson("R", '{"name":42}', schema)).toThrow(RegisterAnswerError);
    expect(() => parseRegisterJson("R", "<xml/>", schema)).toThrow(/not JSON/);
  });
});

describe("ClientCredentials", () => {
  it("fetches a token with basic auth and the scope, and reuses it until shortly before it expires", async () => {
    const cc = new ClientCredentials({
      ...quick,
      tokenUrl: `${base}/token`,
      clientId: "portal",
      clientSecret: "hemligt",
      scope: "fastighet.read",
    });
    const now = Date.now();
    expect(await cc.token(now)).toBe("t1");
    expect(await cc.token(now + 60_000)).toBe("t1");
    expect(hits["/token"]).toBe(1);
    expect(tokenBodies[0]).toBe("grant_type=client_credentials&scope=fastighet.read");
    expect(tokenAuth[0]).toBe(`Basic ${Buffer.from("portal:hemligt").toString("base64")}`);
    expect(await cc.token(now + 3_580_000)).toBe("t2");
    cc.invalidate();
    expect(await cc.token(now + 3_580_000)).toBe("t3");
  });
});
