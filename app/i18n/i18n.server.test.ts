import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { I18nextProvider, useTranslation } from "react-i18next";
import { describe, expect, it } from "vitest";
import { definitionDocuments } from "../../forms/definitions/index";
import { getFixedT, getLanguage, i18nFor, setDefinitionTexts } from "./i18n.server";

describe("the language of a request", () => {
  it("a malformed lang cookie is ignored instead of failing the page (found by the hostile-input sweep)", () => {
    const request = new Request("http://localhost/", { headers: { Cookie: "lang=%ff%fe; kommun=%ff" } });
    expect(() => getLanguage(request)).not.toThrow();
    expect(getLanguage(request)).toBe("sv");
  });

  it("?lang= wins over the cookie; without a query the cookie decides, then Swedish", () => {
    const en = { headers: { Cookie: "x=1; lang=en" } };
    expect(getLanguage(new Request("http://localhost/blanketter/a?lang=sv", en))).toBe("sv");
    expect(getLanguage(new Request("http://localhost/blanketter/a?x=1&lang=en"))).toBe("en");
    expect(getLanguage(new Request("http://localhost/blanketter/a", en))).toBe("en");
    expect(getLanguage(new Request("http://localhost/blanketter/a?lang=xx", en))).toBe("en");
    expect(getLanguage(new Request("http://localhost/blanketter/a"))).toBe("sv");
  });
});

describe("one i18next instance per language, shared by every render (decision 140)", () => {
  function About() {
    const { t } = useTranslation();
    return createElement("p", null, t("footer.about"));
  }
  const render = (lang: "sv" | "en") =>
    renderToString(createElement(I18nextProvider, { i18n: i18nFor(lang) }, createElement(About)));

  it("renders each language in its own words, however the renders alternate", () => {
    expect(i18nFor("sv")).toBe(i18nFor("sv"));
    expect(i18nFor("en")).not.toBe(i18nFor("sv"));
    for (let round = 0; round < 3; round++) {
      expect(render("sv")).toBe("<p>Om webbplatsen, kakor och personuppgifter</p>");
      expect(render("en")).toBe("<p>About the website, cookies and personal data</p>");
    }
    expect(i18nFor("sv").language).toBe("sv");
    expect(getFixedT("en")("footer.about")).toBe("About the website, cookies and personal data");
  });

  it("is made again when the e-services' texts change", () => {
    const before = i18nFor("sv");
    setDefinitionTexts(definitionDocuments);
    expect(i18nFor("sv")).not.toBe(before);
    expect(render("sv")).toBe("<p>Om webbplatsen, kakor och personuppgifter</p>");
  });
});
