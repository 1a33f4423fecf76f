import { describe, expect, it } from "vitest";
import type { FieldSchema } from "./module";
import { keyEcho } from "../test-support";
import type {
  AddressField,
  ChoiceField,
  DateField,
  FastighetsbeteckningField,
  FileField,
  GroupField,
  MultichoiceField,
  NumberField,
  OrganisationsnummerField,
  PersonnummerField,
  PhoneField,
  TextField,
  TextareaField,
  YesNoField,
  EmailField,
} from "../types";
import { addressModule } from "./address";
import { choiceModule } from "./choice";
import { dateModule } from "./date";
import { emailModule } from "./email";
import { fastighetsbeteckningModule } from "./fastighetsbeteckning";
import { fileModule } from "./file";
import { groupModule } from "./group";
import { multichoiceModule } from "./multichoice";
import { numberModule } from "./number";
import { organisationsnummerModule } from "./organisationsnummer";
import { personnummerModule } from "./personnummer";
import { phoneModule } from "./phone";
import { textModule } from "./text";
import { textareaModule } from "./textarea";
import { yesnoModule } from "./yesno";

const base = { labelKey: "forms.t.fields.x.label", required: true } as const;

/** The error keys (and paths) a schema reports for an input. */
function errorsOf(schema: FieldSchema<unknown>, input: unknown): { path: string; key: string; params?: unknown }[] {
  const result = schema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((i) => ({
    path: i.path.join("."),
    key: i.message,
    ...("params" in i && i.params ? { params: i.params } : {}),
  }));
}
const firstKey = (schema: FieldSchema<unknown>, input: unknown) => errorsOf(schema, input)[0]?.key;
const parsed = <T>(schema: FieldSchema<T>, input: unknown): T => {
  const result = schema.safeParse(input);
  if (!result.success) throw new Error(`expected success, got ${JSON.stringify(result.error.issues)}`);
  return result.data;
};

describe("personnummer", () => {
  const field: PersonnummerField = { type: "personnummer", name: "pnr", ...base, sensitive: true };
  const schema = personnummerModule.schema(field, { today: "2026-11-26" });

  it("accepts 10 and 12 digits, with or without separator, and stores the 12 digits", () => {
    expect(parsed(schema, "19811218-9876")).toBe("198112189876");
    expect(parsed(schema, "811218-9876")).toBe("198112189876");
    expect(parsed(schema, " 198112189876 ")).toBe("198112189876");
  });

  it("says what is wrong: format, check digit or date", () => {
    expect(firstKey(schema, "12345")).toBe("forms.errors.personnummer.format");
    expect(firstKey(schema, "19811218-9877")).toBe("forms.errors.personnummer.checksum");
    expect(firstKey(schema, "19811318-9876")).toBe("forms.errors.personnummer.date");
    expect(firstKey(schema, "x".repeat(5000))).toBe("forms.errors.personnummer.format");
  });

  it("is required when the definition says so, and optional otherwise", () => {
    expect(firstKey(schema, "")).toBe("forms.errors.required");
    expect(firstKey(schema, undefined)).toBe("forms.errors.required");
    expect(parsed(personnummerModule.schema({ ...field, required: false }), "  ")).toBeUndefined();
  });

  it("can refuse samordningsnummer", () => {
    const strict = personnummerModule.schema({ ...field, allowSamordningsnummer: false }, { today: "2026-11-26" });
    // Day 78 = 18 + 60: the samordningsnummer twin of 19811218-… (check digit recomputed).
    expect(parsed(personnummerModule.schema(field, { today: "2026-11-26" }), "19811278-9873")).toBe("198112789873");
    expect(firstKey(strict, "19811278-9873")).toBe("forms.errors.personnummer.samordningsnummer");
  });

  it("is shown as YYYYMMDD-NNNN", () => {
    expect(personnummerModule.toText(field, "198112189876", keyEcho)).toBe("19811218-9876");
    expect(personnummerModule.pdf.values(field, "198112189876", keyEcho, "pnr")).toEqual({ pnr: "19811218-9876" });
  });
});

