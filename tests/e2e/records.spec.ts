import { expect, jsDisabled, loginAsStaff, test, overflowAt } from "./fixtures";

// Retention rules and their dry run (docs/decisions/059), as a municipal admin uses them.
// The two projects run side by side on one database, so each takes its own municipality.
test.describe("retention rules and the dry run for a municipal admin", () => {
  test("opened from the staff start page: a bad period is refused in the field, a rule is saved and the dry run lists only the admin's municipality", async ({
    page,
    a11y,
  }, testInfo) => {
    const [username, municipality] = jsDisabled(testInfo)
      ? ["admin.fargelanda", "Färgelanda"]
      : ["admin.mellerud", "Mellerud"];
    await loginAsStaff(page, username);
    await page.getByRole("link", { name: "Gallring och arkivering" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Gallring och arkivering");
    // Only the admin's own municipality can be chosen.
    await expect(page.getByLabel("Kommun").locator("option")).toHaveText([municipality]);
    // Case types are named by their e-service titles, not by form ids.
    const caseType = page.getByLabel("Ärendetyp");
    await expect(caseType.locator("option", { hasText: "Ansök om bygglov, rivningslov eller marklov" })).toHaveCount(1);
    await expect(caseType.locator("option", { hasText: "bygglov-ansokan" })).toHaveCount(0);
    await a11y("retention rules");

    await caseType.selectOption({ label: "Ansök om bygglov, rivningslov eller marklov" });
    await page.getByLabel("Arkivera och gallra personuppgifterna", { exact: false }).check();
    const period = page.getByLabel("Tid i månader efter beslut eller avslut");
    await period.fill("tolv");
    const refused = page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/admin/gallring"));
    await page.getByRole("button", { name: "Spara regeln" }).click();
    expect((await refused).status()).toBe(400);
    const summary = page.getByRole("alert").filter({ hasText: "Det finns ett fel" });
    await expect(
      summary.getByRole("link", { name: "Ange tiden som ett heltal mellan 1 och 1200 månader" }),
    ).toHaveAttribute("href", "#periodMonths");
    await expect(period).toHaveAttribute("aria-invalid", "true");
    await expect(period).toHaveValue("tolv");
    // What was chosen stays chosen, so only the period has to be corrected.
    await expect(caseType).toHaveValue("bygglov-ansokan");
    await a11y("retention rules with a field error");

    await period.fill("1");
    await page.getByLabel("Referens i dokumenthanteringsplanen (valfri)").fill("3.2.1");
    await page.getByRole("button", { name: "Spara regeln" }).click();
    await expect(page.getByText("Gallringsregeln är sparad.")).toBeVisible();
    const row = page.locator("tbody tr", { hasText: "Ansök om bygglov, rivningslov eller marklov" });
    await expect(row).toContainText(municipality);
    await expect(row).toContainText("3.2.1");
    expect(await overflowAt(page)).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1280, height: 900 });

    // The seeded building-permit history holds cases decided months ago: a one-month rule names them.
    await page.getByRole("link", { name: "Se vad nästa körning skulle göra (provkörning)" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Provkörning av gallring");
    const rows = page.locator("tbody tr");
    await expect(rows.first()).toContainText("Arkiveras och gallras");
    const municipalities = await rows.locator("td:nth-of-type(1)").allTextContents();
    expect(municipalities.length).toBeGreaterThan(0);
    expect(new Set(municipalities)).toEqual(new Set([municipality]));
    await expect(rows.first()).toContainText("Ansök om bygglov, rivningslov eller marklov");
    await a11y("retention dry run");
    expect(await overflowAt(page)).toBeLessThanOrEqual(0);

    // Remove the rule again, so that nothing of this test stays for others.
    await page.goto("/admin/gallring");
    await row.getByRole("button", { name: /Ta bort regeln/ }).click();
    await expect(page.getByText("Gallringsregeln är borttagen.")).toBeVisible();
    await expect(row).toHaveCount(0);
  });
});
