import { resolve } from "node:path";
import Database from "better-sqlite3";
import type { Page } from "@playwright/test";
import { expect, loginAsStaff, test } from "./fixtures";

/**
 * Officer tools (issue 15 item 4, decision 078), with JavaScript on and off: search by name
 * ignoring diacritics, paging, sorting by a column header, bulk assignment of 20 cases,
 * workload, unassignment and a file attached to a message to the applicant. Each project
 * works on 60 fresh Dals-Ed cases of its own, so no other spec's data changes.
 */
const COUNT = 60;

/** Writes the project's own cases into the e2e database (the server reads them like any other). */
function freshCases(tag: string, base: number): string[] {
  const db = new Database(resolve(process.env.E2E_DATA_DIR ?? "tests/.tmp/e2e", "portal.db"), { fileMustExist: true });
  try {
    db.pragma("busy_timeout = 5000");
    const m = db.prepare("select id from municipality where slug = 'dals-ed'").get() as { id: number };
    const a = db.prepare("select id from administration where municipality_id = ? limit 1").get(m.id) as { id: number };
    const insert = db.prepare(
      `insert or ignore into "case" (reference, municipality_id, administration_id, form_id, form_version, area, status, data, idempotency_key)
       values (?, ?, ?, 'allman-fraga', 1, 'allmant', 'received', ?, ?)`,
    );
    const refs: string[] = [];
    db.transaction(() => {
      for (let i = 1; i <= COUNT; i++) {
        const reference = `DED-2026-${base + i}`;
        refs.push(reference);
        insert.run(
          reference,
          m.id,
          a.id,
          JSON.stringify({ applicant: { name: `Verktygstést Öberg-${tag}` } }),
          reference,
        );
      }
    })();
    return refs;
  } finally {
    db.close();
  }
}

const rows = (page: Page) => page.getByTestId("search-results").locator("tbody tr");

test("an officer searches by name, pages, sorts, bulk-assigns 20 cases, unassigns one and attaches a file", async ({
  page,
  a11y,
}, testInfo) => {
  testInfo.setTimeout(testInfo.timeout + 360_000);
  const tag = testInfo.project.name === "js-off" ? "jsoff" : "json";
  const refs = freshCases(tag, tag === "jsoff" ? 820_000 : 810_000);

  await loginAsStaff(page, "handlaggare.dals-ed", { redirectTo: "/handlaggare" });
  await page.getByRole("link", { name: "Sök bland alla ärenden" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sök ärenden");
  await a11y("search form");

  // Case- and diacritic-insensitive name search.
  await page.getByLabel("Sökandens namn").fill(`verktygstest oberg-${tag}`);
  await page.getByRole("button", { name: "Sök", exact: true }).click();
  await expect(page.getByTestId("search-results").locator("caption")).toContainText("60 ärenden, sida 1 av 2");
  await expect(rows(page)).toHaveCount(50);
  await a11y("search results");

  // Sorting by the reference column header, ascending then descending.
  await page.getByTestId("sort-reference").click();
  await expect(rows(page).first()).toHaveAttribute("data-reference", refs[0]!);
  await page.getByTestId("sort-reference").click();
  await expect(rows(page).first()).toHaveAttribute("data-reference", refs[COUNT - 1]!);

  // Paging: the second page holds the last ten.
  await page.getByTestId("next-page").click();
  await expect(rows(page)).toHaveCount(10);
  await expect(page.locator('.pagination [aria-current="page"]')).toHaveText("Sida 2");
  await expect(rows(page).first()).toHaveAttribute("data-reference", refs[9]!);
  await page.getByRole("link", { name: "Sida 1" }).click();

  // Bulk assignment of 20 cases to the officer, in one submit.
  const chosen = refs.slice(COUNT - 20).reverse();
  for (const ref of chosen) await page.getByLabel(`Markera ${ref}`).check();
  await page.locator("#staffId").selectOption({ label: "Gustav Ek" });
  await page.getByTestId("bulk-assign").click();
  await expect(page.getByText("20 ärenden har tilldelats.")).toBeVisible();
  for (const ref of chosen)
    await expect(rows(page).and(page.locator(`[data-reference="${ref}"]`))).toContainText("Gustav Ek");
  await expect(rows(page).and(page.locator(`[data-reference="${refs[0]}"]`))).toHaveCount(0); // on page 2

  // Nothing selected: a field error, nothing assigned.
  await page.getByTestId("bulk-assign").click();
  await expect(page.getByTestId("bulk-error")).toHaveText("Markera minst ett ärende att tilldela");

  // An invalid personnummer is a field error (400), not a search.
  const bad = await page.goto(`/handlaggare/sok?personnummer=12345`);
  expect(bad?.status()).toBe(400);
  await expect(page.locator(".error-summary")).toContainText("Ange ett personnummer");
  await a11y("search error");

  // Workload: the officer's open cases, linked to the search.
  await page.goto("/handlaggare/arbetsbelastning");
  const mine = page.getByTestId("workload").locator("tbody tr", { hasText: "Gustav Ek" });
  expect(Number(await mine.getByTestId("workload-total").innerText())).toBeGreaterThanOrEqual(20);
  await a11y("workload");

  // Unassign one case on its page.
  const one = chosen[0]!;
  await page.goto(`/handlaggare/arenden/${one}`);
  await expect(page.getByTestId("assigned-to")).toContainText("Gustav Ek");
  await page.getByTestId("unassign").click();
  await expect(page.getByText("Tilldelningen är borttagen.")).toBeVisible();
  await expect(page.getByTestId("unassign")).toHaveCount(0);

  // A message to the applicant with a PDF attached; the officer can download it again.
  await page.locator("#applicant-message").fill("Här kommer underlaget.");
  await page.getByLabel("Bifoga filer (valfritt)").setInputFiles({
    name: "underlag.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"),
  });
  await page.getByRole("button", { name: "Skicka meddelande" }).click();
  const link = page.getByTestId("case-messages").getByRole("link", { name: /underlag\.pdf/ });
  await expect(link).toBeVisible();
  const file = await page.request.get((await link.getAttribute("href"))!);
  expect(file.status()).toBe(200);
  expect((await file.body()).toString()).toContain("%PDF-1.4");
  await a11y("case with attachment");
});
