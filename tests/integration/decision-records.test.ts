import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";

/** docs/decisions: one record per number, so "decision 014" names one thing (decision 054). */
const DIR = resolve(__dirname, "../../docs/decisions");
const records = readdirSync(DIR).filter((f) => f.endsWith(".md"));

function numberOf(file: string): string {
  return file.slice(0, 3);
}

describe("decision records", () => {
  it("have a three-digit number each, and no two share one", () => {
    const seen = new Map<string, string[]>();
    for (const file of records) {
      expect(file, file).toMatch(/^\d{3}-[a-z0-9-]+\.md$/);
      seen.set(numberOf(file), [...(seen.get(numberOf(file)) ?? []), file]);
    }
    const shared = [...seen.values()].filter((files) => files.length > 1);
    expect(shared).toEqual([]);
  });

  it("carry in their title the number in their file name", () => {
    for (const file of records) {
      const title = readFileSync(resolve(DIR, file), "utf8").split("\n")[0] ?? "";
      expect(title.startsWith(`# ${numberOf(file)} `), `${file}: ${title}`).toBe(true);
    }
  });
});