describe("organisationsnummer", () => {
  const field: OrganisationsnummerField = { type: "organisationsnummer", name: "orgnr", ...base };
  const schema = organisationsnummerModule.schema(field);

  it("normalizes to NNNNNN-NNNN", () => {
    expect(parsed(schema, "5566771233")).toBe("556677-1233");
    expect(parsed(schema, "16556677-1233")).toBe("556677-1233");
  });

  it("reports format and check digit errors", () => {
    expect(firstKey(schema, "55667")).toBe("forms.errors.organisationsnummer.format");
    expect(firstKey(schema, "556677-1234")).toBe("forms.errors.organisationsnummer.checksum");
    // A personnummer is not an organisation number (third digit below 2).
    expect(firstKey(schema, "811218-9876")).toBe("forms.errors.organisationsnummer.format");
  });
});

describe("text and textarea", () => {
  const text: TextField = { type: "text", name: "t", ...base, maxLength: 10 };
  it("trims, rejects over-long input and reports the limit", () => {
    expect(parsed(textModule.schema(text), "  hej  ")).toBe("hej");
    expect(errorsOf(textModule.schema(text), "x".repeat(11))).toEqual([
      { path: "", key: "forms.errors.text.tooLong", params: { max: 10 } },
    ]);
  });

  it("never allows more than the ceiling, whatever the definition says", () => {
    const greedy: TextField = { type: "text", name: "t", ...base, maxLength: 1_000_000 };
    expect(firstKey(textModule.schema(greedy), "x".repeat(501))).toBe("forms.errors.text.tooLong");
    const area: TextareaField = { type: "textarea", name: "a", ...base, maxLength: 1_000_000 };
    expect(firstKey(textareaModule.schema(area), "x".repeat(10_001))).toBe("forms.errors.text.tooLong");
    expect(firstKey(textareaModule.schema({ type: "textarea", name: "a", ...base }), "x".repeat(4_001))).toBe(
      "forms.errors.text.tooLong",
    );
  });

  it("counts a posted CRLF line break as one character, like the browser's maxlength", () => {
    const area: TextareaField = { type: "textarea", name: "a", ...base, maxLength: 3 };
    expect(parsed(textareaModule.schema(area), "a\r\nb")).toBe("a\nb");
  });

  it("rejects values that are not text", () => {
    expect(firstKey(textModule.schema(text), 42)).toBe("forms.errors.invalid");
    expect(firstKey(textModule.schema(text), { toString: "x" })).toBe("forms.errors.invalid");
  });
});

describe("number", () => {
  const field: NumberField = {
    type: "number",
    name: "n",
    ...base,
    min: 1,
    max: 2000,
    decimals: 1,
    unitKey: "forms.units.metres",
  };

  it("reads Swedish input from the no-JS post", () => {
    expect(numberModule.fromFormData(field, "1 234,5")).toBe(1234.5);
    expect(numberModule.fromFormData(field, "1\u00a0234,5")).toBe(1234.5);
    expect(numberModule.fromFormData(field, "12.5")).toBe(12.5);
    expect(numberModule.fromFormData(field, "")).toBeUndefined();
    expect(numberModule.fromFormData(field, "tolv")).toBe("tolv");
  });

  it("validates format, decimals and range", () => {
    const schema = numberModule.schema(field);
    expect(firstKey(schema, "tolv")).toBe("forms.errors.number.format");
    expect(errorsOf(schema, 12.25)[0]).toMatchObject({ key: "forms.errors.number.decimals", params: { max: 1 } });
    expect(errorsOf(schema, 0)[0]).toMatchObject({ key: "forms.errors.number.tooSmall", params: { min: "1" } });
    expect(errorsOf(schema, 2000.5)[0]).toMatchObject({
      key: "forms.errors.number.tooLarge",
      params: { max: "2\u00a0000" },
    });
    expect(firstKey(numberModule.schema({ type: "number", name: "n", ...base }), 2.5)).toBe(
      "forms.errors.number.integer",
    );
    expect(firstKey(schema, Number.NaN)).toBe("forms.errors.invalid");
    expect(parsed(schema, 1234.5)).toBe(1234.5);
  });

  it("formats with Swedish conventions: space between thousands, decimal comma", () => {
    expect(numberModule.toText(field, 1234.5, (k) => (k === "forms.units.metres" ? "meter" : k))).toBe(
      "1\u00a0234,5 meter",
    );
    expect(numberModule.toText({ type: "number", name: "n", ...base }, 1234567, keyEcho)).toBe("1\u00a0234\u00a0567");
    expect(numberModule.toText({ type: "number", name: "n", ...base, decimals: 2 }, -0.5, keyEcho)).toBe("-0,5");
  });

  it("puts an unformatted value back into the input", () => {
    expect(numberModule.toFormEntries(field, 1234.5, "n")).toEqual([["n", "1234,5"]]);
  });
});

