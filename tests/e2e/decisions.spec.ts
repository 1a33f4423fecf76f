import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "@playwright/test";
import { expect, jsDisabled, loginAsResident, loginAsStaff, test } from "./fixtures";
import { mailsAbout } from "./mypages-helpers";
import { csrfOf, e2eDatabase } from "./permit-helpers";
import { applyForSchool } from "./school-helpers";
import { signWithEId } from "./signing-helpers";

// Issue 15 (decisions 077, 083): a school placement decided from a template reaches both
// guardians (Mina sidor, e-mail, the PDF naming the right body and appeal route); a beredare can
// prepare but not decide; each area's case offers only its own area's templates.
const PETER = "198002079294";
const LENA = "197901049283";

/** The decision PDF as text (poppler's pdftotext, a reader we did not write). */
async function pdfText(page: Page, reference: string): Promise<string> {
  const res = await page.request.get(`/mina-sidor/arenden/${reference}/beslut.pdf`);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toContain("application/pdf");
  const file = join(mkdtempSync(join(tmpdir(), "beslut-")), "beslut.pdf");
  writeFileSync(file, await res.body());
  return execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" });
}

async function saveEmail(page: Page, email: string) {
  await page.goto("/mina-sidor/installningar");
  await page.getByLabel("Skicka e-post när något händer").check();
  await page.getByLabel("E-postadress", { exact: true }).fill(email);
  await page.getByRole("button", { name: "Spara" }).click();
  await expect(page.getByText("Inställningarna är sparade.")).toBeVisible();
}

