import { describe, expect, it } from "vitest";
import { seedForm, loadFormsLocale, resolvedForTests, translatorFromLocale } from "./test-support";
import {
  CHECK_ANSWERS,
  canVisit,
  checkYourAnswers,
  firstIncompleteStep,
  nextStep,
  previousStep,
  progress,
} from "./flow";
import { answersForStep } from "./schema";
import type { FormValues } from "./types";

const vigselStatic = seedForm("ansokan-borgerlig-vigsel").definition;
const vigselExample = seedForm("ansokan-borgerlig-vigsel").example;
const synpunkter = seedForm("synpunkter-klagomal").definition;
const synpunkterExample = seedForm("synpunkter-klagomal").example;

const vigsel = resolvedForTests(vigselStatic);

describe("moving between steps", () => {
  it("goes forward to check-your-answers and back from it", () => {
    expect(nextStep(vigsel, "parterna")).toBe("vigseln");
    expect(nextStep(vigsel, "vittnen")).toBe(CHECK_ANSWERS);
    expect(nextStep(vigsel, "nope")).toBeNull();
    expect(previousStep(vigsel, "vigseln")).toBe("parterna");
    expect(previousStep(vigsel, "parterna")).toBeNull();
    expect(previousStep(vigsel, CHECK_ANSWERS)).toBe("vittnen");
  });

  it('gives the numbers for "Steg 2 av 3"', () => {
    expect(progress(vigsel, "vigseln")).toEqual({ index: 2, total: 3 });
    expect(progress(vigsel, CHECK_ANSWERS)).toBeNull();
  });
});

describe("canVisit: no skipping ahead by URL", () => {
  const step1 = answersForStep(vigsel, "parterna", vigselExample);

  it("the first step is always open", () => {
    expect(canVisit(vigsel, "parterna", {})).toBe(true);
  });

  it("a later step is closed until every earlier step is valid", () => {
    expect(canVisit(vigsel, "vigseln", {})).toBe(false);
    expect(canVisit(vigsel, "vittnen", step1)).toBe(false);
    expect(canVisit(vigsel, CHECK_ANSWERS, step1)).toBe(false);
    expect(canVisit(vigsel, "vigseln", step1)).toBe(true);
    expect(firstIncompleteStep(vigsel, step1)).toBe("vigseln");
  });

  it("an invalid saved answer closes the steps after it", () => {
    const broken: FormValues = { ...vigselExample, partner2Personnummer: "19820118-9853" };
    expect(canVisit(vigsel, "vigseln", broken)).toBe(false);
    expect(firstIncompleteStep(vigsel, broken)).toBe("parterna");
  });

  it("check-your-answers opens when everything is valid; unknown steps never open", () => {
    expect(canVisit(vigsel, CHECK_ANSWERS, vigselExample)).toBe(true);
    expect(firstIncompleteStep(vigsel, vigselExample)).toBeNull();
    expect(canVisit(vigsel, "admin", vigselExample)).toBe(false);
  });
});

describe("checkYourAnswers", () => {
  it("lists shown questions in order with Swedish text and change links, and skips hidden ones", async () => {
    const t = translatorFromLocale(await loadFormsLocale("sv"));
    const rows = checkYourAnswers(
      vigsel,
      { ...vigselExample, ownPlace: false, ceremonyAddress: undefined as never },
      t,
    );
    const names = rows.map((r) => r.fieldName);
    expect(names).not.toContain("ceremonyAddress");
    expect(names).not.toContain("placeDescription");
    expect(names.indexOf("partner1Name")).toBeLessThan(names.indexOf("preferredDate"));

    const byName = new Map(rows.map((r) => [r.fieldName, r]));
    expect(byName.get("partner1Personnummer")?.text).toBe("19860412-9828");
    expect(byName.get("ownPlace")?.text).toBe("Nej");
    expect(byName.get("municipality")?.text).toBe("Färgelanda");
    expect(byName.get("guests")?.text).toBe("25");
    expect(byName.get("witnesses")?.text).toBe("Vittne 1: Anna Lindqvist, 070-111 22 33\nVittne 2: Erik Johansson");
    expect(byName.get("otherInformation")).toMatchObject({ text: "Inte besvarat", answered: false });
    expect(byName.get("preferredDate")).toMatchObject({
      stepId: "vigseln",
      labelKey: "forms.ansokan-borgerlig-vigsel.fields.preferredDate.label",
      changeHref: "vigseln#field-preferredDate",
    });
  });

  it("accepts a custom link builder", async () => {
    const t = translatorFromLocale(await loadFormsLocale("en"));
    const rows = checkYourAnswers(synpunkter, synpunkterExample, t, {
      href: (step, field) => `/amal/e-tjanster/synpunkter/${step}?andra=${field}`,
    });
    expect(rows[0]?.changeHref).toBe("/amal/e-tjanster/synpunkter/synpunkt?andra=kind");
    expect(rows.find((r) => r.fieldName === "replyBy")?.text).toBe("By phone");
    expect(rows.some((r) => r.fieldName === "email")).toBe(false);
  });
});
