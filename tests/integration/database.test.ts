import { count } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../db/client";
import { administration, municipality } from "../../db/schema/index";
import { seed } from "../../db/seed/index";

describe("database", () => {
  const db = openDatabase(process.env.DATABASE_PATH!);

  it("opens with WAL, foreign keys, a busy timeout and synchronous=FULL", () => {
    expect(db.$client.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(db.$client.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(db.$client.pragma("busy_timeout", { simple: true })).toBe(5000);
    expect(db.$client.pragma("synchronous", { simple: true })).toBe(2);
  });

  it("seeds the five municipalities and their administrations, idempotently", () => {
    seed(db);
    seed(db);
    expect(db.select({ n: count() }).from(municipality).get()?.n).toBe(5);
    expect(db.select({ n: count() }).from(administration).get()?.n).toBe(25);
    const slugs = db
      .select({ slug: municipality.slug })
      .from(municipality)
      .all()
      .map((r) => r.slug)
      .sort();
    expect(slugs).toEqual(["amal", "bengtsfors", "dals-ed", "fargelanda", "mellerud"]);
  });

  it("marks invented facts as example data", () => {
    const rows = db.select({ example: municipality.example }).from(municipality).all();
    expect(rows.every((r) => r.example)).toBe(true);
  });

  it("enforces foreign keys", () => {
    expect(() =>
      db
        .insert(administration)
        .values({
          municipalityId: 9999,
          slug: "x",
          nameSv: "x",
          nameEn: "x",
          descriptionSv: "x",
          descriptionEn: "x",
          phone: "x",
          email: "x",
        })
        .run(),
    ).toThrow(/FOREIGN KEY/);
  });
});
