import { expect, fillWeddingParties, loginAsResident, test } from "./fixtures";

/**
 * Decision 109 (issue 14): a logged-in resident whose browser has chosen no municipality sees the
 * home municipality the population register named at login, in the header and as the first value
 * of a form's municipality question; both can be changed. Sara is registered in Bengtsfors.
 */
const SARA = "198412179288";
const WEDDING = "/blanketter/ansokan-borgerlig-vigsel";
const CHIMNEY = "/blanketter/ansokan-egensotning";

test("a logged-in resident starts at the home municipality: header and forms, changeable", async ({
  page,
  a11y,
}, testInfo) => {
  // Two forms, two languages, a 320 px view and a change of municipality: longer than most.
  test.slow();
  await loginAsResident(page, SARA, { redirectTo: "/", actFor: "self" });
  const header = page.locator(".site-header__municipality");
  await expect(header).toContainText("Bengtsfors");
  await expect(header).not.toContainText("Ingen kommun vald");
  await expect(header.getByRole("link", { name: "Bengtsfors" })).toHaveAttribute("href", "/bengtsfors");
  await expect(header.getByRole("link", { name: "Byt kommun" })).toBeVisible();
  await a11y("header with the home municipality");

  // A form that asks the municipality itself: prefilled from the register, with a hint saying so.
  await fillWeddingParties(page, `sara-vigsel-${testInfo.project.name}@example.se`);
  await expect(page).toHaveURL(/\/vigseln$/);
  const where = page.getByLabel("I vilken kommun vill ni vigas?");
  await expect(where).toHaveValue("bengtsfors");
  await expect(page.getByText("Förvald: kommunen där du är folkbokförd. Du kan välja en annan.")).toBeVisible();
  await expect(where.locator("option")).not.toHaveCount(1);
  await a11y("wedding step with the home municipality");

  // In English too.
  await page.goto(`${WEDDING}/vigseln?lang=en`);
  await expect(page.getByLabel("In which municipality do you want to marry?")).toHaveValue("bengtsfors");
  await expect(
    page.getByText("Preselected: the municipality where you are registered. You can choose another."),
  ).toBeVisible();
  await expect(page.locator(".site-header__municipality")).toContainText("Bengtsfors");
  await expect(
    page.locator(".site-header__municipality").getByRole("link", { name: "Change municipality" }),
  ).toBeVisible();

  // A form without the question: the engine's municipality picker starts at the header's municipality.
  await page.goto(`${CHIMNEY}/anlaggning?lang=sv`);
  await expect(page.getByLabel("Kommun", { exact: true })).toHaveValue("bengtsfors");

  // At 320 px the header still names it (screenshot kept with the test's output).
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto("/mina-sidor");
  await expect(page.locator(".site-header__municipality")).toContainText("Bengtsfors");
  await page.screenshot({ path: testInfo.outputPath("home-municipality-320.png") });

  // Changing it works as for anyone: the choice wins over the home municipality, in the forms too.
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.locator(".site-header__municipality").getByRole("link", { name: "Byt kommun" }).click();
  await expect(page).toHaveURL(/\/valj-kommun\?tillbaka=/);
  const choices = page.getByRole("main");
  await expect(choices.getByRole("link", { name: "Bengtsfors Din kommun" })).toHaveAttribute("aria-current", "true");
  await choices.getByRole("link", { name: "Åmål", exact: true }).click();
  await expect(page).toHaveURL(/\/mina-sidor$/);
  await expect(page.locator(".site-header__municipality")).toContainText("Åmål");
  await page.goto(`${CHIMNEY}/anlaggning`);
  await expect(page.getByLabel("Kommun", { exact: true })).toHaveValue("amal");
  await page.goto(`${WEDDING}/vigseln`);
  // The register's answer still fills the question that asks where the person is registered.
  await expect(page.getByLabel("I vilken kommun vill ni vigas?")).toHaveValue("bengtsfors");
});

test("an anonymous visitor still has no municipality until choosing one", async ({ page }) => {
  await page.goto("/om-webbplatsen");
  await expect(page.locator(".site-header__municipality")).toContainText("Ingen kommun vald.");
});
