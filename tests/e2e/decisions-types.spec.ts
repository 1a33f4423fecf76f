import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "@playwright/test";
import { exclusive, expect, loginAsResident, loginAsStaff, test } from "./fixtures";
import { applyForForskola, dateFromToday } from "./mypages-helpers";
import { ERIK, otherContext, startFacadeChange } from "./permit-helpers";

// Issue 15 done-when (decisions 077, 083, 092, 099): a bygglov, a childcare, a general and a
// social-services case each end with a decision of their own type, from their own template; the resident downloads the PDF,
// which names the area's body and appeal route; the select never offers another area's template.
// Intake goes through the intake helpers only (their forms are moving onto the engine).
const SARA = "198412179288"; // Bengtsfors, guardian of Elsa Lindqvist
const MARIA = "199005122388";

/**
 * Every seeded template name per area, and in the social area per law (app/domain/decisions.ts
 * DEFAULT_TEMPLATES, decision 106): a case is offered its own key's templates and no other's.
 */
const TEMPLATES: Record<string, string[]> = {
  bygglov: ["Bygglov beviljas", "Bygglov avslås"],
  barnomsorg: ["Placering i förskola", "Placering kan inte erbjudas"],
  allmant: ["Ansökan bifalls", "Ansökan avslås"],
  skola: ["Placering enligt önskemål"],
  "socialtjanst/sol": ["Bistånd beviljas (SoL)", "Bistånd avslås (SoL)"],
  "socialtjanst/lss": ["Insats beviljas (LSS)", "Insats avslås (LSS)"],
  "socialtjanst/bab": ["Bostadsanpassningsbidrag beviljas", "Bostadsanpassningsbidrag avslås"],
  "socialtjanst/fardtjanst": ["Färdtjänst beviljas", "Färdtjänst avslås"],
  "socialtjanst/riksfardtjanst": ["Riksfärdtjänst beviljas", "Riksfärdtjänst avslås"],
};

// Home help (decision 099): one applicant per project, since a draft belongs to person × e-service
// and the two projects run at once; no other spec sends this e-service.
const HOME_HELP_APPLICANT = { "js-on": "198901012388", "js-off": "199006102389" } as const;

/** The decision PDF as Mina sidor serves it, read by poppler's pdftotext (spaces folded). */
async function decisionText(page: Page, reference: string, casePath: string): Promise<string> {
  await page.goto(casePath);
  const link = page.getByTestId("decision-pdf");
  await expect(link).toBeVisible();
  const res = await page.request.get((await link.getAttribute("href"))!);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toContain("application/pdf");
  const file = join(mkdtempSync(join(tmpdir(), "beslut-")), `${reference}.pdf`);
  writeFileSync(file, await res.body());
  return execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
}

/**
 * On the officer's case page: moves the case to `status` (when given), checks that the template
 * select offers exactly the area's own templates, fills `template`, and decides.
 */
async function decideFromTemplate(
  officer: Page,
  o: { reference: string; area: string; template: string; status?: string; expectText: RegExp },
) {
  await officer.goto(`/handlaggare/arenden/${o.reference}`);
  await expect(officer.getByRole("heading", { level: 1 })).toHaveText(`Ärende ${o.reference}`);
  if (o.status) {
    await officer.getByLabel("Ny status").selectOption(o.status);
    await officer.getByRole("button", { name: "Ändra status" }).click();
    await expect(officer.getByRole("status")).toContainText("Statusen är ändrad.");
  }
  await expect(officer.getByTestId("decision-right")).toContainText("Du beslutar med stöd av delegation");
  const offered = (await officer.getByLabel("Beslutsmall").locator("option").allTextContents()).join("|");
  for (const [area, names] of Object.entries(TEMPLATES))
    for (const name of names)
      if (area === o.area) expect(offered, `${o.area} offers ${name}`).toContain(name);
      else expect(offered, `${o.area} must not offer ${name}`).not.toContain(name);
  const value = await officer
    .getByLabel("Beslutsmall")
    .locator("option", { hasText: o.template })
    .getAttribute("value");
  await officer.getByLabel("Beslutsmall").selectOption(value!);
  await officer.getByRole("button", { name: "Använd mallen" }).click();
  await expect(officer.getByLabel("Beslutstext och motivering")).toHaveValue(o.expectText);
  await officer.locator('#decide-form input[name="outcome"][value="approved"]').check();
  await officer.getByRole("button", { name: "Fatta beslut och skicka till sökanden" }).click();
  await expect(officer.getByRole("status")).toContainText("Beslutet är fattat");
}

