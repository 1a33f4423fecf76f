/**
 * Hostile-input sweep (docs/decisions/033): every route of the build's manifest, with a URL
 * found by crawling or built from its pattern, gets malformed, oversized, missing, duplicated
 * and unknown fields, wrong content types, hostile strings and identity numbers that fail their
 * check digit, as GET queries, path segments and POST bodies (url-encoded, multipart, JSON).
 * ≥ 10,000 requests (more with TEST_HEAVY), loopback only. Zero 5xx, no hostile markup reflected
 * unescaped, and the data directory passes the durability check afterwards (nothing half-written).
 * Generic: the forms' own field names are taken from the pages, so new forms are covered.
 *
 * Then the backtracking shapes (decision 040): long white-space runs, nested brackets, "a"×n+"!",
 * digit and dash runs for identity numbers, "../" runs for file names, huge cookie and header
 * values, sent one at a time with a valid CSRF token to every form field and query parameter
 * reached above, while /healthz is probed every 50 ms. Any answer over 1 s, or a probe p99 over
 * 200 ms, fails: one request must never hold the server.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { crawl } from "../../scripts/lib/crawl.mjs";
import { checkDataDir } from "../../scripts/lib/durability.mjs";
import { forms } from "../../scripts/lib/html.mjs";
import { loadRouteManifest } from "../../scripts/lib/routes.mjs";
import { startPortal } from "../../scripts/lib/server.mjs";
import {
  backtrackingVerdict,
  cleanup,
  cpuMsOf,
  HEAVY,
  machineSlowdown,
  percentile,
  port,
  tempDir,
  UNLIMITED,
  type TimedAnswer,
} from "./support";

const TOTAL = HEAVY ? 30_000 : 10_000;
const CONCURRENCY = 8;

// Markers that are harmless when escaped and an XSS when reflected as markup.
const MARK = "x7hq";
const HOSTILE = [
  `<script>alert("${MARK}")</script>`,
  `"><img src=x onerror=alert('${MARK}')>`,
  `'><svg onload=alert('${MARK}')>`,
  `javascript:alert('${MARK}')`,
  `' OR 1=1 --`,
  `"; DROP TABLE "case"; --`,
  `bygglov* OR NEAR(a b) NOT "`,
  `title:"x" AND ^y`,
  `${MARK}\u0000nul`,
  "\uD800\uDFFF\uFFFE",
  "%ff%fe%c3%28",
  "../../../../etc/passwd",
  "{{7*7}}${7*7}<%= 7*7 %>",
  "A".repeat(100 * 1024),
  "19121212-1213", // personnummer with a wrong check digit
  "199001011230", // 12 digits, wrong check digit
  "556016-0681", // organisationsnummer with a wrong check digit
  "0000000000",
  "-1",
  "1e309",
  "2026-02-30",
  "🙂".repeat(1000),
];
const REFLECTED = [
  new RegExp(`<script>alert\\("${MARK}"\\)`),
  new RegExp(`<img src=x onerror=alert\\('${MARK}'\\)`),
  new RegExp(`<svg onload=alert\\('${MARK}'\\)`),
];
const BAD_BYTES = Buffer.from([0x66, 0x6f, 0x3d, 0xff, 0xfe, 0xc3, 0x28, 0x26, 0x71, 0x3d, 0x80]);

type Probe = { method: string; path: string; headers?: Record<string, string>; body?: BodyInit };

/** The repeated units of the backtracking shapes; each ends in a character that breaks a match. */
const SHAPE_UNITS = [
  " ",
  "\t \t",
  "\r\n ",
  "a",
  "(",
  "[",
  "((a",
  "1",
  "-",
  "1-",
  "12-",
  "../",
  "/",
  " :",
  "a ",
  ", ",
  "<",
  "%",
];
function shape(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length) + "!";
}
/** Longest shape per field of a url-encoded body (all fields together stay under the 256 KB cap) and of a multipart text part (under 64 KB). */
const URLENCODED_BUDGET = 240_000;
const MULTIPART_PART = 60_000;
const MULTIPART_BUDGET = 600_000;
/** Query strings and headers stay inside Node's 16 KB header limit. */
const QUERY_BUDGET = 6_000;
const SEED = "drill".padEnd(43, "x");