describe("date", () => {
  const field: DateField = { type: "date", name: "d", ...base, min: { daysFromToday: 14 }, max: "2030-12-31" };
  const schema = dateModule.schema(field, { today: "2026-11-26" });

  it("shows dates as 2026-11-26 in every language", () => {
    expect(dateModule.toText(field, "2026-11-26", keyEcho)).toBe("2026-11-26");
  });

  it("reads what people type into the ISO form", () => {
    expect(dateModule.fromFormData(field, "20261126")).toBe("2026-11-26");
    expect(dateModule.fromFormData(field, "2026-1-5")).toBe("2026-01-05");
    expect(dateModule.fromFormData(field, "26/11/2026")).toBe("26/11/2026");
  });

  it("rejects wrong formats, impossible dates and dates out of range (relative to today in Sweden)", () => {
    expect(firstKey(schema, "26/11/2026")).toBe("forms.errors.date.format");
    expect(firstKey(schema, "2027-02-29")).toBe("forms.errors.date.invalid");
    expect(errorsOf(schema, "2026-12-09")[0]).toMatchObject({
      key: "forms.errors.date.tooEarly",
      params: { min: "2026-12-10" },
    });
    expect(parsed(schema, "2026-12-10")).toBe("2026-12-10");
    expect(errorsOf(schema, "2031-01-01")[0]).toMatchObject({
      key: "forms.errors.date.tooLate",
      params: { max: "2030-12-31" },
    });
  });

  it("can be bounded by another date answer", () => {
    const end: DateField = { type: "date", name: "end", ...base, min: { field: "start" } };
    const lookup = (name: string) => (name === "start" ? "2026-12-01" : undefined);
    expect(firstKey(dateModule.schema(end, { lookup }), "2026-11-30")).toBe("forms.errors.date.tooEarly");
    expect(parsed(dateModule.schema(end, { lookup }), "2026-12-01")).toBe("2026-12-01");
  });
});

