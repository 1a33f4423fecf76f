import type { Browser } from "@playwright/test";
import { baseURL } from "../../playwright.config";
import { expect, jsDisabled, loginAsStaff, test } from "./fixtures";

/**
 * Publishing for administrations (/redaktor). Both projects share one database, so each
 * project works on its own items (and every text carries the project's name).
 */

async function residentPage(browser: Browser, jsOff: boolean) {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: !jsOff, locale: "sv-SE" });
  return { page: await context.newPage(), close: () => context.close() };
}

test.describe("publishing for administrations", () => {
  // Long journeys with two TOTP logins on a shared two-core machine.
  test.describe.configure({ timeout: 150_000 });

  test("an editor edits a service, checks the language, previews it and publishes it; a resident then sees the change", async ({
    page,
    browser,
    a11y,
  }, testInfo) => {
    const jsOff = jsDisabled(testInfo);
    const [slug, title] = jsOff
      ? ["pedagogisk-omsorg", "Pedagogisk omsorg (dagbarnvårdare)"]
      : ["feriearbete", "Feriearbete för ungdomar"];
    const summary = `Ny sammanfattning (${testInfo.project.name} ${Date.now()}): vi hjälper dig att komma igång.`;

    await loginAsStaff(page, "redaktor.mellerud", { redirectTo: "/redaktor" });
    await expect(page.getByRole("heading", { level: 1, name: "Redaktör" })).toBeVisible();
    await a11y("/redaktor");
    await page.getByRole("link", { name: title, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Redigera: ${title}` })).toBeVisible();
    await a11y("edit page");

    // A missing Swedish title is a field error with a summary that links to the field.
    await page.getByLabel("Rubrik (svenska)").fill("");
    await page.getByRole("button", { name: "Spara utkast" }).click();
    const summaryBox = page.getByRole("alert");
    await expect(summaryBox.getByRole("link", { name: "Skriv en rubrik på svenska" })).toHaveAttribute(
      "href",
      "#titleSv",
    );
    await expect(page.getByLabel("Rubrik (svenska)")).toHaveAttribute("aria-invalid", "true");
    await a11y("edit page with errors");

    await page.getByLabel("Rubrik (svenska)").fill(title);
    await page.getByLabel("Sammanfattning (svenska)").fill(summary);
    await page.getByRole("button", { name: "Kontrollera språket" }).click();
    await expect(page.getByRole("heading", { level: 2, name: "Språkkontroll" })).toBeVisible();
    await expect(page.getByText(/Läsbarhetsindex \(LIX\): \d+/).first()).toBeVisible();
    await a11y("language check");

    await page.getByRole("button", { name: "Spara utkast" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Utkastet är sparat" })).toBeVisible();
    await a11y("draft saved");

    // The draft is not public yet.
    const resident = await residentPage(browser, jsOff);
    await resident.page.goto(`/tjanster/${slug}`);
    await expect(resident.page.getByText(summary)).toHaveCount(0);

    await page.getByRole("link", { name: "Förhandsvisa" }).click();
    await expect(page.getByText("Förhandsvisning", { exact: true }).first()).toBeVisible();
    await expect(page.getByText(summary)).toBeVisible();
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
    await a11y("preview");
    await page.getByRole("link", { name: "Tillbaka till redigeringen" }).click();

    await page.getByRole("button", { name: "Publicera", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: "Texten är publicerad" })).toBeVisible();

    await page.getByRole("link", { name: "Versionshistorik" }).click();
    await expect(page.getByRole("table", { name: /Skillnader från version/ })).toBeVisible();
    await expect(page.locator(".diff ins").filter({ hasText: testInfo.project.name }).first()).toBeVisible();
    await a11y("history and diff");

    await resident.page.goto(`/tjanster/${slug}`);
    await expect(resident.page.getByText(summary)).toBeVisible();
    await expect(resident.page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await resident.close();
  });

  test("an editor in Mellerud cannot open or change an Åmål service (403 on GET and POST)", async ({ page, a11y }) => {
    await loginAsStaff(page, "redaktor.amal", { redirectTo: "/redaktor" });
    const href = await page.getByRole("link", { name: "Medborgarförslag", exact: true }).getAttribute("href");
    expect(href).toMatch(/^\/redaktor\/tjanster\/\d+$/);

    await loginAsStaff(page, "redaktor.mellerud", { redirectTo: "/redaktor" });
    await expect(page.getByRole("link", { name: "Medborgarförslag", exact: true })).toHaveCount(0);
    // A valid CSRF token from one of Mellerud's own pages: the 403 must come from the scope check.
    await page.getByRole("link", { name: "Feriearbete för ungdomar", exact: true }).click();
    const csrf = await page.locator('input[name="_csrf"]').first().inputValue();

    for (const path of [href!, `${href}/historik`, `${href}/forhandsvisning`]) {
      expect((await page.goto(path))?.status(), path).toBe(403);
    }
    await a11y("403");
    for (const [path, form] of [
      [href!, { _csrf: csrf, intent: "save", titleSv: "Kapad", summarySv: "x", owner: "x", reviewBy: "2030-01-01" }],
      [href!, { _csrf: csrf, intent: "publish" }],
      [`${href}/historik`, { _csrf: csrf, version: "1" }],
      [`${href}/kommun/amal`, { _csrf: csrf, feeSv: "0 kr" }],
    ] as const) {
      const response = await page.request.post(path, { form: { ...form }, maxRedirects: 0 });
      expect(response.status(), `POST ${path}`).toBe(403);
    }
    await page.goto("/tjanster/medborgarforslag");
    await expect(page.getByRole("heading", { level: 1, name: "Medborgarförslag" })).toBeVisible();
  });

  test("an item past its review-by date beyond the grace period disappears for residents", async ({
    page,
    browser,
    a11y,
  }, testInfo) => {
    const jsOff = jsDisabled(testInfo);
    const [editor, municipality] = jsOff ? ["redaktor.bengtsfors", "bengtsfors"] : ["redaktor.mellerud", "mellerud"];
    const path = `/${municipality}/nyheter/forskoleansokan-hosten`;
    const resident = await residentPage(browser, jsOff);
    expect((await resident.page.goto(path))?.status()).toBe(200);

    await loginAsStaff(page, editor, { redirectTo: "/redaktor" });
    await page.getByRole("link", { name: "Ansök om förskoleplats inför hösten", exact: true }).click();
    await page.getByLabel("Granska senast").fill("2001-01-31");
    await page.getByRole("button", { name: "Spara utkast" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Utkastet är sparat" })).toBeVisible();
    await page.getByRole("button", { name: "Publicera", exact: true }).click();
    await expect(page.getByText("Dold – granskning försenad")).toBeVisible();

    expect((await resident.page.goto(path))?.status()).toBe(404);
    await resident.close();

    await page.goto("/redaktor");
    // Overdue items come first, with owner and date.
    const firstRow = page.locator("table.editor-items tbody tr").first();
    await expect(firstRow).toContainText("Försenad");
    await expect(page.locator("table.editor-items tbody tr", { hasText: "2001-01-31" }).first()).toContainText(
      "Dold – granskning försenad",
    );
    await a11y("/redaktor with overdue items");
  });
});
