import { describe, expect, it } from "vitest";
import { getLanguage } from "./i18n.server";

describe("the language of a request", () => {
  it("a malformed lang cookie is ignored instead of failing the page (found by the hostile-input sweep)", () => {
    const request = new Request("http://localhost/", { headers: { Cookie: "lang=%ff%fe; kommun=%ff" } });
    expect(() => getLanguage(request)).not.toThrow();
    expect(getLanguage(request)).toBe("sv");
  });
});