describe("choice, multichoice and yes/no", () => {
  const options = [
    { value: "a", labelKey: "forms.t.fields.x.options.a.label" },
    { value: "b", labelKey: "forms.t.fields.x.options.b.label" },
    { value: "c", labelKey: "forms.t.fields.x.options.c.label" },
  ];
  const choice: ChoiceField = { type: "choice", name: "c", ...base, display: "radio", options };
  const multi: MultichoiceField = { type: "multichoice", name: "m", ...base, options, maxSelected: 2 };
  const yesno: YesNoField = { type: "yesno", name: "y", ...base };

  it("only accepts the options of the definition", () => {
    expect(parsed(choiceModule.schema(choice), "b")).toBe("b");
    expect(firstKey(choiceModule.schema(choice), "d")).toBe("forms.errors.choice.invalid");
    expect(firstKey(choiceModule.schema(choice), "")).toBe("forms.errors.choice.required");
  });

  it("multichoice reads repeated keys, drops duplicates and keeps the option order", () => {
    expect(multichoiceModule.fromFormData(multi, ["c", "a", "c"])).toEqual(["c", "a"]);
    expect(multichoiceModule.fromFormData(multi, "b")).toEqual(["b"]);
    expect(multichoiceModule.fromFormData(multi, undefined)).toEqual([]);
    expect(parsed(multichoiceModule.schema(multi), ["c", "a"])).toEqual(["a", "c"]);
  });

  it("multichoice reports nothing chosen, too many and unknown options", () => {
    const schema = multichoiceModule.schema(multi);
    expect(firstKey(schema, [])).toBe("forms.errors.multichoice.required");
    expect(errorsOf(schema, ["a", "b", "c"])[0]).toMatchObject({
      key: "forms.errors.multichoice.tooMany",
      params: { max: 2 },
    });
    expect(firstKey(schema, ["a", "zzz"])).toBe("forms.errors.choice.invalid");
    expect(
      firstKey(
        schema,
        Array.from({ length: 10_000 }, () => "a"),
      ),
    ).toBe("forms.errors.choice.invalid");
  });

  it('yes/no reads radio values and a lone checkbox\'s "on"', () => {
    expect(yesnoModule.fromFormData(yesno, "yes")).toBe(true);
    expect(yesnoModule.fromFormData(yesno, "no")).toBe(false);
    expect(yesnoModule.fromFormData(yesno, "on")).toBe(true);
    expect(yesnoModule.fromFormData(yesno, undefined)).toBeUndefined();
    expect(firstKey(yesnoModule.schema(yesno), undefined)).toBe("forms.errors.yesno.required");
    expect(firstKey(yesnoModule.schema(yesno), "maybe")).toBe("forms.errors.invalid");
  });

  it("shows option labels and yes/no words through the translator", () => {
    expect(choiceModule.toText(choice, "b", keyEcho)).toBe("forms.t.fields.x.options.b.label");
    expect(multichoiceModule.toText(multi, ["a", "c"], keyEcho)).toBe(
      "forms.t.fields.x.options.a.label, forms.t.fields.x.options.c.label",
    );
    expect(yesnoModule.toText(yesno, false, keyEcho)).toBe("forms.common.no");
  });
});

describe("email, phone and fastighetsbeteckning", () => {
  it("email", () => {
    const schema = emailModule.schema({ type: "email", name: "e", ...base } satisfies EmailField);
    expect(parsed(schema, " anna@example.se ")).toBe("anna@example.se");
    expect(firstKey(schema, "anna@example")).toBe("forms.errors.email.format");
    expect(firstKey(schema, "anna example.se")).toBe("forms.errors.email.format");
    expect(firstKey(schema, `${"a".repeat(250)}@example.se`)).toBe("forms.errors.text.tooLong");
  });

  it("phone", () => {
    const schema = phoneModule.schema({ type: "phone", name: "p", ...base } satisfies PhoneField);
    expect(parsed(schema, "0531-52  60 00")).toBe("0531-52 60 00");
    expect(parsed(schema, "+46 70 123 45 67")).toBe("+46 70 123 45 67");
    expect(firstKey(schema, "12345")).toBe("forms.errors.phone.format");
    expect(firstKey(schema, "070-ring mig")).toBe("forms.errors.phone.format");
    expect(firstKey(schema, "0".repeat(200))).toBe("forms.errors.phone.format");
  });

  it("fastighetsbeteckning", () => {
    const schema = fastighetsbeteckningModule.schema({
      type: "fastighetsbeteckning",
      name: "f",
      ...base,
    } satisfies FastighetsbeteckningField);
    expect(parsed(schema, "Bengtsfors  Sågen 1 : 23")).toBe("Bengtsfors Sågen 1:23");
    expect(parsed(schema, "Dals-Ed Nössemark 2:14")).toBe("Dals-Ed Nössemark 2:14");
    expect(parsed(schema, "Åmål Kvarnen s:2")).toBe("Åmål Kvarnen s:2");
    expect(firstKey(schema, "Sågen")).toBe("forms.errors.fastighetsbeteckning.format");
    expect(firstKey(schema, "1:23")).toBe("forms.errors.fastighetsbeteckning.format");
  });
});

