import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Page } from "@playwright/test";
import { exclusive, expect, jsDisabled, loginAsResident, loginAsStaff, test, overflowAt } from "./fixtures";
import { BYGGLOV, ERIK, otherContext, referenceOf, signAndSubmitPermit, startEngineBygglov } from "./permit-helpers";

// Both journeys fill in Erik's one bygglov draft on the engine: one at a time.
let release: (() => void) | undefined;
test.beforeEach(async ({}, testInfo) => {
  testInfo.setTimeout(testInfo.timeout + 300_000);
  release = await exclusive("permit-residents");
});
test.afterEach(() => release?.());

const CHECK = `${BYGGLOV}/kontrollera`;

/** Erik's façade change on the engine, up to the check page with the fee. */
async function facadeChangeToCheck(page: Page) {
  await loginAsResident(page, ERIK, { redirectTo: `${BYGGLOV}/fastighet`, actFor: "self" });
  await startEngineBygglov(page, "Bengtsfors Sågen 1:23");
}

/** The Swish simulator's address, from the e2e server's log (tests/stand-ins/serve.ts names it). */
function swishSimulatorUrl(): string {
  const log = readFileSync(join(resolve(process.env.E2E_DATA_DIR ?? "tests/.tmp/e2e"), "server.log"), "utf8");
  const found = /stand-in swish on (http:\/\/127\.0\.0\.1:\d+)/.exec(log);
  if (!found?.[1]) throw new Error("the Swish simulator is not in the server log");
  return found[1];
}

/** Answers an open request in the app as the payer would (the simulator, driven from here). */
async function answerInApp(token: string, answer: "paid" | "declined") {
  const answered = await fetch(`${swishSimulatorUrl()}/swish-cpcapi/simulator/${token}/${answer}`, { method: "POST" });
  expect(answered.status).toBe(204);
}

/** Reloads the payment's status page (which asks Swish each time) until it is settled. */
async function reloadUntilSettled(page: Page, expected: string) {
  const status = page.getByTestId("payment-status");
  for (let i = 0; i < 20 && (await status.getAttribute("data-status")) === "CREATED"; i++) {
    await page.waitForTimeout(500);
    await page.reload();
  }
  await expect(status).toHaveAttribute("data-status", expected, { timeout: 15_000 });
}

/**
 * Issue 16 item 2 (decisions 080, 105, 111): a resident pays the bygglov fee with Swish (the local
 * simulator, tests/stand-ins/swish.ts) on the engine's check page before signing, and the officer
 * sees "paid". The phone-number flow, in both projects: its status page (at /betalning/{id}) is
 * reloaded by hand; a declined payment is explained and can be paid again.
 */
test("a resident pays the bygglov fee with Swish by phone number before signing, and the officer sees it paid", async ({
  page,
  a11y,
  browser,
}, testInfo) => {
  test.setTimeout(180_000 + 300_000);
  await facadeChangeToCheck(page);
  // Without JavaScript only the phone-number flow is offered (the app switch needs the polling).
  if (jsDisabled(testInfo)) await expect(page.getByRole("button", { name: /i Swish-appen/ })).toHaveCount(0);

  // A number that is not a mobile number: a field message, nothing sent to Swish.
  await page.getByLabel("Mobilnummer för Swish").fill("08-123 456 78");
  await page.getByRole("button", { name: /med Swish/ }).click();
  await expect(page.getByRole("alert")).toContainText("Ange ett svenskt mobilnummer");
  await a11y("payment with a bad number");

  // The payer declines in the app (the simulator's number for it): said on the status page and back on the form.
  await page.getByLabel("Mobilnummer för Swish").fill("070-000 00 01");
  await page.getByRole("button", { name: /med Swish/ }).click();
  await expect(page).toHaveURL(/\/betalning\/[0-9A-F]{32}$/);
  await reloadUntilSettled(page, "DECLINED");
  await expect(page.getByTestId("payment-status")).toContainText("Betalningen avbröts i Swish");
  await page.getByRole("link", { name: "Tillbaka till ansökan" }).click();
  await expect(page).toHaveURL(new RegExp(`${CHECK}$`));
  await expect(page.getByTestId("payment-failed")).toContainText("Betalningen avbröts i Swish");

  await page.getByLabel("Mobilnummer för Swish").fill("070-111 22 33");
  await page.getByRole("button", { name: /med Swish/ }).click();
  await expect(page).toHaveURL(/\/betalning\/[0-9A-F]{32}$/);
  await a11y("payment status");
  const statusPage = new URL(page.url()).pathname;
  await reloadUntilSettled(page, "PAID");
  // A payment under way at the old address is sent on to its new one.
  const old = await page.request.get(statusPage.replace("/betalning/", "/bygglov/ansok/betalning/"), {
    maxRedirects: 0,
  });
  expect(old.status()).toBe(308);
  expect(old.headers().location).toBe(statusPage);
  await page.getByRole("link", { name: "Fortsätt och skicka ansökan" }).click();
  await expect(page).toHaveURL(new RegExp(`${CHECK}$`));
  await expect(page.getByTestId("payment-paid")).toBeVisible();
  await signAndSubmitPermit(page, ERIK);
  const reference = referenceOf(page);
  expect(reference).not.toBe("");

  const officer = await otherContext(browser, testInfo);
  try {
    await loginAsStaff(officer.page, "handlaggare.bengtsfors", { redirectTo: `/handlaggare/arenden/${reference}` });
    await expect(officer.page.getByTestId("payment-status")).toContainText("Betald");
  } finally {
    await officer.context.close();
  }
});

