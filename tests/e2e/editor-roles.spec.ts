import type { Browser } from "@playwright/test";
import { join, resolve } from "node:path";
import { openDatabase } from "../../db/client";
import { seedAuthoritiesAndLifeEvents } from "../../db/seed/authorities";
import { baseURL } from "../../playwright.config";
import { exclusive, expect, jsDisabled, loginAsStaff, test } from "./fixtures";

/**
 * Contributors (skribenter) and the life-event guides in /redaktor (docs/decisions/035).
 * Both projects share one database: the contributor journey takes a lock on its page, and each
 * project edits its own guide.
 */

async function residentPage(browser: Browser, jsOff: boolean) {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: !jsOff, locale: "sv-SE" });
  return { page: await context.newPage(), close: () => context.close() };
}

test.describe("editor roles and guides", () => {
  test.describe.configure({ timeout: 180_000 });

  test("a contributor saves a draft but cannot publish (no button, forced POST 403); an editor then publishes it", async ({
    page,
    browser,
    a11y,
  }, testInfo) => {
    const jsOff = jsDisabled(testInfo);
    const summary = `Skribentens sammanfattning (${testInfo.project.name} ${Date.now()}): fullmäktige möts en gång i månaden.`;
    const release = await exclusive("mellerud-kommunfullmaktige");
    try {
      await loginAsStaff(page, "skribent.mellerud", { redirectTo: "/redaktor" });
      await expect(page.getByRole("heading", { level: 1, name: "Redaktör" })).toBeVisible();
      await page.getByRole("link", { name: "Kommunfullmäktige", exact: true }).click();
      const url = page.url();
      await expect(page.getByRole("heading", { level: 1, name: "Redigera: Kommunfullmäktige" })).toBeVisible();
      // The controls a contributor cannot use are not there.
      await expect(page.getByRole("button", { name: "Publicera", exact: true })).toHaveCount(0);
      await expect(page.getByRole("button", { name: "Avpublicera" })).toHaveCount(0);
      await expect(page.getByText("Du kan spara utkast. En redaktör med publiceringsrätt publicerar.")).toBeVisible();
      await a11y("contributor edit page");

      await page.getByLabel("Sammanfattning (svenska)").fill(summary);
      await page.getByRole("button", { name: "Spara utkast" }).click();
      await expect(page.getByRole("status").filter({ hasText: "Utkastet är sparat" })).toBeVisible();
      await a11y("contributor draft saved");

      // Publishing, scheduling and unpublishing by hand-made POSTs: 403 with the reason.
      const csrf = await page.locator('input[name="_csrf"]').first().inputValue();
      const forms: Record<string, string>[] = [
        { _csrf: csrf, intent: "publish" },
        { _csrf: csrf, intent: "publish", publishAt: "2030-01-01T08:00" },
        { _csrf: csrf, intent: "unpublish" },
      ];
      for (const form of forms) {
        const response = await page.request.post(url, { form, maxRedirects: 0 });
        expect(response.status(), JSON.stringify(form)).toBe(403);
        expect(await response.text()).toContain("Som skribent kan du spara utkast men inte publicera");
      }
      // The guides are not theirs either.
      expect((await page.goto("/redaktor/livshandelser"))?.status()).toBe(403);
      await expect(page.getByText("Livshändelseguiderna redigeras av portalredaktörer")).toBeVisible();
      await a11y("403 for a contributor");

      const resident = await residentPage(browser, jsOff);
      await resident.page.goto("/mellerud/sidor/kommunfullmaktige");
      await expect(resident.page.getByText(summary)).toHaveCount(0);

      // An editor publishes the contributor's draft.
      await loginAsStaff(page, "redaktor.mellerud", { redirectTo: new URL(url).pathname });
      await expect(page.getByText("Det finns sparade ändringar som inte är publicerade").first()).toBeVisible();
      await expect(page.getByLabel("Sammanfattning (svenska)")).toHaveValue(summary);
      await page.getByRole("button", { name: "Publicera", exact: true }).click();
      await expect(page.getByRole("status").filter({ hasText: "Texten är publicerad" })).toBeVisible();

      await resident.page.goto("/mellerud/sidor/kommunfullmaktige");
      await expect(resident.page.getByText(summary)).toBeVisible();
      await resident.close();
    } finally {
      release();
    }
  });

  test("a portal editor changes and reorders a guide's steps and publishes; the public guide shows it, and re-seeding does not undo it", async ({
    page,
    browser,
    a11y,
  }, testInfo) => {
    const jsOff = jsDisabled(testInfo);
    const slug = jsOff ? "borja-skolan" : "bli-pensionar";
    const stepTitle = `Ändrat steg (${testInfo.project.name} ${Date.now()})`;

    await loginAsStaff(page, "redaktor.portal", { redirectTo: "/redaktor/livshandelser" });
    await expect(page.getByRole("heading", { level: 1, name: "Livshändelser" })).toBeVisible();
    await a11y("guide list");
    await page.locator(`a[href="/redaktor/livshandelser/${slug}"]`).click();
    await expect(page.getByRole("heading", { level: 1, name: /^Redigera guiden:/ })).toBeVisible();
    await a11y("guide editor");

    const secondBefore = await page.locator('[id="steps.1.titleSv"]').inputValue();
    await page.locator('[id="steps.0.titleSv"]').fill(stepTitle);
    // Move step 1 down (a plain submit button: works without JavaScript).
    await page.getByRole("button", { name: "Flytta ner Steg 1" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Steget är flyttat ner" })).toBeVisible();
    await expect(page.locator('[id="steps.0.titleSv"]')).toHaveValue(secondBefore);
    await expect(page.locator('[id="steps.1.titleSv"]')).toHaveValue(stepTitle);

    // A step without an English title is a field error; nothing is published.
    await page.locator('[id="steps.1.titleEn"]').fill("");
    await page.getByRole("button", { name: "Publicera", exact: true }).click();
    await expect(
      page.getByRole("alert").getByRole("link", { name: "Skriv stegets rubrik på svenska och engelska" }),
    ).toHaveAttribute("href", "#steps.1.titleEn");
    await a11y("guide editor with errors");
    await page.locator('[id="steps.1.titleEn"]').fill(`Changed step (${testInfo.project.name})`);
    await page.getByRole("button", { name: "Publicera", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: "Guiden är publicerad" })).toBeVisible();

    const resident = await residentPage(browser, jsOff);
    await resident.page.goto(`/livshandelser/${slug}`);
    const steps = resident.page.locator("ol.steps > li h3");
    await expect(steps.nth(1)).toContainText(stepTitle);
    await expect(steps.nth(0)).toContainText(secondBefore);

    // What a restart does to the guides: the seed function runs again. It must not undo the edit.
    const dir = resolve(process.env.E2E_DATA_DIR ?? "tests/.tmp/e2e");
    const db = openDatabase(join(dir, "portal.db"));
    db.transaction((tx) => seedAuthoritiesAndLifeEvents(tx));
    db.$client.close();
    await resident.page.goto(`/livshandelser/${slug}?efter-omstart=1`);
    await expect(resident.page.locator("ol.steps > li h3").nth(1)).toContainText(stepTitle);
    await resident.close();
  });
});
