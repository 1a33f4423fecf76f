import { expect, jsDisabled, loginAsResident, test } from "./fixtures";

// The catalogue's e-services as seed documents (issue 14 item 4, decision 076), walked as a
// resident does, with JavaScript on and off: the list and one public e-service whose subject the
// register shows (the e-ID-only, signed social-services one: tests/e2e/form-signing.spec.ts).

// A logged-in person's draft belongs to the person (decision 042), so the two projects, which run
// at the same time, each need their own: Lena files nothing else in the browser tests; Peter signs
// for companies and chooses to act for himself, as an e-ID form requires.
const RESIDENT = { "js-on": "197901049283", "js-off": "198002079294" } as const;
const residentFor = (testInfo: { project: { name: string } }) =>
  RESIDENT[testInfo.project.name as keyof typeof RESIDENT] ?? RESIDENT["js-on"];
const BISTAND = "/blanketter/ansokan-ekonomiskt-bistand";
const FORSLAG = "/blanketter/medborgarforslag";

async function next(page: import("@playwright/test").Page) {
  await page.getByRole("button", { name: "Fortsätt", exact: true }).click();
}

test.describe("the catalogue's e-services", () => {
  test("/blanketter lists at least 33 e-services, the e-ID ones marked as such", async ({ page, a11y }) => {
    await page.goto("/blanketter?kommun=amal");
    const online = page.getByRole("link", { name: /^Fyll i på webben \(/ });
    expect(await online.count()).toBeGreaterThanOrEqual(33);
    const bistand = page.getByRole("listitem").filter({ hasText: "Ansöka om ekonomiskt bistånd" });
    await expect(bistand.getByText("Kräver e-legitimation · omfattas av sekretess")).toBeVisible();
    await expect(page.getByRole("link", { name: "Ladda ner PDF (Ansöka om ekonomiskt bistånd)" })).toHaveAttribute(
      "href",
      `${BISTAND}.pdf`,
    );
    const pdf = await page.request.get(`${BISTAND}.pdf`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    await a11y("blanketter with the catalogue's e-services");
  });

  test("a citizen proposal is sent and its title is the subject the diarium shows", async ({ page }, testInfo) => {
    const jsOff = jsDisabled(testInfo);
    const title = `Fler bänkar vid hamnen ${Date.now().toString(36)}${jsOff ? "off" : "on"}`;
    await loginAsResident(page, residentFor(testInfo), { redirectTo: FORSLAG, actFor: "self" });
    await expect(page).toHaveURL(new RegExp(`${FORSLAG}/forslag$`));

    // Nothing filled in: field-level messages, never a 500.
    await next(page);
    await expect(page.getByRole("alert").filter({ hasText: "Något behöver rättas till" })).toBeVisible();

    const kommun = page.getByLabel("Kommun", { exact: true });
    if (await kommun.count()) await kommun.selectOption("amal");
    await page.getByLabel("Rubrik").fill(title);
    await page.getByLabel("Beskriv ditt förslag").fill("Ställ ut fler bänkar längs gästhamnen.");
    await page.getByLabel("Varför är förslaget bra för kommunen?").fill("Äldre behöver kunna vila på vägen.");
    await next(page);

    await expect(page).toHaveURL(/\/kontakt$/);
    await page.getByLabel("Ditt namn").fill("Förslagsställaren Johansson");
    await page.getByLabel("Telefonnummer").fill("070-222 33 44");
    await page.getByLabel("E-postadress").fill(`lena-forslag-${testInfo.project.name}@example.se`);
    await next(page);
    await page.getByRole("button", { name: "Skicka in" }).click();

    const reference = (await page.getByTestId("reference").textContent())?.trim() ?? "";
    expect(reference).toMatch(/^AML-\d{4}-\d{6}$/);
    await page.goto(`/diarium?q=${reference}`);
    const row = page.getByRole("row").filter({ hasText: reference });
    await expect(row).toContainText(`Medborgarförslag: ${title}`);
    await expect(row).not.toContainText("Johansson");
  });
});
