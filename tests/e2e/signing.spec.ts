import { expect, jsDisabled, loginAsResident, loginAsStaff, test } from "./fixtures";
import { applyForSchool } from "./school-helpers";
import { signWithEId } from "./signing-helpers";

/**
 * e-ID signatures over OpenID Connect (issue 16 item 1, decision 081): both guardians sign a
 * school application at the test provider in separate browsers, the provider shows the summary
 * they reviewed, the officer sees "Signerad av … den …", and a cancelled signature or a decline
 * keeps the application from the officer.
 */
const PETER = "198002079294";
const LENA = "197901049283";
const MARIA = "199005122388";

async function apply(page: import("@playwright/test").Page, reason: string) {
  return applyForSchool(page, {
    child: /Ella Johansson/,
    type: "Plats i förskoleklass",
    school: "Kristinelundskolan F–6, Åmål (Åmål)",
    daysFromToday: 5,
    reason,
  });
}

test.describe("signing with e-ID", () => {
  test("both guardians sign in separate browsers; the officer sees who signed and when", async ({
    page,
    browser,
    a11y,
  }, testInfo) => {
    test.setTimeout(240_000);
    const js = !jsDisabled(testInfo);
    await loginAsResident(page, PETER, { actFor: "self" });
    const reference = await apply(page, "Syskon på skolan");
    await expect(page.getByText("Väntar på underskrift").first()).toBeVisible();

    // The provider's sign page shows exactly the summary; cancelling signs nothing.
    await page.getByRole("link", { name: "Godkänn och skriv under med e-legitimation" }).click();
    await page.getByLabel("Personnummer").fill(PETER);
    await page.getByRole("button", { name: "Logga in", exact: true }).click();
    const message = page.getByRole("region", { name: "Det här skriver du under" });
    await expect(message).toContainText(`Ansökan ${reference} om skolplats eller skolbyte`);
    await expect(message).toContainText("Skäl: Syskon på skolan");
    await a11y("test-idp sign page");
    await page.getByRole("button", { name: "Avbryt underskriften" }).click();
    await page.waitForURL(new RegExp(`/mina-sidor/arenden/${reference}$`));
    await expect(page.getByRole("status")).toContainText("Du avbröt underskriften");
    await expect(page.getByText(/Signerad (med e-legitimation )?av/)).toHaveCount(0);

    expect(await signWithEId(page, PETER)).toContain("Skäl: Syskon på skolan");
    await expect(page.getByText(/Signerad med e-legitimation av Peter Johansson den/)).toBeVisible();
    await a11y("school case signed by one guardian");

    // Someone who is not a guardian of the child has nothing to sign.
    const mariaContext = await browser.newContext({ javaScriptEnabled: js });
    const maria = await mariaContext.newPage();
    await loginAsResident(maria, MARIA);
    expect((await maria.goto(`/mina-sidor/arenden/${reference}/signera`))?.status()).toBe(404);
    await mariaContext.close();

    const staffContext = await browser.newContext({ javaScriptEnabled: js });
    const officer = await staffContext.newPage();
    await loginAsStaff(officer, "handlaggare.amal", { redirectTo: "/handlaggare/skola" });
    await expect(officer.getByRole("link", { name: reference })).toHaveCount(0);

    const lenaContext = await browser.newContext({ javaScriptEnabled: js });
    const lena = await lenaContext.newPage();
    await loginAsResident(lena, LENA);
    await lena.goto(`/mina-sidor/arenden/${reference}`);
    expect(await signWithEId(lena, LENA)).toContain(reference);
    await expect(lena.getByRole("status")).toContainText("Du har skrivit under ansökan.");

    await officer.goto(`/handlaggare/skola/${reference}`);
    await expect(officer.getByText(/Signerad av Peter Johansson den \d/)).toBeVisible();
    await expect(officer.getByText(/Signerad av Lena Johansson den \d/)).toBeVisible();
    await expect(officer.getByText("Underskriften stämmer med ansökan.")).toHaveCount(2);
    await a11y("officer sees e-ID signatures");
    await staffContext.close();
    await lenaContext.close();
  });

  test("a decline by the second guardian stops the application after the first signed", async ({
    page,
    browser,
  }, testInfo) => {
    test.setTimeout(240_000);
    const js = !jsDisabled(testInfo);
    await loginAsResident(page, PETER, { actFor: "self" });
    const reference = await apply(page, "Kortare skolväg");
    await signWithEId(page, PETER);
    const lenaContext = await browser.newContext({ javaScriptEnabled: js });
    const lena = await lenaContext.newPage();
    await loginAsResident(lena, LENA);
    await lena.goto(`/mina-sidor/arenden/${reference}`);
    await lena.getByRole("button", { name: "Neka ansökan" }).click();
    await expect(lena.getByRole("status")).toContainText("Du har nekat ansökan.");
    await expect(lena.getByRole("link", { name: "Godkänn och skriv under med e-legitimation" })).toHaveCount(0);
    const staffContext = await browser.newContext({ javaScriptEnabled: js });
    const officer = await staffContext.newPage();
    await loginAsStaff(officer, "handlaggare.amal", { redirectTo: "/handlaggare/skola" });
    await expect(officer.getByRole("link", { name: reference })).toHaveCount(0);
    expect((await officer.goto(`/handlaggare/skola/${reference}`))?.status()).toBe(404);
    await staffContext.close();
    await lenaContext.close();
  });
});
