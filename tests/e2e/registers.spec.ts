import { expect, expectAccessible, jsDisabled, loginAsResident, loginAsStaff, test } from "./fixtures";
import { dateFromToday, hydrated } from "./mypages-helpers";
import {
  BYGGLOV,
  e2eDatabase,
  otherContext,
  referenceOf,
  signAndSubmitPermit,
  startEngineBygglov,
} from "./permit-helpers";

/**
 * Issue 19's journeys across the register stand-ins (decision 074). The e2e portal asks every
 * register through its real client (scripts/e2e-server.mjs, tests/stand-ins): Navet for people,
 * Lantmäteriet for properties, Bolagsverket for companies. Each project acts for a company no other
 * spec uses, so the js-on and js-off copies never share a draft: js-on Sara Lindqvist for Lindqvist
 * Arkitektkontor AB on Bengtsfors Ritaren 3:1, js-off Erik Lindqvist for Bengtsfors Kanotklubb on
 * Bengtsfors Kanoten 1:2 (db/seed/content/people.ts, served by the stand-ins).
 */
const JOURNEYS = {
  "js-on": {
    signatory: "198412179288",
    company: "Lindqvist Arkitektkontor AB",
    orgNumber: "559108-2267",
    designation: "Bengtsfors Ritaren 3:1",
    address: "Storgatan 20, 666 30 Bengtsfors",
  },
  "js-off": {
    signatory: "198203249274",
    company: "Bengtsfors Kanotklubb",
    orgNumber: "802478-1638",
    designation: "Bengtsfors Kanoten 1:2",
    address: "Sjövägen 2, 666 30 Bengtsfors",
  },
} as const;

/** Audit rows of one action and subject written since `afterId`, with their details. */
function auditSince(afterId: number, action: string, subjectId?: string): string[] {
  const db = e2eDatabase();
  try {
    const rows = db
      .prepare(
        "SELECT details FROM audit_event WHERE id > ? AND action = ? AND (? IS NULL OR subject_id = ?) ORDER BY id",
      )
      .all(afterId, action, subjectId ?? null, subjectId ?? null) as { details: string | null }[];
    return rows.map((r) => r.details ?? "");
  } finally {
    db.close();
  }
}

function lastAuditId(): number {
  const db = e2eDatabase();
  try {
    return (db.prepare("SELECT COALESCE(MAX(id), 0) AS id FROM audit_event").get() as { id: number }).id;
  } finally {
    db.close();
  }
}

