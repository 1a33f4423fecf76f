import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db, prepareDatabase } from "~/db.server";
import { deleteWorkingDraft, getWorkingDraft, saveWorkingDraft } from "~/services/drafts.server";

/**
 * Decision 184: every read of a working copy finds it by owner key and form through
 * form_draft_owner_form (migration 0053). By form_draft_person alone, an anonymous browser's read
 * (person_id IS NULL) walked every anonymous draft, so each step cost more the more visitors had
 * left a form half done (4.3 ms a read with 20,000 of them). The statements are taken as the
 * portal prepares them, and SQLite's own query plan is asked how it runs each.
 */
const prepared: string[] = [];
const prepare = Database.prototype.prepare;
beforeAll(() => {
  prepareDatabase();
  vi.spyOn(Database.prototype, "prepare").mockImplementation(function (this: Database.Database, source: string) {
    prepared.push(source);
    return prepare.call(this, source);
  });
});
afterAll(() => vi.restoreAllMocks());

/** SQLite's plan for `source`, its parameters bound to null (as many as it takes). */
function planOf(source: string): string {
  const explain = prepare.call(db().$client, `explain query plan ${source}`);
  for (let n = 0; n < 40; n++) {
    try {
      const all = explain.all.bind(explain) as (...params: null[]) => { detail: string }[];
      return all(...Array<null>(n).fill(null))
        .map((r) => r.detail)
        .join(" | ");
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
    }
  }
  throw new Error(`no plan for ${source}`);
}

describe("working-copy reads (decision 184)", () => {
  it("find an anonymous browser's and a person's working copy through form_draft_owner_form, never by walking drafts", () => {
    const formId = "felanmalan-gata-park";
    // A person row is not needed for the plan: the statements are the same for any id.
    for (const personId of [null, 424242]) {
      const ownerKey = `draft-lookups-${personId ?? "browser"}`;
      getWorkingDraft({ ownerKey, formId, personId });
      if (personId === null) {
        saveWorkingDraft({
          ownerKey,
          formId,
          formVersion: 1,
          stepId: "fel",
          answers: {},
          municipality: null,
          personId,
        });
        expect(getWorkingDraft({ ownerKey, formId, personId })?.stepId).toBe("fel");
        deleteWorkingDraft({ ownerKey, formId, personId });
        expect(getWorkingDraft({ ownerKey, formId, personId })).toBeUndefined();
      }
    }
    const byOwner = [...new Set(prepared)].filter((s) => /from "form_draft"/.test(s) && /"owner_key" = \?/.test(s));
    // The working copy's read (browser and person), the save's look-up of an existing one, the delete.
    expect(byOwner.length).toBeGreaterThanOrEqual(4);
    expect(byOwner.filter((s) => /"person_id" is null/.test(s)).length).toBeGreaterThanOrEqual(3);
    for (const source of byOwner) {
      const plan = planOf(source);
      expect(plan, source).not.toMatch(/SCAN form_draft\b/);
      // An anonymous browser's: by owner key and form. A person's may go by the person as well.
      if (/"person_id" is null/.test(source)) expect(plan, source).toContain("USING INDEX form_draft_owner_form");
      else expect(plan, source).toMatch(/USING INDEX form_draft_(owner_form|person)/);
    }
  });
});
