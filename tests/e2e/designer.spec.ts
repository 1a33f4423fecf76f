/**
 * The e-service designer (decision 075), JavaScript on and off: designer.mellerud copies an
 * e-service, adds a step with an attachment in both languages, previews it with the residents'
 * renderer and publishes it; a visitor then opens it; designer.amal is refused (403).
 */
import { expect, jsDisabled, loginAsStaff, test } from "./fixtures";

test("a Mellerud designer builds, previews and publishes an e-service; Åmål's designer gets 403", async ({
  page,
  a11y,
}, testInfo) => {
  test.setTimeout(240_000); // two staff logins, three axe checks and a build of an e-service
  const id = `designer-test-${jsDisabled(testInfo) ? "off" : "on"}-${Date.now().toString(36)}`;
  await loginAsStaff(page, "designer.mellerud", { redirectTo: "/redaktor/e-tjanster" });
  await expect(page.getByRole("heading", { level: 1, name: "E-tjänster" })).toBeVisible();
  await a11y("designer list");
  await page.getByLabel("Id", { exact: true }).fill(id);
  await page.getByLabel("Kopiera från").selectOption("felanmalan-gata-park");
  await page.getByRole("button", { name: "Skapa e-tjänsten" }).click();
  await page.waitForURL(new RegExp(`/redaktor/e-tjanster/${id}$`));

  const addStep = page.locator("form", { has: page.getByRole("button", { name: "Lägg till ett steg" }) });
  await addStep.getByLabel("Stegets id").fill("bilagor");
  await addStep.getByLabel("Stegets rubrik (svenska)").fill("Bilagor");
  await addStep.getByLabel("Stegets rubrik (engelska)").fill("Attachments");
  await addStep.getByLabel("Fältets namn").fill("foto");
  await addStep.getByLabel("Fälttyp").selectOption("file");
  await addStep.getByLabel("Fråga (svenska)").fill("Foto av platsen");
  await addStep.getByLabel("Fråga (engelska)").fill("Photo of the place");
  await addStep.getByRole("button", { name: "Lägg till ett steg" }).click();
  await expect(page.getByText("Foto av platsen (Bilaga (fil))")).toBeVisible();
  await a11y("designer page");

  await page.getByRole("link", { name: "Förhandsgranska" }).click();
  await expect(page.getByText("Förhandsgranskning av version 1")).toBeVisible();
  await a11y("designer preview");
  await page.goto(`/redaktor/e-tjanster/${id}`);
  await page.getByRole("button", { name: "Publicera ny version" }).click();
  await expect(page.getByText("Den nya versionen är publicerad.")).toBeVisible();
  await expect(page.getByRole("cell", { name: "Publicerad", exact: true })).toBeVisible();

  await loginAsStaff(page, "designer.amal", { redirectTo: "/redaktor/e-tjanster" });
  const refused = await page.goto(`/redaktor/e-tjanster/${id}`);
  expect(refused?.status()).toBe(403);
});
