import { expect, jsDisabled, loginAsStaff, test } from "./fixtures";

/**
 * Issue 13: a sixth municipality by configuration only (decision 056). A portal-wide admin adds
 * it with two administrations in the browser; it is then offered in /valj-kommun and has a home
 * page. Each project (JS on and off) adds its own municipality, so the two copies never meet.
 */
test("a portal-wide admin adds a sixth municipality with two administrations", async ({
  page,
  request,
  a11y,
}, testInfo) => {
  const off = jsDisabled(testInfo);
  const slug = off ? "vanersborg-utan-js" : "vanersborg";
  const code = off ? "VBX" : "VBG";
  const name = off ? "Vänersborg utan JS" : "Vänersborg";
  // An anonymous visit first, so the home page sits in the anonymous page cache.
  expect(await (await request.get("/")).text()).not.toContain(name);
  await loginAsStaff(page, "admin.portal", { redirectTo: "/admin" });
  await page.getByRole("link", { name: "Kommuner och förvaltningar" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Kommuner" })).toBeVisible();
  await page.setViewportSize({ width: 320, height: 800 });
  await a11y("/admin/kommuner");

  // A wrong organisation number is a field error in Swedish, not a 500.
  const fill = async (orgNumber: string) => {
    await page.getByLabel("Adress på webbplatsen", { exact: true }).fill(slug);
    await page.getByLabel("Kommunkod", { exact: true }).fill(code);
    await page.getByLabel("Namn", { exact: true }).fill(name);
    await page.getByLabel("Logotypens text", { exact: true }).fill(`${name} kommun`);
    await page.getByLabel("Introduktion på svenska", { exact: true }).fill("Välkommen till kommunen vid Vänern.");
    await page
      .getByLabel("Introduktion på engelska", { exact: true })
      .fill("Welcome to the municipality by Lake Vänern.");
    await page.getByLabel("Telefon", { exact: true }).fill("0521-72 10 00");
    await page.getByLabel("E-postadress", { exact: true }).fill("kommun@vanersborg.example.se");
    await page.getByLabel("Besöksadress", { exact: true }).fill("Sundsgatan 29, Vänersborg");
    await page.getByLabel("Postadress", { exact: true }).fill("462 85 Vänersborg");
    await page.getByLabel("Öppettider på svenska", { exact: true }).fill("Vardagar 8–16");
    await page.getByLabel("Öppettider på engelska", { exact: true }).fill("Weekdays 8–16");
    await page.getByLabel("Organisationsnummer", { exact: true }).fill(orgNumber);
    await page.getByRole("button", { name: "Lägg till kommunen" }).click();
  };
  await fill("212000-1463");
  await expect(page.locator(".field__error").filter({ hasText: "kontrollsiffran" })).toBeVisible();
  await a11y("/admin/kommuner with errors");
  await fill("212000-1462");
  await page.waitForURL(`**/admin/kommuner/${slug}`);
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();

  for (const [adminSlug, sv, en] of [
    ["samhallsbyggnad", "Samhällsbyggnadsförvaltningen", "Community planning"],
    ["barn-och-utbildning", "Barn- och utbildningsförvaltningen", "Children and education"],
  ] as const) {
    const add = page.locator("form", { has: page.getByRole("button", { name: "Lägg till förvaltningen" }) });
    await add.getByLabel("Adress på webbplatsen", { exact: true }).fill(adminSlug);
    await add.getByLabel("Namn på svenska", { exact: true }).fill(sv);
    await add.getByLabel("Namn på engelska", { exact: true }).fill(en);
    await add.getByRole("button", { name: "Lägg till förvaltningen" }).click();
    await expect(page.getByRole("heading", { level: 3, name: sv })).toBeVisible();
  }
  // Which areas the new administration handles: chosen here, not a fixed list.
  await page
    .getByRole("group", { name: "Områden som Samhällsbyggnadsförvaltningen handlägger" })
    .getByLabel("Bygglov", { exact: true })
    .check();
  await page.getByRole("button", { name: "Spara områden för Samhällsbyggnadsförvaltningen" }).click();
  await expect(
    page
      .getByRole("group", { name: "Områden som Samhällsbyggnadsförvaltningen handlägger" })
      .getByLabel("Bygglov", { exact: true }),
  ).toBeChecked();
  await a11y(`/admin/kommuner/${slug}`);

  // Named from the table in every page's header and footer, and not served from a stale cache
  // (decision 071): no code names it.
  const home = await (await request.get("/")).text();
  expect(home).toContain(`· ${name}`);
  expect(home).toContain(`href="/${slug}"`);

  await page.goto("/valj-kommun");
  await page.getByRole("link", { name, exact: true }).click();
  await page.goto(`/${slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(name);
  await expect(page.getByText("Barn- och utbildningsförvaltningen").first()).toBeVisible();
});

test("a municipal admin cannot add a municipality or open another one", async ({ page }) => {
  await loginAsStaff(page, "admin.amal", { redirectTo: "/admin/kommuner" });
  await expect(page.getByRole("link", { name: "Åmål (AML)" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Lägg till kommunen" })).toHaveCount(0);
  const response = await page.goto("/admin/kommuner/bengtsfors");
  expect(response?.status()).toBe(403);
});