describe("address", () => {
  const field: AddressField = { type: "address", name: "addr", ...base };
  const schema = addressModule.schema(field);

  it("normalizes the postal code and points errors at the part", () => {
    expect(parsed(schema, { street: "Storgatan 1", postalCode: "66630", town: "Bengtsfors" })).toEqual({
      street: "Storgatan 1",
      postalCode: "666 30",
      town: "Bengtsfors",
    });
    expect(errorsOf(schema, { street: "Storgatan 1", postalCode: "6663", town: "" })).toEqual([
      { path: "town", key: "forms.errors.address.townRequired" },
      { path: "postalCode", key: "forms.errors.address.postalCodeFormat" },
    ]);
  });

  it("is all or nothing when optional", () => {
    const optional = addressModule.schema({ ...field, required: false });
    expect(parsed(optional, { street: "", postalCode: "", town: "" })).toBeUndefined();
    expect(firstKey(optional, { street: "Storgatan 1", postalCode: "", town: "" })).toBe(
      "forms.errors.address.postalCodeRequired",
    );
  });

  it("rejects parts it does not know and reads name.part posts", () => {
    expect(firstKey(schema, { street: "a", postalCode: "66630", town: "b", country: "SE" })).toBe(
      "forms.errors.invalid",
    );
    expect(
      addressModule.fromFormData(field, { street: "Storgatan 1", postalCode: ["666 30", "x"], town: "Bengtsfors" }),
    ).toEqual({
      street: "Storgatan 1",
      postalCode: "666 30",
      town: "Bengtsfors",
    });
    expect(
      addressModule.toText(field, { street: "Storgatan 1", postalCode: "666 30", town: "Bengtsfors" }, keyEcho),
    ).toBe("Storgatan 1, 666 30 Bengtsfors");
  });
});

describe("file", () => {
  const field: FileField = {
    type: "file",
    name: "photos",
    ...base,
    maxFiles: 2,
    maxBytes: 1_000_000,
    accept: ["image/*", "application/pdf"],
  };
  const schema = fileModule.schema(field);
  const pdf = (name: string, size = 1000) => ({ name, size, type: "application/pdf" });

  it("reads posted files, ignores the empty file input and keeps upload ids", () => {
    const photo = new File(["abc"], "lampa.jpg", { type: "image/jpeg" });
    const empty = new File([], "", { type: "application/octet-stream" });
    const value = fileModule.fromFormData(field, [photo, empty, "upl-1"]) as unknown[];
    expect(value).toHaveLength(2);
    expect(value[0]).toMatchObject({ name: "lampa.jpg", size: 3, type: "image/jpeg" });
    expect(value[1]).toEqual({ id: "upl-1" });
  });

  it("checks count, size, emptiness and type per file", () => {
    expect(parsed(schema, [pdf("a.pdf")])).toEqual([pdf("a.pdf")]);
    expect(errorsOf(schema, [pdf("a.pdf"), pdf("b.pdf"), pdf("c.pdf")])[0]).toMatchObject({
      key: "forms.errors.file.tooMany",
      params: { max: 2 },
    });
    expect(errorsOf(schema, [pdf("a.pdf", 2_000_000)])[0]).toMatchObject({
      path: "0",
      key: "forms.errors.file.tooLarge",
      params: { name: "a.pdf", max: "1 MB" },
    });
    expect(firstKey(schema, [pdf("a.pdf", 0)])).toBe("forms.errors.file.empty");
    expect(errorsOf(schema, [{ name: "a.exe", size: 10, type: "application/x-msdownload" }])[0]).toMatchObject({
      key: "forms.errors.file.type",
      params: { types: "JPG, PNG, PDF" },
    });
    expect(firstKey(schema, [])).toBe("forms.errors.file.required");
    expect(firstKey(schema, [{ id: "upl-gone" }])).toBe("forms.errors.file.missing");
    expect(firstKey(schema, [{ ...pdf("a.pdf"), evil: true }])).toBe("forms.errors.invalid");
    expect(firstKey(schema, [{ ...pdf("x".repeat(300)) }])).toBe("forms.errors.invalid");
  });
});

