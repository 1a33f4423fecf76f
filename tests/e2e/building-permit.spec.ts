import { exclusive, expect, expectAccessible, jsDisabled, loginAsResident, loginAsStaff, test } from "./fixtures";
import { drawing, JOHANSSONS, otherContext, PETER, signAndSubmitPermit } from "./permit-helpers";

test.describe("building permit e-service", () => {
  // These journeys act as the same seeded residents (one permit draft each): one at a time.
  let release: (() => void) | undefined;
  test.beforeEach(async ({}, testInfo) => {
    testInfo.setTimeout(testInfo.timeout + 300_000);
    release = await exclusive("permit-residents");
  });
  test.afterEach(() => release?.());

  test("a representative of a building company applies with the drawings, supplements on request and gets the decision on Mina sidor; the diarium names the company", async ({
    page,
    a11y,
    browser,
  }, testInfo) => {
    test.setTimeout(240_000 + 300_000);
    const jsOff = jsDisabled(testInfo);

    // The representative logs in and acts for the company.
    await loginAsResident(page, PETER, { redirectTo: "/bygglov/ansok", actFor: JOHANSSONS });
    await expect(page).toHaveURL(/\/bygglov\/ansok$/);
    await expect(page.getByText("Du ansöker för Johanssons Bygg i Åmål AB")).toBeVisible();

    // Property pre-filled from the register: owner and address.
    await page.getByLabel("Fastighetsbeteckning").fill("åmål verkstaden 2:11");
    await page.getByRole("button", { name: "Hämta fastighetsuppgifter" }).click();
    await expect(page.getByTestId("property-owner")).toHaveText("Johanssons Bygg i Åmål AB");
    await expect(page.getByText("Verkstadsgatan 11, 662 30 Åmål")).toBeVisible();
    await a11y("details with property");

    // Validation: nothing chosen → error summary linking to the fields.
    await page.getByRole("button", { name: "Fortsätt till ritningar" }).click();
    await expect(page.getByRole("alert")).toContainText("Välj vilken åtgärd ansökan gäller");
    await a11y("details with errors");

    await page.getByRole("radio", { name: "Nybyggnad" }).check();
    await page.getByLabel("Beskriv åtgärden").fill("Nybyggnad av lagerhall i ett plan med kontor.");
    await page.getByLabel("Byggnadsarea, BYA (m²)").fill("420");
    await page.getByLabel("Bruttoarea, BTA (m²)").fill("450");
    await page.getByLabel("Kontrollansvarigs namn").fill("Karl Kontroll");
    await page.getByLabel("Behörighetsnummer (certifiering)").fill("SC1234-56");
    await page.getByRole("button", { name: "Fortsätt till ritningar" }).click();
    await expect(page).toHaveURL(/\/bygglov\/ansok\/ritningar$/);

    // Three of four drawings; the section drawing is left out.
    await page.getByLabel("Välj fil för Situationsplan").setInputFiles(drawing("situationsplan.pdf"));
    await page.getByLabel("Välj fil för Fasadritningar").setInputFiles(drawing("fasader.pdf"));
    await page.getByLabel("Välj fil för Planritning").setInputFiles(drawing("plan.pdf"));
    await page.getByRole("button", { name: "Ladda upp ritningar" }).click();
    await expect(page.getByTestId("missing-list")).toContainText("Sektionsritning");
    await expect(page.getByTestId("missing-list")).not.toContainText("Planritning");
    await a11y("drawings with one missing");

    // A file that is not a drawing is refused by its content.
    await page
      .getByLabel("Välj fil för Sektionsritning")
      .setInputFiles({ name: "sektion.pdf", mimeType: "application/pdf", buffer: Buffer.from("MZ not a pdf") });
    await page.getByRole("button", { name: "Ladda upp ritningar" }).click();
    await expect(page.getByRole("alert")).toContainText("Filen måste vara en PDF, PNG eller JPEG");

    // Check your answers: told what is missing, and refused on submit.
    await page.goto("/bygglov/ansok/kontrollera");
    await expect(page.getByTestId("missing-list")).toContainText("Sektionsritning");
    await expect(page.getByTestId("fee-total")).toContainText("kr");
    await page.getByRole("button", { name: "Skicka ansökan" }).click();
    await expect(page.getByRole("alert")).toContainText("Bifoga sektionsritning innan du skickar ansökan");
    await a11y("check with missing drawing");

    await page.goto("/bygglov/ansok/ritningar");
    await page.getByLabel("Välj fil för Sektionsritning").setInputFiles(drawing("sektion.pdf"));
    await page.getByRole("button", { name: "Ladda upp ritningar" }).click();
    await expect(page.getByTestId("missing-none")).toBeVisible();
    await page.goto("/bygglov/ansok/kontrollera");
    await expect(page.getByText("Johanssons Bygg i Åmål AB (559312-8415)")).toBeVisible();
    // The applicant signs the application with e-ID, and the signature sends it (decision 085).
    const signed = await signAndSubmitPermit(page, PETER);
    expect(signed).toContain("Ansökan om bygglov");
    expect(signed).toMatch(/sektion\.pdf \(SHA-256 [0-9a-f]{64}\)/);
    await expect(page).toHaveURL(/\/bygglov\/kvitto\/AML-\d{4}-\d{6}$/);
    const reference = (await page.getByTestId("case-reference").innerText()).trim();
    await expect(page.getByText(/Beräknat beslut senast/)).toBeVisible();
    await a11y("receipt");

    // Mina sidor shows the expected decision date from day one.
    await page.goto(`/mina-sidor/arenden/${reference}/bygglov`);
    await expect(page.getByTestId("expected-decision")).toBeVisible();

    // The officer (another browser) requests a supplement.
    const officer = await otherContext(browser, testInfo);
    try {
      await loginAsStaff(officer.page, "handlaggare.amal", { redirectTo: `/handlaggare/arenden/${reference}` });
      await expect(officer.page.getByRole("heading", { level: 1 })).toHaveText(`Ärende ${reference}`);
      await expect(officer.page.getByText("Karl Kontroll, SC1234-56")).toBeVisible();
      // The applicant's e-ID signature, verified again against the case as stored.
      await expect(officer.page.getByRole("region", { name: "Underskrifter med e-legitimation" })).toContainText(
        "Underskriften stämmer med ansökan.",
      );
      await expectAccessible(officer.page, browser, jsOff, "officer case view");
      const due = new Date(Date.now() + 21 * 86_400_000).toISOString().slice(0, 10);
      await officer.page
        .getByLabel("Vad ska sökanden komplettera med?")
        .fill("Fasadritningarna saknar måttangivelser. Skicka nya fasadritningar.");
      await officer.page.getByLabel("Svara senast (ÅÅÅÅ-MM-DD)").fill(due);
      await officer.page.getByRole("checkbox", { name: "Fasadritningar" }).check();
      await officer.page.getByRole("button", { name: "Skicka föreläggande" }).click();
      await expect(officer.page.getByRole("status")).toContainText("Föreläggandet är skickat");
      await expect(officer.page.getByTestId("officer-case-status")).toHaveText("Väntar på komplettering");

      // The representative supplements from Mina sidor; the clock starts.
      await page.goto(`/mina-sidor/arenden/${reference}/bygglov`);
      await expect(page.getByText("Handläggningstiden börjar när kompletteringen har kommit in.")).toBeVisible();
      await page.getByRole("link", { name: "Komplettera ärendet" }).click();
      await expect(page.getByText("Fasadritningarna saknar måttangivelser.")).toBeVisible();
      await a11y("supplement page");
      await page.getByLabel("Fil för Fasadritningar").setInputFiles(drawing("fasader-med-matt.pdf"));
      await page.getByRole("button", { name: "Skicka kompletteringen" }).click();
      await expect(page.getByRole("status")).toContainText("Kompletteringen är inskickad");
      await expect(page.getByTestId("case-status")).toHaveText("Komplett");
      await expect(page.getByTestId("expected-decision")).toBeVisible();

      // The officer decides; the decision PDF is generated.
      await officer.page.reload();
      await expect(officer.page.getByTestId("officer-case-status")).toHaveText("Komplett");
      await expect(officer.page.getByRole("link", { name: "Ladda ner fasader-med-matt.pdf" })).toBeVisible();
      await officer.page.getByRole("radio", { name: "Bifall – lov beviljas" }).check();
      await officer.page
        .getByLabel("Beslutstext och motivering")
        .fill("Åtgärden överensstämmer med detaljplanen. Bygglov beviljas.");
      await officer.page.getByRole("button", { name: "Fatta beslut och skicka till sökanden" }).click();
      await expect(officer.page.getByRole("status")).toContainText("Beslutet är fattat");
    } finally {
      await officer.context.close();
    }

    // The decision PDF is on Mina sidor.
    await page.goto(`/mina-sidor/arenden/${reference}/bygglov`);
    await expect(page.getByText("Bifall – lov beviljas")).toBeVisible();
    await a11y("case with decision");
    const href = await page.getByTestId("decision-pdf").getAttribute("href");
    const pdf = await page.request.get(href!);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    expect(pdf.headers()["content-disposition"]).toMatch(/^attachment/);
    expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");

    // The public diarium names the company (an organisation is not masked).
    await page.goto(`/diarium?q=${reference}`);
    await expect(page.getByRole("main")).toContainText(reference);
    await expect(page.getByRole("main")).toContainText("Johanssons Bygg i Åmål AB");
  });

  test("an unknown property designation and a malformed one are told apart, and bad posts get 4xx", async ({
    page,
    a11y,
  }) => {
    await loginAsResident(page, PETER, { redirectTo: "/bygglov/ansok", actFor: "self" });
    await page.getByLabel("Fastighetsbeteckning").fill("Åmål Finnsinte 9:99");
    await page.getByRole("button", { name: "Hämta fastighetsuppgifter" }).click();
    await expect(page.getByRole("alert")).toContainText("Vi hittar ingen fastighet");
    await page.getByLabel("Fastighetsbeteckning").fill("Plogen");
    await page.getByRole("button", { name: "Hämta fastighetsuppgifter" }).click();
    await expect(page.getByRole("alert")).toContainText("kommun, trakt och nummer");
    await a11y("designation errors");
    const res = await page.request.post("/bygglov/ansok", {
      data: "garbage",
      headers: { "Content-Type": "text/plain" },
    });
    expect(res.status()).toBeGreaterThanOrEqual(400);
    expect(res.status()).toBeLessThan(500);
  });

  test("processing times are public and computed from case data, in both languages", async ({ page, a11y }) => {
    await page.goto("/handlaggningstider");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Handläggningstider");
    const rows = page.getByTestId("processing-times").locator("tbody tr");
    // One bygglov row per municipality; other specs may have decided a case of another type,
    // which gets a row of its own, named in words, never by its case-type id.
    await expect(rows.filter({ has: page.getByRole("rowheader", { name: "Bygglov och anmälan" }) })).toHaveCount(5);
    for (const header of await rows.locator("th").allInnerTexts()) expect(header).not.toMatch(/^[a-z]+-[a-z-]+$/);
    await expect(page.getByTestId("median").first()).toHaveText(/^\d+(,\d)?$/);
    await a11y("processing times");
    await page.goto("/handlaggningstider?lang=en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Processing times");
    await a11y("processing times en");
  });
});
