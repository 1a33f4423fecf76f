import { expect, jsDisabled, MUNICIPALITIES, test } from "./fixtures";

test.describe("the portal shell", () => {
  test("the home page names all five municipalities and the four steps of the ladder", async ({ page, a11y }) => {
    const response = await page.goto("/");
    expect(response?.status()).toBe(200);
    await expect(page.locator("html")).toHaveAttribute("lang", "sv");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dalslands e-tjänster");
    const list = page.getByRole("region", { name: "Välj din kommun" });
    for (const m of MUNICIPALITIES) {
      await expect(list.getByRole("link", { name: m.name, exact: true })).toHaveAttribute("href", `/${m.slug}`);
    }
    for (const step of [
      "Information och tjänster",
      "Blanketter och självservice",
      "Mina sidor och e-tjänster",
      "Andra myndigheter",
    ]) {
      await expect(page.getByRole("heading", { level: 3, name: step })).toBeVisible();
    }
    await expect(page.getByRole("searchbox", { name: "Sök tjänster, blanketter och information" })).toBeVisible();
    // The header, the lead and the footer name the municipalities from the table, none from the code.
    for (const m of MUNICIPALITIES) {
      await expect(page.locator(".site-header__subtitle")).toContainText(m.name);
      await expect(page.locator("p.lead")).toContainText(m.name);
      await expect(page.locator(".site-footer__note")).toContainText(m.name);
    }
    await expect(page.getByRole("banner")).toContainText("Ingen kommun vald.");
    await a11y("home");
  });

  test("information pages ship no framework JavaScript", async ({ page }, testInfo) => {
    test.skip(
      jsDisabled(testInfo),
      "the pages hold no script at all, so they are the same page with JavaScript off (decision 082)",
    );
    await page.goto("/");
    expect(await page.locator("script[src], link[rel=modulepreload]").count()).toBe(0);
    await page.goto("/amal");
    expect(await page.locator("script[src], link[rel=modulepreload]").count()).toBe(0);
  });

  for (const m of MUNICIPALITIES) {
    test(`/${m.slug} is the municipality's home and becomes the chosen municipality`, async ({ page, a11y }) => {
      const response = await page.goto(`/${m.slug}`);
      expect(response?.status()).toBe(200);
      await expect(page.getByRole("heading", { level: 1 })).toContainText(m.name);
      await expect(page.getByRole("heading", { name: "Förvaltningar" })).toBeVisible();
      await expect(page.getByRole("heading", { level: 3, name: "Barn och utbildning" })).toBeVisible();
      await a11y(m.slug);
      await page.goto("/tillganglighet");
      await expect(page.locator(".site-header__municipality")).toContainText(m.name);
    });
  }

  test("the municipality can be changed from any page and the visitor returns there", async ({ page, a11y }) => {
    await page.goto("/om-webbplatsen");
    await page.getByRole("link", { name: "Välj kommun" }).click();
    await expect(page).toHaveURL(/\/valj-kommun\?tillbaka=/);
    await a11y("choose municipality");
    await page.getByRole("link", { name: "Mellerud", exact: true }).click();
    await expect(page).toHaveURL(/\/om-webbplatsen$/);
    await expect(page.locator(".site-header__municipality")).toContainText("Mellerud");
    await page.getByRole("link", { name: "Byt kommun" }).click();
    await page.getByRole("link", { name: "Åmål", exact: true }).click();
    await expect(page.locator(".site-header__municipality")).toContainText("Åmål");
  });

  test("a redirect target outside the portal is ignored", async ({ page }, testInfo) => {
    // The server's redirect after setting the cookie; the chooser is used without JavaScript in
    // "the municipality can be changed from any page" (decision 112).
    test.skip(jsDisabled(testInfo), "a server redirect only: the browser's JavaScript plays no part");
    await page.goto("/valj-kommun?kommun=amal&tillbaka=//evil.example/");
    expect(new URL(page.url()).pathname).toBe("/");
  });

  test("?lang=en switches to English, is remembered, and ?lang=sv switches back", async ({ page, a11y }) => {
    await page.goto("/?lang=en");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dalsland e-services");
    await a11y("home en");
    await page.getByRole("link", { name: "Accessibility" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Accessibility of Dalsland e-services");
    await page.getByRole("link", { name: "På svenska" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "sv");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tillgänglighet för Dalslands e-tjänster");
  });

  test("an unknown URL gives the 404 page with status 404, in the visitor's language", async ({ page, a11y }) => {
    for (const path of ["/finns-inte", "/finns/inte/alls"]) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sidan finns inte");
      await expect(page).toHaveTitle(/Sidan finns inte/);
    }
    await a11y("404");
    const en = await page.goto("/no-such-page?lang=en");
    expect(en?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
    await a11y("404 en");
  });

  for (const path of ["/tillganglighet", "/om-webbplatsen"]) {
    test(`${path} answers in both languages without accessibility violations`, async ({ page, a11y }) => {
      expect((await page.goto(path))?.status()).toBe(200);
      await a11y(`${path} sv`);
      expect((await page.goto(`${path}?lang=en`))?.status()).toBe(200);
      await expect(page.locator("html")).toHaveAttribute("lang", "en");
      await a11y(`${path} en`);
    });
  }

  test("the skip link is the first stop for the keyboard and moves to the main content", async ({ page }, testInfo) => {
    await page.goto("/amal");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Gå direkt till innehållet" });
    await expect(skip).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/#main$/);
    if (!jsDisabled(testInfo)) await expect(page.locator("main")).toBeFocused();
  });

  test("/healthz answers when the database does", async ({ request }, testInfo) => {
    test.skip(jsDisabled(testInfo), "requests only: the browser's JavaScript setting plays no part (decision 082)");
    const response = await request.get("/healthz");
    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", database: true });
  });

  test("every response carries the security headers", async ({ request }, testInfo) => {
    test.skip(jsDisabled(testInfo), "requests only: the browser's JavaScript setting plays no part (decision 082)");
    const response = await request.get("/");
    const headers = response.headers();
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["x-powered-by"]).toBeUndefined();
  });
});

test.describe("at phone width (320 px)", () => {
  test.use({ viewport: { width: 320, height: 640 } });

  for (const path of [
    "/",
    "/bengtsfors",
    "/tillganglighet",
    "/om-webbplatsen",
    "/valj-kommun",
    "/finns-inte",
    "/?lang=en",
  ]) {
    test(`${path} reflows without horizontal scrolling and has no violations`, async ({ page, a11y }, testInfo) => {
      await page.goto(path);
      await a11y(`${path} @320`);
      // Measuring needs page JavaScript; the server-rendered layout is the same without it.
      if (!jsDisabled(testInfo)) {
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow).toBeLessThanOrEqual(0);
      }
    });
  }
});