test.describe("decisions per case type", () => {
  test("a school placement decided from a template reaches both guardians; a beredare cannot decide", async ({
    page,
    browser,
    a11y,
  }, testInfo) => {
    test.setTimeout(420_000);
    const js = !jsDisabled(testInfo);
    const tag = js ? "js" : "nojs";
    // Guardian A applies and signs, guardian B co-signs (decision 081).
    await loginAsResident(page, PETER, { actFor: "self" });
    await saveEmail(page, `peter.${tag}@example.se`);
    const reference = await applyForSchool(page, {
      child: /Ella Johansson/,
      type: "Byte av skola",
      school: "Kristinelundskolan F–6, Åmål (Åmål)",
      daysFromToday: 3,
    });
    await signWithEId(page, PETER);
    const lenaContext = await browser.newContext({ javaScriptEnabled: js });
    const lena = await lenaContext.newPage();
    await loginAsResident(lena, LENA);
    await saveEmail(lena, `lena.${tag}@example.se`);
    await lena.goto(`/mina-sidor/arenden/${reference}`);
    await signWithEId(lena, LENA);

    // The beredare prepares a decision from the template but has no decide button, and a
    // decide POST made by hand is a 403 with an audit row.
    const staffContext = await browser.newContext({ javaScriptEnabled: js });
    const staff = await staffContext.newPage();
    await loginAsStaff(staff, "beredare.amal", { redirectTo: `/handlaggare/arenden/${reference}` });
    await staff.getByLabel("Ny status").selectOption({ label: "Under handläggning" });
    await staff.getByRole("button", { name: "Ändra status" }).click();
    await expect(staff.getByRole("status")).toContainText("Statusen är ändrad.");
    await expect(staff.getByTestId("decision-right")).toBeVisible();
    const templates = await staff.getByLabel("Beslutsmall").locator("option").allTextContents();
    expect(templates.join("|")).toContain("Placering enligt önskemål");
    for (const foreign of ["Bygglov beviljas", "Placering i förskola", "Ansökan bifalls"])
      expect(templates.join("|")).not.toContain(foreign);
    const optionValue = await staff
      .getByLabel("Beslutsmall")
      .locator("option", { hasText: "Placering enligt önskemål" })
      .getAttribute("value");
    await staff.getByLabel("Beslutsmall").selectOption(optionValue ?? "");
    await staff.getByRole("button", { name: "Använd mallen" }).click();
    await expect(staff.getByLabel("Beslutstext och motivering")).toHaveValue(/Ella Johansson placeras/);
    // The filled text is previewed as the document will read: the body and the appeal route.
    await staff.getByRole("button", { name: "Förhandsgranska" }).click();
    const preview = staff.getByTestId("decision-preview");
    await expect(preview.getByRole("heading", { name: "Förhandsgranskning av beslutet" })).toBeVisible();
    await expect(preview).toContainText("Åmål kommun, Barn- och utbildningsnämnden");
    await expect(preview).toContainText("Ella Johansson placeras");
    await expect(preview).toContainText("Laglighetsprövning enligt kommunallagen");
    await expect(staff.getByLabel("Beslutstext och motivering")).toHaveValue(/Ella Johansson placeras/);
    await expect(staff.getByRole("button", { name: "Fatta beslut och skicka till sökanden" })).toHaveCount(0);
    await staff.getByRole("button", { name: "Spara som utkast" }).click();
    await expect(staff.getByRole("status")).toBeVisible();
    const templateId = await staff.locator('#decide-form input[name="templateId"]').inputValue();
    const refused = await staff.request.post(`/handlaggare/arenden/${reference}`, {
      form: {
        _csrf: await csrfOf(staff),
        intent: "decide",
        templateId,
        outcome: "approved",
        decisionText: "Ella Johansson placeras vid den önskade skolan.",
        fee: "",
      },
      maxRedirects: 0,
    });
    expect(refused.status()).toBe(403);
    const db = e2eDatabase();
    try {
      const row = db
        .prepare("select actor_name from audit_event where action = 'case.decide.refused' and subject_id = ?")
        .get(reference) as { actor_name: string } | undefined;
      expect(row).toBeDefined();
    } finally {
      db.close();
    }
    await staffContext.close();

    // The officer with the delegation decides from the prepared draft.
    const officerContext = await browser.newContext({ javaScriptEnabled: js });
    const officer = await officerContext.newPage();
    await loginAsStaff(officer, "handlaggare.amal", { redirectTo: `/handlaggare/arenden/${reference}` });
    await expect(officer.getByText(/Utkast av|utkast/i).first()).toBeVisible();
    await expect(officer.getByLabel("Beslutstext och motivering")).toHaveValue(/Ella Johansson placeras/);
    await officer
      .getByRole("radio", { name: /Placer|Bifall|Beviljas/i })
      .first()
      .check();
    await officer.getByRole("button", { name: "Fatta beslut och skicka till sökanden" }).click();
    await expect(officer.getByRole("status")).toBeVisible();
    await a11y("decided school case");
    await officerContext.close();

    // Both guardians: a notification on Mina sidor, an e-mail each, and the PDF.
    for (const [who, email] of [
      [page, `peter.${tag}@example.se`],
      [lena, `lena.${tag}@example.se`],
    ] as const) {
      await who.goto("/mina-sidor");
      await expect(who.locator("section[aria-labelledby=notifications-title]")).toContainText(reference);
      await who.goto(`/mina-sidor/arenden/${reference}`);
      await expect(who.getByTestId("decision-pdf")).toBeVisible();
      const text = await pdfText(who, reference);
      expect(text).toContain("Barn- och utbildningsnämnden");
      expect(text).toContain("Laglighetsprövning enligt kommunallagen");
      expect(text).toContain("Ella Johansson");
      await expect
        .poll(() => mailsAbout(reference).filter((m) => m.includes(email)).length, { timeout: 90_000 })
        .toBeGreaterThan(0);
    }
    await lenaContext.close();
  });

  test("each area's case offers only its own area's templates", async ({ page }) => {
    test.setTimeout(180_000);
    const names: Record<string, string[]> = {
      bygglov: ["Bygglov beviljas", "Bygglov avslås"],
      barnomsorg: ["Placering i förskola", "Placering kan inte erbjudas"],
      allmant: ["Ansökan bifalls", "Ansökan avslås"],
    };
    // A decidable Åmål case of each area, from the seeded data (read-only).
    const db = e2eDatabase();
    const refs: Record<string, string | undefined> = {};
    try {
      for (const area of Object.keys(names))
        refs[area] = (
          db
            .prepare(
              `select c.reference from "case" c join municipality m on m.id = c.municipality_id
               where m.slug = 'amal' and c.area = ? and c.status in ('in_progress', 'place_accepted') limit 1`,
            )
            .get(area) as { reference: string } | undefined
        )?.reference;
    } finally {
      db.close();
    }
    await loginAsStaff(page, "handlaggare.amal", { redirectTo: "/handlaggare" });
    let checked = 0;
    for (const [area, reference] of Object.entries(refs)) {
      if (!reference) continue;
      await page.goto(`/handlaggare/arenden/${reference}`);
      const offered = (await page.getByLabel("Beslutsmall").locator("option").allTextContents()).join("|");
      checked++;
      for (const [other, list] of Object.entries(names))
        for (const name of list)
          if (other === area) expect(offered).toContain(name);
          else expect(offered).not.toContain(name);
    }
    expect(checked).toBeGreaterThan(0);
  });

  test("the admin page lists the placeholders and refuses an unknown one in its field", async ({ page, a11y }) => {
    test.setTimeout(180_000);
    await loginAsStaff(page, "admin.amal", { redirectTo: "/admin" });
    await page.getByRole("link", { name: "Beslut och delegation" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Beslut, mallar och delegationsordning");
    const choose = page.getByRole("form", { name: "Välj kommun och område" });
    await choose.locator("#omrade").selectOption("skola");
    await choose.getByRole("button", { name: "Visa" }).click();
    await expect(page.getByTestId("templates")).toContainText("Placering enligt önskemål");
    await expect(page.getByTestId("templates")).not.toContainText("Bygglov beviljas");
    await expect(page.locator("[data-point]").first()).toContainText("U 2.1");
    await a11y("admin decisions");
    const form = page.getByTestId("template-form");
    await form.getByLabel("Namn (svenska)").fill("Prov");
    await form.getByLabel("Namn (engelska)").fill("Trial");
    await form.getByLabel("Beslutstext (svenska)").fill("{barn} placeras enligt {reference}.");
    await form.getByLabel("Beslutstext (engelska)").fill("{child} is placed as in {reference}.");
    await form.getByRole("button", { name: "Förhandsgranska" }).click();
    await expect(page.getByRole("link", { name: "Texten använder en platshållare som inte finns:" })).toBeVisible();
    await expect(page.getByLabel("Beslutstext (svenska)")).toHaveAttribute("aria-invalid", "true");
    await expect(page.locator("#textSv-error")).toContainText("{barn}");
    await a11y("admin decisions with an error");
  });
});
