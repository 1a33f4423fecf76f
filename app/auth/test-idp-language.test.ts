import { describe, expect, it } from "vitest";
import { idpLanguage } from "./test-idp.server";

describe("the test identity provider's language", () => {
  it("takes ui_locales first, then the portal's lang cookie, then Accept-Language, then Swedish", () => {
    expect(idpLanguage({ uiLocales: "en", cookie: "lang=sv", acceptLanguage: "sv" })).toBe("en");
    expect(idpLanguage({ uiLocales: "de en-GB", cookie: "lang=sv" })).toBe("en");
    expect(idpLanguage({ uiLocales: "fi", cookie: "x=1; lang=en", acceptLanguage: "sv" })).toBe("en");
    expect(idpLanguage({ cookie: "lang=xx", acceptLanguage: "de, en-GB;q=0.8, sv;q=0.9" })).toBe("sv");
    expect(idpLanguage({ acceptLanguage: "de, en-US;q=0.5" })).toBe("en");
    expect(idpLanguage({ acceptLanguage: "en;q=0, de" })).toBe("sv");
    expect(idpLanguage({})).toBe("sv");
    expect(idpLanguage({ uiLocales: 42 })).toBe("sv");
  });
});
