import { describe, expect, it } from "vitest";
import { formatCurrency, formatDate, formatDateTime, formatLongDate, formatNameList, formatNumber } from "./format";

describe("Swedish formatting conventions", () => {
  it("formats dates as ISO in Swedish time, whatever the server's zone", () => {
    expect(formatDate("2026-11-26T23:30:00Z")).toBe("2026-11-27");
    expect(formatDateTime("2026-06-01T10:05:00Z")).toBe("2026-06-01 12:05");
  });
  it("uses month names in the chosen language", () => {
    expect(formatLongDate("2026-11-26T12:00:00Z", "sv")).toBe("26 november 2026");
    expect(formatLongDate("2026-11-26T12:00:00Z", "en")).toBe("26 November 2026");
  });
  it("groups thousands with a space and uses a decimal comma", () => {
    expect(formatNumber(1234567.5).replace(/\u00a0/g, " ")).toBe("1 234 567,5");
    expect(formatCurrency(1776).replace(/\u00a0/g, " ")).toBe("1 776 kr");
  });
  it("joins names as each language joins a list, whatever their number", () => {
    expect(formatNameList(["Ale", "Bo", "Cu"], "sv")).toBe("Ale, Bo och Cu");
    expect(formatNameList(["Ale", "Bo", "Cu"], "en")).toBe("Ale, Bo and Cu");
    expect(formatNameList(["Ale"], "sv")).toBe("Ale");
    expect(formatNameList([], "en")).toBe("");
  });
});
