import type { Page } from "@playwright/test";
import { exclusive, expect } from "./fixtures";
import { dateFromToday } from "./mypages-helpers";

/**
 * Files a school choice on the form engine (decision 090) as the logged-in guardian: the child and
 * what is sought, then the school, start date and reason, then "Skicka in" on the check page.
 * Returns the case reference of the case page the engine sends the guardian to.
 */
export async function applyForSchool(
  page: Page,
  input: SchoolChoice,
  { locked = false }: { locked?: boolean } = {},
): Promise<string> {
  // A guardian has one draft per e-service, shared by every browser (decision 090): school
  // choices of the same seeded guardians in other specs and projects must not fill it at once.
  const release = locked ? () => undefined : await exclusive(SCHOOL_DRAFT_LOCK);
  try {
    return await fileSchoolChoice(page, input);
  } finally {
    release();
  }
}

interface SchoolChoice {
  child: RegExp;
  type: string;
  school: string;
  daysFromToday: number;
  reason?: string;
  /** Runs on the check page, before sending. */
  onCheck?: (page: Page) => Promise<void>;
}

/** The cross-worker lock a test holds while it fills a school choice by hand. */
export const SCHOOL_DRAFT_LOCK = "school-draft";

async function fileSchoolChoice(page: Page, input: SchoolChoice): Promise<string> {
  await page.goto("/mina-sidor/skola/ansok"); // the old address sends on to the e-service
  await page.waitForURL(/\/blanketter\/skolval-ansokan\/barn/);
  await page.getByRole("radio", { name: input.child }).check();
  await page.getByRole("radio", { name: input.type }).check();
  await page.getByRole("button", { name: "Fortsätt", exact: true }).click();
  await page.waitForURL(/\/blanketter\/skolval-ansokan\/skola/);
  await page.getByLabel("Önskad skola").selectOption({ label: input.school });
  await page.getByLabel("Önskat startdatum").fill(dateFromToday(input.daysFromToday));
  if (input.reason) await page.getByLabel("Skäl").fill(input.reason);
  await page.getByRole("button", { name: "Fortsätt", exact: true }).click();
  await page.waitForURL(/\/blanketter\/skolval-ansokan\/kontrollera/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await input.onCheck?.(page);
  await page.getByRole("button", { name: "Skicka in" }).click();
  await page.waitForURL(/\/mina-sidor\/arenden\/AML-\d{4}-\d{6}$/, { timeout: 60_000 });
  return page.url().split("/").pop()!;
}
