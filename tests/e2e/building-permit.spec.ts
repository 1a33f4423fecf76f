import { exclusive, expect, expectAccessible, jsDisabled, loginAsResident, loginAsStaff, test } from "./fixtures";
import {
  BYGGLOV,
  continueStep,
  drawing,
  JOHANSSONS,
  otherContext,
  PETER,
  referenceOf,
  signAndSubmitPermit,
} from "./permit-helpers";
import { hydrated } from "./mypages-helpers";

test.describe("building permit e-service", () => {
  // These journeys act as the same seeded residents (one permit draft each): one at a time.
  let release: (() => void) | undefined;
  test.beforeEach(async ({}, testInfo) => {
    testInfo.setTimeout(testInfo.timeout + 300_000);
    release = await exclusive("permit-residents");
  });
  test.afterEach(() => release?.());

  test("a representative of a building company applies on the engine, pays with Swish, signs with e-ID, supplements on request and gets the decision on Mina sidor; the diarium names the company", async ({
    page,
    a11y,
    browser,
  }, testInfo) => {
    test.setTimeout(240_000 + 300_000);
    const jsOff = jsDisabled(testInfo);

    // The representative logs in and acts for the company: the bygglov form on the engine (decision 110).
    await loginAsResident(page, PETER, { redirectTo: BYGGLOV, actFor: JOHANSSONS });
    await expect(page).toHaveURL(/\/blanketter\/bygglov-ansokan\/fastighet$/);
    await hydrated(page);

    // Validation: nothing answered → error summary, still on the step.
    await continueStep(page);
    await expect(page.getByRole("alert")).toBeVisible();
    await expect(page).toHaveURL(/\/fastighet$/);
    await a11y("property step with errors");

    // The property look-up runs as the step is saved (decision 104) and fills owner and address.
    await page.getByLabel("Fastighetsbeteckning").fill("åmål verkstaden 2:11");
    await page
      .getByRole("group", { name: /Äger du fastigheten/ })
      .getByLabel("Ja", { exact: true })
      .check();
    await continueStep(page);
    await expect(page).toHaveURL(/\/atgard$/);
    await page.goto(`${BYGGLOV}/fastighet`);
    await expect(page.getByLabel("Fastighetens ägare")).toHaveValue("Johanssons Bygg i Åmål AB");
    await expect(page.getByLabel("Gatuadress")).toHaveValue("Verkstadsgatan 11");
    await a11y("property step filled from the register");
    await continueStep(page);

    await expect(page).toHaveURL(/\/atgard$/);
    await hydrated(page);
    await page.getByRole("radio", { name: "Nybyggnad", exact: true }).check();
    await page.getByLabel("Beskriv vad du ska göra").fill("Nybyggnad av lagerhall i ett plan med kontor.");
    await page.getByLabel("Byggnadsarea (BYA)").fill("420");
    await page.getByLabel("Bruttoarea (BTA)").fill("450");
    await page.getByLabel("Kontrollansvarigs namn").fill("Karl Kontroll");
    await page.getByLabel("Kontrollansvarigs behörighetsnummer").fill("SC1234-56");
    await continueStep(page);
    await expect(page).toHaveURL(/\/ritningar$/);
    await hydrated(page);

    // Three of four drawings: the section drawing is missing, and the step says so.
    await page.getByLabel("Situationsplan", { exact: true }).setInputFiles(drawing("situationsplan.pdf"));
    await page.getByLabel("Fasadritningar", { exact: true }).setInputFiles(drawing("fasader.pdf"));
    await page.getByLabel("Planritning", { exact: true }).setInputFiles(drawing("plan.pdf"));
    await continueStep(page);
    await expect(page).toHaveURL(/\/ritningar$/);
    // The summary's one error leads to the section drawing's field, with the engine's file message.
    await expect(page.getByRole("alert").getByRole("link")).toHaveCount(1);
    await expect(page.getByRole("alert").getByRole("link", { name: "Välj en fil att ladda upp" })).toHaveAttribute(
      "href",
      "#field-sektionsritning",
    );
    await a11y("drawings with one missing");

    // A file that is not a drawing is refused by its content.
    await page
      .getByLabel("Sektionsritning", { exact: true })
      .setInputFiles({ name: "sektion.pdf", mimeType: "application/pdf", buffer: Buffer.from("MZ not a pdf") });
    await continueStep(page);
    await expect(page).toHaveURL(/\/ritningar$/);
    await expect(page.getByRole("alert")).toBeVisible();

    // A refused post keeps the drawings that were fine (decision 123): listed as uploaded, with a remove
    // button each; only the refused one is chosen again.
    for (const name of ["situationsplan.pdf", "fasader.pdf", "plan.pdf"]) {
      await expect(page.getByRole("link", { name, exact: true })).toHaveAttribute("href", /^\/bilagor\//);
      await expect(page.getByRole("button", { name: `Ta bort ${name}` })).toBeVisible();
    }
    await expect(page.getByRole("alert").getByRole("link")).toHaveCount(1);
    await a11y("drawings kept after a refused post");
    await hydrated(page);
    await page.getByLabel("Sektionsritning", { exact: true }).setInputFiles(drawing("sektion.pdf"));
    await continueStep(page);
    await expect(page).toHaveURL(/\/kontakt$/);
    await continueStep(page);

    // Check your answers: the address the register gave, the company, and the fee.
    await expect(page).toHaveURL(/\/blanketter\/bygglov-ansokan\/kontrollera$/);
    await expect(page.getByRole("main")).toContainText("Verkstadsgatan 11");
    await expect(page.getByRole("main")).toContainText("Johanssons Bygg i Åmål AB");
    const fee = page.locator(".summary-list__row").filter({ hasText: "Beräknad avgift enligt kommunens taxa" });
    await expect(fee).toContainText(/\d.*kr/);
    await a11y("check page with the fee");

    // Swish with a phone number against the simulator (tests/stand-ins/swish.ts), before signing (105).
    await page.getByLabel("Mobilnummer för Swish").fill("070-111 22 33");
    await page.getByRole("button", { name: /med Swish/ }).click();
    await expect(page).toHaveURL(/\/betalning\/[0-9A-F]{32}$/);
    // The breadcrumb leads back to the form's check page and names this page (decision 123).
    const crumbs = page.getByRole("navigation", { name: "Du är här" });
    await expect(crumbs.getByRole("link", { name: "Ansök om bygglov, rivningslov eller marklov" })).toHaveAttribute(
      "href",
      "/blanketter/bygglov-ansokan/kontrollera",
    );
    await expect(crumbs.locator('[aria-current="page"]')).toHaveText("Betalning med Swish");
    const status = page.getByTestId("payment-status");
    for (let i = 0; i < 20 && (await status.getAttribute("data-status")) === "CREATED"; i++) {
      await page.waitForTimeout(500);
      await page.reload();
    }
    await expect(status).toHaveAttribute("data-status", "PAID", { timeout: 15_000 });
    await page.getByRole("link", { name: "Fortsätt och skicka ansökan" }).click();
    await expect(page).toHaveURL(/\/blanketter\/bygglov-ansokan\/kontrollera$/);
    await expect(page.getByTestId("payment-paid")).toBeVisible();

    // The applicant signs the application with e-ID, and the signature sends it (decisions 085, 105).
    const signed = await signAndSubmitPermit(page, PETER);
    expect(signed).toContain("Ansökan om bygglov");
    expect(signed).toContain("Johanssons Bygg i Åmål AB (559312-8415)");
    expect(signed).toMatch(/sektion\.pdf \(SHA-256 [0-9a-f]{64}\)/);
    await expect(page).toHaveURL(/\/bygglov\/kvitto\/AML-\d{4}-\d{6}$/);
    const reference = referenceOf(page);
    await expect(page.getByTestId("case-reference")).toHaveText(reference);
    await expect(page.getByTestId("payment-receipt")).toContainText("Swish");
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
      const signatures = officer.page.getByRole("region", { name: "Underskrifter med e-legitimation" });
      await expect(signatures).toContainText(/Signerad av Peter \S+ den \d{4}-\d{2}-\d{2}/);
      await expect(signatures).toContainText("Underskriften stämmer med ansökan.");
      await expect(officer.page.getByTestId("payment-status")).toContainText("Betald");
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

  test("an unknown property designation and a malformed one are told apart, the old address leads to the engine, and bad posts get 4xx", async ({
    page,
    a11y,
  }) => {
    // The bygglov pages moved onto the engine (decision 110): their address sends on, keeping ?lang=.
    const moved = await page.request.get("/bygglov/ansok/kontrollera?lang=en", { maxRedirects: 0 });
    expect(moved.status()).toBe(303);
    expect(moved.headers().location).toBe("/blanketter/bygglov-ansokan?lang=en");
    await loginAsResident(page, PETER, { redirectTo: "/bygglov/ansok", actFor: "self" });
    await expect(page).toHaveURL(/\/blanketter\/bygglov-ansokan\/fastighet$/);
    await hydrated(page);
    const ja = page.getByRole("group", { name: /Äger du fastigheten/ }).getByLabel("Ja", { exact: true });
    await page.getByLabel("Fastighetsbeteckning").fill("Åmål Finnsinte 9:99");
    await ja.check();
    await continueStep(page);
    await expect(page.getByRole("alert")).toContainText("Vi hittar ingen fastighet");
    await page.getByLabel("Fastighetsbeteckning").fill("Plogen");
    await continueStep(page);
    // A malformed designation gets the field's own format message (the register is not asked).
    await expect(page.getByRole("alert")).toContainText("med namn och nummer, till exempel");
    await expect(page.getByRole("alert")).not.toContainText("Vi hittar ingen");
    await a11y("designation errors");
    const res = await page.request.post(`${BYGGLOV}/fastighet`, {
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
