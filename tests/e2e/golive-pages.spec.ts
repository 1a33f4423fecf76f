import type { Page } from "@playwright/test";
import { expect, jsDisabled, loginAsStaff, test, overflowAt } from "./fixtures";

/**
 * The two create pages of decision 061 (issue 13 item 3), with JavaScript on and off: a
 * portal-wide editor creates a life-event guide that no resident sees until it is published,
 * and a portal-wide admin creates an authority that the public authorities page then lists.
 * Each project creates its own guide and authority, so the two copies never meet. What the
 * public sees is asked by the `request` fixture, which holds no staff session.
 */

async function expectReflowAt320(page: Page) {
  const overflow = await overflowAt(page);
  expect(overflow, `horizontal scroll at 320 px on ${page.url()}`).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("a portal-wide editor creates a life-event guide: a draft nobody sees until it is published", async ({
  page,
  request,
  a11y,
}, testInfo) => {
  const off = jsDisabled(testInfo);
  const slug = off ? "starta-forening-utan-js" : "starta-forening";
  const titleSv = off ? "Starta en förening (utan JS)" : "Starta en förening";
  await loginAsStaff(page, "redaktor.portal", { redirectTo: "/redaktor/livshandelser" });
  await page.getByRole("link", { name: "Skapa en ny guide" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Ny livshändelseguide" })).toBeVisible();
  await a11y("/redaktor/livshandelser/ny");
  await expectReflowAt320(page);

  // A malformed address is a field error in Swedish and a 400, not a 500; nothing is created.
  await page.getByLabel("Adress (slug)").fill("Fel Adress");
  await page.getByLabel("Rubrik (svenska)").fill(titleSv);
  await page.getByLabel("Rubrik (engelska)").fill("Start an association");
  const [bad] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/redaktor/livshandelser/ny")),
    page.getByRole("button", { name: "Skapa guiden" }).click(),
  ]);
  expect(bad.status()).toBe(400);
  await expect(page.getByLabel("Adress (slug)")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("link", { name: /Skriv adressen med små bokstäver/ })).toBeVisible();
  await a11y("/redaktor/livshandelser/ny with errors");

  await page.getByLabel("Adress (slug)").fill(slug);
  await page.getByRole("button", { name: "Skapa guiden" }).click();
  await page.waitForURL(`**/redaktor/livshandelser/${slug}`);
  await expect(page.getByText("Guiden är inte publicerad än.")).toBeVisible();

  // Created, not public: no page, not in the list.
  expect((await request.get(`/livshandelser/${slug}`)).status()).toBe(404);
  expect(await (await request.get("/livshandelser")).text()).not.toContain(titleSv);

  await page.getByLabel("Sammanfattning (svenska)").fill("Så bildar du en ideell förening och söker bidrag.");
  await page.getByLabel("Sammanfattning (engelska)").fill("How to form a non-profit association and apply for grants.");
  await page.getByRole("button", { name: "Lägg till ett steg" }).click();
  await expect(page.getByRole("group", { name: "Steg 1" })).toBeVisible();
  const step = page.getByRole("group", { name: "Steg 1" });
  await step.getByLabel("Stegets rubrik (svenska)").fill("Registrera föreningen");
  await step.getByLabel("Stegets rubrik (engelska)").fill("Register the association");
  await step
    .getByLabel("Vad händer i steget (svenska)")
    .fill("Föreningen får ett organisationsnummer hos Skatteverket.");
  await step
    .getByLabel("Vad händer i steget (engelska)")
    .fill("The association gets an organisation number from the Tax Agency.");
  await step.getByLabel("Vem gör steget").selectOption("authority");
  await step.getByRole("combobox", { name: /^Myndighet/ }).selectOption("skatteverket");
  await a11y(`/redaktor/livshandelser/${slug}`);
  await expectReflowAt320(page);
  await page.getByRole("button", { name: "Publicera", exact: true }).click();
  await expect(page.getByText("Guiden är publicerad.")).toBeVisible();

  const published = await request.get(`/livshandelser/${slug}`);
  expect(published.status()).toBe(200);
  expect(await published.text()).toContain("Registrera föreningen");
  expect(await (await request.get("/livshandelser")).text()).toContain(titleSv);
  await page.goto(`/livshandelser/${slug}`);
  await expect(page.getByRole("heading", { level: 1, name: titleSv })).toBeVisible();
  await a11y(`/livshandelser/${slug}`);
});

test("a portal-wide admin creates an authority and it shows on the public authorities page", async ({
  page,
  request,
  a11y,
}, testInfo) => {
  const off = jsDisabled(testInfo);
  const slug = off ? "kustbevakningen-utan-js" : "kustbevakningen";
  const nameSv = off ? "Kustbevakningen (utan JS)" : "Kustbevakningen";
  expect(await (await request.get("/andra-myndigheter")).text()).not.toContain(nameSv);
  await loginAsStaff(page, "admin.portal", { redirectTo: "/admin/myndigheter" });
  await expect(page.getByRole("heading", { level: 1, name: "Andra myndigheter" })).toBeVisible();
  await a11y("/admin/myndigheter");
  await expectReflowAt320(page);

  const form = page.locator("form", { has: page.getByRole("button", { name: "Spara myndigheten" }) });
  await form.getByLabel("Adress (slug)").fill(slug);
  await form.getByLabel("Nivå").selectOption("state");
  await form.getByLabel("Namn på svenska").fill(nameSv);
  await form.getByLabel("Namn på engelska").fill("Swedish Coast Guard");
  await form.getByLabel("Beskrivning på svenska").fill("Sjöövervakning och räddningstjänst till sjöss.");
  await form.getByLabel("Beskrivning på engelska").fill("Maritime surveillance and rescue at sea.");
  // A plain-http address is a field error in Swedish and a 400; the rest is kept.
  await form.getByLabel("Webbadress").fill("http://www.kustbevakningen.se");
  const [bad] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/admin/myndigheter")),
    form.getByRole("button", { name: "Spara myndigheten" }).click(),
  ]);
  expect(bad.status()).toBe(400);
  await expect(page.getByLabel("Webbadress")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Namn på svenska")).toHaveValue(nameSv);
  await a11y("/admin/myndigheter with errors");

  await page.getByLabel("Webbadress").fill("https://www.kustbevakningen.se/");
  await page.getByRole("button", { name: "Spara myndigheten" }).click();
  await expect(page.getByRole("rowheader", { name: nameSv })).toBeVisible();

  const list = await request.get("/andra-myndigheter");
  expect(list.status()).toBe(200);
  expect(await list.text()).toContain(nameSv);
  expect((await request.get(`/andra-myndigheter/${slug}`)).status()).toBe(200);
  await page.goto("/andra-myndigheter");
  await expect(page.getByRole("link", { name: nameSv, exact: true })).toBeVisible();
  await a11y("/andra-myndigheter with the new authority");
});
