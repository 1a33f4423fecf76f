import { expect, type Page } from "@playwright/test";

/**
 * At the test e-ID provider (decision 081): its login (a signature always authenticates anew)
 * and its sign page. Returns the text the provider showed, which is what is signed.
 */
export async function signAtProvider(page: Page, personnummer: string): Promise<string> {
  await page.waitForURL(/\/test-idp\//);
  await page.getByLabel("Personnummer").fill(personnummer);
  await page.getByRole("button", { name: "Logga in", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Skriv under med Test-legitimation" })).toBeVisible();
  const shown = (await page.getByRole("region", { name: "Det här skriver du under" }).textContent()) ?? "";
  await page.getByRole("button", { name: "Skriv under", exact: true }).click();
  return shown;
}

/** Signs the case's summary from the case page, then back to the case. */
export async function signWithEId(page: Page, personnummer: string): Promise<string> {
  await page.getByRole("link", { name: "Godkänn och skriv under med e-legitimation" }).click();
  const shown = await signAtProvider(page, personnummer);
  await page.waitForURL(/\/mina-sidor\/arenden\/[A-Z]{3}-\d{4}-\d{6}$/);
  return shown;
}
