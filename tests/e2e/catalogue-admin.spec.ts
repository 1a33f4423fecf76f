import { spawn } from "node:child_process";
import { join, resolve } from "node:path";
import { expect, jsDisabled, loginAsStaff, test, overflowAt } from "./fixtures";

/**
 * Taxa entered by an administrator survive a restart (issue 13, docs/decisions/057). The restart is
 * real: a second portal process starts on the same database (and so runs prepareDatabase, the
 * seed included) and shows the edited figures. Each project edits its own municipality.
 */

async function startSecondPortal(port: number): Promise<() => void> {
  const dir = resolve(process.env.E2E_DATA_DIR ?? "tests/.tmp/e2e");
  const child = spawn(process.execPath, ["scripts/serve.mjs"], {
    env: {
      ...process.env,
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      DATA_DIR: dir,
      DATABASE_PATH: join(dir, "portal.db"),
      PORTAL_ENV: "test",
      HOST: "127.0.0.1",
      CASE_OUTBOX: "folder",
      LOGIN_FAILURES_PER_ADDRESS: "1000",
      // The demo sign-on providers follow the PUBLIC_URL of the process that seeds them (decisions
      // 064, 073): this second portal on another port must not re-point the e2e server's providers.
      TEST_SSO: "off",
    },
    stdio: "ignore",
  });
  const started = Date.now();
  for (;;) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() - started > 60_000) {
      child.kill();
      throw new Error("the restarted portal did not answer /healthz within 60 s");
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return () => child.kill();
}

