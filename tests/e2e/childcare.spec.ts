import { exclusive, expect, loginAsResident, loginAsStaff, test } from "./fixtures";
import { applyForForskola, CHILDCARE_DRAFT_LOCK, dateFromToday, hydrated, mailsAbout } from "./mypages-helpers";

const SARA = "198412179288";
const MARIA = "199005122388";

test.describe("childcare", () => {
  test("a guardian applies for förskola with three units, an officer offers a place, the guardian accepts, sees the fee and terminates", async ({
    page,
    browser,
    a11y,
  }, testInfo) => {
    test.setTimeout(360_000);
    await loginAsResident(page, SARA, { actFor: "self" });
    const start = dateFromToday(5);
    // Fee estimate before submitting: Elsa (born 2022) is in allmän förskola age: 3 % of 45 000 less 25 %.
    // Sara's draft is shared with the other project's copy of this journey: empty until this one is sent.
    const release = await exclusive(CHILDCARE_DRAFT_LOCK);
    let reference: string;
    try {
      // The e-service runs on the form engine (decision 089): Mina sidor links to it.
      await page.goto("/mina-sidor");
      await page.getByRole("link", { name: "Ansök om barnomsorg" }).first().click();
      await page.waitForURL(/\/blanketter\/forskola-ansokan\/barnet$/);
      await hydrated(page);
      await page.getByRole("radio", { name: /Elsa Lindqvist/ }).check();
      await page.getByRole("radio", { name: "Förskola", exact: true }).check();
      await page.getByLabel("Kommun", { exact: true }).selectOption({ label: "Bengtsfors" });
      await page.getByRole("button", { name: "Fortsätt", exact: true }).click();
      await expect(page.getByText("Steg 2 av 2")).toBeVisible();
      await hydrated(page);
      // A draft of an earlier run is the guardian's own (it follows the person): empty the questions first.
      await page.getByLabel(/^Förstahandsval/).selectOption("");
      await page.getByLabel(/^Önskat startdatum/).fill("");
      await page.getByRole("button", { name: "Fortsätt", exact: true }).click();
      // Validation (the server's, or the same rules in the browser): an error summary linking to the field.
      await expect(page.getByRole("alert")).toContainText("Välj minst en enhet");
      await expect(page.getByRole("alert").getByRole("link", { name: "Ange önskat startdatum" })).toHaveAttribute(
        "href",
        "#field-desiredStart",
      );
      await a11y("childcare apply errors");

      reference = await applyForForskola(
        page,
        {
          child: /Elsa Lindqvist/,
          units: ["Solrosens förskola", "Kanalens förskola", "Billingsfors förskola"],
          desiredStart: start,
          specialNeeds: "Allergisk mot nötter",
          income: "45000",
          email: "sara.lindqvist@example.se",
          a11y,
          // The check page says when a place is guaranteed (skollagen 8 kap. 14 §) and who else is told (decision 102).
          onCheck: async (check) => {
            const row = (name: string) => check.locator(".summary-list__row").filter({ hasText: name });
            await expect(row("Platsgaranti")).toContainText(`kommunen garanterar plats från ${start}.`);
            await expect(row("Den andra vårdnadshavaren")).toContainText("Erik Lindqvist");
            await expect(row("Den andra vårdnadshavaren")).toContainText("får veta om ansökan");
          },
        },
        { locked: true },
      );
    } finally {
      release();
    }
    expect(reference).toMatch(/^BEN-2026-\d{6}$/);
    await expect(page.getByRole("status")).toContainText("Tack! Vi har tagit emot ansökan.");
    await expect(page.getByText("Elsa Lindqvist")).toBeVisible();
    await expect(page.getByText(/Val 1: Solrosens förskola – Plats \d+ i kön/)).toBeVisible();
    await expect(page.getByText(/Val 3: Billingsfors förskola/)).toBeVisible();
    await expect(page.getByText(/1\s012 kr per månad/)).toBeVisible();
    await a11y("case page after applying");

    // The officer offers a place (in a browser of their own).
    const staff = await browser.newContext({ javaScriptEnabled: testInfo.project.use.javaScriptEnabled });
    const officer = await staff.newPage();
    await loginAsStaff(officer, "handlaggare.bengtsfors", { redirectTo: "/handlaggare/barnomsorg" });
    await officer.getByRole("link", { name: reference }).click();
    await expect(officer.getByText("Allergisk mot nötter")).toBeVisible();
    await officer.getByLabel("Enhet").selectOption({ label: "Kanalens förskola" });
    await officer.getByRole("button", { name: "Erbjud platsen" }).click();
    await expect(officer.getByRole("status")).toContainText("Erbjudandet är skickat.");
    await staff.close();

    // The guardian answers on Mina sidor.
    await page.goto("/mina-sidor");
    await expect(
      page.getByRole("link", { name: new RegExp(`Svara på erbjudandet om plats i ärende ${reference}`) }),
    ).toBeVisible();
    await page.getByRole("link", { name: new RegExp(`Svara på erbjudandet om plats i ärende ${reference}`) }).click();
    await expect(page.getByText("Kanalens förskola, Dalslandsgatan 14, 666 30 Bengtsfors")).toBeVisible();
    await a11y("offer");
    await page.getByRole("button", { name: "Tacka ja till platsen" }).click();
    await expect(page.getByRole("status")).toContainText("Du har tackat ja till platsen.");
    await expect(page.getByText("Pågående")).toBeVisible();
    await page.goto("/mina-sidor/barnomsorg");
    await expect(page.getByRole("table", { name: "Hushållets avgift" })).toContainText(/Elsa Lindqvist.*1\s012 kr/s);
    await a11y("childcare overview");

    // Termination: two months' notice.
    await page.goto(`/mina-sidor/arenden/${reference}`);
    await page.getByLabel("Önskad sista dag").fill("not a date");
    await page.getByRole("button", { name: "Säg upp platsen" }).click();
    await expect(page.getByRole("alert")).toContainText("Ange datumet som ÅÅÅÅ-MM-DD");
    await page.getByLabel("Önskad sista dag").fill(dateFromToday(0, 1));
    await page.getByRole("button", { name: "Säg upp platsen" }).click();
    await expect(page.getByRole("status")).toContainText("Platsen är uppsagd.");
    await expect(page.getByText("Uppsagd", { exact: true })).toBeVisible();
    await expect(page.getByText("Sista dag", { exact: true })).toBeVisible();

    // E-mail notifications reached the local SMTP server: receipt, offer, termination.
    await expect.poll(() => mailsAbout(reference).length).toBeGreaterThanOrEqual(3);
    const mails = mailsAbout(reference).join("\n");
    expect(mails).toContain("X-Notification-Kind: offer");
    expect(mails).not.toContain("Allergisk");
  });

  test("another household cannot see the case or the children", async ({ page, browser }, testInfo) => {
    // Sara's application waits its turn for the shared draft (CHILDCARE_DRAFT_LOCK): up to a whole journey.
    test.setTimeout(420_000);
    await loginAsResident(page, SARA, { actFor: "self" });
    const reference = await applyForForskola(page, {
      child: /Elsa Lindqvist/,
      units: ["Solrosens förskola"],
      desiredStart: dateFromToday(5),
    });
    // A second person logs in in a browser of their own (the test provider remembers the first).
    const other = await browser.newContext({ javaScriptEnabled: testInfo.project.use.javaScriptEnabled });
    const maria = await other.newPage();
    await loginAsResident(maria, MARIA);
    expect((await maria.goto(`/mina-sidor/arenden/${reference}`))?.status()).toBe(404);
    await maria.goto("/mina-sidor/barnomsorg/ansok");
    await maria.waitForURL(/\/blanketter\/forskola-ansokan\/barnet$/);
    await expect(maria.getByRole("radio", { name: /Alva Nilsson/ })).toBeVisible();
    // The municipality starts as the one Maria is registered in (the register's, decision 102); she can change it.
    await expect(maria.getByLabel("Kommun", { exact: true })).toHaveValue("amal");
    await expect(maria.getByText("Elsa Lindqvist")).toHaveCount(0);
    await other.close();
  });
});
