import { describe, expect, it } from "vitest";
import { oncePerKey } from "./once-per-key";

describe("oncePerKey", () => {
  it("makes each key's value once and answers it again, including a value that is undefined", () => {
    const once = oncePerKey<string | undefined>();
    const made: string[] = [];
    const make = (key: string, value: string | undefined) => () => (made.push(key), value);
    expect(once("a", make("a", "A"))).toBe("A");
    expect(once("a", make("a", "other"))).toBe("A");
    expect(once("b", make("b", undefined))).toBeUndefined();
    expect(once("b", make("b", "B"))).toBeUndefined();
    expect(made).toEqual(["a", "b"]);
  });

  it("keeps one memo per call: a new memo makes the value anew", () => {
    expect(oncePerKey<number>()("k", () => 1)).toBe(1);
    expect(oncePerKey<number>()("k", () => 2)).toBe(2);
  });
});
