import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Page } from "@playwright/test";
import { expect, jsDisabled, loginAsResident, loginAsStaff, test } from "./fixtures";

/*
 * Issue 13, "done when" bullet 3: a sixth municipality by configuration only. A portal-wide admin
 * adds it with two administrations whose slugs no form definition names, gives an editor a role
 * there and routes its general cases to its own case system (a folder this test reads); the
 * editor publishes a service; a resident chooses the municipality where the form asks for it (the
 * portal decides a submission's municipality by that answer, not by the resident's address) and
 * the case reaches the folder. Each project (JS on and off) adds its own municipality and uses
 * its own editor, so the two copies never meet.
 */

const DATA_DIR = resolve(process.env.E2E_DATA_DIR ?? "tests/.tmp/e2e");

/** A valid personnummer of a made-up adult, different per run (the test provider accepts any valid one). */
function freshPersonnummer(): string {
  const serial = String(100 + Math.floor(Math.random() * 900));
  const ten = `880312${serial}`;
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let d = Number(ten[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return `19${ten}${(10 - (sum % 10)) % 10}`;
}

async function addMunicipality(page: Page, slug: string, code: string, name: string) {
  await page.goto("/admin/kommuner");
  await page.getByLabel("Adress på webbplatsen", { exact: true }).fill(slug);
  await page.getByLabel("Kommunkod", { exact: true }).fill(code);
  await page.getByLabel("Namn", { exact: true }).fill(name);
  await page.getByLabel("Logotypens text", { exact: true }).fill(`${name} kommun`);
  await page.getByLabel("Introduktion på svenska", { exact: true }).fill("Välkommen till kommunen vid sjön.");
  await page.getByLabel("Introduktion på engelska", { exact: true }).fill("Welcome to the municipality by the lake.");
  await page.getByLabel("Telefon", { exact: true }).fill("0520-49 70 00");
  await page.getByLabel("E-postadress", { exact: true }).fill(`kommun@${slug}.example.se`);
  await page.getByLabel("Besöksadress", { exact: true }).fill("Storgatan 1, Sjöby");
  await page.getByLabel("Postadress", { exact: true }).fill("460 00 Sjöby");
  await page.getByLabel("Öppettider på svenska", { exact: true }).fill("Vardagar 8–16");
  await page.getByLabel("Öppettider på engelska", { exact: true }).fill("Weekdays 8–16");
  await page.getByLabel("Organisationsnummer", { exact: true }).fill("212000-1462");
  await page.getByRole("button", { name: "Lägg till kommunen" }).click();
  await page.waitForURL(`**/admin/kommuner/${slug}`);
}

async function addAdministration(page: Page, adminSlug: string, sv: string, en: string, areas: string[]) {
  const add = page.locator("form", { has: page.getByRole("button", { name: "Lägg till förvaltningen" }) });
  await add.getByLabel("Adress på webbplatsen", { exact: true }).fill(adminSlug);
  await add.getByLabel("Namn på svenska", { exact: true }).fill(sv);
  await add.getByLabel("Namn på engelska", { exact: true }).fill(en);
  await add.getByRole("button", { name: "Lägg till förvaltningen" }).click();
  await expect(page.getByRole("heading", { level: 3, name: sv })).toBeVisible();
  const group = page.getByRole("group", { name: `Områden som ${sv} handlägger` });
  for (const area of areas) await group.getByLabel(area, { exact: true }).check();
  await page.getByRole("button", { name: `Spara områden för ${sv}` }).click();
  for (const area of areas)
    await expect(
      page.getByRole("group", { name: `Områden som ${sv} handlägger` }).getByLabel(area, { exact: true }),
    ).toBeChecked();
}

test("a sixth municipality added in the browser publishes a service and receives a resident's case in its own system", async ({
  page,
  a11y,
}, testInfo) => {
  test.setTimeout(240_000);
  const off = jsDisabled(testInfo);
  const slug = off ? "sjoby-utan-js" : "sjoby";
  const code = off ? "SJX" : "SJB";
  const name = off ? "Sjöby utan JS" : "Sjöby";
  const editor = off ? "redaktor.dals-ed" : "redaktor.fargelanda";
  const outbox = join(DATA_DIR, `sixth-${testInfo.project.name}`);
  const ks = "Kommunstyrelseförvaltningen";
  const bildning = "Bildningsförvaltningen";

  // 1. The portal-wide admin adds the municipality and two administrations that no form names.
  await loginAsStaff(page, "admin.portal", { redirectTo: "/admin" });
  await addMunicipality(page, slug, code, name);
  await addAdministration(page, "kommunstyrelseforvaltningen", ks, "Municipal executive office", [
    "Allmänna ärenden",
    "Bygglov",
  ]);
  await addAdministration(page, "bildningsforvaltningen", bildning, "Education office", ["Barnomsorg", "Skola"]);
  await a11y(`/admin/kommuner/${slug}`);

  // 2. A preschool of the new municipality (units belong to a municipality, decision 060).
  const unit = `Förskolan Näckrosen ${code}`;
  await page.goto("/admin/enheter");
  await page.getByLabel("Kommun").selectOption({ label: name });
  await page.getByLabel("Namn").fill(unit);
  await page.getByLabel("Gatuadress").fill("Skolvägen 1");
  await page.getByLabel("Postnummer").fill("668 40");
  await page.getByLabel("Ort").fill(name);
  await page.getByLabel("Från ålder (år)").fill("1");
  await page.getByLabel("Till ålder (år)").fill("5");
  await page.getByLabel("Antal platser").fill("30");
  await page.getByRole("button", { name: "Spara enheten" }).click();
  await expect(page.getByText("Enheten är sparad.")).toBeVisible();
  const unitRow = page.getByRole("row", { name: new RegExp(unit) });
  await expect(unitRow).toContainText(name);
  await expect(unitRow).toContainText("Öppen");

  // 3. Its own case system: a folder target, routed for its general cases.
  await page.goto("/admin/integrationer");
  await page.getByLabel("Namn", { exact: true }).fill(`Ärendesystem ${name}`);
  await page.getByLabel("Kortnamn").fill(`${slug}-arenden`);
  await page.getByLabel(name, { exact: true }).check();
  await page.getByLabel("Typ av mottagare").selectOption("folder");
  await page.getByLabel("Mottagare", { exact: true }).fill(outbox);
  await page.getByRole("button", { name: "Lägg upp ärendesystemet" }).click();
  await expect(page.getByTestId("callback-token")).toBeVisible();
  await page.getByRole("link", { name: "Välj vilka ärenden som ska lämnas hit" }).click();
  await page.getByRole("group", { name }).getByLabel("allmänna ärenden").check();
  await page.getByRole("button", { name: "Spara ärendena" }).click();
  await expect(page.getByRole("status")).toContainText("Ärendena är sparade.");

  // 4. The admin gives an editor a role for the new municipality's executive office.
  await page.goto("/admin/anvandare");
  await page.getByRole("row").filter({ hasText: editor }).getByRole("link").click();
  await page.locator("#role").selectOption("editor");
  await page.locator("#municipalityId").selectOption({ label: name });
  await page.locator("#administrationId").selectOption({ label: `${ks}, ${name}` });
  await page.getByRole("button", { name: "Lägg till behörighet" }).click();
  await expect(page.getByRole("status")).toContainText("Behörigheten är tillagd.");

  // 5. The editor publishes a service of the new municipality.
  const serviceSlug = `${slug}-torghandel`;
  const title = `Torgplats i ${name}`;
  await loginAsStaff(page, editor, { redirectTo: "/redaktor/tjanster/ny" });
  await page.getByLabel("Kommun och förvaltning").selectOption({ label: `${name} – ${ks}` });
  await page.locator('[name="slug"]').fill(serviceSlug);
  await page.getByLabel("Kategori").selectOption({ label: "Näringsliv och arbete" });
  const texts: Record<string, string> = {
    titleSv: title,
    summarySv: "Hyr en plats på torget för försäljning.",
    audienceSv: "Den som vill sälja på torget.",
    howToApplySv: "Ansök i e-tjänsten.",
    costSv: "200 kronor per dag.",
    processingTimeSv: "En vecka.",
    legalBasisSv: "Ordningslagen (1993:1617).",
    bodySv: "Torghandel är tillåten vardagar.",
  };
  for (const [field, value] of Object.entries(texts)) await page.locator(`[name="${field}"]`).fill(value);
  await page.locator('[name="owner"]').selectOption(editor);
  await page.locator('[name="reviewBy"]').fill("2027-11-30");
  await page.getByRole("button", { name: "Skapa utkast" }).click();
  await page.getByRole("button", { name: "Publicera", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Texten är publicerad" })).toBeVisible();
  await page.goto(`/${slug}/tjanster`);
  await expect(page.getByRole("link", { name: title })).toBeVisible();

  // 6. Its forms are listed under its own administrations (by area, not by the example slugs).
  await page.context().clearCookies({ name: "session" });
  await page.goto(`/blanketter?kommun=${slug}`);
  await expect(page.getByRole("heading", { name: ks })).toBeVisible();
  await a11y(`/blanketter?kommun=${slug}`);

  // 7. A resident chooses the new municipality in the form; the case goes to its own folder.
  await loginAsResident(page, freshPersonnummer(), { redirectTo: "/mina-sidor" });
  await page.goto(`/blanketter/felanmalan-gata-park/fel?kommun=${slug}`);
  await page.getByLabel("Kommun", { exact: true }).selectOption(slug);
  await page.getByLabel("Gatubelysning").check();
  await page.getByLabel("Beskriv felet").fill("Gatlampan vid torget är släckt.");
  await page.getByRole("button", { name: "Fortsätt", exact: true }).click();
  await expect(page).toHaveURL(/\/plats$/);
  await page.getByLabel("Var finns felet?").fill(`Torget i ${name}`);
  await page.getByRole("button", { name: "Fortsätt", exact: true }).click();
  await expect(page).toHaveURL(/\/kontakt$/);
  await page.getByRole("group", { name: "Vill du att vi hör av oss när felet är åtgärdat?" }).getByLabel("Nej").check();
  await page.getByRole("button", { name: "Fortsätt", exact: true }).click();
  await expect(page).toHaveURL(/\/kontrollera$/);
  await page.getByRole("button", { name: "Skicka in" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tack – vi har tagit emot ditt ärende");
  const reference = ((await page.getByTestId("reference").textContent()) ?? "").trim();
  expect(reference).toMatch(new RegExp(`^${code}-\\d{4}-\\d{6}$`));

  const json = join(outbox, `${reference}.json`);
  await expect.poll(() => existsSync(json), { timeout: 30_000 }).toBe(true);
  const doc = JSON.parse(readFileSync(json, "utf8")) as { reference: string; case: { caseType: string } };
  expect(doc).toMatchObject({ reference, case: { caseType: "felanmalan-gata-park" } });
  // Not in the portal-wide fallback folder: the new municipality's own system received it.
  expect(existsSync(join(DATA_DIR, "outbox", `${reference}.json`))).toBe(false);
});
