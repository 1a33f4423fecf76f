import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Page } from "@playwright/test";
import { expect, loginAsResident, loginAsStaff, test } from "./fixtures";
import { otherContext } from "./permit-helpers";

/*
 * The hand-over of a submitted case (docs/decisions/034), through the real server: the e2e
 * server runs the folder outbox, so the case is exported by the in-server worker; the officer
 * sees the delivery on the case view; the case-management system's callback moves the case.
 */

const DATA_DIR = resolve(process.env.E2E_DATA_DIR ?? "tests/.tmp/e2e");
const FORM = "/blanketter/felanmalan-gata-park";
const TOKEN = "test-token-arendesystem-dalsland-0001";

/** A valid personnummer of a made-up adult, different per run (the test provider accepts any valid one). */
function freshPersonnummer(): string {
  const serial = String(100 + Math.floor(Math.random() * 900));
  const ten = `910714${serial}`;
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let d = Number(ten[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return `19${ten}${(10 - (sum % 10)) % 10}`;
}

async function fileFaultReport(page: Page, place: string): Promise<string> {
  await page.goto(`${FORM}/fel?kommun=amal`);
  await page.getByLabel("Kommun", { exact: true }).selectOption("amal");
  await page.getByLabel("Gatubelysning").check();
  await page.getByLabel("Beskriv felet").fill("Gatlampan är släckt sedan i måndags.");
  await page.getByRole("button", { name: "Fortsätt", exact: true }).click();
  await expect(page).toHaveURL(/\/plats$/);
  await page.getByLabel("Var finns felet?").fill(place);
  await page.getByRole("button", { name: "Fortsätt", exact: true }).click();
  await expect(page).toHaveURL(/\/kontakt$/);
  await page.getByRole("group", { name: "Vill du att vi hör av oss när felet är åtgärdat?" }).getByLabel("Nej").check();
  await page.getByRole("button", { name: "Fortsätt", exact: true }).click();
  await expect(page).toHaveURL(/\/kontrollera$/);
  await page.getByRole("button", { name: "Skicka in" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tack – vi har tagit emot ditt ärende");
  return ((await page.getByTestId("reference").textContent()) ?? "").trim();
}

test("a submitted case is handed over, the officer sees when, and the case-management system's callback moves it", async ({
  page,
  browser,
  a11y,
}, testInfo) => {
  test.setTimeout(120_000);
  // A logged-in resident files it, so that the case is theirs on Mina sidor.
  await loginAsResident(page, freshPersonnummer(), { redirectTo: "/mina-sidor" });
  const reference = await fileFaultReport(page, `Handover-vägen ${testInfo.project.name}`);
  expect(reference).toMatch(/^AML-\d{4}-\d{6}$/);

  // The folder outbox got the JSON and the PDF (the worker is nudged at submission).
  const json = join(DATA_DIR, "outbox", `${reference}.json`);
  await expect.poll(() => existsSync(json), { timeout: 15_000 }).toBe(true);
  const doc = JSON.parse(readFileSync(json, "utf8"));
  expect(doc).toMatchObject({
    format: "dalsland-case-export/1",
    reference,
    case: { caseType: "felanmalan-gata-park", status: "received" },
  });
  expect(existsSync(join(DATA_DIR, "outbox", `${reference}.pdf`))).toBe(true);

  const officer = await otherContext(browser, testInfo);
  try {
    await loginAsStaff(officer.page, "handlaggare.amal", { redirectTo: `/handlaggare/arenden/${reference}` });
    const status = officer.page.getByTestId("handover-status");
    await expect(status).toHaveAttribute("data-state", "delivered");
    await expect(status).toContainText(/Överlämnat \d{4}-\d{2}-\d{2}/);
    await expect(officer.page.getByRole("heading", { name: "Överlämning till ärendehanteringssystem" })).toBeVisible();
    // A delivered case offers no "Skicka igen".
    await expect(officer.page.getByRole("button", { name: "Skicka igen" })).toHaveCount(0);
    await a11y("officer case with hand-over status");

    // The case-management system calls back (token, JSON, no cookies, from another origin).
    const api = officer.page.request;
    const bad = await api.post(`/api/v1/integration/cases/${reference}`, {
      headers: {
        Authorization: "Bearer wrong-token-wrong-token-0000",
        "Content-Type": "application/json",
        Origin: "https://arende.example.se",
      },
      data: { status: "in_progress" },
    });
    expect(bad.status()).toBe(401);
    const illegal = await api.post(`/api/v1/integration/cases/${reference}`, {
      headers: {
        Authorization: `Bearer ${TOKEN}`,
        "Content-Type": "application/json",
        Origin: "https://arende.example.se",
      },
      data: { status: "awaiting_completion" },
    });
    expect(illegal.status()).toBe(409);
    expect((await illegal.json()).error).toBe("illegal_transition");
    const ok = await api.post(`/api/v1/integration/cases/${reference}`, {
      headers: {
        Authorization: `Bearer ${TOKEN}`,
        "Content-Type": "application/json",
        Origin: "https://arende.example.se",
      },
      data: { status: "in_progress", message: { text: "Vi byter lampan i veckan." } },
    });
    expect(ok.status()).toBe(200);
    expect(ok.headers()["cache-control"]).toMatch(/no-store/);
    // Any other cross-origin POST is still refused before it reaches a route.
    const foreign = await api.post(`/handlaggare/arenden/${reference}`, {
      headers: { Origin: "https://arende.example.se", Authorization: `Bearer ${TOKEN}` },
      form: { intent: "status", status: "closed" },
    });
    expect(foreign.status()).toBe(403);

    await officer.page.reload();
    await expect(officer.page.getByTestId("officer-case-status")).toHaveText("Under handläggning");
  } finally {
    await officer.context.close();
  }

  // The resident sees the new status and the system's message on Mina sidor.
  await page.goto(`/mina-sidor/arenden/${reference}`);
  await expect(page.locator("dl.facts")).toContainText("Under handläggning");
  await expect(page.getByText("Vi byter lampan i veckan.")).toBeVisible();
});
