/**
 * Issue 12, High 1 and Low "GET exports have no rate limit" (decision 040): what one anonymous
 * client can make the portal do with one request, and with many cheap-looking GETs.
 */
import { EventEmitter } from "node:events";
import { beforeAll, describe, expect, it } from "vitest";

// Before the app's modules read the environment (env() and the limiters are made once).
process.env.RATE_LIMIT_EXPENSIVE_GET = "60";
process.env.RATE_LIMIT_EXPENSIVE_GET_BURST = "3";
process.env.MAX_CONCURRENT_LARGE_BODIES = "2";

const { csrfToken } = await import("~/auth/csrf.server");
const { prepareDatabase } = await import("~/db.server");
const { bodyLimits, rateLimits } = await import("~/http/middleware.server");
const { action: stepAction } = await import("~/routes/blanketter.$id_.$step");

beforeAll(() => prepareDatabase());

const FORM = "begaran-allman-handling";
const STEP_URL = `http://localhost/blanketter/${FORM}/handling`;
const SEED = "s".repeat(43);

/** An anonymous post to the first step of "Begär ut allmän handling", with a valid CSRF token. */
async function postStep(fields: Record<string, string>, as: "urlencoded" | "multipart" = "urlencoded") {
  const token = await csrfToken(new Request(STEP_URL, { headers: { Cookie: `csrf=${SEED}` } }));
  const entries = { _csrf: token, municipality: "amal", documentDescription: "Protokoll", ...fields };
  let body: BodyInit;
  const headers: Record<string, string> = { Cookie: `csrf=${SEED}`, Origin: "http://localhost" };
  if (as === "urlencoded") {
    body = new URLSearchParams(entries).toString();
    headers["Content-Type"] = "application/x-www-form-urlencoded";
  } else {
    const form = new FormData();
    for (const [k, v] of Object.entries(entries)) form.append(k, v);
    const encoded = new Response(form);
    headers["Content-Type"] = encoded.headers.get("Content-Type")!;
    body = await encoded.arrayBuffer();
  }
  const started = performance.now();
  let answer: unknown;
  try {
    answer = await stepAction({
      request: new Request(STEP_URL, { method: "POST", headers, body }),
      params: { id: FORM, step: "handling" },
      context: {} as never,
    });
  } catch (thrown) {
    answer = thrown;
  }
  const ms = performance.now() - started;
  const result = answer as {
    init?: { status?: number };
    data?: { view?: { errors?: Record<string, { key: string }> } };
    status?: number;
  };
  return { ms, status: result.init?.status ?? result.status ?? 200, errors: result.data?.view?.errors ?? {} };
}

describe("one anonymous post cannot hold the server", () => {
  // The first post loads the form code; the figures below are about the input, not that.
  beforeAll(() => postStep({ diarienummer: "KS 1" }));

  it("150,000 spaces in a 40-character text field: 'too long' at once, not seconds of regex", async () => {
    const { ms, status, errors } = await postStep({ diarienummer: `${" ".repeat(150_000)}x` });
    expect(status).toBe(400);
    expect(errors.diarienummer?.key).toBe("forms.errors.text.tooLong");
    expect(ms).toBeLessThan(1_000);
  });

  it("a 1 MB url-encoded post is refused with 413 before it is parsed", async () => {
    const { ms, status, errors } = await postStep({ diarienummer: " ".repeat(1_000_000) });
    expect(status).toBe(413);
    expect(errors._form?.key).toBe("forms.errors.tooLarge");
    expect(ms).toBeLessThan(1_000);
  });

  it("a 1 MB text part of a multipart post is refused with 413 and named on its field", async () => {
    const { ms, status, errors } = await postStep({ diarienummer: " ".repeat(1_000_000) }, "multipart");
    expect(status).toBe(413);
    expect(errors.diarienummer?.key).toBe("forms.errors.tooLarge");
    expect(ms).toBeLessThan(1_000);
  });

  it("an ordinary answer with line breaks and spaces still goes through", async () => {
    const { status, errors } = await postStep({ diarienummer: "  KS 2026/123 \r\n " });
    expect(errors.diarienummer).toBeUndefined();
    expect(status).toBeLessThan(400);
  });
});

