import { expect, loginAsResident, test } from "./fixtures";

/**
 * Issue 12 "done when": two people using the same browser one after the other see nothing of
 * each other (review §3). One browser context plays the library computer: Maria logs in, sends
 * a fault report with a photo, starts another one and logs out; Karin logs in at the same
 * browser, then an anonymous visitor comes along. Neither sees Maria's answers, receipt or file.
 */
const MARIA = "199005122388";
const KARIN = "198901012388";
const FORM = "/blanketter/felanmalan-gata-park";
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC",
  "base64",
);

async function logOut(page: import("@playwright/test").Page) {
  await page.locator(".site-header").getByRole("button", { name: "Logga ut" }).click();
  // The provider asks whether to end its session too (RP-initiated logout without an ID token).
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Logga ut från Test-legitimation");
  await page.getByRole("button", { name: "Logga ut" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("status")).toContainText("Du är utloggad");
}

test("the next person at a shared computer sees nothing of the previous one", async ({ page, a11y }, testInfo) => {
  const secret = `Marias hemliga beskrivning ${Date.now().toString(36)}${testInfo.project.name.replace(/\W/g, "")}`;

  // Maria sends a fault report with a photo.
  await loginAsResident(page, MARIA, { redirectTo: `${FORM}/fel`, fresh: true });
  await expect(page).toHaveURL(/\/felanmalan-gata-park\/fel$/);
  await page.getByLabel("Kommun", { exact: true }).selectOption("amal");
  await page.getByLabel("Gatubelysning").check();
  await page.getByLabel("Beskriv felet").fill(secret);
  await page.getByRole("button", { name: "Fortsätt", exact: true }).click();
  await expect(page).toHaveURL(/\/plats$/);
  await page.getByLabel("Var finns felet?").fill("Kanalvägen vid bron");
  await page.getByLabel("Bilder").setInputFiles({ name: "marias-foto.png", mimeType: "image/png", buffer: PNG });
  await page.getByRole("button", { name: "Fortsätt", exact: true }).click();
  await expect(page).toHaveURL(/\/kontakt$/);
  // The photo's address, as the step page links it (read without leaving this step).
  const plats = await (await page.request.get(`${FORM}/plats`)).text();
  const fileUrl = /href="(\/bilagor\/[A-Za-z0-9_-]+)">marias-foto\.png</.exec(plats)?.[1] ?? "";
  expect(fileUrl).toMatch(/^\/bilagor\/[A-Za-z0-9_-]+$/);
  expect((await page.request.get(fileUrl)).status()).toBe(200);
  await page.getByRole("group", { name: "Vill du att vi hör av oss när felet är åtgärdat?" }).getByLabel("Nej").check();
  await page.getByRole("button", { name: "Fortsätt", exact: true }).click();
  await expect(page).toHaveURL(/\/kontrollera$/);
  await page.getByRole("button", { name: "Skicka in" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tack – vi har tagit emot ditt ärende");
  const receiptUrl = new URL(page.url()).pathname;
  expect(receiptUrl).toMatch(/\/kvitto\/AML-\d{4}-\d{6}$/);

  // She starts another report, gets one step in, and logs out.
  await page.goto(`${FORM}/fel`);
  await page.getByLabel("Kommun", { exact: true }).selectOption("amal");
  await page.getByLabel("Gatubelysning").check();
  await page.getByLabel("Beskriv felet").fill(`${secret} (utkast)`);
  await page.getByRole("button", { name: "Fortsätt", exact: true }).click();
  await expect(page).toHaveURL(/\/plats$/);
  await logOut(page);

  // Karin logs in at the same browser: an empty form, and Maria's receipt and photo are not found.
  await loginAsResident(page, KARIN, { redirectTo: `${FORM}/fel`, fresh: true });
  await expect(page).toHaveURL(/\/felanmalan-gata-park\/fel$/);
  await expect(page.getByLabel("Beskriv felet")).toHaveValue("");
  await expect(page.getByText(secret)).toHaveCount(0);
  await a11y("an empty form for the next person");
  expect((await page.goto(receiptUrl))?.status()).toBe(404);
  expect((await page.request.get(fileUrl)).status()).toBe(404);
  expect((await page.request.get(`${receiptUrl}/kvitto.pdf`)).status()).toBe(404);
  await page.goto("/");
  await logOut(page);

  // An anonymous visitor after them: nothing either.
  await page.goto(`${FORM}/fel`);
  await expect(page.getByLabel("Beskriv felet")).toHaveValue("");
  await expect(page.getByText(secret)).toHaveCount(0);
  expect((await page.goto(receiptUrl))?.status()).toBe(404);
  expect((await page.request.get(fileUrl)).status()).toBe(404);
});
