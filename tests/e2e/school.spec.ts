import { exclusive, expect, jsDisabled, loginAsResident, loginAsStaff, test } from "./fixtures";
import { applyForSchool, SCHOOL_DRAFT_LOCK } from "./school-helpers";
import { signWithEId } from "./signing-helpers";

const PETER = "198002079294";
const LENA = "197901049283";

async function apply(
  page: import("@playwright/test").Page,
  options: { locked?: boolean; onCheck?: (page: import("@playwright/test").Page) => Promise<void> } = {},
) {
  return applyForSchool(
    page,
    {
      child: /Ella Johansson/,
      type: "Byte av skola",
      school: "Kristinelundskolan F–6, Åmål (Åmål)",
      daysFromToday: 3,
      reason: "Närmare hemmet",
      ...(options.onCheck ? { onCheck: options.onCheck } : {}),
    },
    { locked: options.locked ?? false },
  );
}

test.describe("school applications signed by both guardians", () => {
  test("guardian A applies, guardian B co-signs in another browser, and only then the officer sees it", async ({
    page,
    browser,
    a11y,
  }, testInfo) => {
    test.setTimeout(240_000);
    await loginAsResident(page, PETER, { actFor: "self" });
    // Peter's draft is shared with the other specs' school choices: empty until this one is sent.
    const release = await exclusive(SCHOOL_DRAFT_LOCK);
    let reference: string;
    try {
      // The old address sends on to the e-service's first step, whose server check names the missing answers.
      await page.goto("/mina-sidor/skola/ansok");
      await page.waitForURL(/\/blanketter\/skolval-ansokan\/barn/);
      await page.getByRole("button", { name: "Fortsätt", exact: true }).click();
      await expect(page.getByRole("alert")).toContainText("Välj vilket barn ansökan gäller");
      await expect(page.getByRole("alert")).toContainText("Välj vad du söker");
      await a11y("school apply errors");
      reference = await apply(page, {
        locked: true,
        // The check page names the other guardian, who signs too (decision 102).
        onCheck: async (check) => {
          const row = check.locator(".summary-list__row").filter({ hasText: "Den andra vårdnadshavaren" });
          await expect(row).toContainText("Lena Johansson");
          await expect(row).toContainText("skriver under");
        },
      });
    } finally {
      release();
    }
    await expect(page.getByText("Väntar på underskrift").first()).toBeVisible();
    await a11y("school case waiting");
    // Guardian A signs the summary with e-ID (decision 081); the case still waits for B.
    expect(await signWithEId(page, PETER)).toContain(reference);
    await expect(page.getByRole("status")).toContainText("Du har skrivit under ansökan.");
    await expect(page.getByText(/Signerad med e-legitimation av Peter Johansson den/)).toBeVisible();

    const js = !jsDisabled(testInfo);
    const staffContext = await browser.newContext({ javaScriptEnabled: js });
    const officer = await staffContext.newPage();
    await loginAsStaff(officer, "handlaggare.amal", { redirectTo: "/handlaggare/skola" });
    await expect(officer.getByRole("link", { name: reference })).toHaveCount(0);
    expect((await officer.goto(`/handlaggare/skola/${reference}`))?.status()).toBe(404);

    const lenaContext = await browser.newContext({ javaScriptEnabled: js });
    const lena = await lenaContext.newPage();
    await loginAsResident(lena, LENA);
    await lena.goto("/mina-sidor");
    await lena.getByRole("link", { name: `Skriv under ansökan i ärende ${reference}` }).click();
    // Exactly the answer: Peter's signed text, shown below on the same page, contains "Skäl: Närmare hemmet" too.
    await expect(lena.getByText("Närmare hemmet", { exact: true })).toBeVisible();
    expect(await signWithEId(lena, LENA)).toContain("Skäl: Närmare hemmet");
    await expect(lena.getByRole("status")).toContainText("Du har skrivit under ansökan.");
    await expect(lena.getByText(/Lena Johansson: Godkänd/).first()).toBeVisible();

    await officer.goto("/handlaggare/skola");
    await officer.getByRole("link", { name: reference }).click();
    const signatures = officer.getByRole("table", { name: "Underskrifter" });
    await expect(signatures).toContainText("Peter Johansson");
    await expect(signatures).toContainText("Lena Johansson");
    await expect(signatures.locator("td.hash").first()).toHaveText(/^[0-9a-f]{64}$/);
    await expect(officer.getByText(/Signerad av Peter Johansson den/)).toBeVisible();
    await expect(officer.getByText(/Signerad av Lena Johansson den/)).toBeVisible();
    await expect(officer.getByText("Underskriften stämmer med ansökan.")).toHaveCount(2);
    await a11y("officer school case");
    await staffContext.close();
    await lenaContext.close();
  });

  test("a decline by guardian B stops the application", async ({ page, browser }, testInfo) => {
    test.setTimeout(240_000);
    await loginAsResident(page, PETER, { actFor: "self" });
    const reference = await apply(page);
    const js = !jsDisabled(testInfo);
    const lenaContext = await browser.newContext({ javaScriptEnabled: js });
    const lena = await lenaContext.newPage();
    await loginAsResident(lena, LENA);
    await lena.goto(`/mina-sidor/arenden/${reference}`);
    await lena.getByRole("button", { name: "Neka ansökan" }).click();
    await expect(lena.getByRole("status")).toContainText("Du har nekat ansökan.");
    await page.goto(`/mina-sidor/arenden/${reference}`);
    await expect(page.getByText("Underskrift nekad").first()).toBeVisible();
    const staffContext = await browser.newContext({ javaScriptEnabled: js });
    const officer = await staffContext.newPage();
    await loginAsStaff(officer, "handlaggare.amal", { redirectTo: "/handlaggare/skola" });
    await expect(officer.getByRole("link", { name: reference })).toHaveCount(0);
    expect((await officer.goto(`/handlaggare/skola/${reference}`))?.status()).toBe(404);
    await staffContext.close();
    await lenaContext.close();
  });
});
