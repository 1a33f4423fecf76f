import { eq } from "drizzle-orm";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { municipality, seedState } from "../../db/schema/index";
import { db, prepareDatabase, seedFingerprint } from "~/db.server";

// A start whose seed fingerprint is unchanged skips the seed (docs/decisions/088); a changed one
// seeds as before: gaps are filled, edits survive.

const amal = () => db().select().from(municipality).where(eq(municipality.slug, "amal")).get()!;

beforeAll(() => {
  expect(prepareDatabase({ fingerprint: "build-1" })).toBe(true);
});

describe("the start-up seed", () => {
  it("records its fingerprint and skips the next start with the same one", () => {
    expect(db().select().from(seedState).all()).toMatchObject([{ name: "start-up", fingerprint: "build-1" }]);
    // A gap the seed fills (a municipality without its kommunkod, as before that column).
    const code = amal().kommunkod;
    expect(code).toBe("1492");
    db().update(municipality).set({ kommunkod: null }).where(eq(municipality.slug, "amal")).run();

    expect(prepareDatabase({ fingerprint: "build-1" })).toBe(false);
    // Skipped: the gap is still there.
    expect(amal().kommunkod).toBeNull();
  });

  it("a changed fingerprint seeds: the gap is filled, an edit survives, the new fingerprint is stored", () => {
    db().update(municipality).set({ phone: "0532-99 99 99" }).where(eq(municipality.slug, "amal")).run();
    expect(prepareDatabase({ fingerprint: "build-2" })).toBe(true);
    expect(amal().kommunkod).toMatch(/^\d{4}$/);
    expect(amal().phone).toBe("0532-99 99 99");
    expect(db().select().from(seedState).get()?.fingerprint).toBe("build-2");
  });

  it("without a fingerprint (tests, scripts) it always seeds", () => {
    expect(prepareDatabase()).toBe(true);
    expect(db().select().from(seedState).get()?.fingerprint).toBe("build-2");
  });

  it("the fingerprint follows the code file it hashes", () => {
    const file = join(process.env.DATA_DIR!, "code.js");
    writeFileSync(file, "one");
    const one = seedFingerprint(file);
    expect(seedFingerprint(file)).toBe(one);
    writeFileSync(file, "two");
    expect(seedFingerprint(file)).not.toBe(one);
  });
});
