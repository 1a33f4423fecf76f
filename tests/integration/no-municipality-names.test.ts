import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { seedMunicipalities } from "../../db/seed/content/municipalities";

/**
 * Issue 13 item 4, "a sixth municipality by configuration only": no municipality is named in the
 * application's code or texts. Names and slugs come from the municipality table; the example
 * data under db/seed and the tests may name the example municipalities. The names checked are
 * the seed's, so a municipality added to the examples is checked too.
 */
const ROOT = resolve(__dirname, "../..");
const SCANNED = ["app", "public/locales"];

/**
 * Justified exceptions: file (from the repository root), the name as written, and why. Each
 * entry must still match something, so a fixed place leaves no stale exception behind.
 */
const ALLOWED: { file: string; name: string; reason: string }[] = [
  ...["sv", "en"].map((lang) => ({
    file: `public/locales/${lang}/forms.json`,
    name: "Bengtsfors",
    reason:
      "an example property designation in the format error ('Bengtsfors Sågen 1:23') shows Lantmäteriet's format; it lists no municipalities and validates nothing",
  })),
  ...["sv", "en"].map((lang) => ({
    file: `public/locales/${lang}/permits.json`,
    name: "Åmål",
    reason:
      "an example property designation in a hint and its format error ('Åmål Plogen 4:2') shows Lantmäteriet's format <kommun> <trakt> <block>:<enhet>; it lists no municipalities and validates nothing",
  })),
  // The demo's sign-on providers (decisions 064, 073): seeded only into a demo or test database for
  // one example municipality each, and refused by a production start. No production path reads them.
  ...[
    ["app/auth/staff-sso/providers.server.ts", "Åmål"],
    ["app/auth/staff-sso/providers.server.ts", "amal"],
    ["app/auth/staff-sso/test-sso.server.ts", "amal"],
    ["app/auth/staff-sso/test-saml.server.ts", "Mellerud"],
  ].map(([file, name]) => ({
    file: file!,
    name: name!,
    reason: "the demo-only test sign-on provider is seeded for one example municipality (never in production)",
  })),
];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    const text = /\.(ts|tsx|json|css)$/.test(name);
    const test = /\.test\.tsx?$/.test(name);
    return text && !test ? [path] : [];
  });
}

function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && /\p{L}/u.test(ch);
}

/** Each whole-word, case-insensitive occurrence of a name or slug, as "file: name". */
function findNames(text: string, file: string, words: readonly string[]): { file: string; name: string }[] {
  const lower = text.toLowerCase();
  const found: { file: string; name: string }[] = [];
  for (const word of words) {
    const needle = word.toLowerCase();
    let at = lower.indexOf(needle);
    while (at !== -1) {
      if (!isLetter(lower[at - 1]) && !isLetter(lower[at + needle.length])) {
        found.push({ file, name: text.slice(at, at + needle.length) });
        break;
      }
      at = lower.indexOf(needle, at + 1);
    }
  }
  return found;
}

const WORDS = [...new Set(seedMunicipalities.flatMap((m) => [m.name.toLowerCase(), m.slug]))];

function scan(): { file: string; name: string }[] {
  return SCANNED.flatMap((dir) => files(join(ROOT, dir))).flatMap((path) =>
    findNames(readFileSync(path, "utf8"), relative(ROOT, path), WORDS),
  );
}

const allowed = (f: { file: string; name: string }) =>
  ALLOWED.some((a) => a.file === f.file && a.name.toLowerCase() === f.name.toLowerCase());

describe("no municipality is named in the application (issue 13 item 4)", () => {
  it("the scanner finds a name or slug written in any case, and only as a whole word", () => {
    expect(findNames('{ "x": "hos ÅMÅL och dals-ed" }', "f", WORDS).map((f) => f.name)).toEqual(["dals-ed", "ÅMÅL"]);
    expect(findNames("amalgam, Bengtsforsbo", "f", WORDS)).toEqual([]);
  });

  it("app/ and the locale texts name no municipality outside the allow-list", () => {
    const offending = scan().filter((f) => !allowed(f));
    expect(offending).toEqual([]);
  });

  it("every allow-list entry still matches something and gives a reason", () => {
    const found = scan();
    for (const a of ALLOWED) {
      expect(a.reason.length, a.file).toBeGreaterThan(20);
      expect(
        found.some((f) => f.file === a.file && f.name.toLowerCase() === a.name.toLowerCase()),
        `${a.file}: ${a.name}`,
      ).toBe(true);
    }
  });
});
