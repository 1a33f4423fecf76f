import type { Page } from "@playwright/test";
import { expect, loginAsResident, test } from "./fixtures";

/**
 * Going back to a step with an uploaded file and pressing "Fortsätt" again, without touching
 * the file, keeps the file (it used to say "En fil som du laddade upp tidigare finns inte
 * längre" with JavaScript on: the browser's check did not know the step's own saved files).
 * Removing the file on that step still deletes it. Logged in and anonymous; both projects
 * (js-on, js-off) run every test.
 */
const FORM = "/blanketter/felanmalan-gata-park";
const ANDERS = "198802292394";
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC",
  "base64",
);

async function backAndContinue(page: Page, photo: string) {
  await page.goto(`${FORM}/fel`);
  await page.getByLabel("Kommun", { exact: true }).selectOption("amal");
  await page.getByLabel("Gatubelysning").check();
  await page.getByLabel("Beskriv felet").fill("Gatlampan vid bron är släckt.");
  await page.getByRole("button", { name: "Fortsätt", exact: true }).click();
  await expect(page).toHaveURL(/\/plats$/);
  await page.getByLabel("Var finns felet?").fill("Kanalvägen vid bron");
  await page.getByLabel("Bilder").setInputFiles({ name: photo, mimeType: "image/png", buffer: PNG });
  await page.getByRole("button", { name: "Fortsätt", exact: true }).click();
  await expect(page).toHaveURL(/\/kontakt$/);

  // Back to "plats": the photo is listed; "Fortsätt" again without changing it.
  await page.getByRole("link", { name: "Tillbaka", exact: true }).click();
  await expect(page).toHaveURL(/\/plats$/);
  const link = page.getByRole("link", { name: photo });
  await expect(link).toBeVisible();
  const fileUrl = (await link.getAttribute("href")) ?? "";
  expect(fileUrl).toMatch(/^\/bilagor\/[A-Za-z0-9_-]+$/);
  await page.getByRole("button", { name: "Fortsätt", exact: true }).click();
  await expect(page).toHaveURL(/\/kontakt$/);
  await expect(page.getByText("finns inte längre")).toHaveCount(0);
  expect((await page.request.get(fileUrl)).status()).toBe(200);

  // Once more back: the same file is still there, and "Ta bort" deletes it for good.
  await page.getByRole("link", { name: "Tillbaka", exact: true }).click();
  await expect(page).toHaveURL(/\/plats$/);
  await expect(page.getByRole("link", { name: photo })).toHaveAttribute("href", fileUrl);
  await page.getByRole("button", { name: new RegExp(`^Ta bort.*${photo.replace(/\./g, "\\.")}`) }).click();
  await expect(page.getByRole("link", { name: photo })).toHaveCount(0);
  expect((await page.request.get(fileUrl)).status()).toBe(404);
}

test("an anonymous reporter goes back to the photo step and goes on with the same photo", async ({
  page,
}, testInfo) => {
  await backAndContinue(page, `anon-${testInfo.project.name}.png`);
});

test("a logged-in resident goes back to the photo step and goes on with the same photo", async ({ page }, testInfo) => {
  await loginAsResident(page, ANDERS, { redirectTo: `${FORM}/fel` });
  await backAndContinue(page, `inloggad-${testInfo.project.name}.png`);
});
