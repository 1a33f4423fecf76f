import Database from "better-sqlite3";
import { join, resolve } from "node:path";
import { expect, jsDisabled, loginAsStaff, test } from "./fixtures";

const NO_SCRIPT = "script[src], link[rel=modulepreload]";

test.describe("other authorities", () => {
  test("/andra-myndigheter lists authorities by level with anchors, verified dates and no JavaScript", async ({
    page,
    a11y,
  }) => {
    expect((await page.goto("/andra-myndigheter"))?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Andra myndigheter");
    for (const level of ["Län och region", "Statliga myndigheter", "Europeiska unionen"]) {
      await expect(page.getByRole("heading", { level: 2, name: level })).toBeVisible();
    }
    expect(await page.locator(".authority").count()).toBeGreaterThanOrEqual(15);
    for (const host of ["skatteverket.se", "forsakringskassan.se", "lansstyrelsen.se", "europa.eu"]) {
      expect(await page.locator(`.authority a[href*="${host}"]`).count(), host).toBeGreaterThan(0);
    }
    await expect(page.locator("#skatteverket h3")).toHaveText("Skatteverket");
    await expect(page.locator("#skatteverket")).toContainText(/Länken (kontrollerad|har inte kontrollerats)/);
    expect(await page.locator(NO_SCRIPT).count()).toBe(0);
    await a11y("andra-myndigheter");
  });

  test("an authority has its own page in both languages, and an unknown one is a 404", async ({ page, a11y }) => {
    expect((await page.goto("/andra-myndigheter/skatteverket"))?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Skatteverket");
    await expect(page.getByRole("link", { name: /Gå till skatteverket\.se/ })).toHaveAttribute(
      "href",
      /skatteverket\.se/,
    );
    await expect(page.getByRole("heading", { name: "Guider där Skatteverket är med" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Kommunens tjänster där Skatteverket är med" })).toBeVisible();
    await a11y("skatteverket sv");
    expect((await page.goto("/andra-myndigheter/skatteverket?lang=en"))?.status()).toBe(200);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { name: "What you can do with Swedish Tax Agency" })).toBeVisible();
    await a11y("skatteverket en");
    expect((await page.goto("/andra-myndigheter/finns-inte"))?.status()).toBe(404);
  });

  test("a link the checker found broken is marked for residents", async ({ page, a11y }) => {
    // The checker itself is tested against a local server (app/services/links.server.test.ts);
    // here we only set its result in the e2e database, as a run would.
    const dbPath = resolve(process.env.E2E_DATA_DIR ?? "tests/.tmp/e2e", "portal.db");
    const sqlite = new Database(join(dbPath));
    sqlite.pragma("busy_timeout = 5000");
    const url = (sqlite.prepare("select url from authority where slug = 'boverket'").get() as { url: string }).url;
    sqlite.prepare("update external_link set broken = 1, last_status = 404 where url = ?").run(url);
    sqlite.prepare("update authority set broken = 1, last_status = 404 where slug = 'boverket'").run();
    sqlite.close();
    // A checker run clears the anonymous page cache; writing the database directly does not,
    // so ask for addresses no earlier test has put in the cache.
    await page.goto("/andra-myndigheter?efter-kontroll=1");
    await expect(page.locator("#boverket")).toContainText("Länken fungerar inte just nu");
    await page.goto("/andra-myndigheter/boverket?efter-kontroll=1");
    await expect(page.getByRole("note")).toContainText("Länken fungerar inte just nu");
    await a11y("broken link");
  });
});

test.describe("external links for administrators", () => {
  test("an administrator sees every external link, broken ones first, and residents cannot", async ({ page, a11y }) => {
    await page.goto("/admin/lankar");
    await expect(page.getByRole("heading", { level: 1 })).not.toHaveText("Externa länkar");
    await loginAsStaff(page, "admin.portal");
    await expect(page.getByRole("link", { name: "Externa länkar" })).toBeVisible();
    await page.getByRole("link", { name: "Externa länkar" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Externa länkar");
    // A document navigation streams the page: the h1 is there before the last row.
    await expect.poll(() => page.locator("tbody tr").count()).toBeGreaterThanOrEqual(24);
    await expect(page.locator("tbody tr").first().getByRole("link")).toHaveAttribute("href", /^https:\/\//);
    await a11y("admin links");
  });
});

test.describe("life events", () => {
  test("/livshandelser lists at least five guides in both languages", async ({ page, a11y }) => {
    expect((await page.goto("/livshandelser"))?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Livshändelser");
    expect(await page.locator(".card").count()).toBeGreaterThanOrEqual(5);
    for (const guide of [
      "Flytta till Dalsland",
      "Vi ska få barn",
      "Starta företag",
      "Bygga eget hus",
      "När någon har dött",
    ]) {
      await expect(page.getByRole("link", { name: guide })).toBeVisible();
    }
    expect(await page.locator(NO_SCRIPT).count()).toBe(0);
    await a11y("livshandelser");
    await page.goto("/livshandelser?lang=en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Life events");
    await a11y("livshandelser en");
  });

  test("a guide lists ordered steps that say who does what and link to services, forms and authorities", async ({
    page,
    a11y,
  }) => {
    await page.goto("/livshandelser");
    await page.getByRole("link", { name: "Flytta till Dalsland" }).click();
    await expect(page).toHaveURL(/\/livshandelser\/flytta-till-dalsland$/);
    const steps = page.locator("ol.steps > li");
    await expect.poll(() => steps.count()).toBeGreaterThanOrEqual(5);
    await expect(steps.nth(0)).toContainText("Steg 1");
    await expect(steps.nth(0).getByRole("link", { name: "Migrationsverket", exact: true })).toHaveAttribute(
      "href",
      "/andra-myndigheter/migrationsverket",
    );
    await expect(steps.nth(1)).toContainText("Din kommun");
    await expect(steps.nth(1).getByRole("link", { name: "Fyll i blanketten" })).toHaveAttribute(
      "href",
      "/blanketter/forskola-ansokan",
    );
    await expect(steps.nth(1).getByRole("link", { name: /^Läs om tjänsten/ })).toHaveAttribute(
      "href",
      "/tjanster/forskola",
    );
    expect(await page.locator(NO_SCRIPT).count()).toBe(0);
    await a11y("guide");
    await steps.nth(0).getByRole("link", { name: "Migrationsverket", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Migrationsverket");
    expect((await page.goto("/livshandelser/finns-inte?lang=en"))?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  });
});

test.describe("step 4 pages at phone width (320 px)", () => {
  test.use({ viewport: { width: 320, height: 640 } });
  for (const path of [
    "/andra-myndigheter",
    "/andra-myndigheter/lansstyrelsen-vastra-gotaland",
    "/livshandelser",
    "/livshandelser/bygga-eget-hus?lang=en",
  ]) {
    test(`${path} reflows without horizontal scrolling`, async ({ page, a11y }, testInfo) => {
      expect((await page.goto(path))?.status()).toBe(200);
      await a11y(`${path} @320`);
      if (!jsDisabled(testInfo)) {
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow).toBeLessThanOrEqual(0);
      }
    });
  }
});

test.describe("open data over HTTP", () => {
  test("the API answers JSON with CORS, the OpenAPI document, sitemap and robots.txt", async ({
    request,
  }, testInfo) => {
    test.skip(jsDisabled(testInfo), "requests only: the browser's JavaScript setting plays no part (decision 082)");
    const list = await request.get("/api/v1/authorities?pageSize=100");
    expect(list.status()).toBe(200);
    expect(list.headers()["access-control-allow-origin"]).toBe("*");
    const body = await list.json();
    expect(body.meta.total).toBeGreaterThanOrEqual(15);
    expect((await request.get("/api/v1/authorities?pageSize=1000")).status()).toBe(400);
    expect((await request.get("/api/v1/openapi.json")).status()).toBe(200);
    const sitemap = await request.get("/sitemap.xml");
    expect(sitemap.headers()["content-type"]).toMatch(/xml/);
    expect(await sitemap.text()).toContain("/andra-myndigheter/skatteverket</loc>");
    const robots = await (await request.get("/robots.txt")).text();
    expect(robots).toMatch(/Sitemap: http:\/\/.+\/sitemap\.xml/);
    expect(robots).toContain("Disallow: /mina-sidor");
  });
});
