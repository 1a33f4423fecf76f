import { Agent as HttpAgent, createServer, request as httpRequest, type Server } from "node:http";
import { type AddressInfo, createServer as createNetServer, type Server as NetServer } from "node:net";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CookieJar, encodeBody, submitForm, TINY_JPEG, walkRequest } from "./form-walker.mjs";

/** A check page that sends by an e-ID signature (decision 098) has a link to the provider, no send button. */
let server: Server;
let base = "";
beforeAll(async () => {
  server = createServer((req, res) => {
    res.setHeader("content-type", "text/html; charset=utf-8");
    if (req.url === "/signed")
      res.end('<main><h1>Kontrollera</h1><a class="button" id="submit-sign" href="/x/signera">Skriv under</a></main>');
    else res.end("<main><h1>Nothing to post</h1></main>");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("the form walker on a page without a POST form", () => {
  it("reports a form that is sent by signing as needing e-ID signing, and any other as no form", async () => {
    expect(await submitForm(`${base}/signed`)).toMatchObject({
      ok: false,
      needsSigning: true,
      error: expect.stringContaining("e-ID"),
    });
    expect(await submitForm(`${base}/plain`)).toMatchObject({
      ok: false,
      needsSigning: false,
      error: "no POST form on the page",
    });
  });
});

/** What a server saw of one request: method, url, headers (in order, lower case) and body. */
type Seen = { method: string; url: string; headers: [string, string][]; body: Buffer; socket: unknown };
describe("the walker's HTTP client (decision 130)", () => {
  let recorder: Server;
  let at = "";
  const seen: Seen[] = [];
  beforeAll(async () => {
    recorder = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const headers: [string, string][] = [];
        for (let i = 0; i + 1 < req.rawHeaders.length; i += 2)
          headers.push([String(req.rawHeaders[i]).toLowerCase(), String(req.rawHeaders[i + 1])]);
        seen.push({
          method: req.method ?? "",
          url: req.url ?? "",
          headers,
          body: Buffer.concat(chunks),
          socket: req.socket,
        });
        if (req.url === "/gzip") {
          res.setHeader("content-encoding", "gzip");
          res.setHeader("set-cookie", ["a=1; Path=/; HttpOnly", "b=2; Path=/"]);
          return res.end(gzipSync(Buffer.from("<main>Ärende BEN-2026-000123</main>")));
        }
        if (req.url === "/redirect") {
          res.writeHead(303, { location: "/next" });
          return res.end();
        }
        if (req.url === "/slow") return void setTimeout(() => res.end("late"), 2_000);
        res.end("ok");
      });
    });
    await new Promise<void>((resolve) => recorder.listen(0, "127.0.0.1", resolve));
    at = `http://127.0.0.1:${(recorder.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => recorder.close(() => resolve())));

  /** The last request seen, with the multipart boundary (random in both clients) replaced. */
  const last = () => {
    const s = seen.at(-1)!;
    const type = s.headers.find(([k]) => k === "content-type")?.[1] ?? "";
    const boundary = type.split("boundary=")[1];
    const mask = (text: string) => (boundary ? text.replaceAll(boundary, "BOUNDARY") : text);
    return {
      method: s.method,
      url: s.url,
      headers: Object.fromEntries(
        s.headers.filter(([k]) => k !== "connection" && k !== "content-length").map(([k, v]) => [k, mask(v)]),
      ),
      body: mask(s.body.toString("latin1")),
    };
  };

  it("sends a GET, a url-encoded POST and a multipart POST with an upload as fetch does", async () => {
    const form = { method: "post", action: `${at}/post`, enctype: "multipart/form-data", role: undefined, fields: [] };
    const filled = {
      values: [
        ["csrf", 'tök"en'],
        ["beskrivning", "rad ett\nrad två\r\nrad tre"],
        ['konstigt"namn\n', "x"],
      ] as [string, string][],
      files: [{ name: "bilder", filename: "foto.jpg", type: "image/jpeg", bytes: TINY_JPEG }],
    };
    // What the walker sent with fetch before: a FormData for a multipart form.
    const formData = new FormData();
    for (const [k, v] of filled.values) formData.append(k, v);
    for (const f of filled.files) formData.append(f.name, new Blob([f.bytes], { type: f.type }), f.filename);
    const urlencoded = encodeBody({ ...form, enctype: "application/x-www-form-urlencoded" }, { ...filled, files: [] });
    const multipart = encodeBody(form, filled);
    const cases = [
      { url: `${at}/get?x=1`, init: { headers: { cookie: "a=b; c=d" } } },
      { url: `${at}/get`, init: { headers: { cookie: "" } } },
      { url: `${at}/post`, init: { method: "POST", ...urlencoded }, fetchBody: urlencoded.body },
      { url: `${at}/post`, init: { method: "POST", ...multipart }, fetchBody: formData },
    ];
    for (const { url, init, fetchBody } of cases) {
      const headers = { ...init.headers, origin: at };
      const fetchHeaders = fetchBody instanceof FormData ? { origin: at } : headers;
      await (await fetch(url, { ...init, body: fetchBody, headers: fetchHeaders, redirect: "manual" })).arrayBuffer();
      const byFetch = last();
      await (await walkRequest(url, { ...init, headers })).arrayBuffer();
      const byWalker = last();
      expect(byWalker).toEqual(byFetch);
      if ("method" in init) expect(byWalker.body.length).toBeGreaterThan(20);
    }
  });

  it("decodes gzip, keeps every Set-Cookie, leaves redirects to the walker and reuses its connection", async () => {
    const before = seen.length;
    const res = await walkRequest(`${at}/gzip`);
    expect(await res.text()).toBe("<main>Ärende BEN-2026-000123</main>");
    expect(res.headers.getSetCookie()).toEqual(["a=1; Path=/; HttpOnly", "b=2; Path=/"]);
    const jar = new CookieJar();
    jar.store(res);
    expect(jar.header()).toBe("a=1; b=2");
    const moved = await walkRequest(`${at}/redirect`);
    expect(moved.status).toBe(303);
    expect(moved.headers.get("Location")).toBe("/next");
    expect(seen.at(-1)?.url).toBe("/redirect");
    expect(seen.length).toBe(before + 2);
    expect(seen.at(-1)?.socket).toBe(seen.at(-2)?.socket);
  });

  it("rejects when the server does not answer in time or cannot be reached", async () => {
    await expect(walkRequest(`${at}/slow`, { timeoutMs: 100 })).rejects.toThrow(/timeout/);
    await expect(walkRequest("http://127.0.0.1:1/")).rejects.toThrow(/ECONNREFUSED/);
  });
});

/** A server that answers each request with raw bytes of its own (decision 148): what the walker's own HTTP/1.1 reads. */
describe("the walker's HTTP/1.1 reader (decision 148)", () => {
  let raw: NetServer;
  let at = "";
  let connections = 0;
  const requests: string[] = [];
  /** Per path: the answer's bytes, written in the given pieces (a few ms apart), then optionally closing. */
  const answers: Record<string, { pieces: (string | Buffer)[]; close?: boolean }> = {};
  beforeAll(async () => {
    raw = createNetServer((socket) => {
      connections++;
      let pending = "";
      socket.on("data", (d: Buffer) => {
        pending += d.toString("latin1");
        const end = pending.indexOf("\r\n\r\n");
        if (end < 0) return;
        const head = pending.slice(0, end);
        const length = Number(/content-length: (\d+)/i.exec(head)?.[1] ?? 0);
        if (pending.length < end + 4 + length) return;
        requests.push(pending.slice(0, end + 4 + length));
        pending = "";
        const path = head.split(" ")[1] ?? "";
        const answer = answers[path] ?? { pieces: ["HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"] };
        void (async () => {
          for (const piece of answer.pieces) {
            socket.write(piece);
            await new Promise((r) => setTimeout(r, 5));
          }
          if (answer.close) socket.end();
        })();
      });
      socket.on("error", () => {});
    });
    await new Promise<void>((resolve) => raw.listen(0, "127.0.0.1", resolve));
    at = `http://127.0.0.1:${(raw.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => raw.close(() => resolve())));

  it("writes the request node:http wrote, byte for byte, in one piece", async () => {
    answers["/same"] = { pieces: ["HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"] };
    const init = {
      method: "POST",
      body: "a=1&b=%C3%A5",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: "x=1; y=2", origin: at },
    };
    await (await walkRequest(`${at}/same?q=1`, init)).text();
    const byWalker = requests.at(-1);
    // node:http with the headers the walker sends (fetch's, then the caller's, then the length).
    const headers = {
      accept: "*/*",
      "accept-language": "*",
      "sec-fetch-mode": "cors",
      "user-agent": "node",
      "accept-encoding": "gzip, deflate",
      ...init.headers,
      "content-length": String(Buffer.byteLength(init.body)),
    };
    const agent = new HttpAgent({ keepAlive: true });
    await new Promise<void>((resolve, reject) => {
      const req = httpRequest(new URL(`${at}/same?q=1`), { method: "POST", headers, agent }, (res) => {
        res.resume();
        res.on("end", () => resolve());
      });
      req.on("error", reject);
      req.end(init.body);
    });
    agent.destroy();
    expect(byWalker).toBe(requests.at(-1));
    expect(byWalker).toContain("\r\nHost: 127.0.0.1:");
  });

  it("reads chunked bodies split anywhere, with extensions and trailers, and Content-Length bodies in pieces", async () => {
    const gz = gzipSync(Buffer.from("<main>Kvitto BEN-2026-000777 åäö</main>"));
    const chunked = Buffer.concat([
      Buffer.from("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\nSet-Cookie: s=1\r\n\r\n"),
      Buffer.from(`${(10).toString(16)};name=x\r\n`),
      gz.subarray(0, 10),
      Buffer.from(`\r\n${(gz.length - 10).toString(16).toUpperCase()}\r\n`),
      gz.subarray(10),
      Buffer.from("\r\n0\r\nX-Trailer: 1\r\n\r\n"),
    ]);
    // Split inside the status line and inside the first chunk; the next answer one byte per piece.
    answers["/chunked"] = { pieces: [chunked.subarray(0, 7), chunked.subarray(7, 90), chunked.subarray(90)] };
    const res = await walkRequest(`${at}/chunked`);
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie()).toEqual(["s=1"]);
    expect(await res.text()).toBe("<main>Kvitto BEN-2026-000777 åäö</main>");
    answers["/bytes"] = {
      pieces: [...Buffer.from("HTTP/1.1 201 Created\r\nContent-Length: 6\r\nX-A: 1\r\nx-a:  2 \r\n\r\nhallå")].map(
        (b) => Buffer.from([b]),
      ),
    };
    const bytes = await walkRequest(`${at}/bytes`);
    expect(bytes.status).toBe(201);
    expect(bytes.headers.get("X-A")).toBe("1, 2");
    expect(await bytes.text()).toBe("hallå");
  });

  it("reuses a kept-alive connection, not one the server closes, and reads a body that ends with the connection", async () => {
    answers["/keep"] = { pieces: ["HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\na"] };
    answers["/close"] = { pieces: ["HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 1\r\n\r\nb"] };
    answers["/until-close"] = { pieces: ["HTTP/1.1 200 OK\r\n\r\nto the ", "end"], close: true };
    answers["/informational"] = {
      pieces: ["HTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\n", "HTTP/1.1 204 No Content\r\n\r\n"],
    };
    const before = connections;
    await (await walkRequest(`${at}/keep`)).text();
    await (await walkRequest(`${at}/keep`)).text();
    expect(connections - before).toBeLessThanOrEqual(1);
    await (await walkRequest(`${at}/close`)).text();
    const afterClose = connections;
    expect(await (await walkRequest(`${at}/until-close`)).text()).toBe("to the end");
    expect(connections).toBe(afterClose + 1);
    const informational = await walkRequest(`${at}/informational`);
    expect(informational.status).toBe(204);
    expect(await informational.text()).toBe("");
  });

  it("sends a GET again once when a reused connection closes unanswered, a POST never; refuses bad answers and headers", async () => {
    answers["/warm"] = { pieces: ["HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"] };
    // Answered once, then the connection closes without a word (a server restarting): the next GET
    // on it goes out again on a new connection; a POST is refused as a browser's would be.
    let hangUps = 0;
    answers["/hang"] = { pieces: [], close: true };
    await (await walkRequest(`${at}/warm`)).text();
    const before = requests.length;
    await expect(walkRequest(`${at}/hang`)).rejects.toThrow(/socket hang up/);
    hangUps = requests.length - before;
    expect(hangUps).toBe(2); // the reused connection, then once more on a new one
    await (await walkRequest(`${at}/warm`)).text();
    const beforePost = requests.length;
    await expect(walkRequest(`${at}/hang`, { method: "POST", body: "a=1" })).rejects.toThrow(/socket hang up/);
    expect(requests.length - beforePost).toBe(1);
    answers["/bad"] = { pieces: ["HTTP/1.1 2x0 OK\r\nContent-Length: 0\r\n\r\n"] };
    await expect(walkRequest(`${at}/bad`)).rejects.toThrow(/malformed HTTP answer/);
    answers["/cut"] = { pieces: ["HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc"], close: true };
    await expect(walkRequest(`${at}/cut`)).rejects.toThrow(/malformed HTTP answer/);
    answers["/badchunk"] = { pieces: ["HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"] };
    await expect(walkRequest(`${at}/badchunk`)).rejects.toThrow(/malformed HTTP answer/);
    await expect(walkRequest(`${at}/warm`, { headers: { cookie: "a=1\r\nX-Injected: 1" } })).rejects.toThrow(
      /Invalid character/,
    );
  });
});
