import { expect, jsDisabled, loginAsResident, test } from "./fixtures";

// ASVS 3.3.4: /inloggningar lists the person's active sessions and ends one or all others,
// with and without JavaScript. Each project signs in its own person, so the copies never see
// each other's sessions, and no other spec signs in the same people (Karin, used here before, is
// also signed in by the protected-identity and shared-computer specs, which ran beside it in CI
// and added a row between the count and the check).

test("a resident sees where they are signed in and signs out another session, then all others (3.3.4)", async ({
  browser,
  page,
  a11y,
}, testInfo) => {
  const js = !jsDisabled(testInfo);
  const personnummer = js ? "198603139885" : "198704682395"; // Emma and Henrik: no other browser test signs them in
  const others = [
    await browser.newContext({ javaScriptEnabled: js }),
    await browser.newContext({ javaScriptEnabled: js }),
  ];
  const otherPages = await Promise.all(others.map((c) => c.newPage()));
  for (const p of otherPages) await loginAsResident(p, personnummer, { actFor: "self", fresh: true });
  await loginAsResident(page, personnummer, { actFor: "self", fresh: true });

  await page.goto("/mina-sidor");
  await page.getByRole("link", { name: "Se var du är inloggad" }).click();
  await expect(page).toHaveURL(/\/inloggningar$/);
  await expect(page.getByRole("heading", { level: 1, name: "Dina inloggningar" })).toBeVisible();
  const rows = page.getByRole("table", { name: "Aktiva inloggningar" }).locator("tbody tr");
  await page.waitForLoadState("load"); // the whole streamed table, not its first rows
  const before = await rows.count();
  expect(before).toBeGreaterThanOrEqual(3);
  await expect(page.getByText("(den här enheten)")).toHaveCount(1);
  await a11y("/inloggningar");

  await page
    .getByRole("button", { name: /^Logga ut Chrome på Linux$/ })
    .first()
    .click();
  await expect(page.getByRole("status")).toContainText("Inloggningen är avslutad.");
  await expect(rows).toHaveCount(before - 1);

  await page.getByRole("button", { name: "Logga ut alla andra inloggningar" }).click();
  await expect(rows).toHaveCount(1);
  await expect(page.getByText("Du är inte inloggad någon annanstans.")).toBeVisible();
  for (const p of otherPages) {
    await p.goto("/mina-sidor");
    expect(new URL(p.url()).pathname).toBe("/logga-in");
  }
  await page.goto("/mina-sidor");
  expect(new URL(page.url()).pathname).toBe("/mina-sidor");
  for (const c of others) await c.close();
});
