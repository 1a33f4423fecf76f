import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
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

/**
 * A whole walk against a stand-in portal (start redirect, a gzip'd step with every kind of field and
 * other forms around it, a multipart step with the photo, a check page, the receipt redirect), every
 * request recorded as the server saw it: method, path, raw headers in order and case, body. The
 * expected transcript (form-walker.walk.txt) was recorded with the walker before decision 158 made
 * it cheaper; the multipart boundary (random) and the port are masked.
 */
describe("a whole walk (decision 158)", () => {
  let portal: Server;
  let origin = "";
  const transcript: string[] = [];
  /** How the stand-in answers the step posts: "ok", "refuse" (400 with an error summary) or "loop". */
  let mode = "ok";
  const page = (body: string) =>
    `<!DOCTYPE html><html lang="sv"><head><title>Steg</title></head><body><header><form method="post" action="/sprak"><button name="lang" value="en">English</button></form></header>${body}<footer>Org.nr 212000-1535</footer></body></html>`;
  const STEP_A = page(`<main><form method="get" action="/sok"><input name="q"></form>
<h1>Vad har hänt?</h1><form method="post" action="/blanketter/provform/a" novalidate>
<input type="hidden" name="csrf" value="t&amp;1"><input type="text" name="rubrik" required maxlength="80">
<textarea name="beskrivning">Rad ett
rad två</textarea><input type="radio" name="typ" value="gata"><input type="radio" name="typ" value="park" checked>
<input type="checkbox" name="villkor" value="ja" required><input type="checkbox" name="nyhetsbrev" value="ja">
<select name="kommun"><option value="">Välj</option><option value="bengtsfors">Bengtsfors</option></select>
<input type="email" name="epost"><input type="tel" name="telefon"><input type="text" name="personnummer">
<button type="submit" name="intent" value="spara" formnovalidate>Spara</button><button type="submit" name="intent" value="fortsatt">Fortsätt</button>
</form><form method="post" action="/annat"><input name="x"></form></main>`);
  const STEP_B =
    page(`<main><h1>Var?</h1><form method="post" action="/blanketter/provform/b" enctype="multipart/form-data">
<input type="hidden" name="csrf" value="t2"><input name="plats" value="Storgatan 1, Bengtsfors"><input type="file" name="bilder" accept="image/*">
<button>Nästa</button></form></main>`);
  const CHECK = page(`<main><h1>Kontrollera</h1><dl><dt>Rubrik</dt><dd>Trasig lampa</dd></dl>
<form method="post" action="/blanketter/provform/kontrollera"><input type="hidden" name="csrf" value="t3"><button name="intent" value="send">Skicka</button></form></main>`);
  const REFUSED = page(
    `<main><div class="error-summary" role="alert"><h2>Det finns fel</h2><ul><li><a href="#rubrik">Skriv en rubrik</a></li></ul></div></main>`,
  );
  beforeAll(async () => {
    portal = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const type = String(req.headers["content-type"] ?? "");
        const boundary = type.includes("boundary=") ? type.split("boundary=")[1] : undefined;
        const mask = (text: string) =>
          (boundary ? text.replaceAll(boundary, "BOUNDARY") : text).replaceAll(origin.split(":")[2] ?? "-", "PORT");
        const headers: string[] = [];
        for (let i = 0; i + 1 < req.rawHeaders.length; i += 2)
          headers.push(`${req.rawHeaders[i]}: ${mask(String(req.rawHeaders[i + 1]))}`);
        transcript.push(
          `${req.method} ${req.url}\n${headers.join("\n")}\n\n${mask(Buffer.concat(chunks).toString("latin1"))}`,
        );
        const redirect = (to: string, cookies: string[] = []) => {
          res.writeHead(req.method === "POST" ? 303 : 302, { location: to, "set-cookie": cookies });
          res.end(`Found. Redirecting to ${to}`);
        };
        const html = (body: string, status = 200, gzip = false, cookies: string[] = []) => {
          res.writeHead(status, {
            "content-type": "text/html; charset=utf-8",
            "set-cookie": cookies,
            ...(gzip ? { "content-encoding": "gzip" } : {}),
          });
          res.end(gzip ? gzipSync(body) : body);
        };
        const path = req.url ?? "";
        if (req.method === "GET" && path === "/blanketter/provform") return redirect("/blanketter/provform/a");
        if (req.method === "GET" && path === "/blanketter/provform/a")
          return html(STEP_A, 200, true, ["session=abc; Path=/; HttpOnly", "csrf=t1; Path=/; SameSite=Lax"]);
        if (req.method === "POST" && path === "/blanketter/provform/a") {
          if (mode === "refuse") return html(REFUSED, 400);
          if (mode === "loop") return redirect("/blanketter/provform/a");
          return redirect("/blanketter/provform/b", ["flash=; Path=/; Max-Age=0", "steg=b; Path=/"]);
        }
        if (req.method === "GET" && path === "/blanketter/provform/b") return html(STEP_B);
        if (req.method === "POST" && path === "/blanketter/provform/b")
          return redirect("/blanketter/provform/kontrollera", ["session=def; Path=/; HttpOnly"]);
        if (req.method === "GET" && path === "/blanketter/provform/kontrollera") return html(CHECK, 200, true);
        if (req.method === "POST" && path === "/blanketter/provform/kontrollera")
          return redirect("/blanketter/provform/kvitto/BEN-2026-000042", ["steg=; Path=/; Max-Age=0"]);
        html(page("<main><h1>Sidan finns inte</h1></main>"), 404);
      });
    });
    await new Promise<void>((resolve) => portal.listen(0, "127.0.0.1", resolve));
    origin = `http://127.0.0.1:${(portal.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => portal.close(() => resolve())));
  const examples = { provform: { rubrik: "Trasig lampa", typ: "gata", villkor: true, kommun: "bengtsfors" } };

  it("sends every request of a walk byte for byte as the walker did before, and finds the receipt", async () => {
    mode = "ok";
    transcript.length = 0;
    const result = await submitForm(`${origin}/blanketter/provform`, { examples, jar: new CookieJar() });
    expect(result).toEqual({
      ok: true,
      reference: "BEN-2026-000042",
      steps: 4,
      url: `${origin}/blanketter/provform/kvitto/BEN-2026-000042`,
      attachments: 1,
    });
    expect(transcript).toHaveLength(7);
    await expect(transcript.join("\n\n=====\n\n")).toMatchFileSnapshot("./form-walker.walk.txt");
  });

  it("still reports a refused step and a walk that never reaches a receipt as failed", async () => {
    mode = "refuse";
    expect(await submitForm(`${origin}/blanketter/provform`, { examples })).toMatchObject({
      ok: false,
      status: 400,
      url: `${origin}/blanketter/provform/a`,
      error: expect.stringContaining("Det finns fel Skriv en rubrik"),
    });
    mode = "loop";
    expect(await submitForm(`${origin}/blanketter/provform`, { examples, maxSteps: 6 })).toMatchObject({
      ok: false,
      status: 303,
      error: "no receipt within the step limit",
    });
    mode = "ok";
  });
});
