import { describe, expect, it } from "vitest";
import { FIELD_TYPES, type Field, type FieldType } from "../types";
import { getFieldModule, moduleFor, registeredFieldTypes, UnknownFieldTypeError } from "./registry";

describe("field registry", () => {
  it("throws UnknownFieldTypeError for a type nobody registered", () => {
    expect(() => getFieldModule("signature" as FieldType)).toThrow(UnknownFieldTypeError);
    expect(() => getFieldModule("signature" as FieldType)).toThrow(/Unknown form field type: "signature"/);
  });

  it("throws for names that exist on every object, not only for made-up types", () => {
    for (const sneaky of ["constructor", "toString", "__proto__", "hasOwnProperty"]) {
      expect(() => getFieldModule(sneaky as FieldType)).toThrow(UnknownFieldTypeError);
    }
    expect(() => getFieldModule(undefined as unknown as FieldType)).toThrow(UnknownFieldTypeError);
  });

  it("throws when a field in a definition has an unknown type", () => {
    const field = { type: "captcha", name: "x", labelKey: "forms.x", required: true } as unknown as Field;
    expect(() => moduleFor(field)).toThrow(UnknownFieldTypeError);
  });

  it("has exactly one module for every field type, and each module says which type it is", () => {
    expect([...registeredFieldTypes()].sort()).toEqual([...FIELD_TYPES].sort());
    for (const type of FIELD_TYPES) expect(getFieldModule(type).type).toBe(type);
  });
});
