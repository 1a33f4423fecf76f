import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Page } from "@playwright/test";
import { exclusive, expect, test } from "./fixtures";
import { seedChildcareUnits } from "../../db/seed/content/childcare-units";

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
  /** Runs on the check page, before sending. */
  onCheck?: (page: Page) => Promise<void>;
}

/**
 * Waits until a page that ships client JavaScript has hydrated (js-off pages have nothing to wait
 * for): the whole document (Remix) or, on a form page, the form island (decision 108).
 */
export async function hydrated(page: Page): Promise<void> {
  const scripting = test.info().project.use.javaScriptEnabled !== false;
  await page.waitForFunction(
    (scripting) =>
      !("__remixContext" in window || (scripting && document.querySelector("[data-island]"))) ||
      ("hydrated" in document.documentElement.dataset &&
        // A form step re-renders once after hydration (fields registered, unmet conditions hidden),
        // which moves what is below: a click aimed before that lands elsewhere.
        !document.querySelector("form#form-top:not([data-enhanced])")),
    scripting,
  );
}

const MUNICIPALITY_NAMES: Record<string, string> = {
  bengtsfors: "Bengtsfors",
  "dals-ed": "Dals-Ed",
  fargelanda: "Färgelanda",
  mellerud: "Mellerud",
  amal: "Åmål",
};

/**
 * Applies for förskola through the form engine's childcare e-service (decision 089), starting at
 * the old Mina sidor address (which redirects): the child and the municipality of the first unit,
 * the wishes, the check page with the fee, send. Returns the case reference.
 */
/** The cross-worker lock a test holds while it fills a childcare application by hand. */
export const CHILDCARE_DRAFT_LOCK = "childcare-draft";

/**
 * Files a childcare application on the form engine as the logged-in guardian. A guardian has one
 * draft per e-service, shared by every browser (decision 089): the js-on and js-off copies of a
 * journey (and other specs' guardians) take turns, or one sends the draft the other is filling.
 */
export async function applyForForskola(
  page: Page,
  o: ApplyOptions,
  { locked = false }: { locked?: boolean } = {},
): Promise<string> {
  const release = locked ? () => undefined : await exclusive(CHILDCARE_DRAFT_LOCK);
  try {
    return await fileChildcareApplication(page, o);
  } finally {
    release();
  }
}

async function fileChildcareApplication(page: Page, o: ApplyOptions): Promise<string> {
  await page.goto("/mina-sidor/barnomsorg/ansok");
  await page.waitForURL(/\/blanketter\/forskola-ansokan\/barnet$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Barn och omsorgsform");
  await hydrated(page);
  await expect(page.getByText("Barnen i din vårdnad hämtas från folkbokföringen.", { exact: true })).toBeVisible();
  await o.a11y?.("childcare apply step 1");
  await page.getByRole("radio", { name: o.child }).check();
  await page.getByRole("radio", { name: "Förskola", exact: true }).check();
  const first = seedChildcareUnits.find((u) => u.name === o.units[0]);
  if (!first) throw new Error(`no seeded unit "${o.units[0]}"`);
  await page.getByLabel("Kommun", { exact: true }).selectOption({ label: MUNICIPALITY_NAMES[first.municipality]! });
  await page.getByRole("button", { name: "Fortsätt", exact: true }).click();
  await expect(page.getByText("Steg 2 av 2")).toBeVisible();
  await hydrated(page);
  const labels = [/^Förstahandsval/, /^Andrahandsval/, /^Tredjehandsval/];
  for (const [i, unit] of o.units.entries()) {
    const select = page.getByLabel(labels[i]!);
    const value = await select.locator("option", { hasText: unit }).first().getAttribute("value");
    await select.selectOption(value!);
  }
  await page.getByLabel(/^Önskat startdatum/).fill(o.desiredStart);
  await page.getByLabel(/^Omsorgsbehov, timmar per vecka/).fill(o.hours ?? "40");
  if (o.specialNeeds) await page.getByLabel(/Behöver barnet särskilt stöd/).fill(o.specialNeeds);
  if (o.income) await page.getByLabel(/Hushållets inkomst före skatt/).fill(o.income);
  if (o.email) await page.getByLabel(/^E-post för aviseringar/).fill(o.email);
  await o.a11y?.("childcare apply step 2");
  await page.getByRole("button", { name: "Fortsätt", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kontrollera dina svar innan du skickar in");
  await hydrated(page);
  await o.a11y?.("childcare apply check answers");
  await o.onCheck?.(page);
  // Sending files the case, asks the register and notifies both guardians: slow on a busy machine.
  await page.getByRole("button", { name: "Skicka in" }).click({ timeout: 60_000 });
  await page.waitForURL(/\/mina-sidor\/arenden\/[A-Z]{3}-\d{4}-\d{6}$/);
  return page.url().split("/").pop()!;
}
