import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "./safe-redirect";

describe("safeRedirectPath", () => {
  it("keeps same-site paths with query and hash", () => {
    expect(safeRedirectPath("/mina-sidor/arenden?x=1#a")).toBe("/mina-sidor/arenden?x=1#a");
  });
  it.each([
    "//evil.example",
    "/\\evil.example",
    "https://evil.example/",
    "javascript:alert(1)",
    "evil",
    "",
    "/a\nb",
    "/a\\b",
  ])("refuses %j and falls back", (to) => {
    expect(safeRedirectPath(to, "/start")).toBe("/start");
  });
  it("refuses non-strings and over-long values", () => {
    expect(safeRedirectPath(undefined)).toBe("/");
    expect(safeRedirectPath(42)).toBe("/");
    expect(safeRedirectPath(`/${"a".repeat(2001)}`)).toBe("/");
  });
});
