import { expect, expectAccessible, jsDisabled, loginAsResident, loginAsStaff, test } from "./fixtures";
import { otherContext } from "./permit-helpers";
import { signAtProvider } from "./signing-helpers";

// An engine e-service whose definition asks for the applicant's e-ID signature (decision 098):
// ekonomiskt bistånd is sent by signing the summary of the answers (with each attached file's
// SHA-256) at the test e-ID provider; the officer sees "Signerad av … den …". JavaScript on and off.

// A logged-in person's draft belongs to the person (decision 042): each project has its own
// resident, who fills in no other ekonomiskt bistånd in the browser tests.
const RESIDENT = { "js-on": "197901049283", "js-off": "198002079294" } as const;
const residentFor = (testInfo: { project: { name: string } }) =>
  RESIDENT[testInfo.project.name as keyof typeof RESIDENT] ?? RESIDENT["js-on"];
const BISTAND = "/blanketter/ansokan-ekonomiskt-bistand";
const PDF = Buffer.from("%PDF-1.4\n% kontoutdrag\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

function isoDate(daysFromToday: number): string {
  const d = new Date(Date.now() + daysFromToday * 86_400_000);
  return d.toLocaleDateString("sv-SE", { timeZone: "Europe/Stockholm" });
}

async function next(page: import("@playwright/test").Page) {
  await page.getByRole("button", { name: "Fortsätt", exact: true }).click();
}

test.describe("an e-service signed with e-ID", () => {
  test("financial assistance needs e-ID, is signed and sent on the engine, the officer sees the signature", async ({
    page,
    browser,
    a11y,
  }, testInfo) => {
    // A log-in, three steps and a signature: on a busy machine this takes longer than the default minute.
    test.setTimeout(240_000);
    // Anonymous: sent to log in, and back to the form afterwards.
    await page.goto(BISTAND);
    await expect(page).toHaveURL(/\/logga-in\?redirectTo=/);
    const personnummer = residentFor(testInfo);
    await loginAsResident(page, personnummer, { redirectTo: `${BISTAND}/hushall`, actFor: "self" });
    await expect(page).toHaveURL(new RegExp(`${BISTAND}/hushall$`));
    await expect(page.getByText("Steg 1 av 3")).toBeVisible();

    const kommun = page.getByLabel("Kommun", { exact: true });
    if (await kommun.count()) await kommun.selectOption("mellerud");
    await page.getByLabel("Med barn").check();
    await page.getByLabel("Antal vuxna i hushållet").fill("1");
    await page.getByLabel("Antal barn under 18 år i hushållet").fill("2");
    await page.getByLabel("Från vilken dag ansöker du?").fill(isoDate(3));
    await next(page);

    await expect(page).toHaveURL(/\/ekonomi$/);
    await page.getByLabel("Arbetssökande hos Arbetsförmedlingen").check();
    await page.getByLabel("Hushållets samlade inkomster den här månaden").fill("9 850");
    await page.getByLabel("Hyra eller boendekostnad per månad").fill("6400");
    await page.getByLabel("Hushållsel").check();
    await page.getByLabel("Kontoutdrag och underlag").setInputFiles({
      name: "kontoutdrag.pdf",
      mimeType: "application/pdf",
      buffer: PDF,
    });
    await page
      .getByRole("group", { name: /Har någon i hushållet sparpengar/ })
      .getByLabel("Nej")
      .check();
    await next(page);

    await expect(page).toHaveURL(/\/kontakt$/);
    await page.getByLabel("Telefonnummer").fill("070-123 45 67");
    await page.getByLabel("E-postadress").fill(`lena-${testInfo.project.name}@example.se`);
    await next(page);

    await expect(page).toHaveURL(/\/kontrollera$/);
    await expect(page.getByText("9 850 kronor")).toBeVisible();
    await a11y("ekonomiskt bistånd check answers");
    // Sent by signing it (decision 098): no plain send button, a link to the e-ID provider.
    await expect(page.getByRole("button", { name: "Skicka in" })).toHaveCount(0);
    await page.getByRole("link", { name: "Skriv under och skicka in" }).click();
    const signed = await signAtProvider(page, personnummer);
    // What is signed is the summary the resident reviewed, with the attached file's SHA-256.
    expect(signed).toContain("E-tjänst: Ansöka om ekonomiskt bistånd");
    expect(signed).toMatch(/Hushållets samlade inkomster den här månaden: 9\s850 kronor/);
    expect(signed).toMatch(/kontoutdrag\.pdf \(SHA-256 [0-9a-f]{64}\)/);

    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tack – vi har tagit emot ditt ärende");
    const reference = (await page.getByTestId("reference").textContent())?.trim() ?? "";
    expect(reference).toMatch(/^MEL-\d{4}-\d{6}$/);

    await page.goto(`/diarium?q=${reference}`);
    const row = page.getByRole("row").filter({ hasText: reference });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText("Sekretess");
    await expect(row).not.toContainText("Johansson");

    // The resident sees the signature on Mina sidor, verified again, and can read and download what was signed (decision 107).
    await page.goto(`/mina-sidor/arenden/${reference}`);
    const mine = page.getByRole("region", { name: "Underskrifter med e-legitimation" });
    await expect(mine).toContainText(/Signerad med e-legitimation av \S+ Johansson den \d{4}-\d{2}-\d{2}/);
    await expect(mine).toContainText("Underskriften stämmer med den text som skrevs under.");
    await mine.getByText("Visa texten som skrevs under").click();
    await expect(mine.locator(".signed-text")).toContainText("E-tjänst: Ansöka om ekonomiskt bistånd");
    await a11y("resident sees the form's e-ID signature");
    const download = await page.request.get(
      (await mine.getByRole("link", { name: /Ladda ner den underskrivna texten/ }).getAttribute("href")) ?? "",
    );
    expect(download.status()).toBe(200);
    expect(await download.text()).toMatch(/kontoutdrag\.pdf \(SHA-256 [0-9a-f]{64}\)/);

    // The officer sees who signed and when, verified again against the case as stored.
    const officer = await otherContext(browser, testInfo);
    try {
      await loginAsStaff(officer.page, "handlaggare.mellerud", { redirectTo: `/handlaggare/arenden/${reference}` });
      await expect(officer.page.getByRole("heading", { level: 1 })).toHaveText(`Ärende ${reference}`);
      const signatures = officer.page.getByRole("region", { name: "Underskrifter med e-legitimation" });
      await expect(signatures).toContainText(/Signerad av \S+ Johansson den \d/);
      await expect(signatures).toContainText("Underskriften stämmer med ansökan.");
      await expectAccessible(officer.page, browser, jsDisabled(testInfo), "officer sees the form's e-ID signature");
    } finally {
      await officer.context.close();
    }
  });
});
