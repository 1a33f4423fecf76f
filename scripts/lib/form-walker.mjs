// Fills in and submits a portal form the way a browser without JavaScript does: GET the page,
// take the first POST form in <main>, fill every field (from the forms' example answers when a
// name matches, else by input type), submit, follow the redirect, and repeat through the steps
// until a page shows a case reference (BEN-2026-000123): that is an ACKNOWLEDGED submission.
// Generic on purpose: it knows no form, so new forms are covered when they land.
import { randomBytes } from "node:crypto";
import { Agent as HttpAgent, request as httpRequest } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import { urlToHttpOptions } from "node:url";
import { brotliDecompressSync, gunzipSync, inflateSync } from "node:zlib";
import { firstForm, forms } from "./html.mjs";

export const REFERENCE = /\b([A-ZÅÄÖ]{2,5}-\d{4}-\d{4,})\b/;

// A minimal JPEG (SOI, APP0/JFIF, EOI) that passes magic-byte sniffing.
export const TINY_JPEG = Buffer.from(
  "ffd8ffe000104a46494600010100000100010000ffdb004300" +
    "08".repeat(64) +
    "ffc0000b080001000101011100ffc4001f0000010501010101010100000000000000000102030405060708090a0bffda0008010100003f00d2cf20ffd9",
  "hex",
);

export class CookieJar {
  constructor(initial = {}) {
    this.jar = new Map(Object.entries(initial));
  }
  store(res) {
    for (const c of res.headers.getSetCookie?.() ?? []) {
      const [pair] = c.split(";");
      const i = pair.indexOf("=");
      const name = pair.slice(0, i).trim();
      const value = pair.slice(i + 1).trim();
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(c) || value === "") this.jar.delete(name);
      else this.jar.set(name, value);
    }
  }
  header() {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join("; ");
  }
}

export function flattenExample(values, prefix = "", out = new Map()) {
  for (const [k, v] of Object.entries(values ?? {})) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (v === null || v === undefined) continue;
    if (typeof v === "boolean") out.set(path, [v ? "yes" : "no"]);
    else if (Array.isArray(v)) {
      if (v.every((x) => typeof x !== "object")) out.set(path, v.map(String));
      else
        v.forEach(
          (item, i) =>
            item &&
            typeof item === "object" &&
            !("size" in item && "type" in item) &&
            flattenExample(item, `${path}.${i}`, out),
        );
    } else if (typeof v === "object") flattenExample(v, path, out);
    else out.set(path, [String(v)]);
  }
  return out;
}

function byType(field) {
  const name = (field.name ?? "").toLowerCase();
  if (/personnummer|personal|pnr|ssn/.test(name)) return "19121212-1212";
  if (/orgnr|organisationsnummer|orgnumber/.test(name)) return "556016-0680";
  if (/postal|postnummer/.test(name)) return "662 30";
  switch (field.type) {
    case "email":
      return "test@example.se";
    case "tel":
      return "070-123 45 67";
    case "number":
      return "1";
    case "date":
      return "2027-01-15";
    case "url":
      return "https://example.se/";
    default:
      return "Provsvar";
  }
}

/** Body for one form: Map name -> values[], plus files: [{name, filename, type, bytes}]. */
export function fillForm(form, example) {
  const values = [];
  const files = [];
  const byName = new Map();
  for (const f of form.fields) if (f.name) byName.set(f.name, [...(byName.get(f.name) ?? []), f]);
  for (const [name, group] of byName) {
    const f = group[0];
    const ex = example.get(name);
    if (f.tag === "button" || f.type === "submit") continue;
    if (f.type === "hidden") values.push([name, f.value]);
    else if (f.type === "radio") {
      const choice = group.find((g) => ex?.includes(g.value)) ?? group.find((g) => g.checked) ?? group[0];
      values.push([name, choice.value]);
    } else if (f.type === "checkbox") {
      const chosen = group.filter((g) =>
        ex ? ex.includes(g.value) || (ex[0] === "yes" && group.length === 1) : g.checked || g.required,
      );
      for (const g of chosen.length > 0 || !f.required ? chosen : [group[0]]) values.push([name, g.value || "on"]);
    } else if (f.type === "file") files.push({ name, filename: "foto.jpg", type: "image/jpeg", bytes: TINY_JPEG });
    else if (f.tag === "select")
      values.push([name, ex?.find((v) => f.options.includes(v)) ?? f.options.find((o) => o !== "") ?? ""]);
    else if (f.value && !ex) values.push([name, f.value]);
    else values.push([name, ex?.[0] ?? byType(f)]);
  }
  // The main submit button: one that says continue/send, else the last one (GOV.UK puts it last).
  const buttons = form.fields.filter((f) => (f.tag === "button" || f.type === "submit") && !f.formnovalidate);
  const main =
    buttons.find((b) =>
      /next|continue|submit|send|skicka|fortsätt|nasta|nästa|bekrafta|bekräfta|confirm/i.test(`${b.name} ${b.value}`),
    ) ?? buttons.at(-1);
  if (main?.name) values.push([main.name, main.value]);
  return { values, files };
}

