import { readdirSync } from "node:fs";
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import compression from "compression";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { anonymousCsrfToken, csrfCookieName } from "~/auth/csrf.server";
import { prepareDatabase } from "~/db.server";
import { LARGE_BODY_BYTES } from "~/http/middleware.server";
import { createSecurityHeaders } from "~/http/security-headers.server";
import {
  CHECKED_IN_FRONT,
  earlySendPostOutcome,
  earlyStepPostOutcome,
  sendPostEligible,
  serveStepPost,
  stepPostEligible,
} from "~/http/step-post.server";
import { eserviceCookieName } from "~/services/eservice-session.server";
import { MAX_URLENCODED_BYTES } from "~/utils/multipart.server";

// Decision 147. Whole pages and headers are compared with the Express path's in the e2e specs and
// the crash and hostile-input drills; here: what is taken in front, what is left to Express, the
// redirect written in front, and the outcome handed to Remix for every other answer.

type Res = ServerResponse & { locals?: Record<string, unknown> };
const securityHeaders = createSecurityHeaders({ production: false });
let server: Server;
let port = 0;
/** Requests the stand-in for Express got, with what the front left for it. */
let handedOver: { url: string; locals: Record<string, unknown> }[] = [];

const FORM = "/blanketter/felanmalan-gata-park";
const SEED = "s".repeat(43);
const KEY = "k".repeat(43);

