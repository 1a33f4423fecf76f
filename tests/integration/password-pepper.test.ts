import { hash, verify } from "@node-rs/argon2";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { staffUser } from "../../db/schema/index";
import { DEV_STAFF_PASSWORD } from "../../db/seed/content/staff";
import { checkPassword, hashPassword } from "~/auth/staff.server";
import { db, prepareDatabase } from "~/db.server";

// ASVS 2.4.5: staff password hashes take a secret pepper from the key ring, so the database
// alone is not enough to test guesses offline; hashes from before still work and are upgraded.

beforeAll(() => prepareDatabase());

describe("the staff password pepper (ASVS 2.4.5)", () => {
  it("a stored hash cannot be verified without the secret pepper", async () => {
    const stored = await hashPassword("ett långt lösenord vid Vänern");
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+,keyid=[A-Za-z0-9+/]+\$/);
    // What an attacker with only the database could do: plain argon2id, no secret.
    const withoutKeyId = stored.replace(/,keyid=[A-Za-z0-9+/]+\$/, "$");
    expect(await verify(withoutKeyId, "ett långt lösenord vid Vänern").catch(() => false)).toBe(false);
    // The seeded accounts are peppered too.
    const seeded = db().select().from(staffUser).where(eq(staffUser.username, "handlaggare.amal")).get()!;
    expect(seeded.passwordHash).toContain(",keyid=");
  });

  it("a hash from before the pepper still logs in, and is replaced by a peppered one", async () => {
    const legacy = await hash(DEV_STAFF_PASSWORD);
    db().update(staffUser).set({ passwordHash: legacy }).where(eq(staffUser.username, "handlaggare.amal")).run();
    expect(await checkPassword("handlaggare.amal", "fel lösenord helt och hållet")).toMatchObject({ ok: false });
    expect(db().select().from(staffUser).where(eq(staffUser.username, "handlaggare.amal")).get()!.passwordHash).toBe(
      legacy,
    );
    expect(await checkPassword("handlaggare.amal", DEV_STAFF_PASSWORD)).toMatchObject({ ok: true });
    const upgraded = db().select().from(staffUser).where(eq(staffUser.username, "handlaggare.amal")).get()!
      .passwordHash;
    expect(upgraded).not.toBe(legacy);
    expect(upgraded).toContain(",keyid=");
    expect(await checkPassword("handlaggare.amal", DEV_STAFF_PASSWORD)).toMatchObject({ ok: true });
  });
});
