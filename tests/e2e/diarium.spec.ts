import { DIARIUM_CANARY } from "../../db/seed/content/diarium";
import { expect, jsDisabled, test } from "./fixtures";

test.describe("the public register (diarium)", () => {
  test("searches, filters and pages a register of thousands of cases", async ({ page, a11y }) => {
    const response = await page.goto("/diarium");
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Diariet");
    const count = Number((await page.locator("#result-heading").textContent())?.replace(/\D/g, ""));
    expect(count).toBeGreaterThan(2000);
    await expect(page.getByText(/^Sida 1 av \d+$/)).toBeVisible();
    await a11y("diarium");

    await page.getByLabel("Sökord").fill("gatubelysning");
    await page.getByLabel("Kommun", { exact: true }).selectOption("mellerud");
    await page.getByLabel("Registrerat från och med").fill("2024-01-01");
    await page.getByLabel("Registrerat till och med").fill("2024-12-31");
    await page.getByRole("button", { name: "Sök", exact: true }).click();
    await expect(page).toHaveURL(/q=gatubelysning/);
    await expect(page.locator("#q")).toHaveValue("gatubelysning");
    const rows = page.locator("tbody tr");
    await expect(rows.first()).toBeVisible();
    for (const text of await rows.allTextContents()) {
      expect(text).toMatch(/MEL-2024-\d{6}/);
      expect(text).toContain("Mellerud");
    }
    await page
      .getByRole("link", { name: "Nästa sida" })
      .first()
      .click()
      .catch(() => undefined);
  });

  test("private persons are masked, companies shown, and secret case types show no party", async ({ page }) => {
    await page.goto("/diarium?q=föreningsbidrag");
    await expect(page.locator("tbody tr").first()).not.toContainText("Privatperson");
    await page.goto("/diarium?q=förskoleplats");
    const first = page.locator("tbody tr").first();
    await expect(first).toContainText("Sekretess");
  });

  test("the canary never appears in public HTML, JSON, CSV or search", async ({ page, request }) => {
    const word = DIARIUM_CANARY.split(" ")[1]!.split("-")[0]!; // "Hemligsson"
    const searched = await page.goto(`/diarium?q=${encodeURIComponent(word)}`);
    expect(searched?.status()).toBe(200);
    await expect(page.getByText("Inga ärenden matchar sökningen.")).toBeVisible();
    for (const url of [
      "/diarium",
      "/diarium?kommun=amal&fran=2026-10-01&till=2026-10-31",
      "/diarium.data?kommun=amal&fran=2026-10-01&till=2026-10-31",
      "/diarium.csv",
      "/diarium.csv?kommun=amal&fran=2026-10-01&till=2026-10-31",
      `/diarium.csv?q=${word}`,
      "/diarium.atom",
      "/diarium.rss?kommun=amal",
      "/diarium.atom?kommun=amal&forvaltning=barn-och-utbildning&lang=en",
    ]) {
      const res = await request.get(url);
      expect(res.status(), url).toBe(200);
      const body = await res.text();
      expect(body, url).not.toContain(DIARIUM_CANARY);
      expect(body.toLowerCase(), url).not.toContain(`${word.toLowerCase()}-7q4x`);
    }
    // The canaries are there, masked: three cases in Åmål on 5–7 October 2026.
    await page.goto("/diarium?kommun=amal&fran=2026-10-05&till=2026-10-07");
    await expect(page.locator("tbody")).toContainText("Privatperson");
    await expect(page.locator("tbody")).toContainText("Sekretess");
  });

  test("CSV export is a masked download of the same search", async ({ request }, testInfo) => {
    test.skip(jsDisabled(testInfo), "requests only: the browser's JavaScript setting plays no part (decision 082)");
    const res = await request.get("/diarium.csv?kommun=bengtsfors&fran=2025-01-01&till=2025-03-31");
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toContain("text/csv");
    expect(res.headers()["content-disposition"]).toMatch(/^attachment/);
    const lines = (await res.text())
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe("Diarienummer;Registrerat;Ärende;Beskrivning;Part;Kommun;Förvaltning;Status");
    expect(lines.length).toBeGreaterThan(10);
    for (const line of lines.slice(1)) expect(line).toMatch(/^BEN-2025-\d{6};2025-0[1-3]-\d{2};/);
  });

  test("malformed filters get field messages and 400, unknown parameters too", async ({ page, a11y }) => {
    const res = await page.goto("/diarium?fran=2026-13-45&kommun=oslo&hack=1");
    expect(res?.status()).toBe(400);
    const summary = page.getByRole("alert");
    await expect(
      summary.getByRole("link", { name: "Ange datumet som ÅÅÅÅ-MM-DD, till exempel 2026-01-31" }),
    ).toHaveAttribute("href", "#fran");
    await expect(summary.getByRole("link", { name: "Välj en kommun i listan" })).toBeVisible();
    await expect(summary).toContainText("hack");
    await expect(page.locator("#fran")).toHaveAttribute("aria-invalid", "true");
    await a11y("diarium errors");
    expect((await page.request.get("/diarium.csv?sida=x")).status()).toBe(400);
  });

  test("“begär ut handling” opens the request form pre-filled with the case number", async ({ page }, testInfo) => {
    await page.goto("/diarium?kommun=dals-ed");
    const reference = (await page.locator("tbody th").first().textContent())!.trim();
    await page.getByRole("link", { name: `Begär ut handling i ärende ${reference}` }).click();
    await expect(page).toHaveURL(/\/blanketter\/begaran-allman-handling\//);
    await expect(page.locator('input[name="diarienummer"]')).toHaveValue(reference);
    if (!jsDisabled(testInfo)) await expect(page.locator("html")).toHaveAttribute("lang", "sv");
  });

  test("announces and links Atom and RSS feeds that follow the chosen municipality and parse as XML", async ({
    page,
    a11y,
  }) => {
    await page.goto("/diarium");
    const atom = page.locator('head link[rel="alternate"][type="application/atom+xml"]');
    const rss = page.locator('head link[rel="alternate"][type="application/rss+xml"]');
    await expect(atom).toHaveAttribute("href", "/diarium.atom");
    await expect(rss).toHaveAttribute("href", "/diarium.rss");
    await expect(atom).toHaveAttribute("title", "Diariet: nya ärenden (Atom)");
    const section = page.getByRole("region", { name: "Prenumerera på nya ärenden" });
    await expect(section.getByRole("link", { name: "Atom" })).toHaveAttribute("href", "/diarium.atom");
    await expect(section.getByRole("link", { name: "RSS 2.0" })).toHaveAttribute("href", "/diarium.rss");

    await page.getByLabel("Kommun", { exact: true }).selectOption("amal");
    await page.getByRole("button", { name: "Sök", exact: true }).click();
    await expect(page).toHaveURL(/kommun=amal/);
    await expect(atom).toHaveAttribute("href", "/diarium.atom?kommun=amal");
    await expect(section).toContainText("Följ nya ärenden i Åmål som webbflöde");
    await a11y("diarium with feed links");

    // Parsed on a blank page: Chromium styles its <parsererror> inline, which the portal's CSP refuses.
    const parser = await page.context().newPage();
    await parser.goto("about:blank");
    for (const [href, root, item] of [
      ["/diarium.atom?kommun=amal", "feed", "entry"],
      ["/diarium.rss?kommun=amal", "rss", "item"],
    ] as const) {
      const res = await page.request.get(href);
      expect(res.status()).toBe(200);
      expect(res.headers()["content-type"]).toBe(
        href.includes("atom") ? "application/atom+xml; charset=utf-8" : "application/rss+xml; charset=utf-8",
      );
      const xml = await res.text();
      // Chromium's own XML parser: a parse error shows up as a <parsererror> element.
      const parsed = await parser.evaluate(
        ([text, itemName]) => {
          const doc = new DOMParser().parseFromString(text, "application/xml");
          // The check can fail: an ill-formed document is reported.
          const broken = new DOMParser().parseFromString("<feed><title>a & b</title></feed>", "application/xml");
          return {
            detects: broken.getElementsByTagName("parsererror").length > 0,
            error: doc.getElementsByTagName("parsererror").length > 0,
            root: doc.documentElement.localName,
            items: doc.getElementsByTagName(itemName).length,
          };
        },
        [xml, item] as const,
      );
      expect(parsed).toEqual({ detects: true, error: false, root, items: 50 });
      expect(xml).not.toContain("Hemligsson");
    }
    await parser.close();
  });

  test("works in English at 320 px", async ({ page, a11y }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto("/diarium?lang=en&kommun=amal");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("register");
    await a11y("diarium en 320");
  });
});
