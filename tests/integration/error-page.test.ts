import { createRequestHandler } from "@remix-run/node";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { prepareDatabase } from "~/db.server";
import { testServerBuild } from "../helpers/server-build";

// ASVS 7.4.1 / 7.4.3: an unexpected error (a loader or an action that throws) is answered by
// the real root ErrorBoundary through the real handleError, rendered by the real entry.server:
// a 500, the translated generic page with only the request id, and the error logged.
// The throwing route exists only in this test's in-memory build, never in the portal's routes.

const SECRET = "SQLITE_CORRUPT at /var/lib/portal/portal.db: secret detail";

function boom(): never {
  throw new Error(SECRET);
}

const throwing = {
  loader: boom,
  action: boom,
  default: () => null,
};

const build = () => testServerBuild([{ file: "kaputt", module: throwing, path: "kaputt" }]);

beforeAll(() => prepareDatabase());
afterEach(() => vi.restoreAllMocks());

async function provoke(method: "GET" | "POST", language: "sv" | "en") {
  const logged: string[] = [];
  vi.spyOn(process.stderr, "write").mockImplementation((chunk: unknown) => {
    logged.push(String(chunk));
    return true;
  });
  const handler = createRequestHandler(build(), "production");
  const body = method === "POST" ? new URLSearchParams({ a: "b" }) : undefined;
  const request = new Request(`http://portal.test/kaputt?lang=${language}`, {
    method,
    body,
    headers: {
      "Accept-Language": language,
      ...(method === "POST"
        ? {
            "Content-Type": "application/x-www-form-urlencoded",
            Origin: "http://portal.test",
            Host: "portal.test",
          }
        : {}),
    },
  });
  const response = await handler(request, {
    requestId: "req-7f3a",
    cspNonce: "n",
    clientIp: "10.9.9.9",
  } as never);
  const html = await response.text();
  vi.restoreAllMocks();
  return { response, html, logged: logged.join("") };
}

async function expectGenericErrorPage(method: "GET" | "POST") {
  const sv = await provoke(method, "sv");
  expect(sv.response.status).toBe(500);
  expect(sv.html).toContain("Något gick fel");
  expect(sv.html).toContain("req-7f3a");
  expect(sv.html).not.toContain("SQLITE_CORRUPT");
  expect(sv.html).not.toContain("secret detail");
  expect(sv.html).not.toMatch(/at [\w.]+ \(|\.tsx?:\d+/);
  // handleError, the last resort, logged it with the request id and the stack for operators.
  const line = sv.logged.split("\n").find((l) => l.includes("unhandled error"));
  expect(line).toBeDefined();
  const entryLine = JSON.parse(line!);
  expect(entryLine).toMatchObject({
    level: "error",
    requestId: "req-7f3a",
    method,
    path: "/kaputt",
    error: SECRET,
  });
  expect(entryLine.stack).toContain("boom");
  const en = await provoke(method, "en");
  expect(en.response.status).toBe(500);
  expect(en.html).toContain("Something went wrong");
  expect(en.html).not.toContain("secret detail");
}

describe("the last-resort error handling (ASVS 7.4.1, 7.4.3)", () => {
  it("an unexpected error in a loader gives a 500 with the generic translated page and only the request id, and is logged", async () => {
    await expectGenericErrorPage("GET");
  });

  it("an unexpected error in an action gives a 500 with the generic translated page and only the request id, and is logged", async () => {
    await expectGenericErrorPage("POST");
  });
});