test.describe("catalogue administration", () => {
  test.describe.configure({ timeout: 180_000 });

  test("an admin edits the bygglov taxa in the browser, the portal restarts, the edit is still there", async ({
    page,
    a11y,
  }, testInfo) => {
    const jsOff = jsDisabled(testInfo);
    const slug = jsOff ? "bengtsfors" : "mellerud";
    const name = jsOff ? "Bengtsfors" : "Mellerud";
    const prisbasbelopp = jsOff ? "61234" : "62345";
    await loginAsStaff(page, `admin.${slug}`, { redirectTo: "/personal" });
    await page.getByRole("link", { name: "Taxor" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Bygglovstaxor" })).toBeVisible();
    // A municipal admin sees only their own municipality's taxa.
    const rows = page.locator("tbody tr");
    await expect(rows).toHaveCount(1);
    await expect(rows.first().getByRole("rowheader")).toContainText(name);
    await a11y("taxa list");

    // A wrong date and a word for a number: field-level messages in Swedish, a 400, nothing saved.
    await page.getByLabel("Gäller från").fill("2027-02-30");
    await page.getByLabel("Prisbasbelopp (kr)").fill("mycket");
    await page.getByLabel("Kommunfaktor (N)").fill("1");
    await page.getByLabel("Grannehörande (mPBB)").fill("20");
    const [bad] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/admin/taxor")),
      page.getByRole("button", { name: "Spara taxan" }).click(),
    ]);
    expect(bad.status()).toBe(400);
    const summary = page.getByRole("alert");
    await expect(summary.getByRole("link", { name: /Ange ett datum som finns/ })).toBeVisible();
    await expect(summary.getByRole("link", { name: /Ange ett tal större än noll/ })).toBeVisible();
    await expect(page.getByLabel("Gäller från")).toHaveAttribute("aria-invalid", "true");
    await a11y("taxa form with errors");

    // Next year's figures, entered in advance.
    await page.getByLabel("Gäller från").fill("2027-01-01");
    await page.getByLabel("Prisbasbelopp (kr)").fill(prisbasbelopp);
    await page.getByLabel("Kommunfaktor (N)").fill("0,95");
    await page.getByLabel("Grannehörande (mPBB)").fill("20");
    await page.getByRole("button", { name: "Spara taxan" }).click();
    await expect(page.getByText("Taxan är sparad.")).toBeVisible();
    const row = page.getByRole("row", { name: new RegExp(`${name}.*2027-01-01`) });
    await expect(row).toContainText(Number(prisbasbelopp).toLocaleString("sv-SE"));

    // The restart: a new process on the same database runs the start-up seeding.
    const port = Number(new URL(page.url()).port) + (jsOff ? 51 : 52);
    const stop = await startSecondPortal(port);
    try {
      await page.goto(`http://127.0.0.1:${port}/admin/taxor`);
      await expect(page.getByRole("heading", { level: 1, name: "Bygglovstaxor" })).toBeVisible();
      await expect(page.getByRole("row", { name: new RegExp(`${name}.*2027-01-01`) })).toContainText(
        Number(prisbasbelopp).toLocaleString("sv-SE"),
      );
    } finally {
      stop();
    }
  });

  test("an admin edits the municipality's contacts, the portal restarts, the public page still shows them", async ({
    page,
    a11y,
  }, testInfo) => {
    const jsOff = jsDisabled(testInfo);
    const slug = jsOff ? "dals-ed" : "fargelanda";
    const phone = jsOff ? "0534-190 99" : "0528-567 99";
    const email = jsOff ? "kontakt-av@dalsed.se" : "kontakt-pa@fargelanda.se";
    const visiting = jsOff ? "Storgatan 22, Ed" : "Centrumvägen 7, Färgelanda";
    const hours = jsOff ? "Vardagar 8–15 (ändrat av av)" : "Vardagar 8–15 (ändrat av på)";
    await loginAsStaff(page, `admin.${slug}`, { redirectTo: `/admin/kommuner/${slug}` });
    await expect(page.getByLabel("Telefon", { exact: true })).toBeVisible();

    // A malformed e-mail address: a field error, a 400 and nothing saved.
    await page.getByLabel("E-postadress", { exact: true }).fill("inte en adress");
    const [bad] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes(`/admin/kommuner/${slug}`)),
      page.getByRole("button", { name: "Spara uppgifterna" }).click(),
    ]);
    expect(bad.status()).toBe(400);
    await expect(page.getByLabel("E-postadress", { exact: true })).toHaveAttribute("aria-invalid", "true");

    await page.getByLabel("Telefon", { exact: true }).fill(phone);
    await page.getByLabel("E-postadress", { exact: true }).fill(email);
    await page.getByLabel("Besöksadress", { exact: true }).fill(visiting);
    await page.getByLabel("Öppettider på svenska", { exact: true }).fill(hours);
    await page.getByRole("button", { name: "Spara uppgifterna" }).click();
    await expect(page.getByText("Ändringen är sparad.")).toBeVisible();
    await a11y("municipality facts saved");

    // The restart: a new process on the same database runs the start-up seeding; the public
    // municipality page (anonymous, in a fresh context) shows the edited contacts.
    const port = Number(new URL(page.url()).port) + (jsOff ? 53 : 54);
    const stop = await startSecondPortal(port);
    const anonymous = await page.context().browser()!.newPage({ javaScriptEnabled: !jsOff });
    try {
      await anonymous.goto(`http://127.0.0.1:${port}/${slug}`);
      const contacts = anonymous.getByRole("region", { name: "Kontakta kommunen" });
      await expect(contacts).toContainText(phone);
      await expect(contacts.getByRole("link", { name: email })).toHaveAttribute("href", `mailto:${email}`);
      await expect(contacts).toContainText(visiting);
      await expect(contacts).toContainText(hours);
    } finally {
      await anonymous.close();
      stop();
    }
  });

  test("a POST to the taxa administration without a staff session is refused", async ({ request }, testInfo) => {
    test.skip(jsDisabled(testInfo), "requests only: the browser's JavaScript setting plays no part (decision 082)");
    const res = await request.post("/admin/taxor", {
      form: {
        municipalityId: "1",
        validFrom: "2027-01-01",
        prisbasbelopp: "1",
        municipalityFactor: "1",
        neighbourConsultation: "1",
      },
      maxRedirects: 0,
    });
    expect([302, 303, 403]).toContain(res.status());
  });
  test("an admin adds a preschool with field-level errors first, then closes it; the page reflows at 320 px", async ({
    page,
    a11y,
  }, testInfo) => {
    const jsOff = jsDisabled(testInfo);
    const slug = jsOff ? "dals-ed" : "amal";
    const unit = jsOff ? "Vitsippan e2e av" : "Vitsippan e2e på";
    await loginAsStaff(page, `admin.${slug}`, { redirectTo: "/personal" });
    await page.getByRole("link", { name: "Förskolor och skolor" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Förskolor och skolor" })).toBeVisible();
    // A municipal admin can choose only their own municipality.
    await expect(page.getByLabel("Kommun").locator("option")).toHaveCount(1);
    await a11y("units list");

    await page.getByLabel("Namn").fill(unit);
    await page.getByLabel("Gatuadress").fill("Skolvägen 2");
    await page.getByLabel("Postnummer").fill("123");
    await page.getByLabel("Ort").fill("Ed");
    await page.getByLabel("Från ålder (år)").fill("5");
    await page.getByLabel("Till ålder (år)").fill("1");
    await page.getByLabel("Antal platser").fill("noll");
    const [bad] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/admin/enheter")),
      page.getByRole("button", { name: "Spara enheten" }).click(),
    ]);
    expect(bad.status()).toBe(400);
    const summary = page.getByRole("alert");
    await expect(summary.getByRole("link", { name: /Ange postnumret med fem siffror/ })).toBeVisible();
    await expect(summary.getByRole("link", { name: /Till-åldern kan inte vara lägre/ })).toBeVisible();
    await expect(summary.getByRole("link", { name: /Ange antalet platser/ })).toBeVisible();
    await expect(page.getByLabel("Postnummer")).toHaveAttribute("aria-invalid", "true");
    await a11y("unit form with errors");

    await page.getByLabel("Namn").fill(unit);
    await page.getByLabel("Gatuadress").fill("Skolvägen 2");
    await page.getByLabel("Postnummer").fill("668 30");
    await page.getByLabel("Ort").fill("Ed");
    await page.getByLabel("Från ålder (år)").fill("1");
    await page.getByLabel("Till ålder (år)").fill("5");
    await page.getByLabel("Antal platser").fill("45");
    await page.getByRole("button", { name: "Spara enheten" }).click();
    await expect(page.getByText("Enheten är sparad.")).toBeVisible();
    const row = page.getByRole("row", { name: new RegExp(unit) });
    await expect(row).toContainText("Öppen");

    await row.getByRole("link", { name: new RegExp(`Ändra ${unit}`) }).click();
    await page.getByRole("button", { name: "Stäng enheten" }).click();
    await expect(page.getByText("Enheten är stängd")).toBeVisible();
    await expect(page.getByRole("row", { name: new RegExp(unit) })).toContainText("Stängd");

    expect(await overflowAt(page)).toBeLessThanOrEqual(0);
  });

  test("a portal-wide admin starts and ends samverkan; a municipal admin is refused the page", async ({
    page,
    a11y,
  }, testInfo) => {
    const jsOff = jsDisabled(testInfo);
    // Pairs no other spec relies on, ended again within the test.
    const [from, to] = jsOff ? ["Åmål", "Dals-Ed"] : ["Bengtsfors", "Mellerud"];
    await loginAsStaff(page, "admin.portal", { redirectTo: "/personal" });
    await page.getByRole("link", { name: "Samverkan" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Samverkan" })).toBeVisible();
    await a11y("samverkan");

    await page.getByLabel("Kommunen vars ärenden handläggs").selectOption({ label: from });
    await page.getByLabel("Område").selectOption({ label: "Allmänna ärenden" });
    await page.getByLabel("Kommunen som handlägger").selectOption({ label: from });
    const [bad] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/admin/samverkan")),
      page.getByRole("button", { name: "Starta samverkan" }).click(),
    ]);
    expect(bad.status()).toBe(400);
    await expect(page.getByRole("alert").getByRole("link", { name: /Välj en annan kommun/ })).toBeVisible();

    await page.getByLabel("Kommunen vars ärenden handläggs").selectOption({ label: from });
    await page.getByLabel("Område").selectOption({ label: "Allmänna ärenden" });
    await page.getByLabel("Kommunen som handlägger").selectOption({ label: to });
    await page.getByRole("button", { name: "Starta samverkan" }).click();
    await expect(page.getByText("Samverkan är startad.")).toBeVisible();
    const row = page.getByRole("row", { name: new RegExp(`${from}.*Allmänna ärenden.*${to}`) });
    await expect(row).toContainText("Gäller");
    await row.getByRole("button", { name: "Avsluta" }).click();
    await expect(page.getByText("Samverkan är avslutad.")).toBeVisible();
    await expect(page.getByRole("row", { name: new RegExp(`${from}.*Allmänna ärenden.*${to}`) })).toContainText(
      "Avslutad",
    );

    await loginAsStaff(page, "admin.mellerud", { redirectTo: "/personal" });
    await expect(page.getByRole("link", { name: "Samverkan" })).toHaveCount(0);
    const refused = await page.request.get("/admin/samverkan", { maxRedirects: 0 });
    expect(refused.status()).toBe(403);
  });
  test("a portal-wide admin enters a future year's maxtaxa; the ceilings follow the income cap", async ({
    page,
    a11y,
  }, testInfo) => {
    const year = jsDisabled(testInfo) ? "2032" : "2031";
    await loginAsStaff(page, "admin.portal", { redirectTo: "/personal" });
    await page.getByRole("link", { name: "Maxtaxa" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Maxtaxa" })).toBeVisible();
    await a11y("maxtaxa");
    await page.getByLabel("År", { exact: true }).fill("31");
    await page.getByLabel("Inkomsttak (kr per månad)").fill("61000");
    await page.getByLabel("Källa").fill("Skolverket");
    const [bad] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/admin/maxtaxa")),
      page.getByRole("button", { name: "Spara maxtaxan" }).click(),
    ]);
    expect(bad.status()).toBe(400);
    await expect(page.getByRole("alert").getByRole("link", { name: /Ange ett år med fyra siffror/ })).toBeVisible();
    await page.getByLabel("År", { exact: true }).fill(year);
    await page.getByLabel("Inkomsttak (kr per månad)").fill("61000");
    await page.getByLabel("Källa").fill(`Skolverket: maxtaxa ${year}`);
    await page.getByRole("button", { name: "Spara maxtaxan" }).click();
    await expect(page.getByText("Maxtaxan är sparad.")).toBeVisible();
    await expect(page.getByRole("row", { name: new RegExp(`^${year}`) })).toContainText("1 830");
  });
  test("the editor chooses a text's review owner among the municipality's staff; a free-text owner is refused", async ({
    page,
    a11y,
  }) => {
    await loginAsStaff(page, "redaktor.mellerud", { redirectTo: "/redaktor" });
    await page.getByRole("link", { name: "Feriearbete för ungdomar", exact: true }).click();
    const owner = page.getByLabel("Ansvarig för texten");
    await expect(owner).toHaveValue("redaktor.portal");
    const choices = await owner.locator("option").evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(choices).toContain("redaktor.mellerud");
    expect(choices).not.toContain("handlaggare.mellerud");
    await a11y("editor with the owner list");

    const csrf = await page.locator('input[name="_csrf"]').first().inputValue();
    const response = await page.request.post(page.url(), {
      form: { _csrf: csrf, intent: "save", titleSv: "x", summarySv: "x", owner: "Någon annan", reviewBy: "2030-01-01" },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(400);
    expect(await response.text()).toContain("Välj en person i listan");
  });
});
