import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { db, prepareDatabase } from "~/db.server";
import { listMunicipalities } from "~/services/municipalities.server";

/**
 * Decision 183: the municipality list is kept per connection with the table's version (migration
 * 0052's triggers), so it is read from the table only after a write, from this process or another.
 */
beforeAll(() => prepareDatabase());

/** Another instance: its own connection to the same file, as decision 175's test has it. */
function asOtherInstance(write: (other: Database.Database) => void) {
  const other = new Database(db().$client.name);
  try {
    other.pragma("busy_timeout = 5000");
    other.transaction(() => write(other)).immediate();
  } finally {
    other.close();
  }
}

const nameOf = (slug: string) => listMunicipalities().find((m) => m.slug === slug)?.name;

describe("the kept municipality list (decision 183)", () => {
  it("is not read again while nothing wrote to the table: the same frozen rows, a new array each call", () => {
    const first = listMunicipalities();
    const second = listMunicipalities();
    expect(first.length).toBeGreaterThan(0);
    expect(second).not.toBe(first);
    expect(second).toEqual(first);
    second.forEach((row, i) => expect(row).toBe(first[i]));
    expect(Object.isFrozen(second[0])).toBe(true);
    // A caller may sort or filter its own array without touching the next caller's.
    second.reverse();
    expect(listMunicipalities()).toEqual(first);
  });

  it("sees another instance's change, insertion and removal at the next call", () => {
    // The seed's name, read through the kept list before any change.
    const before = nameOf("amal")!;
    expect(before).toBe("Åmål");
    try {
      asOtherInstance((o) =>
        o.prepare("update municipality set name = ? where slug = 'amal'").run("Åmåls kommun (ändrad)"),
      );
      expect(nameOf("amal")).toBe("Åmåls kommun (ändrad)");
      asOtherInstance((o) => {
        const row = o.prepare("select * from municipality where slug = 'amal'").get() as Record<string, unknown>;
        const columns = Object.keys(row).filter((c) => c !== "id");
        const values = columns.map((c) =>
          c === "slug"
            ? "provkommun"
            : c === "name"
              ? "Provkommunen"
              : c === "kommunkod"
                ? "9999"
                : c === "code"
                  ? "PRV"
                  : row[c],
        );
        o.prepare(
          `insert into municipality (${columns.map((c) => `"${c}"`).join(", ")}) values (${columns.map(() => "?").join(", ")})`,
        ).run(...values);
      });
      expect(nameOf("provkommun")).toBe("Provkommunen");
      asOtherInstance((o) => o.prepare("delete from municipality where slug = 'provkommun'").run());
      expect(nameOf("provkommun")).toBeUndefined();
    } finally {
      asOtherInstance((o) => o.prepare("update municipality set name = ? where slug = 'amal'").run(before));
      asOtherInstance((o) => o.prepare("delete from municipality where slug = 'provkommun'").run());
    }
    expect(nameOf("amal")).toBe(before);
  });

  it("keeps nothing read inside a transaction that is rolled back", () => {
    const before = nameOf("amal")!;
    const client = db().$client;
    expect(() =>
      client
        .transaction(() => {
          client.prepare("update municipality set name = ? where slug = 'amal'").run("Namn som rullas tillbaka");
          // Inside the transaction the change is seen, and not kept.
          expect(nameOf("amal")).toBe("Namn som rullas tillbaka");
          throw new Error("roll back");
        })
        .immediate(),
    ).toThrow("roll back");
    expect(nameOf("amal")).toBe(before);
  });

  it("counts every write to the table, from any connection, in page_version (migration 0052)", () => {
    const version = () =>
      db().$client.prepare("select version from page_version where name = 'municipalities'").pluck().get() as number;
    const start = version();
    asOtherInstance((o) => o.prepare("update municipality set phone = phone where slug = 'amal'").run());
    expect(version()).toBe(start + 1);
  });
});