// Names and values as fetch's FormData encodes them: line breaks normalised to CRLF; in a field
// name (after that) and a file name, CR, LF and " escaped.
const crlf = (value) => value.replaceAll("\r\n", "\n").replaceAll("\r", "\n").replaceAll("\n", "\r\n");
const escapeName = (name) => name.replaceAll("\n", "%0A").replaceAll("\r", "%0D").replaceAll('"', "%22");

export function encodeBody(form, { values, files }) {
  if (form.enctype === "multipart/form-data" || files.length > 0) {
    // The body fetch's FormData makes (the same parts, order and headers), as one buffer: the text
    // parts and each file's part header as one string each, the file's bytes as they are.
    const boundary = `----formdata-walker-${randomBytes(12).toString("hex")}`;
    let text = "";
    for (const [k, v] of values)
      text += `--${boundary}\r\nContent-Disposition: form-data; name="${escapeName(crlf(k))}"\r\n\r\n${crlf(String(v))}\r\n`;
    const parts = [];
    for (const f of files) {
      parts.push(
        Buffer.from(
          `${text}--${boundary}\r\nContent-Disposition: form-data; name="${escapeName(crlf(f.name))}"; filename="${escapeName(f.filename)}"\r\nContent-Type: ${f.type}\r\n\r\n`,
        ),
        f.bytes,
      );
      text = "\r\n";
    }
    parts.push(Buffer.from(`${text}--${boundary}--\r\n`));
    return {
      body: parts.length === 1 ? parts[0] : Buffer.concat(parts),
      headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
    };
  }
  return {
    body: new URLSearchParams(values).toString(),
    headers: { "content-type": "application/x-www-form-urlencoded" },
  };
}

// The walker's HTTP client: node:http on keep-alive connections (decision 130). fetch (undici)
// cost the bench's walker ~23 ms of CPU per walk on the same two cores as the portal. The request
// is the one fetch sends (the same headers, gzip/deflate accepted and decoded), and an answer
// offers what the walker and CookieJar read of fetch's Response: status, headers.get,
// headers.getSetCookie, text() and arrayBuffer(). Decision 158: the client costs as little as it
// can (the walker's CPU shares the portal's two cores): a URL's request options are parsed once,
// the answer's headers are read from the raw list only when asked for, a body is decoded only
// when it is read.
const agents = { "http:": new HttpAgent({ keepAlive: true }), "https:": new HttpsAgent({ keepAlive: true }) };
const FETCH_HEADERS = { accept: "*/*", "accept-language": "*", "sec-fetch-mode": "cors", "user-agent": "node" };

/** What `http.request(new URL(url))` makes of a URL, per URL string (a walk's few URLs; bounded). */
const targets = new Map();
function target(url) {
  let hit = targets.get(url);
  if (hit === undefined) {
    const parsed = new URL(url);
    const send = parsed.protocol === "https:" ? httpsRequest : parsed.protocol === "http:" ? httpRequest : null;
    hit = { send, protocol: parsed.protocol, options: send ? urlToHttpOptions(parsed) : null };
    if (targets.size >= 1_000) targets.clear();
    targets.set(url, hit);
  }
  return hit;
}