beforeAll(async () => {
  prepareDatabase();
  const app = (req: IncomingMessage, res: Res) => {
    handedOver.push({ url: req.url ?? "", locals: { ...res.locals } });
    res.statusCode = 299;
    res.end("express");
  };
  const front = {
    securityHeaders,
    // Express's compression middleware, as scripts/serve.mjs hands it over (plain Node request and response).
    compress: compression() as unknown as Parameters<typeof serveStepPost>[2]["compress"],
    trustOneProxy: false,
    maxBodyBytes: 30 * 1024 * 1024,
    app,
  };
  server = createServer((req, res: Res) => {
    if (serveStepPost(req, res, front)) return;
    handedOver.push({ url: req.url ?? "", locals: {} });
    res.statusCode = 298;
    res.end("declined");
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
beforeEach(() => {
  handedOver = [];
});

function post(path: string, body: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: IncomingMessage["headers"]; body: string }>((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port,
        path,
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          "content-length": String(Buffer.byteLength(body)),
          origin: `http://127.0.0.1:${port}`,
          cookie: `${csrfCookieName()}=${SEED}; ${eserviceCookieName()}=${KEY}`,
          ...headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }),
        );
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

const fel = (description: string, csrf = anonymousCsrfToken(SEED)) =>
  new URLSearchParams({
    _csrf: csrf,
    _action: "continue",
    _kommun: "bengtsfors",
    category: "gatubelysning",
    description,
  }).toString();

describe("which posts are taken in front of Express", () => {
  const req = (over: Partial<IncomingMessage> & { headers?: Record<string, string> }) =>
    ({
      method: "POST",
      url: `${FORM}/fel`,
      ...over,
      headers: {
        host: "portal.example",
        "content-type": "application/x-www-form-urlencoded",
        "content-length": "10",
        ...over.headers,
      },
    }) as IncomingMessage;

  it("takes a plain step post, url-encoded or multipart, with or without a same-origin Origin", () => {
    expect(stepPostEligible(req({}), 1e9, false)).toEqual({
      id: "felanmalan-gata-park",
      step: "fel",
      length: 10,
      host: "portal.example",
    });
    expect(
      stepPostEligible(req({ headers: { "content-type": "multipart/form-data; boundary=x" } }), 1e9, false),
    ).not.toBeNull();
    expect(stepPostEligible(req({ headers: { origin: "http://portal.example" } }), 1e9, false)).not.toBeNull();
  });

  it("leaves everything Express might answer otherwise to Express", () => {
    const declined = [
      req({ method: "GET" }),
      req({ url: `${FORM}/kontrollera` }),
      req({ url: `${FORM}/signera` }),
      req({ url: `${FORM}/fel?lang=en` }),
      req({ url: `${FORM}/fel.data` }),
      req({ url: `/en${FORM}/fel` }),
      req({ headers: { "content-type": "text/plain" } }),
      req({ headers: { "content-length": "" } }),
      req({ headers: { "content-length": "1e3" } }),
      req({ headers: { "transfer-encoding": "chunked" } }),
      req({ headers: { "content-length": String(MAX_URLENCODED_BYTES + 1) } }),
      req({
        headers: { "content-type": "multipart/form-data; boundary=x", "content-length": String(LARGE_BODY_BYTES + 1) },
      }),
      req({ headers: { origin: "http://evil.example" } }),
      req({ headers: { origin: "null" } }),
      req({ headers: { origin: "not a url" } }),
      req({ headers: { "sec-fetch-site": "cross-site" } }),
      req({ headers: { "x-forwarded-host": "portal.example" } }),
      req({ headers: { host: "" } }),
      req({ headers: { host: "[::1]:3000" } }),
    ];
    for (const r of declined)
      expect(stepPostEligible(r, 1e9, false), `${r.method} ${r.url} ${JSON.stringify(r.headers)}`).toBeNull();
    // The server's overall limit, and a proxy's protocol when one proxy hop is trusted.
    expect(stepPostEligible(req({}), 5, false)).toBeNull();
    expect(stepPostEligible(req({ headers: { "x-forwarded-proto": "https" } }), 1e9, true)).toBeNull();
  });

  it("takes the check page's plain post, the send, by its own path only (decision 151)", () => {
    expect(sendPostEligible(req({ url: `${FORM}/kontrollera` }), 1e9, false)).toEqual({
      id: "felanmalan-gata-park",
      length: 10,
      host: "portal.example",
    });
    for (const r of [
      req({ url: `${FORM}/fel` }),
      req({ url: `${FORM}/signera` }),
      req({ url: `${FORM}/kontrollera.data` }),
      req({ url: `${FORM}/kontrollera?lang=en` }),
      req({ url: `${FORM}/kontrollera`, method: "GET" }),
      req({ url: `${FORM}/kontrollera`, headers: { origin: "http://evil.example" } }),
      req({ url: `${FORM}/kontrollera`, headers: { "content-type": "text/plain" } }),
      req({ url: `${FORM}/kontrollera`, headers: { "transfer-encoding": "chunked" } }),
    ])
      expect(sendPostEligible(r, 1e9, false), `${r.method} ${r.url} ${JSON.stringify(r.headers)}`).toBeNull();
  });

  it("never takes a route of its own next to the step route", () => {
    // Every `blanketter.$id_.<segment>` route with one segment after the form is excluded by name.
    const siblings = readdirSync("app/routes")
      .map((f) => f.replace(/\.tsx?$/, "").split("."))
      .filter((parts) => parts.length === 3 && parts[0] === "blanketter" && parts[1] === "$id_")
      .map((parts) => parts[2]!)
      .filter((s) => s !== "$step");
    expect(siblings.length).toBeGreaterThan(0);
    for (const segment of siblings)
      expect(stepPostEligible(req({ url: `${FORM}/${segment}` }), 1e9, false), segment).toBeNull();
  });
});

describe("a step post in front of Express", () => {
  it("answers a valid post with the action's redirect and the server's headers", async () => {
    const res = await post(`${FORM}/fel`, fel("Lampan är släckt."));
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe(`${FORM}/plats`);
    expect(res.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers["content-security-policy"]).toContain("'nonce-");
    expect(res.headers["cache-control"]).toBe("private, no-store");
    expect(res.headers.vary).toBe("Cookie");
    expect(res.body).toBe("");
    expect(handedOver).toEqual([]);
  });

  it("hands a refused post to Remix with its outcome: the page with messages, status 400", async () => {
    const res = await post(`${FORM}/fel`, fel(""));
    expect(res.status).toBe(299);
    expect(handedOver).toHaveLength(1);
    const locals = handedOver[0]!.locals;
    expect(locals[CHECKED_IN_FRONT]).toBe(true);
    const outcome = earlyStepPostOutcome({ earlyStepPost: locals.earlyStepPost })!();
    const init = (outcome as unknown as { init: { status: number } }).init;
    expect(init.status).toBe(400);
    const view = (outcome as unknown as { data: { view: { errors: Record<string, unknown> } } }).data.view;
    expect(Object.keys(view.errors)).toContain("description");
  });

  it("hands a post without its CSRF token to Remix with the thrown 403", async () => {
    await post(`${FORM}/fel`, fel("Lampan är släckt.", "wrong"));
    expect(handedOver).toHaveLength(1);
    const run = earlyStepPostOutcome({ earlyStepPost: handedOver[0]!.locals.earlyStepPost })!;
    let thrown: unknown;
    try {
      run();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(403);
  });

  it("leaves a cross-origin post to Express without touching it", async () => {
    const res = await post(`${FORM}/fel`, fel("x"), { origin: "http://evil.example" });
    expect(res.status).toBe(298);
    expect(res.headers["x-request-id"]).toBeUndefined();
  });

  it("answers a send whose key is not the working copy's with the action's redirect to the check page (decision 151)", async () => {
    const res = await post(
      `${FORM}/kontrollera`,
      new URLSearchParams({ _csrf: anonymousCsrfToken(SEED), _idempotency: "i".repeat(32) }).toString(),
    );
    expect(res.status).toBe(302);
    // The working copy of the step post above has another key: its answers are shown again.
    expect(res.headers.location).toBe(`${FORM}/kontrollera`);
    expect(res.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers["cache-control"]).toBe("private, no-store");
    expect(res.body).toBe("");
    expect(handedOver).toEqual([]);
  });

  it("hands a send without its CSRF token or key to Remix with the action's outcome (decision 151)", async () => {
    await post(`${FORM}/kontrollera`, new URLSearchParams({ _csrf: "wrong", _idempotency: "i".repeat(32) }).toString());
    expect(handedOver).toHaveLength(1);
    expect(handedOver[0]!.locals[CHECKED_IN_FRONT]).toBe(true);
    let thrown: unknown;
    try {
      earlySendPostOutcome({ earlyStepPost: handedOver[0]!.locals.earlyStepPost })!();
    } catch (error) {
      thrown = error;
    }
    expect((thrown as Response).status).toBe(403);
    handedOver = [];
    // No idempotency key: the check page again with its message, status 400.
    const res = await post(`${FORM}/kontrollera`, new URLSearchParams({ _csrf: anonymousCsrfToken(SEED) }).toString());
    expect(res.status).toBe(299);
    const outcome = earlySendPostOutcome({ earlyStepPost: handedOver[0]!.locals.earlyStepPost })!();
    expect((outcome as unknown as { init: { status: number } }).init.status).toBe(400);
    expect((outcome as unknown as { data: { error: string } }).data.error).toBe("idempotency");
  });

  it("runs the action only when asked: no early outcome without one", () => {
    expect(earlyStepPostOutcome({})).toBeUndefined();
    expect(earlyStepPostOutcome(undefined)).toBeUndefined();
    expect(earlySendPostOutcome({})).toBeUndefined();
  });
});
