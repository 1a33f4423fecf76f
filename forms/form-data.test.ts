import { describe, expect, it } from "vitest";
import { fieldDomId, groupAction, inputName, MAX_ENTRIES, parseInputName, readFormEntries } from "./form-data";

describe("input names (the no-JS naming convention)", () => {
  it("parses plain, compound and group names", () => {
    expect(parseInputName("email")).toEqual(["email"]);
    expect(parseInputName("address.postalCode")).toEqual(["address", "postalCode"]);
    expect(parseInputName("witnesses[1].witnessName")).toEqual(["witnesses", 1, "witnessName"]);
    expect(parseInputName("witnesses[0].address.street")).toEqual(["witnesses", 0, "address", "street"]);
  });

  it("reads react-hook-form's dotted indexes like brackets", () => {
    expect(parseInputName("witnesses.1.witnessName")).toEqual(["witnesses", 1, "witnessName"]);
  });

  it("refuses malformed names and huge indexes", () => {
    for (const bad of [
      "",
      "1abc",
      "a..b",
      "a.",
      ".a",
      "a[x]",
      "a[]",
      "a[100].b",
      "a[0]b",
      "a b",
      "a-b",
      "a[-1]",
      "x".repeat(201),
    ]) {
      expect(parseInputName(bad), bad).toBeNull();
    }
  });

  it("writes names and DOM ids from paths", () => {
    expect(inputName(["witnesses", 0, "witnessName"])).toBe("witnesses[0].witnessName");
    expect(inputName("witnesses.0.witnessName")).toBe("witnesses[0].witnessName");
    expect(fieldDomId("witnesses.0.witnessName")).toBe("field-witnesses-0-witnessName");
    expect(fieldDomId("email")).toBe("field-email");
  });
});

describe("readFormEntries", () => {
  it("arranges entries into a tree: repeated keys become lists, groups become arrays", () => {
    const form = new FormData();
    form.append("interests", "sport");
    form.append("interests", "musik");
    form.append("address.street", "Storgatan 1");
    form.append("address.town", "Åmål");
    form.append("witnesses[1].witnessName", "Erik");
    form.append("witnesses[0].witnessName", "Anna");
    form.append("_csrf", "token");
    const tree = readFormEntries(form);
    expect(tree.values.interests).toEqual(["sport", "musik"]);
    expect({ ...(tree.values.address as object) }).toEqual({ street: "Storgatan 1", town: "Åmål" });
    const witnesses = tree.values.witnesses as { witnessName: string }[];
    expect(witnesses.map((w) => w.witnessName)).toEqual(["Anna", "Erik"]);
    expect(tree.control).toEqual({ _csrf: "token" });
    expect(tree.rejected).toEqual([]);
  });

  it("keeps control values apart and cannot be used to pollute prototypes", () => {
    const tree = readFormEntries([
      ["__proto__", "x"],
      ["constructor.prototype.polluted", "yes"],
      ["a.__proto__.polluted", "yes"],
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, "polluted")).toBe(false);
    expect(tree.rejected).toEqual(["a.__proto__.polluted"]);
    // "constructor" is a valid-looking name: it is kept as data (and later rejected as an unknown field).
    expect(Object.keys(tree.values)).toEqual(["constructor"]);
  });

  it("rejects names whose shapes clash instead of guessing", () => {
    const tree = readFormEntries([
      ["address", "Storgatan 1"],
      ["address.street", "Storgatan 1"],
      ["witnesses[0].name", "Anna"],
      ["witnesses", "Erik"],
    ]);
    expect(tree.rejected).toEqual(["address.street", "witnesses"]);
  });

  it("stops reading after MAX_ENTRIES and says so", () => {
    const many = Array.from({ length: MAX_ENTRIES + 5 }, (_, i): [string, string] => ["a", String(i)]);
    const tree = readFormEntries(many);
    expect(tree.truncated).toBe(true);
    expect((tree.values.a as string[]).length).toBe(MAX_ENTRIES);
  });

  it("survives entries that are not [name, value] pairs", () => {
    const tree = readFormEntries([1, ["a"], ["b", 2], ["c", "ok"]] as unknown as [string, string][]);
    expect(tree.values.c).toBe("ok");
    expect(tree.rejected).toHaveLength(3);
  });
});

describe("groupAction", () => {
  it("reads the add and remove buttons of a no-JS group", () => {
    expect(groupAction({ _action: "add:witnesses" })).toEqual({ kind: "add", group: "witnesses" });
    expect(groupAction({ _action: "remove:witnesses:1" })).toEqual({ kind: "remove", group: "witnesses", index: 1 });
    expect(groupAction({ _action: "continue" })).toBeNull();
    expect(groupAction({ _action: "remove:witnesses:-1" })).toBeNull();
    expect(groupAction({})).toBeNull();
  });
});
