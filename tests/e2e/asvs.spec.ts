import { expect, jsDisabled, loginAsStaff, test } from "./fixtures";

// The HTTP surface that docs/security/asvs-l2.md claims and no other journey pinned down.
// Most of these are requests, not pages: they run once (JavaScript on).

test.describe("ASVS: the HTTP surface", () => {
  test("the staff login lets password managers fill and paste (2.1.11)", async ({ page }, testInfo) => {
    await page.goto("/personal/logga-in");
    await expect(page.getByLabel("Användarnamn")).toHaveAttribute("autocomplete", "username");
    const password = page.getByLabel("Lösenord");
    await expect(password).toHaveAttribute("type", "password");
    await expect(password).toHaveAttribute("autocomplete", "current-password");
    await expect(password).not.toHaveAttribute("onpaste", /.*/);
    if (jsDisabled(testInfo)) return;
    // Nothing cancels a paste (a cancelled event returns false from dispatchEvent).
    expect(
      await password.evaluate((el) => el.dispatchEvent(new Event("paste", { bubbles: true, cancelable: true }))),
    ).toBe(true);
  });

  test("/om-webbplatsen tells residents which personal data is handled, by whom and which cookies are set (8.3.3)", async ({
    page,
  }) => {
    await page.goto("/om-webbplatsen");
    await expect(page.getByRole("heading", { name: "Personuppgifter", exact: true })).toBeVisible();
    await expect(page.getByText(/Personuppgiftsansvarig är den nämnd/)).toBeVisible();
    await expect(page.getByRole("heading", { name: "Kakor (cookies)", exact: true })).toBeVisible();
  });

  test("folders are never listed and files outside public/ are not served (4.3.2, 12.5.1)", async ({
    request,
  }, testInfo) => {
    test.skip(jsDisabled(testInfo), "requests only");
    for (const path of [
      "/build/",
      "/locales/",
      "/locales/sv/",
      "/package.json",
      "/app/root.tsx",
      "/data/portal.db",
      "/%2e%2e/package.json",
      "/.env",
      "/.git/config",
    ]) {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBeGreaterThanOrEqual(400);
      expect(response.status(), path).toBeLessThan(500);
      const body = await response.text();
      expect(body, path).not.toMatch(/Index of|"dependencies"|DATA_DIR|SQLite format/);
    }
    expect((await request.get("/favicon.svg")).status()).toBe(200);
  });

  test("public/'s files are served however their path is spelt; pages skip the file look-up (decision 140)", async ({
    request,
  }, testInfo) => {
    test.skip(jsDisabled(testInfo), "requests only");
    for (const [path, type] of [
      ["/favicon.svg", "image/svg+xml"],
      ["/fav%69con.svg", "image/svg+xml"],
      ["/./favicon.svg", "image/svg+xml"],
      ["/favicon.ico?v=2", "image/x-icon"],
      ["/locales/sv/common.json", "application/json"],
    ] as const) {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBe(200);
      expect(response.headers()["content-type"], path).toContain(type);
    }
    const page = await request.get("/om-webbplatsen", { maxRedirects: 0 });
    expect(page.status()).toBe(200);
    expect(page.headers()["content-type"]).toContain("text/html");
  });

  test("every response carries Permissions-Policy, nosniff, no version header and a Content-Type with a character set (10.2.2, 14.3.3, 14.4.1, 14.4.4)", async ({
    request,
  }, testInfo) => {
    test.skip(jsDisabled(testInfo), "requests only");
    for (const path of [
      "/",
      "/tjanster",
      "/finns-inte",
      "/api/v1/municipalities",
      "/sitemap.xml",
      "/robots.txt",
      "/diarium.csv",
      "/healthz",
    ]) {
      const response = await request.get(path);
      const headers = response.headers();
      expect(headers["permissions-policy"], path).toContain("camera=()");
      expect(headers["permissions-policy"], path).toContain("geolocation=()");
      expect(headers["x-content-type-options"], path).toBe("nosniff");
      expect(headers["x-powered-by"], path).toBeUndefined();
      expect(headers["server"] ?? "", path).not.toMatch(/\d/);
      expect(headers["content-type"], path).toMatch(
        /^(text\/[a-z]+|application\/(json|xml|[a-z+]+\+json|[a-z+]+\+xml))\s*;\s*charset=utf-8$/i,
      );
    }
  });

  test("methods the portal does not use are refused (14.5.1)", async ({ request }, testInfo) => {
    test.skip(jsDisabled(testInfo), "requests only");
    for (const method of ["PUT", "DELETE", "PATCH"]) {
      for (const path of ["/", "/tjanster", "/api/v1/municipalities"]) {
        const response = await request.fetch(path, { method, maxRedirects: 0 });
        expect(response.status(), `${method} ${path}`).toBeGreaterThanOrEqual(400);
        expect(response.status(), `${method} ${path}`).toBeLessThan(500);
      }
    }
  });

  // TRACE reached Remix, which cannot build a Request for it, and answered 500; the server now
  // refuses every method the portal does not use with 405 and an Allow header.
  test("TRACE is refused with a 4xx, not a 500 (14.5.1)", async ({ request }, testInfo) => {
    test.skip(jsDisabled(testInfo), "requests only");
    for (const path of ["/", "/api/v1/municipalities"]) {
      const response = await request.fetch(path, { method: "TRACE", maxRedirects: 0 });
      expect(response.status(), `TRACE ${path}`).toBe(405);
      expect(response.headers()["allow"], `TRACE ${path}`).toBe("GET, HEAD, POST, OPTIONS");
    }
  });
});

test.describe("ASVS: choosing a staff password", () => {
  test("the password change page offers show-password buttons and a strength meter with JavaScript, and plain fields without (2.1.8, 2.1.12)", async ({
    page,
    a11y,
  }, testInfo) => {
    await loginAsStaff(page, "admin.fargelanda", { redirectTo: "/personal/byt-losenord", fresh: true });
    await expect(page.getByRole("heading", { level: 1, name: "Byt lösenord" })).toBeVisible();
    const next = page.getByLabel("Nytt lösenord", { exact: true });
    await expect(next).toHaveAttribute("type", "password");
    if (jsDisabled(testInfo)) {
      // The aids need script; the fields work as before.
      await expect(page.getByRole("button", { name: /^Visa/ })).toHaveCount(0);
      await a11y("/personal/byt-losenord");
      return;
    }
    const show = page.getByRole("button", { name: "Visa Nytt lösenord" });
    await expect(show).toHaveAttribute("aria-pressed", "false");
    await next.fill("fyra ord vid Vänerns strand");
    await show.click();
    await expect(show).toHaveAttribute("aria-pressed", "true");
    await expect(next).toHaveAttribute("type", "text");
    await expect(next).toHaveValue("fyra ord vid Vänerns strand");
    const strength = page.locator("#next-strength");
    await expect(strength).toHaveAttribute("aria-live", "polite");
    await expect(strength).toHaveText("Lösenordets styrka: starkt");
    await next.fill("kort");
    await expect(strength).toHaveText("Lösenordets styrka: för kort (minst 12 tecken)");
    await show.click();
    await expect(next).toHaveAttribute("type", "password");
    await a11y("/personal/byt-losenord");
  });
});