/** The answer's headers, read from the raw list (names as sent, values in order). */
class RawHeaders {
  constructor(raw) {
    this.raw = raw;
  }
  get(name) {
    const wanted = name.toLowerCase();
    let out = null;
    for (let i = 0; i + 1 < this.raw.length; i += 2)
      if (this.raw[i].toLowerCase() === wanted) out = out === null ? this.raw[i + 1] : `${out}, ${this.raw[i + 1]}`;
    return out;
  }
  getSetCookie() {
    const out = [];
    for (let i = 0; i + 1 < this.raw.length; i += 2)
      if (this.raw[i].toLowerCase() === "set-cookie") out.push(this.raw[i + 1]);
    return out;
  }
}

class WalkResponse {
  constructor(status, rawHeaders, body) {
    this.status = status;
    this.headers = new RawHeaders(rawHeaders);
    this.body = body;
  }
  async arrayBuffer() {
    const b = this.decoded();
    return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
  }
  async text() {
    return this.decoded().toString("utf8");
  }
  decoded() {
    if (this.body.length === 0) return this.body;
    const encoding = (this.headers.get("content-encoding") ?? "").trim().toLowerCase();
    if (encoding === "gzip" || encoding === "x-gzip") return gunzipSync(this.body);
    if (encoding === "deflate") return inflateSync(this.body);
    if (encoding === "br") return brotliDecompressSync(this.body);
    return this.body;
  }
}

/** One request as `fetch(url, { method, body, headers, redirect: "manual" })` sends it; rejects on a network error or after `timeoutMs`. */
export function walkRequest(url, { method = "GET", body, headers = {}, timeoutMs = 30_000 } = {}, retried = false) {
  const { send, protocol, options } = target(typeof url === "string" ? url : String(url));
  if (!send) return Promise.reject(new TypeError(`cannot walk ${protocol} URLs`));
  const all = { ...FETCH_HEADERS, "accept-encoding": "gzip, deflate" };
  for (const name in headers) all[name.toLowerCase()] = headers[name];
  if (body !== undefined) all["content-length"] = String(Buffer.byteLength(body));
  return new Promise((resolve, reject) => {
    const req = send({ ...options, method, headers: all, agent: agents[protocol] });
    const timer = setTimeout(
      () => req.destroy(new Error(`The operation was aborted due to timeout (${timeoutMs} ms)`)),
      timeoutMs,
    );
    req.on("error", (error) => {
      clearTimeout(timer);
      // A kept-alive connection the server closed just as it was reused: a GET is sent again once
      // (as a browser does); a POST never is (it might have arrived).
      if (req.reusedSocket && !retried && method === "GET" && (error.code === "ECONNRESET" || error.code === "EPIPE"))
        resolve(walkRequest(url, { method, body, headers, timeoutMs }, true));
      else reject(error);
    });
    req.on("response", (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("error", (error) => {
        clearTimeout(timer);
        reject(error);
      });
      res.on("end", () => {
        clearTimeout(timer);
        const body = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
        resolve(new WalkResponse(res.statusCode, res.rawHeaders, body));
      });
    });
    req.end(body);
  });
}

// Every REFERENCE match holds a hyphen, four digits, a hyphen and four digits: a page without that
// (every step page) is passed over by this short search instead of REFERENCE at each position.
const REFERENCE_DIGITS = /-\d{4}-\d{4}/;
const referenceIn = (html) => (REFERENCE_DIGITS.test(html) ? REFERENCE.exec(html) : null);

/**
 * Walks a form from `startUrl` to its receipt. `route`, when given, names the server each request
 * goes to (it returns the URL to send it to), as a load balancer without sticky sessions would
 * (the two-instance drill).
 * @returns {Promise<{ok: boolean, reference?: string, steps: number, status?: number, url?: string, error?: string, needsSigning?: boolean, attachments: number}>}
 */
