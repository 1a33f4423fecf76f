import { afterEach, describe, expect, it, vi } from "vitest";
import { fetchBackend } from "./fetch-backend.client";

function read(language: string, namespace: string) {
  return new Promise<[unknown, unknown]>((resolve) => {
    (fetchBackend as { read: (l: string, n: string, cb: (e: unknown, d: unknown) => void) => void }).read(
      language,
      namespace,
      (error, data) => resolve([error, data]),
    );
  });
}

describe("fetchBackend (the browser's i18next backend)", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("loads /locales/<lng>/<ns>.json and hands its texts to i18next", async () => {
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({ hello: "Hej" }), { status: 200 }));
    vi.stubGlobal("fetch", fetchMock);
    const [error, data] = await read("sv", "common");
    expect(error).toBeNull();
    expect(data).toEqual({ hello: "Hej" });
    expect(fetchMock).toHaveBeenCalledWith("/locales/sv/common.json", { credentials: "same-origin" });
  });

  it("reports a failed load as an error and no texts", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => new Response("nope", { status: 404 })),
    );
    const [error, data] = await read("en", "forms");
    expect(error).toBeInstanceOf(Error);
    expect(String(error)).toContain("404 for en/forms");
    expect(data).toBe(false);
  });
});