test.describe("the registers' stand-ins in one journey", () => {
  test("a signatory per Bolagsverket acts for the company and applies for bygglov on a property Lantmäteriet knows; the officer sees what the registers gave", async ({
    page,
    browser,
    a11y,
  }, testInfo) => {
    test.setTimeout(240_000);
    const jsOff = jsDisabled(testInfo);
    const j = JOURNEYS[jsOff ? "js-off" : "js-on"];
    const since = lastAuditId();

    // The company register names the person a signatory: they may act for the company.
    await loginAsResident(page, j.signatory, { redirectTo: BYGGLOV, actFor: j.orgNumber });
    await expect(page).toHaveURL(/\/blanketter\/bygglov-ansokan\/fastighet$/);
    // (The audit trail masks the organisationsnummer as it masks a personnummer, so the row is found by its
    // details. Answers are kept five minutes, so another spec may have made this company's look-up: any
    // look-up of this run counts, and each names the client that answered.)
    expect(auditSince(0, "register.company_lookup").join(" ")).toContain('"register":"bolagsverket"');
    expect(auditSince(0, "register.company_lookup").join(" ")).not.toContain('"register":"demo"');

    // The property register finds the property, its owner and its address as the step is saved (decision 104).
    await startEngineBygglov(page, j.designation.toLocaleLowerCase("sv"), {
      description: "Byte av fasadpanel och fönster mot gatan.",
    });
    expect(auditSince(since, "register.property.lookup", j.designation).join(" ")).toContain("Lantmäteriet");
    await expect(page.getByRole("main")).toContainText(j.company);
    await expect(page.getByRole("main")).toContainText(j.address.split(",")[0]!);
    await a11y("bygglov check page with the register's property");
    const signed = await signAndSubmitPermit(page, j.signatory);
    expect(signed).toContain(`${j.company} (${j.orgNumber})`);
    await expect(page).toHaveURL(/\/bygglov\/kvitto\/BEN-\d{4}-\d{6}$/);
    const reference = referenceOf(page);

    // The officer sees the company and the property as the registers gave them.
    const officer = await otherContext(browser, testInfo);
    try {
      await loginAsStaff(officer.page, "handlaggare.bengtsfors", { redirectTo: `/handlaggare/arenden/${reference}` });
      await expect(officer.page.getByRole("heading", { level: 1 })).toHaveText(`Ärende ${reference}`);
      const facts = officer.page.getByRole("main");
      await expect(facts).toContainText(`${j.company}, ${j.orgNumber}`);
      await expect(facts).toContainText(j.designation);
      await expect(officer.page.getByTestId("officer-property-owner")).toHaveText(j.company);
      await expect(officer.page.getByTestId("officer-property-address")).toHaveText(j.address);
      await expectAccessible(officer.page, browser, jsOff, "officer case view with register data");
    } finally {
      await officer.context.close();
    }
  });

  test("a guardian's children are pre-filled from Navet in the preschool and school forms", async ({ page, a11y }) => {
    const since = lastAuditId();
    await loginAsResident(page, "198412179288", { actFor: "self" });
    // The preschool form runs on the form engine (decision 089); the old address leads there.
    await page.goto("/mina-sidor/barnomsorg/ansok");
    await page.waitForURL(/\/blanketter\/forskola-ansokan\/barnet$/);
    await hydrated(page);
    const children = page.getByRole("group", { name: "Vilket barn gäller ansökan?" });
    await expect(children.getByRole("radio")).toHaveCount(2);
    await expect(children.getByRole("radio", { name: "Olle Lindqvist (2018-11-12)" })).toBeVisible();
    await expect(children.getByRole("radio", { name: "Elsa Lindqvist (2022-01-02)" })).toBeVisible();
    await a11y("childcare form with the register's children");
    const childcare = auditSince(since, "population.lookup");
    expect(childcare.some((d) => d.includes("navet") && d.includes("childcare"))).toBe(true);

    // The chosen child goes on to the check page, named as the register gave them.
    await children.getByRole("radio", { name: /Elsa Lindqvist/ }).check();
    await page.getByRole("radio", { name: "Förskola", exact: true }).check();
    await page.getByLabel("Kommun", { exact: true }).selectOption({ label: "Bengtsfors" });
    await page.getByRole("button", { name: "Fortsätt", exact: true }).click();
    await expect(page.getByText("Steg 2 av 2")).toBeVisible();
    await hydrated(page);
    const first = page.getByLabel(/^Förstahandsval/);
    await first.selectOption((await first.locator("option", { hasText: "Solrosens förskola" }).getAttribute("value"))!);
    await page.getByLabel(/^Önskat startdatum/).fill(dateFromToday(5));
    await page.getByLabel(/^Omsorgsbehov, timmar per vecka/).fill("30");
    await page.getByRole("button", { name: "Fortsätt", exact: true }).click();
    await expect(page.getByRole("main")).toContainText("Elsa Lindqvist (2022-01-02)");

    const beforeSchool = lastAuditId();
    await page.goto("/blanketter/skolval-ansokan/barn");
    await expect(page.getByRole("radio", { name: /Olle Lindqvist/ })).toBeVisible();
    const school = auditSince(beforeSchool, "population.lookup");
    expect(school.some((d) => d.includes("navet") && d.includes("school"))).toBe(true);
  });
});