export async function submitForm(
  startUrl,
  { examples = {}, maxSteps = 25, jar = new CookieJar(), timeoutMs = 30_000, headers = {}, route = (u) => u } = {},
) {
  const formId = Object.keys(examples).find((id) => startUrl.includes(id));
  const example = flattenExample(formId ? examples[formId] : Object.assign({}, ...Object.values(examples)));
  let url = startUrl;
  let attachments = 0;
  let lastStatus;
  for (let step = 0; step < maxSteps; step++) {
    const page = await walkRequest(route(url), { headers: { ...headers, cookie: jar.header() }, timeoutMs });
    jar.store(page);
    if (page.status >= 300 && page.status < 400) {
      // A redirect's body is read off the connection and never decoded: nothing in it is looked at.
      url = new URL(page.headers.get("location"), url).href;
      continue;
    }
    const html = await page.text();
    lastStatus = page.status;
    const found = REFERENCE.exec(decodeURIComponent(new URL(url).pathname)) ?? (step > 0 ? referenceIn(html) : null);
    if (found && step > 0) return { ok: true, reference: found[1], steps: step, url, attachments };
    const main = html.slice(Math.max(0, html.indexOf("<main")));
    const form = firstForm(main, url, "post");
    if (!form) {
      // A form sent by the applicant's e-ID signature (decision 098) ends in a link to the
      // provider, not a send button: reported as such, for a caller that cannot sign.
      const needsSigning = main.includes('id="submit-sign"');
      const error = needsSigning ? "needs e-ID signing: the check page sends by signing" : "no POST form on the page";
      return { ok: false, needsSigning, steps: step, status: page.status, url, error, attachments };
    }
    const filled = fillForm(form, example);
    attachments += filled.files.length;
    const { body, headers: h } = encodeBody(form, filled);
    const postTo = route(form.action);
    const res = await walkRequest(postTo, {
      method: "POST",
      body,
      headers: { ...headers, ...h, cookie: jar.header(), origin: new URL(postTo).origin },
      timeoutMs,
    });
    jar.store(res);
    lastStatus = res.status;
    if (res.status >= 300 && res.status < 400) {
      url = new URL(res.headers.get("location"), form.action).href;
      const ref = REFERENCE.exec(decodeURIComponent(new URL(url).pathname));
      if (ref) return { ok: true, reference: ref[1], steps: step + 1, url, attachments };
      continue;
    }
    const text = await res.text();
    if (res.status >= 400)
      return {
        ok: false,
        steps: step + 1,
        status: res.status,
        url: form.action,
        error: refusal(text),
        attachments,
      };
    const ref = referenceIn(text);
    if (ref) return { ok: true, reference: ref[1], steps: step + 1, url: form.action, attachments };
    url = form.action; // 200 with the next step rendered in place
  }
  return {
    ok: false,
    steps: maxSteps,
    status: lastStatus,
    url,
    error: "no receipt within the step limit",
    attachments,
  };
}

/**
 * Anonymous submission targets among crawled pages: routes with an action whose page has a
 * POST form. felanmalan-gata-park first (the example), then the others.
 */
export function submissionTargets(pages, routes) {
  const withAction = new Set(routes.filter((r) => r.hasAction).map((r) => r.id));
  // Only the form service's pages end in a receipt; a log-in page also has a POST form but
  // never acknowledges a submission, so it is no target.
  const targets = pages
    .filter(
      (p) =>
        p.status === 200 && p.route && withAction.has(p.route) && forms(p.html, p.url).some((f) => f.method === "post"),
    )
    .map((p) => p.url)
    .filter((u) => new URL(u).pathname.startsWith("/blanketter/"));
  return targets.sort(
    (a, b) => Number(b.includes("felanmalan-gata-park")) - Number(a.includes("felanmalan-gata-park")),
  );
}

/** What a refused page says: its error summary as text (the messages), else the page's start. */
function refusal(html) {
  const at = html.indexOf('class="error-summary"');
  if (at < 0) return html.slice(0, 200);
  return textOf(html.slice(at, at + 4000)).slice(0, 600);
}

/** Markup to text in one pass (a tag becomes a space, runs of white space one space); no regex. */
function textOf(markup) {
  let out = "";
  let inTag = false;
  let space = false;
  for (const ch of markup) {
    if (inTag) {
      if (ch === ">") inTag = false;
      continue;
    }
    if (ch === "<") {
      inTag = true;
      space = true;
      continue;
    }
    if (ch === " " || ch === "\n" || ch === "\t" || ch === "\r") {
      space = true;
      continue;
    }
    if (space && out) out += " ";
    space = false;
    out += ch;
  }
  return out;
}
