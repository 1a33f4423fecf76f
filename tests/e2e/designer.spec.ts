/**
 * The e-service designer's done-when journey (issue 14, decisions 075 and 086), JavaScript on and
 * off, as one test per project (CI time): designer.mellerud builds an e-service from an empty one
 * in the browser (three steps, a condition, an attachment, both languages), previews and
 * publishes it; an anonymous resident finds it in the catalogue, downloads its PDF, sends it and
 * reads the designer's receipt text; a version-1 draft survives the publication of version 2 and
 * is sent on version 1's questions; a Mellerud officer opens the case from the queue and changes
 * its status, and sees the second case recorded on version 1.
 */
import type { Cookie, Page } from "@playwright/test";
import { expect, jsDisabled, loginAsStaff, test } from "./fixtures";

/** A tiny valid PNG (1×1), checked by its content like any photo. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC",
  "base64",
);

async function next(page: Page) {
  await page.getByRole("button", { name: "Fortsätt", exact: true }).click();
}

/** The designer's "add a question" (prefix "f-") or "add a step" form, filled in. */
async function fillField(
  form: ReturnType<Page["locator"]>,
  f: { name: string; type: string; sv: string; en: string; required?: boolean; showIf?: [string, string] },
) {
  await form.getByLabel("Fältets namn").fill(f.name);
  await form.getByLabel("Fälttyp").selectOption(f.type);
  await form.getByLabel("Fråga (svenska)").fill(f.sv);
  await form.getByLabel("Fråga (engelska)").fill(f.en);
  if (f.required) await form.getByLabel("Obligatoriskt svar").check();
  if (f.showIf) {
    await form.getByLabel("Visa bara när fältet").fill(f.showIf[0]);
    await form.getByLabel("har värdet").fill(f.showIf[1]);
  }
}

