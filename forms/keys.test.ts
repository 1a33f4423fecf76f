import { createInstance } from "i18next";
import { describe, expect, it } from "vitest";
import { errorKeyCandidates, i18nextKey, owningFieldName, translatorFor } from "./keys";
import { loadFormsLocale } from "./test-support";

async function i18n(lng: "sv" | "en") {
  const instance = createInstance();
  await instance.init({
    lng,
    fallbackLng: "sv",
    ns: ["forms"],
    defaultNS: "common",
    resources: { sv: { forms: await loadFormsLocale("sv") }, en: { forms: await loadFormsLocale("en") } },
    interpolation: { escapeValue: false },
  });
  return instance;
}

describe("i18n keys with a real i18next", () => {
  it("finds which field an error path belongs to", () => {
    expect(owningFieldName("email")).toBe("email");
    expect(owningFieldName("ceremonyAddress.postalCode")).toBe("ceremonyAddress");
    expect(owningFieldName("witnesses.1.witnessName")).toBe("witnessName");
    expect(owningFieldName("photos.0")).toBe("photos");
  });

  it("uses a field's own error text when there is one, the generic one otherwise", async () => {
    const { t } = await i18n("sv");
    const override = errorKeyCandidates("felanmalan-gata-park", "location", { key: "forms.errors.required" });
    expect(override).toEqual(["forms.felanmalan-gata-park.fields.location.errors.required", "forms.errors.required"]);
    expect(t(override.map(i18nextKey))).toBe("Beskriv var felet finns, till exempel en adress eller en korsning");
    const generic = errorKeyCandidates("felanmalan-gata-park", "name", {
      key: "forms.errors.text.tooLong",
      params: { max: 100 },
    });
    expect(t(generic.map(i18nextKey), { max: 100 })).toBe("Texten får vara högst 100 tecken. Korta ner den.");
  });

  it("translatorFor adapts i18next's t, with interpolation, in both languages", async () => {
    const sv = translatorFor((await i18n("sv")).t as never);
    const en = translatorFor((await i18n("en")).t as never);
    expect(sv("forms.common.progress", { index: 2, total: 4 })).toBe("Steg 2 av 4");
    expect(en("forms.common.progress", { index: 2, total: 4 })).toBe("Step 2 of 4");
    expect(sv("forms.ansokan-borgerlig-vigsel.fields.witnesses.item", { number: 1 })).toBe("Vittne 1");
  });
});
