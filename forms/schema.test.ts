import { describe, expect, it } from "vitest";
import { seedForm, resolvedForTests } from "./test-support";
import { addDays } from "./format";
import { defaultValues, formEntriesFor, formSchema, parseSubmission, answersForStep } from "./schema";
import type { FormDefinition, FormValues } from "./types";

const vigselStatic = seedForm("ansokan-borgerlig-vigsel").definition;
const vigselExample = seedForm("ansokan-borgerlig-vigsel").example;
const felanmalan = seedForm("felanmalan-gata-park").definition;
const synpunkter = seedForm("synpunkter-klagomal").definition;
const synpunkterExample = seedForm("synpunkter-klagomal").example;
const bygglov = seedForm("bygglov-ansokan").definition;
const bygglovExample = seedForm("bygglov-ansokan").example;
const gravtillstand = seedForm("ansokan-gravtillstand").definition;
const gravExample = seedForm("ansokan-gravtillstand").example;

const vigsel = resolvedForTests(vigselStatic);

const expectOk = (result: ReturnType<typeof parseSubmission>): FormValues => {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.errors)}`);
  return result.value;
};
const expectErrors = (result: ReturnType<typeof parseSubmission>) => {
  if (result.ok) throw new Error(`expected errors, got ${JSON.stringify(result.value)}`);
  return result.errors;
};

describe("conditional questions (showIf)", () => {
  it("a hidden question is not required", () => {
    const { ceremonyAddress: _address, placeDescription: _place, ...answers } = vigselExample;
    expect(expectOk(parseSubmission(vigsel, "all", { ...answers, ownPlace: false }))).not.toHaveProperty(
      "ceremonyAddress",
    );
  });

  it("a shown question is required", () => {
    const { ceremonyAddress: _address, ...answers } = vigselExample;
    const errors = expectErrors(parseSubmission(vigsel, "all", { ...answers, ownPlace: true }));
    expect(errors["ceremonyAddress.street"]).toEqual({ key: "forms.errors.address.streetRequired" });
  });

  it("drops the values of hidden questions, even invalid ones posted by a no-JS page", () => {
    const value = expectOk(
      parseSubmission(vigsel, "all", {
        ...vigselExample,
        ownPlace: false,
        ceremonyAddress: { street: "x", postalCode: "nope", town: "" },
      }),
    );
    expect(value).not.toHaveProperty("ceremonyAddress");
    expect(value).not.toHaveProperty("placeDescription");
  });

  it("follows chains: a question shown by a hidden question is hidden too", () => {
    // replyBy is shown only if wantsReply; email only if replyBy = epost.
    const value = expectOk(
      parseSubmission(synpunkter, "all", {
        ...synpunkterExample,
        wantsReply: false,
        replyBy: "epost",
        email: "not-an-email",
      }),
    );
    expect(value).not.toHaveProperty("replyBy");
    expect(value).not.toHaveProperty("email");
  });

  it("matches a list of values (measure types that need a floor plan)", () => {
    const demolition = { ...bygglovExample, measureType: "rivningslov" };
    const value = expectOk(parseSubmission(bygglov, "all", demolition));
    expect(value).not.toHaveProperty("planritning");
    expect(value).not.toHaveProperty("buildingArea");
    expect(value).toHaveProperty("grossFloorArea");
    const errors = expectErrors(parseSubmission(bygglov, "all", { ...bygglovExample, planritning: undefined }));
    expect(errors.planritning).toEqual({ key: "forms.errors.file.required" });
  });

  it("a step reads conditions on earlier steps from the saved answers", () => {
    const files = answersForStep(gravtillstand, "handlingar", gravExample);
    const { trafficPlan: _plan, ...withoutPlan } = files;
    // Traffic affected (saved answer) → the TA plan is required on this step.
    expect(
      expectErrors(parseSubmission(gravtillstand, "handlingar", withoutPlan, { answers: gravExample })).trafficPlan,
    ).toBeDefined();
    // Not affected → not required, and a posted plan is dropped.
    const saved = { ...gravExample, affectsTraffic: false };
    const value = expectOk(parseSubmission(gravtillstand, "handlingar", files, { answers: saved }));
    expect(value).not.toHaveProperty("trafficPlan");
  });

  it("bounds one date by another (end date not before start date)", () => {
    const dayBefore = addDays(gravExample.startDate as string, -1);
    const errors = expectErrors(parseSubmission(gravtillstand, "all", { ...gravExample, endDate: dayBefore }));
    expect(errors.endDate).toEqual({ key: "forms.errors.date.tooEarly", params: { min: gravExample.startDate } });
    expect(parseSubmission(gravtillstand, "all", { ...gravExample, endDate: gravExample.startDate }).ok).toBe(true);
  });
});

describe("strictness and limits", () => {
  it("rejects fields that are not in the form", () => {
    const errors = expectErrors(parseSubmission(vigsel, "all", { ...vigselExample, isAdmin: true }));
    expect(errors._form).toEqual({ key: "forms.errors.unknownField", params: { fields: ["isAdmin"] } });
  });

  it("rejects fields from another step when one step is validated", () => {
    const errors = expectErrors(parseSubmission(vigsel, "vittnen", { witnesses: [], email: "a@b.se" }));
    expect(errors._form?.key).toBe("forms.errors.unknownField");
  });

  it("rejects unknown names in a no-JS post too, but not control values", () => {
    const entries = [
      ...formEntriesFor(felanmalan, { category: "klotter", description: "Klotter på väggen" }, "fel"),
      ["_csrf", "abc"],
      ["_action", "continue"],
    ] as [string, string][];
    const ok = parseSubmission(felanmalan, "fel", entries);
    expect(ok.ok).toBe(true);
    expect(ok.control).toEqual({ _csrf: "abc", _action: "continue" });
    const bad = expectErrors(parseSubmission(felanmalan, "fel", [...entries, ["category[0]", "x"], ["role", "admin"]]));
    expect(bad._form?.key).toBe("forms.errors.unknownField");
  });

  it("rejects oversized strings in every kind of text answer", () => {
    const huge = "x".repeat(100_000);
    const errors = expectErrors(
      parseSubmission(felanmalan, "all", {
        category: "klotter",
        description: huge,
        location: huge,
        locationDescription: huge,
        wantsFeedback: true,
        name: huge,
        email: huge,
        phone: huge,
      }),
    );
    expect(errors.description).toEqual({ key: "forms.errors.text.tooLong", params: { max: 2000 } });
    expect(errors.location).toEqual({ key: "forms.errors.text.tooLong", params: { max: 200 } });
    expect(errors.locationDescription?.key).toBe("forms.errors.text.tooLong");
    expect(errors.name?.key).toBe("forms.errors.text.tooLong");
    expect(errors.email?.key).toBe("forms.errors.text.tooLong");
    expect(errors.phone?.key).toBe("forms.errors.phone.format");
  });

  it("reports an unknown step instead of throwing", () => {
    expect(expectErrors(parseSubmission(vigsel, "admin", {}))._form).toEqual({ key: "forms.errors.unknownStep" });
    expect(() => formSchema(vigsel, "admin")).toThrow();
  });

  it("never throws on hostile input", () => {
    const nasty: unknown[] = [
      null,
      undefined,
      42,
      "string",
      [],
      [[1, 2]],
      { __proto__: { partner1Name: "x" } },
      Object.create(null),
      { witnesses: "not a list" },
      { witnesses: [null, 1, "x", { witnessName: { $gt: "" } }] },
      { witnesses: Array.from({ length: 10_000 }, () => ({ witnessName: "a" })) },
      { preferredDate: new Date() },
      { ceremonyAddress: ["a"] },
      { guests: Infinity },
      new URLSearchParams("witnesses[99999].witnessName=x&a[b]=1&=&[0]=2"),
      new Map([["a", "b"]]),
    ];
    for (const input of nasty) {
      for (const scope of ["all", "parterna", "vittnen"]) {
        expect(() => parseSubmission(vigsel, scope, input)).not.toThrow();
      }
      // The whole form has required questions, so none of these can pass.
      expect(parseSubmission(vigsel, "all", input).ok).toBe(false);
    }
  });
});

describe("error shape", () => {
  it("keys errors by dotted path with i18n keys and params", () => {
    const errors = expectErrors(
      parseSubmission(vigsel, "parterna", {
        ...answersForStep(vigsel, "parterna", vigselExample),
        partner2Personnummer: "19820118-9853",
      }),
    );
    expect(errors).toEqual({ partner2Personnummer: { key: "forms.errors.personnummer.checksum" } });
  });

  it("reports group item errors at group.index.child", () => {
    const errors = expectErrors(
      parseSubmission(
        vigsel,
        "vittnen",
        new URLSearchParams("witnesses[0].witnessName=Anna&witnesses[1].witnessPhone=123"),
      ),
    );
    expect(errors).toEqual({
      "witnesses.1.witnessName": { key: "forms.errors.required" },
      "witnesses.1.witnessPhone": { key: "forms.errors.phone.format" },
    });
  });
});

describe("no-JS posts", () => {
  it("a group posted with gaps and a blank extra row gives compact items", () => {
    const post = new URLSearchParams();
    post.append("witnesses[0].witnessName", "Anna Lindqvist");
    post.append("witnesses[2].witnessName", "Erik Johansson");
    post.append("witnesses[2].witnessPhone", "070-111 22 33");
    post.append("witnesses[3].witnessName", "");
    post.append("otherInformation", "");
    expect(expectOk(parseSubmission(vigsel, "vittnen", post))).toEqual({
      witnesses: [{ witnessName: "Anna Lindqvist" }, { witnessName: "Erik Johansson", witnessPhone: "070-111 22 33" }],
    });
  });

  it("kept uploads are matched against the saved answers by id", () => {
    const saved = {
      situationsplan: [{ name: "situationsplan.pdf", size: 1000, type: "application/pdf", id: "upl-1" }],
    } satisfies FormValues;
    const ritningar: FormDefinition = { ...bygglov, steps: bygglov.steps.filter((s) => s.id === "ritningar") };
    const ok = expectOk(
      parseSubmission(ritningar, "ritningar", [["situationsplan", "upl-1"]], {
        answers: { ...saved, measureType: "rivningslov" },
      }),
    );
    expect(ok.situationsplan).toEqual(saved.situationsplan);
    const forged = expectErrors(
      parseSubmission(ritningar, "ritningar", [["situationsplan", "upl-someone-elses"]], {
        answers: { ...saved, measureType: "rivningslov" },
      }),
    );
    expect(forged["situationsplan.0"]).toEqual({ key: "forms.errors.file.missing" });
  });

  it("default values give a renderer something for every input", () => {
    const defaults = defaultValues(vigsel, "vigseln");
    expect(defaults.preferredDate).toBe("");
    expect(defaults.ceremonyAddress).toEqual({ street: "", postalCode: "", town: "" });
    expect(defaultValues(vigsel, "vittnen").witnesses).toEqual([]);
  });
});
