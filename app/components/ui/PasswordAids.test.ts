import { describe, expect, it } from "vitest";
import { estimateStrength } from "./PasswordAids";

describe("the password strength estimate (ASVS 2.1.8)", () => {
  it("rates short, repetitive, ordinary and long passphrases apart", () => {
    expect(estimateStrength("", 12)).toBe("empty");
    expect(estimateStrength("kort ord", 12)).toBe("tooShort");
    expect(estimateStrength("aaaaaaaaaaaaaaaa", 12)).toBe("weak");
    expect(estimateStrength("abababababab1212", 12)).toBe("weak");
    expect(estimateStrength("sommarstuga7", 12)).toBe("fair");
    expect(estimateStrength("fyra ord vid Vänerns strand", 12)).toBe("strong");
    expect(estimateStrength("🦆🦆🦆 änder 🛶 på kanalen", 12)).toBe("strong");
  });
});
