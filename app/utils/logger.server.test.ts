import { describe, expect, it } from "vitest";
import { redact } from "./logger.server";

describe("log redaction", () => {
  it("removes personnummer in every common shape", () => {
    for (const pnr of ["19811218-9876", "198112189876", "811218-9876", "8112189876", "811218+9876"]) {
      expect(redact(`user ${pnr} logged in`)).toBe("user [personnummer] logged in");
    }
  });
  it("leaves other numbers alone", () => {
    expect(redact("case BEN-2026-000123 took 15 ms")).toBe("case BEN-2026-000123 took 15 ms");
  });
});
