import { expect, jsDisabled, MUNICIPALITIES, test } from "./fixtures";

test.describe("the service catalogue", () => {
  test("/tjanster lists at least 40 services and filters by category with plain links", async ({ page, a11y }) => {
    expect((await page.goto("/tjanster"))?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1, name: "Tjänster" })).toBeVisible();
    expect(await page.locator(".service-list__item").count()).toBeGreaterThanOrEqual(40);
    expect(await page.locator("script[src], link[rel=modulepreload]").count()).toBe(0);
    await a11y("/tjanster");

    await page
      .getByRole("navigation", { name: "Bläddra efter kategori" })
      .getByRole("link", { name: "Bygga, bo och miljö" })
      .click();
    await expect(page).toHaveURL(/kategori=bygga-bo-och-miljo/);
    await expect(page.getByRole("heading", { level: 1, name: "Bygga, bo och miljö" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Bygglov för nybyggnad" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Förskola", exact: true })).toHaveCount(0);
    await a11y("/tjanster?kategori");
  });

  test("an unknown category answers 400 with a message, not 500", async ({ page, a11y }) => {
    expect((await page.goto("/tjanster?kategori=finns-inte"))?.status()).toBe(400);
    await expect(page.getByRole("alert")).toContainText("Kategorin finns inte");
    await a11y("bad category");
  });

  test("browse by municipality → administration → services", async ({ page, a11y }) => {
    await page.goto("/tjanster");
    await page.getByRole("link", { name: "Tjänster i Åmål" }).click();
    await expect(page).toHaveURL(/\/amal\/tjanster$/);
    await expect(page.getByRole("heading", { level: 2, name: "Barn och utbildning" })).toBeVisible();
    const group = page.getByRole("region", { name: "Samhällsbyggnad" });
    await expect(group.getByRole("link", { name: "Bygglov för nybyggnad" })).toBeVisible();
    // Offered by Mellerud and Åmål only.
    await expect(page.getByRole("link", { name: /Gästhamn/ })).toBeVisible();
    await a11y("/amal/tjanster");
    await page.goto("/bengtsfors/tjanster");
    await expect(page.getByRole("link", { name: /Gästhamn/ })).toHaveCount(0);
  });

  test("a service page asks for a municipality, then highlights that municipality's variant", async ({
    page,
    a11y,
  }) => {
    await page.goto("/tjanster/bygglov-nybyggnad");
    await expect(page.getByRole("heading", { level: 1, name: "Bygglov för nybyggnad" })).toBeVisible();
    for (const heading of [
      "Vem tjänsten är till för",
      "Så ansöker du",
      "Vad det kostar",
      "Hur lång tid det tar",
      "Lagstöd",
      "Jämför kommunerna",
      "Relaterade tjänster",
      "Andra myndigheter",
    ]) {
      await expect(page.getByRole("heading", { level: 2, name: heading })).toBeVisible();
    }
    await expect(page.getByText(/Senast granskad \d{4}-\d{2}-\d{2}/)).toBeVisible();
    await expect(page.getByRole("link", { name: "Ansök eller fyll i blanketten" })).toHaveAttribute(
      "href",
      "/blanketter/bygglov-ansokan",
    );
    await a11y("service, no municipality");

    await page
      .getByRole("region", { name: "Välj kommun för att se det som gäller där" })
      .getByRole("link", { name: "Välj kommun" })
      .click();
    await expect(page).toHaveURL(/\/valj-kommun\?tillbaka=%2Ftjanster%2Fbygglov-nybyggnad/);
    await page.getByRole("link", { name: "Mellerud", exact: true }).click();
    await expect(page).toHaveURL(/\/tjanster\/bygglov-nybyggnad$/);
    const mine = page.getByRole("region", { name: "I Mellerud" });
    await expect(mine).toBeVisible();
    await expect(mine.getByText("bygglov@mellerud.example.se")).toBeVisible();
    await expect(page.locator("tr.compare__mine th")).toContainText("Mellerud");
    await a11y("service, Mellerud chosen");
  });

  test("the comparison table has a caption and scoped headers for all five", async ({ page }) => {
    await page.goto("/tjanster/forskola");
    const table = page.getByRole("table", { name: /Avgift, handläggningstid och kontakt för Förskola/ });
    await expect(table).toBeVisible();
    await expect(table.locator("thead th[scope=col]")).toHaveCount(4);
    await expect(table.locator("tbody th[scope=row]")).toHaveText(MUNICIPALITIES.map((m) => m.name));
  });

  test("every service page carries schema.org GovernmentService JSON-LD", async ({ page }) => {
    await page.goto("/tjanster/forskola");
    const json = await page.locator('script[type="application/ld+json"]').textContent();
    const data = JSON.parse(json ?? "{}");
    expect(data["@type"]).toBe("GovernmentService");
    expect(data.name).toBe("Förskola");
    expect(data.provider).toHaveLength(5);
    expect(data.availableChannel.serviceUrl).toMatch(/\/blanketter\/forskola-ansokan$/);
    expect(await page.locator("script[src]").count()).toBe(0);
  });

  test("the service page works in English", async ({ page, a11y }) => {
    await page.goto("/tjanster/forskola?lang=en");
    await expect(page.getByRole("heading", { level: 1, name: "Preschool" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "Compare the municipalities" })).toBeVisible();
    await a11y("service en");
  });

  test("an unknown service is a 404", async ({ page }, testInfo) => {
    // Only the status is asserted; the 404 page itself is checked with JavaScript off in
    // shell.spec and the sweep (decision 112).
    test.skip(jsDisabled(testInfo), "the HTTP status only: the browser's JavaScript plays no part");
    expect((await page.goto("/tjanster/finns-inte"))?.status()).toBe(404);
  });
});