type FakeRes = EventEmitter & {
  statusCode: number;
  body: string;
  headers: Record<string, string>;
  setHeader(k: string, v: string): void;
  end(b?: string): void;
};
function fakeRes(): FakeRes {
  const res = new EventEmitter() as FakeRes;
  res.statusCode = 200;
  res.body = "";
  res.headers = {};
  res.setHeader = (k, v) => void (res.headers[k] = v);
  res.end = (b = "") => void (res.body = b);
  return res;
}

function through(mw: typeof rateLimits, req: Record<string, unknown>) {
  const res = fakeRes();
  let passed = false;
  mw({ socket: {}, headers: {}, ...req } as never, res as never, () => (passed = true));
  return { passed, res };
}

describe("expensive GETs are rate-limited per address", () => {
  const get = (ip: string, url: string) => through(rateLimits, { ip, method: "GET", originalUrl: url });

  it("the diarium CSV: a burst, then 429 with Retry-After; another address is not affected", () => {
    const burst = [1, 2, 3].map(() => get("198.51.100.1", "/diarium.csv?q=bygglov"));
    expect(burst.every((r) => r.passed)).toBe(true);
    const limited = get("198.51.100.1", "/diarium.csv");
    expect(limited.passed).toBe(false);
    expect(limited.res.statusCode).toBe(429);
    expect(limited.res.headers["Retry-After"]).toMatch(/^[1-9]\d*$/);
    expect(get("198.51.100.2", "/diarium.csv").passed).toBe(true);
  });

  it("PDFs and searches draw from the same bucket; plain pages do not", () => {
    const ip = "198.51.100.3";
    expect(get(ip, "/blanketter/begaran-allman-handling.pdf").passed).toBe(true);
    expect(get(ip, "/sok?q=parkering").passed).toBe(true);
    expect(get(ip, "/en/diarium?q=x").passed).toBe(true);
    expect(get(ip, "/blanketter/begaran-allman-handling/kvitto/AML-2026-000001/kvitto.pdf").res.statusCode).toBe(429);
    expect(get(ip, "/sok?q=igen").res.statusCode).toBe(429);
    for (const cheap of ["/", "/sok", "/diarium", "/blanketter", "/amal/tjanster"])
      expect(get(ip, cheap).passed, cheap).toBe(true);
  });

  it("the rule: files made on demand and searches are expensive", async () => {
    const { isExpensiveGet } = await import("~/http/middleware.server");
    for (const url of [
      "/diarium.csv",
      "/blanketter/x.pdf",
      "/mina-sidor/arenden/A-1/beslut.pdf",
      "/sok?q=a",
      "/diarium?kommun=amal",
      "/en/sok?q=a",
      "/sok?q=a&_data=routes%2Fsok",
    ]) {
      expect(isExpensiveGet(url), url).toBe(true);
    }
    for (const url of ["/", "/sok", "/sok?", "/diarium", "/diarium.atom", "/healthz", "/pdf", "/en/blanketter"])
      expect(isExpensiveGet(url), url).toBe(false);
  });
});

describe("request bodies by kind", () => {
  const post = (headers: Record<string, string>) => through(bodyLimits, { method: "POST", headers });

  it("a url-encoded body over 256 KB gets 413 before anything reads it", () => {
    const big = post({ "content-type": "application/x-www-form-urlencoded", "content-length": String(300 * 1024) });
    expect(big.passed).toBe(false);
    expect(big.res.statusCode).toBe(413);
    expect(
      post({ "content-type": "application/x-www-form-urlencoded", "content-length": String(200 * 1024) }).passed,
    ).toBe(true);
    // Uploads keep their own, larger limit (MAX_BODY_BYTES).
    expect(
      post({ "content-type": "multipart/form-data; boundary=x", "content-length": String(300 * 1024) }).passed,
    ).toBe(true);
  });

  it("only so many large bodies are read at once; a finished one frees its place", () => {
    const upload = () =>
      post({ "content-type": "multipart/form-data; boundary=x", "content-length": String(5 * 1024 * 1024) });
    const first = upload();
    const second = upload();
    expect(first.passed && second.passed).toBe(true);
    const third = upload();
    expect(third.passed).toBe(false);
    expect(third.res.statusCode).toBe(503);
    expect(third.res.headers["Retry-After"]).toMatch(/^\d+$/);
    first.res.emit("finish");
    first.res.emit("close");
    expect(upload().passed).toBe(true);
  });
});
