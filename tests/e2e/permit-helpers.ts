import Database from "better-sqlite3";
import { resolve } from "node:path";
import type { Browser, Page, TestInfo } from "@playwright/test";
import { expect, jsDisabled } from "./fixtures";
import { signAtProvider } from "./signing-helpers";

export const PETER = "198002079294"; // firmatecknare for Johanssons Bygg i Åmål AB
export const JOHANSSONS = "559312-8415";
export const ERIK = "198203249274"; // Bengtsfors, owns Bengtsfors Sågen 1:23

/** A tiny valid-looking PDF: the server checks the content, not the name. */
export function drawing(name: string) {
  return {
    name,
    mimeType: "application/pdf",
    buffer: Buffer.from(`%PDF-1.4\n% ${name}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`),
  };
}

/** A second browser context (another person) with the same JavaScript setting as the project. */
export async function otherContext(browser: Browser, testInfo: TestInfo) {
  const context = await browser.newContext({
    javaScriptEnabled: !jsDisabled(testInfo),
    baseURL: testInfo.project.use.baseURL,
    locale: "sv-SE",
    timezoneId: "Europe/Stockholm",
    viewport: { width: 1280, height: 900 },
  });
  return { context, page: await context.newPage() };
}

/** Read-only look into the e2e server's database (tests/.tmp/e2e, scripts/e2e-server.mjs). */
export function e2eDatabase() {
  return new Database(resolve(process.env.E2E_DATA_DIR ?? "tests/.tmp/e2e", "portal.db"), {
    readonly: true,
    fileMustExist: true,
  });
}

export async function csrfOf(page: Page): Promise<string> {
  return (await page.locator('input[name="_csrf"]').first().getAttribute("value")) ?? "";
}

/**
 * From the check page: signs the application with the test e-ID as `personnummer` (the person
 * logged in), which sends it (decision 085). Returns the text the provider showed.
 */
export async function signAndSubmitPermit(page: Page, personnummer: string): Promise<string> {
  await page.getByRole("link", { name: /^Skriv under och skicka ansökan/ }).click();
  const shown = await signAtProvider(page, personnummer);
  await expect(page).toHaveURL(/\/bygglov\/kvitto\/[A-Z]{3}-\d{4}-\d{6}$/);
  return shown;
}

/** Fills, signs and sends a small façade change (one drawing, no KA, no areas) as `signer`. */
export async function startFacadeChange(page: Page, designation: string, signer = ERIK) {
  await page.goto("/bygglov/ansok");
  await page.getByLabel("Fastighetsbeteckning").fill(designation);
  await page.getByRole("radio", { name: "Fasadändring" }).check();
  await page.getByLabel("Beskriv åtgärden").fill("Byte av fasadpanel och fönster på bostadshuset.");
  await page.getByRole("button", { name: "Fortsätt till ritningar" }).click();
  await expect(page).toHaveURL(/\/bygglov\/ansok\/ritningar$/);
  await page.getByLabel("Välj fil för Fasadritningar").setInputFiles(drawing("fasad.pdf"));
  await page.getByRole("button", { name: "Ladda upp ritningar" }).click();
  await expect(page.getByTestId("missing-none")).toBeVisible();
  await page.goto("/bygglov/ansok/kontrollera");
  await signAndSubmitPermit(page, signer);
  return (await page.getByTestId("case-reference").innerText()).trim();
}