test.describe("municipal pages and news", () => {
  test("the municipality home links to its services, activities, news and pages", async ({ page, a11y }) => {
    await page.goto("/amal");
    await expect(page.getByRole("link", { name: "Tjänster i Åmål" })).toHaveAttribute("href", "/amal/tjanster");
    await expect(page.getByRole("heading", { name: "Senaste nyheterna" })).toBeVisible();
    await page.getByRole("link", { name: "Alla verksamheter i Åmål" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Verksamheter i Åmål" })).toBeVisible();
    await a11y("activities");
    await page.getByRole("link", { name: "Åmål bibliotek" }).click();
    await expect(page.getByText("Öppettider")).toBeVisible();
    await expect(page.getByRole("link", { name: "bibliotek@amal.example.se" })).toBeVisible();
    await a11y("activity");
    await page.goto("/amal/sidor/kommunfullmaktige?lang=en");
    await expect(page.getByRole("heading", { level: 1, name: "Municipal council" })).toBeVisible();
    await a11y("page en");
  });

  test("news shows current items only: not expired, not scheduled, not overdue past the grace period", async ({
    page,
    a11y,
  }) => {
    await page.goto("/mellerud/nyheter");
    await expect(page.getByRole("link", { name: /Vattnet stängs av/ })).toBeVisible();
    await expect(page.getByRole("link", { name: /Sommarlovsaktiviteter/ })).toHaveCount(0);
    await expect(page.getByRole("link", { name: /budget/i })).toHaveCount(0);
    await expect(page.getByRole("link", { name: /tidtabell/i })).toHaveCount(0);
    await a11y("news list");
    await page.getByRole("link", { name: /Vattnet stängs av/ }).click();
    await expect(page.getByText(/Publicerad \d{4}-\d{2}-\d{2}/)).toBeVisible();
    await a11y("news item");
    for (const path of [
      "/mellerud/nyheter/sommarlovsaktiviteter-forra-aret",
      "/mellerud/nyheter/budget-nasta-ar",
      "/mellerud/nyheter/ny-busstidtabell",
      "/okand/nyheter",
    ]) {
      expect((await page.goto(path))?.status(), path).toBe(404);
    }
  });

  test("news pages announce and link the municipality's Atom and RSS feeds", async ({ page }) => {
    await page.goto("/mellerud/nyheter");
    await expect(page.locator('head link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute(
      "href",
      "/mellerud/nyheter.atom",
    );
    await expect(page.locator('head link[rel="alternate"][type="application/rss+xml"]')).toHaveAttribute(
      "href",
      "/mellerud/nyheter.rss",
    );
    await expect(page.getByRole("link", { name: "RSS 2.0" })).toHaveAttribute("href", "/mellerud/nyheter.rss");
    await page.goto("/mellerud/nyheter?lang=en");
    await expect(page.locator('head link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute(
      "href",
      "/mellerud/nyheter.atom?lang=en",
    );
    await page
      .getByRole("link", { name: /Vattnet stängs av|water/i })
      .first()
      .click();
    await expect(page.locator('head link[rel="alternate"][type="application/rss+xml"]')).toHaveAttribute(
      "href",
      "/mellerud/nyheter.rss?lang=en",
    );
  });
});

test.describe("search", () => {
  test("förskola, forskola and bygglov find the right services", async ({ page, a11y }) => {
    for (const [q, url] of [
      ["förskola", "/tjanster/forskola"],
      ["forskola", "/tjanster/forskola"],
      ["bygglov", "/tjanster/bygglov-nybyggnad"],
    ] as const) {
      expect((await page.goto(`/sok?q=${encodeURIComponent(q)}`))?.status()).toBe(200);
      await expect(page.locator(".search-results a").first()).toBeVisible();
      const hrefs = await page
        .locator(".search-results__title a")
        .evaluateAll((as) => as.slice(0, 5).map((a) => a.getAttribute("href")));
      expect(hrefs, q).toContain(url);
      await expect(page.locator(".search-results mark").first()).toBeVisible();
    }
    await a11y("search results");
  });

  test("the search form on the home page works without JavaScript and filters by municipality and type", async ({
    page,
  }) => {
    await page.goto("/");
    await page.getByRole("searchbox", { name: "Sök tjänster, blanketter och information" }).fill("bibliotek");
    await page.getByRole("button", { name: "Sök" }).click();
    await expect(page).toHaveURL(/\/sok\?q=bibliotek/);
    await page.getByLabel("Kommun").selectOption("amal");
    await page.getByLabel("Typ", { exact: true }).selectOption("page");
    await page.getByRole("button", { name: "Visa träffar" }).click();
    await expect(page).toHaveURL(/kommun=amal/);
    const hrefs = await page
      .locator(".search-results__title a")
      .evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    expect(hrefs).toContain("/amal/verksamheter/bibliotek");
    expect(hrefs.every((h) => h?.startsWith("/amal/"))).toBe(true);
  });

  test("hostile queries give a normal page", async ({ page }) => {
    for (const q of [
      '"',
      "NEAR(a b)",
      "*",
      "((",
      'a" OR "b',
      "title:x",
      "x".repeat(10_240),
      "<script>alert(1)</script>",
    ]) {
      const response = await page.goto(`/sok?q=${encodeURIComponent(q)}`);
      expect(response?.status(), q.slice(0, 20)).toBe(200);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    }
    expect(await page.locator("script:not([type])").count()).toBe(0);
  });

  test("nothing found gives help, and a bad filter a 400 with a field message", async ({ page, a11y }) => {
    await page.goto("/sok?q=qwzxv");
    await expect(page.getByRole("heading", { name: "Vi hittade ingenting" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Bläddra bland tjänsterna" })).toBeVisible();
    await a11y("nothing found");
    expect((await page.goto("/sok?q=skola&typ=hemlig"))?.status()).toBe(400);
    await expect(page.getByRole("alert")).toContainText("Avgränsningen finns inte");
    await expect(page.getByLabel("Typ", { exact: true })).toHaveAttribute("aria-invalid", "true");
    await a11y("bad filter");
  });

  test("search in English", async ({ page, a11y }) => {
    await page.goto("/sok?q=building+permit&lang=en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Search results for “building permit”");
    const hrefs = await page
      .locator(".search-results__title a")
      .evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    expect(hrefs).toContain("/tjanster/bygglov-nybyggnad");
    await a11y("search en");
  });
});

test.describe("catalogue at phone width (320 px)", () => {
  test.use({ viewport: { width: 320, height: 640 } });
  for (const path of [
    "/tjanster",
    "/tjanster/forskola",
    "/amal/tjanster",
    "/sok?q=bygglov",
    "/amal/verksamheter/bibliotek",
    "/amal/nyheter",
    "/tjanster/forskola?lang=en",
  ]) {
    test(`${path} reflows without horizontal scrolling`, async ({ page, a11y }, testInfo) => {
      await page.goto(path);
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