test.describe("each case type ends with a decision of its own type", () => {
  test("a bygglov: byggnadsnämnden, appeal to länsstyrelsen under PBL", async ({ page, browser, a11y }, testInfo) => {
    test.setTimeout(420_000);
    // ERIK has one permit draft: the js-on and js-off copies (and other specs) take turns.
    const release = await exclusive("permit-residents");
    let reference = "";
    try {
      await loginAsResident(page, ERIK, { redirectTo: "/blanketter/bygglov-ansokan", actFor: "self" });
      reference = await startFacadeChange(page, "Bengtsfors Sågen 1:23");
    } finally {
      release();
    }
    // The receipt is on Mina sidor at once (decision 092).
    await page.goto("/mina-sidor");
    await expect(page.locator("section[aria-labelledby=notifications-title]")).toContainText(
      `Vi har tagit emot ditt ärende ${reference}`,
    );
    const officer = await otherContext(browser, testInfo);
    try {
      await loginAsStaff(officer.page, "handlaggare.bengtsfors", { redirectTo: "/handlaggare" });
      await decideFromTemplate(officer.page, {
        reference,
        area: "bygglov",
        template: "Bygglov beviljas",
        status: "complete",
        expectText: /^Byggnadsnämnden beviljar bygglov för .*Sågen 1:23/i,
      });
    } finally {
      await officer.context.close();
    }
    const text = await decisionText(page, reference, `/mina-sidor/arenden/${reference}/bygglov`);
    await a11y("bygglov with its decision");
    expect(text).toContain("Byggnadsnämnden");
    expect(text).toContain("till länsstyrelsen");
    expect(text).toContain("plan- och bygglagen");
    expect(text).toMatch(/beviljar bygglov för .*Sågen 1:23/i);
    for (const foreign of [
      "Barn- och utbildningsnämnden",
      "Kommunstyrelsen",
      "Laglighetsprövning",
      "socialtjänstlagen",
    ])
      expect(text).not.toContain(foreign);
  });

  test("a childcare placement: barn- och utbildningsnämnden, laglighetsprövning", async ({
    page,
    browser,
    a11y,
  }, testInfo) => {
    test.setTimeout(420_000);
    await loginAsResident(page, SARA, { actFor: "self" });
    const reference = await applyForForskola(page, {
      child: /Elsa Lindqvist/,
      units: ["Solrosens förskola"],
      desiredStart: dateFromToday(4),
    });
    const officer = await otherContext(browser, testInfo);
    try {
      await loginAsStaff(officer.page, "handlaggare.bengtsfors", { redirectTo: "/handlaggare" });
      await decideFromTemplate(officer.page, {
        reference,
        area: "barnomsorg",
        template: "Placering i förskola",
        status: "in_progress",
        expectText: /Elsa Lindqvist får en placering i förskola/,
      });
    } finally {
      await officer.context.close();
    }
    const text = await decisionText(page, reference, `/mina-sidor/arenden/${reference}`);
    await a11y("childcare case with its decision");
    expect(text).toContain("Barn- och utbildningsnämnden");
    expect(text).toContain("Laglighetsprövning enligt kommunallagen");
    expect(text).toContain("Elsa Lindqvist får en placering i förskola");
    for (const foreign of ["Byggnadsnämnden", "Kommunstyrelsen", "länsstyrelsen", "plan- och bygglagen"])
      expect(text).not.toContain(foreign);
  });

  test("a general e-service case: kommunstyrelsen, laglighetsprövning", async ({ page, browser, a11y }, testInfo) => {
    test.setTimeout(420_000);
    // One draft per person and e-service: the two projects take turns with MARIA's fault report.
    const release = await exclusive("fault-report-maria");
    let reference = "";
    try {
      await loginAsResident(page, MARIA, { redirectTo: "/blanketter/felanmalan-gata-park/fel", actFor: "self" });
      await page.getByLabel("Kommun", { exact: true }).selectOption("amal");
      await page.getByLabel("Gatubelysning").check();
      await page.getByLabel("Beskriv felet").fill("Gatlampan vid bron är släckt sedan en vecka.");
      await page.getByRole("button", { name: "Fortsätt", exact: true }).click();
      await expect(page).toHaveURL(/\/plats$/);
      await page.getByLabel("Var finns felet?").fill("Kanalvägen vid bron");
      await page.getByRole("button", { name: "Fortsätt", exact: true }).click();
      await expect(page).toHaveURL(/\/kontakt$/);
      await page
        .getByRole("group", { name: "Vill du att vi hör av oss när felet är åtgärdat?" })
        .getByLabel("Nej")
        .check();
      await page.getByRole("button", { name: "Fortsätt", exact: true }).click();
      await expect(page).toHaveURL(/\/kontrollera$/);
      await page.getByRole("button", { name: "Skicka in" }).click();
      reference = ((await page.getByTestId("reference").textContent()) ?? "").trim();
    } finally {
      release();
    }
    expect(reference).toMatch(/^AML-\d{4}-\d{6}$/);
    await page.goto("/mina-sidor");
    await expect(page.locator("section[aria-labelledby=notifications-title]")).toContainText(
      `Vi har tagit emot ditt ärende ${reference}`,
    );
    const officer = await otherContext(browser, testInfo);
    try {
      await loginAsStaff(officer.page, "handlaggare.amal", { redirectTo: "/handlaggare" });
      await decideFromTemplate(officer.page, {
        reference,
        area: "allmant",
        template: "Ansökan bifalls",
        status: "in_progress",
        expectText: /^Kommunstyrelsen bifaller ansökan AML-/,
      });
    } finally {
      await officer.context.close();
    }
    const text = await decisionText(page, reference, `/mina-sidor/arenden/${reference}`);
    await a11y("general case with its decision");
    expect(text).toContain("Kommunstyrelsen");
    expect(text).toContain("Laglighetsprövning enligt kommunallagen");
    expect(text).toContain(`bifaller ansökan ${reference}`);
    for (const foreign of [
      "Byggnadsnämnden",
      "Barn- och utbildningsnämnden",
      "Socialnämnden",
      "länsstyrelsen",
      "plan- och bygglagen",
      "socialtjänstlagen",
    ])
      expect(text).not.toContain(foreign);
  });

  test("a social-services case (home help): socialnämnden, förvaltningsrätten under socialtjänstlagen", async ({
    page,
    browser,
    a11y,
  }, testInfo) => {
    test.setTimeout(420_000);
    const applicant =
      HOME_HELP_APPLICANT[testInfo.project.name as keyof typeof HOME_HELP_APPLICANT] ?? HOME_HELP_APPLICANT["js-on"];
    const form = "/blanketter/ansokan-hemtjanst";
    await loginAsResident(page, applicant, { redirectTo: `${form}/behov`, actFor: "self" });
    await expect(page).toHaveURL(new RegExp(`${form}/behov$`));
    await page.getByLabel("Kommun", { exact: true }).selectOption("fargelanda");
    await page.getByLabel("Städning").check();
    await page.getByLabel("Inköp").check();
    await page.getByLabel("Beskriv din situation").fill("Jag har brutit armen och kan inte städa eller handla själv.");
    await page.getByLabel("Ensam").check();
    await page.getByRole("group", { name: "Får du hjälp av anhöriga i dag?" }).getByLabel("Nej").check();
    await page.getByRole("button", { name: "Fortsätt", exact: true }).click();
    await expect(page).toHaveURL(/\/kontakt$/);
    await page.getByRole("group", { name: "Ansöker du för någon annan?" }).getByLabel("Nej").check();
    await page.getByLabel("Telefonnummer").fill("0528-123 45");
    await page.getByLabel("E-postadress").fill(`hemtjanst-${testInfo.project.name}@example.se`);
    await page.getByRole("button", { name: "Fortsätt", exact: true }).click();
    await expect(page).toHaveURL(/\/kontrollera$/);
    await page.getByRole("button", { name: "Skicka in" }).click();
    const reference = ((await page.getByTestId("reference").textContent()) ?? "").trim();
    expect(reference).toMatch(/^FAR-\d{4}-\d{6}$/);

    // Secret in the public register, as the area demands.
    await page.goto(`/diarium?q=${reference}`);
    const row = page.getByRole("row").filter({ hasText: reference });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText("Sekretess");

    const officer = await otherContext(browser, testInfo);
    try {
      await loginAsStaff(officer.page, "handlaggare.fargelanda", { redirectTo: "/handlaggare" });
      await decideFromTemplate(officer.page, {
        reference,
        area: "socialtjanst/sol",
        template: "Bistånd beviljas (SoL)",
        status: "in_progress",
        expectText: /^Socialnämnden beviljar bistånd enligt socialtjänstlagen \(2025:400\) i enlighet med ansökan FAR-/,
      });
    } finally {
      await officer.context.close();
    }
    const text = await decisionText(page, reference, `/mina-sidor/arenden/${reference}`);
    await a11y("social-services case with its decision");
    expect(text).toContain("Socialnämnden");
    expect(text).toContain("till förvaltningsrätten");
    expect(text).toContain("enligt socialtjänstlagen (2025:400)");
    expect(text).toContain(`beviljar bistånd enligt socialtjänstlagen (2025:400) i enlighet med ansökan ${reference}`);
    for (const foreign of [
      "Kommunstyrelsen",
      "Byggnadsnämnden",
      "Barn- och utbildningsnämnden",
      "länsstyrelsen",
      "plan- och bygglagen",
      "Laglighetsprövning",
      "kommunallagen",
      "skollagen",
      "2001:453",
      "16 kap.",
    ])
      expect(text).not.toContain(foreign);
  });
});
