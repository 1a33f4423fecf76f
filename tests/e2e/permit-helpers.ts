import Database from "better-sqlite3";
import { resolve } from "node:path";
import type { Browser, Page, TestInfo } from "@playwright/test";
import { expect, jsDisabled } from "./fixtures";
import { hydrated } from "./mypages-helpers";
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

export const BYGGLOV = "/blanketter/bygglov-ansokan";

/** The engine's "Continue" on a step of the bygglov form (both projects: a native post without JavaScript). */
export async function continueStep(page: Page) {
  await page.getByRole("button", { name: "Fortsätt", exact: true }).click();
}

/** What an engine walk of bygglov fills in (decision 110): a façade change needs one drawing. */
export interface EngineBygglov {
  /** Answer "Äger du fastigheten?" (default yes). */
  isOwner?: boolean;
  measure?: "Fasadändring" | "Nybyggnad" | "Tillbyggnad";
  description?: string;
  /** Areas in m² (new building, extension). */
  buildingArea?: string;
  grossFloorArea?: string;
  ka?: { name: string; certification: string };
  /** Drawing label → file name, uploaded on the drawings step. */
  drawings?: Record<string, string>;
}

/**
 * Walks the engine's bygglov form (`/blanketter/bygglov-ansokan`, decisions 097, 104, 110) from its
 * first step to the check page, where the fee is shown. The person must be logged in and acting for
 * the party the draft is for; a draft left from before is overwritten step by step.
 */
export async function startEngineBygglov(page: Page, designation: string, opts: EngineBygglov = {}) {
  await page.goto(`${BYGGLOV}/fastighet`);
  await expect(page).toHaveURL(/\/blanketter\/bygglov-ansokan\/fastighet$/);
  // Answers typed before the form island hydrates can be reset by it: each step waits for it.
  await hydrated(page);
  await page.getByLabel("Fastighetsbeteckning").fill(designation);
  await page
    .getByRole("group", { name: /Äger du fastigheten/ })
    .getByLabel(opts.isOwner === false ? "Nej" : "Ja", { exact: true })
    .check();
  await continueStep(page);
  await expect(page).toHaveURL(/\/atgard$/);
  await hydrated(page);
  await page.getByRole("radio", { name: opts.measure ?? "Fasadändring", exact: true }).check();
  await page
    .getByLabel("Beskriv vad du ska göra")
    .fill(opts.description ?? "Byte av fasadpanel och fönster på bostadshuset.");
  if (opts.buildingArea) await page.getByLabel("Byggnadsarea (BYA)").fill(opts.buildingArea);
  if (opts.grossFloorArea) await page.getByLabel("Bruttoarea (BTA)").fill(opts.grossFloorArea);
  if (opts.ka) {
    await page.getByLabel("Kontrollansvarigs namn").fill(opts.ka.name);
    await page.getByLabel("Kontrollansvarigs behörighetsnummer").fill(opts.ka.certification);
  }
  await continueStep(page);
  await expect(page).toHaveURL(/\/ritningar$/);
  await hydrated(page);
  for (const [label, file] of Object.entries(opts.drawings ?? { Fasadritningar: "fasad.pdf" }))
    await page.getByLabel(label, { exact: true }).setInputFiles(drawing(file));
  await continueStep(page);
  await expect(page).toHaveURL(/\/kontakt$/);
  await continueStep(page);
  await expect(page).toHaveURL(/\/blanketter\/bygglov-ansokan\/kontrollera$/);
  await expect(page.getByText("Beräknad avgift enligt kommunens taxa")).toBeVisible();
}

/**
 * From the engine's check page: signs the application with the test e-ID as `personnummer` (the
 * person logged in), which sends it (decisions 085, 105). Returns the text the provider showed.
 */
export async function signAndSubmitPermit(page: Page, personnummer: string): Promise<string> {
  await page.getByRole("link", { name: "Skriv under och skicka in" }).click();
  const shown = await signAtProvider(page, personnummer);
  await expect(page).toHaveURL(/\/(bygglov\/kvitto|mina-sidor\/arenden)\/[A-Z]{3}-\d{4}-\d{6}$/);
  return shown;
}

/** The case reference of the page the signature led to (the receipt or the case on Mina sidor). */
export function referenceOf(page: Page): string {
  return /([A-Z]{3}-\d{4}-\d{6})$/.exec(new URL(page.url()).pathname)?.[1] ?? "";
}

/** Fills, signs and sends a small façade change on the engine (one drawing, no KA, no areas) as `signer`. */
export async function startFacadeChange(page: Page, designation: string, signer = ERIK) {
  await startEngineBygglov(page, designation);
  await signAndSubmitPermit(page, signer);
  return referenceOf(page);
}
