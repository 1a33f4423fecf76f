import { readFileSync } from "node:fs";
import { PDFDocument } from "pdf-lib";
import { expect, jsDisabled, loginAsResident, loginAsStaff, test } from "./fixtures";
import { applyForForskola, dateFromToday } from "./mypages-helpers";

const MARIA = "199005122388";
const SARA = "198412179288";

test.describe("Mina sidor", () => {
  test("messages both ways, access log, register extract and withdrawal", async ({ page, browser, a11y }, testInfo) => {
    test.setTimeout(240_000);
    await loginAsResident(page, MARIA);
    const reference = await applyForForskola(page, {
      child: /Alva Nilsson/,
      units: ["Kärrbackens förskola"],
      desiredStart: dateFromToday(5),
      specialNeeds: "Astma",
    });

    // The resident writes with an attachment.
    await page.getByLabel("Meddelande", { exact: true }).fill("Vi flyttar i vår, går det bra?");
    await page
      .getByLabel("Bifoga filer (valfritt)")
      .setInputFiles({ name: "flyttintyg.txt", mimeType: "text/plain", buffer: Buffer.from("Flyttdatum 2027-04-01") });
    await page.getByRole("button", { name: "Skicka meddelandet" }).click();
    await expect(page.getByRole("status")).toContainText("Meddelandet är skickat.");
    await expect(page.getByRole("link", { name: "flyttintyg.txt" }).first()).toBeVisible();
    // An empty message is refused with an error summary.
    await page.getByRole("button", { name: "Skicka meddelandet" }).click();
    await expect(page.getByRole("alert")).toContainText("Skriv ett meddelande");
    await a11y("case page with messages");

    // The officer reads the case (audited) and answers.
    const js = !jsDisabled(testInfo);
    const staffContext = await browser.newContext({ javaScriptEnabled: js });
    const officer = await staffContext.newPage();
    await loginAsStaff(officer, "handlaggare.amal", { redirectTo: `/handlaggare/barnomsorg/${reference}` });
    await expect(officer.getByText("Vi flyttar i vår, går det bra?")).toBeVisible();
    await officer.getByLabel("Meddelande till sökande").fill("Det går bra, meddela oss det nya datumet.");
    await officer.getByRole("button", { name: "Skicka meddelandet" }).click();
    await expect(officer.getByRole("status")).toContainText("Meddelandet är skickat.");
    await staffContext.close();

    await page.goto("/mina-sidor");
    await expect(page.getByRole("link", { name: `1 oläst meddelande i ärende ${reference}` })).toBeVisible();
    await a11y("mina sidor overview");
    await page.getByRole("link", { name: `1 oläst meddelande i ärende ${reference}` }).click();
    await expect(page.getByText("Det går bra, meddela oss det nya datumet.")).toBeVisible();

    // Access log: the officer's view of the case.
    await page.goto("/mina-sidor/mina-uppgifter");
    const access = page.getByRole("table", { name: "Vem har öppnat mina ärenden" });
    await expect(access).toContainText("Handläggare för barnomsorg, Barn och utbildning, Åmål");
    await expect(access).toContainText(reference);
    await a11y("my data");

    // Register extract as a file.
    if (js) {
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("link", { name: "Ladda ner registerutdraget (JSON)" }).click(),
      ]);
      const extract = JSON.parse(readFileSync((await download.path())!, "utf8"));
      expect(extract.cases.map((c: { reference: string }) => c.reference)).toContain(reference);
      expect(JSON.stringify(extract)).toContain("Astma");
      expect(extract.accessLog.length).toBeGreaterThan(0);
    } else {
      const response = await page.request.get("/mina-sidor/mina-uppgifter.json");
      expect(response.headers()["content-disposition"]).toMatch(/^attachment; filename="registerutdrag-/);
      expect((await response.json()).cases.map((c: { reference: string }) => c.reference)).toContain(reference);
    }

    // Withdrawal of the undecided case.
    await page.goto(`/mina-sidor/arenden/${reference}`);
    await page.getByRole("button", { name: "Återkalla ärendet" }).click();
    await expect(page.getByRole("alert")).toContainText("Kryssa i rutan för att bekräfta");
    await page.getByLabel("Jag vill återkalla ärendet").check();
    await page.getByRole("button", { name: "Återkalla ärendet" }).click();
    await expect(page.getByRole("status")).toContainText("Ärendet är återkallat.");
    await expect(page.getByText("Återkallat").first()).toBeVisible();
  });

  test("another household gets 404 for every route that takes a case or file id", async ({
    page,
    browser,
  }, testInfo) => {
    test.setTimeout(180_000);
    await loginAsResident(page, MARIA);
    const reference = await applyForForskola(page, {
      child: /Alva Nilsson/,
      units: ["Förskolan Plogen"],
      desiredStart: dateFromToday(5),
    });
    await page.getByLabel("Meddelande", { exact: true }).fill("Bilaga");
    await page
      .getByLabel("Bifoga filer (valfritt)")
      .setInputFiles({ name: "a.txt", mimeType: "text/plain", buffer: Buffer.from("hemligt") });
    await page.getByRole("button", { name: "Skicka meddelandet" }).click();
    const fileHref = (await page.getByRole("link", { name: "a.txt" }).first().getAttribute("href"))!;
    expect((await page.request.get(fileHref)).status()).toBe(200);
    // The applicant's PDF copy of the application, linked from the case page.
    const pdfLink = page.getByRole("link", { name: `Ladda ner ansökan (${reference}) som PDF` });
    const pdfHref = (await pdfLink.getAttribute("href"))!;
    expect(pdfHref).toBe(`/mina-sidor/arenden/${reference}/ansokan.pdf`);
    const pdf = await page.request.get(pdfHref);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    expect(pdf.headers()["content-disposition"]).toBe(`attachment; filename="ansokan-${reference}.pdf"`);
    const bytes = await pdf.body();
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    expect((await PDFDocument.load(bytes)).getTitle()).toContain(reference);

    const other = await browser.newContext({ javaScriptEnabled: !jsDisabled(testInfo) });
    const sara = await other.newPage();
    await loginAsResident(sara, SARA, { actFor: "self" });
    expect((await sara.goto(`/mina-sidor/arenden/${reference}`))?.status()).toBe(404);
    expect((await sara.request.get(fileHref)).status()).toBe(404);
    expect((await sara.request.get(pdfHref)).status()).toBe(404);
    await sara.goto("/mina-sidor");
    const csrf = await sara.locator('input[name="_csrf"]').first().inputValue();
    // Approving is an e-ID signature at …/signera now (decision 081); declining is still an intent.
    expect((await sara.request.get(`/mina-sidor/arenden/${reference}/signera`, { maxRedirects: 0 })).status()).toBe(
      404,
    );
    for (const intent of ["message", "withdraw", "accept", "terminate", "decline-signature"]) {
      const r = await sara.request.post(`/mina-sidor/arenden/${reference}`, {
        form: { _csrf: csrf, intent, body: "x", confirm: "yes", offerId: "1", lastDay: "2030-01-01", hash: "x" },
      });
      expect(r.status(), intent).toBe(404);
    }
    expect((await sara.goto("/mina-sidor/arenden/not-a-reference"))?.status()).toBe(404);
    await expect(sara.getByText(reference)).toHaveCount(0);
    await other.close();
  });
});