type FormTarget = { action: string; method: string; fields: { name: string; type: string }[] };

describe("hostile input", () => {
  const dir = tempDir("hostile");
  let portal: Awaited<ReturnType<typeof startPortal>>;
  const probes: Probe[] = [];
  const stats = { routes: 0, forms: 0 };
  const formTargets = new Map<string, FormTarget>();
  const queryTargets = new Map<string, Set<string>>();

  beforeAll(async () => {
    const routes = await loadRouteManifest();
    portal = await startPortal({ dataDir: dir, port: port(), env: UNLIMITED });
    const { pages } = await crawl(portal.url, { routes, maxPages: 80, perPattern: 2 });
    // One or more concrete URLs per route: crawled ones, else the pattern with a hostile value.
    const urls = new Set<string>(pages.filter((p) => p.status < 500).map((p) => new URL(p.url).pathname));
    for (const r of routes) {
      if (r.static) urls.add(r.path);
      else urls.add(r.path.replace(/:[^/]+|\*/g, "x"));
    }
    stats.routes = routes.length;
    // Field names of every form the crawl saw, so that forms get their own fields, duplicated etc.
    const formFields: { action: string; method: string; names: string[] }[] = [];
    for (const p of pages)
      for (const f of forms(p.html, p.url))
        formFields.push({
          action: new URL(f.action).pathname,
          method: f.method,
          names: f.fields.map((x) => x.name).filter(Boolean) as string[],
        });
    stats.forms = formFields.length;
    // The same forms and query parameters for the backtracking phase, each once.
    for (const p of pages) {
      for (const f of forms(p.html, p.url)) {
        const action = new URL(f.action);
        const names = f.fields
          .filter((x) => x.name && !x.name.startsWith("_"))
          .map((x) => ({ name: x.name as string, type: (x as { type?: string }).type ?? x.tag }));
        const key = `${f.method} ${action.pathname}`;
        if (f.method === "get") for (const n of names) addQuery(action.pathname, n.name);
        else if (names.length && !formTargets.has(key))
          formTargets.set(key, { action: action.pathname, method: f.method, fields: names });
      }
      const u = new URL(p.url);
      for (const name of u.searchParams.keys()) addQuery(u.pathname, name);
    }
    function addQuery(path: string, name: string) {
      if (!queryTargets.has(path)) queryTargets.set(path, new Set());
      queryTargets.get(path)!.add(name);
    }
    const paths = [...urls];
    const fieldsFor = (path: string) => [
      ...new Set(formFields.filter((f) => f.action === path).flatMap((f) => f.names)),
    ];
    let i = 0;
    while (probes.length < TOTAL) {
      const path = paths[i % paths.length]!;
      const value = HOSTILE[Math.floor(i / paths.length) % HOSTILE.length]!;
      const names = fieldsFor(path);
      const name = names.length ? names[i % names.length]! : ["q", "kommun", "lang", "tillbaka", "sida"][i % 5]!;
      const kind = i % 10;
      const enc = encodeURIComponent(value.slice(0, 2000));
      switch (kind) {
        case 0: // hostile query value, duplicated, unknown field
          probes.push({ method: "GET", path: `${path}?${name}=${enc}&${name}=${enc}&unknown_${i}=${enc}` });
          break;
        case 1: // hostile path segment
          probes.push({ method: "GET", path: `${path.replace(/\/$/, "")}/${enc}` });
          break;
        case 2: // url-encoded POST: every known field hostile, plus duplicates and unknowns
          probes.push({
            method: "POST",
            path,
            headers: { "content-type": "application/x-www-form-urlencoded" },
            body: new URLSearchParams([
              ...(names.length ? names : [name]).map((n) => [n, value] as [string, string]),
              [name, value],
              [`extra_${i}`, value],
            ]).toString(),
          });
          break;
        case 3: {
          // multipart with a hostile file name and a fake "image"
          const fd = new FormData();
          for (const n of names.length ? names : [name]) fd.append(n, value);
          fd.append(
            names.find((n) => /photo|file|bilaga|attach/i.test(n)) ?? "file",
            new Blob([value], { type: "image/jpeg" }),
            `${value.slice(0, 200)}.jpg`,
          );
          probes.push({ method: "POST", path, body: fd });
          break;
        }
        case 4: // wrong content type: JSON where a form is expected
          probes.push({
            method: "POST",
            path,
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ [name]: value, __proto__: { admin: true } }),
          });
          break;
        case 5: // malformed body: bad UTF-8 and a truncated multipart
          probes.push({
            method: "POST",
            path,
            headers: {
              "content-type": i % 20 < 10 ? "application/x-www-form-urlencoded" : "multipart/form-data; boundary=zzz",
            },
            body: i % 20 < 10 ? BAD_BYTES : '--zzz\r\nContent-Disposition: form-data; name="a"\r\n\r\nb',
          });
          break;
        case 6: // missing fields: an empty body, and no content type
          probes.push({ method: "POST", path, body: "" });
          break;
        case 7: // unusual methods
          probes.push({
            method: ["PUT", "DELETE", "PATCH", "OPTIONS"][i % 4]!,
            path,
            headers: { "content-type": "text/plain" },
            body: value.slice(0, 1000),
          });
          break;
        case 8: // hostile cookies and headers
          probes.push({
            method: "GET",
            path,
            headers: {
              cookie: `lang=${enc.slice(0, 500)}; kommun=${enc.slice(0, 500)}`,
              "accept-language": value.slice(0, 200).replace(/[^\x20-\x7e]/g, ""),
            },
          });
          break;
        default: // hostile query to the root with the single-fetch data suffix
          probes.push({
            method: "GET",
            path: `${path === "/" ? "/_root" : path.replace(/\/$/, "")}.data?${name}=${enc}`,
          });
      }
      i++;
    }
    // Start, seed and crawl took over the config's 120 s on the shared 2-core machine at load 20.
  }, 300_000);
  afterAll(async () => {
    await portal?.stop();
    cleanup(dir);
  });

  // Before the sweep below, which stops the portal to check its data directory.
  it("backtracking shapes to every form field and query parameter: every answer within 1 s, /healthz p99 within 200 ms", async () => {
    // A CSRF token for the drill's own seed, so that posts reach the field modules.
    const cookie = `csrf=${SEED}`;
    let token = "";
    for (const t of formTargets.values()) {
      const page = await fetch(portal.url + t.action, { headers: { cookie } });
      const html = await page.text();
      token =
        forms(html, portal.url)
          .flatMap((f) => f.fields)
          .find((x) => x.name === "_csrf")?.value ?? "";
      if (token) break;
    }
    expect(token).not.toBe("");

    const requests: { label: string; run: () => Promise<Response> }[] = [];
    const send = (label: string, path: string, init: RequestInit = {}) =>
      requests.push({
        label,
        run: () =>
          fetch(portal.url + path, {
            redirect: "manual",
            signal: AbortSignal.timeout(60_000),
            ...init,
            headers: { cookie, ...(init.headers as Record<string, string>) },
          }),
      });
    for (const unit of SHAPE_UNITS) {
      const tag = JSON.stringify(unit);
      for (const t of formTargets.values()) {
        const text = t.fields.filter((f) => f.type !== "file");
        // Url-encoded: every field at once, as long as the body cap allows (percent-encoding counted).
        const perField = Math.floor(
          URLENCODED_BUDGET / Math.max(1, text.length) / (encodeURIComponent(unit).length / unit.length),
        );
        const value = shape(unit, Math.min(perField, MULTIPART_PART));
        send(`${tag} urlencoded ${t.action}`, t.action, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams([
            ["_csrf", token],
            ...text.map((f) => [f.name, value] as [string, string]),
          ]).toString(),
        });
        // Multipart: longer text parts, and a file name made of the shape.
        const fd = new FormData();
        fd.append("_csrf", token);
        const partValue = shape(
          unit,
          Math.min(MULTIPART_PART, Math.floor(MULTIPART_BUDGET / Math.max(1, text.length))),
        );
        for (const f of text) fd.append(f.name, partValue);
        for (const f of t.fields.filter((x) => x.type === "file"))
          fd.append(f.name, new Blob(["%PDF-1.4\n"], { type: "application/pdf" }), `${shape(unit, 200)}.pdf`);
        send(`${tag} multipart ${t.action}`, t.action, { method: "POST", body: fd });
      }
      for (const [path, names] of queryTargets) {
        const perParam = Math.floor((QUERY_BUDGET / names.size / encodeURIComponent(unit).length) * unit.length);
        const value = shape(unit, perParam);
        send(
          `${tag} query ${path}`,
          `${path}?${[...names].map((n) => `${encodeURIComponent(n)}=${encodeURIComponent(value)}`).join("&")}`,
        );
      }
      // Cookies and headers the portal reads itself, on a form page, a search and a feed.
      const headerValue = shape(unit, 2_500).replace(/[^\x20-\x7e]/g, " ");
      const cookieValue = encodeURIComponent(
        shape(unit, Math.floor((1_600 / encodeURIComponent(unit).length) * unit.length)),
      );
      for (const path of ["/", [...formTargets.values()][0]?.action ?? "/blanketter", "/sok?q=a", "/diarium.atom"]) {
        send(`${tag} headers ${path}`, path, {
          headers: {
            cookie: `csrf=${cookieValue}; lang=${cookieValue}; kommun=${cookieValue}; __eservice=${cookieValue}; session=${cookieValue}`,
            "accept-language": headerValue,
            "if-none-match": headerValue,
          },
        });
      }
      // File-name and path shapes in the URL.
      send(`${tag} path`, `/blanketter/${encodeURIComponent(shape(unit, 1_500))}`);
    }

    const answers: TimedAnswer[] = [];
    const slowdown = machineSlowdown();
    const probes: number[] = [];
    let probing = true;
    const inFlight: Promise<void>[] = [];
    const timer = setInterval(() => {
      if (!probing) return;
      const started = performance.now();
      inFlight.push(
        fetch(`${portal.url}/healthz`, { signal: AbortSignal.timeout(60_000) })
          .then((r) => r.arrayBuffer())
          .then(() => void probes.push(performance.now() - started))
          .catch(() => void probes.push(60_000)),
      );
    }, 50);
    const started = performance.now();
    for (const r of requests) {
      const t0 = performance.now();
      const cpu0 = cpuMsOf(portal.pid ?? 0);
      let status = 0;
      // As above: a keep-alive connection the server has just closed resets once; retry that.
      for (let attempt = 0; attempt < 2 && status === 0; attempt++) {
        try {
          const res = await r.run();
          await res.arrayBuffer();
          status = res.status;
        } catch (e) {
          if ((e as { cause?: { code?: string } }).cause?.code !== "ECONNRESET") break;
        }
      }
      answers.push({ label: r.label, ms: performance.now() - t0, cpuMs: cpuMsOf(portal.pid ?? 0) - cpu0, status });
    }
    probing = false;
    clearInterval(timer);
    await Promise.all(inFlight);
    const verdict = backtrackingVerdict(answers, probes, Math.max(slowdown, machineSlowdown()));
    const times = answers.map((a) => a.ms);
    const cpu = answers.map((a) => a.cpuMs);
    console.log(
      JSON.stringify({
        drill: "hostile-input/backtracking",
        requests: answers.length,
        forms: formTargets.size,
        queryPaths: queryTargets.size,
        seconds: Math.round((performance.now() - started) / 100) / 10,
        slowdown: Math.round(Math.max(slowdown, machineSlowdown()) * 10) / 10,
        answerMs: {
          p50: Math.round(percentile(times, 50)),
          p99: Math.round(percentile(times, 99)),
          max: Math.round(Math.max(...times)),
        },
        serverCpuMs: {
          p50: Math.round(percentile(cpu, 50)),
          p99: Math.round(percentile(cpu, 99)),
          max: Math.round(Math.max(...cpu)),
        },
        healthzMs: {
          probes: probes.length,
          p50: Math.round(percentile(probes, 50)),
          p99: Math.round(percentile(probes, 99)),
          max: Math.round(Math.max(...probes)),
        },
        slowest: [...answers]
          .sort((a, b) => b.ms - a.ms)
          .slice(0, 5)
          .map((a) => `${Math.round(a.ms)} ms (CPU ${Math.round(a.cpuMs)}) ${a.status} ${a.label}`),
      }),
    );
    expect(verdict).toEqual([]);
  });

  it(`${TOTAL} hostile requests: no 5xx, no reflected markup, nothing half-written`, async () => {
    const serverErrors: string[] = [];
    const reflected: string[] = [];
    const statuses = new Map<number, number>();
    let retries = 0;
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < probes.length) {
          const probe = probes[next++]!;
          let res: Response | undefined;
          // A keep-alive connection that the server closes (after a 431, or at its keep-alive
          // timeout) as the client reuses it resets that request. The client's pool may hand the
          // retry another such connection, so a reset is retried twice; a third failure counts.
          // (Statuses and markup are checked on every answer as before.)
          for (let attempt = 0; attempt < 3 && !res; attempt++) {
            try {
              res = await fetch(portal.url + probe.path, {
                method: probe.method,
                headers: probe.headers,
                body: probe.body,
                redirect: "manual",
                signal: AbortSignal.timeout(60_000),
              });
            } catch (e) {
              const cause = (e as { cause?: { code?: string; message?: string } }).cause;
              if (attempt < 2 && cause?.code === "ECONNRESET") {
                retries++;
                continue;
              }
              serverErrors.push(
                `${probe.method} ${probe.path.slice(0, 80)}: ${(e as Error).message} ${cause?.code ?? cause?.message ?? ""}`,
              );
            }
          }
          if (!res) continue;
          const text = await res.text();
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          if (res.status >= 500) serverErrors.push(`${res.status} ${probe.method} ${probe.path.slice(0, 120)}`);
          // Markup is only markup where a browser would parse it as HTML: an HTML answer, or any
          // answer it might sniff as HTML. JSON and turbo-stream answers carry the visitor's own
          // value back as data (e.g. to refill a filter form), which is harmless with nosniff.
          const type = res.headers.get("content-type") ?? "";
          const parsedAsHtml =
            /html|xml/i.test(type) || !type || res.headers.get("x-content-type-options") !== "nosniff";
          if (parsedAsHtml && REFLECTED.some((re) => re.test(text)))
            reflected.push(`${probe.method} ${probe.path.slice(0, 120)}`);
        }
      }),
    );
    console.log(
      JSON.stringify({
        drill: "hostile-input",
        requests: probes.length,
        routes: stats.routes,
        forms: stats.forms,
        statuses: Object.fromEntries(statuses),
        retriedResets: retries,
        failures: serverErrors.slice(0, 5),
      }),
    );
    expect(serverErrors.slice(0, 20)).toEqual([]);
    expect(reflected.slice(0, 20)).toEqual([]);
    const health = await fetch(`${portal.url}/healthz`);
    expect(health.status).toBe(200);
    await portal.stop();
    expect(checkDataDir(dir).problems).toEqual([]);
    expect(probes.length).toBeGreaterThanOrEqual(10_000);
  });

  it("the backtracking verdict fails a slow answer, a CPU-heavy one, a 5xx and a slow /healthz (it can fail)", () => {
    const quick = Array.from({ length: 100 }, () => 20);
    const ok = { label: "ok", ms: 30, cpuMs: 10, status: 400 };
    expect(backtrackingVerdict([ok], quick)).toEqual([]);
    expect(backtrackingVerdict([{ ...ok, ms: 1_500 }], quick)).toHaveLength(1);
    expect(backtrackingVerdict([{ ...ok, ms: 1_500 }], quick, 2)).toEqual([]); // a busy machine
    expect(backtrackingVerdict([{ ...ok, ms: 1_500, cpuMs: 1_400 }], quick, 8)).toHaveLength(1); // the server's own work is never excused
    expect(backtrackingVerdict([{ ...ok, status: 500 }], quick)).toHaveLength(1);
    expect(backtrackingVerdict([ok], [...quick, 900, 900])).toHaveLength(1);
  });

  it("the reflection check recognises unescaped markup (it can fail)", () => {
    expect(REFLECTED.some((re) => re.test(`<p>${HOSTILE[0]}</p>`))).toBe(true);
    expect(REFLECTED.some((re) => re.test(`<p>&lt;script&gt;alert(&quot;${MARK}&quot;)&lt;/script&gt;</p>`))).toBe(
      false,
    );
  });
});
