import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { supportedLanguages } from "./config";

const root = join(process.cwd(), "public/locales");

function flatten(value: unknown, prefix = ""): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) {
      for (const [fk, fv] of flatten(v, prefix ? `${prefix}.${k}` : k)) out.set(fk, fv);
    }
  } else {
    out.set(prefix, value);
  }
  return out;
}

const load = (lng: string, file: string) => flatten(JSON.parse(readFileSync(join(root, lng, file), "utf8")));

describe("translations", () => {
  const files = readdirSync(join(root, "sv")).filter((f) => f.endsWith(".json"));

  it("every language has the same namespace files", () => {
    for (const lng of supportedLanguages) {
      expect(
        readdirSync(join(root, lng))
          .filter((f) => f.endsWith(".json"))
          .sort(),
      ).toEqual([...files].sort());
    }
  });

  for (const file of files) {
    it(`${file}: a key in one language exists in the other, and no text is empty`, () => {
      const sv = load("sv", file);
      const en = load("en", file);
      const missingInEn = [...sv.keys()].filter((k) => !en.has(k));
      const missingInSv = [...en.keys()].filter((k) => !sv.has(k));
      expect(missingInEn, `missing in en/${file}`).toEqual([]);
      expect(missingInSv, `missing in sv/${file}`).toEqual([]);
      for (const [lng, map] of [
        ["sv", sv],
        ["en", en],
      ] as const) {
        const empty = [...map.entries()].filter(([, v]) => typeof v === "string" && v.trim() === "").map(([k]) => k);
        expect(empty, `empty texts in ${lng}/${file}`).toEqual([]);
      }
    });
  }
});