test("with JavaScript, the check page's panel offers Swish on this device (app switch) or another (QR code) and sees the answer by itself", async ({
  page,
  a11y,
}, testInfo) => {
  test.skip(jsDisabled(testInfo), "the app switch and the QR code are offered with JavaScript only");
  test.setTimeout(180_000 + 300_000);
  await facadeChangeToCheck(page);
  // The panel is an island of its own: no Remix runtime on the page (decision 111).
  expect(await page.evaluate(() => "__remixContext" in window)).toBe(false);

  /** Starts a request in the app from the panel; back on the check page, returns its token. */
  const payInApp = async () => {
    // Offered once the panel is hydrated (slow on a loaded machine).
    const appButton = page.getByRole("button", { name: /i Swish-appen/ });
    await expect(appButton).toBeVisible({ timeout: 60_000 });
    await appButton.click();
    await expect(page).toHaveURL(new RegExp(`${CHECK}$`));
    await expect(page.getByTestId("payment-status")).toHaveAttribute("data-status", "CREATED");
    // This device: the app switch carries the request's token and brings the payer back to its status page.
    const href = (await page.getByRole("link", { name: "Öppna Swish" }).getAttribute("href")) ?? "";
    const link = new URL(href);
    expect(link.protocol).toBe("swish:");
    expect(href.startsWith("swish://paymentrequest?")).toBe(true);
    expect(link.searchParams.get("callbackurl")).toMatch(/^http:\/\/[^/]+\/betalning\/[0-9A-F]{32}$/);
    const token = link.searchParams.get("token") ?? "";
    expect(token).toMatch(/^[0-9a-f]{32}$/);
    // Wait for the island before the answer, so that the poll (not a load) sees it.
    await expect(page.locator("html[data-hydrated]")).toHaveCount(1, { timeout: 60_000 });
    return token;
  };

  // Declined in the app: the live region says so without a reload, and the ways to pay are back.
  const declinedToken = await payInApp();
  await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
  await answerInApp(declinedToken, "declined");
  await expect(page.getByTestId("payment-status")).toHaveAttribute("data-status", "DECLINED", { timeout: 30_000 });
  await expect(page.getByRole("status").filter({ hasText: "Betalningen avbröts i Swish" })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);

  const token = await payInApp();
  // Another device: the QR code is an image the portal serves (a real picture, not a broken one).
  const qr = page.getByRole("img", { name: /QR-kod/ });
  await expect(qr).toBeVisible();
  await expect.poll(() => qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  await a11y("payment in the Swish app");
  expect(await overflowAt(page)).toBeLessThanOrEqual(0);
  await a11y("payment in the Swish app at 320 px");
  await page.setViewportSize({ width: 1280, height: 900 });

  // Paid in the app: the panel's poll sees it and says so, no reload, and signing is next.
  await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
  await answerInApp(token, "paid");
  await expect(page.getByTestId("payment-status")).toHaveAttribute("data-status", "PAID", { timeout: 30_000 });
  await expect(page.getByRole("status").getByTestId("payment-paid")).toContainText(/^Betalt .* med Swish/);
  expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
  await expect(page.getByRole("link", { name: "Öppna Swish" })).toHaveCount(0);
  await a11y("paid in the Swish app");
  await signAndSubmitPermit(page, ERIK);
  expect(referenceOf(page)).not.toBe("");
});
