import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { simpleParser } from "mailparser";
import { expect, jsDisabled, test } from "./fixtures";

const MAIL_DIR = resolve(process.env.E2E_DATA_DIR ?? "tests/.tmp/e2e", "mail");
const FORM = "/blanketter/felanmalan-gata-park";

/** A tiny valid PNG (1×1), so the upload is checked by its content like any photo. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC",
  "base64",
);

async function mailFor(reference: string, timeoutMs = 10_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    let files: string[] = [];
    try {
      files = readdirSync(MAIL_DIR).filter((f) => f.endsWith(".eml"));
    } catch {
      // the catcher makes the directory on start; keep polling
    }
    for (const f of files) {
      const raw = readFileSync(join(MAIL_DIR, f));
      if (raw.includes(reference)) return simpleParser(raw);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no mail for ${reference} in ${MAIL_DIR}`);
}

test.describe("the form service", () => {
  test("/blanketter lists at least eight forms for a municipality, each to fill in online and as PDF", async ({
    page,
    a11y,
  }) => {
    const response = await page.goto("/blanketter?kommun=amal");
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Blanketter");
    const online = page.getByRole("link", { name: /^Fyll i på webben \(/ });
    expect(await online.count()).toBeGreaterThanOrEqual(8);
    await expect(
      page.getByRole("link", { name: "Fyll i på webben (Felanmälan gata, park och belysning)" }),
    ).toHaveAttribute("href", FORM);
    await expect(
      page.getByRole("link", { name: "Ladda ner PDF (Felanmälan gata, park och belysning)" }),
    ).toHaveAttribute("href", `${FORM}.pdf`);
    await a11y("blanketter");
  });

  test("an anonymous resident files a fault report, gets a reference, an e-mail receipt, and finds it masked in the diarium", async ({
    page,
    a11y,
  }, testInfo) => {
    const jsOff = jsDisabled(testInfo);
    const suffix = `${Date.now().toString(36)}${testInfo.project.name.replace(/\W/g, "")}`;
    const name = `Testperson Hemlig${suffix}`;
    const email = `e2e-${suffix}@example.se`;

    await page.goto("/blanketter?kommun=amal");
    await page.getByRole("link", { name: "Fyll i på webben (Felanmälan gata, park och belysning)" }).click();
    await expect(page).toHaveURL(/\/blanketter\/felanmalan-gata-park\/fel$/);
    await expect(page.getByText("Steg 1 av 3")).toBeVisible();

    // Nothing filled in: the error summary links to each question.
    await page.getByRole("button", { name: "Fortsätt", exact: true }).click();
    const summary = page.getByRole("alert").filter({ hasText: "Något behöver rättas till" });
    await expect(summary).toBeVisible();
    await expect(summary.getByRole("link", { name: "Välj vad felet gäller" })).toHaveAttribute(
      "href",
      "#field-category",
    );
    await expect(page.locator("#field-description")).toHaveAttribute("aria-invalid", "true");
    await a11y("felanmälan step 1 with errors");

    await page.getByLabel("Kommun", { exact: true }).selectOption("amal");
    await page.getByLabel("Gatubelysning").check();
    await page.getByLabel("Beskriv felet").fill("Gatlampan vid bron är släckt sedan en vecka.");
    await page.getByRole("button", { name: "Fortsätt", exact: true }).click();

    await expect(page).toHaveURL(/\/plats$/);
    await expect(page.getByText("Steg 2 av 3")).toBeVisible();
    await page.getByLabel("Var finns felet?").fill("Kanalvägen vid bron");
    await page.getByLabel("Bilder").setInputFiles({ name: "lampa.png", mimeType: "image/png", buffer: PNG });
    await a11y("felanmälan step 2");
    await page.getByRole("button", { name: "Fortsätt", exact: true }).click();

    await expect(page).toHaveURL(/\/kontakt$/);
    const nameField = page.getByLabel("Namn");
    if (!jsOff) await expect(nameField).toBeHidden(); // shown only after "Ja"
    await page
      .getByRole("group", { name: "Vill du att vi hör av oss när felet är åtgärdat?" })
      .getByLabel("Ja")
      .check();
    await expect(nameField).toBeVisible();
    await nameField.fill(name);
    await page.getByLabel("E-postadress").fill(email);
    await page.getByRole("button", { name: "Fortsätt", exact: true }).click();

    await expect(page).toHaveURL(/\/kontrollera$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kontrollera dina svar innan du skickar in");
    await expect(page.getByText("Kanalvägen vid bron")).toBeVisible();
    await expect(page.getByText("lampa.png")).toBeVisible();
    await expect(page.getByRole("link", { name: "Ändra Beskriv felet" })).toHaveAttribute(
      "href",
      `${FORM}/fel#field-description`,
    );
    await a11y("check answers");
    await page.getByRole("button", { name: "Skicka in" }).click();

    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tack – vi har tagit emot ditt ärende");
    const reference = (await page.getByTestId("reference").textContent())?.trim() ?? "";
    expect(reference).toMatch(/^AML-\d{4}-\d{6}$/);
    await expect(page.getByRole("heading", { name: "Vad händer nu" })).toBeVisible();
    await expect(page.getByText("Vanligtvis tar det upp till 14 dagar.")).toBeVisible();
    await expect(page.getByRole("link", { name: `Ladda ner kvittot (${reference}) som PDF` })).toBeVisible();
    await a11y("receipt");

    const pdf = await page.request.get(`${FORM}/kvitto/${reference}/kvitto.pdf`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-disposition"]).toMatch(/^attachment/);

    const mail = await mailFor(reference);
    expect(mail.subject).toContain(reference);
    expect((mail.to as { text: string }).text).toBe(email);
    expect(mail.text).toContain("Åmål kommun");

    await page.goto(`/diarium?q=${reference}`);
    const row = page.getByRole("row").filter({ hasText: reference });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText("Felanmälan gata och park");
    await expect(row).toContainText("Privatperson");
    // The subject is the category only; the typed location stays with the officer (decision 045).
    await expect(row).toContainText("Gatubelysning");
    await expect(row).not.toContainText("Kanalvägen");
    expect(await page.content()).not.toContain(`Hemlig${suffix}`);
    await a11y("diarium with the new case");
  });

  test("a later step cannot be opened by URL before the earlier ones are done", async ({ page }) => {
    await page.goto(`${FORM}/kontakt`);
    await expect(page).toHaveURL(/\/felanmalan-gata-park\/fel$/);
    await page.goto(`${FORM}/kontrollera`);
    await expect(page).toHaveURL(/\/felanmalan-gata-park\/fel$/);
  });

  test("the old addresses of e-services now on the engine send the visitor there, keeping the language", async ({
    page,
    a11y,
  }) => {
    // Bygglov runs on the engine (decision 110): the bygglov pages' address sends on to it, a POST changes nothing.
    const oldPermit = await page.request.get("/bygglov/ansok?lang=en", { maxRedirects: 0 });
    expect(oldPermit.status()).toBe(303);
    expect(oldPermit.headers().location).toBe("/blanketter/bygglov-ansokan?lang=en");
    const oldPermitStep = await page.request.post("/bygglov/ansok/ritningar", {
      multipart: { kind: "fasadritningar" },
      maxRedirects: 0,
    });
    expect(oldPermitStep.status()).toBe(303);
    expect(oldPermitStep.headers().location).toBe("/blanketter/bygglov-ansokan");
    // The form itself is no longer sent on: it starts at its first step; the paper form is still there.
    const permitForm = await page.request.get("/blanketter/bygglov-ansokan?lang=en", { maxRedirects: 0 });
    expect(permitForm.headers().location).toBe("/blanketter/bygglov-ansokan/fastighet?lang=en");
    expect((await page.request.get("/blanketter/bygglov-ansokan.pdf")).headers()["content-type"]).toBe(
      "application/pdf",
    );
    // Childcare runs on the engine (decision 089): its old address sends the visitor there, keeping the language.
    const old = await page.request.get("/mina-sidor/barnomsorg/ansok?lang=en", { maxRedirects: 0 });
    expect(old.status()).toBe(303);
    expect(old.headers().location).toBe("/blanketter/forskola-ansokan?lang=en");
    // School choice runs on the engine (decision 090): its old address sends on to it, a POST changes nothing.
    const oldSchool = await page.request.get("/mina-sidor/skola/ansok?lang=en", { maxRedirects: 0 });
    expect(oldSchool.status()).toBe(303);
    expect(oldSchool.headers().location).toBe("/blanketter/skolval-ansokan?lang=en");
    const oldPost = await page.request.post("/mina-sidor/skola/ansok", { form: { child: "x" }, maxRedirects: 0 });
    expect(oldPost.status()).toBe(303);
    expect(oldPost.headers().location).toBe("/blanketter/skolval-ansokan");
    const schoolPdf = await page.request.get("/blanketter/skolval-ansokan.pdf");
    expect(schoolPdf.headers()["content-type"]).toBe("application/pdf");
    // The list links straight to the e-services; an anonymous visitor then logs in there.
    await page.goto("/blanketter?kommun=amal");
    await expect(page.getByRole("link", { name: /Ansök om barnomsorg/ }).first()).toHaveAttribute(
      "href",
      "/blanketter/forskola-ansokan",
    );
    await a11y("forms list");
    await page.goto("/blanketter/forskola-ansokan");
    await expect(page).toHaveURL(/\/logga-in\?redirectTo=%2Fblanketter%2Fforskola-ansokan/);
  });

  test("the request-for-documents form is pre-filled from the diarium's case number", async ({ page }) => {
    await page.goto("/blanketter/begaran-allman-handling?diarienummer=BEN-2025-000012");
    await expect(page.getByLabel("Diarienummer", { exact: false }).first()).toHaveValue("BEN-2025-000012");
  });

  test("the pages work in English at 320 px", async ({ page, a11y }, testInfo) => {
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(`${FORM}/fel?lang=en`);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByText("Step 1 of 3")).toBeVisible();
    await a11y("step 1 en 320");
    if (!jsDisabled(testInfo)) {
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
    }
    await page.goto("/blanketter?lang=en&kommun=bengtsfors");
    await a11y("forms list en 320");
  });
});

test.describe("form endpoints refuse bad input with 4xx and field messages", () => {
  test.beforeEach(({}, testInfo) => {
    test.skip(jsDisabled(testInfo), "HTTP-level checks run once");
  });

  test("missing answers, unknown fields, oversized files, bad bodies — never a 500", async ({ page }) => {
    await page.goto(`${FORM}/fel`);
    const _csrf = await page.locator('input[name="_csrf"]').first().inputValue();
    const post = (multipart: Record<string, string | { name: string; mimeType: string; buffer: Buffer }>) =>
      page.request.post(`${FORM}/fel`, { multipart: { _csrf, ...multipart }, maxRedirects: 0 });
    const forged = await page.request.post(`${FORM}/fel`, { multipart: { _action: "continue" }, maxRedirects: 0 });
    expect(forged.status()).toBe(403);

    const missing = await post({ _action: "continue" });
    expect(missing.status()).toBe(400);
    expect(await missing.text()).toContain("Välj vad felet gäller");

    const unknown = await post({
      _action: "continue",
      _kommun: "amal",
      category: "gatubelysning",
      description: "x",
      isAdmin: "true",
    });
    expect(unknown.status()).toBe(400);
    expect(await unknown.text()).toContain("Formuläret innehöll uppgifter som inte hör hit");

    const badChoice = await post({ _action: "continue", _kommun: "amal", category: "<script>", description: "x" });
    expect(badChoice.status()).toBe(400);

    const longText = await post({
      _action: "continue",
      _kommun: "amal",
      category: "gatubelysning",
      description: "x".repeat(5000),
    });
    expect(longText.status()).toBe(400);

    const text = await page.request.post(`${FORM}/fel`, {
      headers: { "Content-Type": "text/plain" },
      data: "hello",
      maxRedirects: 0,
    });
    expect(text.status()).toBe(415);

    const broken = await page.request.post(`${FORM}/fel`, {
      headers: { "Content-Type": "multipart/form-data; boundary=xyz" },
      data: '--xyz\r\nContent-Disposition: form-data; name="a"\r\n\r\nunterminated',
      maxRedirects: 0,
    });
    expect(broken.status()).toBeGreaterThanOrEqual(400);
    expect(broken.status()).toBeLessThan(500);

    // Step 1 done properly, then an 11 MB "photo" (the limit is 10 MB).
    const ok = await post({
      _action: "continue",
      _kommun: "amal",
      category: "gatubelysning",
      description: "Trasig lampa",
    });
    expect(ok.status()).toBe(302);
    const big = await page.request.post(`${FORM}/plats`, {
      multipart: {
        _csrf,
        _action: "continue",
        location: "Torget",
        photos: { name: "big.png", mimeType: "image/png", buffer: Buffer.alloc(11_000_000, 1) },
      },
      maxRedirects: 0,
    });
    expect(big.status()).toBe(413);
    expect(await big.text()).toContain("En fil är för stor");

    const disguised = await page.request.post(`${FORM}/plats`, {
      multipart: {
        _csrf,
        _action: "continue",
        location: "Torget",
        photos: {
          name: "bild.png",
          mimeType: "image/png",
          buffer: Buffer.from("<html><script>alert(1)</script></html>"),
        },
      },
      maxRedirects: 0,
    });
    expect(disguised.status()).toBe(400);
    expect(await disguised.text()).toContain("Vi kunde inte känna igen filen bild.png");
  });

  test("sending twice (double click, retry) creates one case", async ({ page }) => {
    await page.goto(`${FORM}/fel`);
    const _csrf = await page.locator('input[name="_csrf"]').first().inputValue();
    const step = (path: string, multipart: Record<string, string>) =>
      page.request.post(`${FORM}/${path}`, { multipart: { _csrf, ...multipart }, maxRedirects: 0 });
    expect(
      (
        await step("fel", {
          _action: "continue",
          _kommun: "fargelanda",
          category: "klotter",
          description: "Klotter på busskuren",
        })
      ).status(),
    ).toBe(302);
    expect((await step("plats", { _action: "continue", location: "Resecentrum" })).status()).toBe(302);
    expect((await step("kontakt", { _action: "continue", wantsFeedback: "no" })).status()).toBe(302);
    await page.goto(`${FORM}/kontrollera`);
    const key = await page.locator('input[name="_idempotency"]').inputValue();
    const [a, b] = await Promise.all([
      step("kontrollera", { _idempotency: key }),
      step("kontrollera", { _idempotency: key }),
    ]);
    expect(a.status()).toBe(302);
    expect(b.status()).toBe(302);
    expect(a.headers().location).toMatch(/\/kvitto\/FAR-\d{4}-\d{6}$/);
    expect(b.headers().location).toBe(a.headers().location);
    const again = await step("kontrollera", { _idempotency: key });
    expect(again.headers().location).toBe(a.headers().location);
  });

  test("a receipt and an upload are only for the browser that sent them", async ({ page, browser }) => {
    await page.goto(`${FORM}/fel`);
    const _csrf = await page.locator('input[name="_csrf"]').first().inputValue();
    const step = (
      path: string,
      multipart: Record<string, string | { name: string; mimeType: string; buffer: Buffer }>,
    ) => page.request.post(`${FORM}/${path}`, { multipart: { _csrf, ...multipart }, maxRedirects: 0 });
    await step("fel", {
      _action: "continue",
      _kommun: "bengtsfors",
      category: "lekplats",
      description: "Trasig gunga",
    });
    await step("plats", {
      _action: "continue",
      location: "Lekplatsen i parken",
      photos: { name: "gunga.png", mimeType: "image/png", buffer: PNG },
    });
    await step("kontakt", { _action: "continue", wantsFeedback: "no" });
    await page.goto(`${FORM}/kontrollera`);
    const fileHref = await page
      .getByRole("link", { name: "gunga.png" })
      .getAttribute("href")
      .catch(() => null);
    const key = await page.locator('input[name="_idempotency"]').inputValue();
    const sent = await step("kontrollera", { _idempotency: key });
    const receipt = sent.headers().location!;
    expect((await page.request.get(receipt)).status()).toBe(200);
    const other = await browser.newContext();
    try {
      expect((await other.request.get(receipt)).status()).toBe(404);
      expect((await other.request.get(`${receipt}/kvitto.pdf`)).status()).toBe(404);
      if (fileHref) {
        const mine = await page.request.get(fileHref);
        expect(mine.status()).toBe(200);
        expect(mine.headers()["content-disposition"]).toMatch(/^attachment/);
        expect((await other.request.get(fileHref)).status()).toBe(404);
      }
    } finally {
      await other.close();
    }
  });

  test("every listed form's PDF is a fillable AcroForm with Swedish characters", async ({ page }) => {
    await page.goto("/blanketter?kommun=amal");
    const hrefs = await page
      .getByRole("link", { name: /^Ladda ner PDF \(/ })
      .evaluateAll((links) => links.map((l) => l.getAttribute("href")!));
    expect(hrefs.length).toBeGreaterThanOrEqual(8);
    for (const href of hrefs) {
      const res = await page.request.get(href);
      expect(res.status(), href).toBe(200);
      expect(res.headers()["content-type"]).toBe("application/pdf");
      const body = await res.body();
      expect(body.subarray(0, 5).toString()).toBe("%PDF-");
      expect(body.includes("/AcroForm"), href).toBe(true);
      expect(body.includes("DejaVuSans"), href).toBe(true);
    }
  });
});
