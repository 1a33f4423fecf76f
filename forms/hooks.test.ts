import { describe, expect, it } from "vitest";
import { definitionProblems } from "./check-definition";
import { definitionSchema } from "./document";
import { hookedDefinition } from "./test-support";
import bygglovSeed from "./seed/bygglov-ansokan.json";
import type { FormDefinition } from "./types";

/** The definition with one change made to a copy. */
function changed(edit: (def: FormDefinition & Record<string, unknown>) => void): FormDefinition {
  const def = structuredClone(hookedDefinition()) as FormDefinition & Record<string, unknown>;
  edit(def);
  return def;
}
const bygglovDefinition = () => structuredClone(bygglovSeed.definition) as unknown as FormDefinition;
const field = (def: FormDefinition, name: string) =>
  def.steps.flatMap((s) => s.fields).find((f) => f.name === name) as unknown as Record<string, unknown>;

describe("named hooks in a definition (decision 087)", () => {
  it("a definition using every hook is valid, in the checker and in the document schema", () => {
    expect(definitionProblems(hookedDefinition())).toEqual([]);
    expect(definitionSchema.safeParse(hookedDefinition()).success).toBe(true);
  });

  it("an unknown hook name is a definition error, for every kind of hook", () => {
    const problems = definitionProblems(
      changed((d) => {
        field(d, "unit1").optionsFrom = "houses";
        field(d, "child").lookup = "pets";
        d.computed = [{ name: "fee", hook: "parkingFee" as never, labelKey: "forms.hooked.computed.fee.label" }];
        d.submitHandler = "parking" as never;
      }),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        'hooked: plats.unit1: unknown options hook "houses"',
        'hooked: barn.child: unknown lookup hook "pets"',
        'hooked: computed fee: unknown computed hook "parkingFee"',
        'hooked: submitHandler: unknown submit hook "parking"',
      ]),
    );
    expect(problems).toHaveLength(4);
    expect(definitionSchema.safeParse(changed((d) => (d.submitHandler = "parking" as never))).success).toBe(false);
  });

  it("a property look-up sits on a designation and fills only later questions it gives (decision 097)", () => {
    const bygglov = bygglovDefinition();
    expect(definitionProblems(bygglov)).toEqual([]);
    const designation = (d: FormDefinition) => field(d, "fastighetsbeteckning");
    const edit = (change: (d: FormDefinition) => void) => {
      const d = structuredClone(bygglov);
      change(d);
      return definitionProblems(d);
    };
    expect(edit((d) => (designation(d).fills = ["propertyAddress", "description"]))).toEqual([
      'bygglov-ansokan: fastighet.fastighetsbeteckning: lookup "property" cannot fill "description"',
    ]);
    // A filled question before the look-up, or of another type, is refused.
    expect(
      edit((d) => {
        const [step] = d.steps;
        step!.fields.unshift(step!.fields.splice(1, 1)[0]!);
      }),
    ).toEqual([
      'bygglov-ansokan: fastighet.fastighetsbeteckning: fills "propertyAddress", which is not a later question',
    ]);
    expect(edit((d) => (field(d, "propertyOwner").type = "textarea"))).toEqual([
      'bygglov-ansokan: fastighet.fastighetsbeteckning: lookup "property" fills "propertyOwner" as text, but it is textarea',
    ]);
    expect(edit((d) => delete designation(d).lookup)).toEqual([
      "bygglov-ansokan: fastighet.fastighetsbeteckning: fills without a lookup",
    ]);
    // The property look-up is not a choice's, nor the children's a designation's.
    expect(edit((d) => (field(d, "measureType").lookup = "property"))).toContain(
      'bygglov-ansokan: atgard.measureType: unknown lookup hook "property"',
    );
    expect(edit((d) => (designation(d).lookup = "children"))).toContain(
      'bygglov-ansokan: fastighet.fastighetsbeteckning: unknown lookup hook "children"',
    );
    expect(definitionSchema.safeParse({ ...bygglov, steps: [] }).success).toBe(false);
  });

  it("a hook's questions must be there, earlier and of its type", () => {
    const moved = changed((d) => {
      // careKind after the units: the options hook cannot read it yet.
      const [barn, plats] = d.steps;
      plats!.fields.push(barn!.fields.splice(1, 1)[0]!);
    });
    expect(definitionProblems(moved)).toContain(
      'hooked: plats.unit1: options hook "units" reads "careKind", which is not an earlier question',
    );
    const retyped = changed((d) => (field(d, "hoursPerWeek").type = "text"));
    expect(definitionProblems(retyped)).toEqual(
      expect.arrayContaining([
        'hooked: computed fee: computed hook "childcareFee" reads "hoursPerWeek" as number, but it is text',
        'hooked: submitHandler: submit hook "childcare" reads "hoursPerWeek" as number, but it is text',
      ]),
    );
  });

  it("register look-ups and the childcare handler need an e-ID form; hook options have none of their own", () => {
    const problems = definitionProblems(
      changed((d) => {
        delete d.requiresEid;
        field(d, "unit1").options = [{ value: "a", labelKey: "forms.hooked.a" }];
        field(d, "unit2").lookup = "children";
      }),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        'hooked: barn.child: lookup hook "children" acts for a person: the form needs requiresEid',
        'hooked: submitHandler: submit hook "childcare" acts for a person: the form needs requiresEid',
        "hooked: plats.unit1: run-time options and options of its own",
        "hooked: plats.unit2: names more than one of optionList, optionsFrom and lookup",
      ]),
    );
  });

  it("signatures name known parties once each, on an e-ID form", () => {
    expect(definitionProblems(changed((d) => (d.signatures = [{ party: "co-guardians" }])))).toEqual([]);
    const problems = definitionProblems(
      changed((d) => {
        delete d.requiresEid;
        d.signatures = [{ party: "co-guardians" }, { party: "co-guardians" }];
      }),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        'hooked: signatures: party "co-guardians" signs twice',
        'hooked: signatures: party "co-guardians" signs with e-ID: the form needs requiresEid',
      ]),
    );
    expect(definitionSchema.safeParse(changed((d) => (d.signatures = [{ party: "owner" as never }]))).success).toBe(
      false,
    );
  });

  it("the applicant signs on a login form, acting for an organisation too, through a handler that stores it", () => {
    // A resident login is an e-ID login (042): the applicant party needs requiresLogin, not requiresEid (105).
    const plain = (d: FormDefinition) => {
      delete d.requiresEid;
      delete d.submitHandler;
      d.signatures = [{ party: "applicant" }];
    };
    expect(definitionProblems(changed(plain))).not.toContain(
      'hooked: signatures: party "applicant" signs with e-ID: the form needs requiresLogin',
    );
    expect(
      definitionProblems(
        changed((d) => {
          plain(d);
          d.requiresLogin = false;
        }),
      ),
    ).toContain('hooked: signatures: party "applicant" signs with e-ID: the form needs requiresLogin');
    // The childcare handler files its own case and has nowhere to keep the applicant's signature.
    expect(definitionProblems(changed((d) => (d.signatures = [{ party: "applicant" }])))).toContain(
      'hooked: signatures: submit hook "childcare" files its case without the applicant\'s signature',
    );
  });

  it("a computed value's name cannot repeat a question's", () => {
    const problems = definitionProblems(changed((d) => (d.computed![0]!.name = "hoursPerWeek")));
    expect(problems).toContain('hooked: computed hoursPerWeek: name "hoursPerWeek" is used twice');
  });
});
