import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { news, page, reviewReminder, service, staffUser } from "../../db/schema/index";
import { seed } from "../../db/seed/index";
import { db } from "~/db.server";
import { resetEnvForTests } from "~/env.server";
import { runReviewReminders } from "~/services/review-reminders.server";
import { startSmtpCapture, type SmtpCapture } from "./smtp-harness";

/**
 * The review reminder job against a real SMTP server (smtp-server on 127.0.0.1, the same
 * library as the portal's local mail catcher): what arrives, to whom, and that a second run
 * does not send again.
 */
let server: SmtpCapture;
let smtpUrl = "";

function useSmtp(url: string) {
  process.env.SMTP_URL = url;
  process.env.PUBLIC_URL = "https://portal.example.se";
  resetEnvForTests();
}

let english: number; // owner: a staff username whose language is English
let swedish: number; // owner: a plain e-mail address (Swedish)

beforeAll(async () => {
  server = await startSmtpCapture();
  smtpUrl = server.url;
  useSmtp(smtpUrl);
  seed(db());
  // Only the two items of this test are overdue and published with a mailable owner.
  db().update(page).set({ reviewBy: "2099-12-31" }).run();
  db().update(news).set({ reviewBy: "2099-12-31" }).run();
  db().update(service).set({ reviewBy: "2099-12-31" }).run();
  db()
    .insert(staffUser)
    .values({
      username: "granskare.test",
      name: "Greta Granskare",
      email: "greta@example.se",
      passwordHash: "x",
      language: "en",
    })
    .run();
  const rows = db()
    .select({ id: page.id, m: page.municipalityId })
    .from(page)
    .where(eq(page.status, "published"))
    .limit(2)
    .all();
  [english, swedish] = [rows[0]!.id, rows[1]!.id];
  db()
    .update(page)
    .set({ owner: "granskare.test", reviewBy: "2026-01-10", titleEn: "Library opening hours" })
    .where(eq(page.id, english))
    .run();
  db()
    .update(page)
    .set({ owner: "ansvarig@dalsed.example.se", reviewBy: "2026-01-20", titleSv: "Badplatser i kommunen" })
    .where(eq(page.id, swedish))
    .run();
});

afterAll(async () => {
  await server.close();
  delete process.env.SMTP_URL;
  delete process.env.PUBLIC_URL;
  resetEnvForTests();
});

beforeEach(() => {
  useSmtp(smtpUrl);
});

const now = new Date("2026-02-01T08:00:00Z");
const only = (to: string) => server.mails.filter((m) => m.to && !Array.isArray(m.to) && m.to.text === to);

describe("review reminders", () => {
  it("mails each owner once, in their language, with a link to the item in /redaktor", async () => {
    const run = await runReviewReminders({ now, repeatDays: 7, graceDays: 30 });
    expect(run.sent).toBe(2);
    expect(run.failed).toBe(0);
    expect(server.mails).toHaveLength(2);

    const [en] = only("greta@example.se");
    expect(en?.subject).toBe("Time to review: Library opening hours");
    expect(en?.text).toContain("Hello Greta Granskare,");
    expect(en?.text).toContain("due for review on 2026-01-10");
    expect(en?.text).toContain("residents stop seeing it from 2026-02-10");
    expect(en?.text).toContain(`https://portal.example.se/redaktor/sidor/${english}?lang=en`);

    const [sv] = only("ansvarig@dalsed.example.se");
    expect(sv?.subject).toBe("Dags att granska: Badplatser i kommunen");
    expect(sv?.text).toContain("skulle ha granskats senast 2026-01-20");
    expect(sv?.text).toContain(`https://portal.example.se/redaktor/sidor/${swedish}`);
    expect(sv?.from?.text).toContain("noreply@dalsland.example.se");

    const recorded = db().select().from(reviewReminder).where(eq(reviewReminder.contentId, english)).get();
    expect(recorded).toMatchObject({ contentType: "page", reviewBy: "2026-01-10", recipient: "greta@example.se" });
  });

  it("a second run does not send again", async () => {
    const run = await runReviewReminders({ now: new Date(now.getTime() + 3_600_000), repeatDays: 7, graceDays: 30 });
    expect(run).toMatchObject({ sent: 0, alreadySent: 2 });
    expect(server.mails).toHaveLength(2);
  });

  it("sends again when the review-by date changes, and after the re-remind interval", async () => {
    db().update(page).set({ reviewBy: "2026-01-25" }).where(eq(page.id, swedish)).run();
    const changed = await runReviewReminders({
      now: new Date(now.getTime() + 2 * 3_600_000),
      repeatDays: 7,
      graceDays: 30,
    });
    expect(changed.sent).toBe(1);
    expect(only("ansvarig@dalsed.example.se")).toHaveLength(2);
    expect(only("greta@example.se")).toHaveLength(1);

    // A week later both owners are reminded again; with repeatDays 0 never.
    const later = new Date(now.getTime() + 8 * 86_400_000);
    expect((await runReviewReminders({ now: later, repeatDays: 0, graceDays: 30 })).sent).toBe(0);
    expect((await runReviewReminders({ now: later, repeatDays: 7, graceDays: 30 })).sent).toBe(2);
    expect(server.mails).toHaveLength(5);
  });

  it("an item reviewed again (a future review-by date) is not mailed; nor is an owner without an address", async () => {
    db().update(page).set({ reviewBy: "2027-01-01" }).where(eq(page.id, english)).run();
    db().update(page).set({ owner: "Redaktionen", reviewBy: "2026-01-05" }).where(eq(page.id, swedish)).run();
    const run = await runReviewReminders({
      now: new Date(now.getTime() + 9 * 86_400_000),
      repeatDays: 7,
      graceDays: 30,
    });
    expect(run).toMatchObject({ overdue: 1, sent: 0, unresolved: 1 });
    expect(server.mails).toHaveLength(5);
  });

  it("a mail the SMTP server did not take is not recorded, so the next run tries again", async () => {
    db().update(page).set({ owner: "granskare.test", reviewBy: "2026-01-30" }).where(eq(page.id, english)).run();
    useSmtp("smtp://127.0.0.1:1"); // nothing listens there
    const failed = await runReviewReminders({
      now: new Date(now.getTime() + 10 * 86_400_000),
      repeatDays: 7,
      graceDays: 30,
    });
    expect(failed.failed).toBe(1);
    expect(db().select().from(reviewReminder).where(eq(reviewReminder.contentId, english)).get()?.reviewBy).toBe(
      "2026-01-10",
    );
    useSmtp(smtpUrl);
    const retried = await runReviewReminders({
      now: new Date(now.getTime() + 10 * 86_400_000),
      repeatDays: 7,
      graceDays: 30,
    });
    expect(retried.sent).toBe(1);
    expect(only("greta@example.se")).toHaveLength(3);
  });
});