describe("group", () => {
  const field: GroupField = {
    type: "group",
    name: "witnesses",
    ...base,
    required: false,
    min: 0,
    max: 2,
    itemLabelKey: "forms.t.fields.witnesses.item",
    addLabelKey: "forms.t.fields.witnesses.add",
    fields: [
      { type: "text", name: "witnessName", labelKey: "forms.t.fields.witnessName.label", required: true },
      { type: "number", name: "witnessAge", labelKey: "forms.t.fields.witnessAge.label", required: false, min: 18 },
      {
        type: "multichoice",
        name: "languages",
        labelKey: "forms.t.fields.languages.label",
        required: false,
        options: [
          { value: "sv", labelKey: "forms.t.fields.languages.options.sv.label" },
          { value: "en", labelKey: "forms.t.fields.languages.options.en.label" },
        ],
      },
    ],
  };
  const schema = groupModule.schema(field);

  it("reads name[i].child posts: coerces children, closes gaps and drops blank rows", () => {
    const raw = [
      { witnessName: "Anna", witnessAge: "34", languages: ["sv", "en"] },
      undefined,
      { witnessName: " ", witnessAge: "" },
      { witnessName: "Erik", languages: "sv" },
    ];
    expect(groupModule.fromFormData(field, raw)).toEqual([
      { witnessName: "Anna", witnessAge: 34, languages: ["sv", "en"] },
      { witnessName: "Erik", languages: ["sv"] },
    ]);
  });

  it("validates every item and reports errors at group.index.child", () => {
    expect(errorsOf(schema, [{ witnessName: "Anna", witnessAge: 17 }, { witnessName: "" }])).toEqual([
      { path: "0.witnessAge", key: "forms.errors.number.tooSmall", params: { min: "18" } },
      { path: "1.witnessName", key: "forms.errors.required" },
    ]);
  });

  it("enforces min and max items and rejects unknown children", () => {
    expect(errorsOf(schema, [{ witnessName: "a" }, { witnessName: "b" }, { witnessName: "c" }])[0]).toMatchObject({
      key: "forms.errors.group.tooMany",
      params: { max: 2 },
    });
    const required = groupModule.schema({ ...field, required: true, min: 1 });
    expect(errorsOf(required, [])[0]).toMatchObject({ key: "forms.errors.group.tooFew", params: { min: 1 } });
    expect(firstKey(schema, [{ witnessName: "a", ssn: "x" }])).toBe("forms.errors.unknownField");
    expect(parsed(schema, [])).toBeUndefined();
  });

  it("summarises one item per line", () => {
    const t = (key: string, params?: Record<string, unknown>) =>
      key.endsWith(".item") ? `Vittne ${String(params?.number)}` : key;
    expect(groupModule.toText(field, [{ witnessName: "Anna", witnessAge: 34 }, { witnessName: "Erik" }], t)).toBe(
      "Vittne 1: Anna, 34\nVittne 2: Erik",
    );
  });

  it("gives the PDF one row of fields per possible item", () => {
    const names = groupModule.pdf.fields(field, "witnesses").map((f) => f.name);
    expect(names).toContain("witnesses_0_witnessName");
    expect(names).toContain("witnesses_1_languages_en");
    expect(new Set(names).size).toBe(names.length);
  });
});
