import { expect, jsDisabled, loginAsResident, loginAsStaff, test, overflowAt } from "./fixtures";

// Tomasz Kowalski (samordningsnummer) is used by no other spec: his settings are this spec's own.
const TOMASZ = "198509662394";

test.describe("notification settings and the delivery log (decision 079)", () => {
  test("a resident turns SMS on with a Swedish mobile number; a wrong number is refused in the field, with and without JavaScript", async ({
    page,
    a11y,
  }, testInfo) => {
    // Two axe runs and two full-page posts: more than the default minute on a busy machine.
    test.setTimeout(150_000);
    await loginAsResident(page, TOMASZ);
    await page.goto("/mina-sidor/installningar");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Aviseringar");
    await a11y("notification settings");

    await page.getByLabel("Skicka sms när något händer").check();
    await page.getByLabel("Mobilnummer").fill("08-123 456 78");
    await page.getByLabel("Skicka e-post när något händer").uncheck();
    await page.getByRole("button", { name: "Spara" }).click();
    const error = "Ange ett svenskt mobilnummer, till exempel 070-123 45 67";
    await expect(page.getByRole("link", { name: error })).toBeVisible();
    await expect(page.getByLabel("Mobilnummer")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Mobilnummer")).toHaveValue("08-123 456 78");
    await a11y("notification settings with an error");

    // Each project saves its own number, so the two runs never read each other's.
    const number = jsDisabled(testInfo) ? "070-111 22 33" : "073-444 55 66";
    await page.getByLabel("Mobilnummer").fill(number);
    await page.getByRole("button", { name: "Spara" }).click();
    await expect(page.getByText("Inställningarna är sparade.")).toBeVisible();
    await page.goto("/mina-sidor/installningar");
    await expect(page.getByLabel("Skicka sms när något händer")).toBeChecked();
    await expect(page.getByLabel("Mobilnummer")).toHaveValue(jsDisabled(testInfo) ? "+46701112233" : "+46734445566");
    await expect(page.getByLabel("Skicka e-post när något händer")).not.toBeChecked();

    expect(await overflowAt(page)).toBeLessThanOrEqual(0);
  });

  test("a portal-wide administrator sees the delivery log without addresses or numbers", async ({ page, a11y }) => {
    await loginAsStaff(page, "admin.portal");
    await page.goto("/admin/jobb");
    await expect(page.getByRole("heading", { level: 2, name: "Senaste aviseringar via e-post och sms" })).toBeVisible();
    await expect(page.locator("tbody tr", { hasText: "notification-delivery" })).toHaveCount(1);
    await expect(page.locator("body")).not.toContainText("+4670");
    await a11y("delivery log");
  });
});
