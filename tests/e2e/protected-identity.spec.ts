import { expect, loginAsResident, loginAsStaff, test } from "./fixtures";
import { applyForForskola, dateFromToday } from "./mypages-helpers";

// The example register (db/seed/content/people.ts): Karin Berg and her daughter Maja have
// sekretessmarkering; Anders Berg is Maja's other guardian (docs/decisions/046).
const KARIN = "198901012388";
const ANDERS = "198802292394";

test.describe("protected identities (skyddade personuppgifter)", () => {
  test("a protected resident applies; the officer is warned, the diarium masks the entry and the other guardian sees nothing", async ({
    page,
    browser,
    a11y,
  }, testInfo) => {
    test.setTimeout(240_000);
    const js = { javaScriptEnabled: testInfo.project.use.javaScriptEnabled };

    // Karin's own data: no address, a sentence saying why.
    await loginAsResident(page, KARIN, { actFor: "self" });
    await page.goto("/mina-sidor/mina-uppgifter");
    await expect(page.getByText("Adressen visas inte")).toBeVisible();
    await expect(page.getByText("Smedjevägen")).toHaveCount(0);
    await a11y("register extract without address");

    const reference = await applyForForskola(page, {
      child: /Maja Berg/,
      units: ["Ragnhilds förskola"],
      desiredStart: dateFromToday(5),
    });
    expect(reference).toMatch(/^[A-Z]{3}-\d{4}-\d{6}$/);

    // The officer: the queue marks the case, the case page warns.
    const staff = await browser.newContext(js);
    const officer = await staff.newPage();
    await loginAsStaff(officer, "handlaggare.fargelanda", { redirectTo: "/handlaggare/barnomsorg" });
    const row = officer.getByRole("row").filter({ has: officer.getByRole("link", { name: reference }) });
    await expect(row.getByText("Skyddade personuppgifter")).toBeVisible();
    await officer.getByRole("link", { name: reference }).click();
    await expect(officer.getByRole("heading", { level: 2, name: "Skyddade personuppgifter" })).toBeVisible();
    await expect(officer.getByText("Varje gång ärendet öppnas loggas det.")).toBeVisible();
    await a11y("officer case with protected identity");
    await staff.close();

    // The public register: the entry is there, masked.
    const anonymous = await browser.newContext(js);
    const visitor = await anonymous.newPage();
    await visitor.goto(`/diarium?q=${reference}`);
    const entry = visitor.getByRole("row").filter({ hasText: reference });
    await expect(entry).toContainText("Sekretess");
    await expect(entry).not.toContainText("Maja");
    await anonymous.close();

    // The other guardian, in a browser of their own: nothing on Mina sidor, 404 on the case.
    const other = await browser.newContext(js);
    const anders = await other.newPage();
    await loginAsResident(anders, ANDERS, { actFor: "self" });
    await anders.goto("/mina-sidor");
    await expect(anders.getByText(reference)).toHaveCount(0);
    expect((await anders.goto(`/mina-sidor/arenden/${reference}`))?.status()).toBe(404);
    await other.close();
  });
});
