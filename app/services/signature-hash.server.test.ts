import { describe, expect, it } from "vitest";
import { canonicalJson, contentHash } from "./signature-hash.server";

describe("co-signing hash", () => {
  const content = {
    reference: "AML-2026-000123",
    formId: "skolval-ansokan",
    data: { child: "Ella", schools: ["a", "b"], reason: "Närhet" },
  };

  it("is the SHA-256 of a canonical JSON text: key order does not matter", () => {
    const reordered = {
      data: { reason: "Närhet", schools: ["a", "b"], child: "Ella" },
      formId: "skolval-ansokan",
      reference: "AML-2026-000123",
    };
    expect(canonicalJson(content)).toBe(canonicalJson(reordered));
    expect(contentHash(content)).toBe(contentHash(reordered));
    expect(contentHash(content)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("changes when anything approved changes, including the order of ranked choices", () => {
    const h = contentHash(content);
    expect(contentHash({ ...content, data: { ...content.data, schools: ["b", "a"] } })).not.toBe(h);
    expect(contentHash({ ...content, reference: "AML-2026-000124" })).not.toBe(h);
  });

  it("is stable across releases (a known vector)", () => {
    expect(canonicalJson({ b: 1, a: [true, null, "å"] })).toBe('{"a":[true,null,"å"],"b":1}');
    // sha256('{"data":{},"formId":"f","reference":"X"}'), computed independently.
    expect(contentHash({ reference: "X", formId: "f", data: {} })).toBe(
      "80d0d6a7edd9c1038fc67c1c4c98d457cbe476bff4c0ed078a80e40e3f70dbef",
    );
  });
});
