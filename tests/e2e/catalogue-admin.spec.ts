import { spawn } from "node:child_process";
import { join, resolve } from "node:path";
import { expect, jsDisabled, loginAsStaff, test } from "./fixtures";

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

  test("a POST to the taxa administration without a staff session is refused", async ({ request }) => {
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
});
