import { expect, loginAsStaff, test, overflowAt } from "./fixtures";

test.describe("scheduled jobs for portal-wide administrators", () => {
  test("the jobs page lists every job, 'Kör nu' runs one, and it reflows at 320 px without violations", async ({
    page,
    a11y,
  }) => {
    await loginAsStaff(page, "admin.portal");
    await page.getByRole("link", { name: "Schemalagda jobb" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Schemalagda jobb");
    // One row per job in SCHEDULED_JOBS: the outbox, link check, review reminders, offer lapse, clean-up,
    // retention, the staff-SSO inactive-account sweep (decision 064), notification delivery (decision 079)
    // the payment poll (decision 080), the owner-consent reminders and expiry (decision 100) and the diarium index upkeep (decision 168). The jobs'
    // table only: the delivery log below has rows of its own.
    const jobs = page.getByRole("table", { name: "Schemalagda jobb" }).locator("tbody tr");
    await expect(jobs).toHaveCount(11);
    // The delivery log below names notification kinds such as "owner-consent-request", so every row
    // look-up stays inside the jobs' table.
    await expect(jobs.filter({ hasText: "staff-sso-inactive" })).toHaveCount(1);
    await expect(jobs.filter({ hasText: "owner-consent" })).toHaveCount(1);
    await expect(jobs.filter({ hasText: "retention" })).toHaveCount(1);
    const row = jobs.filter({ hasText: "offer-lapse" });
    await row.getByRole("button", { name: /Kör nu/ }).click();
    await expect(page.getByRole("status").filter({ hasText: "offer-lapse" })).toBeVisible();
    await expect(async () => {
      await page.reload();
      await expect(jobs.filter({ hasText: "offer-lapse" })).toContainText("Lyckades");
    }).toPass({ timeout: 15_000 });
    await a11y("admin jobs");
    expect(await overflowAt(page)).toBeLessThanOrEqual(0);
  });
});
