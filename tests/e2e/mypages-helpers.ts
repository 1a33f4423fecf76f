import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { expect, type Page } from "@playwright/test";

/** A calendar date `months` from today (YYYY-MM-DD), for start dates the rules accept. */
export function dateFromToday(months: number, days = 0): string {
  const d = new Date();
  d.setUTCMonth(d.getUTCMonth() + months);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The e-mails the local SMTP catcher stored for the e2e server (scripts/e2e-server.mjs). */
export function mailsAbout(reference: string): string[] {
  const dir = resolve(process.env.E2E_DATA_DIR ?? "tests/.tmp/e2e", "mail");
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith(".eml"));
  } catch {
    return [];
  }
  return files
    .map((f) => readFileSync(join(dir, f), "utf8"))
    .filter((m) => m.includes(`X-Case-Reference: ${reference}`));
}

export interface ApplyOptions {
  child: RegExp;
  units: string[];
  desiredStart: string;
  hours?: string;
  specialNeeds?: string;
  income?: string;
  email?: string;
  a11y?: (label?: string) => Promise<void>;
}

/** Applies for förskola through the three steps on Mina sidor; returns the case reference. */
export async function applyForForskola(page: Page, o: ApplyOptions): Promise<string> {
  await page.goto("/mina-sidor/barnomsorg/ansok");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ansök om barnomsorg");
  await expect(page.getByText("Folkbokföringen (testregister)").first()).toBeVisible();
  await o.a11y?.("childcare apply step 1");
  await page.getByRole("radio", { name: o.child }).check();
  await page.getByRole("radio", { name: "Förskola" }).check();
  await page.getByRole("button", { name: "Fortsätt" }).click();
  await expect(page.getByText("Steg 2 av 3")).toBeVisible();
  const labels = ["Förstahandsval", "Andrahandsval (valfritt)", "Tredjehandsval (valfritt)"];
  for (const [i, unit] of o.units.entries()) {
    const select = page.getByLabel(labels[i]!);
    const value = await select.locator("option", { hasText: unit }).first().getAttribute("value");
    await select.selectOption(value!);
  }
  await page.getByLabel("Önskat startdatum").fill(o.desiredStart);
  await page.getByLabel("Omsorgsbehov, timmar per vecka").fill(o.hours ?? "40");
  if (o.specialNeeds) await page.getByLabel(/Behöver barnet särskilt stöd/).fill(o.specialNeeds);
  if (o.income) await page.getByLabel(/Hushållets inkomst före skatt/).fill(o.income);
  if (o.email) await page.getByLabel("E-post för aviseringar (valfritt)").fill(o.email);
  await o.a11y?.("childcare apply step 2");
  await page.getByRole("button", { name: "Granska ansökan" }).click();
  await expect(page.getByText("Steg 3 av 3")).toBeVisible();
  await o.a11y?.("childcare apply check answers");
  await page.getByRole("button", { name: "Skicka ansökan" }).click();
  await page.waitForURL(/\/mina-sidor\/arenden\/[A-Z]{3}-\d{4}-\d{6}$/);
  return page.url().split("/").pop()!;
}
