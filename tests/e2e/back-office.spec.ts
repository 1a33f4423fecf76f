import { exclusive, expect, expectAccessible, jsDisabled, loginAsResident, loginAsStaff, test } from "./fixtures";
import { csrfOf, e2eDatabase, ERIK, otherContext, startFacadeChange } from "./permit-helpers";

test.describe("the officers' back office", () => {
  // These journeys act as the same seeded residents (one permit draft each): one at a time.
  let release: (() => void) | undefined;
  test.beforeEach(async ({}, testInfo) => {
    testInfo.setTimeout(testInfo.timeout + 300_000);
    release = await exclusive("permit-residents");
  });
  test.afterEach(() => release?.());

  test("the queue filters by deadline, area and reference, and shows deadline indicators", async ({ page, a11y }) => {
    await loginAsStaff(page, "handlaggare.fargelanda", { redirectTo: "/handlaggare" });
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ärenden att handlägga");
    const rows = page.getByTestId("queue").locator("tbody tr");
    await expect.poll(() => rows.count()).toBeGreaterThan(3);
    await a11y("queue");

    await page.getByLabel("Frist").selectOption("overdue");
    await page.getByLabel("Område").selectOption("bygglov");
    await page.getByRole("button", { name: "Visa" }).click();
    await expect(page).toHaveURL(/frist=overdue/);
    await page.waitForLoadState("load"); // the whole streamed table, not its first rows
    const overdue = await rows.count();
    expect(overdue).toBeGreaterThan(0);
    for (let i = 0; i < overdue; i++) await expect(rows.nth(i).locator('[data-deadline="overdue"]')).toBeVisible();

    // Sorted by deadline, earliest first (the default).
    await page.goto("/handlaggare?sortering=deadline&status=open");
    const reference = (await rows.first().locator("a").first().innerText()).trim();
    expect(reference).toMatch(/^[A-Z]{3}-\d{4}-\d{6}$/);

    // Search by reference number.
    await page.getByLabel("Sök på ärendenummer").fill(reference);
    await page.getByRole("button", { name: "Visa" }).click();
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText(reference);

    // Bad filter values are ignored, never an error.
    const res = await page.request.get("/handlaggare?frist=%3Cx%3E&sortering=evil&kommun=../../");
    expect(res.status()).toBe(200);
  });

  test("an officer in Färgelanda cannot open a Mellerud case (403) and the attempt is audited", async ({
    page,
    a11y,
  }) => {
    await loginAsStaff(page, "handlaggare.fargelanda", { redirectTo: "/handlaggare" });
    const response = await page.goto("/handlaggare/arenden/MEL-2026-900001");
    expect(response?.status()).toBe(403);
    await a11y("refused case");
    const attachment = await page.request.get("/handlaggare/arenden/MEL-2026-900001/beslut.pdf");
    expect(attachment.status()).toBe(404);
    const db = e2eDatabase();
    try {
      const row = db
        .prepare(
          "select action, actor_name from audit_event where subject_id = ? and action like '%.refused' order by id desc limit 1",
        )
        .get("MEL-2026-900001") as { action: string; actor_name: string } | undefined;
      expect(row?.action).toMatch(/^case\..*\.refused$/);
      expect(row?.actor_name).toBe("Sofia Björk");
    } finally {
      db.close();
    }
  });

  test("internal notes never reach the applicant's pages, and an illegal status change is refused", async ({
    page,
    browser,
  }, testInfo) => {
    test.setTimeout(180_000 + 300_000);
    const marker = `INTERN-${Date.now()}-${testInfo.project.name}`;
    const messageMarker = `MEDDELANDE-${Date.now()}-${testInfo.project.name}`;
    await loginAsResident(page, ERIK, { redirectTo: "/blanketter/bygglov-ansokan", actFor: "self" });
    const reference = await startFacadeChange(page, "Bengtsfors Sågen 1:23");

    const officer = await otherContext(browser, testInfo);
    try {
      await loginAsStaff(officer.page, "handlaggare.bengtsfors", { redirectTo: `/handlaggare/arenden/${reference}` });
      await officer.page
        .getByLabel("Ny intern anteckning")
        .fill(`${marker}: grannen har ringt, kontrollera strandskyddet.`);
      await officer.page.getByRole("button", { name: "Spara anteckning" }).click();
      await expect(officer.page.getByTestId("internal-notes")).toContainText(marker);
      // A message, unlike a note, goes to the applicant.
      await officer.page
        .getByLabel("Meddelande", { exact: true })
        .fill(`${messageMarker}: vi behöver en fasadritning i skala 1:100.`);
      await officer.page.getByRole("button", { name: "Skicka meddelande" }).click();
      await expect(officer.page.getByRole("status")).toContainText("Meddelandet är skickat till den sökande.");
      const tooShort = await officer.page.request.post(`/handlaggare/arenden/${reference}`, {
        form: { _csrf: await csrfOf(officer.page), intent: "message", message: " " },
      });
      expect(tooShort.status()).toBe(400);
      await officer.page.getByRole("button", { name: "Tilldela mig" }).click();
      await expect(officer.page.getByTestId("assigned-to")).toContainText("Ingrid Holm");

      // received → closed is not in the bygglov machine; decided only through a decision.
      const csrf = await csrfOf(officer.page);
      for (const to of ["closed", "decided", "in_progress", "nonsense"]) {
        const res = await officer.page.request.post(`/handlaggare/arenden/${reference}`, {
          form: { _csrf: csrf, intent: "status", status: to },
        });
        expect(res.status(), `received → ${to}`).toBe(409);
      }
      const noCsrf = await officer.page.request.post(`/handlaggare/arenden/${reference}`, {
        form: { intent: "status", status: "complete" },
      });
      expect(noCsrf.status()).toBe(403);
      await officer.page.reload();
      await expect(officer.page.getByTestId("officer-case-status")).toHaveText("Mottaget");
      // A legal move works.
      await officer.page.getByLabel("Ny status").selectOption("complete");
      await officer.page.getByRole("button", { name: "Ändra status" }).click();
      await expect(officer.page.getByTestId("officer-case-status")).toHaveText("Komplett");
    } finally {
      await officer.context.close();
    }

    for (const path of [
      `/mina-sidor/arenden/${reference}/bygglov`,
      "/mina-sidor/bygglov",
      "/mina-sidor",
      `/diarium?q=${reference}`,
    ]) {
      await page.goto(path);
      expect(await page.content(), path).not.toContain(marker);
    }
    await page.goto(`/mina-sidor/arenden/${reference}`);
    await expect(page.getByText(messageMarker)).toBeVisible();
  });

  test("an officer decides with the keyboard only, and the case view works at 320 px and in English", async ({
    page,
    browser,
  }, testInfo) => {
    test.setTimeout(120_000 + 300_000);
    await loginAsStaff(page, "handlaggare.bengtsfors", { redirectTo: "/handlaggare?status=open&omrade=bygglov" });
    const row = page.getByTestId("queue").locator("tbody tr", { hasText: "Under handläggning" }).first();
    const reference = (await row.locator("a").first().innerText()).trim();
    await page.goto(`/handlaggare/arenden/${reference}`);
    await expectAccessible(page, browser, jsDisabled(testInfo), "case view");

    // Tab to the decision, choose with Space, write, submit with Enter.
    let found = false;
    for (let i = 0; i < 150 && !found; i++) {
      await page.keyboard.press("Tab");
      found = await page.evaluate(() => document.activeElement?.getAttribute("name") === "outcome");
    }
    expect(found, "the decision can be reached with Tab").toBe(true);
    await page.keyboard.press("Space");
    await page.keyboard.press("Tab");
    await page.keyboard.type("Åtgärden är förenlig med detaljplanen. Lov beviljas.");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Control+A");
    await page.keyboard.type("4200");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await expect(page.getByRole("status")).toContainText("Beslutet är fattat");
    await expect(page.getByTestId("officer-case-status")).toHaveText("Beslutat");

    await page.setViewportSize({ width: 320, height: 800 });
    await page.goto(`/handlaggare/arenden/${reference}?lang=en`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Case ${reference}`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await expectAccessible(page, browser, jsDisabled(testInfo), "case view 320 en");
    await page.goto("/handlaggare/statistik?lang=sv");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Statistik");
    await expect(page.getByTestId("incoming-table")).toBeVisible();
    await expect(page.locator("svg.chart").first()).toBeVisible();
    await expectAccessible(page, browser, jsDisabled(testInfo), "statistics 320");
  });
});