test("a designer builds and publishes an e-service; a resident sends it; an officer handles it; a v1 draft completes on v1", async ({
  page,
  a11y,
}, testInfo) => {
  test.setTimeout(420_000); // three staff logins, two publications and three walks through the form
  const jsOff = jsDisabled(testInfo);
  const id = `designer-e2e-${jsOff ? "off" : "on"}-${Date.now().toString(36)}`;
  const title = `Anmäla trasig parkbänk ${jsOff ? "av" : "på"} ${Date.now().toString(36)}`;
  const designer = `/redaktor/e-tjanster/${id}`;

  // ---- The designer builds it from an empty e-service ----
  await loginAsStaff(page, "designer.mellerud", { redirectTo: "/redaktor/e-tjanster" });
  const staffSession: Cookie[] = (await page.context().cookies()).filter((c) => c.name === "session");
  await expect(page.getByRole("heading", { level: 1, name: "E-tjänster" })).toBeVisible();
  await page.getByLabel("Id", { exact: true }).fill(id);
  await page.getByLabel("Kopiera från").selectOption("tom");
  await page.getByRole("button", { name: "Skapa e-tjänsten" }).click();
  await page.waitForURL(new RegExp(`${designer}$`));

  const texts = page.locator("form", { has: page.getByRole("button", { name: "Spara texter" }) });
  await texts.getByLabel("Titel (svenska)").fill(title);
  await texts.getByLabel("Titel (engelska)").fill(`Report a broken park bench ${id}`);
  await texts.getByLabel("Beskrivning (svenska)").fill("Berätta var bänken står och vad som är trasigt.");
  await texts.getByLabel("Beskrivning (engelska)").fill("Tell us where the bench is and what is broken.");
  await texts.getByLabel("Text i kvittot (svenska)").fill("Parkenheten lagar bänken inom två veckor.");
  await texts.getByLabel("Text i kvittot (engelska)").fill("The parks team repairs the bench within two weeks.");
  await texts.getByRole("button", { name: "Spara texter" }).click();
  await expect(page.getByText("Utkastet sparades.")).toBeVisible();

  const addStep = page.locator("form", { has: page.getByRole("button", { name: "Lägg till ett steg" }) });
  await addStep.getByLabel("Stegets id").fill("banken");
  await addStep.getByLabel("Stegets rubrik (svenska)").fill("Bänken");
  await addStep.getByLabel("Stegets rubrik (engelska)").fill("The bench");
  await fillField(addStep, { name: "skadad", type: "yesno", sv: "Är bänken skadad?", en: "Is the bench damaged?" });
  await addStep.getByRole("button", { name: "Lägg till ett steg" }).click();
  await expect(page.getByText("Är bänken skadad? (Ja/nej)")).toBeVisible();

  const addField = page.locator("form", { has: page.getByRole("button", { name: "Lägg till en fråga" }) });
  await addField.getByLabel("Steg", { exact: true }).selectOption("banken");
  await fillField(addField, {
    name: "skada",
    type: "textarea",
    sv: "Beskriv skadan",
    en: "Describe the damage",
    required: true,
    showIf: ["skadad", "true"],
  });
  await addField.getByRole("button", { name: "Lägg till en fråga" }).click();
  await expect(page.getByText("Beskriv skadan (Lång text, obligatorisk, visas när skadad")).toBeVisible();

  // A choice question, its choices then edited without JavaScript: one added and moved up.
  await addField.getByLabel("Steg", { exact: true }).selectOption("banken");
  await fillField(addField, { name: "del", type: "choice", sv: "Vilken del?", en: "Which part?" });
  await addField.getByLabel("Val, ett per rad (för Val och Flerval) (svenska)").fill("Sitsen\nRyggen");
  await addField.getByLabel("Val, ett per rad (för Val och Flerval) (engelska)").fill("The seat\nThe back");
  await addField.getByRole("button", { name: "Lägg till en fråga" }).click();
  const choices = page.locator("form", { has: page.getByRole("button", { name: "Spara valen" }) });
  await choices.getByLabel("Nytt val (svenska)").fill("Benen");
  await choices.getByLabel("Nytt val (engelska)").fill("The legs");
  await choices.getByRole("button", { name: "Lägg till valet" }).click();
  await expect(choices.getByLabel("Text för valet benen (engelska)")).toHaveValue("The legs");
  await choices.getByRole("button", { name: "Flytta upp benen" }).click();
  await expect(choices.getByRole("group").nth(1)).toHaveAccessibleName("Valet benen");

  await addStep.getByLabel("Stegets id").fill("bilagor");
  await addStep.getByLabel("Stegets rubrik (svenska)").fill("Bilagor");
  await addStep.getByLabel("Stegets rubrik (engelska)").fill("Attachments");
  await fillField(addStep, { name: "foto", type: "file", sv: "Foto av bänken", en: "Photo of the bench" });
  await addStep.getByRole("button", { name: "Lägg till ett steg" }).click();
  await expect(page.getByText("Foto av bänken (Bilaga (fil))")).toBeVisible();
  await a11y("designer page");

  await page.getByRole("link", { name: "Förhandsgranska" }).click();
  await expect(page.getByText("Förhandsgranskning av version 1")).toBeVisible();
  await expect(page.getByText("Steg 1 av 3")).toBeVisible();
  await page.goto(`${designer}/forhandsvisning?steg=banken`);
  await expect(page.getByRole("group", { name: "Är bänken skadad?" })).toBeVisible();
  await a11y("designer preview");
  await page.goto(designer);
  await page.getByRole("button", { name: "Publicera ny version" }).click();
  await expect(page.getByText("Den nya versionen är publicerad.")).toBeVisible();

  // ---- A resident finds it, downloads the PDF and sends it ----
  await page.context().clearCookies({ name: "session" });
  await page.goto("/blanketter?kommun=mellerud");
  await expect(page.getByRole("link", { name: `Ladda ner PDF (${title})` })).toHaveAttribute(
    "href",
    `/blanketter/${id}.pdf`,
  );
  const pdf = await page.request.get(`/blanketter/${id}.pdf`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  await page.getByRole("link", { name: `Fyll i på webben (${title})` }).click();
  await expect(page).toHaveURL(new RegExp(`/blanketter/${id}/kontakt$`));

  const walk = async (name: string, damaged: boolean) => {
    const kommun = page.getByLabel("Kommun", { exact: true });
    if (await kommun.count()) await kommun.selectOption("mellerud");
    await page.getByLabel("Ditt namn").fill(name);
    await page.getByLabel("E-postadress").fill(`bank-${testInfo.project.name}@example.se`);
    await next(page);
    await expect(page).toHaveURL(/\/banken$/);
    await page
      .getByRole("group", { name: "Är bänken skadad?" })
      .getByLabel(damaged ? "Ja" : "Nej")
      .check();
    await page.getByRole("group", { name: "Vilken del?" }).getByLabel("Benen").check();
    if (damaged) await page.getByLabel("Beskriv skadan").fill("Sitsen är knäckt.");
    else if (!jsOff) await expect(page.getByLabel("Beskriv skadan")).toBeHidden();
  };
  await walk("Bänkvän Andersson", true);
  await next(page);
  await expect(page).toHaveURL(/\/bilagor$/);
  await page.getByLabel("Foto av bänken").setInputFiles({ name: "bank.png", mimeType: "image/png", buffer: PNG });
  await next(page);
  await expect(page).toHaveURL(/\/kontrollera$/);
  await expect(page.getByText("Sitsen är knäckt.")).toBeVisible();
  await expect(page.getByText("bank.png")).toBeVisible();
  await expect(page.getByText("Benen", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Skicka in" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tack – vi har tagit emot ditt ärende");
  const first = (await page.getByTestId("reference").textContent())?.trim() ?? "";
  expect(first).toMatch(/^MEL-\d{4}-\d{6}$/);
  await expect(page.getByTestId("receipt-text")).toHaveText("Parkenheten lagar bänken inom två veckor.");
  await a11y("receipt of the designed e-service");

  // A second case is started on version 1 and left as a draft at its second step.
  await page.goto(`/blanketter/${id}`);
  await walk("Bänkvän Berg", false);
  await next(page);
  await expect(page).toHaveURL(/\/bilagor$/);

  // ---- Version 2: a new required question on the first step ----
  await page.context().addCookies(staffSession);
  await page.goto(designer);
  await addField.getByLabel("Steg", { exact: true }).selectOption("kontakt");
  await fillField(addField, {
    name: "telefon",
    type: "phone",
    sv: "Telefon dagtid",
    en: "Daytime phone",
    required: true,
  });
  await addField.getByRole("button", { name: "Lägg till en fråga" }).click();
  await expect(page.getByText("Version 2: Utkast")).toBeVisible();
  await page.getByRole("button", { name: "Publicera ny version" }).click();
  await expect(page.getByText("Den nya versionen är publicerad.")).toBeVisible();
  const history = page.getByRole("table", { name: "Versioner" });
  await expect(history.getByRole("row").filter({ hasText: "Ersatt" })).toHaveCount(1);
  // What version 2 changed, and version 1 restored as a new draft (residents keep version 2).
  await page.getByRole("link", { name: "Se vad varje version ändrade" }).click();
  const changes = page.getByRole("table", { name: "Skillnader från version 1 till version 2" });
  await expect(changes.getByRole("row", { name: /Frågan telefon: text \(svenska\)/ })).toContainText("Telefon dagtid");
  await a11y("designer version history");
  await page.getByRole("button", { name: "Återställ version 1" }).click();
  await expect(page.getByText("Version 1 är återställd som utkast (version 3)")).toBeVisible();

  // ---- The version-1 draft completes on version 1 ----
  await page.context().clearCookies({ name: "session" });
  await page.goto(`/blanketter/${id}/kontakt`);
  await expect(page.getByLabel("Ditt namn")).toHaveValue("Bänkvän Berg");
  await expect(page.getByLabel("Telefon dagtid")).toHaveCount(0);
  await page.goto(`/blanketter/${id}/kontrollera`);
  await expect(page.getByText("Bänkvän Berg")).toBeVisible();
  await expect(page.getByText("Telefon dagtid")).toHaveCount(0);
  await page.getByRole("button", { name: "Skicka in" }).click();
  const second = (await page.getByTestId("reference").textContent())?.trim() ?? "";
  expect(second).toMatch(/^MEL-\d{4}-\d{6}$/);
  await expect(page.getByText("Är bänken skadad?")).toBeVisible();
  await expect(page.getByText("Telefon dagtid")).toHaveCount(0);
  // A new draft starts on version 2.
  await page.goto(`/blanketter/${id}/kontakt`);
  await expect(page.getByLabel("Telefon dagtid")).toBeVisible();

  // ---- A Mellerud officer handles the first case and sees the second on version 1 ----
  await loginAsStaff(page, "handlaggare.mellerud", { redirectTo: "/handlaggare" });
  await page.getByLabel("Sök på ärendenummer").fill(first);
  await page.getByRole("button", { name: "Visa" }).click();
  await page.getByRole("link", { name: first }).click();
  await expect(page).toHaveURL(new RegExp(`/handlaggare/arenden/${first}$`));
  await expect(page.getByTestId("officer-case-status")).toHaveText("Mottaget");
  await page.getByLabel("Ny status").selectOption({ label: "Under handläggning" });
  await page.getByRole("button", { name: "Ändra status" }).click();
  await expect(page.getByTestId("officer-case-status")).toHaveText("Under handläggning");
  await a11y("officer case of the designed e-service");
  await page.goto(`/handlaggare/arenden/${second}`);
  await expect(page.getByTestId("officer-case-form")).toHaveText(`${id}, version 1`);
  // Officers are not designers: the designer refuses them.
  expect((await page.goto(designer))?.status()).toBe(403);
});

test("a question group's questions have their choices and conditions edited in forms, not only in JSON (decision 123)", async ({
  page,
  a11y,
}, testInfo) => {
  test.setTimeout(180_000);
  const id = `designer-group-${jsDisabled(testInfo) ? "off" : "on"}-${Date.now().toString(36)}`;
  const designer = `/redaktor/e-tjanster/${id}`;
  await loginAsStaff(page, "designer.mellerud", { redirectTo: "/redaktor/e-tjanster" });
  await page.getByLabel("Id", { exact: true }).fill(id);
  await page.getByLabel("Kopiera från").selectOption("tom");
  await page.getByRole("button", { name: "Skapa e-tjänsten" }).click();
  await page.waitForURL(new RegExp(`${designer}$`));

  const addStep = page.locator("form", { has: page.getByRole("button", { name: "Lägg till ett steg" }) });
  await addStep.getByLabel("Stegets id").fill("resa");
  await addStep.getByLabel("Stegets rubrik (svenska)").fill("Resan");
  await addStep.getByLabel("Stegets rubrik (engelska)").fill("The trip");
  await fillField(addStep, { name: "resenarer", type: "group", sv: "Resenärer", en: "Travellers" });
  await addStep.getByRole("button", { name: "Lägg till ett steg" }).click();

  // A choice question inside the group, from the group's own adder.
  const group = page.locator("form", { has: page.getByRole("button", { name: "Spara gruppen" }) });
  await fillField(group, { name: "typ", type: "choice", sv: "Typ av resenär", en: "Kind of traveller" });
  await group.getByLabel("Val, ett per rad (för Val och Flerval) (svenska)").fill("Vuxen\nBarn");
  await group.getByLabel("Val, ett per rad (för Val och Flerval) (engelska)").fill("Adult\nChild");
  await group.getByRole("button", { name: "Lägg till en fråga i gruppen" }).click();

  // Its choices have the same form as a top-level question's.
  const choices = page.locator("form", { has: page.getByRole("button", { name: "Spara valen" }) });
  await choices.getByLabel("Nytt val (svenska)").fill("Pensionär");
  await choices.getByLabel("Nytt val (engelska)").fill("Pensioner");
  await choices.getByRole("button", { name: "Lägg till valet" }).click();
  await expect(choices.getByLabel("Text för valet pensionar (engelska)")).toHaveValue("Pensioner");

  // The name question is shown only for some kinds of traveller: the choice first, then the condition.
  await group.getByRole("button", { name: "Flytta upp typ" }).click();
  await group.getByLabel("Visa bara när fältet (resenarerText)").fill("typ");
  await group.getByLabel("har värdet (resenarerText)").fill("vuxen, pensionar");
  await group.getByRole("button", { name: "Spara gruppen" }).click();
  await page.goto(designer);
  await expect(group.getByLabel("Visa bara när fältet (resenarerText)")).toHaveValue("typ");
  await expect(group.getByLabel("har värdet (resenarerText)")).toHaveValue("vuxen, pensionar");
  await expect(group.getByLabel("Visa bara när fältet (typ)")).toHaveValue("");
  await a11y("designer group with a condition and edited choices");
});
