import { readFileSync } from "node:fs";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { municipality, page, staffUser } from "../../db/schema/index";
import { db, prepareDatabase } from "~/db.server";
import { reviewOwnerChoices, reviewOwnerError } from "~/services/review-owners.server";

/** Review owners are staff users chosen from a list; free-text owners are migrated (decision 060). */
const mid = (slug: string) =>
  db().select({ id: municipality.id }).from(municipality).where(eq(municipality.slug, slug)).get()!.id;

beforeAll(() => {
  prepareDatabase();
});

describe("review owners among staff", () => {
  it("a Bengtsfors text may be owned by Bengtsfors' editors and the portal-wide ones, not by Åmål's or officers", () => {
    const choices = reviewOwnerChoices([mid("bengtsfors")]).map((c) => c.value);
    expect(choices).toEqual(expect.arrayContaining(["redaktor.bengtsfors", "redaktor.portal", "admin.bengtsfors"]));
    expect(choices).not.toContain("redaktor.amal");
    expect(choices).not.toContain("handlaggare.bengtsfors");
    expect(reviewOwnerError("redaktor.bengtsfors", [mid("bengtsfors")])).toBeUndefined();
    expect(reviewOwnerError("redaktor.amal", [mid("bengtsfors")])).toBe("errors.ownerChoice");
    expect(reviewOwnerError("Redaktionen", [mid("bengtsfors")])).toBe("errors.ownerChoice");
    expect(reviewOwnerError("", null)).toBe("errors.required.owner");
    // A shared service may be owned by any editor.
    expect(reviewOwnerError("redaktor.amal", null)).toBeUndefined();
  });

  it("a disabled account is no longer offered", () => {
    const before = reviewOwnerChoices(null).map((c) => c.value);
    expect(before).toContain("redaktor.mellerud");
    db()
      .update(staffUser)
      .set({ disabledAt: new Date().toISOString() })
      .where(eq(staffUser.username, "redaktor.mellerud"))
      .run();
    expect(reviewOwnerChoices(null).map((c) => c.value)).not.toContain("redaktor.mellerud");
    db().update(staffUser).set({ disabledAt: null }).where(eq(staffUser.username, "redaktor.mellerud")).run();
  });

  it("the migration turns a name or e-mail address into the username and empties an owner it cannot match", () => {
    const editor = db().select().from(staffUser).where(eq(staffUser.username, "redaktor.amal")).get()!;
    const rows = db().select().from(page).limit(5).all();
    const owners = [editor.name, editor.email.toUpperCase(), "Redaktionen (exempel)", "redaktor.dals-ed", ""];
    rows.forEach((r, i) => db().update(page).set({ owner: owners[i]! }).where(eq(page.id, r.id)).run());

    const sql = readFileSync(join(__dirname, "../../db/migrations/0019_review-owners.sql"), "utf8");
    for (const statement of sql.split("--> statement-breakpoint")) db().$client.exec(statement);

    const after = rows.map((r) => db().select().from(page).where(eq(page.id, r.id)).get()!.owner);
    expect(after).toEqual(["redaktor.amal", "redaktor.amal", "", "redaktor.dals-ed", ""]);
  });

  it("the seed's example texts are owned by a staff user, so a fresh demo has no free-text owners", () => {
    const owners = new Set(
      db()
        .select({ owner: page.owner })
        .from(page)
        .all()
        .map((r) => r.owner),
    );
    const usernames = new Set(
      db()
        .select({ u: staffUser.username })
        .from(staffUser)
        .all()
        .map((r) => r.u),
    );
    expect([...owners].filter((o) => o !== "" && !usernames.has(o))).toEqual([]);
  });
});
